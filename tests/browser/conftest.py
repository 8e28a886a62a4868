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

import os
import re
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, expect

from harness.chromium import chromium_path, chromium_problem, new_context, sync_browser
from harness.ports import free_port
from harness.served import Served, ServerError, serve_command

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
ARTIFACTS = REPO / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
DOWNLOADS = ARTIFACTS / "downloads"

# Voilà starts a kernel per page load; on two shared cores that takes a while.
TIMEOUT_MS = 60_000
SERVER_READY_S = 120.0
SERVER_STOP_S = 30.0

# The sign-in screen is interactive once the name field is there and enabled: the
# widgets only render after the page's kernel is connected.
NAME_LABEL = "Je naam"

# Nothing is fetched from another host (privacy, offline rooms): only this server,
# and what the page makes itself.
_OWN_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
_OWN_SCHEMES = frozenset({"data", "blob"})


def is_elsewhere(url: str) -> bool:
    """Whether the page's request for ``url`` goes to another host than this server."""
    parts = urlsplit(url)
    return parts.scheme not in _OWN_SCHEMES and parts.hostname not in _OWN_HOSTS


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


@pytest.fixture(scope="session")
def chromium() -> Path:
    path = chromium_path()
    problem = chromium_problem(path)
    if problem:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(problem, pytrace=False)
        pytest.skip(problem)
    return path


# ------------------------------------------------------------------------- server


@dataclass
class Server(Served):
    """A running ``workbook serve`` with its own SQLite database."""

    db_path: Path


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``workbook serve`` on a free port with its own SQLite database."""
    db_path = tmp_path_factory.mktemp("browser-db") / "browser.sqlite"
    port = free_port()
    env = dict(os.environ)
    env.pop("WORKBOOK_DB", None)
    running = Server.start(
        serve_command(port, f"sqlite:///{db_path}"),
        name="workbook serve",
        port=port,
        log_path=ARTIFACTS / "browser-server.log",
        env=env,
        cwd=REPO,
        db_path=db_path,
    )
    try:
        try:
            running.wait_until_ready(SERVER_READY_S)
        except ServerError as error:
            pytest.fail(str(error), pytrace=False)
        yield running
    finally:
        running.stop(SERVER_STOP_S)


# ------------------------------------------------------------------------ browser


@pytest.fixture(scope="session")
def browser(chromium: Path) -> Iterator[Browser]:
    # Artifacts of an earlier run would mislead: start this session's afresh.
    (ARTIFACTS / "browser-console.log").unlink(missing_ok=True)
    for stale in [*SCREENSHOTS.glob("FAILED-*.png"), *DOWNLOADS.glob("*")]:
        stale.unlink()
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_browser(chromium) as browser:
        yield browser


class _Watched:
    """One browser context and page, with its page errors, console errors and requests to
    other hosts collected; at close the page must show no traceback and have asked no
    other host for anything."""

    def __init__(self, browser: Browser) -> None:
        self.context = new_context(browser, timeout_ms=TIMEOUT_MS)
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        self.page.on("console", self._on_console)
        self.elsewhere: list[str] = []
        self.page.on("request", self._on_request)

    def _on_request(self, request: Request) -> None:
        if is_elsewhere(request.url):
            self.elsewhere.append(request.url)
            self.problems.append(f"request to another host: {request.url}")

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
        if self.elsewhere and not failed:
            listed = "\n".join(sorted(set(self.elsewhere)))
            pytest.fail(f"the page fetched from other hosts (nothing may leave the server):\n{listed}", pytrace=False)


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh browser context (no cookies, no storage) and page for each test.

    At the end the page must not show a Python traceback (checked also at every ``shot``),
    nor have fetched anything from another host.
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
