"""Two tabs on one step: the pure merge, field by field and item by item."""

from __future__ import annotations

from workbook.merge import changed_fields, merge_changes
from workbook.model import ClosingStatement, Reflection


def test_last_write_wins_per_field_not_per_record() -> None:
    base = ClosingStatement(interview_id="i1", id="s1", appeal="", text="")
    ours = ClosingStatement(interview_id="i1", id="s1", appeal="De klanten", text="")
    theirs = ClosingStatement(interview_id="i1", id="s1", appeal="", text="Mijn statement")
    merged, others = merge_changes(ours, base, theirs)
    assert merged.appeal == "De klanten" and merged.text == "Mijn statement" and others


def test_mappings_merge_per_item_with_removals() -> None:
    base = Reflection(interview_id="i1", id="r1", scores={"a": 1, "b": 2})
    ours = Reflection(interview_id="i1", id="r1", scores={"a": 3})  # changed a, removed b
    theirs = Reflection(interview_id="i1", id="r1", scores={"a": 1, "b": 2, "c": 5})
    merged, others = merge_changes(ours, base, theirs)
    assert merged.scores == {"a": 3, "c": 5} and others


def test_nothing_from_elsewhere_is_no_news() -> None:
    base = ClosingStatement(interview_id="i1", id="s1")
    ours = ClosingStatement(interview_id="i1", id="s1", text="nieuw")
    merged, others = merge_changes(ours, base, base)
    assert merged == ours and not others
    assert changed_fields(ours, base) == {"text": "nieuw"}
