"""Accounts: the only way from a credential to a scoped store, with its attempt limits."""

from __future__ import annotations

import pytest

from workbook.model import Candidate, Workshop
from workbook.store import (
    CODE_ATTEMPTS_PER_MINUTE,
    Database,
    TooManyAttempts,
    UnknownWorkshop,
)


def test_sign_up_gives_a_store_and_a_code_that_signs_in(db: Database) -> None:
    store, code = db.accounts.sign_up(Candidate(name="Sanne"))
    assert store.candidate().name == "Sanne"
    again = db.accounts.sign_in(code)
    assert again is not None and again.candidate_id == store.candidate_id
    assert db.accounts.sign_in("WRNG-WRNG-WRNG-WRNG") is None


def test_a_wrong_workshop_code_leaves_no_account(db: Database) -> None:
    with pytest.raises(UnknownWorkshop):
        db.accounts.sign_up(Candidate(name="Sam"), workshop_code="WRNG-WRNG-WRNG")
    assert db.for_coach().table("candidates").empty
    coach = db.accounts.set_coach_passcode("coach passcode", name="Ans")
    code = db.for_coach(coach).create_workshop(Workshop(coach_id=coach, name="Najaar"))
    store, _ = db.accounts.sign_up(Candidate(name="Sam"), workshop_code=code.lower())
    assert [w.name for w in store.workshops()] == ["Najaar"]


def test_the_coach_passcode_gives_the_coachs_store(db: Database) -> None:
    coach = db.accounts.set_coach_passcode("coach passcode", name="Ans")
    store = db.accounts.sign_in_coach("coach passcode")
    assert store is not None and store.scope.coach_id == coach and store.coach_name() == "Ans"
    assert db.accounts.sign_in_coach("a wrong guess") is None


def test_failed_codes_are_limited_across_pages(db: Database) -> None:
    for _ in range(CODE_ATTEMPTS_PER_MINUTE):
        assert db.accounts.sign_in("WRNG-WRNG-WRNG-WRNG") is None
    with pytest.raises(TooManyAttempts):
        db.accounts.sign_in("WRNG-WRNG-WRNG-WRNG")
    # Another page (another Accounts on the same database) meets the same limit.
    other = Database.open(str(db.engine.url))
    try:
        with pytest.raises(TooManyAttempts):
            other.accounts.sign_in("WRNG-WRNG-WRNG-WRNG")
    finally:
        other.close()


def test_single_sign_on_users_get_one_account(db: Database) -> None:
    first = db.accounts.sign_in_external("sanne")
    second = db.accounts.sign_in_external("sanne")
    assert first.candidate_id == second.candidate_id and first.candidate().name == "sanne"
