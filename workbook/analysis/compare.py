"""Workshops side by side: the same few figures for each, every candidate weighing the same."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

import pandas as pd

from workbook.analysis._frames import Schema, empty, typed
from workbook.analysis._people import decided, done_share, mean_scores
from workbook.analysis.cohort import filter_tables
from workbook.analysis.outcomes import closing_behaviour
from workbook.analysis.progress import step_progress

__all__ = ["compare_workshops"]

_COMPARE: Final[Schema] = {
    "workshop_id": "string",
    "name": "string",
    "candidates": "Int64",
    "interviews": "Int64",
    "steps_done_share": "float64",
    "self_mean": "float64",
    "coach_mean": "float64",
    "success_share": "float64",
}


def _mean_per_candidate(values: pd.Series, candidate_ids: pd.Series) -> float:
    """The mean over candidates of each one's mean of ``values`` (NaN without any)."""
    if values.empty:
        return float("nan")
    return float(values.astype("float64").groupby(candidate_ids.astype("string").to_numpy()).mean().mean())


def _figures(tables: Mapping[str, pd.DataFrame], rubric_items: int | None) -> dict[str, float | int]:
    interviews = tables["interviews"]
    shares = done_share(step_progress(tables, rubric_items=rubric_items))
    known = decided(closing_behaviour(tables))
    means = mean_scores(tables, "candidate_id")
    return {
        "candidates": len(tables["candidates"]),
        "interviews": len(interviews),
        "steps_done_share": _mean_per_candidate(shares, interviews["candidate_id"]),
        "self_mean": float(means["self"].mean()),
        "coach_mean": float(means["coach"].mean()),
        "success_share": _mean_per_candidate(known["success"], known["candidate_id"]),
    }


def compare_workshops(
    tables: Mapping[str, pd.DataFrame], workshop_ids: Sequence[str], *, rubric_items: int | None = None
) -> pd.DataFrame:
    """The figures of each workshop in ``workshop_ids``, one row each, in that order.

    Each figure is a mean over the workshop's candidates of their own figure, so a
    candidate with ten interviews weighs as much as one with one: the share of the 7
    steps done per interview, the mean self and coach score (as in :func:`roster`),
    and the share of decided interviews (not ``pending`` or ``withdrawn``) with a next
    round or an offer (as in :func:`outcomes_by_candidate`). A candidate without such
    figures is left out of that mean. Read ``candidates`` beside them.

    Parameters
    ----------
    workshop_ids
        The workshops to compare; an unknown id gives a row without name and figures.
    rubric_items
        How many items a complete reflection scores (see :func:`step_progress`).

    Returns
    -------
    DataFrame
        ``workshop_id``, ``name``, ``candidates`` and ``interviews`` (Int64),
        ``steps_done_share``, ``self_mean``, ``coach_mean`` and ``success_share``
        (float; NaN where nobody has one).
    """
    workshops = tables["workshops"]
    names = pd.Series(workshops["name"].astype("string").to_numpy(), index=workshops["id"].astype(str).to_numpy())
    rows = [
        {"workshop_id": workshop_id, "name": names.get(workshop_id, pd.NA)}
        | _figures(filter_tables(tables, workshop_id=workshop_id), rubric_items)
        for workshop_id in workshop_ids
    ]
    if not rows:
        return empty(_COMPARE)
    return typed(pd.DataFrame(rows), _COMPARE)
