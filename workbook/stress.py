"""Concurrent writers, as many Voilà kernels saving into one database at once.

Used by the test suite (small numbers) and by ``benchmarks/`` and ``stress/`` (a
workshop's worth: 30 writers x 200 saves). Each writer is its own process with its
own engine, like a kernel; each save is one user action: one short transaction.
"""

from __future__ import annotations

import multiprocessing
import statistics
import time
from dataclasses import dataclass

from workbook.model import Candidate, Interview, PlannedQuestion
from workbook.store import Database

__all__ = ["WriterResult", "run_writers", "writer"]


@dataclass(frozen=True)
class WriterResult:
    candidate_id: str
    saved: int
    errors: tuple[str, ...]
    latencies: tuple[float, ...]


def writer(url: str, saves: int, start: object | None = None) -> WriterResult:
    """Sign up one candidate and save ``saves`` planned questions, one per action."""
    db = Database.open(url, migrate=False)
    person = Candidate(name="Writer")
    db.create_candidate(person)
    store = db.for_candidate(person.id)
    interview = store.save(Interview(candidate_id=person.id, employer="Stress BV", role="Tester"))
    if start is not None:
        start.wait()  # type: ignore[attr-defined]
    errors: list[str] = []
    latencies: list[float] = []
    saved = 0
    for number in range(saves):
        began = time.perf_counter()
        try:
            store.save(PlannedQuestion(interview_id=interview.id, text=f"Vraag {number}?", position=number))
            saved += 1
        except Exception as error:
            errors.append(f"{type(error).__name__}: {error}")
        latencies.append(time.perf_counter() - began)
    db.close()
    return WriterResult(person.id, saved, tuple(errors), tuple(latencies))


def _run(args: tuple[str, int, object]) -> WriterResult:
    return writer(*args)


def run_writers(url: str, writers: int, saves: int) -> list[WriterResult]:
    """``writers`` processes, started together, each saving ``saves`` records."""
    Database.open(url).close()  # create and migrate once, before the crowd arrives
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        start = manager.Event()
        with context.Pool(writers) as pool:
            pending = pool.map_async(_run, [(url, saves, start)] * writers)
            time.sleep(0)  # let the workers reach the barrier; the event releases them together
            start.set()
            return pending.get(timeout=600)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else (values[0] if values else 0.0)
