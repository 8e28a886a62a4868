"""The store on a real SQLite file: round trips, dtypes, scoping, migrations."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from workbook.exporting import export_tables, read_export
from workbook.migrations import config as migration_config
from workbook.migrations import upgrade
from workbook.model import (
    Candidate,
    ClosingStatement,
    Farewell,
    Interview,
    Note,
    PlannedQuestion,
    Promise,
    Reflection,
    Summary,
    ThankYouEmail,
    ValidationError,
)
from workbook.schema import CANDIDATE_TABLES, frame_dtypes, metadata
from workbook.store import AccessDenied, Database, NotAWorkbookDatabase, Store, resolve_url


@pytest.fixture
def db_url(any_db_url: str) -> str:
    # Every test here runs on SQLite and on PostgreSQL.
    return any_db_url


def _fill(store: Store, interview: Interview) -> None:
    """One record of every kind, with awkward text in it."""
    store.save(PlannedQuestion(interview_id=interview.id, text="Wat is de volgende stap?", position=0))
    store.save(PlannedQuestion(interview_id=interview.id, text="Hoe ziet een <b>eerste</b> week eruit?", position=1))
    store.save(ClosingStatement(interview_id=interview.id, appeal="TDD", plan_steps=("eerst", "daarna"), text="ok"))
    store.save(Reflection(interview_id=interview.id, scores={"thanked": 4, "next_step": 2}, answers={"learned": "é"}))
    store.save(Promise(interview_id=interview.id, what="Kopie diploma", promised_on="2027-05-14", due_on="2027-05-18"))
    store.save(
        ThankYouEmail(interview_id=interview.id, recipients=("jan@utrecht.nl",), subject="Dank", send_on="2027-05-18")
    )
    store.save(Note(interview_id=interview.id, text="=SUM(A1:A9) en -min\n'quote", kind="during"))
    store.save(Summary(interview_id=interview.id, key_points="• 😀 punt één"))
    store.save(Farewell(interview_id=interview.id, phrase="Prettige dag!", checked=("thanked-opportunity",)))


def test_records_round_trip_as_records(store: Store, interview: Interview) -> None:
    _fill(store, interview)
    assert store.interviews() == [interview]
    questions = store.records(PlannedQuestion, interview.id)
    assert [q.text for q in questions] == [
        "Wat is de volgende stap?",
        "Hoe ziet een <b>eerste</b> week eruit?",
    ]
    reflection = store.one(Reflection, interview.id, scorer="self")
    assert reflection is not None and reflection.scores == {"thanked": 4, "next_step": 2}
    statement = store.one(ClosingStatement, interview.id)
    assert statement is not None and statement.plan_steps == ("eerst", "daarna")
    mail = store.one(ThankYouEmail, interview.id)
    assert mail is not None and mail.recipients == ("jan@utrecht.nl",) and mail.send_on == dt.date(2027, 5, 18)


def test_tables_have_the_declared_dtypes(store: Store, interview: Interview) -> None:
    _fill(store, interview)
    frames = store.tables()
    assert set(frames) == set(CANDIDATE_TABLES)
    for name, frame in frames.items():
        assert list(frame.columns) == list(frame_dtypes(name)), name
        for column, dtype in frame_dtypes(name).items():
            assert frame[column].dtype == dtype, (name, column)
    interviews = frames["interviews"]
    assert interviews.loc[0, "date"] == pd.Timestamp("2027-05-14")
    assert list(interviews["round"].cat.categories) == ["introduction", "selection", "terms", "other"]
    assert frames["reflection_scores"]["score"].dtype == "Int64"
    assert "code_hash" not in frames["candidates"].columns


def test_one_per_interview_records_keep_one_row(store: Store, interview: Interview) -> None:
    # Two tabs that each started a fresh statement end up editing the same row.
    store.save(ClosingStatement(interview_id=interview.id, text="first"))
    store.save(ClosingStatement(interview_id=interview.id, text="second"))
    rows = store.table("statements")
    assert len(rows) == 1 and rows.loc[0, "text"] == "second"


def test_invalid_records_write_nothing(store: Store, interview: Interview, candidate: Candidate) -> None:
    before = {name: len(frame) for name, frame in store.tables().items()}
    for bad in (
        lambda: Interview(candidate_id=candidate.id, employer="", role="x"),
        lambda: Interview(candidate_id=candidate.id, employer="x", role="x", round="final"),  # type: ignore[arg-type]
        lambda: Interview(candidate_id=candidate.id, employer="x", role="x", date="morgen"),
        lambda: Reflection(interview_id=interview.id, scores={"thanked": 7}),
    ):
        with pytest.raises(ValidationError):
            store.save(bad())
    assert {name: len(frame) for name, frame in store.tables().items()} == before


def test_the_database_itself_rejects_bad_rows(db: Database, interview: Interview) -> None:
    # Even a row that bypasses the model (a notebook, an import) meets the constraints.
    with pytest.raises(sa.exc.IntegrityError), db.write() as conn:
        conn.execute(sa.text("UPDATE interviews SET round = 'final'"))
    with pytest.raises(sa.exc.IntegrityError), db.write() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO questions (id, candidate_id, interview_id, text, position, source, "
                "catalogue_key, asked, updated_at) VALUES ('q', 'nobody', 'none', 't', 0, 'own', '', false, "
                "'2027-01-01')"
            )
        )


def test_candidates_never_see_each_other(db: Database, store: Store, interview: Interview) -> None:
    _fill(store, interview)
    other = Candidate(name="Bob")
    db.accounts.create_candidate(other)
    theirs = db.for_candidate(other.id)
    assert all(len(frame) == 0 for name, frame in theirs.tables().items() if name != "candidates")
    assert list(theirs.table("candidates")["name"]) == ["Bob"]
    assert theirs.interviews() == []
    assert theirs.records(PlannedQuestion, interview.id) == []
    with pytest.raises(AccessDenied):
        theirs.save(PlannedQuestion(interview_id=interview.id, text="sneaky"))
    with pytest.raises(AccessDenied):
        theirs.save(Interview(id=interview.id, candidate_id=other.id, employer="taken", role="over"))
    with pytest.raises(AccessDenied):
        theirs.delete(Interview, interview.id)
    with pytest.raises(AccessDenied):
        theirs.interview(interview.id)
    assert store.interview(interview.id).employer == "Gemeente Utrecht"


def test_coach_sees_everyone(db: Database, store: Store, interview: Interview) -> None:
    other = Candidate(name="Bob")
    db.accounts.create_candidate(other)
    coach = db.for_coach()
    assert set(coach.table("candidates")["name"]) == {"Sanne de Vries", "Bob"}
    assert len(coach.table("interviews")) == 1


def test_delete_cascades(store: Store, interview: Interview) -> None:
    _fill(store, interview)
    assert store.delete(Interview, interview.id)
    assert all(len(frame) == 0 for name, frame in store.tables().items() if name != "candidates")
    assert not store.delete(Interview, interview.id)


def test_reorder_questions(store: Store, interview: Interview) -> None:
    _fill(store, interview)
    first, second = store.records(PlannedQuestion, interview.id)
    store.reorder_questions(interview.id, [second.id, first.id])
    assert [q.id for q in store.records(PlannedQuestion, interview.id)] == [second.id, first.id]


def test_sign_in_codes(db: Database) -> None:
    person = Candidate(name="Ali")
    code = db.accounts.create_candidate(person)
    assert db.accounts.find_candidate(code) == person
    assert db.accounts.find_candidate(code.lower().replace("-", " ")) == person
    assert db.accounts.find_candidate("AAAA-BBBB-CCCC") is None
    assert db.accounts.find_candidate("") is None
    with db.read() as conn:
        stored = conn.execute(sa.text("SELECT code_hash FROM candidates")).scalar()
    assert code.replace("-", "") not in stored


@pytest.mark.parametrize("suffix", [".xlsx", ""])
def test_export_round_trip(store: Store, interview: Interview, tmp_path: Path, suffix: str) -> None:
    _fill(store, interview)
    frames = store.tables()
    written = export_tables(frames, tmp_path / f"export{suffix}")
    assert all(path.exists() for path in written)
    back = read_export(tmp_path / f"export{suffix}")
    assert set(back) == set(frames)
    for name, frame in frames.items():
        pd.testing.assert_frame_equal(back[name], frame, check_exact=False, obj=name)


def test_exports_neutralise_formulas(store: Store, interview: Interview, tmp_path: Path) -> None:
    _fill(store, interview)
    export_tables(store.tables(), tmp_path / "csv")
    raw = (tmp_path / "csv" / "notes.csv").read_text(encoding="utf-8-sig")
    assert "'=SUM(A1:A9)" in raw
    import openpyxl

    export_tables(store.tables(), tmp_path / "x.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "x.xlsx")["notes"]
    texts = [cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert any(t.startswith("'=SUM") for t in texts)
    assert not any(t.startswith("=") for t in texts)


def test_export_refuses_other_suffixes(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.xlsx"):
        export_tables(store.tables(), tmp_path / "out.pdf")


def test_schema_after_migrations_matches_the_declared_tables(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_a_database_at_the_first_version_is_upgraded_on_open(db_url: str) -> None:
    url = db_url
    engine = sa.create_engine(url)
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO candidates (id, name, language, linkedin_url, created_at, updated_at) "
                "VALUES ('c1', 'Oud', 'nl', '', '2026-01-01 10:00:00', '2026-01-01 10:00:00')"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO interviews (id, candidate_id, employer, role, round, date, outcome, "
                "updated_at) VALUES ('i1', 'c1', 'Oud BV', 'Rol', 'terms', '2026-01-02', 'offer', "
                "'2026-01-02 10:00:00')"
            )
        )
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == "0001"
    engine.dispose()

    db = Database.open(url)
    with db.read() as conn:
        head = ScriptDirectory.from_config(migration_config(db.engine)).get_current_head()
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == head
        indexes = {index["name"] for index in sa.inspect(conn).get_indexes("interviews")}
    assert {"ix_interviews_date", "ix_interviews_round"} <= indexes
    old = db.for_candidate("c1").interviews()
    assert [(i.employer, i.round, i.outcome) for i in old] == [("Oud BV", "terms", "offer")]
    db.close()


def test_sqlite_settings(tmp_path: Path) -> None:
    db = Database.open(f"sqlite:///{tmp_path / 'settings.sqlite'}")
    with db.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10_000


def test_a_foreign_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"this is my thesis, not a database" * 100)
    before = path.read_bytes()
    with pytest.raises(NotAWorkbookDatabase, match="not an SQLite database"):
        Database.open(f"sqlite:///{path}")
    assert path.read_bytes() == before


@pytest.mark.parametrize("table", ["interviews", "boekhouding"])
def test_another_programs_sqlite_database_is_refused(tmp_path: Path, table: str) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as raw:
        raw.execute(f"CREATE TABLE {table} (x INTEGER)")
    with pytest.raises(NotAWorkbookDatabase, match="left untouched"):
        Database.open(f"sqlite:///{path}")
    with sqlite3.connect(path) as raw:
        assert [r[0] for r in raw.execute("SELECT name FROM sqlite_master")] == [table]


def test_relative_sqlite_paths_become_absolute(tmp_path: Path) -> None:
    url = resolve_url("sqlite:///data/workbook.sqlite", base=tmp_path)
    assert url == f"sqlite:///{tmp_path / 'data' / 'workbook.sqlite'}"
    assert resolve_url("postgresql://u:p@h/db") == "postgresql://u:p@h/db"
    db = Database.open(f"sqlite:///{tmp_path / 'new' / 'deeper' / 'wb.sqlite'}")
    assert (tmp_path / "new" / "deeper" / "wb.sqlite").exists()
    db.close()


def test_latest_names_the_newest_migration(db: Database) -> None:
    from workbook.migrations import LATEST, current_revision

    head = ScriptDirectory.from_config(migration_config(db.engine)).get_current_head()
    assert head == LATEST and current_revision(db.engine) == head
