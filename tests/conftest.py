"""Shared fixtures: a real SQLite file per test, and a signed-up candidate in it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workbook.model import Candidate, Interview, Interviewer
from workbook.store import Database, Store


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'workbook.sqlite'}"


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database.open(db_url)
    yield database
    database.close()


@pytest.fixture
def candidate(db: Database) -> Candidate:
    person = Candidate(name="Sanne de Vries")
    db.create_candidate(person)
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
