"""Which steps of the close and the follow-up get skipped, per candidate and per cohort.

*Skipped* is defined in :mod:`workbook.analysis`: ``not_started`` in
:func:`~workbook.analysis.progress.step_progress`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import pandas as pd

from workbook.analysis._frames import Schema, share, typed
from workbook.analysis.progress import STATUSES, STEPS, step_progress

__all__ = ["most_skipped_steps", "skipped_steps", "step_completion"]

_SKIPPED: Final[Schema] = {"candidate_id": "string", "interviews": "Int64"} | dict.fromkeys(STEPS, "Int64")
_COMPLETION: Final[Schema] = {
    "step": "string",
    "not_started": "Int64",
    "started": "Int64",
    "done": "Int64",
    "share_done": "float64",
}
_MOST_SKIPPED: Final[Schema] = {"step": "string", "skipped": "Int64", "interviews": "Int64", "share_skipped": "float64"}


def skipped_steps(
    tables: Mapping[str, pd.DataFrame], *, rubric_items: int | None = None, progress: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Per candidate, how many of their interviews have each step not started.

    Parameters
    ----------
    rubric_items
        How many scores make a reflection complete (default: the built-in rubric).
    progress
        :func:`step_progress` of ``tables`` when already computed (the cohort
        summary reuses it); ``rubric_items`` is then not used.

    Returns
    -------
    DataFrame
        ``candidate_id``, ``interviews`` and one Int64 column per step in
        :data:`~workbook.analysis.progress.STEPS` (``questions`` ... ``promises``).
        Every candidate in the ``candidates`` table has a row, in that table's order,
        also one without interviews (all zeros).
    """
    if progress is None:
        progress = step_progress(tables, rubric_items=rubric_items)
    # step_progress has a row per interview in the interviews table's order.
    interview_candidates = tables["interviews"]["candidate_id"].astype("string")
    skipped = (progress[list(STEPS)].reset_index(drop=True) == "not_started").astype("int64")
    skipped["interviews"] = 1
    per_candidate = skipped.groupby(interview_candidates.to_numpy(), sort=False).sum()
    # Every candidate in the tables, also one without interviews (0 of 0 skipped).
    candidates = pd.concat([tables["candidates"]["id"].astype("string"), interview_candidates]).drop_duplicates()
    result = per_candidate.reindex(candidates.to_numpy(), fill_value=0).rename_axis("candidate_id").reset_index()
    return typed(result, _SKIPPED)


def step_completion(
    tables: Mapping[str, pd.DataFrame], *, rubric_items: int | None = None, progress: pd.DataFrame | None = None
) -> pd.DataFrame:
    """How many interviews of the cohort have each step not started, started or done.

    Parameters
    ----------
    rubric_items
        How many scores make a reflection complete (default: the built-in rubric).
    progress
        :func:`step_progress` of ``tables`` when already computed; ``rubric_items``
        is then not used.

    Returns
    -------
    DataFrame
        One row per step in :data:`~workbook.analysis.progress.STEPS` order:
        ``step``, ``not_started``, ``started``, ``done`` (Int64 interview counts) and
        ``share_done`` (done / all interviews; NaN when there are none).
    """
    if progress is None:
        progress = step_progress(tables, rubric_items=rubric_items)
    counts = {
        step: progress[step].astype("string").value_counts().reindex(list(STATUSES), fill_value=0) for step in STEPS
    }
    result = pd.DataFrame(counts).T.rename_axis("step").reset_index()
    result["share_done"] = share(result["done"], len(progress))
    return typed(result, _COMPLETION)


def most_skipped_steps(
    tables: Mapping[str, pd.DataFrame], *, rubric_items: int | None = None, completion: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The steps most often not started, most skipped first.

    Parameters
    ----------
    rubric_items
        How many scores make a reflection complete (default: the built-in rubric).
    completion
        :func:`step_completion` of ``tables`` when already computed;
        ``rubric_items`` is then not used.

    Returns
    -------
    DataFrame
        ``step``, ``skipped`` (Int64 interviews with the step not started),
        ``interviews`` (Int64, all interviews) and ``share_skipped`` (float, NaN
        without interviews). Ties keep the order of the steps.
    """
    if completion is None:
        completion = step_completion(tables, rubric_items=rubric_items)
    result = pd.DataFrame({"step": completion["step"], "skipped": completion["not_started"]})
    result["interviews"] = completion[list(STATUSES)].sum(axis=1)
    result["share_skipped"] = share(result["skipped"], result["interviews"])
    # Stable: steps skipped equally often stay in the order they are done.
    result = result.sort_values("skipped", ascending=False, kind="stable")
    return typed(result, _MOST_SKIPPED)
