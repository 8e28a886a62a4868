"""Rubric scores as the analysis reads them: one scorer's scores and the items in order.

How scores are counted and items ordered is defined in :mod:`workbook.analysis`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

import pandas as pd

from workbook import guidance
from workbook.analysis._frames import is_value

__all__ = ["SCORES", "check_scorer", "item_catalogue", "item_order", "scores_of"]

#: The values a rubric item can score.
SCORES: Final = tuple(range(1, 6))


def check_scorer(scorer: str) -> None:
    """Refuse a scorer other than ``self`` or ``coach`` (a typo would silently find nothing)."""
    if scorer not in ("self", "coach"):
        raise ValueError(f"scorer must be 'self' or 'coach', not {scorer!r}")


def scores_of(tables: Mapping[str, pd.DataFrame], scorer: str) -> pd.DataFrame:
    """One scorer's scores: ``interview_id``, ``candidate_id``, ``date``, ``item``, ``score``."""
    reflections = tables["reflections"]
    own = reflections.loc[is_value(reflections["scorer"], scorer), ["id", "interview_id"]]
    interviews = tables["interviews"][["id", "candidate_id", "date"]].rename(columns={"id": "interview_id"})
    scores = tables["reflection_scores"][["reflection_id", "item", "score"]].dropna(subset=["score"])
    merged = scores.merge(own.rename(columns={"id": "reflection_id"}), on="reflection_id").merge(
        interviews, on="interview_id"
    )
    return merged[["interview_id", "candidate_id", "date", "item", "score"]]


def item_catalogue(tables: Mapping[str, pd.DataFrame], stored: Iterable[str] = ()) -> pd.DataFrame:
    """Every rubric item to report on, in order: ``item``, ``phase``.

    The built-in rubric, then the workshop's own items in the tables, then any other
    key among ``stored`` (a removed item, an import) with no phase.
    """
    builtin = pd.DataFrame(
        {"item": [i.key for i in guidance.rubric()], "phase": [i.phase for i in guidance.rubric()]}, dtype="string"
    )
    own = tables.get("workshop_rubric_items")
    parts = [builtin]
    if own is not None and not own.empty:
        parts.append(own[["key", "phase"]].rename(columns={"key": "item"}).astype("string"))
    known = pd.concat(parts, ignore_index=True).drop_duplicates("item")
    # Unique keys first: ``stored`` is a score per row, often a hundred thousand of them.
    values = stored if isinstance(stored, pd.Series) else pd.Series(list(stored), dtype="string")
    others = sorted(set(values.dropna().unique()) - set(known["item"]))
    extra = pd.DataFrame({"item": others, "phase": pd.NA}, dtype="string")
    return pd.concat([known, extra], ignore_index=True)


def item_order(tables: Mapping[str, pd.DataFrame], items: pd.Series) -> pd.Series:
    """The rank of each item in :func:`item_catalogue` order (for sorting)."""
    catalogue = item_catalogue(tables, items)
    rank = pd.Series(range(len(catalogue)), index=catalogue["item"].to_numpy())
    return items.map(rank)
