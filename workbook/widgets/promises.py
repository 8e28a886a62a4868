"""Promises (G8-G10): what the candidate offered to send, by when, and whether it went.

Overdue items stand out; an item that cannot be delivered comes with a short
explanation email to adapt, because G10 asks to say so rather than go quiet.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from workbook.calendar import AllDayEvent, calendar_bytes
from workbook.model import Promise, ThankYouEmail, ValidationError
from workbook.texts import choices, format_date, t
from workbook.widgets._autosave import Debouncer
from workbook.widgets._common import download_link, message_html, replace_children, safe_filename
from workbook.widgets._exercise import Exercise
from workbook.widgets.email import promise_sync
from workbook.workdays import next_working_day

__all__ = ["PromiseRow", "Promises", "explanation_email", "is_overdue"]


def is_overdue(promise: Promise, today: dt.date) -> bool:
    """Still open after its due date."""
    return promise.status == "open" and promise.due_on is not None and promise.due_on < today


def explanation_email(promise: Promise, lang: str, sender: str = "") -> str:
    """A short email explaining that a promised item cannot be sent (yet)."""
    return t(
        "promises.explain",
        lang,
        to_whom=promise.to_whom or t("promises.explain_to_whom", lang),
        what=promise.what,
        reason=t("promises.explain_reason", lang),
        sender=sender,
    )


class PromiseRow(w.VBox):
    """One promise: editable fields that save themselves, plus its warnings."""

    def __init__(
        self,
        promise: Promise,
        lang: str,
        *,
        save: Callable[[Promise], Promise],
        remove: Callable[[PromiseRow], None],
        today: Callable[[], dt.date],
        sender: str,
        autosave_delay: float,
    ) -> None:
        super().__init__()
        self.promise = promise
        self.lang = lang
        self._save, self._today, self._sender = save, today, sender
        self.what = w.Text(value=promise.what, placeholder=t("promises.what", lang), layout=w.Layout(flex="2 1 0"))
        self.to_whom = w.Text(
            value=promise.to_whom, placeholder=t("promises.to_whom", lang), layout=w.Layout(flex="1 1 0")
        )
        self.due_on = w.DatePicker(value=promise.due_on, layout=w.Layout(width="11em"))
        self.status = w.Dropdown(
            options=choices("promise_status", lang), value=promise.status, layout=w.Layout(width="10em")
        )
        self.remove_button = w.Button(icon="trash", tooltip=t("promises.remove", lang), layout=w.Layout(width="40px"))
        self.remove_button.on_click(lambda _: remove(self))
        self.notice = w.HTML()
        self.explanation = w.Textarea(layout=w.Layout(width="calc(100% - 8px)", height="9em", display="none"))
        self._autosave = Debouncer(self.save, autosave_delay)
        for field in (self.what, self.to_whom, self.due_on, self.status):
            field.observe(self._on_field_change, names="value")
        self.children = [
            w.HBox([self.what, self.to_whom, self.due_on, self.status, self.remove_button]),
            self.notice,
            self.explanation,
        ]
        self.add_class("wb-promise")
        self._show_state()

    def _on_field_change(self, change: dict[str, Any]) -> None:
        if change["owner"] is self.status:
            self.save()  # a status change is one click: store it now
        else:
            self._autosave.poke()

    def save(self) -> Promise | None:
        status = self.status.value
        sent_on = self.promise.sent_on
        if status == "sent" and sent_on is None:
            sent_on = max(self._today(), self.promise.promised_on)
        elif status != "sent":
            sent_on = None
        try:
            changed = dataclasses.replace(
                self.promise,
                what=self.what.value,
                to_whom=self.to_whom.value,
                due_on=self.due_on.value,
                status=status,
                sent_on=sent_on,
            )
        except ValidationError as error:
            self.notice.value = message_html(error.message(self.lang), "warning")
            return None
        self.promise = self._save(changed)
        self._show_state()
        return self.promise

    def _show_state(self) -> None:
        promise = self.promise
        notes = []
        if is_overdue(promise, self._today()):
            notes.append(message_html(t("promises.overdue", self.lang), "warning"))
            self.add_class("wb-overdue")
        else:
            self.remove_class("wb-overdue")
        if promise.status == "sent" and promise.sent_on:
            sent_on = format_date(promise.sent_on, self.lang)
            notes.append(message_html(t("promises.sent_on", self.lang, date=sent_on), "ok"))
        if promise.status == "cannot_deliver":
            notes.append(message_html(t("promises.explain_heading", self.lang), "tip"))
            if not self.explanation.value:
                self.explanation.value = explanation_email(promise, self.lang, self._sender)
            self.explanation.layout.display = None
        else:
            self.explanation.layout.display = "none"
        self.notice.value = "".join(notes)


class Promises(Exercise):
    """The list of promised items of one interview."""

    step = "promises"

    def build(self) -> None:
        interview, lang, autosave_delay = self.interview, self.lang, self._autosave.delay
        self._delay = autosave_delay
        self.rows = w.VBox()
        self.empty = w.HTML()
        self.new_what = w.Text(placeholder=t("promises.what_placeholder", lang), layout=w.Layout(flex="2 1 0"))
        self.new_to_whom = w.Text(
            placeholder=t("promises.to_whom", lang),
            value=", ".join(p.name for p in interview.interviewers),
            layout=w.Layout(flex="1 1 0"),
        )
        self.add_button = w.Button(description=t("promises.add", lang), icon="plus", button_style="primary")
        self.add_button.on_click(lambda _: self.add())
        self.feedback = w.HTML()
        # Says so when a change here leaves the drafted thank-you email out of step.
        self.email_note = w.HTML()
        self.email_note.add_class("wb-promises-email-note")
        self.calendar = w.HTML()
        self.calendar.add_class("wb-promises-calendar")
        self.children = [
            w.HTML(f"<h2>{t('promises.heading', lang)}</h2>"),
            w.HTML(message_html(t("promises.intro", lang), "tip")),
            self.empty,
            self.rows,
            w.HBox([self.new_what, self.new_to_whom, self.add_button]),
            self.feedback,
            self.email_note,
            self.calendar,
            self.status,
        ]

    def _sender(self) -> str:
        try:
            return self.store.candidate().name
        except PermissionError:
            return ""

    def load(self) -> None:
        sender = self._sender()
        replace_children(self.rows, [self._row(p, sender) for p in self.store.records(Promise, self.interview.id)])
        self._show_empty()
        self._show_email_sync()
        self._show_calendar()

    def _row(self, promise: Promise, sender: str) -> PromiseRow:
        return PromiseRow(
            promise,
            self.lang,
            save=self._store_row,
            remove=self.remove,
            today=self.today,
            sender=sender,
            autosave_delay=self._delay,
        )

    def _store_row(self, promise: Promise) -> Promise:
        stored = self.store.save(promise)
        self.status.saved()
        self._show_email_sync()
        self._show_calendar()
        return stored

    def _show_email_sync(self) -> None:
        mail = self.store.one(ThankYouEmail, self.interview.id)
        sync = promise_sync(mail.body, self.lang, self.store.records(Promise, self.interview.id)) if mail else None
        in_step = sync is None or sync.in_sync or (mail is not None and mail.sent_on is not None)
        self.email_note.value = "" if in_step else message_html(t("promises.email_out_of_step", self.lang), "warning")

    def calendar_events(self) -> list[AllDayEvent]:
        """A reminder on the due date of every promise still to send."""
        lang = self.lang
        return [
            AllDayEvent(
                uid=f"{p.id}@workbook",
                on=p.due_on,
                summary=t("promises.calendar_event", lang, what=p.what, to_whom=p.to_whom)
                if p.to_whom
                else t("promises.calendar_event_anyone", lang, what=p.what),
            )
            for p in self.store.records(Promise, self.interview.id)
            if p.status == "open" and p.due_on is not None
        ]

    def _show_calendar(self) -> None:
        events, lang = self.calendar_events(), self.lang
        if not events:
            self.calendar.value = ""
            return
        filename = f"{t('promises.calendar_file', lang)}-{safe_filename(self.interview.employer)}.ics"
        label = t("promises.calendar_download", lang)
        self.calendar.value = download_link(filename, calendar_bytes(events), "text/calendar", label)

    def _show_empty(self) -> None:
        self.empty.value = "" if self.rows.children else message_html(t("promises.none", self.lang), "tip")

    def add(self) -> Promise | None:
        """Add the typed promise, due the next working day after the interview."""
        try:
            promise = Promise(
                interview_id=self.interview.id,
                what=self.new_what.value,
                to_whom=self.new_to_whom.value,
                promised_on=self.interview.date,
                due_on=next_working_day(self.interview.date),
            )
        except ValidationError as error:
            self.feedback.value = message_html(error.message(self.lang), "warning")
            return None
        stored = self._store_row(promise)
        self.rows.children = [*self.rows.children, self._row(stored, self._sender())]
        self.new_what.value = ""
        self.feedback.value = ""
        self._show_empty()
        return stored

    def remove(self, row: PromiseRow) -> None:
        self.store.delete(Promise, row.promise.id)
        replace_children(self.rows, [r for r in self.rows.children if r is not row])
        self._show_empty()
        self._show_email_sync()
        self._show_calendar()

    def save(self) -> None:
        for row in self.rows.children:
            row._autosave.flush()  # type: ignore[attr-defined]

    def flush(self) -> None:
        self.save()

    def promises(self) -> list[Promise]:
        return [row.promise for row in self.rows.children]  # type: ignore[attr-defined]
