"""Autosave: save shortly after the user stops typing, and say so.

Widgets send a value message on every keystroke; writing each one would queue 30
candidates' keystrokes on one SQLite file. :class:`Debouncer` waits until the input
has been quiet for ``delay`` seconds (well within the promised second), then saves
once. Outside a running event loop (tests, scripts) it saves at once, so behaviour
stays deterministic there.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from typing import Final

import ipywidgets as w

from workbook.widgets._common import escape

__all__ = ["DEFAULT_DELAY", "Debouncer", "SaveStatus"]

DEFAULT_DELAY: Final = 0.4


class Debouncer:
    """Call ``action`` once, ``delay`` seconds after the last :meth:`poke`."""

    def __init__(self, action: Callable[[], object], delay: float = DEFAULT_DELAY) -> None:
        self.action = action
        self.delay = delay
        self._pending: asyncio.TimerHandle | None = None

    @property
    def pending(self) -> bool:
        return self._pending is not None

    def poke(self) -> None:
        """Something changed: (re)start the quiet period."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if loop is None or self.delay <= 0:
            self.action()
            return
        self.cancel()
        self._pending = loop.call_later(self.delay, self._fire)

    def flush(self) -> None:
        """Save now if a save is waiting (leaving a step, switching language)."""
        if self._pending is not None:
            self.cancel()
            self.action()

    def cancel(self) -> None:
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None

    def _fire(self) -> None:
        self._pending = None
        self.action()


class SaveStatus(w.HTML):
    """The small "saved at 14:32" line every exercise shows."""

    def __init__(self, texts: Callable[[str], str]) -> None:
        super().__init__()
        # ``texts(key)`` gives "saving", "saved" (with {time}) or "failed" in the
        # user's language; passed in so this widget holds no strings of its own.
        self._texts = texts
        self.add_class("wb-save-status")

    def ready(self) -> None:
        """Nothing waiting: what the page shows is what is stored."""
        self.value = f'<span class="wb-saved">✓ {self._texts("ready")}</span>'

    def merged(self) -> None:
        self.value = f'<span class="wb-saved">✓ {self._texts("merged")}</span>'

    def saving(self) -> None:
        self.value = f'<span class="wb-saving">{self._texts("saving")}</span>'

    def saved(self, when: dt.datetime | None = None) -> None:
        stamp = (when or dt.datetime.now()).strftime("%H:%M:%S")
        self.value = f'<span class="wb-saved">✓ {self._texts("saved").format(time=stamp)}</span>'

    def failed(self, reason: str) -> None:
        self.value = f'<span class="wb-unsaved">⚠ {escape(reason)}</span>'
