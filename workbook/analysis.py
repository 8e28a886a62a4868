"""Patterns across interviews: pure pandas functions, DataFrame in, DataFrame out.

They take the tables as :meth:`workbook.store.Store.tables` returns them, so the
dashboard, the coach view and the notebooks compute the same numbers.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

__all__ = ["scores_over_time"]


def scores_over_time(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Mean rubric score per interview and scorer, in date order.

    Returns columns ``interview_id``, ``candidate_id``, ``date``, ``employer``,
    ``scorer`` (self/coach), ``mean`` (float, 1-5) and ``scored`` (items scored).
    Interviews without scores are left out; unscored items never count as 0.
    """
    scores = tables["reflection_scores"]
    reflections = tables["reflections"][["id", "interview_id", "scorer"]]
    interviews = tables["interviews"][["id", "candidate_id", "date", "employer"]]
    columns = ["interview_id", "candidate_id", "date", "employer", "scorer", "mean", "scored"]
    if scores.empty:
        return pd.DataFrame({c: pd.Series(dtype=d) for c, d in _DTYPES.items()})[columns]
    per_reflection = (
        scores.groupby("reflection_id", observed=True)["score"].agg(mean="mean", scored="count").reset_index()
    )
    merged = per_reflection.merge(reflections, left_on="reflection_id", right_on="id").merge(
        interviews, left_on="interview_id", right_on="id", suffixes=("", "_interview")
    )
    merged["mean"] = merged["mean"].astype(float)
    merged["scored"] = merged["scored"].astype("Int64")
    return merged.sort_values(["date", "employer", "scorer"])[columns].reset_index(drop=True)


_DTYPES = {
    "interview_id": "string",
    "candidate_id": "string",
    "date": "datetime64[ns]",
    "employer": "string",
    "scorer": "string",
    "mean": "float64",
    "scored": "Int64",
}
