"""Workshops, coaches' scopes, custom content and demo data, on a real SQLite file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workbook.demo import fill_demo
from workbook.model import (
    Candidate,
    Interview,
    PlannedQuestion,
    Reflection,
    ValidationError,
    Workshop,
    WorkshopQuestion,
    WorkshopRubricItem,
)
from workbook.scoring import summarise
from workbook.store import AccessDenied, Database, Store
from workbook.widgets.questions import ClosingQuestions
from workbook.widgets.reflection import ReflectionExercise


@pytest.fixture
def db_url(any_db_url: str) -> str:
    # Every test here runs on SQLite and on PostgreSQL.
    return any_db_url


@pytest.fixture
def coach_id(db: Database) -> str:
    return db.accounts.set_coach_passcode("coach-one-passcode", name="Ans")


@pytest.fixture
def workshop(db: Database, coach_id: str) -> tuple[Workshop, str]:
    group = Workshop(coach_id=coach_id, name="Najaar 2027", starts_on="2027-09-01", ends_on="2027-11-30")
    return group, db.for_coach(group.coach_id).create_workshop(group)


def test_candidates_join_with_the_code(db: Database, store: Store, candidate: Candidate, workshop) -> None:  # type: ignore[no-untyped-def]
    group, code = workshop
    assert db.for_candidate(candidate.id).join_workshop("nonsense") is None
    assert db.for_candidate(candidate.id).join_workshop(code.lower()) == group
    assert db.for_candidate(candidate.id).join_workshop(code) == group  # twice is fine
    assert db.for_candidate(candidate.id).workshops() == [group]
    assert db.for_coach().workshop_code(group.id) == code
    assert len(store.table("memberships")) == 1


def test_a_coach_sees_only_their_own_workshops(
    db: Database, store: Store, candidate: Candidate, interview: Interview, coach_id: str, workshop
) -> None:  # type: ignore[no-untyped-def]
    group, code = workshop
    other_coach = db.accounts.set_coach_passcode("coach-two-passcode", name="Bert")
    outsider = Candidate(name="Buiten")
    db.accounts.create_candidate(outsider)
    theirs = db.for_candidate(outsider.id)
    outside_interview = theirs.save(Interview(candidate_id=outsider.id, employer="Elders", role="Rol"))
    db.for_candidate(candidate.id).join_workshop(code)

    mine = db.for_coach(coach_id)
    assert list(mine.table("candidates")["name"]) == ["Sanne de Vries"]
    assert list(mine.table("interviews")["employer"]) == ["Gemeente Utrecht"]
    assert list(mine.table("workshops")["name"]) == ["Najaar 2027"]
    assert list(mine.table("coaches")["name"]) == ["Ans"]
    assert "passcode_hash" not in mine.table("coaches").columns
    # The coach scores a member's interview; not an outsider's.
    mine.save(Reflection(interview_id=interview.id, scorer="coach", scores={"thanked": 4}))
    with pytest.raises(AccessDenied):
        mine.save(Reflection(interview_id=outside_interview.id, scorer="coach", scores={"thanked": 4}))
    with pytest.raises(AccessDenied):  # coaches add scores, they do not edit the work
        mine.save(PlannedQuestion(interview_id=interview.id, text="Coach typed this"))
    with pytest.raises(AccessDenied):
        mine.delete(Interview, interview.id)
    assert store.one(Reflection, interview.id, scorer="coach").scores == {"thanked": 4}  # type: ignore[union-attr]

    bert = db.for_coach(other_coach)
    assert bert.table("candidates").empty and bert.table("interviews").empty and bert.table("workshops").empty
    with pytest.raises(AccessDenied):
        bert.save(Reflection(interview_id=interview.id, scorer="coach", scores={"thanked": 1}))
    with pytest.raises(AccessDenied):
        db.for_coach(other_coach).add_question(WorkshopQuestion(workshop_id=group.id, purpose="ready", text="Q?"))


def test_passcodes_identify_the_coach(db: Database, coach_id: str) -> None:
    other = db.accounts.set_coach_passcode("coach-two-passcode", name="Bert")
    assert db.accounts.check_coach_passcode("coach-one-passcode") == coach_id
    assert db.accounts.check_coach_passcode("coach-two-passcode") == other
    assert db.accounts.check_coach_passcode("coach-three") is None
    assert db.accounts.set_coach_passcode("a-new-passcode!", name="Ans") == coach_id  # same coach, new passcode
    assert db.accounts.check_coach_passcode("coach-one-passcode") is None


def test_custom_questions_reach_the_workshops_candidates(
    db: Database, store: Store, candidate: Candidate, interview: Interview, coach_id: str, workshop
) -> None:  # type: ignore[no-untyped-def]
    group, code = workshop
    db.for_coach(coach_id).add_question(
        WorkshopQuestion(workshop_id=group.id, purpose="ready", text="Met welke klant zou ik starten?")
    )
    db.for_coach(coach_id).add_question(
        WorkshopQuestion(workshop_id=group.id, purpose="ready", text="Wat verdien ik in dit team?")
    )
    with pytest.raises(ValidationError):
        db.for_coach(coach_id).add_question(WorkshopQuestion(workshop_id=group.id, purpose="nope", text="Q?"))
    page = ClosingQuestions(store, interview, "nl", autosave_delay=0)
    page.purpose.value = "ready"
    texts = " ".join(row.children[0].value for row in page.catalogue_list.children)
    assert "Met welke klant" not in texts  # not a member yet
    db.for_candidate(candidate.id).join_workshop(code)
    page = ClosingQuestions(store, interview, "nl", autosave_delay=0)
    page.purpose.value = "ready"
    rows = page.catalogue_list.children
    own = [row for row in rows if "van je coach" in row.children[0].value]
    assert len(own) == 2
    # Checked like the built-in ones: the salary question carries its warning.
    salary = next(row for row in own if "verdien" in row.children[0].value)
    assert "wb-warning" in salary.children[0].value and "arbeidsvoorwaardengesprek" in salary.children[0].value
    own[0].children[1].click()
    assert page.planned() == ["Met welke klant zou ik starten?"]


def test_custom_rubric_items_are_scored(
    db: Database, store: Store, candidate: Candidate, interview: Interview, coach_id: str, workshop
) -> None:  # type: ignore[no-untyped-def]
    group, code = workshop
    item = db.for_coach(coach_id).add_rubric_item(
        WorkshopRubricItem(
            workshop_id=group.id,
            phase="goodbye",
            label="Oogcontact bij het afscheid",
            anchors=("geen", "even", "soms", "meestal", "steeds"),
        ),
    )
    db.for_candidate(candidate.id).join_workshop(code)
    page = ReflectionExercise(store, interview, "nl", autosave_delay=0)
    assert item.key in page.items
    page.items[item.key].score.value = 5
    page.items["thanked"].score.value = 3
    assert "steeds" in page.items[item.key].anchor.value
    assert "Totaal 8 punten over 2 van 16" in page.summary.value
    stored = store.one(Reflection, interview.id, scorer="self")
    assert stored is not None and stored.scores[item.key] == 5
    assert summarise(stored, {item.key: "goodbye"}).phase("goodbye").mean == 4.0


def test_deleting_a_workshop(db: Database, candidate: Candidate, interview: Interview, coach_id: str, workshop) -> None:  # type: ignore[no-untyped-def]
    group, code = workshop
    db.for_candidate(candidate.id).join_workshop(code)
    with pytest.raises(AccessDenied):
        db.for_coach("someone-else").delete_workshop(group.id)
    db.for_coach(coach_id).delete_workshop(group.id, with_candidates=True)
    assert db.for_coach().table("candidates").empty and db.for_coach().table("interviews").empty


def test_demo_is_plausible_and_reproducible(tmp_path: Path) -> None:
    first = Database.open(f"sqlite:///{tmp_path / 'a.sqlite'}")
    second = Database.open(f"sqlite:///{tmp_path / 'b.sqlite'}")
    result = fill_demo(first, candidates=12, interviews=4, seed=7)
    fill_demo(second, candidates=12, interviews=4, seed=7)
    assert result.candidates == 12 and result.interviews == 48 and len(result.sample_codes) == 3
    assert first.count_rows() == second.count_rows()
    a, b = first.for_coach().tables(), second.for_coach().tables()
    columns = ["employer", "role", "round", "date", "outcome"]
    assert (
        a["interviews"][columns]
        .sort_values(columns)
        .reset_index(drop=True)
        .equals(b["interviews"][columns].sort_values(columns).reset_index(drop=True))
    )
    assert set(a["candidates"]["language"]) == {"nl", "en"}
    assert first.accounts.check_coach_passcode("demo-coach-passcode") == result.coach_id
    name, code = result.sample_codes[0]
    found = first.accounts.find_candidate(code)
    assert found is not None and found.name == name
    assert first.accounts.find_workshop(result.workshop_code) is not None
    assert dt.date(2026, 9, 7) <= a["interviews"]["date"].min().date()


def test_purge_removes_old_workshops_with_their_data(
    db: Database, candidate: Candidate, interview: Interview, coach_id: str
) -> None:
    old = Workshop(coach_id=coach_id, name="Oud", starts_on="2025-01-10", ends_on="2025-02-10")
    new = Workshop(coach_id=coach_id, name="Nieuw", starts_on="2026-10-01", ends_on="2026-11-01")
    db.for_candidate(candidate.id).join_workshop(db.for_coach(old.coach_id).create_workshop(old))
    db.for_coach(new.coach_id).create_workshop(new)
    today = dt.date(2026, 11, 29)
    assert db.for_coach().purge_workshops(older_than_months=12, today=today, dry_run=True) == ["Oud"]
    assert len(db.for_coach().table("interviews")) == 1  # a dry run deletes nothing
    assert db.for_coach().purge_workshops(older_than_months=12, today=today) == ["Oud"]
    tables = db.for_coach().tables()
    assert list(tables["workshops"]["name"]) == ["Nieuw"]
    assert tables["candidates"].empty and tables["interviews"].empty and tables["reflection_scores"].empty


def test_a_candidate_deletes_everything(db: Database, store: Store, candidate: Candidate, interview: Interview) -> None:
    from workbook.model import Promise

    store.save(Reflection(interview_id=interview.id, scores={"thanked": 3}, answers={"learned": "x"}))
    store.save(Promise(interview_id=interview.id, what="diploma"))
    other = Candidate(name="Blijft")
    db.accounts.create_candidate(other)
    store.delete_candidate()
    tables = db.for_coach().tables()
    assert list(tables["candidates"]["name"]) == ["Blijft"]
    assert all(frame.empty for name, frame in tables.items() if name not in ("candidates", "coaches"))
