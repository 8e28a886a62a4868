"""Scores per rubric item and self against coach, worked out by hand."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from tests.analysis._cohort import COHORT, GAP, ITEM_SCORES, NAN, NOT_SCORED, expect, make_tables, per_item
from workbook import analysis


def test_item_scores_of_the_candidates(cohort: dict[str, pd.DataFrame]) -> None:
    # asked-next-step: 2 (i1), 4 (i2), 3 (i3); thanked: 4 (i1); old-item: 5 (i3).
    scored = {
        "asked-next-step": {"n": 3, "mean": 3.0, "median": 3.0, "n_2": 1, "n_3": 1, "n_4": 1},
        "thanked": {"n": 1, "mean": 4.0, "median": 4.0, "n_4": 1},
        "old-item": {"n": 1, "mean": 5.0, "median": 5.0, "n_5": 1},
    }
    expect(analysis.item_scores(cohort), per_item(scored, NOT_SCORED, ("old-item",)), ITEM_SCORES)


def test_item_scores_of_the_coach_and_a_workshops_own_item(cohort: dict[str, pd.DataFrame]) -> None:
    rows = {name: list(values) for name, values in COHORT.items()}
    rows["workshop_rubric_items"] = [
        {"id": "x", "workshop_id": "w1", "key": "ws-x", "phase": "after", "label": "Eigen", "anchors": ["a"] * 5}
    ]
    rows["reflection_scores"] = [*rows["reflection_scores"], {"reflection_id": "r6", "item": "ws-x", "score": 1}]
    # Coach: asked-next-step 3 (i1), 5 (i3); thanked 5 (i1), 3 (i2); ws-x 1 (i3).
    scored = {
        "asked-next-step": {"n": 2, "mean": 4.0, "median": 4.0, "n_3": 1, "n_5": 1},
        "thanked": {"n": 2, "mean": 4.0, "median": 4.0, "n_3": 1, "n_5": 1},
        "ws-x": {"n": 1, "mean": 1.0, "median": 1.0, "n_1": 1},
    }
    expected = per_item(scored, NOT_SCORED, ("ws-x",))
    expected["phase"][-1] = "after"
    expect(analysis.item_scores(make_tables(**rows), scorer="coach"), expected, ITEM_SCORES)


def test_unknown_scorer_is_refused(cohort: dict[str, pd.DataFrame]) -> None:
    with pytest.raises(ValueError, match="scorer"):
        analysis.item_scores(cohort, scorer="peer")


def test_self_coach_gap_only_over_interviews_scored_by_both(cohort: dict[str, pd.DataFrame]) -> None:
    # asked-next-step: i1 (self 2, coach 3), i3 (self 3, coach 5); i2 has no coach score.
    # thanked: i1 (4, 5); i2 only the coach scored. old-item: only self.
    scored: dict[str, dict[str, Any]] = {
        "asked-next-step": {"pairs": 2, "mean_self": 2.5, "mean_coach": 4.0, "mean_gap": 1.5},
        "thanked": {"pairs": 1, "mean_self": 4.0, "mean_coach": 5.0, "mean_gap": 1.0},
        "old-item": {"pairs": 0},
    }
    defaults = {"pairs": 0, "mean_self": NAN, "mean_coach": NAN, "mean_gap": NAN}
    expect(analysis.self_coach_gap(cohort), per_item(scored, defaults, ("old-item",)), GAP)
