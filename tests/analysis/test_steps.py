"""Skipped steps per candidate and per cohort, worked out by hand."""

from __future__ import annotations

import pandas as pd

from tests.analysis._cohort import COMPLETION, MOST_SKIPPED, SKIPPED, expect
from workbook import analysis
from workbook.analysis import STEPS


def test_skipped_steps_per_candidate(cohort: dict[str, pd.DataFrame]) -> None:
    # Per step, not started in: c1 -> i1 farewell, notes, promises; c2 -> i3 statement,
    # farewell, notes, promises and i4 everything; c3 has no interviews.
    expect(
        analysis.skipped_steps(cohort, rubric_items=2),
        {
            "candidate_id": ["c1", "c2", "c3"],
            "interviews": [2, 2, 0],
            "questions": [0, 1, 0],
            "statement": [0, 2, 0],
            "farewell": [1, 2, 0],
            "notes": [1, 2, 0],
            "reflection": [0, 1, 0],
            "email": [0, 1, 0],
            "promises": [1, 2, 0],
        },
        SKIPPED,
    )


def test_step_completion_in_step_order(cohort: dict[str, pd.DataFrame]) -> None:
    # i1: questions, statement, reflection (2 of 2 scored), email done.
    # i2: questions, email done; statement (appeal), farewell, notes, reflection (1 of 2),
    #     promises (one open) started. i3: questions, reflection, email done. i4: nothing.
    expect(
        analysis.step_completion(cohort, rubric_items=2),
        {
            "step": list(STEPS),
            "not_started": [1, 2, 3, 3, 1, 1, 3],
            "started": [0, 1, 1, 1, 1, 0, 1],
            "done": [3, 1, 0, 0, 2, 3, 0],
            "share_done": [0.75, 0.25, 0.0, 0.0, 0.5, 0.75, 0.0],
        },
        COMPLETION,
    )


def test_most_skipped_steps_ties_keep_step_order(cohort: dict[str, pd.DataFrame]) -> None:
    expect(
        analysis.most_skipped_steps(cohort, rubric_items=2),
        {
            "step": ["farewell", "notes", "promises", "statement", "questions", "reflection", "email"],
            "skipped": [3, 3, 3, 2, 1, 1, 1],
            "interviews": [4] * 7,
            "share_skipped": [0.75, 0.75, 0.75, 0.5, 0.25, 0.25, 0.25],
        },
        MOST_SKIPPED,
    )
