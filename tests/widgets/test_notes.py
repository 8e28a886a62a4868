"""Notes and summary: typed text is stored, comes back, and promises become tracked."""

from __future__ import annotations

import datetime as dt

import pytest

from workbook.model import Interview, Note, Promise, Summary
from workbook.store import Store
from workbook.widgets.notes import NotesSummary, promised_lines


def test_text_is_saved_on_change_and_shown_again(store: Store, interview: Interview) -> None:
    page = NotesSummary(store, interview, "nl", autosave_delay=0)
    assert page.interviewer_names.value == "Jan Jansen"  # prefilled from the interview
    page.during.value = "Teamleider noemde een reorganisatie"
    page.key_points.value = "Team van 8 <b>adviseurs</b> 🚀"
    assert "Opgeslagen" in page.status.value
    assert store.one(Note, interview.id, kind="during").text == "Teamleider noemde een reorganisatie"  # type: ignore[union-attr]
    again = NotesSummary(store, interview, "en", autosave_delay=0)  # a reload
    assert again.key_points.value == "Team van 8 <b>adviseurs</b> 🚀"
    assert again.during.value == "Teamleider noemde een reorganisatie"


def test_loading_does_not_write(store: Store, interview: Interview) -> None:
    NotesSummary(store, interview, "nl", autosave_delay=0)
    assert store.records(Summary, interview.id) == []


def test_promises_typed_here_become_tracked_items(store: Store, interview: Interview) -> None:
    page = NotesSummary(store, interview, "nl", autosave_delay=0)
    page.promised.value = "- kopie diploma\n\n• referenties\nKopie diploma\n"
    page.track_button.click()
    promises = store.records(Promise, interview.id)
    assert [p.what for p in promises] == ["kopie diploma", "referenties"]
    # Interview on Friday 14 May 2027; Whit Monday follows: due on Tuesday.
    assert {p.due_on for p in promises} == {dt.date(2027, 5, 18)}
    assert "2 nieuwe belofte" in page.track_feedback.value
    page.track_button.click()
    assert len(store.records(Promise, interview.id)) == 2
    assert "staat al in je lijst" in page.track_feedback.value


@pytest.mark.parametrize("text", ["", " ", "x" * 20_000, "<script>alert(1)</script>", "😀" * 50])
def test_hostile_text(store: Store, interview: Interview, text: str) -> None:
    page = NotesSummary(store, interview, "nl", autosave_delay=0)
    page.after.value = "first"
    page.after.value = text
    assert store.one(Note, interview.id, kind="after").text == text.strip()  # type: ignore[union-attr]


def test_too_long_text_is_kept_on_screen_and_explained(store: Store, interview: Interview) -> None:
    page = NotesSummary(store, interview, "nl", autosave_delay=0)
    page.after.value = "x" * 100_001
    assert "te lang" in page.status.value
    assert page.after.value == "x" * 100_001


def test_promised_lines() -> None:
    assert promised_lines(" * a \n-b\n\nA\n· c") == ["a", "b", "c"]
