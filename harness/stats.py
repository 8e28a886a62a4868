"""The two figures the benchmarks and stress scripts report: median and 95th percentile."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

__all__ = ["median", "p95"]


def median(values: Sequence[float]) -> float:
    """The median of ``values`` (at least one)."""
    return float(statistics.median(values))


def p95(values: Sequence[float]) -> float:
    """The 95th percentile of ``values``; the value itself for one, 0.0 for none."""
    ordered = sorted(values)
    if len(ordered) < 2:
        return float(ordered[0]) if ordered else 0.0
    return float(statistics.quantiles(ordered, n=20)[-1])
