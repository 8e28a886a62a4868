"""Thank-you email (G26-G29): drafted from the interview, the summary and the promises;
sent on the next Dutch working day; checked; downloadable as .eml or opened as mailto."""

from __future__ import annotations

import datetime as dt
import email.message
import email.policy
import email.utils
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote
from zoneinfo import ZoneInfo

import ipywidgets as w

from workbook import guidance
from workbook.calendar import AllDayEvent, calendar_bytes
from workbook.checks import check_email
from workbook.guidance.email import attached_items
from workbook.model import Promise, Summary, ThankYouEmail, ValidationError
from workbook.texts import format_date, t
from workbook.widgets._common import download_link, escape, message_html, safe_filename
from workbook.widgets._exercise import Exercise
from workbook.widgets.questions import feedback_html
from workbook.workdays import next_working_day

__all__ = [
    "LOCAL_ZONE",
    "PromiseSync",
    "ThankYouEmailExercise",
    "eml_bytes",
    "mailto_url",
    "promise_sync",
    "substance_options",
]

# The candidates write to Dutch employers: the send time is Dutch time, summer or winter.
LOCAL_ZONE = ZoneInfo("Europe/Amsterdam")
# The hour a planned email says it was written, on its send date.
_SEND_TIME = dt.time(9, 0)


def substance_options(summary: Summary | None) -> list[str]:
    """Candidate points of substance: the lines of the summary's key points."""
    if summary is None:
        return []
    lines = (line.strip().lstrip("-•*·").strip() for line in summary.key_points.splitlines())
    return list(dict.fromkeys(line for line in lines if line))


def eml_bytes(mail: ThankYouEmail, sender: str = "") -> bytes:
    """The email as an .eml file a mail program opens as a draft."""
    message = email.message.EmailMessage(policy=email.policy.SMTP)
    message["To"] = ", ".join(mail.recipients)
    if sender:
        message["From"] = sender
    message["Subject"] = mail.subject
    if mail.send_on:
        message["Date"] = email.utils.format_datetime(dt.datetime.combine(mail.send_on, _SEND_TIME, LOCAL_ZONE))
    # Outlook and Thunderbird open a message with this header as an unsent draft.
    message["X-Unsent"] = "1"
    message.set_content(mail.body)
    return message.as_bytes()


def mailto_url(mail: ThankYouEmail) -> str:
    """A mailto: link with recipients, subject and text filled in."""
    to = ",".join(quote(r, safe="@") for r in mail.recipients)
    return f"mailto:{to}?subject={quote(mail.subject)}&body={quote(mail.body)}"


@dataclass(frozen=True)
class PromiseSync:
    """What the email's attachment sentence announces against what is promised now."""

    announced: str
    to_send: tuple[str, ...]
    missing: tuple[str, ...]
    not_deliverable: tuple[str, ...]

    @property
    def in_sync(self) -> bool:
        return not (self.missing or self.not_deliverable)


def promise_sync(body: str, lang: str, promises: Sequence[Promise]) -> PromiseSync | None:
    """Compare the drafted attachment sentence with the promises as they are now;
    ``None`` when the email has no such sentence (the email check still looks)."""
    announced = attached_items(body, lang)
    if announced is None:
        return None
    said = announced.casefold()
    to_send = tuple(p.what for p in promises if p.status != "cannot_deliver")
    return PromiseSync(
        announced=announced,
        to_send=to_send,
        missing=tuple(what for what in to_send if what.casefold() not in said),
        not_deliverable=tuple(p.what for p in promises if p.status == "cannot_deliver" and p.what.casefold() in said),
    )


class ThankYouEmailExercise(Exercise):
    """Draft, check and send the one thank-you email of an interview."""

    step = "email"

    def build(self) -> None:
        interview, lang = self.interview, self.lang
        self.recommended = next_working_day(interview.date)
        wide = w.Layout(width="calc(100% - 8px)")
        style = {"description_width": "10em"}
        self.recipients = w.Text(
            description=t("email.recipients", lang),
            placeholder=t("email.recipients_placeholder", lang),
            layout=wide,
            style=style,
        )
        self.substance = w.Combobox(
            description=t("email.substance", lang),
            placeholder=t("email.substance_placeholder", lang),
            ensure_option=False,
            layout=wide,
            style=style,
        )
        self.linkedin = w.Text(
            description=t("email.linkedin", lang),
            placeholder="https://www.linkedin.com/in/...",
            layout=wide,
            style=style,
        )
        self.attachments = w.HTML()
        self.draft_button = w.Button(description=t("email.draft", lang), icon="pencil", button_style="info")
        self.draft_button.on_click(lambda _: self.draft())
        # Asked before an edited text is replaced by a new draft.
        self.replace_button = w.Button(description=t("email.redraft_replace", lang), button_style="warning")
        self.replace_button.on_click(lambda _: self.replace_with_draft())
        self.keep_button = w.Button(description=t("email.redraft_keep", lang))
        self.keep_button.on_click(lambda _: self.keep_mine())
        self.confirm_row = w.HBox(
            [w.HTML(message_html(t("email.redraft_confirm", lang), "warning")), self.replace_button, self.keep_button],
            layout=w.Layout(display="none", flex_flow="row wrap", align_items="center"),
        )
        self.confirm_row.add_class("wb-email-confirm")
        self.promise_sync = w.HTML()
        self.promise_sync.add_class("wb-email-promise-sync")
        self.attach_reminder = w.HTML()
        self.attach_reminder.add_class("wb-email-attach-reminder")
        self.subject = w.Text(description=t("email.subject", lang), layout=wide, style=style)
        self.body = w.Textarea(layout=w.Layout(width="calc(100% - 8px)", height="16em"))
        self.body.add_class("wb-email-body")
        self.send_on = w.DatePicker(description=t("email.send_on", lang), style=style, layout=w.Layout(width="24em"))
        self.send_on.add_class("wb-email-send-on")
        self.recommendation = w.HTML(
            message_html(t("email.recommended", lang, date=format_date(self.recommended, lang, long=True)), "tip")
        )
        self.recommendation.add_class("wb-email-recommended")
        self.calendar = w.HTML()
        self.calendar.add_class("wb-email-calendar")
        self.feedback = w.HTML()
        self.feedback.add_class("wb-email-feedback")
        self.links = w.HTML()
        self.mark_sent_button = w.Button(description=t("email.mark_sent", lang), icon="paper-plane")
        self.mark_sent_button.on_click(lambda _: self.mark_sent())
        self.sent_note = w.HTML()
        for field in (self.recipients, self.substance, self.linkedin, self.subject, self.body, self.send_on):
            field.observe(lambda _: self._refresh(), names="value")
        self._watch(self.recipients, self.substance, self.linkedin, self.subject, self.body, self.send_on)
        self._sent_on: dt.date | None = None
        self._id: str | None = None
        # Subject and text as this page last drafted them: untouched ones are redrafted without asking.
        self._drafted: tuple[str, str] | None = None
        self.children = [
            w.HTML(f"<h2>{t('email.heading', lang)}</h2>"),
            w.HTML(message_html(t("email.intro", lang), "tip")),
            self.recipients,
            self.substance,
            self.linkedin,
            self.attachments,
            self.draft_button,
            self.confirm_row,
            self.subject,
            w.HTML(f"<b>{t('email.body', lang)}</b>"),
            self.body,
            self.promise_sync,
            self.send_on,
            self.recommendation,
            self.calendar,
            self.feedback,
            self.links,
            self.attach_reminder,
            w.HBox([self.mark_sent_button, self.sent_note]),
            self.status,
        ]

    # -- data ---------------------------------------------------------------

    def _promises(self) -> list[Promise]:
        return self.store.records(Promise, self.interview.id)

    def _attachments(self) -> list[str]:
        return [p.what for p in self._promises() if p.status != "cannot_deliver"]

    def _unavailable(self) -> list[str]:
        return [p.what for p in self._promises() if p.status == "cannot_deliver"]

    def _sender(self) -> str:
        try:
            return self.store.candidate().name
        except PermissionError:
            return ""

    def email(self) -> ThankYouEmail:
        """The email as on screen (raises ValidationError on a bad address or link)."""
        recipients = tuple(r.strip() for r in self.recipients.value.replace(";", ",").split(",") if r.strip())
        return ThankYouEmail(
            id=self._id or ThankYouEmail(interview_id=self.interview.id).id,
            interview_id=self.interview.id,
            recipients=recipients,
            subject=self.subject.value,
            body=self.body.value,
            send_on=self.send_on.value,
            sent_on=self._sent_on,
            substance_point=self.substance.value,
            linkedin_url=self.linkedin.value,
        )

    # -- actions ------------------------------------------------------------

    def draft(self) -> ThankYouEmail | None:
        """Fill subject and text from the template, the summary and the promises.

        A subject or text the candidate changed is not replaced silently: the page
        asks first (:meth:`replace_with_draft` or :meth:`keep_mine`) and this returns None.
        """
        rendered = self._rendered()
        shown = (self.subject.value, self.body.value)
        untouched = not any(part.strip() for part in shown) or shown in (self._drafted, rendered)
        if not untouched:
            self.confirm_row.layout.display = None
            return None
        return self._apply(rendered)

    def replace_with_draft(self) -> ThankYouEmail | None:
        """The candidate agreed: replace their text by a new draft."""
        return self._apply(self._rendered())

    def keep_mine(self) -> None:
        """The candidate keeps their own text; nothing changes."""
        self.confirm_row.layout.display = "none"

    def _apply(self, rendered: tuple[str, str]) -> ThankYouEmail | None:
        self.confirm_row.layout.display = "none"
        self._drafted = rendered
        self.subject.value, self.body.value = rendered
        return self._save_quietly()

    def _rendered(self) -> tuple[str, str]:
        rendered = guidance.render_email(
            self.lang,
            interviewers=[p.name for p in self.interview.interviewers],
            employer=self.interview.employer,
            role=self.interview.role,
            substance=self.substance.value,
            attachments=self._attachments(),
            unavailable=self._unavailable(),
            linkedin_url=self.linkedin.value,
            sender=self._sender(),
        )
        return rendered.subject, rendered.body

    def mark_sent(self, on: dt.date | None = None) -> bool:
        """Record that the email went out ``on`` (today by default), or undo that.

        A date before the interview or in the future, or an email without
        recipients, subject or text, is refused with a message; returns whether
        anything was recorded.
        """
        if self._sent_on:
            self._sent_on = None
            self._save_quietly()
            self._refresh()
            return True
        problem = self._why_not_sent(on or self.today())
        if problem:
            self._refresh()
            self.sent_note.value = message_html(problem, "warning")
            return False
        self._sent_on = on or self.today()
        self._save_quietly()
        self._refresh()
        return True

    def _why_not_sent(self, on: dt.date) -> str:
        """What stops the email from being marked as sent on ``on`` ('' when nothing)."""
        lang = self.lang
        missing = [
            t(f"email.missing_{part}", lang)
            for part, value in (
                ("recipients", self.recipients.value),
                ("subject", self.subject.value),
                ("body", self.body.value),
            )
            if not value.strip()
        ]
        if missing:
            return t("email.send_empty", lang, missing=", ".join(missing))
        if on < self.interview.date:
            return t("email.sent_before_interview", lang, date=format_date(self.interview.date, lang, long=True))
        if on > self.today():
            return t("email.sent_in_future", lang, date=format_date(on, lang, long=True))
        try:
            self.email()
        except ValidationError as error:
            return error.message(lang)
        return ""

    def _save_quietly(self) -> ThankYouEmail | None:
        try:
            self.save()
        except ValidationError as error:
            self.status.failed(error.message(self.lang))
            return None
        self.status.saved()
        return self.store.one(ThankYouEmail, self.interview.id)

    def records(self) -> dict[str, ThankYouEmail]:
        return {"email": self.email()}

    def save(self) -> None:
        super().save()
        self._id = self._bases["email"].id

    def load(self) -> None:
        stored = self.store.one(ThankYouEmail, self.interview.id)
        summary = self.store.one(Summary, self.interview.id)
        options = substance_options(summary)
        with self._quietly():
            self.substance.options = options
            if stored is None:
                self.recipients.value = ", ".join(p.email for p in self.interview.interviewers if p.email)
                self.substance.value = options[0] if options else ""
                try:
                    self.linkedin.value = self.store.candidate().linkedin_url
                except PermissionError:
                    self.linkedin.value = ""
                self.send_on.value = self.recommended
            else:
                self._id = stored.id
                self._sent_on = stored.sent_on
                self.recipients.value = ", ".join(stored.recipients)
                self.substance.value = stored.substance_point
                self.linkedin.value = stored.linkedin_url
                self.subject.value = stored.subject
                self.body.value = stored.body
                self.send_on.value = stored.send_on
        self._snapshot()
        self._refresh()

    # -- display ------------------------------------------------------------

    def _refresh(self) -> None:
        lang = self.lang
        self.calendar.value = "" if self._sent_on else self._calendar_html()
        items = self._attachments()
        self.attachments.value = message_html(
            t("email.attachments", lang, items=", ".join(items)) if items else t("email.no_attachments", lang),
            "tip",
        )
        try:
            mail = self.email()
        except ValidationError as error:
            self.feedback.value = message_html(error.message(lang), "warning")
            self.links.value = self.attach_reminder.value = self.promise_sync.value = ""
            return
        self.feedback.value = feedback_html(
            check_email(mail, self.interview, self._promises(), lang=lang, today=self.today()), lang
        )
        if mail.body:
            filename = f"{t('email.file', lang)}-{safe_filename(self.interview.employer)}.eml"
            self.links.value = (
                download_link(filename, eml_bytes(mail), "message/rfc822", t("email.download", lang))
                + f' &nbsp; <a class="wb-mailto" href="{escape(mailto_url(mail))}">'
                + f"✉ {t('email.mailto', lang)}</a>"
            )
            to_send = self._attachments()
            self.attach_reminder.value = (
                message_html(t("email.attach_reminder", lang, items=", ".join(to_send)), "warning") if to_send else ""
            )
        else:
            self.links.value = self.attach_reminder.value = ""
        self.promise_sync.value = self._sync_html(mail.body)
        if self._sent_on:
            sent_on = format_date(self._sent_on, lang, long=True)
            self.sent_note.value = message_html(t("email.sent", lang, date=sent_on), "ok")
            self.mark_sent_button.description = t("email.undo_sent", lang)
        else:
            self.sent_note.value = ""
            self.mark_sent_button.description = t("email.mark_sent", lang)

    def calendar_event(self) -> AllDayEvent:
        """The reminder to send the email, on the chosen send date or else the recommended one."""
        return AllDayEvent(
            # One email per interview: the interview names it before and after it is first saved.
            uid=f"{self.interview.id}-email@workbook",
            on=self.send_on.value or self.recommended,
            summary=t("email.calendar_event", self.lang, employer=self.interview.employer),
        )

    def _calendar_html(self) -> str:
        lang = self.lang
        filename = f"{t('email.file', lang)}-{safe_filename(self.interview.employer)}.ics"
        content = calendar_bytes([self.calendar_event()])
        return download_link(filename, content, "text/calendar", t("email.calendar_download", lang))

    def _sync_html(self, body: str) -> str:
        """Say so when the promises changed after the email was drafted."""
        sync = promise_sync(body, self.lang, self._promises())
        if sync is None or sync.in_sync:
            return ""
        lang = self.lang
        lines = [
            t(
                "email.promises_changed",
                lang,
                promised=", ".join(sync.to_send) or "–",
                announced=sync.announced or "–",
            )
        ]
        lines += [t("email.not_deliverable_attached", lang, item=item) for item in sync.not_deliverable]
        return message_html(" ".join(lines), "warning")
