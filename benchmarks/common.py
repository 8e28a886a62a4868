"""Shared pieces of the benchmarks: servers, Chromium, interleaving, the summary line.

Every figure is a ratio of two things measured side by side in one run (A/B/A/B...),
because the machines are shared and noisy: absolute times mean little, ratios do.
Chromium, free ports, starting and stopping a server and the statistics come from
``harness/``, like for the browser tests; what is the benchmarks' own (kernel pools,
first-visit page loads on the page's own clock) is here. Run from the repository
root as modules: ``.venv/bin/python -m benchmarks.p1_time_to_interactive``.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import psutil

from harness.chromium import new_context as _new_context
from harness.chromium import sync_browser
from harness.ports import free_port
from harness.served import Served, voila_command
from harness.stats import median

HERE = Path(__file__).resolve().parent
TRIVIAL_NOTEBOOK = HERE / "trivial.ipynb"
ARTIFACTS = HERE.parent / "test-artifacts" / "benchmarks"

TIMEOUT_MS = 120_000
SERVER_READY_S = 180.0
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "10"))  # A/B pairs per benchmark (at least 10)

T = TypeVar("T")


# ------------------------------------------------------------------- reporting


def summary_line(number: int, name: str, ratio: float, target: float) -> str:
    """``P<n> <name>: <ratio>x (target <= <T>x) PASS|FAIL``; printed, and returned."""
    verdict = "PASS" if ratio <= target else "FAIL"
    line = f"P{number} {name}: {ratio:.2f}x (target <= {target:g}x) {verdict}"
    print(line, flush=True)
    return line


def describe(label: str, values: Sequence[float], unit: str = "ms", scale: float = 1000.0) -> str:
    shown = ", ".join(f"{v * scale:.3g}" for v in values)
    return f"  {label}: median {median(values) * scale:.3g} {unit} (n={len(values)}; {shown})"


def interleave(rounds: int, a: Callable[[int], T], b: Callable[[int], T]) -> tuple[list[T], list[T]]:
    """Run ``a`` and ``b`` alternately, ``rounds`` times each; the one going first
    alternates too (A B, B A, A B, ...), so neither always gets the warmer machine."""
    got_a: list[T] = []
    got_b: list[T] = []
    for index in range(rounds):
        if index % 2 == 0:
            got_a.append(a(index))
            got_b.append(b(index))
        else:
            got_b.append(b(index))
            got_a.append(a(index))
    return got_a, got_b


# ---------------------------------------------------------------------- server


_KERNEL_ID = re.compile(r"kernel-([0-9a-f-]{36})\.json")
_PAGE_KERNEL = re.compile(r'"kernelId"\s*:\s*"([0-9a-f-]{36})"')


@dataclass
class Server(Served):
    """A running Voilà (``workbook serve`` settings) serving one notebook."""

    db_url: str
    used: set[str] = field(default_factory=set)  # kernel ids handed to a page already

    def kernels(self) -> dict[str, psutil.Process]:
        """The kernel processes of this server, by kernel id."""
        found: dict[str, psutil.Process] = {}
        try:
            children = psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return found
        for child in children:
            with contextlib.suppress(psutil.Error):
                match = _KERNEL_ID.search(" ".join(child.cmdline()))
                if match and "ipykernel" in " ".join(child.cmdline()):
                    found[match.group(1)] = child
        return found

    def _tree_busy(self, window_s: float) -> float:
        """CPU seconds per second the whole process tree used over ``window_s``."""
        before = self._tree_cpu()
        time.sleep(window_s)  # the measuring interval of a CPU rate
        return (self._tree_cpu() - before) / window_s

    def _tree_cpu(self) -> float:
        total = 0.0
        try:
            procs = [psutil.Process(self.process.pid), *psutil.Process(self.process.pid).children(recursive=True)]
        except psutil.NoSuchProcess:
            return 0.0
        for proc in procs:
            with contextlib.suppress(psutil.Error):
                times = proc.cpu_times()
                total += times.user + times.system
        return total

    def wait_pool_ready(self, pool_size: int = 1, timeout: float = 180.0) -> list[str]:
        """Wait until ``pool_size`` unused kernels exist and the server's process tree
        has gone quiet (the preheated kernels have run the notebook).

        The condition is "enough fresh kernels, and less than 5 % CPU over a 0.5 s
        window in the whole tree"; the 0.5 s window is the measuring interval of that
        condition, not a sleep standing in for one. Returns the fresh kernel ids.
        """

        def quiet_pool() -> list[str] | None:
            fresh = [k for k in self.kernels() if k not in self.used]
            return fresh if len(fresh) >= pool_size and self._tree_busy(0.5) < 0.05 else None

        return self.wait_for(quiet_pool, timeout, f"quiet pool of {pool_size} fresh kernel(s)")


def start_server(name: str, notebook: Path | None, db_url: str, *, pool_size: int = 1) -> Server:
    """Voilà with exactly the command line of ``workbook serve`` (``voila_command``),
    for the dashboard (``notebook=None``) or another notebook, on a free port."""
    from workbook.cli import notebook_path
    from workbook.store import Database

    Database.open(db_url).close()  # create and migrate once, as `serve` does
    nb = notebook or notebook_path()
    port = free_port()
    server = Server.start(
        voila_command(nb, port, pool_size=pool_size),
        name=f"{name} server",
        port=port,
        log_path=ARTIFACTS / f"server-{name}.log",
        env={**os.environ, "WORKBOOK_DB": db_url},
        cwd=nb.parent,
        db_url=db_url,
    )
    try:
        body = server.wait_until_ready(SERVER_READY_S)
    except BaseException:
        server.stop()
        raise
    # That request took a preheated kernel: it is not fresh any more.
    server.used.update(_PAGE_KERNEL.findall(body))
    return server


@contextlib.contextmanager
def servers(pool_size: int = 1) -> Iterator[tuple[Server, Server]]:
    """The dashboard and the trivial notebook, each with its own temporary database."""
    with tempfile.TemporaryDirectory(prefix="wb-bench-") as tmp:
        started: list[Server] = []
        try:
            started.append(start_server("dashboard", None, f"sqlite:///{tmp}/dashboard.sqlite", pool_size=pool_size))
            started.append(
                start_server("trivial", TRIVIAL_NOTEBOOK, f"sqlite:///{tmp}/trivial.sqlite", pool_size=pool_size)
            )
            yield started[0], started[1]
        finally:
            for server in started:
                server.stop()


# ---------------------------------------------------------------------- browser


def chromium() -> contextlib.AbstractContextManager[Any]:
    """Debian's Chromium through Playwright (never ``playwright install``)."""
    return sync_browser()


def new_context(browser: Any) -> Any:
    return _new_context(browser, timeout_ms=TIMEOUT_MS)


#: The text field that makes each page "interactive" (the dashboard's sign-in name,
#: the trivial notebook's one Text widget).
DASHBOARD_INPUT = ".wb-signin .widget-text input"
TRIVIAL_INPUT = ".bench-text input"

# Installed before any page script runs: marks, on the page's own clock (milliseconds
# since navigation start), the moment the input first exists, is enabled and visible.
# A MutationObserver plus a frame loop, so the moment is not rounded to a poll interval.
_WATCH_INPUT = """
(selector) => {
  const check = () => {
    if (window.__benchReady !== undefined) return true;
    const el = document.querySelector(selector);
    if (el && !el.disabled && el.offsetParent !== null) {
      window.__benchReady = performance.now();
      return true;
    }
    return false;
  };
  const start = () => {
    if (check()) return;
    const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
    observer.observe(document, {subtree: true, childList: true, attributes: true});
    const frame = () => { if (!check()) requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  };
  start();
}
"""


@dataclass(frozen=True)
class Load:
    """One page load: time to interactive (s) and the kernel that served it."""

    tti: float
    kernel_id: str | None
    rss: int | None
    uss: int | None


def load_page(browser: Any, server: Server, selector: str, *, keep: bool = False) -> tuple[Load, Any]:
    """Open ``server`` in a fresh browser context (a first visit, cold cache) once its
    kernel pool is ready; time from navigation until ``selector`` is there, enabled
    and visible, then check that it accepts typing (the typed text reaches the field).
    Returns the load and the context (closed unless ``keep``)."""
    fresh = server.wait_pool_ready()
    context = new_context(browser)
    page = context.new_page()
    page.add_init_script(f"({_WATCH_INPUT})({selector!r})")
    page.goto(server.url, wait_until="commit")
    page.wait_for_function("() => window.__benchReady !== undefined", polling="raf", timeout=TIMEOUT_MS)
    ready_ms = float(page.evaluate("() => window.__benchReady"))
    # Interactive means it takes typing: type into it and see the text arrive.
    page.locator(selector).first.press_sequentially("Bench")
    page.wait_for_function(
        "(s) => document.querySelector(s).value === 'Bench'", arg=selector, polling="raf", timeout=TIMEOUT_MS
    )
    # The kernel handed to this page: the one of the fresh ones that is now used. With
    # a pool of one there is exactly one candidate; Voilà's page also names it.
    kernel_id = _page_kernel_id(page) or (fresh[0] if len(fresh) == 1 else None)
    server.used.update(fresh if kernel_id is None else [kernel_id])
    rss = uss = None
    proc = server.kernels().get(kernel_id or "")
    if proc is not None:
        with contextlib.suppress(psutil.Error):
            info = proc.memory_full_info()
            rss, uss = int(info.rss), int(info.uss)
    # Time to interactive: until the field was there, enabled and visible; the typing
    # above only proves it takes input (its cost is Playwright's key events).
    load = Load(tti=ready_ms / 1000.0, kernel_id=kernel_id, rss=rss, uss=uss)
    if not keep:
        close_context(context, server, kernel_id)
        context = None
    return load, context


def alternating_loads(rounds: int = ROUNDS) -> tuple[list[Load], list[Load]]:
    """First visits of the dashboard and of the trivial notebook, alternating
    (:func:`interleave`), ``rounds`` each; both served and loaded the same way."""
    with servers() as (dashboard, trivial), chromium() as browser:
        # One unmeasured load each: Chromium's first page and the servers' first
        # static files are a cold start neither page would show a user twice.
        load_page(browser, dashboard, DASHBOARD_INPUT)
        load_page(browser, trivial, TRIVIAL_INPUT)
        return interleave(
            rounds,
            lambda _: load_page(browser, dashboard, DASHBOARD_INPUT)[0],
            lambda _: load_page(browser, trivial, TRIVIAL_INPUT)[0],
        )


def _page_kernel_id(page: Any) -> str | None:
    found = _PAGE_KERNEL.findall(str(page.content()))
    return found[0] if found else None


def close_context(context: Any, server: Server, kernel_id: str | None) -> None:
    """Shut the page's kernel down the way Voilà's page does on ``beforeunload``
    (``POST /voila/api/shutdown/<id>``), then close the page: kernels must not pile
    up over the loads (a closed context does not unload; the culler is minutes away)."""
    if kernel_id is not None and context.pages:
        # Voilà's page never gets an _xsrf cookie, so its own beacon is refused (403);
        # a cookie of our own plus the same value in the form passes Tornado's check.
        context.add_cookies([{"name": "_xsrf", "value": os.urandom(16).hex(), "url": server.url}])
        status = context.pages[0].evaluate(_SHUTDOWN, kernel_id)
        if status != 204:
            print(f"  (warning: shutting kernel {kernel_id} down answered HTTP {status})", flush=True)
    context.close()
    proc = server.kernels().get(kernel_id or "")
    if proc is not None:
        with contextlib.suppress(psutil.Error):
            proc.wait(timeout=30)  # the condition: the kernel process has exited


_SHUTDOWN = r"""
async (kernelId) => {
  // The same request as Voilà's own beforeunload beacon (a form with the _xsrf cookie).
  const form = new FormData();
  const xsrf = document.cookie.match(/(?:^|;\s*)_xsrf=([^;]*)/);
  form.append("_xsrf", (xsrf && xsrf[1]) || "");
  const response = await fetch(`/voila/api/shutdown/${kernelId}`, {method: "POST", body: form});
  return response.status;
}
"""


def print_header(title: str, rounds: int = ROUNDS) -> None:
    print(f"\n=== {title} ===", flush=True)
    print(f"  python {sys.version.split()[0]}, {os.cpu_count()} CPUs, rounds={rounds}", flush=True)
