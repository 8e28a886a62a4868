"""The coach view on demo data: a workshop of eight candidates with three interviews each."""

from __future__ import annotations

import datetime as dt

import pytest

from workbook.demo import DemoResult, fill_demo
from workbook.model import Candidate, Interview
from workbook.store import Database


@pytest.fixture
def demo(db: Database) -> DemoResult:
    return fill_demo(db, candidates=8, interviews=3, seed=3)


def join(db: Database, name: str, code: str, *, interview: bool = False) -> Candidate:
    """A new candidate who joins the workshop of ``code`` (with one interview if asked)."""
    person = Candidate(name=name)
    db.accounts.create_candidate(person)
    store = db.for_candidate(person.id)
    assert store.join_workshop(code) is not None
    if interview:
        store.save(Interview(candidate_id=person.id, employer="Rabobank", role="Analist", date=dt.date(2026, 10, 1)))
    return person
