"""Two tabs of one candidate on the same step: last write wins per field, nothing
lost, and the user is told."""

from __future__ import annotations

from workbook.model import ClosingStatement, Interview, Reflection, Summary
from workbook.store import Store
from workbook.widgets.notes import NotesSummary
from workbook.widgets.reflection import ReflectionExercise
from workbook.widgets.statement import ClosingStatementExercise


def test_statement_fields_from_both_tabs_survive(store: Store, interview: Interview) -> None:
    left = ClosingStatementExercise(store, interview, "nl", autosave_delay=0)
    right = ClosingStatementExercise(store, interview, "nl", autosave_delay=0)  # opened before left typed
    left.text.value = "Tekst uit het linker venster"
    right.appeal.value = "Wat me aanspreekt, uit het rechter venster"
    stored = store.one(ClosingStatement, interview.id)
    assert stored is not None
    assert stored.text == "Tekst uit het linker venster"
    assert stored.appeal == "Wat me aanspreekt, uit het rechter venster"
    # The right tab was told and now shows both changes.
    assert "ander venster" in right.status.value
    assert right.text.value == "Tekst uit het linker venster"
    assert len(store.table("statements")) == 1


def test_same_field_last_write_wins(store: Store, interview: Interview) -> None:
    left = ClosingStatementExercise(store, interview, "en", autosave_delay=0)
    right = ClosingStatementExercise(store, interview, "en", autosave_delay=0)
    left.text.value = "first"
    right.text.value = "second"
    assert store.one(ClosingStatement, interview.id).text == "second"  # type: ignore[union-attr]
    left.text.value = "third"
    assert store.one(ClosingStatement, interview.id).text == "third"  # type: ignore[union-attr]


def test_reflection_scores_merge_per_item(store: Store, interview: Interview) -> None:
    left = ReflectionExercise(store, interview, "nl", autosave_delay=0)
    right = ReflectionExercise(store, interview, "nl", autosave_delay=0)
    left.items["thanked"].score.value = 4
    right.items["asked-next-step"].score.value = 2
    stored = store.one(Reflection, interview.id, scorer="self")
    assert stored is not None and stored.scores == {"thanked": 4, "asked-next-step": 2}
    assert right.items["thanked"].score.value == 4  # shown after the merge
    right.items["thanked"].score.value = 0  # removing an item in one tab removes it
    assert store.one(Reflection, interview.id, scorer="self").scores == {"asked-next-step": 2}  # type: ignore[union-attr]


def test_summary_fields_merge(store: Store, interview: Interview) -> None:
    left = NotesSummary(store, interview, "nl", autosave_delay=0)
    right = NotesSummary(store, interview, "nl", autosave_delay=0)
    left.key_points.value = "punt A"
    right.their_questions.value = "vraag B"
    stored = store.one(Summary, interview.id)
    assert stored is not None and (stored.key_points, stored.their_questions) == ("punt A", "vraag B")


def test_save_merged_at_store_level(store: Store, interview: Interview) -> None:
    base = store.save(ClosingStatement(interview_id=interview.id, appeal="a", text="t"))
    store.save(ClosingStatement(interview_id=interview.id, appeal="a", text="t2"))  # another tab
    mine = ClosingStatement(interview_id=interview.id, appeal="a-mine", text="t")
    stored, others = store.save_merged(mine, base)
    assert others and (stored.appeal, stored.text) == ("a-mine", "t2")
    again, others = store.save_merged(ClosingStatement(interview_id=interview.id, appeal="a-mine", text="t3"), stored)
    assert not others and again.text == "t3"
