"""The roster: one row per candidate of the workshop, the coach's first screen.

The frame comes from :func:`workbook.analysis.roster`; this screen only searches,
filters, sorts and pages it in memory, so 1,000 candidates stay quick: at most
:data:`PAGE_SIZE` rows are drawn, and their widgets are reused from page to page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import ipywidgets as w
import pandas as pd

from workbook.texts import format_date, format_number, t
from workbook.widgets._common import escape, message_html
from workbook.widgets.coach.state import FLAGS, SORTS
from workbook.widgets.overview import STATUS_MARKS

__all__ = ["PAGE_SIZE", "Roster", "candidate_label"]

#: Rows per page: enough to see a workshop of 40 at once, few enough to draw at once.
PAGE_SIZE: Final = 50

# Which way each sort runs: "who is behind" comes first.
_ASCENDING: Final = {
    "name": True,
    "last_activity": True,
    "steps_open": False,
    "warnings": False,
    "self_mean": True,
    "coach_mean": True,
    "created_at": False,
}
_COLUMNS: Final = ("interviews", "steps", "last_activity", "self_mean", "coach_mean", "warnings", "flags")


def candidate_label(row: pd.Series | dict[str, object], repeated: bool) -> str:
    """The name as the coach reads it; "(2)" tells two candidates with one name apart."""
    name = str(row["name"])
    number = row.get("name_number")
    return f"{name} ({int(number)})" if repeated and number is not None and not pd.isna(number) else name  # type: ignore[call-overload,arg-type]


class _Row(w.HBox):
    """One candidate: a button with the name that opens the review, and the figures."""

    def __init__(self, on_click: Callable[[str], object]) -> None:
        super().__init__()
        self.candidate_id = ""
        self.open_button = w.Button(layout=w.Layout(width="16em"))
        self.open_button.add_class("wb-roster-open")
        self.open_button.on_click(lambda _: on_click(self.candidate_id))
        self.cells = w.HTML()
        self.cells.add_class("wb-roster-cells")
        self.children = [self.open_button, self.cells]
        self.add_class("wb-roster-row")


class Roster(w.VBox):
    """Search, flag filter, sort and pages over the roster frame."""

    def __init__(
        self,
        lang: str,
        *,
        on_open: Callable[[str], object],
        flag: str = "all",
        sort: str = "name",
        search: str = "",
        page: int = 0,
    ) -> None:
        super().__init__()
        self.lang = lang
        self._on_open = on_open
        self.frame = pd.DataFrame()
        self.order: list[str] = []
        self._repeated: set[str] = set()
        self._sorted = pd.DataFrame()
        self._shown = 0
        self.page = page
        self.search = w.Text(
            value=search, placeholder=t("roster.search", lang), description=t("roster.search_label", lang)
        )
        self.search.add_class("wb-roster-search")
        self.flag = w.Dropdown(
            options=[(t(f"roster.flag_{f}", lang), f) for f in FLAGS],
            value=flag if flag in FLAGS else "all",
            description=t("roster.show", lang),
        )
        self.flag.add_class("wb-roster-flag")
        self.sort = w.Dropdown(
            options=[(t(f"roster.sort_{s}", lang), s) for s in SORTS],
            value=sort if sort in SORTS else "name",
            description=t("roster.sort", lang),
        )
        self.sort.add_class("wb-roster-sort")
        for control in (self.search, self.flag, self.sort):
            control.observe(self._on_filter_change, names="value")
        self.previous_button = w.Button(description=t("roster.previous", lang), icon="chevron-left")
        self.previous_button.on_click(lambda _: self.turn(-1))
        self.next_button = w.Button(description=t("roster.next", lang), icon="chevron-right")
        self.next_button.on_click(lambda _: self.turn(1))
        self.count = w.HTML()
        self.count.add_class("wb-roster-count")
        # The header is laid out like a row (a name column, then the cells' grid),
        # so the headings stand above their figures.
        self.header = w.HTML()
        self.header.add_class("wb-roster-cells")
        self.header_row = w.HBox(
            [w.HTML(f"<b>{escape(t('roster.name', lang))}</b>", layout=w.Layout(width="16em")), self.header]
        )
        self.header_row.add_class("wb-roster-row")
        self.header_row.add_class("wb-roster-header")
        self.rows_box = w.VBox()
        self.rows: list[_Row] = []
        self.empty = w.HTML()
        self.children = [
            w.HBox([self.search, self.flag, self.sort], layout=w.Layout(flex_flow="row wrap")),
            self.count,
            self.header_row,
            self.rows_box,
            self.empty,
            w.HBox([self.previous_button, self.next_button]),
        ]
        self.add_class("wb-roster")

    # -- data -------------------------------------------------------------------

    def show(self, frame: pd.DataFrame) -> None:
        """Show a new roster frame (after a refresh), keeping search, filter and sort."""
        self.frame = frame
        counts = frame["name"].value_counts() if not frame.empty else pd.Series(dtype="int64")
        self._repeated = set(counts[counts > 1].index.astype(str))
        self._apply()

    def label_of(self, candidate_id: str) -> str:
        """The candidate's name as the roster shows it ("" when not in the roster)."""
        found = self.frame[self.frame["candidate_id"] == candidate_id] if not self.frame.empty else self.frame
        if found.empty:
            return ""
        row = found.iloc[0]
        return candidate_label(row, str(row["name"]) in self._repeated)

    def row_of(self, candidate_id: str) -> pd.Series | None:
        found = self.frame[self.frame["candidate_id"] == candidate_id] if not self.frame.empty else self.frame
        return None if found.empty else found.iloc[0]

    def visible(self) -> list[str]:
        """The candidate ids on the page shown, top to bottom."""
        return [row.candidate_id for row in self.rows[: self._shown]]

    # -- actions ----------------------------------------------------------------

    def open_candidate(self, candidate_id: str) -> None:
        """Open this candidate's review."""
        self._on_open(candidate_id)

    def turn(self, step: int) -> None:
        """Go ``step`` pages on (or back)."""
        pages = max(1, -(-len(self.order) // PAGE_SIZE))
        self.page = min(max(0, self.page + step), pages - 1)
        self._draw()

    # -- drawing ----------------------------------------------------------------

    def _on_filter_change(self, _change: object) -> None:
        self.page = 0
        self._apply()

    def _apply(self) -> None:
        frame = self.frame
        if frame.empty:
            self.order, self._sorted = [], frame
            self._draw()
            return
        chosen = self.flag.value
        if chosen == "no_interview":
            frame = frame[frame["no_interview"]]
        elif chosen == "inactive":
            frame = frame[frame["inactive"]]
        elif chosen == "warnings":
            frame = frame[frame["warnings"].fillna(0) > 0]
        needle = self.search.value.strip().casefold()
        if needle:
            frame = frame[frame["name"].astype(str).str.casefold().str.contains(needle, regex=False)]
        key = self.sort.value
        by = ["name", "name_number"] if key == "name" else [key, "name", "name_number"]
        ascending = [_ASCENDING[key]] + [True] * (len(by) - 1)
        frame = frame.sort_values(by, ascending=ascending, na_position="first" if key == "last_activity" else "last")
        self.order = [str(c) for c in frame["candidate_id"]]
        self._sorted = frame
        self._draw()

    def _draw(self) -> None:
        lang = self.lang
        total = len(self.order)
        pages = max(1, -(-total // PAGE_SIZE))
        self.page = min(self.page, pages - 1)
        start = self.page * PAGE_SIZE
        page = self._sorted.iloc[start : start + PAGE_SIZE] if total else pd.DataFrame()
        while len(self.rows) < len(page):
            self.rows.append(_Row(self.open_candidate))
        for row, (_, data) in zip(self.rows, page.iterrows(), strict=False):
            row.candidate_id = str(data["candidate_id"])
            row.open_button.description = candidate_label(data, str(data["name"]) in self._repeated)
            row.open_button.tooltip = t("roster.open", lang)
            row.cells.value = self._cells(data)
        self._shown = len(page)
        self.rows_box.children = self.rows[: self._shown]
        self.header.value = (
            '<div class="wb-roster-line">'
            + "".join(f"<span>{escape(t(f'roster.col_{c}', lang))}</span>" for c in _COLUMNS)
            + "</div>"
        )
        self.header_row.layout.display = None if total else "none"
        if total:
            self.count.value = escape(
                t("roster.count", lang, first=start + 1, last=start + len(page), total=total, all=len(self.frame))
            )
            self.empty.value = ""
        else:
            self.count.value = ""
            key = "roster.none" if self.frame.empty else "roster.none_match"
            self.empty.value = message_html(t(key, lang), "tip")
        self.previous_button.disabled = self.page == 0
        self.next_button.disabled = self.page >= pages - 1
        many = pages > 1
        for button in (self.previous_button, self.next_button):
            button.layout.display = None if many else "none"

    def _cells(self, data: pd.Series) -> str:
        lang = self.lang
        if data["no_interview"]:
            steps = "–"
        else:
            steps = " ".join(
                f"{STATUS_MARKS[status]} {int(data[column])}"
                for status, column in (
                    ("done", "steps_done"),
                    ("started", "steps_started"),
                    ("not_started", "steps_open"),
                )
            )
        last = data["last_activity"]
        flags = []
        if data["no_interview"]:
            flags.append(t("roster.flag_no_interview", lang))
        if data["inactive"]:
            flags.append(t("roster.flag_inactive", lang))
        cells = [
            str(int(data["interviews"])),
            steps,
            format_date(last, lang) if not pd.isna(last) else "–",
            format_number(data["self_mean"], lang),
            format_number(data["coach_mean"], lang),
            str(int(data["warnings"])) if not pd.isna(data["warnings"]) else "0",
        ]
        # Each cell carries its heading, shown only where the header row is not (a phone).
        labels = [escape(t(f"roster.col_{c}", lang)) for c in _COLUMNS]
        html = "".join(
            f'<span><i class="wb-cell-label">{label}</i>{escape(c)}</span>'
            for label, c in zip(labels, cells, strict=False)
        )
        html += "<span>" + "".join(f'<b class="wb-flag">{escape(f)}</b>' for f in flags) + "</span>"
        if str(data["name"]) in self._repeated:
            signed_up = t("roster.signed_up", lang, date=format_date(data["created_at"], lang))
            html += f'<small class="wb-roster-signup">{escape(signed_up)}</small>'
        return f'<div class="wb-roster-line">{html}</div>'
