"""What every exercise shares: its store and interview, language, autosave and status."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any, ClassVar

import ipywidgets as w

from workbook.model import Interview, ValidationError
from workbook.store import Store
from workbook.texts import t
from workbook.widgets._autosave import DEFAULT_DELAY, Debouncer, SaveStatus

__all__ = ["Exercise"]

log = logging.getLogger("workbook")


class Exercise(w.VBox):
    """Base of the exercise composites.

    Subclasses implement :meth:`build` (make the children, once; call :meth:`_watch`
    on every input that should autosave), :meth:`load` (show what is stored) and
    :meth:`records` (what is on screen, for :meth:`save`); the constructor is shared.
    ``autosave_delay=0`` saves on every change (tests);
    ``today`` gives the current date.
    """

    step: ClassVar[str] = ""

    def __init__(
        self,
        store: Store,
        interview: Interview,
        lang: str = "nl",
        *,
        autosave_delay: float = DEFAULT_DELAY,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__()
        # Injected so tests can live on a chosen day (due dates, send dates).
        self.today = today
        self.store = store
        self.interview = interview
        self.lang = lang
        self.status = SaveStatus(lambda key: t(f"autosave.{key}", self.lang))
        self._autosave = Debouncer(self._autosave_now, autosave_delay)
        self._loading = False
        # The records as last loaded or saved, to save only what this page changed.
        self._bases: dict[str, Any] = {}
        self._merged = False
        self.add_class("wb-exercise")
        if self.step:
            self.add_class(f"wb-step-{self.step}")
        self.build()
        self.load()

    def hide_status(self) -> None:
        """Leave the save status to the page around it (the dashboard shows it on top)."""
        self.children = [child for child in list(self.children) if child is not self.status]  # type: ignore[has-type]

    def _watch(self, *widgets: w.Widget) -> None:
        for widget in widgets:
            widget.observe(self._on_input_change, names="value")

    def _on_input_change(self, _change: dict[str, Any]) -> None:
        if self._loading:
            return
        self.status.saving()
        self._autosave.poke()

    def _autosave_now(self) -> None:
        try:
            self.save()
        except ValidationError as error:
            # Nothing is lost: the text stays on screen until it can be saved.
            self.status.failed(error.message(self.lang))
            return
        if self._merged:
            # Another tab changed other fields meanwhile: show the combined result.
            self._merged = False
            self.load()
            self.status.merged()
        else:
            self.status.saved()

    def flush(self) -> None:
        """Save a change still waiting for its quiet period (leaving the step)."""
        self._autosave.flush()

    def build(self) -> None:  # pragma: no cover - every exercise has its own
        raise NotImplementedError

    def records(self) -> dict[str, Any]:
        """The one-per-interview records this page shows, by a name of the page's
        choosing. Exercises that keep such records implement this; :meth:`save` and
        the merge of two tabs then come for free."""
        raise NotImplementedError

    def save(self) -> None:
        """Store what is on screen, field by field (see :meth:`Store.save_merged`)."""
        for key, record in self.records().items():
            base = self._bases.get(key)
            if base is None:
                stored, merged = self.store.save(record), False
            else:
                stored, merged = self.store.save_merged(record, base)
            self._bases[key] = stored
            self._merged = self._merged or merged

    def _snapshot(self) -> None:
        """After loading: what the page shows now is what later edits are compared to."""
        self._bases = dict(self.records())

    def load(self) -> None:  # pragma: no cover - every exercise has its own
        raise NotImplementedError

    def _quietly(self) -> _Quiet:
        """Set widget values from the store without triggering an autosave."""
        return _Quiet(self)


class _Quiet:
    def __init__(self, exercise: Exercise) -> None:
        self.exercise = exercise

    def __enter__(self) -> None:
        self.exercise._loading = True

    def __exit__(self, *_exc: object) -> None:
        self.exercise._loading = False
