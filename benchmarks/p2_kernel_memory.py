"""P2 kernel memory: resident memory of the kernel serving the dashboard vs the one
serving the trivial notebook, each measured right after its page became interactive.

Like with like: both kernels come from a preheated pool of one (they ran their
notebook before the request), both are measured at the same moment of their page's
life. The kernel of a page is the one Voilà names in the page (``kernelId``), found
in the server's own process tree by its connection file. The detail lines show where
the dashboard's extra memory comes from: a bare Python importing what the
dashboard's kernel imports, one module family at a time.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

from harness.stats import median

from .common import ROUNDS, alternating_loads, print_header, summary_line

TARGET = 1.5
MB = 1024 * 1024

# RSS of a fresh interpreter after each import (cumulative, in the order the
# dashboard's kernel meets them), so the share of each family is visible.
_IMPORTS = """
import os, resource, sys, time
import psutil
me = psutil.Process()
def rss():
    return me.memory_info().rss / 2**20
print(f"python+psutil {rss():.1f}")
for name in sys.argv[1:]:
    began = time.perf_counter()
    __import__(name)
    print(f"{name} {rss():.1f} {time.perf_counter() - began:.3f}")
"""
_STEPS = [
    "ipykernel.kernelapp",
    "ipywidgets",
    "numpy",
    "pandas",
    "sqlalchemy",
    "holidays",
    "workbook.store",
    "workbook.analysis",
    "workbook.app",
    "matplotlib",
]


def import_breakdown() -> None:
    print("  where the memory goes (fresh python, RSS after each import, cumulative):")
    result = subprocess.run(
        [sys.executable, "-c", _IMPORTS, *_STEPS], capture_output=True, text=True, check=True, timeout=300
    )
    previous = None
    for line in result.stdout.splitlines():
        parts = line.split()
        name, rss = parts[0], float(parts[1])
        took = f", {float(parts[2]) * 1000:.0f} ms" if len(parts) > 2 else ""
        grew = f" (+{rss - previous:.1f} MB{took})" if previous is not None else ""
        print(f"    {name:<22} {rss:7.1f} MB{grew}")
        previous = rss
    with tempfile.TemporaryDirectory(prefix="wb-bench-p2-") as folder:
        loaded = subprocess.run(
            [sys.executable, "-c", _LOADED, "matplotlib", "alembic", "openpyxl"],
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
            env={**os.environ, "WORKBOOK_DB": f"sqlite:///{folder}/p2.sqlite"},
        )
    modules = loaded.stdout.strip().splitlines()[-1]
    print(f"    (loaded by the dashboard notebook's code, workbook.app.main(): {modules})")


# What the notebook's one cell loads, run a second time on a current database (the
# first run creates it, as `serve` does before the kernels start).
_LOADED = """
import contextlib, io, subprocess, sys
subprocess.run([sys.executable, "-c", "from workbook.store import Database; Database.open().close()"], check=True)
from workbook.app import main
with contextlib.redirect_stdout(io.StringIO()):  # outside a kernel, display() prints a repr
    main()
print(", ".join(f"{name} {'yes' if name in sys.modules else 'no'}" for name in sys.argv[1:]))
"""


def main() -> str:
    print_header("P2 kernel memory (RSS of the page's kernel after load, preheated pool of 1)")
    loads_a, loads_b = alternating_loads(ROUNDS)
    rss_a = [load.rss for load in loads_a if load.rss]
    rss_b = [load.rss for load in loads_b if load.rss]
    uss_a = [load.uss for load in loads_a if load.uss]
    uss_b = [load.uss for load in loads_b if load.uss]
    if len(rss_a) < ROUNDS or len(rss_b) < ROUNDS:
        raise RuntimeError(f"kernel not found for some loads: {len(rss_a)}, {len(rss_b)} of {ROUNDS}")
    print(
        f"  dashboard kernel: RSS median {median(rss_a) / MB:.1f} MB, USS {median(uss_a) / MB:.1f} MB (n={len(rss_a)})"
    )
    print(
        f"  trivial kernel:   RSS median {median(rss_b) / MB:.1f} MB, USS {median(uss_b) / MB:.1f} MB (n={len(rss_b)})"
    )
    print(f"  USS ratio (memory only this kernel holds): {median(uss_a) / median(uss_b):.2f}x")
    import_breakdown()
    return summary_line(2, "kernel memory", median(rss_a) / median(rss_b), TARGET)


if __name__ == "__main__":
    main()
