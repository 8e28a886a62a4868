"""P5 saves under load: 30 concurrent writer processes x 200 saves vs one writer.

``harness.writers.run_writers``: each writer is its own process with its own engine
(like a Voilà kernel), signs up a candidate and saves planned questions, one short
transaction per save. Runs alternate: one writer, the crowd, one writer, the crowd
(``P5_ROUNDS`` pairs, default 5; each run gives 200 or 6,000 latencies).
Nothing may be lost: every save a writer counted must be a row in the database.
The ratio is the crowd's p95 save latency over the single writer's median.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from harness.stats import median, p95
from harness.writers import run_writers

from .common import describe, interleave, print_header, summary_line

TARGET = 10.0
WRITERS = 30
SAVES = 200
ROUNDS = int(os.environ.get("P5_ROUNDS", "5"))


def main() -> str:
    print_header(f"P5 saves under load ({WRITERS} writer processes x {SAVES} saves vs 1 writer, SQLite)", ROUNDS)
    lost = 0
    errors: list[str] = []
    with tempfile.TemporaryDirectory(prefix="wb-bench-p5-") as folder:

        def run(writers: int, number: int) -> list[float]:
            nonlocal lost
            path = Path(folder) / f"writers-{writers}-{number}.sqlite"
            results = run_writers(f"sqlite:///{path}", writers, SAVES)
            with sqlite3.connect(path) as conn:
                stored = dict(conn.execute("SELECT candidate_id, COUNT(*) FROM questions GROUP BY candidate_id"))
            for result in results:
                errors.extend(result.errors)
                # Lost: a save that did not end up in the database (failed, or
                # reported saved but missing).
                lost += SAVES - min(result.saved, int(stored.get(result.candidate_id, 0)))
            if len(results) != writers:
                lost += (writers - len(results)) * SAVES
            return [latency for result in results for latency in result.latencies]

        single, crowd = interleave(ROUNDS, lambda n: run(1, n), lambda n: run(WRITERS, n))
    one = [latency for run_ in single for latency in run_]
    many = [latency for run_ in crowd for latency in run_]
    print(describe("1 writer, median per run ", [median(r) for r in single]))
    print(describe(f"{WRITERS} writers, p95 per run", [p95(r) for r in crowd]))
    print(f"  1 writer:   median {median(one) * 1000:.2f} ms, p95 {p95(one) * 1000:.2f} ms ({len(one)} saves)")
    print(
        f"  {WRITERS} writers: median {median(many) * 1000:.2f} ms, p95 {p95(many) * 1000:.2f} ms, "
        f"max {max(many) * 1000:.0f} ms ({len(many)} saves)"
    )
    print(f"  lost saves: {lost}; errors: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))
    ratio = p95(many) / median(one)
    if lost:
        print(f"  {lost} saves were lost: FAIL whatever the latency")
        ratio = max(ratio, float("inf"))
    print(f"  ratio: {WRITERS}-writer p95 / 1-writer median; lost saves make it FAIL")
    return summary_line(5, "saves under load", ratio, TARGET)


if __name__ == "__main__":
    main()
