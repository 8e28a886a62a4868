"""The candidate's workspace: pick an interview, walk through the steps of the close
and the follow-up in order, see progress, download their data.

Where the candidate is (interview and step) is stored on every move, so a page
reload, a closed tab or a killed kernel brings them back to the same place after
signing in again; what they typed is already in the store by then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

import ipywidgets as w

from workbook import guidance
from workbook.analysis import STEPS, step_progress
from workbook.exporting import xlsx_bytes
from workbook.model import CoachComment, Interview
from workbook.store import Store
from workbook.texts import format_date, t
from workbook.widgets import EXERCISES
from workbook.widgets._autosave import DEFAULT_DELAY, Debouncer
from workbook.widgets._common import download_link, escape, message_html, replace_children, safe_filename
from workbook.widgets._exercise import Exercise
from workbook.widgets.coach_comments import CoachComments
from workbook.widgets.interview import InterviewForm
from workbook.widgets.overview import STATUS_MARKS, Overview

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CandidateWorkspace"]

_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_EXERCISE_BY_STEP: dict[str, type[Exercise]] = {cls.step: cls for cls in EXERCISES}
OVERVIEW = "overview"


class CandidateWorkspace(w.VBox):
    """Interview picker, step navigation with progress, the current exercise."""

    def __init__(
        self,
        store: Store,
        lang: str = "nl",
        *,
        autosave_delay: float = DEFAULT_DELAY,
        today: Callable[[], dt.date] = dt.date.today,
        on_deleted: Callable[[], None] | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__()
        self._on_deleted = on_deleted
        #: The personal code as known on this page (typed or just made; never stored).
        self.code = code
        self.store = store
        self.lang = lang
        self._delay = autosave_delay
        self._today = today
        self.interview: Interview | None = None
        self.step: str = STEPS[0]
        self.exercise: Exercise | None = None
        self._interviews: list[Interview] = []

        self.picker = w.Dropdown(description=t("nav.interview", lang), layout=w.Layout(width="44em"))
        self.picker.add_class("wb-interview-picker")
        self.picker.observe(self._on_picker_change, names="value")
        self.new_button = w.Button(description=t("nav.new_interview", lang), icon="plus")
        self.edit_button = w.Button(description=t("nav.edit_interview", lang), icon="pencil")
        self.overview_button = w.Button(description=t("nav.overview", lang), icon="line-chart")
        self.new_button.on_click(lambda _: self.new_interview())
        self.edit_button.on_click(lambda _: self.edit_interview())
        self.overview_button.on_click(lambda _: self.show_overview())
        self.step_buttons = {step: w.Button(description=t(f"step.{step}", lang)) for step in STEPS}
        for step, button in self.step_buttons.items():
            button.add_class(f"wb-nav-{step}")
            button.on_click(lambda _, s=step: self.go(s))
        self.previous_button = w.Button(description=t("nav.previous", lang), icon="arrow-left")
        self.next_button = w.Button(description=t("nav.next", lang), icon="arrow-right", button_style="primary")
        self.previous_button.on_click(lambda _: self._move(-1))
        self.next_button.on_click(lambda _: self._move(+1))
        self.saved = w.Box()  # shows the current exercise's save status
        # The coach's comments: a count of new ones above the steps, the comments on
        # this interview above the exercise.
        self.coach_comments = CoachComments(store, lang)
        self.body = w.VBox()
        self.body.add_class("wb-body")
        self.own_data_button = w.Button(description=t("downloads.own_data", lang), icon="download")
        self.own_data_button.on_click(lambda _: self.prepare_own_data())
        self.own_report_button = w.Button(description=t("downloads.own_report", lang), icon="print")
        self.own_report_button.on_click(lambda _: self.prepare_own_report())
        self.own_raw_button = w.Button(description=t("downloads.own_raw", lang), icon="database")
        self.own_raw_button.on_click(lambda _: self.prepare_own_raw())
        for button in (self.own_data_button, self.own_report_button, self.own_raw_button):
            button.layout.width = "auto"
        self.own_data_link = w.HTML()
        self.join_code = w.Text(placeholder=t("signin.workshop_code", lang), layout=w.Layout(width="14em"))
        self.join_button = w.Button(description=t("signin.join", lang), icon="users")
        self.join_button.on_click(lambda _: self.join())
        self.join_feedback = w.HTML()
        self.delete_confirm = w.Text(placeholder=t("downloads.delete_word", lang), layout=w.Layout(width="14em"))
        self.delete_button = w.Button(
            description=t("downloads.delete_button", lang), icon="trash", button_style="danger"
        )
        self.delete_button.on_click(lambda _: self.delete_everything())
        self.delete_feedback = w.HTML()
        self._refresh_marks_later = Debouncer(self.refresh_progress, 1.0 if autosave_delay else 0)

        steps = w.VBox(
            [
                self.coach_comments.note,
                w.HBox(list(self.step_buttons.values()), layout=w.Layout(flex_flow="row wrap")),
                w.HTML(f"<small>{t('nav.legend', lang)}</small>"),
            ]
        )
        moves = w.HBox([self.previous_button, self.next_button])
        downloads = w.VBox(
            [
                w.HTML(f"<h3>{t('downloads.heading', lang)}</h3>"),
                w.HBox(
                    [self.own_data_button, self.own_report_button, self.own_raw_button],
                    layout=w.Layout(flex_flow="row wrap"),
                ),
                self.own_data_link,
                w.HBox([self.join_code, self.join_button, self.join_feedback], layout=w.Layout(align_items="center")),
                self._delete_box(lang),
            ]
        )
        self._needs_interview = (steps, moves, downloads, self.picker, self.edit_button, self.overview_button)
        # Of one interview: hidden while a new one is being added, so they never show another.
        self._steps_of_interview = (steps, moves)
        self.children = [
            w.HBox(
                [self.picker, self.new_button, self.edit_button, self.overview_button],
                layout=w.Layout(flex_flow="row wrap", align_items="center"),
            ),
            steps,
            self.coach_comments.box,
            self.saved,
            self.body,
            moves,
            downloads,
        ]
        self.add_class("wb-workspace")
        self._start()

    # -- state --------------------------------------------------------------

    def _start(self) -> None:
        self._load_interviews()
        if not self._interviews:
            self.new_interview()
            return
        interview_id, step = self.store.resume()
        chosen = next((i for i in self._interviews if i.id == interview_id), self._interviews[0])
        self._select(chosen, step if step in STEPS or step == OVERVIEW else STEPS[0])

    def _load_interviews(self) -> None:
        self._interviews = self.store.interviews()
        options = [(f"{format_date(i.date, self.lang)} · {i.employer} · {i.role}"[:90], i.id) for i in self._interviews]
        self._setting_picker = True
        self.picker.options = options
        self._setting_picker = False
        for control in (
            self.picker,
            self.edit_button,
            *self.step_buttons.values(),
            self.previous_button,
            self.next_button,
        ):
            control.disabled = not self._interviews
        # Before the first interview there is nothing to navigate: show only the form.
        for box in self._needs_interview:
            box.layout.display = None if self._interviews else "none"

    def _select(self, interview: Interview, step: str) -> None:
        self.interview = interview
        self._setting_picker = True
        self.picker.value = interview.id
        self._setting_picker = False
        if step == OVERVIEW:
            self.show_overview()
        else:
            self.go(step)

    def _on_picker_change(self, change: dict[str, object]) -> None:
        if getattr(self, "_setting_picker", False) or change["new"] is None:
            return
        chosen = next(i for i in self._interviews if i.id == change["new"])
        self.flush()
        self._select(chosen, self.step)

    # -- navigation ---------------------------------------------------------

    def go(self, step: str) -> Exercise | None:
        """Open ``step`` of the current interview (saving the step being left)."""
        if self.interview is None:
            return None
        self.flush()
        self._show_steps(True)
        self.step = step
        self.exercise = _EXERCISE_BY_STEP[step](
            self.store, self.interview, self.lang, autosave_delay=self._delay, today=self._today
        )
        self.exercise.status.observe(lambda _: self._refresh_marks_later.poke(), names="value")
        self.exercise.status.ready()
        # Shown once, above the exercise, where it is always in view.
        self.exercise.hide_status()
        replace_children(self.saved, [self.exercise.status])
        replace_children(self.body, [self.exercise])
        self.store.remember(self.interview.id, step)
        self.refresh_progress()
        self.show_comments()
        return self.exercise

    def _move(self, offset: int) -> None:
        index = STEPS.index(self.step) + offset
        if 0 <= index < len(STEPS):
            self.go(STEPS[index])

    def refresh_progress(self) -> None:
        """Mark each step button done / started / not started for this interview."""
        if self.interview is None:
            return
        progress = step_progress(self.store.tables(), rubric_items=len(guidance.rubric()))
        row = progress.loc[self.interview.id] if self.interview.id in progress.index else None
        for number, (step, button) in enumerate(self.step_buttons.items(), start=1):
            status = str(row[step]) if row is not None else "not_started"
            button.description = f"{STATUS_MARKS[status]} {number}. {t(f'step.{step}', self.lang)}"
            button.tooltip = t(f"status.{status}", self.lang)
            button.button_style = "primary" if step == self.step and self.exercise is not None else ""
        index = STEPS.index(self.step)
        self.previous_button.disabled = index == 0 or self.exercise is None
        self.next_button.disabled = index == len(STEPS) - 1 or self.exercise is None

    def show_comments(self, *, on_interview: bool = True) -> list[CoachComment]:
        """Show the coach's comments on the current interview (marking them read) and
        the count of new ones; ``on_interview=False`` for a screen of no interview."""
        shown = self.interview if on_interview else None
        return self.coach_comments.show(shown, self._interviews)

    def flush(self) -> None:
        """Save whatever is still waiting in the open exercise."""
        if self.exercise is not None:
            self.exercise.flush()

    # -- screens ------------------------------------------------------------

    def _show_steps(self, shown: bool) -> None:
        if not self._interviews:
            return  # before the first interview _load_interviews keeps them hidden
        for box in self._steps_of_interview:
            box.layout.display = None if shown else "none"

    def new_interview(self) -> InterviewForm:
        self.flush()
        self.exercise = None
        self._show_steps(False)
        # With nothing to go back to there is nothing to cancel.
        back = self._back_to_interview if self._interviews and self.interview is not None else None
        form = InterviewForm(self.store, self.lang, on_saved=self._on_interview_saved, on_cancel=back)
        intro = [] if self._interviews else [w.HTML(message_html(t("nav.no_interviews", self.lang), "tip"))]
        replace_children(self.body, [*intro, w.HTML(f"<h2>{t('interviews.add_heading', self.lang)}</h2>"), form])
        replace_children(self.saved, [])
        self.refresh_progress()
        self.show_comments(on_interview=False)
        return form

    def edit_interview(self) -> InterviewForm | None:
        if self.interview is None:
            return None
        self.flush()
        self.exercise = None
        form = InterviewForm(
            self.store,
            self.lang,
            interview=self.interview,
            on_saved=self._on_interview_saved,
            on_cancel=self._back_to_interview,
            on_deleted=self._on_interview_deleted,
        )
        replace_children(self.body, [w.HTML(f"<h2>{t('nav.edit_interview', self.lang)}</h2>"), form])
        replace_children(self.saved, [])
        self.refresh_progress()
        return form

    def _on_interview_saved(self, interview: Interview) -> None:
        self._load_interviews()
        stored = next(i for i in self._interviews if i.id == interview.id)
        # A new interview starts at the first step; an edited one goes back to its step.
        self._select(stored, self.step if self.interview and self.interview.id == interview.id else STEPS[0])

    def _back_to_interview(self) -> None:
        """Cancel on a form: back to the interview and step as they were."""
        if self.interview is not None:
            self._select(self.interview, self.step)

    def _on_interview_deleted(self, deleted: Interview) -> None:
        """After a delete: on to another interview, or to the form for a first one."""
        self.interview = None
        self._load_interviews()
        if self._interviews:
            self._select(self._interviews[0], STEPS[0])
        else:
            self.new_interview()
        message = w.HTML(message_html(t("interviews.deleted", self.lang, employer=deleted.employer), "ok"))
        replace_children(self.body, [message, *self.body.children])

    def show_overview(self) -> Overview:
        self.flush()
        self._show_steps(True)
        self.exercise = None
        overview = Overview(self.store, self.lang, on_open=self._open_from_overview)
        replace_children(self.body, [overview])
        replace_children(self.saved, [])
        if self.interview is not None:
            self.store.remember(self.interview.id, OVERVIEW)
        self.refresh_progress()
        self.show_comments()
        return overview

    def _open_from_overview(self, interview_id: str) -> None:
        chosen = next(i for i in self._interviews if i.id == interview_id)
        self._select(chosen, STEPS[0])

    def _own_file(self, key: str, suffix: str) -> tuple[str, dict[str, pd.DataFrame]]:
        """Everything typed is saved first; then the file name and this candidate's tables."""
        self.flush()
        name = self.store.candidate().name
        return f"{t(key, self.lang)}-{safe_filename(name)}{suffix}", self.store.tables()

    def prepare_own_data(self) -> str:
        """Offer all of the candidate's data as one Excel workbook to read: a sheet per subject."""
        from workbook.exporting.people import about_sheet, people_sheets
        from workbook.exporting.spreadsheet import xlsx_for_people

        filename, tables = self._own_file("downloads.own_data_file", ".xlsx")
        about = about_sheet(self.lang, name=self.store.candidate().name, code=self.code)
        sheets = [about, *people_sheets(tables, self.lang, progress=step_progress(tables))]
        self.own_data_link.value = download_link(filename, xlsx_for_people(sheets), _XLSX, filename)
        return filename

    def prepare_own_report(self) -> str:
        """Offer the candidate's printable report of all their interviews (HTML)."""
        from workbook.reports import candidate_report

        filename, tables = self._own_file("downloads.own_report_file", ".html")
        html = candidate_report(tables, self.store.candidate_id or "", self.lang)
        self.own_data_link.value = download_link(filename, html.encode("utf-8"), "text/html", filename)
        return filename

    def prepare_own_raw(self) -> str:
        """Offer the candidate's data as stored: one sheet per table (for analysis, or to move it)."""
        filename, tables = self._own_file("downloads.own_raw_file", ".xlsx")
        self.own_data_link.value = download_link(filename, xlsx_bytes(tables), _XLSX, filename)
        return filename

    def join(self) -> bool:
        """Join a workshop with its code (its coach then sees this candidate's work)."""
        found = self.store.join_workshop(self.join_code.value)
        if found is None:
            self.join_feedback.value = message_html(t("signin.unknown_workshop", self.lang), "warning")
            return False
        names = ", ".join(g.name for g in self.store.workshops())
        self.join_code.value = ""
        self.join_feedback.value = message_html(
            t("signin.joined", self.lang, name=found.name) + " " + t("signin.member_of", self.lang, names=names), "ok"
        )
        if self.exercise is not None:  # the coach's own questions and rubric items appear
            self.go(self.step)
        return True

    def _delete_box(self, lang: str) -> w.Accordion:
        """Closed by default: deleting everything should take a deliberate step."""
        box = w.Accordion(
            children=[
                w.VBox(
                    [
                        w.HTML(message_html(t("downloads.delete_explain", lang), "warning")),
                        w.HBox([self.delete_confirm, self.delete_button, self.delete_feedback]),
                    ]
                )
            ]
        )
        box.set_title(0, t("downloads.delete_heading", lang))
        box.selected_index = None
        return box

    def delete_everything(self) -> bool:
        """Delete all of the candidate's data, once they typed the confirmation word."""
        if self.delete_confirm.value.strip().upper() != t("downloads.delete_word", self.lang):
            self.delete_feedback.value = message_html(t("downloads.delete_not_confirmed", self.lang), "warning")
            return False
        if self.exercise is not None:
            self.exercise._autosave.cancel()  # nothing may be written after the delete
        self.store.delete_candidate()
        self.exercise = None
        self.coach_comments.note.value = self.coach_comments.box.value = ""
        replace_children(self.body, [w.HTML(message_html(t("downloads.deleted", self.lang), "ok"))])
        if self._on_deleted:
            self._on_deleted()
        return True

    def describe(self) -> str:
        """A one-line text of where the candidate is (for tests and logs)."""
        where = self.interview.employer if self.interview else "-"
        return escape(f"{where} / {self.step}")
