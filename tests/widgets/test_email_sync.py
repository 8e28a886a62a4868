"""The thank-you email never overwrites the candidate's text, stays in step with the
promises, refuses impossible sent dates and carries the Dutch time zone (issue 14)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import html

import pytest

from workbook import guidance
from workbook.model import Interview, Promise, ThankYouEmail
from workbook.store import Store
from workbook.widgets.email import ThankYouEmailExercise, eml_bytes


def _page(
    store: Store, interview: Interview, lang: str = "nl", today: dt.date = dt.date(2027, 5, 17)
) -> ThankYouEmailExercise:
    return ThankYouEmailExercise(store, interview, lang, autosave_delay=0, today=lambda: today)


def _promise(store: Store, interview: Interview, what: str, status: str = "open") -> Promise:
    return store.save(Promise(interview_id=interview.id, what=what, promised_on=interview.date, status=status))  # type: ignore[arg-type]


def _stored_body(store: Store, interview: Interview) -> str:
    stored = store.one(ThankYouEmail, interview.id)
    assert stored is not None
    return stored.body


# -- redrafting ---------------------------------------------------------------


def test_an_untouched_draft_is_simply_redrafted(store: Store, interview: Interview) -> None:
    page = _page(store, interview)
    page.draft_button.click()
    assert "referenties" not in page.body.value
    _promise(store, interview, "referenties")
    page.draft_button.click()
    assert "referenties" in page.body.value
    assert page.confirm_row.layout.display == "none"
    assert "referenties" in _stored_body(store, interview)


def test_redrafting_an_edited_text_asks_and_keep_mine_keeps_it(store: Store, interview: Interview) -> None:
    page = _page(store, interview)
    page.draft()
    page.body.value += "\nIk kijk uit naar uw reactie."
    edited = page.body.value
    page.draft_button.click()
    assert page.confirm_row.layout.display != "none"
    assert "Je tekst vervangen door een nieuw concept?" in page.confirm_row.children[0].value  # type: ignore[attr-defined]
    assert page.body.value == edited  # nothing replaced yet
    page.keep_button.click()
    assert page.confirm_row.layout.display == "none"
    assert page.body.value == edited and _stored_body(store, interview) == edited


def test_redrafting_an_edited_text_replaces_it_once_confirmed(store: Store, interview: Interview) -> None:
    page = _page(store, interview)
    page.draft()
    drafted = page.body.value
    page.subject.value = "Mijn eigen onderwerp"
    assert page.draft() is None
    assert page.subject.value == "Mijn eigen onderwerp"
    page.replace_button.click()
    assert page.body.value == drafted and page.subject.value != "Mijn eigen onderwerp"
    assert page.confirm_row.layout.display == "none"


def test_after_a_reload_an_edited_text_is_still_protected(store: Store, interview: Interview) -> None:
    page = _page(store, interview)
    page.draft()
    page.body.value = "Mijn eigen tekst, helemaal zelf geschreven."
    again = _page(store, interview, "en")
    again.draft()
    assert again.body.value == "Mijn eigen tekst, helemaal zelf geschreven."
    assert "Replace your text with a new draft?" in again.confirm_row.children[0].value  # type: ignore[attr-defined]
    assert again.replace_button.description == "Replace" and again.keep_button.description == "Keep mine"


# -- promises and attachments ------------------------------------------------


def test_the_attachment_sentence_reads_naturally(store: Store, interview: Interview) -> None:
    _promise(store, interview, "kopie van mijn diploma")
    page = _page(store, interview)
    page.draft()
    assert "stuur ik u hierbij wat ik beloofde: kopie van mijn diploma." in page.body.value
    several = guidance.render_email(
        "en", employer="ACME", role="tester", attachments=["a copy of my diploma", "two references"]
    )
    assert "As agreed, I attach what I promised: a copy of my diploma and two references." in several.body


def test_cannot_deliver_after_drafting_is_shown_and_a_redraft_asks_to_explain(
    store: Store, interview: Interview
) -> None:
    promise = _promise(store, interview, "kopie van mijn diploma")
    page = _page(store, interview)
    page.draft()
    assert page.promise_sync.value == ""
    store.save(dataclasses.replace(promise, status="cannot_deliver"))
    page.subject.value += " "  # any refresh of the page (here: typing) shows the new state
    shown = html.unescape(page.promise_sync.value)
    assert "Je beloftes zijn veranderd sinds dit concept" in shown
    assert "'kopie van mijn diploma' staat op 'Lukt niet'" in shown
    page.subject.value = page.subject.value.strip()
    page.draft()  # the text was not edited: redrafted without asking
    assert "wat ik beloofde" not in page.body.value
    assert "[Leg hier kort uit waarom kopie van mijn diploma (nog) niet lukt.]" in page.body.value
    assert page.promise_sync.value == ""
    # The email check asks for the explanation until it is written.
    assert "wb-warning" in page.feedback.value and "vierkante haken" in page.feedback.value


def test_a_promise_added_after_drafting_is_shown(store: Store, interview: Interview) -> None:
    _promise(store, interview, "kopie van mijn diploma")
    page = _page(store, interview, "en")
    page.draft()
    _promise(store, interview, "two references")
    again = _page(store, interview, "en")
    assert "Your promises changed since this draft" in again.promise_sync.value
    assert "To send now: kopie van mijn diploma, two references" in again.promise_sync.value
    assert "announces as attached: kopie van mijn diploma" in again.promise_sync.value


def test_a_reminder_to_attach_sits_by_the_download_and_not_in_the_mail(store: Store, interview: Interview) -> None:
    _promise(store, interview, "kopie van mijn diploma")
    _promise(store, interview, "VOG", status="cannot_deliver")
    page = _page(store, interview)
    assert page.attach_reminder.value == ""  # no email text yet, no download
    page.draft()
    assert "Vergeet de bijlagen niet" in page.attach_reminder.value
    assert "kopie van mijn diploma" in page.attach_reminder.value and "VOG" not in page.attach_reminder.value
    body = email.message_from_bytes(eml_bytes(page.email())).get_payload(decode=True).decode()  # type: ignore[union-attr]
    assert "Vergeet" not in body


def test_no_reminder_without_promises(store: Store, interview: Interview) -> None:
    page = _page(store, interview)
    page.draft()
    assert page.links.value and page.attach_reminder.value == ""


# -- marking as sent ------------------------------------------------------------


def test_an_empty_email_cannot_be_marked_as_sent(store: Store, interview: Interview) -> None:
    page = _page(store, interview)
    assert page.mark_sent() is False
    assert "Deze mail is nog niet af. Nog in te vullen: het onderwerp, de tekst." in page.sent_note.value
    page.draft()
    page.recipients.value = ""
    page.mark_sent_button.click()
    assert "Nog in te vullen: aan wie." in page.sent_note.value
    stored = store.one(ThankYouEmail, interview.id)
    assert stored is not None and stored.sent_on is None


def test_no_sent_date_before_the_interview(store: Store, interview: Interview) -> None:
    page = _page(store, interview, "en", today=dt.date(2027, 5, 13))  # the day before the interview
    page.draft()
    page.mark_sent_button.click()
    assert "The interview is on Friday 14 May 2027" in page.sent_note.value
    assert store.one(ThankYouEmail, interview.id).sent_on is None  # type: ignore[union-attr]
    assert page.mark_sent(dt.date(2027, 5, 1)) is False


def test_no_sent_date_in_the_future(store: Store, interview: Interview) -> None:
    page = _page(store, interview, today=dt.date(2027, 5, 17))
    page.draft()
    assert page.mark_sent(dt.date(2027, 5, 18)) is False
    assert "ligt in de toekomst" in page.sent_note.value
    assert page.mark_sent(dt.date(2027, 5, 14)) is True  # the interview day itself is fine
    assert store.one(ThankYouEmail, interview.id).sent_on == dt.date(2027, 5, 14)  # type: ignore[union-attr]
    assert "Verstuurd op vrijdag 14 mei 2027" in page.sent_note.value


# -- the .eml's date ------------------------------------------------------------


@pytest.mark.parametrize(
    ("send_on", "header"),
    [
        (dt.date(2027, 7, 1), "Thu, 01 Jul 2027 09:00:00 +0200"),  # summer time
        (dt.date(2027, 1, 15), "Fri, 15 Jan 2027 09:00:00 +0100"),  # winter time
    ],
)
def test_eml_date_is_nine_in_the_morning_dutch_time(send_on: dt.date, header: str) -> None:
    mail = ThankYouEmail(interview_id="i", recipients=("jan@utrecht.nl",), subject="Dank", body="Dank", send_on=send_on)
    message = email.message_from_bytes(eml_bytes(mail))
    assert message["Date"] == header
    parsed = email.utils.parsedate_to_datetime(message["Date"])
    assert parsed.hour == 9 and parsed.date() == send_on
