"""Shared fixtures: a real SQLite file per test, and a signed-up candidate in it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbook.model import Candidate, Interview, Interviewer
from workbook.store import Database, Store


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'workbook.sqlite'}"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[object]:
    """A real PostgreSQL server for the session (see tests/postgres.py)."""
    from tests.postgres import running_server

    if os.environ.get("WORKBOOK_NO_POSTGRES"):
        pytest.skip(f"PostgreSQL tests skipped: {os.environ['WORKBOOK_NO_POSTGRES']}")
    try:
        context = running_server()
        server = context.__enter__()
    except RuntimeError as error:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{error}; .ci/run installs PostgreSQL, so on CI this is a failure", pytrace=False)
        pytest.skip(str(error))
    try:
        yield server
    finally:
        context.__exit__(None, None, None)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test on the embedded SQLite file and on a real PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'workbook.sqlite'}"
    server = request.getfixturevalue("postgres_server")
    return str(server.url(server.create_database()))  # type: ignore[attr-defined]


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database.open(db_url)
    yield database
    database.close()


@pytest.fixture
def candidate(db: Database) -> Candidate:
    person = Candidate(name="Sanne de Vries")
    db.accounts.create_candidate(person)
    return person


@pytest.fixture
def store(db: Database, candidate: Candidate) -> Store:
    return db.for_candidate(candidate.id)


@pytest.fixture
def interview(store: Store, candidate: Candidate) -> Interview:
    return store.save(
        Interview(
            candidate_id=candidate.id,
            employer="Gemeente Utrecht",
            role="Beleidsadviseur",
            round="selection",
            date="2027-05-14",
            time="14:30",
            interviewers=(Interviewer(name="Jan Jansen", role="teamleider", email="jan@utrecht.nl"),),
        )
    )
