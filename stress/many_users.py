"""A workshop's worth of people at once: N browser contexts open one `workbook serve`.

Reports how many reached an interactive dashboard (the sign-in field accepts
typing), how long that took, and the memory of the server with all its kernels.

    .venv/bin/python -m stress.many_users --users 30

Run from the repository root. Traffic goes only to 127.0.0.1. Needs Debian's
Chromium (/usr/bin/chromium or $WORKBOOK_CHROMIUM) and the Playwright package; no
browser is downloaded.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

import psutil
from playwright.async_api import Browser

from harness.chromium import VIEWPORT, async_browser
from harness.ports import free_port
from harness.served import Served, ServerError, serve_command
from harness.stats import median

#: How long the server may take to answer, and then to fill its pool of kernels.
SERVER_READY_S = 120.0
POOL_FULL_S = 600.0


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


async def _visit(browser: Browser, url: str, timeout_s: float) -> float | None:
    context = await browser.new_context(viewport=VIEWPORT)
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


async def _run(url: str, users: int, timeout_s: float) -> list[float | None]:
    async with async_browser() as browser:
        results = await asyncio.gather(*(_visit(browser, url, timeout_s) for _ in range(users)))
        return list(results)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--pool-size", type=int, default=4)
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds one page may take")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="workbook-many-"))
    port = free_port()
    command = serve_command(port, f"sqlite:///{folder / 'many.sqlite'}", options=["--pool-size", str(args.pool_size)])
    server = Served.start(command, name="workbook serve", port=port, log_path=folder / "serve.log")
    try:
        try:
            server.wait_until_ready(SERVER_READY_S)
            # A coach starts the server before the group arrives: wait until the pool is full.
            filled = f"filled with {args.pool_size} kernel"
            server.wait_for(lambda: filled in server.log_text(), POOL_FULL_S, f"pool of {args.pool_size} kernels")
        except ServerError as error:
            print(error)
            return 1
        idle_rss, idle_kernels = _tree_rss(server.process.pid)
        began = time.perf_counter()
        results = asyncio.run(_run(server.url, args.users, args.timeout))
        wall = time.perf_counter() - began
        rss, kernels = _tree_rss(server.process.pid)
    finally:
        server.stop(timeout_s=60)
    reached = sorted(r for r in results if r is not None)
    per_kernel = (rss - idle_rss) / max(1, kernels - idle_kernels)
    print(f"users: {args.users}, reached an interactive dashboard: {len(reached)}/{args.users} in {wall:.0f} s")
    if reached:
        print(f"time to interactive: median {median(reached):.1f} s, slowest {reached[-1]:.1f} s")
    print(f"server with {kernels} kernels: {rss / 2**30:.2f} GiB resident ({per_kernel / 2**20:.0f} MiB per kernel)")
    print(f"projected for 40 participants: {(idle_rss + 40 * per_kernel) / 2**30:.1f} GiB (machine: 24 GiB)")
    return 0 if len(reached) == args.users else 1


if __name__ == "__main__":
    sys.exit(main())
