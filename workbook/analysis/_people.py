"""What the per-candidate views share: interviews numbered per candidate, means and shares.

The roster, the trend, the behaviour ↔ outcome view per candidate and the workshop
comparison count people, not interviews: one candidate with ten interviews weighs as
much as one with a single interview. These helpers are where that is computed once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import pandas as pd

from workbook.analysis.outcomes import SUCCESS_OUTCOMES
from workbook.analysis.progress import STEPS

__all__ = ["UNDECIDED", "decided", "done_share", "mean_scores", "numbered"]

#: Outcomes that say nothing yet about how the close went: left out of success shares.
UNDECIDED: Final = ("pending", "withdrawn")


def numbered(interviews: pd.DataFrame) -> pd.DataFrame:
    """``interview_id``, ``candidate_id``, ``date``, ``number`` (int: 1..n per candidate).

    Numbered by date, then time of day, then ``updated_at`` (the one entered last
    counts as later), then id; sorted by candidate and number, so the last row of a
    candidate is their latest interview.
    """
    order = pd.DataFrame(
        {
            "interview_id": interviews["id"].astype("string"),
            "candidate_id": interviews["candidate_id"].astype("string"),
            "date": interviews["date"],
            # No time of day sorts first, as in score_history.
            "time": interviews["time"].astype("string").fillna(""),
            "updated_at": interviews["updated_at"],
        }
    ).sort_values(["candidate_id", "date", "time", "updated_at", "interview_id"], kind="stable")
    order["number"] = order.groupby("candidate_id", sort=False).cumcount() + 1
    return order[["interview_id", "candidate_id", "date", "number"]].reset_index(drop=True)


def mean_scores(tables: Mapping[str, pd.DataFrame], by: str) -> pd.DataFrame:
    """Mean score per ``by`` (``interview_id`` or ``candidate_id``), columns ``self`` and ``coach``.

    Over every score of the interviews in ``tables``; NaN where that scorer gave none.
    Both scorers in one pass: at 1,000 candidates there are 150,000 scores.
    """
    interviews = tables["interviews"]
    reflections = tables["reflections"]
    reflections = reflections.loc[
        reflections["interview_id"].isin(interviews["id"]).to_numpy(), ["id", "interview_id", "scorer"]
    ].merge(interviews[["id", "candidate_id"]].rename(columns={"id": "interview_id"}), on="interview_id")
    scores = tables["reflection_scores"][["reflection_id", "score"]].dropna(subset=["score"])
    merged = scores.merge(reflections.rename(columns={"id": "reflection_id"}), on="reflection_id")
    means = (
        merged["score"]
        .astype("float64")
        .groupby([merged[by].astype("string"), merged["scorer"].astype("string")])
        .mean()
        .unstack("scorer")
    )
    return means.reindex(columns=["self", "coach"]).astype("float64")


def done_share(progress: pd.DataFrame) -> pd.Series:
    """Share of the steps done per interview of :func:`step_progress` (float 0-1)."""
    done = pd.DataFrame({step: (progress[step] == "done").to_numpy() for step in STEPS}, index=progress.index)
    return (done.sum(axis=1) / len(STEPS)).astype("float64")


def decided(behaviour: pd.DataFrame) -> pd.DataFrame:
    """The rows of :func:`closing_behaviour` with a decided outcome, with a boolean ``success``."""
    outcome = behaviour["outcome"].astype("string")
    known = (outcome.notna() & ~outcome.isin(list(UNDECIDED))).fillna(False).astype(bool)
    rows = behaviour.loc[known.to_numpy()]
    return rows.assign(success=rows["outcome"].astype("string").isin(list(SUCCESS_OUTCOMES)).astype(bool))
