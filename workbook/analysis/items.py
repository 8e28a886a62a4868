"""Scores per rubric item over a cohort: their spread, and self-score against coach score."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import pandas as pd

from workbook.analysis._frames import Schema, typed
from workbook.analysis._rubric import SCORES, check_scorer, item_catalogue, scores_of

__all__ = ["item_scores", "self_coach_gap"]

_ITEM_SCORES: Final[Schema] = {
    "item": "string",
    "phase": "string",
    "n": "Int64",
    "mean": "float64",
    "median": "float64",
} | {f"n_{score}": "Int64" for score in SCORES}
_GAP: Final[Schema] = {
    "item": "string",
    "phase": "string",
    "pairs": "Int64",
    "mean_self": "float64",
    "mean_coach": "float64",
    "mean_gap": "float64",
}


def _scored(tables: Mapping[str, pd.DataFrame], scorer: str, history: pd.DataFrame | None) -> pd.DataFrame:
    """The scores of ``scorer``: the rows of ``history`` when given, else read from ``tables``."""
    return scores_of(tables, scorer) if history is None else history


def item_scores(
    tables: Mapping[str, pd.DataFrame], *, scorer: str = "self", history: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The distribution of the scores per rubric item over the cohort's interviews.

    Parameters
    ----------
    scorer
        ``self`` (the candidates' own scores) or ``coach``.
    history
        :func:`~workbook.analysis.scores.score_history` of ``tables`` and
        ``scorer`` when already computed (the cohort summary reuses it).

    Returns
    -------
    DataFrame
        One row per rubric item (built-in, the workshop's own, then other stored
        keys): ``item``, ``phase``, ``n`` (Int64 scores given), ``mean`` and
        ``median`` (float, NaN when unscored) and ``n_1`` ... ``n_5`` (Int64, how
        often each score was given).
    """
    check_scorer(scorer)
    scores = _scored(tables, scorer, history)
    catalogue = item_catalogue(tables, scores["item"])
    values = scores["score"].astype("float64")
    stats = values.groupby(scores["item"]).agg(["count", "mean", "median"])
    spread = scores.groupby(["item", "score"]).size().unstack(fill_value=0).reindex(columns=list(SCORES), fill_value=0)
    spread.columns = [f"n_{score}" for score in SCORES]
    result = catalogue.set_index("item").join(stats.rename(columns={"count": "n"})).join(spread)
    counts = ["n", *spread.columns]
    result[counts] = result[counts].fillna(0)
    return typed(result.reset_index(), _ITEM_SCORES)


def self_coach_gap(
    tables: Mapping[str, pd.DataFrame],
    *,
    self_history: pd.DataFrame | None = None,
    coach_history: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Self-score against coach score per rubric item, over interviews scored by both.

    Parameters
    ----------
    self_history, coach_history
        :func:`~workbook.analysis.scores.score_history` of ``tables`` for each
        scorer when already computed (the cohort summary reuses them).

    Returns
    -------
    DataFrame
        One row per rubric item: ``item``, ``phase``, ``pairs`` (Int64 interviews
        where both the candidate and the coach scored the item), ``mean_self``,
        ``mean_coach`` and ``mean_gap`` (float, coach minus self: positive when the
        candidate is harder on themselves than the coach; NaN without pairs).
    """
    own, coach = _scored(tables, "self", self_history), _scored(tables, "coach", coach_history)
    pairs = own[["interview_id", "item", "score"]].merge(
        coach[["interview_id", "item", "score"]], on=["interview_id", "item"], suffixes=("_self", "_coach")
    )
    pairs["gap"] = pairs["score_coach"].astype("float64") - pairs["score_self"].astype("float64")
    stats = pairs.groupby("item").agg(
        pairs=("gap", "count"),
        mean_self=("score_self", lambda s: s.astype("float64").mean()),
        mean_coach=("score_coach", lambda s: s.astype("float64").mean()),
        mean_gap=("gap", "mean"),
    )
    catalogue = item_catalogue(tables, pd.concat([own["item"], coach["item"]]))
    result = catalogue.set_index("item").join(stats)
    result["pairs"] = result["pairs"].fillna(0)
    return typed(result.reset_index(), _GAP)
