"""Exports for people: names, labels and real dates, in the reader's language."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import openpyxl
import pytest

from workbook import analysis
from workbook.demo import fill_demo
from workbook.exporting.delimited import csv_for_people, csv_zip_for_people
from workbook.exporting.people import candidate_names, people_sheets
from workbook.exporting.spreadsheet import xlsx_for_people
from workbook.model import Candidate, CoachComment, Reflection
from workbook.store import Database

HEX_ID = re.compile(r"\b[0-9a-f]{16}\b")
SNAKE = re.compile(r"^[a-z]+(_[a-z]+)+$")
CODES = {"next_round", "cannot_deliver", "self", "coach", "selection", "terms", "pending", "during", "after"}


@pytest.fixture
def workshop(db: Database):  # type: ignore[no-untyped-def]
    demo = fill_demo(db, candidates=6, interviews=3, seed=2)
    coach = db.for_coach(demo.coach_id)
    interview = coach.table("interviews").iloc[0]
    coach.save_comment(CoachComment(interview_id=interview["id"], coach_id=demo.coach_id, text="=Goed gedaan"))
    coach.save(Reflection(interview_id=interview["id"], scorer="coach", scores={"thanked": 5}))
    return demo, coach.tables()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_workbook_speaks_the_readers_language(workshop, lang: str) -> None:  # type: ignore[no-untyped-def]
    _demo, tables = workshop
    sheets = people_sheets(tables, lang, roster=analysis.roster(tables), progress=analysis.step_progress(tables))
    book = openpyxl.load_workbook(io.BytesIO(xlsx_for_people(sheets)))
    assert book.sheetnames[0] == ("Deelnemers" if lang == "nl" else "Participants")
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
        headers = [c.value for c in ws[1]]
        assert all(h and not SNAKE.match(h) for h in headers), (ws.title, headers)
        assert ws.column_dimensions["A"].width >= len(headers[0])
        for row in ws.iter_rows(min_row=2, values_only=True):
            for value in row:
                if isinstance(value, str):
                    assert not HEX_ID.search(value), (ws.title, value)
                    assert value not in CODES, (ws.title, value)
    interviews = book.worksheets[1]
    date_column = [c.value for c in interviews[1]].index("Datum gesprek" if lang == "nl" else "Interview date")
    first = next(interviews.iter_rows(min_row=2, max_row=2))
    assert isinstance(first[date_column].value, dt.datetime)  # a date cell, not text
    assert first[date_column].number_format == ("dd-mm-yyyy" if lang == "nl" else "d mmm yyyy")
    assert first[-1].number_format == "0%"  # the share of steps done
    comments = book.worksheets[-1]
    assert [c.value for c in comments[2]][4] == "'=Goed gedaan"  # a formula stays text


def test_scores_stand_self_beside_coach(workshop) -> None:  # type: ignore[no-untyped-def]
    _demo, tables = workshop
    scores = next(s for s in people_sheets(tables, "nl") if s.key == "scores").frame
    coached = scores[scores["coach_score"].notna()]
    assert not coached.empty and "Bedankt" in set(coached["item"])  # the rubric's label, not its key
    assert scores["self_score"].dropna().between(1, 5).all()


def test_dutch_csv_opens_in_columns(workshop) -> None:  # type: ignore[no-untyped-def]
    _demo, tables = workshop
    sheet = next(
        s for s in people_sheets(tables, "nl", progress=analysis.step_progress(tables)) if s.key == "interviews"
    )
    raw = csv_for_people(sheet)
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Deelnemer", "Werkgever"] and len(rows) == len(sheet.frame) + 1
    assert all(len(r) == len(rows[0]) for r in rows)
    assert re.fullmatch(r"\d{2}-\d{2}-\d{4}", rows[1][4]) and rows[1][-1].endswith("%")
    english = next(s for s in people_sheets(tables, "en") if s.key == "scores")
    assert csv_for_people(english).decode("utf-8-sig").splitlines()[0].startswith("Participant,Employer")
    assert csv_zip_for_people([sheet, english])[:2] == b"PK"


def test_equal_names_are_told_apart(db: Database) -> None:
    for name in ("Sanne de Vries", "Sanne de Vries", "Bram"):
        db.accounts.create_candidate(Candidate(name=name))
    names = candidate_names(db.for_coach().table("candidates"))
    assert sorted(names) == ["Bram", "Sanne de Vries (1)", "Sanne de Vries (2)"]
