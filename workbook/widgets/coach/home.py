"""The coach view's shell: the coach's name, the workshop picker, filters, tabs and
the state that ties them together.

One rule keeps the screens honest: the candidate on the review tab is always one of
the chosen workshop's candidates. Every change of workshop, filter or data goes
through :meth:`CoachHome.refresh`, which reads the store once, and clears the review
when its candidate is no longer in the selection. Each tab computes only what it
shows, and only when it is shown.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

import ipywidgets as w
import pandas as pd

from workbook import analysis, guidance
from workbook.model import ROUNDS, Workshop
from workbook.store import Store
from workbook.texts import choices, t
from workbook.widgets._common import close_tree, escape, message_html, safe_filename
from workbook.widgets.coach._tables import LABEL_STYLE
from workbook.widgets.coach.cohort import Cohort
from workbook.widgets.coach.content import OwnContent
from workbook.widgets.coach.export import Export
from workbook.widgets.coach.review import Review
from workbook.widgets.coach.roster import Roster
from workbook.widgets.coach.state import TABS, CoachState
from workbook.widgets.coach.workshops import WorkshopForms
from workbook.widgets.reflection import as_rubric_item

if TYPE_CHECKING:
    from workbook.widgets.projector import ProjectorView

__all__ = ["NEWS_EVERY_S", "CoachHome"]

log = logging.getLogger("workbook")

#: How often the view looks for candidates who joined since the last refresh.
NEWS_EVERY_S: Final = 20.0
_ALL = ""


def _today() -> dt.date:
    # The day "nothing for 7 days" counts from, in UTC like the stamps (tests move it).
    return dt.datetime.now(dt.UTC).date()


class CoachHome(w.VBox):
    """Everything a coach does, for the workshops in the coach's ``store``.

    ``state`` (see :attr:`state`) brings back the workshop, filters, tab and open
    candidate of a view drawn before, e.g. in the other language.
    """

    def __init__(self, store: Store, lang: str = "nl", *, state: CoachState | None = None) -> None:
        super().__init__()
        if store.scope.coach_id is None:
            raise ValueError("The coach view needs a coach's store.")
        state = state or CoachState()
        self.coach_id = store.scope.coach_id
        self.store, self.lang = store, lang
        self.tables: dict[str, pd.DataFrame] = {}
        self._everything: dict[str, pd.DataFrame] = {}
        self._read_at = float("-inf")
        self._base: dict[str, pd.DataFrame] = {}
        self._summary: dict[str, pd.DataFrame] | None = None
        self._roster: pd.DataFrame | None = None
        self._drawn: set[str] = set()
        self._known: set[str] = set()
        self._timer: asyncio.TimerHandle | None = None
        self._closed = False
        self.projector: ProjectorView | None = None
        self._workshops: dict[str, Workshop] = {}

        self.workshop = w.Dropdown(
            description=t("coach.workshop", lang), layout=w.Layout(width="30em", max_width="100%"), style=LABEL_STYLE
        )
        self.workshop.add_class("wb-coach-workshop")
        self.workshop_info = w.HTML()
        self.projector_button = w.Button(description=t("coach.projector", lang), icon="television")
        self.projector_button.add_class("wb-projector-open")
        self.projector_button.on_click(lambda _: self.open_projector())
        self.projector_feedback = w.HTML()
        self.news = w.HTML()
        self.news_button = w.Button(description=t("coach.news_refresh", lang), icon="refresh", button_style="info")
        self.news_button.add_class("wb-news-refresh")
        self.news_button.on_click(lambda _: self.refresh())
        self.news_box = w.HBox([self.news, self.news_button], layout=w.Layout(align_items="center", display="none"))
        self.news_box.add_class("wb-news")
        self.forms = WorkshopForms(
            store,
            lang,
            chosen=lambda: self._workshops.get(self.workshop.value),
            on_created=self._on_created,
            on_deleted=self._on_deleted,
        )
        self.start = w.DatePicker(description=t("coach.from", lang), value=state.start, style=LABEL_STYLE)
        self.end = w.DatePicker(description=t("coach.until", lang), value=state.end, style=LABEL_STYLE)
        rounds = tuple(r for r in state.rounds if r in ROUNDS)
        self.rounds = w.SelectMultiple(
            options=choices("round", lang, ROUNDS),
            value=rounds,
            description=t("coach.rounds", lang),
            rows=4,
            style=LABEL_STYLE,
        )
        self.apply_button = w.Button(description=t("coach.apply", lang), icon="filter", button_style="primary")
        self.apply_button.on_click(lambda _: self.refresh(reread=False))
        self.figures = w.HTML()
        self.busy = w.HTML()
        self.busy.add_class("wb-busy")

        self.roster = Roster(
            lang, on_open=self.open_candidate, flag=state.flag, sort=state.sort, search=state.search, page=state.page
        )
        self.review = Review(store, lang, on_move=self.move, on_saved=self._forget_tables)
        self.cohort = Cohort(lang)
        self.content = OwnContent(store, lang, on_saved=self._forget_tables)
        self.export = Export(lang, self._export_source, workshop_name=self._workshop_name)
        self.tabs = w.Tab(children=[self.roster, self.review, self.cohort, self.content, self.export])
        for index, name in enumerate(TABS):
            self.tabs.set_title(index, t(f"coach.tab_{name}", lang))
        self.tabs.selected_index = TABS.index(state.tab) if state.tab in TABS else 0
        self.shell = w.VBox(
            [
                w.HTML(f"<h2>{t('coach.heading', lang)} · {escape(store.coach_name())}</h2>"),
                w.HBox(
                    [self.workshop, self.workshop_info, self.projector_button],
                    layout=w.Layout(align_items="center", flex_flow="row wrap"),
                ),
                self.projector_feedback,
                self.news_box,
                self.forms,
                w.HTML(f"<h3>{t('coach.filters', lang)}</h3>"),
                w.HBox(
                    [w.VBox([self.start, self.end]), self.rounds, self.apply_button],
                    layout=w.Layout(align_items="flex-start", flex_flow="row wrap"),
                ),
                self.figures,
                self.busy,
                self.tabs,
            ]
        )
        self.children = [self.shell]
        self.add_class("wb-coach")
        self._load_workshops(select=state.workshop_id)
        self.workshop.observe(self._on_workshop_change, names="value")
        self.tabs.observe(self._on_tab_change, names="selected_index")
        self.refresh()
        if state.candidate_id:
            self.open_candidate(state.candidate_id, state.interview_id, switch=state.tab == "review")
        self._schedule_news()

    # -- what is chosen ---------------------------------------------------------

    @property
    def state(self) -> CoachState:
        """The coach's choices, to draw the view again as it is now."""
        return CoachState(
            workshop_id=self.workshop.value or "",
            start=self.start.value,
            end=self.end.value,
            rounds=tuple(self.rounds.value),
            tab=TABS[self.tabs.selected_index or 0],
            flag=self.roster.flag.value,
            sort=self.roster.sort.value,
            search=self.roster.search.value,
            page=self.roster.page,
            candidate_id=self.review.candidate_id,
            interview_id=self.review.interview_id,
        )

    def show_tab(self, name: str) -> None:
        """Switch to a tab by name (see :data:`~workbook.widgets.coach.state.TABS`)."""
        self.tabs.selected_index = TABS.index(name)

    # -- workshops --------------------------------------------------------------

    def _load_workshops(self, select: str | None = None) -> None:
        mine = self.store.workshops()
        self._workshops = {item.id: item for item in mine}
        self.workshop.options = [(t("coach.all_workshops", self.lang), _ALL)] + [(g.name, g.id) for g in mine]
        self.workshop.value = select if select in self._workshops else _ALL
        if not mine:
            self.forms.new_box.selected_index = 0

    def _on_workshop_change(self, _change: dict[str, Any]) -> None:
        self.refresh(reread=False)

    def _on_created(self, workshop_id: str) -> None:
        self.workshop.unobserve(self._on_workshop_change, names="value")
        try:
            self._load_workshops(select=workshop_id)
        finally:
            self.workshop.observe(self._on_workshop_change, names="value")
        self.refresh()

    def _on_deleted(self) -> None:
        self._on_created(_ALL)

    def create_workshop(self) -> str | None:
        """Create the workshop in the "new workshop" form and select it."""
        return self.forms.create_workshop()

    def delete_workshop(self) -> bool:
        """Delete the chosen workshop (its name typed to confirm)."""
        return self.forms.delete_workshop()

    # -- reading ----------------------------------------------------------------

    def refresh(self, *, reread: bool = True) -> None:
        """Read the store once and redraw what is on screen for the chosen workshop and filters.

        With ``reread=False`` (choosing a workshop or a filter) the tables read less
        than :data:`NEWS_EVERY_S` ago are used again: at 1,000 candidates reading them
        is most of the wait, and whoever joined since is announced by the news check.
        """
        lang = self.lang
        self.busy.value = message_html(t("coach.computing", lang), "tip")
        workshop_id = self.workshop.value or None
        self.workshop_info.value = (
            f"<b>{escape(t('coach.code', lang, code=self.store.workshop_code(workshop_id)))}</b>" if workshop_id else ""
        )
        if reread or time.monotonic() - self._read_at >= NEWS_EVERY_S:
            self._everything, self._read_at = self.store.tables(), time.monotonic()
        everything = self._everything
        rounds = list(self.rounds.value)
        narrowed = self.start.value is not None or self.end.value is not None or set(rounds) != set(ROUNDS)
        self._base = (
            analysis.filter_tables(everything, start=self.start.value, end=self.end.value, rounds=rounds)
            if narrowed
            else everything
        )
        self.tables = analysis.filter_tables(self._base, workshop_id=workshop_id) if workshop_id else dict(self._base)
        self._known = self._members(everything["memberships"])
        self._summary, self._roster = None, None
        self._drawn = set()
        self.news_box.layout.display = "none"
        own = self.tables["reflections"]
        self.figures.value = message_html(
            t(
                "coach.key_figures",
                lang,
                candidates=len(self.tables["candidates"]),
                interviews=len(self.tables["interviews"]),
                reflections=int((own["scorer"] == "self").sum()),
            ),
            "tip",
        )
        shown = self.review.candidate_id
        if shown is not None and shown not in set(self.tables["candidates"]["id"].astype(str)):
            self.review.clear("review.not_in_selection")
        self._draw_tab()
        self.busy.value = ""

    def _forget_tables(self) -> None:
        # The coach wrote something: the next workshop or filter change reads anew.
        self._read_at = float("-inf")

    def _members(self, memberships: pd.DataFrame) -> set[str]:
        workshop_id = self.workshop.value
        chosen = memberships[memberships["workshop_id"] == workshop_id] if workshop_id else memberships
        return set(chosen["candidate_id"].astype(str))

    @property
    def summary(self) -> dict[str, pd.DataFrame]:
        """The cohort summary of the selection, computed the first time it is needed."""
        if self._summary is None:
            self._summary = analysis.cohort_summary(self.tables, rubric_items=len(guidance.rubric()))
        return self._summary

    def roster_frame(self) -> pd.DataFrame:
        """The roster of the selection, computed the first time it is needed."""
        if self._roster is None:
            self._roster = analysis.roster(self.tables, today=_today(), rubric_items=len(guidance.rubric()))
            self.roster.show(self._roster)
        return self._roster

    # -- tabs -------------------------------------------------------------------

    def _on_tab_change(self, _change: dict[str, Any]) -> None:
        self._draw_tab()

    def _draw_tab(self) -> None:
        name = TABS[self.tabs.selected_index or 0]
        if name in self._drawn:
            return
        self._drawn.add(name)
        if name == "roster":
            self.roster_frame()
        elif name == "review":
            self.roster_frame()  # next and previous follow the roster's order
            if self.review.candidate_id is not None:
                self.open_candidate(self.review.candidate_id, self.review.interview_id, switch=False)
        elif name == "cohort":
            self.cohort.show(
                self.tables,
                self.summary,
                base=self._base,
                workshops=list(self._workshops.values()),
                chosen=self.workshop.value,
                rubric_items=len(guidance.rubric()),
            )
        elif name == "content":
            self.content.show(self.workshop.value or None)

    # -- one candidate ----------------------------------------------------------

    def open_candidate(self, candidate_id: str, interview_id: str | None = None, *, switch: bool = True) -> bool:
        """Open a candidate of the selection on the review tab; False (and an empty
        review) when they are not in it."""
        candidates = self.tables["candidates"]
        if candidate_id not in set(candidates["id"].astype(str)):
            self.review.clear("review.not_in_selection")
            return False
        order = self._order()
        mine = analysis.filter_tables(self.tables, candidate_id=candidate_id)
        workshops = set(mine["memberships"]["workshop_id"].astype(str))
        own_items = [as_rubric_item(i) for i in self.store.workshop_rubric_items() if i.workshop_id in workshops]
        index = order.index(candidate_id) if candidate_id in order else -1
        self.review.show(
            candidate_id,
            mine,
            label=self.roster.label_of(candidate_id)
            or str(candidates.loc[candidates["id"] == candidate_id, "name"].iloc[0]),
            own_items=own_items,
            position=(index, len(order)),
            interview_id=interview_id,
        )
        if switch and self.tabs.selected_index != TABS.index("review"):
            self._drawn.add("review")  # drawn just now
            self.show_tab("review")
        return True

    def _order(self) -> list[str]:
        self.roster_frame()
        return self.roster.order

    def move(self, step: int) -> bool:
        """Open the next (``1``) or previous (``-1``) candidate in the roster's order."""
        order = self._order()
        current = self.review.candidate_id
        index = order.index(current) if current in order else -1
        target = index + step
        if not 0 <= target < len(order):
            return False
        return self.open_candidate(order[target])

    # -- news -------------------------------------------------------------------

    def check_for_news(self) -> int:
        """Look for candidates who joined since the last refresh; shows a hint with a
        refresh button. Returns how many joined."""
        joined = self._members(self.store.table("memberships")) - self._known
        if joined:
            self.news.value = message_html(t("coach.news", self.lang, count=len(joined)), "tip")
            self.news_box.layout.display = None
        return len(joined)

    def _schedule_news(self) -> None:
        # Only inside a running kernel: tests call check_for_news() themselves.
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        self._timer = loop.call_later(NEWS_EVERY_S, self._on_timer)

    def _on_timer(self) -> None:
        self._timer = None
        if self._closed:
            return
        try:
            if self.projector is None:
                self.check_for_news()
        except Exception:  # a failed look must not stop the next one
            log.exception("Looking for new candidates failed")
        self._schedule_news()

    def close(self) -> None:
        self._closed = True
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self.projector is not None:
            close_tree(self.projector)
            self.projector = None
        super().close()

    # -- projector --------------------------------------------------------------

    def open_projector(self) -> ProjectorView | None:
        """Replace the coach view by the projector view of the chosen workshop."""
        workshop_id = self.workshop.value
        if not workshop_id:
            self.projector_feedback.value = message_html(t("coach.pick_workshop_first", self.lang), "warning")
            return None
        self.projector_feedback.value = ""
        from workbook.widgets.projector import ProjectorView  # heavy, and only for the room

        self.projector = ProjectorView(
            self.store,
            workshop_id,
            self.lang,
            address=os.environ.get("WORKBOOK_ADDRESS", ""),
            on_close=self.close_projector,
        )
        self.children = [self.projector]
        return self.projector

    def close_projector(self) -> None:
        """Back from the projector view to the coach view, as it was."""
        view, self.projector = self.projector, None
        self.children = [self.shell]
        if view is not None:
            close_tree(view)

    # -- export -----------------------------------------------------------------

    def _workshop_name(self) -> str:
        group = self._workshops.get(self.workshop.value)
        return group.name if group else t("report.all_workshops", self.lang)

    def _export_source(self) -> tuple[Mapping[str, pd.DataFrame], Mapping[str, pd.DataFrame], str]:
        group = self._workshops.get(self.workshop.value)
        stem = f"{t('coach.export_file', self.lang)}-{safe_filename(group.name if group else 'alle')}"
        return self.tables, self.summary, stem

    def prepare_export(self) -> str:
        """The filtered cohort as an Excel file (see :class:`~workbook.widgets.coach.export.Export`)."""
        return self.export.prepare_export()

    def prepare_csv(self) -> str:
        """The filtered cohort as CSV files in a zip."""
        return self.export.prepare_csv()
