"""The interview exercise: add or edit one interview, with inline validation."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import ipywidgets as w

from workbook.model import ROUNDS, Interview, Interviewer, ValidationError
from workbook.store import Store
from workbook.texts import choices, t
from workbook.widgets._common import message_html, replace_children

__all__ = ["InterviewForm", "InterviewerRow"]


class InterviewerRow(w.HBox):
    """Name, role and email of one interviewer, with a remove button."""

    def __init__(
        self,
        lang: str,
        person: Interviewer | None = None,
        on_remove: Callable[[InterviewerRow], None] | None = None,
    ) -> None:
        super().__init__()
        self.name = w.Text(placeholder=t("interviews.interviewer_name", lang))
        self.role = w.Text(placeholder=t("interviews.interviewer_role", lang))
        self.email = w.Text(placeholder=t("interviews.interviewer_email", lang))
        for field in (self.name, self.role, self.email):
            field.layout = w.Layout(width="auto", flex="1 1 0")
        self.name.add_class("wb-interviewer-name")
        self.remove_button = w.Button(
            description=t("interviews.remove", lang), icon="trash", layout=w.Layout(width="auto")
        )
        self.remove_button.on_click(lambda _: on_remove(self) if on_remove else None)
        if person:
            self.name.value, self.role.value, self.email.value = person.name, person.role, person.email
        self.children = [self.name, self.role, self.email, self.remove_button]

    def is_blank(self) -> bool:
        return not (self.name.value.strip() or self.role.value.strip() or self.email.value.strip())

    def interviewer(self) -> Interviewer:
        return Interviewer(name=self.name.value, role=self.role.value, email=self.email.value)


class InterviewForm(w.VBox):
    """Add an interview (or edit ``interview``) and save it through ``store``.

    ``on_saved`` is called with the stored :class:`Interview`; ``on_cancel`` when the
    candidate leaves the form without saving (the button shows only with a callback);
    ``on_deleted`` with the interview deleted from the form (editing only).
    """

    def __init__(
        self,
        store: Store,
        lang: str = "nl",
        interview: Interview | None = None,
        on_saved: Callable[[Interview], None] | None = None,
        *,
        on_cancel: Callable[[], None] | None = None,
        on_deleted: Callable[[Interview], None] | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.lang = lang
        self.interview = interview
        self.on_saved = on_saved
        self.on_cancel = on_cancel
        self.on_deleted = on_deleted
        # Not 100%: the widget's own margin would push it past the page edge.
        wide = w.Layout(width="calc(100% - 8px)")
        style = {"description_width": "10em"}
        self.employer = w.Text(description=t("interviews.employer", lang), layout=wide, style=style)
        self.role = w.Text(description=t("interviews.role", lang), layout=wide, style=style)
        self.round = w.Dropdown(
            options=choices("round", lang, ROUNDS),
            value="selection",
            description=t("interviews.round", lang),
            style=style,
        )
        self.date = w.DatePicker(description=t("interviews.date", lang), value=dt.date.today(), style=style)
        self.time = w.Text(
            description=t("interviews.time", lang),
            placeholder=t("interviews.time_placeholder", lang),
            style=style,
        )
        self.outcome = w.Dropdown(
            options=choices("outcomes", lang),
            value="pending",
            description=t("interviews.outcome", lang),
            style=style,
        )
        self.people = w.VBox()
        self.add_person_button = w.Button(
            description=t("interviews.add_interviewer", lang), icon="user-plus", layout=w.Layout(width="auto")
        )
        self.add_person_button.on_click(lambda _: self.add_interviewer())
        self.save_button = w.Button(description=t("interviews.save", lang), button_style="primary", icon="check")
        self.save_button.on_click(lambda _: self.save())
        self.cancel_button = w.Button(description=t("interviews.cancel", lang), icon="times")
        self.cancel_button.on_click(lambda _: self.cancel())
        self.cancel_button.layout.display = None if on_cancel else "none"
        # Deleting takes two clicks: the first says what goes, the second deletes.
        self.delete_button = w.Button(description=t("interviews.delete", lang), icon="trash")
        self.delete_button.on_click(lambda _: self.delete())
        self.delete_button.layout.display = None if interview is not None else "none"
        self._delete_armed = False
        self.feedback = w.HTML()
        self.children = [
            self.employer,
            self.role,
            self.round,
            w.HBox([self.date, self.time]),
            self.outcome,
            w.HTML(f"<b>{t('interviews.interviewers', lang)}</b>"),
            # Column names stay visible once the placeholders are typed over.
            w.HTML(
                '<div class="wb-column-heads">'
                + "".join(
                    f"<span>{t(key, lang)}</span>"
                    for key in (
                        "interviews.interviewer_name",
                        "interviews.interviewer_role",
                        "interviews.interviewer_email",
                    )
                )
                + '<span style="flex: 0 0 8em"></span></div>'
            ),
            self.people,
            self.add_person_button,
            w.HBox(
                [self.save_button, self.cancel_button, self.delete_button, self.feedback],
                layout=w.Layout(flex_flow="row wrap", align_items="center"),
            ),
        ]
        self.add_class("wb-interview-form")
        self.load(interview)

    def load(self, interview: Interview | None) -> None:
        """Show ``interview`` in the form (or an empty form for a new one)."""
        self.interview = interview
        replace_children(self.people, [])
        if interview is None:
            self.employer.value = self.role.value = self.time.value = ""
            self.round.value, self.outcome.value = "selection", "pending"
            self.date.value = dt.date.today()
            self.add_interviewer()
            return
        self.employer.value, self.role.value = interview.employer, interview.role
        self.round.value, self.outcome.value = interview.round, interview.outcome
        self.date.value = interview.date
        self.time.value = interview.time.strftime("%H:%M") if interview.time else ""
        for person in interview.interviewers:
            self.add_interviewer(person)
        if not interview.interviewers:
            self.add_interviewer()

    def add_interviewer(self, person: Interviewer | None = None) -> InterviewerRow:
        row = InterviewerRow(self.lang, person, on_remove=self.remove_interviewer)
        self.people.children = [*self.people.children, row]
        return row

    def remove_interviewer(self, row: InterviewerRow) -> None:
        replace_children(self.people, [r for r in self.people.children if r is not row])

    def _date(self) -> dt.date:
        # A cleared date picker gives None; the model would only say "not a date".
        if self.date.value is None:
            raise ValidationError("date", "required")
        return self.date.value  # type: ignore[no-any-return]

    def save(self) -> Interview | None:
        """Validate and store; show the first problem inline and keep the input."""
        try:
            people = tuple(r.interviewer() for r in self.people.children if not r.is_blank())  # type: ignore[attr-defined]
            base = self.interview or Interview(candidate_id=self.store.candidate_id or "", employer="-", role="-")
            interview = dataclasses.replace(
                base,
                employer=self.employer.value,
                role=self.role.value,
                round=self.round.value,
                date=self._date(),
                time=self.time.value,
                outcome=self.outcome.value,
                interviewers=people,
            )
        except ValidationError as error:
            self.feedback.value = message_html(error.message(self.lang), "warning")
            return None
        stored = self.store.save(interview)
        self.interview = stored
        self.feedback.value = message_html(
            t("interviews.saved", self.lang, employer=stored.employer, role=stored.role), "ok"
        )
        if self.on_saved:
            self.on_saved(stored)
        return stored

    def cancel(self) -> None:
        """Leave the form; nothing typed here is stored."""
        self._disarm()
        if self.on_cancel:
            self.on_cancel()

    def delete(self) -> bool:
        """First call: ask to confirm. Second call: delete the interview with everything
        under it (questions, notes, email, promises, ...). Returns whether it went."""
        if self.interview is None:
            return False
        if not self._delete_armed:
            self._delete_armed = True
            self.delete_button.description = t("interviews.delete_confirm", self.lang)
            self.delete_button.button_style = "danger"
            self.feedback.value = message_html(
                t("interviews.delete_explain", self.lang, employer=self.interview.employer), "warning"
            )
            return False
        deleted = self.interview
        self._disarm()
        self.store.delete(Interview, deleted.id)
        self.feedback.value = message_html(t("interviews.deleted", self.lang, employer=deleted.employer), "ok")
        if self.on_deleted:
            self.on_deleted(deleted)
        return True

    def _disarm(self) -> None:
        self._delete_armed = False
        self.delete_button.description = t("interviews.delete", self.lang)
        self.delete_button.button_style = ""
