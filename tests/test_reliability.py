"""Reliability on a real SQLite file: concurrent kernels, a kernel killed mid-save."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

from harness.writers import run_writers
from workbook.store import Database


def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    # The full 30 x 200 runs in benchmarks/p5_saves_under_load.py; here a smaller crowd.
    url = f"sqlite:///{tmp_path / 'busy.sqlite'}"
    results = run_writers(url, writers=8, saves=40)
    assert [r.errors for r in results] == [()] * 8
    assert sum(r.saved for r in results) == 8 * 40
    with sqlite3.connect(tmp_path / "busy.sqlite") as raw:
        assert raw.execute("SELECT COUNT(*) FROM questions").fetchone()[0] == 8 * 40
        per_candidate = dict(raw.execute("SELECT candidate_id, COUNT(*) FROM questions GROUP BY candidate_id"))
    assert per_candidate == {r.candidate_id: 40 for r in results}


_KILLED_WRITER = """
import sys
from workbook.model import Candidate, Interview, Interviewer
from workbook.store import Database
db = Database.open(sys.argv[1])
person = Candidate(name="Crash")
db.accounts.create_candidate(person)
store = db.for_candidate(person.id)
print("ready", flush=True)
n = 0
while True:  # each save writes an interview and its interviewers in one transaction
    people = tuple(Interviewer(name=f"P{i}") for i in range(5))
    store.save(Interview(candidate_id=person.id, employer=f"E{n}", role="R", interviewers=people))
    n += 1
"""


def test_a_kernel_killed_mid_save_leaves_a_consistent_database(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite"
    Database.open(f"sqlite:///{path}").close()
    process = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WRITER, f"sqlite:///{path}"], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    # Let it write for a while, then kill it without warning, as the OOM killer would.
    with sqlite3.connect(path, timeout=30) as probe:
        while probe.execute("SELECT COUNT(*) FROM interviews").fetchone()[0] < 50:
            pass
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
        # Every interview that made it has all five interviewers: no half-saved action.
        counts = [
            row[0]
            for row in raw.execute(
                "SELECT COUNT(p.position) FROM interviews i"
                " LEFT JOIN interviewers p ON p.interview_id = i.id GROUP BY i.id"
            )
        ]
    assert len(counts) >= 50 and set(counts) == {5}
    db = Database.open(f"sqlite:///{path}")  # and it opens as usual afterwards
    with db.read() as conn:
        assert conn.execute(sa.text("SELECT COUNT(*) FROM candidates")).scalar() == 1
    db.close()
