"""Rubric scores over time: the mean per interview, each candidate's history and change."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import pandas as pd

from workbook.analysis._frames import Schema, empty, typed
from workbook.analysis._rubric import check_scorer, item_order, scores_of

__all__ = ["score_change", "score_history", "scores_over_time"]

_OVER_TIME: Final[Schema] = {
    "interview_id": "string",
    "candidate_id": "string",
    "date": "datetime64[ns]",
    "employer": "string",
    "scorer": "string",
    "mean": "float64",
    "scored": "Int64",
}
_HISTORY: Final[Schema] = {
    "candidate_id": "string",
    "interview_id": "string",
    "date": "datetime64[ns]",
    "sequence": "Int64",
    "item": "string",
    "score": "Int64",
}
_CHANGE: Final[Schema] = {
    "candidate_id": "string",
    "item": "string",
    "first": "Int64",
    "last": "Int64",
    "change": "Int64",
    "interviews": "Int64",
}


def scores_over_time(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Mean rubric score per interview and scorer, in date order.

    Returns columns ``interview_id``, ``candidate_id``, ``date``, ``employer``,
    ``scorer`` (self/coach), ``mean`` (float, 1-5) and ``scored`` (items scored).
    Interviews without scores are left out; unscored items never count as 0.
    """
    scores = tables["reflection_scores"]
    reflections = tables["reflections"][["id", "interview_id", "scorer"]]
    interviews = tables["interviews"][["id", "candidate_id", "date", "employer"]]
    if scores.empty:
        return empty(_OVER_TIME)
    per_reflection = (
        scores.groupby("reflection_id", observed=True)["score"].agg(mean="mean", scored="count").reset_index()
    )
    merged = per_reflection.merge(reflections, left_on="reflection_id", right_on="id").merge(
        interviews, left_on="interview_id", right_on="id", suffixes=("", "_interview")
    )
    merged["mean"] = merged["mean"].astype(float)
    merged["scored"] = merged["scored"].astype("Int64")
    return merged.sort_values(["date", "employer", "scorer"])[list(_OVER_TIME)].reset_index(drop=True)


def _sequence(interviews: pd.DataFrame) -> pd.DataFrame:
    """``interview_id`` -> ``sequence``: 1..n per candidate, by date, time, then id."""
    order = pd.DataFrame(
        {
            "interview_id": interviews["id"],
            "candidate_id": interviews["candidate_id"],
            "date": interviews["date"],
            # A time of day orders two interviews on one day; none sorts first.
            "time": interviews["time"].astype("string").fillna(""),
        }
    ).sort_values(["candidate_id", "date", "time", "interview_id"])
    order["sequence"] = order.groupby("candidate_id").cumcount() + 1
    return order[["interview_id", "sequence"]]


def score_history(tables: Mapping[str, pd.DataFrame], *, scorer: str = "self") -> pd.DataFrame:
    """Each candidate's score per rubric item over their successive interviews.

    Parameters
    ----------
    tables
        As :meth:`Store.tables` returns them.
    scorer
        ``self`` (the candidate's own scores) or ``coach``.

    Returns
    -------
    DataFrame
        Long table with ``candidate_id``, ``interview_id``, ``date``, ``sequence``
        (Int64: the interview's number for that candidate, 1..n by date and time, over
        all their interviews in ``tables``, scored or not), ``item`` and ``score``
        (Int64, 1-5). Sorted by candidate, sequence and rubric order. Unscored items
        have no row.
    """
    check_scorer(scorer)
    scores = scores_of(tables, scorer)
    if scores.empty:
        return empty(_HISTORY)
    history = scores.merge(_sequence(tables["interviews"]), on="interview_id")
    history["order"] = item_order(tables, history["item"])
    history = history.sort_values(["candidate_id", "sequence", "order"])
    return typed(history, _HISTORY)


def score_change(
    tables: Mapping[str, pd.DataFrame], *, scorer: str = "self", history: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Change per candidate and rubric item from the first scored interview to the last.

    Parameters
    ----------
    scorer
        ``self`` (the candidate's own scores) or ``coach``.
    history
        :func:`score_history` of ``tables`` and ``scorer`` when already computed
        (the cohort summary reuses it); computed here otherwise.

    Returns
    -------
    DataFrame
        ``candidate_id``, ``item``, ``first`` and ``last`` (Int64: the score at the
        first and the last interview where the item was scored), ``change`` (Int64,
        ``last - first``; missing when the item was scored only once, because one
        score shows no change yet) and ``interviews`` (Int64: how many interviews
        scored the item). Sorted by candidate and rubric order.
    """
    if history is None:
        history = score_history(tables, scorer=scorer)
    if history.empty:
        return empty(_CHANGE)
    grouped = history.groupby(["candidate_id", "item"], sort=False)["score"]
    change = grouped.agg(first="first", last="last", interviews="count").reset_index()
    change["change"] = (change["last"] - change["first"]).where(change["interviews"] > 1)
    change["order"] = item_order(tables, change["item"])
    return typed(change.sort_values(["candidate_id", "order"]), _CHANGE)
