"""Thank-you email (G26-G29): drafted from the interview, the summary and the promises;
sent on the next Dutch working day; checked; downloadable as .eml or opened as mailto."""

from __future__ import annotations

import datetime as dt
import email.message
import email.policy
import email.utils
from urllib.parse import quote

import ipywidgets as w

from workbook import guidance
from workbook.checks import check_email
from workbook.model import Promise, Summary, ThankYouEmail, ValidationError
from workbook.texts import format_date, t
from workbook.widgets._common import download_link, escape, message_html, safe_filename
from workbook.widgets._exercise import Exercise
from workbook.widgets.questions import feedback_html
from workbook.workdays import next_working_day

__all__ = ["ThankYouEmailExercise", "eml_bytes", "mailto_url", "substance_options"]


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
        message["Date"] = email.utils.format_datetime(dt.datetime.combine(mail.send_on, dt.time(9, 0)).astimezone())
    # Outlook and Thunderbird open a message with this header as an unsent draft.
    message["X-Unsent"] = "1"
    message.set_content(mail.body)
    return message.as_bytes()


def mailto_url(mail: ThankYouEmail) -> str:
    """A mailto: link with recipients, subject and text filled in."""
    to = ",".join(quote(r, safe="@") for r in mail.recipients)
    return f"mailto:{to}?subject={quote(mail.subject)}&body={quote(mail.body)}"


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
        self.subject = w.Text(description=t("email.subject", lang), layout=wide, style=style)
        self.body = w.Textarea(layout=w.Layout(width="calc(100% - 8px)", height="16em"))
        self.body.add_class("wb-email-body")
        self.send_on = w.DatePicker(description=t("email.send_on", lang), style=style, layout=w.Layout(width="24em"))
        self.send_on.add_class("wb-email-send-on")
        self.recommendation = w.HTML(
            message_html(t("email.recommended", lang, date=format_date(self.recommended, lang, long=True)), "tip")
        )
        self.recommendation.add_class("wb-email-recommended")
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
        self.children = [
            w.HTML(f"<h2>{t('email.heading', lang)}</h2>"),
            w.HTML(message_html(t("email.intro", lang), "tip")),
            self.recipients,
            self.substance,
            self.linkedin,
            self.attachments,
            self.draft_button,
            self.subject,
            w.HTML(f"<b>{t('email.body', lang)}</b>"),
            self.body,
            self.send_on,
            self.recommendation,
            self.feedback,
            self.links,
            w.HBox([self.mark_sent_button, self.sent_note]),
            self.status,
        ]

    # -- data ---------------------------------------------------------------

    def _promises(self) -> list[Promise]:
        return self.store.records(Promise, self.interview.id)

    def _attachments(self) -> list[str]:
        return [p.what for p in self._promises() if p.status != "cannot_deliver"]

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
        """Fill subject and text from the template, the summary and the promises."""
        rendered = guidance.render_email(
            self.lang,
            interviewers=[p.name for p in self.interview.interviewers],
            employer=self.interview.employer,
            role=self.interview.role,
            substance=self.substance.value,
            attachments=self._attachments(),
            linkedin_url=self.linkedin.value,
            sender=self._sender(),
        )
        self.subject.value = rendered.subject
        self.body.value = rendered.body
        return self._save_quietly()

    def mark_sent(self) -> None:
        """Record today's date as the day the email went out (or undo that)."""
        self._sent_on = None if self._sent_on else max(self.today(), self.interview.date)
        self._save_quietly()
        self._refresh()

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
        items = self._attachments()
        self.attachments.value = message_html(
            t("email.attachments", lang, items=", ".join(items)) if items else t("email.no_attachments", lang),
            "tip",
        )
        try:
            mail = self.email()
        except ValidationError as error:
            self.feedback.value = message_html(error.message(lang), "warning")
            self.links.value = ""
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
        else:
            self.links.value = ""
        if self._sent_on:
            sent_on = format_date(self._sent_on, lang, long=True)
            self.sent_note.value = message_html(t("email.sent", lang, date=sent_on), "ok")
            self.mark_sent_button.description = t("email.undo_sent", lang)
        else:
            self.sent_note.value = ""
            self.mark_sent_button.description = t("email.mark_sent", lang)
