"""The coach's comments in the candidate's workspace: marked as the coach's, dated,
new until seen, on the right interview and nobody else's; coach scores on a
workshop's own rubric item beside the candidate's own."""

from __future__ import annotations

import pytest

from workbook import guidance
from workbook.demo import DemoResult, fill_demo
from workbook.model import CoachComment, Reflection, WorkshopRubricItem
from workbook.store import Database, Store
from workbook.texts import format_date
from workbook.widgets.reflection import ReflectionExercise
from workbook.widgets.workspace import CandidateWorkspace

HOSTILE = "Sterke slotvraag! <img src=x onerror=alert(1)>"


@pytest.fixture
def demo(db: Database) -> DemoResult:
    return fill_demo(db, candidates=3, interviews=2, seed=5)


def _candidate(db: Database, demo: DemoResult, number: int) -> Store:
    found = db.accounts.find_candidate(demo.sample_codes[number][1])
    assert found is not None
    return db.for_candidate(found.id)


def _workspace(store: Store, lang: str = "nl") -> CandidateWorkspace:
    return CandidateWorkspace(store, lang, autosave_delay=0)


def test_the_candidate_sees_a_new_comment_once(db: Database, demo: DemoResult) -> None:
    coach = db.for_coach(demo.coach_id)
    candidate = _candidate(db, demo, 0)
    opened = candidate.interviews()[0]  # where a first sign-in lands
    saved = coach.save_comment(CoachComment(opened.id, demo.coach_id, HOSTILE))
    assert candidate.unread_comments() == 1

    workspace = _workspace(candidate)
    assert workspace.interview is not None and workspace.interview.id == opened.id
    box = workspace.coach_comments.box.value
    assert "Van je coach" in box and "nieuw" in box and '<details class="wb-comments" open>' in box
    assert format_date(saved.created_at, "nl", long=True) in box
    assert "&lt;img src=x onerror=alert(1)&gt;" in box and "<img" not in box
    assert "Nieuw van je coach: 1" in workspace.coach_comments.note.value
    # Shown: read now, so the flag was seen once.
    assert candidate.unread_comments() == 0
    assert candidate.comments(opened.id)[0].read_at is not None

    workspace.go("notes")
    box = workspace.coach_comments.box.value
    assert "Sterke slotvraag!" in box and "wb-new" not in box and " open>" not in box
    assert workspace.coach_comments.note.value == ""


def test_a_comment_on_another_interview_is_counted_in_the_header(db: Database, demo: DemoResult) -> None:
    coach = db.for_coach(demo.coach_id)
    candidate = _candidate(db, demo, 0)
    opened, other = candidate.interviews()[:2]
    coach.save_comment(CoachComment(other.id, demo.coach_id, "Mooie bedankmail."))
    workspace = _workspace(candidate, "en")
    assert workspace.coach_comments.box.value == ""  # nothing on this interview
    note = workspace.coach_comments.note.value
    assert "New from your coach: 1" in note and other.employer in note
    assert candidate.unread_comments() == 1  # not seen yet
    workspace.picker.value = other.id
    assert "Mooie bedankmail." in workspace.coach_comments.box.value and "new" in workspace.coach_comments.box.value
    assert candidate.unread_comments() == 0
    assert workspace.interview is not None and workspace.interview.id != opened.id


def test_a_comment_on_a_rubric_item_shows_the_items_label(db: Database, demo: DemoResult) -> None:
    coach = db.for_coach(demo.coach_id)
    own = coach.add_rubric_item(
        WorkshopRubricItem(
            workshop_id=demo.workshop_id,
            phase=guidance.phases()[0].key,
            label="Noemt een concreet voorbeeld",
            anchors=("geen", "vaag", "een", "twee", "overtuigend"),
        )
    )
    builtin = guidance.rubric()[0]
    candidate = _candidate(db, demo, 1)
    opened = candidate.interviews()[0]
    coach.save_comment(CoachComment(opened.id, demo.coach_id, "Over het geheel: goed.", item=""))
    coach.save_comment(CoachComment(opened.id, demo.coach_id, "Hier kun je meer.", item=builtin.key))
    coach.save_comment(CoachComment(opened.id, demo.coach_id, "Welk voorbeeld?", item=own.key))
    box = _workspace(candidate).coach_comments.box.value
    assert f"Bij: {builtin.label.get('nl')}" in box and "Bij: Noemt een concreet voorbeeld" in box
    assert own.key not in box and builtin.key not in box  # labels, never keys
    assert box.index("Over het geheel") < box.index("Hier kun je meer.")  # the interview's own comment first


def test_another_candidate_never_sees_it(db: Database, demo: DemoResult) -> None:
    coach = db.for_coach(demo.coach_id)
    first, second = _candidate(db, demo, 0), _candidate(db, demo, 1)
    coach.save_comment(CoachComment(first.interviews()[0].id, demo.coach_id, "Alleen voor jou."))
    assert second.comments() == [] and second.unread_comments() == 0
    workspace = _workspace(second)
    for interview in second.interviews():
        workspace.picker.value = interview.id
        assert "Alleen voor jou." not in workspace.coach_comments.box.value
    assert workspace.coach_comments.note.value == ""
    assert first.unread_comments() == 1  # the other candidate's looking marked nothing read


def test_a_coach_score_on_the_workshops_own_item_shows_beside_the_candidates(db: Database, demo: DemoResult) -> None:
    coach = db.for_coach(demo.coach_id)
    own = coach.add_rubric_item(
        WorkshopRubricItem(
            workshop_id=demo.workshop_id,
            phase=guidance.phases()[-1].key,
            label="Vraagt door op de vervolgstap",
            anchors=("niet", "half", "ja", "goed", "heel goed"),
        )
    )
    candidate = _candidate(db, demo, 2)
    opened = candidate.interviews()[0]
    stored = coach.one(Reflection, opened.id, scorer="coach")
    scores = {**(stored.scores if stored else {}), own.key: 4}
    coach.save(Reflection(interview_id=opened.id, scorer="coach", scores=scores))
    exercise = _workspace(candidate).go("reflection")
    assert isinstance(exercise, ReflectionExercise)
    assert own.key in exercise.items
    assert "Coach: 4" in exercise.items[own.key].context.value
