"""Concurrent writers, as many Voilà kernels saving into one database at once.

Used by ``tests/test_reliability.py`` (small numbers) and by
``benchmarks/p5_saves_under_load.py`` (a workshop's worth: 30 writers x 200 saves).
Each writer is its own process with its own engine, like a kernel; each save is one
user action: one short transaction.
"""

from __future__ import annotations

import multiprocessing
import queue
import time
from dataclasses import dataclass
from typing import Any

from workbook.model import Candidate, Interview, PlannedQuestion
from workbook.store import Database

__all__ = ["WriterResult", "run_writers", "writer"]

#: How long the crowd may take to get ready (spawn, imports, sign-up) before it is
#: released all the same.
_READY_S = 300.0
#: Longest the whole run may take.
_RUN_S = 600.0


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
    db.accounts.create_candidate(person)
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


@dataclass
class _StartLine:
    """Where the writers line up: each reports it is ready, then waits for the shot."""

    ready: Any  # a Manager().Queue(): one item per writer that is ready (or failed first)
    go: Any  # a Manager().Event()
    reported: bool = False

    def wait(self) -> None:
        self.reported = True
        self.ready.put(True)
        self.go.wait()


def _run(args: tuple[str, int, _StartLine]) -> WriterResult:
    url, saves, line = args
    try:
        return writer(url, saves, line)
    except BaseException:
        if not line.reported:
            line.ready.put(False)  # failed before the start: the others need not wait for it
        raise


def _wait_for_crowd(ready: Any, writers: int) -> None:
    """Wait until every writer has reported at the start line, or ``_READY_S`` passed."""
    deadline = time.monotonic() + _READY_S
    reported = 0
    while reported < writers:
        left = deadline - time.monotonic()
        if left <= 0:
            return  # released anyway: a writer that hangs shows in the results, not here
        try:
            ready.get(timeout=left)
        except queue.Empty:
            continue
        reported += 1


def run_writers(url: str, writers: int, saves: int) -> list[WriterResult]:
    """``writers`` processes, released together once all are ready, each saving ``saves`` records."""
    Database.open(url).close()  # create and migrate once, before the crowd arrives
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        line = _StartLine(ready=manager.Queue(), go=manager.Event())
        with context.Pool(writers) as pool:
            # One task per process: a process held at the start line must not hold a second writer back.
            pending = pool.map_async(_run, [(url, saves, line)] * writers, chunksize=1)
            _wait_for_crowd(line.ready, writers)
            line.go.set()
            return pending.get(timeout=_RUN_S)
