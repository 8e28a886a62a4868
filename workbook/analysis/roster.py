"""The coach's roster: one row per candidate, with what tells who is behind.

Vectorised over the whole cohort (a groupby per column, no loop per candidate), so a
roster of 1,000 candidates with 10 interviews each is computed in well under a second.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Final

import numpy as np
import pandas as pd

from workbook import clock
from workbook.analysis._frames import Schema, empty, typed
from workbook.analysis._people import mean_scores, numbered
from workbook.analysis.progress import STEPS, step_progress
from workbook.analysis.questions import question_feedback

__all__ = ["roster"]

_ROSTER: Final[Schema] = {
    "candidate_id": "string",
    "name": "string",
    "name_number": "Int64",
    "created_at": "datetime64[ns]",
    "interviews": "Int64",
    "latest_interview_id": "string",
    "latest_date": "datetime64[ns]",
    "steps_done": "Int64",
    "steps_started": "Int64",
    "steps_open": "Int64",
    "last_activity": "datetime64[ns]",
    "self_mean": "float64",
    "coach_mean": "float64",
    "warnings": "Int64",
    "no_interview": "bool",
    "inactive": "bool",
}
#: Tables whose rows the coach writes: a comment is not the candidate's activity.
_COACHS_TABLES: Final = frozenset({"coach_comments"})


def _last_activity(tables: Mapping[str, pd.DataFrame]) -> pd.Series:
    """The latest stamp of each candidate's own rows (index ``candidate_id``)."""
    stamps: list[pd.DataFrame] = []
    for name, frame in tables.items():
        if name in _COACHS_TABLES:
            continue
        if name == "candidates":
            stamps.append(pd.DataFrame({"candidate_id": frame["id"], "at": frame["updated_at"]}))
        elif name == "memberships":
            stamps.append(pd.DataFrame({"candidate_id": frame["candidate_id"], "at": frame["joined_at"]}))
        elif "candidate_id" in frame.columns and "updated_at" in frame.columns:
            if name == "reflections":  # the coach's scores are the coach's activity
                frame = frame[(frame["scorer"] == "self").to_numpy()]
            stamps.append(pd.DataFrame({"candidate_id": frame["candidate_id"], "at": frame["updated_at"]}))
    if not stamps:
        return pd.Series(dtype="datetime64[ns]")
    every = pd.concat(stamps, ignore_index=True)
    return every["at"].astype("datetime64[ns]").groupby(every["candidate_id"].astype("string")).max()


def _per(ids: pd.Index, values: pd.Series, missing: object = None) -> np.ndarray:
    """``values`` (indexed by candidate) in the order of ``ids``; ``missing`` where absent."""
    found = values.reindex(ids)
    return (found if missing is None else found.fillna(missing)).to_numpy()


def _of_interviews(tables: Mapping[str, pd.DataFrame], interview_ids: object) -> dict[str, pd.DataFrame]:
    """The tables narrowed to some interviews: progress is per interview, and the
    roster needs it for the latest ones only (a tenth of the rows at 10 each)."""
    narrowed = dict(tables)
    interviews = tables["interviews"]
    narrowed["interviews"] = interviews[interviews["id"].isin(interview_ids).to_numpy()]
    for name, frame in tables.items():
        if "interview_id" in frame.columns:
            narrowed[name] = frame[frame["interview_id"].isin(interview_ids).to_numpy()]
    scores = tables["reflection_scores"]
    narrowed["reflection_scores"] = scores[scores["reflection_id"].isin(narrowed["reflections"]["id"]).to_numpy()]
    return narrowed


def _warnings(tables: Mapping[str, pd.DataFrame]) -> pd.Series:
    """How many warnings each candidate's planned questions drew (index ``candidate_id``)."""
    feedback = question_feedback(tables)
    owner = pd.Series(
        tables["interviews"]["candidate_id"].astype("string").to_numpy(),
        index=tables["interviews"]["id"].astype("string").to_numpy(),
    )
    return feedback["interview_id"].map(owner).value_counts()


def roster(
    tables: Mapping[str, pd.DataFrame],
    *,
    today: dt.date | None = None,
    rubric_items: int | None = None,
    inactive_days: int = 7,
) -> pd.DataFrame:
    """One row per candidate in ``tables``: who they are, how far, how active.

    Filter first with :func:`filter_tables` (one workshop); pass the result here.

    Parameters
    ----------
    today
        The day ``inactive`` is counted from (default: today, UTC like the stamps).
    rubric_items
        How many items a complete reflection scores (see :func:`step_progress`).
    inactive_days
        A candidate is ``inactive`` after more than this many days without activity.

    Returns
    -------
    DataFrame
        Sorted by name, then ``created_at``:

        - ``candidate_id``, ``name``, ``name_number`` (Int64: 1, 2, ... among
          candidates with the same name, by ``created_at``, to tell them apart) and
          ``created_at``;
        - ``interviews`` (Int64), ``latest_interview_id`` and ``latest_date`` of the
          latest interview (by date, time, then entry; it may be one still to come),
          <NA>/NaT without one;
        - ``steps_done``, ``steps_started``, ``steps_open`` (Int64): of the 7 steps of
          the latest interview, how many are done, started and not started (they add
          up to 7). A candidate without an interview has no step open: all three are 0
          (``no_interview`` says why);
        - ``last_activity``: the latest ``updated_at`` or ``joined_at`` of any of their
          own rows (their profile, memberships and work; not the coach's scores or
          comments); NaT if none;
        - ``self_mean``, ``coach_mean`` (float): the mean of every score by that scorer
          over all their interviews; NaN without scores;
        - ``warnings`` (Int64): the warnings their planned questions drew (a question
          drawing two rules counts twice), as :func:`question_feedback` finds them;
        - ``no_interview`` (bool) and ``inactive`` (bool: ``last_activity`` more than
          ``inactive_days`` days before ``today``, or never).
    """
    candidates = tables["candidates"]
    if candidates.empty:
        return empty(_ROSTER)
    result = pd.DataFrame(
        {
            "candidate_id": candidates["id"].astype("string"),
            "name": candidates["name"].astype("string"),
            "created_at": candidates["created_at"].astype("datetime64[ns]"),
        }
    ).sort_values(["name", "created_at", "candidate_id"], kind="stable")
    result["name_number"] = result.groupby("name", sort=False, dropna=False).cumcount() + 1
    ids = pd.Index(result["candidate_id"])

    numbers = numbered(tables["interviews"])
    latest = numbers.drop_duplicates("candidate_id", keep="last").set_index("candidate_id")
    result["interviews"] = _per(ids, numbers.groupby("candidate_id").size(), 0)
    result["latest_interview_id"] = _per(ids, latest["interview_id"])
    result["latest_date"] = _per(ids, latest["date"])

    latest_ids = latest["interview_id"].to_numpy()
    progress = step_progress(_of_interviews(tables, latest_ids), rubric_items=rubric_items).reindex(latest_ids)
    for column, status in (("steps_done", "done"), ("steps_started", "started"), ("steps_open", "not_started")):
        counted = pd.DataFrame({step: (progress[step] == status).to_numpy() for step in STEPS}).sum(axis=1)
        result[column] = _per(ids, pd.Series(counted.to_numpy(), index=latest.index), 0)

    result["last_activity"] = _per(ids, _last_activity(tables))
    means = mean_scores(tables, "candidate_id")
    result["self_mean"] = _per(ids, means["self"])
    result["coach_mean"] = _per(ids, means["coach"])
    result["warnings"] = _per(ids, _warnings(tables), 0)
    result["no_interview"] = result["interviews"] == 0

    day = pd.Timestamp(today if today is not None else clock.now().date())
    idle_days = (day - result["last_activity"].dt.normalize()).dt.days
    result["inactive"] = (result["last_activity"].isna() | (idle_days > inactive_days)).to_numpy()
    return typed(result, _ROSTER)
