"""Running code with (or without) an asyncio loop of its own, whatever the test session runs.

Playwright's sync API keeps an event loop running in the main thread while the browser
tests' session fixtures live; a widget that schedules its own refresh on "the running
loop" would then find that one. These helpers give a test its own thread, with a
fresh loop or with none.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def _in_thread(call: Callable[[], T]) -> T:
    result: dict[str, Any] = {}

    def run() -> None:
        try:
            result["value"] = call()
        except BaseException as error:  # handed to the test's own thread
            result["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result["value"]  # type: ignore[no-any-return]


def in_own_loop(make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """``asyncio.run(make())`` in a thread of its own: a loop nobody else runs."""
    return _in_thread(lambda: asyncio.run(make()))


def without_a_loop(call: Callable[[], T]) -> T:
    """``call()`` in a thread with no running event loop."""
    return _in_thread(call)
