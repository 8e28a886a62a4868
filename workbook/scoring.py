"""Rubric arithmetic: totals, scores per phase, self against coach, change over time.

Scores are 1-5 per rubric item (see :func:`workbook.guidance.rubric`). An item that was
not scored is left out of every mean and sum: it counts as "not scored", never as 0,
because a candidate who skipped the statement did not score it badly. A score under a
key the rubric does not know (a removed item, a typo in an import) is likewise left out
of the arithmetic and reported in :attr:`ScoreSummary.unknown`, so nothing disappears
silently.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from statistics import fmean

from workbook import guidance
from workbook.model import SCORE_MAX, SCORE_MIN, Reflection

__all__ = ["PhaseScore", "ScoreSummary", "change", "difference", "summarise"]

Scores = Reflection | Mapping[str, int]


@dataclass(frozen=True)
class PhaseScore:
    """The mean score of one phase of the close."""

    phase: str
    mean: float | None
    scored: int
    items: int


@dataclass(frozen=True)
class ScoreSummary:
    """Scores of one reflection: overall and per phase.

    Attributes
    ----------
    total
        Sum of the scored items.
    mean
        Mean over the scored items (1-5), ``None`` when nothing was scored.
    scored, items
        How many rubric items were scored, out of how many.
    phases
        One :class:`PhaseScore` per rubric phase, in rubric order.
    unknown
        Score keys that are not rubric items; left out of the arithmetic.
    """

    total: int
    mean: float | None
    scored: int
    items: int
    phases: tuple[PhaseScore, ...]
    unknown: tuple[str, ...]

    def phase(self, key: str) -> PhaseScore:
        """The score of one phase; ``KeyError`` for an unknown phase."""
        for item in self.phases:
            if item.phase == key:
                return item
        raise KeyError(f"unknown phase {key!r}")


def _scores(value: Scores) -> dict[str, int]:
    scores = dict(value.scores if isinstance(value, Reflection) else value)
    for key, score in scores.items():
        # A Reflection checks this already; a plain mapping may come from a notebook.
        if isinstance(score, bool) or not isinstance(score, int) or not SCORE_MIN <= score <= SCORE_MAX:
            raise ValueError(f"score for {key!r} must be {SCORE_MIN}-{SCORE_MAX}, not {score!r}")
    return scores


def _known(scores: Mapping[str, int], extra: Mapping[str, str] | None = None) -> dict[str, int]:
    keys = {item.key for item in guidance.rubric()} | set(extra or {})
    return {key: score for key, score in scores.items() if key in keys}


def summarise(reflection: Scores, extra: Mapping[str, str] | None = None) -> ScoreSummary:
    """Total, mean and per-phase means of a reflection (or a mapping item -> score).

    ``extra`` maps the keys of a workshop's own rubric items to their phase, so they
    count like the built-in items.
    """
    extra = dict(extra or {})
    scores = _scores(reflection)
    known = _known(scores, extra)
    phases = []
    for phase in guidance.phases():
        keys = [item.key for item in guidance.rubric(phase.key)] + [k for k, p in extra.items() if p == phase.key]
        values = [known[key] for key in keys if key in known]
        phases.append(PhaseScore(phase.key, fmean(values) if values else None, len(values), len(keys)))
    values = list(known.values())
    return ScoreSummary(
        total=sum(values),
        mean=fmean(values) if values else None,
        scored=len(values),
        items=len(guidance.rubric()) + len(extra),
        phases=tuple(phases),
        unknown=tuple(sorted(set(scores) - set(known))),
    )


def _per_item(first: Mapping[str, int], second: Mapping[str, int]) -> dict[str, int | None]:
    """``second - first`` per rubric item in rubric order; ``None`` when either is missing."""
    return {
        item.key: (second[item.key] - first[item.key] if item.key in first and item.key in second else None)
        for item in guidance.rubric()
    }


def difference(self_score: Scores, coach_score: Scores) -> dict[str, int | None]:
    """Coach score minus self score per rubric item.

    Positive: the coach saw more than the candidate gave themselves credit for.
    ``None`` for an item missing on either side. When both are :class:`Reflection`
    records they must be about the same interview, by the self and the coach.
    """
    if isinstance(self_score, Reflection) and isinstance(coach_score, Reflection):
        if self_score.interview_id != coach_score.interview_id:
            raise ValueError("self and coach reflections are about different interviews")
        if (self_score.scorer, coach_score.scorer) != ("self", "coach"):
            raise ValueError("expected a self reflection first and a coach reflection second")
    return _per_item(_known(_scores(self_score)), _known(_scores(coach_score)))


def change(previous: Scores, current: Scores) -> dict[str, int | None]:
    """Current minus previous score per rubric item ("since the last interview").

    ``None`` for an item missing in either reflection.
    """
    return _per_item(_known(_scores(previous)), _known(_scores(current)))
