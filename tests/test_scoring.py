"""Rubric arithmetic: per phase, total, self against coach, change between reflections."""

from __future__ import annotations

import pytest

from workbook import guidance
from workbook.model import Reflection
from workbook.scoring import change, difference, summarise


def test_scores_per_phase_and_total() -> None:
    reflection = Reflection(
        interview_id="i1",
        scores={
            "let-them-close": 4,
            "asked-next-step": 2,
            "thanked": 5,
            "neutral-goodbye": 3,
            "reflected": 1,
        },
    )
    summary = summarise(reflection)
    assert summary.total == 15
    assert summary.mean == pytest.approx(3.0)
    assert summary.scored == 5
    assert summary.items == len(guidance.rubric())
    assert summary.phase("questions").mean == pytest.approx(3.0)
    assert summary.phase("questions").scored == 2
    assert summary.phase("questions").items == len(guidance.rubric("questions"))
    assert summary.phase("goodbye").mean == pytest.approx(4.0)
    assert summary.phase("after").mean == pytest.approx(1.0)
    # Nothing scored in a phase: no mean, not a zero.
    assert summary.phase("statement").mean is None
    assert summary.phase("statement").scored == 0
    assert [p.phase for p in summary.phases] == ["questions", "statement", "goodbye", "after"]
    assert summary.unknown == ()


def test_unscored_items_do_not_count_as_zero() -> None:
    one = summarise({"thanked": 5})
    assert one.mean == 5 and one.total == 5 and one.scored == 1


def test_nothing_scored() -> None:
    summary = summarise(Reflection(interview_id="i1"))
    assert summary.total == 0 and summary.mean is None and summary.scored == 0
    assert all(p.mean is None for p in summary.phases)


def test_unknown_items_are_left_out_and_reported() -> None:
    summary = summarise({"thanked": 4, "brought-cake": 5, "old-item": 1})
    assert summary.total == 4 and summary.mean == 4
    assert summary.unknown == ("brought-cake", "old-item")
    with pytest.raises(KeyError):
        summary.phase("lunch")


@pytest.mark.parametrize("bad", [0, 6, True, "3", 2.5])
def test_plain_mappings_are_checked(bad: object) -> None:
    with pytest.raises(ValueError):
        summarise({"thanked": bad})  # type: ignore[dict-item]


def test_difference_is_coach_minus_self_per_item() -> None:
    mine = Reflection(interview_id="i1", scorer="self", scores={"thanked": 5, "reflected": 2, "asked-next-step": 3})
    coach = Reflection(interview_id="i1", scorer="coach", scores={"thanked": 3, "reflected": 4, "plan-of-approach": 2})
    diff = difference(mine, coach)
    assert list(diff) == [item.key for item in guidance.rubric()]
    assert diff["thanked"] == -2
    assert diff["reflected"] == 2
    assert diff["asked-next-step"] is None  # coach did not score it
    assert diff["plan-of-approach"] is None  # candidate did not score it
    assert diff["let-them-close"] is None


def test_difference_guards_against_mixed_up_reflections() -> None:
    mine = Reflection(interview_id="i1", scorer="self", scores={"thanked": 5})
    other = Reflection(interview_id="i2", scorer="coach", scores={"thanked": 3})
    with pytest.raises(ValueError, match="different interviews"):
        difference(mine, other)
    with pytest.raises(ValueError, match="self reflection first"):
        difference(Reflection(interview_id="i1", scorer="coach"), mine)
    assert difference({"thanked": 2}, {"thanked": 4})["thanked"] == 2


def test_change_since_the_last_interview() -> None:
    before = Reflection(interview_id="i1", scores={"asked-next-step": 2, "thanked": 4, "reflected": 3})
    after = Reflection(interview_id="i2", scores={"asked-next-step": 5, "thanked": 4, "promises-kept": 3})
    delta = change(before, after)
    assert delta["asked-next-step"] == 3
    assert delta["thanked"] == 0
    assert delta["reflected"] is None
    assert delta["promises-kept"] is None
