"""Run every benchmark (``make bench``) and print the five summary lines again at the end.

    .venv/bin/python -m benchmarks.run_all

Each benchmark runs in its own Python process (``-m benchmarks.<name>`` from the
repository root), so one's kernels, imports and memory
do not weigh on the next. The exit code is 0 when all ran, whatever they measured (a
FAIL is a finding, this is a report); it is 1 when a benchmark crashed.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCHMARKS = [
    "benchmarks.p1_time_to_interactive",
    "benchmarks.p2_kernel_memory",
    "benchmarks.p3_interaction_latency",
    "benchmarks.p4_coach_view",
    "benchmarks.p5_saves_under_load",
    "benchmarks.p6_export",
    "benchmarks.p8_coach_roster",
]
SUMMARY = re.compile(r"^P\d .*: .*x \(target <= .*x\) (PASS|FAIL)$")


def main() -> int:
    began = time.monotonic()
    summaries: list[str] = []
    crashed: list[str] = []
    for name in BENCHMARKS:
        started = time.monotonic()
        process = subprocess.Popen(
            [sys.executable, "-m", name], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=REPO
        )
        assert process.stdout is not None
        found = None
        for line in process.stdout:
            print(line, end="", flush=True)
            if SUMMARY.match(line.strip()):
                found = line.strip()
        code = process.wait()
        print(f"  ({name}: {time.monotonic() - started:.0f} s)", flush=True)
        if code != 0 or found is None:
            crashed.append(name)
            found = f"{name}: CRASHED (exit code {code})"
        summaries.append(found)
    print(f"\n=== summary ({time.monotonic() - began:.0f} s) ===")
    for line in summaries:
        print(line)
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
