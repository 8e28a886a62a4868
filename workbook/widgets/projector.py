"""The projector view: one page for the room while a workshop runs.

What the room needs to read from the back: where to go, the join code, and how far
the group is. It shows no candidate names (it is projected) and no controls but
"Close", and it refreshes itself, so the coach can leave it up and walk around.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import ipywidgets as w
import pandas as pd

from workbook import analysis
from workbook.analysis import STATUSES
from workbook.store import Store
from workbook.texts import format_number, t
from workbook.widgets._common import escape, message_html
from workbook.widgets.overview import STATUS_MARKS

__all__ = ["ProjectorView", "WorkshopFigures", "step_bars_html", "workshop_figures"]

#: Refreshed this often by default: new candidates show up within half a minute,
#: and thirty candidates' tables are read in a fraction of a second.
DEFAULT_REFRESH_S = 30.0


@dataclass(frozen=True)
class WorkshopFigures:
    """How far a workshop is, in counts the room may see (no names)."""

    joined: int
    with_interview: int
    interviews: int
    completion: pd.DataFrame  # analysis.step_completion: one row per step


def workshop_figures(store: Store, workshop_id: str) -> WorkshopFigures:
    """The counts of one workshop, from the same analysis the coach view uses."""
    tables = analysis.filter_tables(store.tables(), workshop_id=workshop_id)
    interviews = tables["interviews"]
    return WorkshopFigures(
        joined=len(tables["candidates"]),
        with_interview=int(interviews["candidate_id"].nunique()),
        interviews=len(interviews),
        completion=analysis.step_completion(tables),
    )


def step_bars_html(completion: pd.DataFrame, lang: str) -> str:
    """One stacked bar per step: done, started, not started, each with its count.

    HTML rather than a chart image: it scales with the projector's resolution and
    the counts stay legible at any size.
    """
    rows = []
    for record in completion.itertuples(index=False):
        counts = {status: int(getattr(record, status)) for status in STATUSES}
        total = sum(counts.values())
        parts = []
        # Done first: the room sees the green grow from the left.
        for status in reversed(STATUSES):
            if counts[status]:
                width = 100 * counts[status] / total
                title = f"{t(f'status.{status}', lang)}: {counts[status]}"
                parts.append(
                    f'<span class="wb-bar-{status}" style="width:{width:.2f}%" title="{escape(title)}">'
                    f"{counts[status]}</span>"
                )
        label = t(f"step.{record.step}", lang)
        rows.append(f'<div class="wb-bar-label">{escape(label)}</div><div class="wb-bar">{"".join(parts)}</div>')
    legend = "".join(
        f'<span><i class="wb-bar-{status}"></i>{STATUS_MARKS[status]} {escape(t(f"status.{status}", lang))}</span>'
        for status in reversed(STATUSES)
    )
    return f'<div class="wb-bars">{"".join(rows)}</div><div class="wb-legend">{legend}</div>'


class ProjectorView(w.VBox):
    """Large type for the room: address, join code, progress; refreshes itself.

    Parameters
    ----------
    store
        The coach's store (the counts are read through it, so only their workshops).
    workshop_id
        The workshop shown.
    address
        Where candidates open the dashboard (``WORKBOOK_ADDRESS`` of ``workbook
        serve``); not shown when empty.
    on_close
        Called by :meth:`close_view` ("Close"), to go back to the coach view.
    refresh_s
        Seconds between refreshes on the kernel's event loop; ``0`` for none.
    """

    def __init__(
        self,
        store: Store,
        workshop_id: str,
        lang: str,
        *,
        address: str = "",
        on_close: Callable[[], None] | None = None,
        refresh_s: float = DEFAULT_REFRESH_S,
    ) -> None:
        super().__init__()
        self.store = store
        self.workshop_id = workshop_id
        self.lang = lang
        self.address = address
        self.refresh_s = refresh_s
        self._on_close = on_close
        self._timer: asyncio.TimerHandle | None = None
        self.figures: WorkshopFigures | None = None

        workshop = next((ws for ws in store.workshops() if ws.id == workshop_id), None)
        name = workshop.name if workshop else ""
        code = store.workshop_code(workshop_id) if workshop else ""
        self.title = w.HTML(f"<h1>{escape(name)}</h1>", layout=w.Layout(flex="1 1 auto", min_width="0"))
        self.join = w.HTML(self._join_html(code))
        self.counts = w.HTML()
        self.counts.add_class("wb-projector-counts")
        self.progress = w.HTML()
        self.progress.add_class("wb-projector-progress")
        self.updated = w.HTML()
        self.close_button = w.Button(
            description=t("projector.close", lang), icon="times", layout=w.Layout(flex="0 0 auto")
        )
        self.close_button.add_class("wb-projector-close")
        self.close_button.on_click(lambda _: self.close_view())
        # Where to go and the code beside the head count; they wrap under each other
        # on a narrow screen.
        top = w.HBox([self.join, self.counts])
        top.add_class("wb-projector-top")
        how = w.HTML(f'<p class="wb-projector-how">{escape(t("projector.how_to_join", lang))}</p>')
        self.children = [
            w.HBox([self.title, self.close_button], layout=w.Layout(align_items="flex-start")),
            top,
            how,
            self.progress,
            self.updated,
        ]
        self.add_class("wb-projector")
        self.refresh()

    def _join_html(self, code: str) -> str:
        lang = self.lang
        parts = []
        if self.address:
            parts.append(
                f'<div><div class="wb-projector-label">{t("projector.open_at", lang)}</div>'
                f'<div class="wb-projector-address">{escape(self.address)}</div></div>'
            )
        parts.append(
            f'<div><div class="wb-projector-label">{t("projector.code", lang)}</div>'
            f'<div class="wb-projector-code">{escape(code)}</div></div>'
        )
        return f'<div class="wb-projector-join">{"".join(parts)}</div>'

    # -- actions --------------------------------------------------------------

    def refresh(self) -> WorkshopFigures:
        """Read the workshop's counts again and redraw them."""
        lang = self.lang
        figures = workshop_figures(self.store, self.workshop_id)
        self.figures = figures
        tiles = (
            (figures.joined, "projector.joined"),
            (figures.with_interview, "projector.with_interview"),
            (figures.interviews, "projector.interviews"),
        )
        self.counts.value = (
            '<div class="wb-projector-figures">'
            + "".join(
                f'<div class="wb-projector-figure"><b>{format_number(n, lang, 0)}</b>{t(key, lang)}</div>'
                for n, key in tiles
            )
            + "</div>"
        )
        heading = f"<h2>{t('projector.progress', lang)}</h2>"
        if figures.interviews == 0:
            self.progress.value = heading + message_html(t("projector.no_interviews", lang), "tip")
        else:
            note = (
                f'<p class="wb-projector-note">{escape(t("projector.progress_note", lang, n=figures.interviews))}</p>'
            )
            self.progress.value = heading + note + step_bars_html(figures.completion, lang)
        # The kernel's local time: what the clock on the wall says.
        stamp = dt.datetime.now().strftime("%H:%M")
        seconds = format_number(self.refresh_s, lang, 0)
        self.updated.value = (
            f'<p class="wb-projector-updated">{escape(t("projector.updated", lang, time=stamp, seconds=seconds))}</p>'
            if self.refresh_s > 0
            else ""
        )
        self._schedule()
        return figures

    def close_view(self) -> None:
        """ "Close": stop refreshing and hand back to the coach view."""
        self._cancel()
        if self._on_close is not None:
            self._on_close()

    def close(self) -> None:
        self._cancel()
        super().close()

    # -- the timer ------------------------------------------------------------

    def _schedule(self) -> None:
        self._cancel()
        if self.refresh_s <= 0 or self.comm is None:  # closed: nobody is looking
            return
        try:
            # The kernel's loop runs while a cell or a widget callback runs; outside
            # one (tests, scripts) there is no loop and refresh() is called directly.
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        self._timer = loop.call_later(self.refresh_s, self._tick)

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _tick(self) -> None:
        self._timer = None
        if self.comm is None:
            return
        try:
            self.refresh()
        finally:
            # A failed read (the database busy for a moment) must not stop the refreshing.
            if self._timer is None:
                self._schedule()

    @property
    def refreshing(self) -> bool:
        """Whether a next refresh is scheduled."""
        return self._timer is not None
