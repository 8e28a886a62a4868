"""The interview form, driven as a user would: set values, click, read what is shown."""

from __future__ import annotations

import datetime as dt

import pytest

from workbook.model import Interview, Promise
from workbook.store import Store
from workbook.widgets.interview import InterviewForm


def _fill(form: InterviewForm, employer: str = "ACME <b>BV</b>") -> None:
    form.employer.value = employer
    form.role.value = "Kwaliteitsmanager"
    form.round.value = "introduction"
    form.date.value = dt.date(2027, 4, 23)
    form.time.value = "10:15"
    row = form.people.children[0]
    row.name.value, row.role.value, row.email.value = "Fatima", "HR", "fatima@acme.nl"  # type: ignore[attr-defined]


def test_save_stores_the_interview(store: Store) -> None:
    saved: list[Interview] = []
    form = InterviewForm(store, "nl", on_saved=saved.append)
    _fill(form)
    form.save_button.click()
    [stored] = store.interviews()
    assert saved == [stored]
    assert (stored.employer, stored.role, stored.round) == (
        "ACME <b>BV</b>",
        "Kwaliteitsmanager",
        "introduction",
    )
    assert stored.date == dt.date(2027, 4, 23) and stored.time == dt.time(10, 15)
    assert [p.email for p in stored.interviewers] == ["fatima@acme.nl"]
    # The confirmation shows the employer as text, never as markup.
    assert "ACME &lt;b&gt;BV&lt;/b&gt;" in form.feedback.value
    assert "<b>BV</b>" not in form.feedback.value


@pytest.mark.parametrize(("lang", "expected"), [("nl", "Werkgever is verplicht."), ("en", "Employer is required.")])
def test_missing_employer_is_shown_inline_and_nothing_saved(store: Store, lang: str, expected: str) -> None:
    form = InterviewForm(store, lang)
    _fill(form, employer="   ")
    form.save_button.click()
    assert expected in form.feedback.value
    assert store.interviews() == []
    assert form.role.value == "Kwaliteitsmanager"  # the rest of the input is kept


def test_bad_time_and_email_are_explained(store: Store) -> None:
    form = InterviewForm(store, "nl")
    _fill(form)
    form.time.value = "kwart over tien"
    form.save()
    assert "geen tijd" in form.feedback.value
    form.time.value = "10:15"
    form.people.children[0].email.value = "fatima at acme"  # type: ignore[attr-defined]
    form.save()
    assert "geen geldig e-mailadres" in form.feedback.value
    assert store.interviews() == []


def test_interviewer_rows_can_be_added_and_removed(store: Store) -> None:
    form = InterviewForm(store, "en")
    _fill(form)
    second = form.add_interviewer()
    second.name.value = "Piet"
    third = form.add_interviewer()  # left blank: ignored
    assert len(form.people.children) == 3
    form.people.children[0].remove_button.click()  # type: ignore[attr-defined]
    assert third in form.people.children and len(form.people.children) == 2
    stored = form.save()
    assert stored is not None and [p.name for p in stored.interviewers] == ["Piet"]


def test_editing_keeps_the_same_interview(store: Store, interview: Interview) -> None:
    form = InterviewForm(store, "nl", interview=interview)
    assert form.employer.value == "Gemeente Utrecht" and form.time.value == "14:30"
    form.outcome.value = "next_round"
    form.save()
    [stored] = store.interviews()
    assert stored.id == interview.id and stored.outcome == "next_round"


def test_hostile_text_survives_unchanged(store: Store) -> None:
    form = InterviewForm(store, "nl")
    _fill(form, employer="<script>alert('x')</script> 🚀 شركة")
    form.save()
    [stored] = store.interviews()
    assert stored.employer == "<script>alert('x')</script> 🚀 شركة"
    assert "<script>" not in form.feedback.value


def test_cancel_leaves_everything_as_it_was(store: Store, interview: Interview) -> None:
    cancelled: list[bool] = []
    form = InterviewForm(store, "nl", interview=interview, on_cancel=lambda: cancelled.append(True))
    assert form.cancel_button.description == "Annuleren" and form.cancel_button.layout.display is None
    form.employer.value = "Iets anders"
    form.cancel_button.click()
    assert cancelled == [True]
    assert store.interviews() == [interview]


def test_without_a_place_to_go_back_to_there_is_no_cancel(store: Store) -> None:
    form = InterviewForm(store, "en")
    assert form.cancel_button.layout.display == "none"
    assert form.delete_button.layout.display == "none"  # nothing stored yet to delete
    assert form.delete() is False


def test_delete_takes_two_clicks_and_removes_everything_under_it(store: Store, interview: Interview) -> None:
    store.save(Promise(interview_id=interview.id, what="referenties", promised_on=interview.date))
    deleted: list[Interview] = []
    form = InterviewForm(store, "nl", interview=interview, on_deleted=deleted.append)
    form.delete_button.click()
    assert store.interviews() == [interview] and deleted == []  # only asked
    assert form.delete_button.description == "Ja, verwijder dit gesprek"
    assert "Gemeente Utrecht" in form.feedback.value and "Klik nogmaals" in form.feedback.value
    form.delete_button.click()
    assert store.interviews() == [] and deleted == [interview]
    assert all(len(frame) == 0 for name, frame in store.tables().items() if name != "candidates")


def test_cancel_disarms_the_delete(store: Store, interview: Interview) -> None:
    form = InterviewForm(store, "en", interview=interview, on_cancel=lambda: None)
    form.delete()
    form.cancel()
    assert form.delete_button.description == "Delete interview"
    assert form.delete() is False  # asks again
    assert store.interviews() == [interview]
