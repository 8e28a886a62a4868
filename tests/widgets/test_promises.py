"""Promises: add, due dates, status changes, overdue, the explanation email."""

from __future__ import annotations

import datetime as dt

from workbook.model import Interview, Promise
from workbook.store import Store
from workbook.widgets.email import ThankYouEmailExercise
from workbook.widgets.promises import PromiseRow, Promises, is_overdue


def _page(store: Store, interview: Interview, today: dt.date, lang: str = "nl") -> Promises:
    return Promises(store, interview, lang, autosave_delay=0, today=lambda: today)


def test_add_sets_the_next_working_day(store: Store, interview: Interview) -> None:
    page = _page(store, interview, dt.date(2027, 5, 14))
    assert "Nog geen beloftes" in page.empty.value
    assert page.new_to_whom.value == "Jan Jansen"
    page.new_what.value = "Kopie diploma"
    page.add_button.click()
    [stored] = store.records(Promise, interview.id)
    assert stored.due_on == dt.date(2027, 5, 18) and stored.status == "open"
    assert page.new_what.value == "" and page.empty.value == ""


def test_empty_promise_is_refused(store: Store, interview: Interview) -> None:
    page = _page(store, interview, dt.date(2027, 5, 14), "en")
    page.new_what.value = "  "
    page.add()
    assert "What is required." in page.feedback.value
    assert store.records(Promise, interview.id) == []


def test_marking_sent_records_the_date(store: Store, interview: Interview) -> None:
    page = _page(store, interview, dt.date(2027, 5, 17))
    page.new_what.value = "Referenties"
    page.add()
    row = page.rows.children[0]
    assert isinstance(row, PromiseRow)
    row.status.value = "sent"
    [stored] = store.records(Promise, interview.id)
    assert stored.status == "sent" and stored.sent_on == dt.date(2027, 5, 17)
    assert "Verstuurd op 17-05-2027" in row.notice.value
    row.status.value = "open"
    assert store.records(Promise, interview.id)[0].sent_on is None


def test_overdue_items_stand_out(store: Store, interview: Interview) -> None:
    store.save(Promise(interview_id=interview.id, what="Portfolio", promised_on="2027-05-14", due_on="2027-05-18"))
    page = _page(store, interview, dt.date(2027, 5, 20))
    row = page.rows.children[0]
    assert "Te laat" in row.notice.value  # type: ignore[attr-defined]
    assert "wb-overdue" in row._dom_classes
    assert is_overdue(page.promises()[0], dt.date(2027, 5, 20))
    assert not is_overdue(page.promises()[0], dt.date(2027, 5, 18))


def test_cannot_deliver_offers_an_explanation(store: Store, interview: Interview) -> None:
    page = _page(store, interview, dt.date(2027, 5, 15), "en")
    page.new_what.value = "contact details of my references"
    page.add()
    row = page.rows.children[0]
    assert isinstance(row, PromiseRow)
    assert row.explanation.layout.display == "none"
    row.status.value = "cannot_deliver"
    assert row.explanation.layout.display is None
    assert "contact details of my references" in row.explanation.value
    assert "Sanne de Vries" in row.explanation.value
    assert store.records(Promise, interview.id)[0].status == "cannot_deliver"


def test_edits_save_and_remove_deletes(store: Store, interview: Interview) -> None:
    page = _page(store, interview, dt.date(2027, 5, 15))
    page.new_what.value = "Diploma"
    page.add()
    row = page.rows.children[0]
    assert isinstance(row, PromiseRow)
    row.what.value = "Kopie van mijn <b>diploma</b>"
    row.due_on.value = dt.date(2027, 5, 19)
    stored = store.records(Promise, interview.id)[0]
    assert stored.what == "Kopie van mijn <b>diploma</b>" and stored.due_on == dt.date(2027, 5, 19)
    row.due_on.value = dt.date(2027, 5, 1)  # before the interview: refused, explained
    assert "ligt voor" in row.notice.value
    assert store.records(Promise, interview.id)[0].due_on == dt.date(2027, 5, 19)
    row.remove_button.click()
    assert store.records(Promise, interview.id) == [] and page.rows.children == ()
    again = _page(store, interview, dt.date(2027, 5, 15))
    assert again.rows.children == ()


def test_cannot_deliver_says_the_drafted_email_is_out_of_step(store: Store, interview: Interview) -> None:
    store.save(Promise(interview_id=interview.id, what="kopie van mijn diploma", promised_on=interview.date))
    ThankYouEmailExercise(store, interview, "nl", autosave_delay=0).draft()
    page = _page(store, interview, dt.date(2027, 5, 17))
    assert page.email_note.value == ""
    row = page.rows.children[0]
    assert isinstance(row, PromiseRow)
    row.status.value = "cannot_deliver"
    assert "Je bedankmail klopt niet meer met je beloftes" in page.email_note.value
    row.status.value = "open"
    assert page.email_note.value == ""
