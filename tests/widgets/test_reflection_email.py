"""Reflection and thank-you email exercises."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import email
import re
from urllib.parse import unquote

import pytest

from workbook import guidance
from workbook.model import Interview, Promise, Reflection, Summary, ThankYouEmail
from workbook.store import AccessDenied, Database, Store
from workbook.widgets.email import ThankYouEmailExercise, eml_bytes, mailto_url, substance_options
from workbook.widgets.reflection import ReflectionExercise, previous_interview


def test_scores_anchors_and_totals(store: Store, interview: Interview) -> None:
    page = ReflectionExercise(store, interview, "nl", autosave_delay=0)
    assert len(page.items) == len(guidance.rubric())
    assert "Nog niets gescoord" in page.summary.value
    thanked = page.items["thanked"]
    thanked.score.value = 4
    assert guidance.rubric_item("thanked").anchors[3].get("nl") in thanked.anchor.value
    page.items["asked-next-step"].score.value = 2
    assert "Totaal 6 punten over 2 van" in page.summary.value and "gemiddeld 3,0" in page.summary.value
    stored = store.one(Reflection, interview.id, scorer="self")
    assert stored is not None and stored.scores == {"thanked": 4, "asked-next-step": 2}
    thanked.score.value = 0  # back to "not scored": removed, not stored as 0
    assert store.one(Reflection, interview.id, scorer="self").scores == {"asked-next-step": 2}  # type: ignore[union-attr]


def test_answers_and_gut_feeling_come_back(store: Store, interview: Interview) -> None:
    page = ReflectionExercise(store, interview, "en", autosave_delay=0)
    key = guidance.reflection_questions()[0].key
    page.answers[key].value = "More than <i>expected</i> 🙂"
    page.gut["gut_continue"].value = "yes"
    page.gut["gut_dream_job"].value = "unsure"
    again = ReflectionExercise(store, interview, "nl", autosave_delay=0)
    assert again.answers[key].value == "More than <i>expected</i> 🙂"
    assert (again.gut["gut_continue"].value, again.gut["gut_dream_job"].value) == ("yes", "unsure")


def test_change_since_the_previous_interview(store: Store, interview: Interview) -> None:
    earlier = store.save(dataclasses.replace(interview, id="earlier", employer="Vorige BV", date=dt.date(2027, 4, 1)))
    store.save(Reflection(interview_id=earlier.id, scores={"thanked": 2}))
    assert previous_interview(store.interviews(), interview) == earlier
    page = ReflectionExercise(store, interview, "nl", autosave_delay=0)
    page.items["thanked"].score.value = 5
    assert "+3 sinds je vorige gesprek (Vorige BV)" in page.items["thanked"].context.value


def test_coach_scores_are_shown_beside(db: Database, store: Store, interview: Interview) -> None:
    with pytest.raises(AccessDenied):  # a candidate cannot give themselves coach scores
        store.save(Reflection(interview_id=interview.id, scorer="coach", scores={"thanked": 5}))
    db.for_coach().save(Reflection(interview_id=interview.id, scorer="coach", scores={"thanked": 3}))
    page = ReflectionExercise(store, interview, "en", autosave_delay=0)
    assert "Coach: 3" in page.items["thanked"].context.value


def _email_page(store: Store, interview: Interview, today: dt.date = dt.date(2027, 5, 14)) -> ThankYouEmailExercise:
    return ThankYouEmailExercise(store, interview, "nl", autosave_delay=0, today=lambda: today)


def test_email_is_drafted_from_the_interview(store: Store, interview: Interview) -> None:
    store.save(Summary(interview_id=interview.id, key_points="- de nieuwe Omgevingswet\n- team van acht"))
    store.save(Promise(interview_id=interview.id, what="kopie van mijn diploma", promised_on=interview.date))
    page = _email_page(store, interview)
    # Friday 14 May 2027, Whit Monday follows: the Tuesday is the next working day.
    assert page.send_on.value == dt.date(2027, 5, 18)
    assert "dinsdag 18 mei 2027" in page.recommendation.value
    assert page.recipients.value == "jan@utrecht.nl"
    assert page.substance.options == ("de nieuwe Omgevingswet", "team van acht")
    page.draft_button.click()
    assert "Jan Jansen" in page.body.value and "Omgevingswet" in page.body.value
    assert "kopie van mijn diploma" in page.body.value and "Sanne de Vries" in page.body.value
    assert "wb-ok" in page.feedback.value and "wb-warning" not in page.feedback.value
    stored = store.one(ThankYouEmail, interview.id)
    assert stored is not None and stored.body == page.body.value and stored.send_on == dt.date(2027, 5, 18)


def test_email_feedback_on_late_and_missing_promise(store: Store, interview: Interview) -> None:
    page = _email_page(store, interview)
    page.draft()
    store.save(Promise(interview_id=interview.id, what="referenties", promised_on=interview.date))
    page.send_on.value = dt.date(2027, 5, 25)
    assert "waarom?" in page.feedback.value and "G26" not in page.feedback.value  # a reason, not a code
    assert "referenties" in page.feedback.value


def test_eml_download_and_mailto(store: Store, interview: Interview) -> None:
    page = _email_page(store, interview)
    page.draft()
    link = page.links.value
    payload = base64.b64decode(re.search(r"base64,([^\"]+)", link).group(1))  # type: ignore[union-attr]
    message = email.message_from_bytes(payload)
    assert message["To"] == "jan@utrecht.nl" and message["X-Unsent"] == "1"
    assert "Jan Jansen" in message.get_payload(decode=True).decode()  # type: ignore[union-attr]
    mail = page.email()
    assert eml_bytes(mail) == payload
    assert unquote(mailto_url(mail)).startswith("mailto:jan@utrecht.nl?subject=")
    assert 'download="bedankmail-gemeente-utrecht.eml"' in link


def test_marking_as_sent_records_the_date(store: Store, interview: Interview) -> None:
    page = _email_page(store, interview, today=dt.date(2027, 5, 18))
    page.draft()
    page.mark_sent_button.click()
    assert store.one(ThankYouEmail, interview.id).sent_on == dt.date(2027, 5, 18)  # type: ignore[union-attr]
    assert "Verstuurd op dinsdag 18 mei 2027" in page.sent_note.value
    again = _email_page(store, interview)
    assert "Verstuurd op" in again.sent_note.value
    again.mark_sent()  # undo
    assert store.one(ThankYouEmail, interview.id).sent_on is None  # type: ignore[union-attr]


@pytest.mark.parametrize("bad", ["jan at utrecht", "<script>@x"])
def test_bad_recipient_is_explained_and_nothing_lost(store: Store, interview: Interview, bad: str) -> None:
    page = _email_page(store, interview)
    page.draft()
    page.recipients.value = bad
    assert "geen geldig e-mailadres" in page.feedback.value
    assert "<script>" not in page.feedback.value
    assert page.body.value  # the text stays


def test_substance_options() -> None:
    assert substance_options(None) == []
    assert substance_options(Summary(interview_id="i", key_points="* a\n\n- b\n- a")) == ["a", "b"]
