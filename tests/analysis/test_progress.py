"""Step progress per interview on the hand-built cohort, each status worked out by hand."""

from __future__ import annotations

import pandas as pd
from pandas.testing import assert_frame_equal

from workbook import guidance
from workbook.analysis import STATUSES, STEPS, step_progress

N, S, D = "not_started", "started", "done"


def progress(rows: dict[str, list[str]]) -> pd.DataFrame:
    """An expected progress table: one list of statuses (in step order) per interview."""
    statuses = pd.CategoricalDtype(list(STATUSES), ordered=True)
    columns = {step: pd.Series([row[n] for row in rows.values()], dtype=statuses) for n, step in enumerate(STEPS)}
    return pd.DataFrame(columns).set_axis(pd.Index(list(rows), name="interview_id"))


def test_step_progress_per_interview(cohort: dict[str, pd.DataFrame]) -> None:
    # i1: two questions, the statement text, both scores, the email sent; no farewell,
    #     notes or promises. i2: two questions; an appeal, a thanks, a note, one score of
    #     two, an open promise; the email sent. i3: two questions, two scores (one of an
    #     old item), the email sent. i4: nothing yet.
    assert_frame_equal(
        step_progress(cohort, rubric_items=2),
        progress(
            {
                "i1": [D, D, N, N, D, D, N],
                "i2": [D, S, S, S, S, D, S],
                "i3": [D, N, N, N, D, D, N],
                "i4": [N] * 7,
            }
        ),
    )


def test_step_progress_counts_the_builtin_rubric_by_default(cohort: dict[str, pd.DataFrame]) -> None:
    items = len(guidance.rubric())
    assert items > 2
    assert_frame_equal(step_progress(cohort), step_progress(cohort, rubric_items=items))
    assert step_progress(cohort)["reflection"].tolist() == [S, S, S, N]


def test_step_progress_without_interviews(empty: dict[str, pd.DataFrame]) -> None:
    result = step_progress(empty, rubric_items=2)
    assert list(result.columns) == list(STEPS) and result.empty
    assert result.index.name == "interview_id"
    assert all(result[step].cat.categories.tolist() == list(STATUSES) for step in STEPS)
