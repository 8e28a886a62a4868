"""Patterns counted per candidate: the trend over successive interviews, and behaviour ↔ outcome.

*Success* and the closing behaviours are defined in :mod:`workbook.analysis`; here
every candidate weighs the same, however many interviews they had.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import pandas as pd

from workbook.analysis._frames import Schema, empty, typed
from workbook.analysis._people import decided, done_share, mean_scores, numbered
from workbook.analysis.outcomes import BEHAVIOURS, closing_behaviour
from workbook.analysis.progress import step_progress

__all__ = ["outcomes_by_candidate", "trend"]

_TREND: Final[Schema] = {
    "number": "Int64",
    "candidates": "Int64",
    "self_mean": "float64",
    "coach_mean": "float64",
    "steps_done_share": "float64",
}
_BY_CANDIDATE: Final[Schema] = {
    "behaviour": "string",
    "usually": "bool",
    "candidates": "Int64",
    "success_share": "float64",
}
#: A candidate *usually* shows a behaviour from this share of their decided interviews on.
_USUALLY: Final = 0.5


def trend(tables: Mapping[str, pd.DataFrame], *, rubric_items: int | None = None) -> pd.DataFrame:
    """From the first to the n-th interview of each candidate: do they get better?

    Each candidate's interviews are numbered 1..n by date, time of day, then entry
    (every interview in ``tables`` counts, also one still to come).

    Parameters
    ----------
    rubric_items
        How many items a complete reflection scores (see :func:`step_progress`).

    Returns
    -------
    DataFrame
        One row per ``number`` (Int64, 1...): ``candidates`` (Int64: how many have an
        n-th interview; read the means beside it), ``self_mean`` and ``coach_mean``
        (float: the mean of the n-th interviews' mean scores, over those scored; NaN
        if none is) and ``steps_done_share`` (float 0-1: the share of the 7 steps
        done, averaged over the n-th interviews).
    """
    numbers = numbered(tables["interviews"])
    if numbers.empty:
        return empty(_TREND)
    ids = numbers["interview_id"]
    progress = step_progress(tables, rubric_items=rubric_items)
    means = mean_scores(tables, "interview_id")
    per_interview = numbers.assign(
        own=ids.map(means["self"]).astype("float64"),
        coach=ids.map(means["coach"]).astype("float64"),
        done=ids.map(done_share(progress)).astype("float64"),
    )
    result = (
        per_interview.groupby("number")
        .agg(
            candidates=("candidate_id", "nunique"),
            self_mean=("own", "mean"),
            coach_mean=("coach", "mean"),
            steps_done_share=("done", "mean"),
        )
        .reset_index()
    )
    return typed(result, _TREND)


def outcomes_by_candidate(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """How often candidates who usually show a closing behaviour got a next round or an offer.

    Counted per candidate, not per interview. Only *decided* interviews count: an
    outcome still ``pending``, or ``withdrawn`` (the candidate stopped, the close did
    not decide it), is left out; candidates without a decided interview are left out.
    A candidate *usually* shows a behaviour of :data:`BEHAVIOURS` when they did in at
    least half of their decided interviews. Each candidate's own share of successes
    (``next_round``, ``offer``) is then averaged per group.

    This shows association, not cause: candidates who usually ask about the next step
    may differ in more than that (experience, the jobs they apply for), and a group of
    a few candidates says little. Read ``candidates`` beside every share.

    Returns
    -------
    DataFrame
        Six rows, per behaviour in :data:`BEHAVIOURS` ``usually`` True then False:
        ``behaviour``, ``usually`` (bool), ``candidates`` (Int64 n) and
        ``success_share`` (float 0-1, NaN for a group without candidates).
    """
    known = decided(closing_behaviour(tables))
    flags = known[list(BEHAVIOURS)].astype("float64").assign(success=known["success"].astype("float64"))
    per_candidate = flags.groupby(known["candidate_id"].astype("string")).mean()
    long = pd.concat(
        [
            pd.DataFrame(
                {
                    "behaviour": behaviour,
                    "usually": (per_candidate[behaviour] >= _USUALLY).to_numpy(),
                    "success": per_candidate["success"].to_numpy(),
                }
            )
            for behaviour in BEHAVIOURS
        ],
        ignore_index=True,
    )
    grid = pd.MultiIndex.from_product([BEHAVIOURS, (True, False)], names=["behaviour", "usually"])
    result = long.groupby(["behaviour", "usually"])["success"].agg(candidates="size", success_share="mean")
    result = result.reindex(grid).reset_index()
    result["candidates"] = result["candidates"].fillna(0)
    return typed(result, _BY_CANDIDATE)
