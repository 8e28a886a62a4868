"""The .ics downloads: the send date of the thank-you email, the due dates of open promises."""

from __future__ import annotations

import base64
import datetime as dt
import re

from workbook.model import Interview, Promise
from workbook.store import Store
from workbook.widgets.email import ThankYouEmailExercise
from workbook.widgets.promises import Promises

TODAY = dt.date(2027, 5, 14)


def _download(link: str) -> tuple[str, str, list[str]]:
    """File name, mime type and unfolded content lines of a download link."""
    match = re.search(r'download="([^"]+)" href="data:([^;]+);base64,([^"]+)"', link)
    assert match, link
    text = base64.b64decode(match.group(3)).decode("utf-8")
    return match.group(1), match.group(2), text.replace("\r\n ", "").split("\r\n")[:-1]


def _field(lines: list[str], name: str) -> list[str]:
    return [line.split(":", 1)[1] for line in lines if line.split(":", 1)[0] == name]


def test_email_reminder_on_the_recommended_then_the_chosen_date(store: Store, interview: Interview) -> None:
    page = ThankYouEmailExercise(store, interview, "nl", autosave_delay=0, today=lambda: TODAY)
    assert "Zet in je agenda (.ics)" in page.calendar.value
    filename, mime, lines = _download(page.calendar.value)
    assert filename == "bedankmail-gemeente-utrecht.ics" and mime == "text/calendar"
    assert _field(lines, "SUMMARY") == ["Bedankmail sturen: Gemeente Utrecht"]
    assert _field(lines, "DTSTART;VALUE=DATE") == ["20270518"]  # Friday's interview, Whit Monday: Tuesday
    assert _field(lines, "DTEND;VALUE=DATE") == ["20270519"]
    [uid] = _field(lines, "UID")
    page.send_on.value = dt.date(2027, 5, 19)
    _, _, lines = _download(page.calendar.value)
    assert _field(lines, "DTSTART;VALUE=DATE") == ["20270519"]
    assert _field(lines, "UID") == [uid] and uid.endswith("@workbook")
    # The same event on another visit, so a second import updates instead of doubling it.
    again = ThankYouEmailExercise(store, interview, "en", autosave_delay=0, today=lambda: TODAY)
    _, _, lines = _download(again.calendar.value)
    assert _field(lines, "UID") == [uid]
    assert "Add to calendar (.ics)" in again.calendar.value
    assert _field(lines, "SUMMARY") == ["Send thank-you email: Gemeente Utrecht"]


def test_no_email_reminder_once_sent(store: Store, interview: Interview) -> None:
    page = ThankYouEmailExercise(store, interview, "nl", autosave_delay=0, today=lambda: dt.date(2027, 5, 17))
    page.draft()
    assert page.mark_sent()
    assert page.calendar.value == ""
    page.mark_sent()  # undone
    assert "text/calendar" in page.calendar.value


def test_promise_reminders_for_open_promises_only(store: Store, interview: Interview) -> None:
    page = Promises(store, interview, "nl", autosave_delay=0, today=lambda: TODAY)
    assert page.calendar.value == ""
    page.new_what.value = "Kopie diploma"
    diploma = page.add()
    page.new_what.value = "Referenties"
    page.new_to_whom.value = ""
    references = page.add()
    page.new_what.value = "Portfolio"
    page.new_to_whom.value = "Jan, Piet; HR"
    portfolio = page.add()
    assert diploma and references and portfolio
    page.rows.children[2].status.value = "sent"  # type: ignore[attr-defined]
    assert "Zet in je agenda (.ics)" in page.calendar.value
    filename, mime, lines = _download(page.calendar.value)
    assert filename == "beloftes-gemeente-utrecht.ics" and mime == "text/calendar"
    assert _field(lines, "UID") == [f"{diploma.id}@workbook", f"{references.id}@workbook"]
    assert _field(lines, "SUMMARY") == ["Kopie diploma sturen aan Jan Jansen", "Referenties sturen"]
    assert _field(lines, "DTSTART;VALUE=DATE") == ["20270518", "20270518"]
    page.rows.children[2].status.value = "open"  # type: ignore[attr-defined]
    _, _, lines = _download(page.calendar.value)
    assert _field(lines, "SUMMARY")[2] == "Portfolio sturen aan Jan\\, Piet\\; HR"


def test_promise_reminders_follow_due_dates_and_removal(store: Store, interview: Interview) -> None:
    store.save(Promise(interview_id=interview.id, what="Portfolio", promised_on=TODAY, due_on=dt.date(2027, 5, 20)))
    page = Promises(store, interview, "en", autosave_delay=0, today=lambda: TODAY)
    _, _, lines = _download(page.calendar.value)
    assert _field(lines, "SUMMARY") == ["Send Portfolio"]
    assert _field(lines, "DTSTART;VALUE=DATE") == ["20270520"]
    row = page.rows.children[0]
    row.due_on.value = dt.date(2027, 5, 21)  # type: ignore[attr-defined]
    row.save()  # type: ignore[attr-defined]
    _, _, lines = _download(page.calendar.value)
    assert _field(lines, "DTSTART;VALUE=DATE") == ["20270521"] and _field(lines, "DTEND;VALUE=DATE") == ["20270522"]
    page.remove(row)  # type: ignore[arg-type]
    assert page.calendar.value == ""
