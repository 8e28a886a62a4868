"""Coach comments and a workshop's own content, edited and deleted, through the scoped store."""

from __future__ import annotations

import pytest

from workbook.model import (
    Candidate,
    CoachComment,
    Interview,
    Reflection,
    ValidationError,
    Workshop,
    WorkshopQuestion,
    WorkshopRubricItem,
)
from workbook.store import AccessDenied, Database, Store


@pytest.fixture
def db_url(any_db_url: str) -> str:
    # Every test here runs on SQLite and on PostgreSQL.
    return any_db_url


@pytest.fixture
def coach(db: Database, candidate: Candidate) -> tuple[str, Workshop]:
    coach_id = db.accounts.set_coach_passcode("coach-one-passcode", name="Ans")
    group = Workshop(coach_id=coach_id, name="Najaar 2027")
    code = db.for_coach(coach_id).create_workshop(group)
    db.for_candidate(candidate.id).join_workshop(code)
    return coach_id, group


def test_a_coach_comments_and_the_candidate_reads_it_once(
    db: Database, store: Store, interview: Interview, coach: tuple[str, Workshop]
) -> None:
    coach_id, _group = coach
    mine = db.for_coach(coach_id)
    note = mine.save_comment(CoachComment(interview_id=interview.id, coach_id=coach_id, text="Mooi <b>slot</b>!"))
    mine.save_comment(CoachComment(interview_id=interview.id, coach_id=coach_id, text="Oefen dit", item="thanked"))
    assert [c.text for c in store.comments(interview.id)] == ["Mooi <b>slot</b>!", "Oefen dit"]
    assert store.unread_comments() == 2
    assert store.mark_comments_read(interview.id) == 2
    assert store.unread_comments() == 0 and all(c.read_at is not None for c in store.comments())
    # An edit keeps the comment; the coach deletes their own.
    mine.save_comment(CoachComment(interview_id=interview.id, coach_id=coach_id, text="Heel mooi slot!", id=note.id))
    assert store.comments(interview.id)[0].text == "Heel mooi slot!"
    assert mine.delete_comment(note.id) and not mine.delete_comment(note.id)
    assert [c.item for c in store.comments()] == ["thanked"]
    assert len(store.tables()["coach_comments"]) == 1  # in the candidate's own data


def test_comments_stay_within_their_scope(
    db: Database, store: Store, interview: Interview, coach: tuple[str, Workshop]
) -> None:
    coach_id, _group = coach
    with pytest.raises(AccessDenied):  # candidates do not write coach comments
        store.save_comment(CoachComment(interview_id=interview.id, coach_id=coach_id, text="Zelf"))
    with pytest.raises(TypeError):  # nor through save(), which keeps a candidate's work
        store.save(CoachComment(interview_id=interview.id, coach_id=coach_id, text="Zelf"))
    other = db.accounts.set_coach_passcode("coach-two-passcode", name="Bert")
    bert = db.for_coach(other)
    with pytest.raises(AccessDenied):  # not Bert's candidate
        bert.save_comment(CoachComment(interview_id=interview.id, coach_id=other, text="Hoi"))
    with pytest.raises(AccessDenied):  # nor under another coach's name
        db.for_coach(coach_id).save_comment(CoachComment(interview_id=interview.id, coach_id=other, text="Hoi"))
    db.for_coach(coach_id).save_comment(CoachComment(interview_id=interview.id, coach_id=coach_id, text="Goed"))
    assert bert.comments() == []
    outsider = Candidate(name="Buiten")
    db.accounts.create_candidate(outsider)
    assert db.for_candidate(outsider.id).comments() == [] and db.for_candidate(outsider.id).unread_comments() == 0
    with pytest.raises(ValidationError):
        CoachComment(interview_id=interview.id, coach_id=coach_id, text="   ")


def test_own_questions_are_edited_and_deleted(db: Database, store: Store, coach: tuple[str, Workshop]) -> None:
    coach_id, group = coach
    mine = db.for_coach(coach_id)
    question = mine.add_question(WorkshopQuestion(workshop_id=group.id, purpose="ready", text="Eerste versie?"))
    mine.update_question(
        WorkshopQuestion(workshop_id=group.id, purpose="people", text="Tweede versie?", id=question.id)
    )
    assert [(q.purpose, q.text) for q in store.workshop_questions()] == [("people", "Tweede versie?")]
    with pytest.raises(ValidationError):
        mine.update_question(WorkshopQuestion(workshop_id=group.id, purpose="nope", text="X?", id=question.id))
    other = db.for_coach(db.accounts.set_coach_passcode("coach-two-passcode", name="Bert"))
    with pytest.raises(AccessDenied):
        other.delete_question(question.id)
    with pytest.raises(AccessDenied):
        other.update_question(WorkshopQuestion(workshop_id=group.id, purpose="people", text="Van Bert", id=question.id))
    assert mine.delete_question(question.id) and store.workshop_questions() == []


def test_a_deleted_rubric_item_keeps_the_scores_given(
    db: Database, store: Store, interview: Interview, coach: tuple[str, Workshop]
) -> None:
    coach_id, group = coach
    mine = db.for_coach(coach_id)
    anchors = ("geen", "even", "soms", "meestal", "steeds")
    item = mine.add_rubric_item(
        WorkshopRubricItem(workshop_id=group.id, phase="goodbye", label="Oogcontact", anchors=anchors)
    )
    store.save(Reflection(interview_id=interview.id, scores={item.key: 4}))
    mine.update_rubric_item(
        WorkshopRubricItem(
            workshop_id=group.id, phase="goodbye", label="Oogcontact bij afscheid", anchors=anchors, id=item.id
        )
    )
    assert [i.label for i in store.workshop_rubric_items()] == ["Oogcontact bij afscheid"]
    assert mine.retire_rubric_item(item.id)
    assert store.workshop_rubric_items() == []
    (retired,) = store.workshop_rubric_items(retired=True)
    assert retired.label == "Oogcontact bij afscheid" and retired.retired_at is not None
    assert store.one(Reflection, interview.id, scorer="self").scores == {item.key: 4}  # type: ignore[union-attr]
