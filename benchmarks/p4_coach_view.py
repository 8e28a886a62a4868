"""P4 coach view: the whole cohort view vs reading the same rows raw.

Demo data (``fill_demo``, bulk inserts) with N candidates x 10 interviews in a
temporary SQLite file. A is what the coach view's ``refresh`` computes:
``cohort_summary(filter_tables(store.tables(), workshop_id=...))`` with the coach's
store; B reads the same tables (the same columns) with plain ``pd.read_sql``. They
alternate, A B / B A, ``ROUNDS`` times at 1,000 candidates.

Growth: time per candidate of A at 100 and 1,000 candidates (medians of ``ROUNDS``)
and at 10,000 (ONE run: 100,000 interviews are heavy on two shared cores), each
divided by the figure at 1,000; close to 1.0 means linear.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from harness.stats import median

from .common import ROUNDS, describe, interleave, print_header, summary_line

TARGET = 3.0
INTERVIEWS = 10


class Cohort:
    """A demo database of ``candidates`` and the two ways of reading it."""

    def __init__(self, folder: str, candidates: int) -> None:
        from workbook.demo import fill_demo
        from workbook.store import Database

        self.candidates = candidates
        self.db = Database.open(f"sqlite:///{folder}/cohort-{candidates}.sqlite")
        began = time.perf_counter()
        self.demo = fill_demo(self.db, candidates=candidates, interviews=INTERVIEWS, seed=1)
        self.fill_s = time.perf_counter() - began
        self.store = self.db.for_coach(self.demo.coach_id)
        self.parts: dict[str, list[float]] = {"store.tables()": [], "filter_tables": [], "cohort_summary": []}

    def cohort_view(self, _: int = 0) -> float:
        """What CoachHome.refresh computes (without drawing widgets)."""
        from workbook import analysis, guidance

        t0 = time.perf_counter()
        tables = self.store.tables()
        t1 = time.perf_counter()
        chosen = analysis.filter_tables(tables, workshop_id=self.demo.workshop_id)
        t2 = time.perf_counter()
        analysis.cohort_summary(chosen, rubric_items=len(guidance.rubric()))
        t3 = time.perf_counter()
        for name, took in zip(self.parts, (t1 - t0, t2 - t1, t3 - t2), strict=True):
            self.parts[name].append(took)
        return t3 - t0

    def raw(self, _: int = 0) -> float:
        """The same rows and columns, read with pd.read_sql and nothing else."""
        import pandas as pd
        import sqlalchemy as sa

        from workbook.schema import HIDDEN_COLUMNS, TABLES

        t0 = time.perf_counter()
        with self.db.engine.connect() as conn:
            for table in TABLES.values():
                columns = [c for c in table.columns if c.name not in HIDDEN_COLUMNS]
                pd.read_sql(sa.select(*columns), conn)
        return time.perf_counter() - t0

    def rows(self) -> int:
        return sum(len(frame) for frame in self.store.tables().values())

    def close(self) -> None:
        self.db.close()


def _profile(call: Callable[[], object]) -> None:
    """Where one cohort view spends its time: the functions with the most own time."""
    import cProfile
    import pstats

    profile = cProfile.Profile()
    profile.runcall(call)
    stats = pstats.Stats(profile)
    rows = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)  # type: ignore[attr-defined]
    total = sum(row[1][2] for row in rows)
    print(f"  profile of one cohort view (cProfile, {total:.2f} s of own time; top 10 by own time):")
    for (path, line, function), (_, calls, own, cumulative, _) in rows[:10]:
        where = f"{Path(path).name}:{line}({function})" if line else function
        print(f"    {own:6.2f} s own {cumulative:6.2f} s cum {calls:>8} calls  {where}")


def main() -> str:
    print_header(f"P4 coach view (demo data, candidates x {INTERVIEWS} interviews)")
    per_candidate: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="wb-bench-p4-") as folder:
        small = Cohort(folder, 100)
        print(f"  100 candidates: filled in {small.fill_s:.1f} s, {small.rows()} rows")
        small.cohort_view()  # warm-up: imports, first queries
        view_100, _ = interleave(ROUNDS, small.cohort_view, small.raw)
        per_candidate[100] = median(view_100) / 100
        small.close()

        cohort = Cohort(folder, 1000)
        print(f"  1,000 candidates: filled in {cohort.fill_s:.1f} s, {cohort.rows()} rows")
        cohort.cohort_view(), cohort.raw()  # warm-up
        for part in cohort.parts.values():
            part.clear()
        view, raw = interleave(ROUNDS, cohort.cohort_view, cohort.raw)
        per_candidate[1000] = median(view) / 1000
        print(describe("cohort view (store.tables + filter_tables + cohort_summary)", view))
        print(describe("pd.read_sql of the same tables                            ", raw))
        for name, values in cohort.parts.items():
            print(f"    of which {name:<15} median {median(values) * 1000:8.1f} ms")
        _profile(cohort.cohort_view)
        cohort.close()

        big = Cohort(folder, 10_000)
        print(f"  10,000 candidates: filled in {big.fill_s:.1f} s, {big.rows()} rows")
        took = big.cohort_view()  # measured ONCE (heavy), see the docstring
        raw_big = big.raw()
        per_candidate[10_000] = took / 10_000
        print(f"  10,000 candidates, ONE run: cohort view {took:.2f} s, pd.read_sql {raw_big:.2f} s")
        print("    of which " + ", ".join(f"{n} {v[-1]:.2f} s" for n, v in big.parts.items()))
        big.close()

    print("  growth, time per candidate relative to 1,000 candidates (1.0 = linear):")
    for size, value in per_candidate.items():
        note = " (one run)" if size == 10_000 else f" (median of {ROUNDS})"
        print(f"    {size:>6} candidates: {value * 1e6:8.1f} us/candidate = {value / per_candidate[1000]:.2f}x{note}")
    return summary_line(4, "coach view", median(view) / median(raw), TARGET)


if __name__ == "__main__":
    main()
