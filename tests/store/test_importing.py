"""Imports: an export comes back whole; a broken file is refused whole, with the
row and column of every problem."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from workbook.cli import main
from workbook.demo import fill_demo
from workbook.exporting import export_tables
from workbook.store import Database
from workbook.store.importing import ImportError_, import_tables


@pytest.fixture
def source(tmp_path: Path) -> Database:
    db = Database.open(f"sqlite:///{tmp_path / 'source.sqlite'}")
    fill_demo(db, candidates=4, interviews=2, seed=5)
    return db


def _fresh(tmp_path: Path, name: str = "target") -> Database:
    return Database.open(f"sqlite:///{tmp_path / f'{name}.sqlite'}")


@pytest.mark.parametrize("suffix", [".xlsx", ""])
def test_an_export_imports_back_equal(source: Database, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"all{suffix}"
    export_tables(source.for_coach().tables(), out)
    target = _fresh(tmp_path)
    report = import_tables(target, out)
    assert report.rows["interviews"] == 8
    before, after = source.for_coach().tables(), target.for_coach().tables()
    for name, frame in before.items():
        pd.testing.assert_frame_equal(
            after[name].sort_values(list(after[name].columns[:2])).reset_index(drop=True),
            frame.sort_values(list(frame.columns[:2])).reset_index(drop=True),
            check_exact=False,
            obj=name,
        )
    assert target.accounts.check_coach_passcode("demo-coach-passcode") is None  # passcodes never travel


def _broken_xlsx(source: Database, tmp_path: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / "broken.xlsx"
    export_tables(source.for_coach().tables(), path)
    book = openpyxl.load_workbook(path)
    edit(book)
    book.save(path)
    return path


def _problems(target: Database, path: Path) -> list[str]:
    with pytest.raises(ImportError_) as caught:
        import_tables(target, path)
    return [str(p) for p in caught.value.problems]


def _column(sheet, name: str) -> int:  # type: ignore[no-untyped-def]
    return [c.value for c in sheet[1]].index(name) + 1


def test_wrong_types_are_named_by_row_and_column(source: Database, tmp_path: Path) -> None:
    def edit(book) -> None:  # type: ignore[no-untyped-def]
        sheet = book["interviews"]
        sheet.cell(row=3, column=_column(sheet, "date")).value = "morgen"
        sheet.cell(row=4, column=_column(sheet, "round")).value = "final"
        scores = book["reflection_scores"]
        scores.cell(row=2, column=_column(scores, "score")).value = "vier"

    target = _fresh(tmp_path)
    problems = _problems(target, _broken_xlsx(source, tmp_path, edit))
    assert any(p.startswith("interviews, row 3, column date: 'morgen'") for p in problems)
    assert any(p.startswith("interviews, row 4, column round: 'final' is not one of") for p in problems)
    assert any(p.startswith("reflection_scores, row 2, column score") for p in problems)
    assert target.for_coach().table("candidates").empty  # nothing partially imported


def test_wrong_and_missing_columns(source: Database, tmp_path: Path) -> None:
    def edit(book) -> None:  # type: ignore[no-untyped-def]
        sheet = book["promises"]
        sheet.cell(row=1, column=_column(sheet, "what")).value = "wat"

    problems = _problems(_fresh(tmp_path), _broken_xlsx(source, tmp_path, edit))
    assert "promises, row 1, column what: this column is missing" in problems
    assert "promises, row 1, column wat: unknown column" in problems


def test_duplicate_ids_and_ids_already_there(source: Database, tmp_path: Path) -> None:
    def edit(book) -> None:  # type: ignore[no-untyped-def]
        sheet = book["questions"]
        sheet.cell(row=3, column=1).value = sheet.cell(row=2, column=1).value

    problems = _problems(_fresh(tmp_path), _broken_xlsx(source, tmp_path, edit))
    assert "questions, row 3, column id: the same id as row 2: ids must be unique" in problems
    export_tables(source.for_coach().tables(), tmp_path / "again.xlsx")
    problems = _problems(source, tmp_path / "again.xlsx")  # into the database it came from
    assert any("this id is already in the database" in p for p in problems)


def test_wrong_encoding_and_broken_files(source: Database, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    export_tables(source.for_coach().tables(), folder)
    text = (folder / "notes.csv").read_text(encoding="utf-8-sig")
    (folder / "candidates.csv").write_bytes(
        (folder / "candidates.csv").read_text(encoding="utf-8-sig").replace("a", "é").encode("latin-1")
    )
    (folder / "notes.csv").write_text(text)
    problems = _problems(_fresh(tmp_path), folder)
    assert any(p.startswith("candidates.csv, row") and "not UTF-8" in p for p in problems)
    (tmp_path / "fake.xlsx").write_text("not a spreadsheet")
    assert any("not a readable Excel file" in p for p in _problems(_fresh(tmp_path, "t2"), tmp_path / "fake.xlsx"))
    assert _problems(_fresh(tmp_path, "t3"), tmp_path / "missing.xlsx") == ["missing.xlsx: no such file or folder"]


def test_children_without_parents_are_refused(source: Database, tmp_path: Path) -> None:
    def edit(book) -> None:  # type: ignore[no-untyped-def]
        del book["interviews"]

    problems = _problems(_fresh(tmp_path), _broken_xlsx(source, tmp_path, edit))
    assert any("rows do not fit together" in p for p in problems)


def test_cli_import(source: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export_tables(source.for_coach().tables(), tmp_path / "all.xlsx")
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    assert main(["import", str(tmp_path / "all.xlsx"), "--db", url]) == 0
    assert "interviews: 8 row(s)" in capsys.readouterr().out
    assert main(["import", str(tmp_path / "all.xlsx"), "--db", url]) == 2
    err = capsys.readouterr().err
    assert "Nothing was imported" in err and "already in the database" in err and "Traceback" not in err
