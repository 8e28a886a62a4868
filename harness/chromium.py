"""Debian's Chromium through Playwright: where it is, how it is started. Never downloaded.

The launch flags stand here and nowhere else: no sandbox (containers have no user
namespaces), no GPU, and nothing that talks to another host (updates, sync, QUIC).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any, Final

from playwright.async_api import Browser as AsyncBrowser
from playwright.async_api import async_playwright
from playwright.sync_api import Browser, BrowserContext, ViewportSize, sync_playwright

__all__ = [
    "CHROMIUM_ARGS",
    "DEFAULT_CHROMIUM",
    "VIEWPORT",
    "async_browser",
    "chromium_path",
    "chromium_problem",
    "new_context",
    "sync_browser",
]

DEFAULT_CHROMIUM: Final = "/usr/bin/chromium"
CHROMIUM_ARGS: Final = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)
#: A laptop's window; phones are set per test.
VIEWPORT: Final[ViewportSize] = {"width": 1280, "height": 720}


def chromium_path() -> Path:
    """Chromium to use: ``$WORKBOOK_CHROMIUM`` or Debian's ``/usr/bin/chromium``."""
    return Path(os.environ.get("WORKBOOK_CHROMIUM") or DEFAULT_CHROMIUM)


def chromium_problem(path: Path | None = None) -> str | None:
    """Why Chromium at ``path`` (default :func:`chromium_path`) cannot be used, or None."""
    path = path or chromium_path()
    if not path.is_file():
        return f"Chromium not found at {path}; install Debian's chromium or set WORKBOOK_CHROMIUM"
    if not os.access(path, os.X_OK):
        return f"Chromium at {path} is not executable; install Debian's chromium or set WORKBOOK_CHROMIUM"
    return None


def _launch_options(path: Path | None) -> dict[str, Any]:
    path = path or chromium_path()
    problem = chromium_problem(path)
    if problem:
        raise RuntimeError(problem)
    # executable_path: the system's browser, so Playwright never wants to download one.
    return {"executable_path": str(path), "args": list(CHROMIUM_ARGS), "headless": True}


@contextmanager
def sync_browser(path: Path | None = None) -> Iterator[Browser]:
    """Headless Chromium for Playwright's sync API, closed at the end."""
    options = _launch_options(path)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**options)
        try:
            yield browser
        finally:
            browser.close()


@asynccontextmanager
async def async_browser(path: Path | None = None) -> AsyncIterator[AsyncBrowser]:
    """Headless Chromium for Playwright's async API (many pages at once), closed at the end."""
    options = _launch_options(path)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**options)
        try:
            yield browser
        finally:
            await browser.close()


def new_context(browser: Browser, *, timeout_ms: float) -> BrowserContext:
    """A fresh context (no cookies, no storage: a first visit) as a Dutch laptop user."""
    context = browser.new_context(viewport=VIEWPORT, locale="nl-NL")
    context.set_default_timeout(timeout_ms)
    context.set_default_navigation_timeout(timeout_ms)
    return context
