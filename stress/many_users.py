"""A workshop's worth of people at once: N browser contexts open one `workbook serve`.

Reports how many reached an interactive dashboard (the sign-in field accepts
typing), how long that took, and the memory of the server with all its kernels.

    .venv/bin/python stress/many_users.py --users 30

Traffic goes only to 127.0.0.1. Needs Debian's Chromium (/usr/bin/chromium or
$WORKBOOK_CHROMIUM) and the Playwright package; no browser is downloaded.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil
from playwright.async_api import async_playwright

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _tree_rss(pid: int) -> tuple[int, int]:
    """Resident memory of a process and its descendants, and how many kernels."""
    root = psutil.Process(pid)
    processes = [root, *root.children(recursive=True)]
    total = 0
    kernels = 0
    for process in processes:
        try:
            total += process.memory_info().rss
            kernels += "ipykernel_launcher" in " ".join(process.cmdline())
        except psutil.NoSuchProcess:
            continue
    return total, kernels


async def _visit(browser, url: str, timeout_s: float) -> float | None:  # type: ignore[no-untyped-def]
    context = await browser.new_context(viewport={"width": 1280, "height": 720})
    page = await context.new_page()
    began = time.perf_counter()
    try:
        await page.goto(url, timeout=timeout_s * 1000)
        field = page.locator(".wb-signin input").first
        await field.wait_for(state="visible", timeout=timeout_s * 1000)
        await field.fill("Deelnemer", timeout=timeout_s * 1000)
        return time.perf_counter() - began
    except Exception:
        return None
    # Pages stay open: the point is 30 people at once.


async def _run(url: str, users: int, timeout_s: float, chromium: str) -> list[float | None]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
        results = await asyncio.gather(*(_visit(browser, url, timeout_s) for _ in range(users)))
        return list(results)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--pool-size", type=int, default=4)
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds one page may take")
    args = parser.parse_args()
    chromium = os.environ.get("WORKBOOK_CHROMIUM", "/usr/bin/chromium")
    folder = Path(tempfile.mkdtemp(prefix="workbook-many-"))
    port = _free_port()
    log = (folder / "serve.log").open("wb")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "workbook.cli",
            "serve",
            "--port",
            str(port),
            "--pool-size",
            str(args.pool_size),
            "--db",
            f"sqlite:///{folder / 'many.sqlite'}",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(url, timeout=5).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    print((folder / "serve.log").read_text()[-2000:])
                    return 1
                server_wait = 0.25  # poll interval while the server starts
                time.sleep(server_wait)
        # A coach starts the server before the group arrives: wait until the pool is full.
        filled = f"filled with {args.pool_size} kernel"
        while filled not in (folder / "serve.log").read_text(errors="replace"):
            if time.monotonic() > deadline + 600 or server.poll() is not None:
                print((folder / "serve.log").read_text()[-2000:])
                return 1
            time.sleep(0.5)  # poll interval while the pool fills
        idle_rss, idle_kernels = _tree_rss(server.pid)
        began = time.perf_counter()
        results = asyncio.run(_run(url, args.users, args.timeout, chromium))
        wall = time.perf_counter() - began
        rss, kernels = _tree_rss(server.pid)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=60)
    reached = [r for r in results if r is not None]
    per_kernel = (rss - idle_rss) / max(1, kernels - idle_kernels)
    print(f"users: {args.users}, reached an interactive dashboard: {len(reached)}/{args.users} in {wall:.0f} s")
    if reached:
        reached.sort()
        print(f"time to interactive: median {reached[len(reached) // 2]:.1f} s, slowest {reached[-1]:.1f} s")
    print(f"server with {kernels} kernels: {rss / 2**30:.2f} GiB resident ({per_kernel / 2**20:.0f} MiB per kernel)")
    print(f"projected for 40 participants: {(idle_rss + 40 * per_kernel) / 2**30:.1f} GiB (machine: 24 GiB)")
    return 0 if len(reached) == args.users else 1


if __name__ == "__main__":
    sys.exit(main())
