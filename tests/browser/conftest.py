"""Browser tests: a real ``workbook serve`` driven by Debian's Chromium through Playwright.

One server per test session (Voilà kernels are slow to start on a small machine), a
fresh browser context per test. Nothing is downloaded: Chromium comes from the system
(``/usr/bin/chromium``, or the path in ``WORKBOOK_CHROMIUM``). Without it the tests are
skipped with a visible reason, except on CI (``CI=true``), where that is a failure.

Artifacts land in ``test-artifacts/`` at the repository root: the server log
(``browser-server.log``), full-page screenshots (``screenshots/``), also one of
the page at the moment a test failed (``screenshots/FAILED-<test>.png``), and the files
the tests downloaded (``downloads/``).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect, sync_playwright

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
ARTIFACTS = REPO / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
DOWNLOADS = ARTIFACTS / "downloads"

DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Voilà starts a kernel per page load; on two shared cores that takes a while.
TIMEOUT_MS = 60_000
SERVER_READY_S = 120.0
SERVER_STOP_S = 30.0

# The sign-in screen is interactive once the name field is there and enabled: the
# widgets only render after the page's kernel is connected.
NAME_LABEL = "Je naam"


# --------------------------------------------------------------------------- marks


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if Path(item.path).resolve().is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    # Keep each phase's report on the item, so `page` can tell that the test failed.
    report = yield
    setattr(item, f"_report_{report.when}", report)
    return report


# ----------------------------------------------------------------------- chromium


def chromium_path() -> Path:
    """Chromium to use: ``$WORKBOOK_CHROMIUM`` or Debian's ``/usr/bin/chromium``."""
    return Path(os.environ.get("WORKBOOK_CHROMIUM") or DEFAULT_CHROMIUM)


@pytest.fixture(scope="session")
def chromium() -> Path:
    path = chromium_path()
    if not (path.is_file() and os.access(path, os.X_OK)):
        reason = f"Chromium not found at {path}; install Debian's chromium or set WORKBOOK_CHROMIUM"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return path


# ------------------------------------------------------------------------- server


@dataclass
class Server:
    """A running ``workbook serve``."""

    url: str
    port: int
    db_path: Path
    log_path: Path
    process: subprocess.Popen[bytes]

    def log(self, tail: int = 80) -> str:
        try:
            lines = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return "(no server log)"
        return "\n".join(lines[-tail:])


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _workbook_command() -> list[str]:
    script = Path(sys.executable).with_name("workbook")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "workbook.cli"]


def _status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
    except (OSError, ValueError):
        return None


def _wait_until_ready(server: Server, deadline_s: float) -> None:
    deadline = time.monotonic() + deadline_s
    last: int | None = None
    while time.monotonic() < deadline:
        code = server.process.poll()
        if code is not None:
            pytest.fail(
                f"workbook serve exited with code {code} before it served {server.url}\n"
                f"--- server log ({server.log_path}) ---\n{server.log()}",
                pytrace=False,
            )
        last = _status(server.url)
        if last == 200:
            return
        # A short pause between polls (the condition is the HTTP 200), so the
        # starting server gets the CPU.
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.process.wait(timeout=0.25)
    pytest.fail(
        f"workbook serve did not answer {server.url} with HTTP 200 within {deadline_s:.0f} s "
        f"(last status: {last})\n--- server log ({server.log_path}) ---\n{server.log()}",
        pytrace=False,
    )


def _restore_ctrl_c() -> None:
    # A shell starts background jobs with SIGINT ignored and children inherit that;
    # the server must react to Ctrl-C like in a terminal, so restore the default.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _signal_group(process: subprocess.Popen[bytes], signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signum)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Ctrl-C for the whole process group (as in a terminal), then wait; else kill."""
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
        if process.poll() is not None:
            return
        _signal_group(process, signum)
        try:
            process.wait(timeout=SERVER_STOP_S)
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``workbook serve`` on a free port with its own SQLite database."""
    ARTIFACTS.mkdir(exist_ok=True)
    db_path = tmp_path_factory.mktemp("browser-db") / "browser.sqlite"
    log_path = ARTIFACTS / "browser-server.log"
    port = _free_port()
    command = [
        *_workbook_command(),
        "serve",
        "--port",
        str(port),
        "--host",
        "127.0.0.1",
        "--db",
        f"sqlite:///{db_path}",
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("WORKBOOK_DB", None)
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=REPO,
            start_new_session=True,  # its own process group, for a clean Ctrl-C
            preexec_fn=_restore_ctrl_c,
        )
    running = Server(url=f"http://127.0.0.1:{port}/", port=port, db_path=db_path, log_path=log_path, process=process)
    try:
        _wait_until_ready(running, SERVER_READY_S)
        yield running
    finally:
        _stop(process)


# ------------------------------------------------------------------------ browser


@pytest.fixture(scope="session")
def browser(chromium: Path) -> Iterator[Browser]:
    # Artifacts of an earlier run would mislead: start this session's afresh.
    (ARTIFACTS / "browser-console.log").unlink(missing_ok=True)
    for stale in [*SCREENSHOTS.glob("FAILED-*.png"), *DOWNLOADS.glob("*")]:
        stale.unlink()
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


class _Watched:
    """One browser context and page, with its page errors and console errors collected."""

    def __init__(self, browser: Browser) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="nl-NL")
        self.context.set_default_timeout(TIMEOUT_MS)
        self.context.set_default_navigation_timeout(TIMEOUT_MS)
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        self.page.on("console", self._on_console)

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")

    def close(self, request: pytest.FixtureRequest, label: str = "") -> None:
        """Failure screenshot, problems to the console log, then the traceback check."""
        report = getattr(request.node, "_report_call", None)
        failed = report is not None and report.failed
        traceback_seen = ""
        if failed:
            name = "FAILED-" + re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name + label)
            try:
                shot(self.page, name, check=False)
            except Exception as error:  # the page may be gone; the report matters more
                self.problems.append(f"(no failure screenshot: {error})")
        else:
            try:
                assert_no_traceback(self.page)
            except AssertionError as error:
                traceback_seen = str(error)
        if self.problems:
            log = ARTIFACTS / "browser-console.log"
            ARTIFACTS.mkdir(exist_ok=True)
            with log.open("a", encoding="utf-8") as out:
                out.write(f"--- {request.node.nodeid}{label}\n" + "\n".join(self.problems) + "\n")
        self.context.close()
        if traceback_seen:
            pytest.fail(traceback_seen, pytrace=False)


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh browser context (no cookies, no storage) and page for each test.

    At the end the page must not show a Python traceback (checked also at every ``shot``).
    """
    watched = _Watched(browser)
    try:
        yield watched.page
    finally:
        watched.close(request)


@pytest.fixture
def new_page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Callable[[], Page]]:
    """A factory of further pages, each in its own browser context (another person)."""
    opened: list[_Watched] = []

    def make() -> Page:
        watched = _Watched(browser)
        opened.append(watched)
        return watched.page

    try:
        yield make
    finally:
        for number, watched in enumerate(opened, start=1):
            watched.close(request, f"-page{number}")


# ------------------------------------------------------------------------ helpers


def wait_until_interactive(page: Page) -> None:
    """Wait until the sign-in screen can be used (kernel connected, widgets drawn)."""
    expect(page.get_by_label(NAME_LABEL, exact=True)).to_be_enabled()


def open_dashboard(page: Page, server: Server) -> None:
    """Go to the dashboard and wait until the sign-in screen is interactive."""
    page.goto(server.url)
    wait_until_interactive(page)


MAX_SHOT_HEIGHT = 12_000
_CONTENT_HEIGHT = """() => Math.max(document.documentElement.scrollHeight,
    ...Array.from(document.querySelectorAll('#rendered_cells, .jp-LabShell, main, body *'))
        .filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowY))
        .map(e => e.scrollHeight + (window.innerHeight - e.clientHeight)))"""
_TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def assert_no_traceback(page: Page) -> None:
    """A candidate must never see a Python traceback, whatever went wrong, nor the
    "something went wrong" notice that stands in for one."""
    text = page.locator("body").inner_text()
    assert "Traceback" not in text, f"the page shows a Python traceback:\n{text[-3000:]}"
    # The app turns an exception in a widget callback into a friendly notice (details
    # in the server log); in a test that is a failure all the same.
    failures = page.locator(".wb-notice .wb-error").all_inner_texts()
    assert not failures, f"the page says something went wrong: {failures}; see {ARTIFACTS / 'browser-server.log'}"


def shot(page: Page, name: str, *, check: bool = True) -> Path:
    """A full-page screenshot in ``test-artifacts/screenshots/<name>.png``.

    Every screen a test looks at passes here, so it is also where the page is checked
    for a Python traceback (``check=False`` for the screenshot of a failure).
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    viewport = page.viewport_size
    # Voilà scrolls inside a panel (#rendered_cells), not the document, so a "full
    # page" screenshot would stop at the viewport: make the window as tall as the
    # content for the picture, then give it its size back.
    height = int(page.evaluate(_CONTENT_HEIGHT))
    if viewport and height > viewport["height"]:
        page.set_viewport_size({"width": viewport["width"], "height": min(height, MAX_SHOT_HEIGHT)})
        page.evaluate(_TWO_FRAMES)
    try:
        page.screenshot(path=str(path), full_page=True)
    finally:
        if viewport and height > viewport["height"]:
            page.set_viewport_size(viewport)
    if check:
        assert_no_traceback(page)
    return path
