"""The review: what a candidate wrote beside the rubric, coach scores, comments, next and previous."""

from __future__ import annotations

import base64
import datetime as dt
import re
from typing import Any

import pytest

from tests.widgets.coach.conftest import join
from workbook.demo import DemoResult
from workbook.model import (
    ClosingStatement,
    PlannedQuestion,
    Promise,
    Reflection,
    ThankYouEmail,
    WorkshopRubricItem,
)
from workbook.store import AccessDenied, Database
from workbook.widgets.coach import CoachHome


def test_drill_down_and_coach_scoring(db: Database, demo: DemoResult) -> None:
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    first = page.roster.order[0]
    page.roster.rows_box.children[0].open_button.click()
    review = page.review
    assert review.candidate_id == first and "wb-progress" in review.progress.value
    dates = [label.split(" · ")[0] for label, _ in review.interview.options]
    assert len(dates) == 3 and [dt.datetime.strptime(d, "%d-%m-%Y") for d in dates] == sorted(
        (dt.datetime.strptime(d, "%d-%m-%Y") for d in dates), reverse=True
    )  # newest first
    interview_id = review.interview.value
    review.score_items["thanked"].score.value = 2
    review.score_items["asked-next-step"].score.value = 5
    assert "opgeslagen" in review.score_feedback.value
    stored = db.for_coach(demo.coach_id).one(Reflection, interview_id, scorer="coach")
    assert stored is not None and stored.scores["thanked"] == 2 and stored.scores["asked-next-step"] == 5
    review.score_items["thanked"].score.value = 0  # taken back, the other score stays
    stored = db.for_coach(demo.coach_id).one(Reflection, interview_id, scorer="coach")
    assert stored is not None and "thanked" not in stored.scores and stored.scores["asked-next-step"] == 5


def test_the_review_shows_what_the_candidate_wrote(db: Database, demo: DemoResult) -> None:
    person = join(db, "Kim <b>Bakker</b>", demo.workshop_code, interview=True)
    mine = db.for_candidate(person.id)
    interview = mine.interviews()[0]
    mine.save(PlannedQuestion(interview_id=interview.id, text="Wat verdien ik hier?", asked=True))
    mine.save(PlannedQuestion(interview_id=interview.id, text="Wat is de volgende stap?", position=1))
    mine.save(ClosingStatement(interview_id=interview.id, appeal="Het team <script>", plan_steps=("Eerst luisteren",)))
    mine.save(ThankYouEmail(interview_id=interview.id, subject="Dank", body="Beste Jan", sent_on=dt.date(2026, 10, 2)))
    mine.save(
        Promise(
            interview_id=interview.id,
            what="Referenties",
            promised_on=dt.date(2026, 10, 1),
            status="sent",
            sent_on=dt.date(2026, 10, 2),
        )
    )
    mine.save(
        Reflection(
            interview_id=interview.id,
            scores={"thanked": 4},
            answers={"learned": "Mijn vraag naar de volgende stap"},
            gut_continue="yes",
        )
    )
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    assert page.open_candidate(person.id)
    work = page.review.work_view.value
    assert "Wat verdien ik hier?" in work and "G15" in work and "gesteld" in work  # with the feedback it got
    assert "Wat is de volgende stap?" in work
    assert "Het team &lt;script&gt;" in work and "<script>" not in work and "Eerst luisteren" in work
    assert "Verstuurd op vrijdag 2 oktober 2026" in work and "Beste Jan" in work
    assert "Referenties" in work and "Verstuurd" in work
    assert "Mijn vraag naar de volgende stap" in work and "Ja" in work
    assert "Kim &lt;b&gt;Bakker&lt;/b&gt;" in page.review.heading.value
    # The candidate's own score beside the coach's control.
    assert page.review.score_items["thanked"].own.value == "Zelf: 4"
    assert page.review.score_items["asked-next-step"].own.value == "Zelf: –"


def test_a_workshops_own_rubric_item_is_scored_too(db: Database, demo: DemoResult) -> None:
    store = db.for_coach(demo.coach_id)
    item = store.add_rubric_item(
        WorkshopRubricItem(
            workshop_id=demo.workshop_id, phase="goodbye", label="Oogcontact", anchors=("n1", "n2", "n3", "n4", "n5")
        )
    )
    page = CoachHome(store, "nl")
    page.open_candidate(page.roster.order[0])
    review = page.review
    assert len(review.score_items) == 16 and item.key in review.score_items
    assert all("wb-coach-score" in i.score._dom_classes for i in review.score_items.values())
    review.score_items[item.key].score.value = 4
    assert "Oogcontact" in review.score_feedback.value
    stored = store.one(Reflection, str(review.interview_id), scorer="coach")
    assert stored is not None and stored.scores[item.key] == 4


def test_comments_per_interview_and_per_item(db: Database, demo: DemoResult) -> None:
    store = db.for_coach(demo.coach_id)
    page = CoachHome(store, "nl")
    candidate_id = page.roster.order[0]
    page.open_candidate(candidate_id)
    review = page.review
    review.comment_save.click()
    assert "verplicht" in review.comment_feedback.value
    review.comment_text.value = "Mooi <i>slot</i>!"
    review.comment_save.click()
    assert "Opmerking opgeslagen" in review.comment_feedback.value and review.comment_text.value == ""
    review.comment_item.value = "thanked"
    review.comment_text.value = "Bedank iedereen bij naam."
    review.save_comment()
    comments = store.comments(review.interview_id)
    assert [(c.item, c.text) for c in comments] == [("", "Mooi <i>slot</i>!"), ("thanked", "Bedank iedereen bij naam.")]
    listed = " ".join(row.children[0].value for row in review.comment_list.children)
    assert "Mooi &lt;i&gt;slot&lt;/i&gt;!" in listed and "Het hele gesprek" in listed
    assert "nog niet gelezen" in listed and re.search(r"\d{4}", listed)  # with the date
    candidate = db.for_candidate(candidate_id)
    assert candidate.unread_comments() == 2
    # The coach deletes their own comment; another coach cannot touch it.
    other = db.accounts.set_coach_passcode("other-coach-pass", name="Other")
    with pytest.raises(AccessDenied):
        db.for_coach(other).delete_comment(comments[0].id)
    newest = review.comment_list.children[0]
    newest.children[1].click()
    assert [c.text for c in store.comments(review.interview_id)] == ["Mooi <i>slot</i>!"]
    assert "verwijderd" in review.comment_feedback.value


def test_next_and_previous_follow_the_roster(db: Database, demo: DemoResult) -> None:
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    page.roster.sort.value = "steps_open"
    order = page.roster.order
    page.open_candidate(order[0])
    review = page.review
    assert review.previous_button.disabled and not review.next_button.disabled
    assert "1 van 8" in review.position.value
    review.next_button.click()
    assert review.candidate_id == order[1] and "2 van 8" in review.position.value
    review.previous_button.click()
    assert review.candidate_id == order[0]
    for _ in range(10):
        page.move(1)
    assert review.candidate_id == order[-1] and review.next_button.disabled


def test_the_chart_speaks_of_self_and_coach(db: Database, demo: DemoResult, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def chart(frame: object, *, labels: dict[str, str], **_: object) -> bytes:
        seen.update(labels)
        return b"png"

    monkeypatch.setattr("workbook.charts.scores_over_time_png", chart)
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    page.open_candidate(page.roster.order[0])
    assert seen == {"self": "Zelf", "coach": "Coach"}


def test_a_coach_gives_a_candidate_a_new_code(db: Database, demo: DemoResult) -> None:
    name, old_code = demo.sample_codes[0]
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    found = db.accounts.find_candidate(old_code)
    assert found is not None
    page.open_candidate(found.id)
    page.review.new_code_button.click()
    new_code = re.search(r"<b>([A-Z0-9-]+)</b>", page.review.new_code_shown.value).group(1)  # type: ignore[union-attr]
    assert db.accounts.find_candidate(old_code) is None
    again = db.accounts.find_candidate(new_code)
    assert again is not None and again.name == name
    other = db.accounts.set_coach_passcode("other-coach-pass", name="Other")
    with pytest.raises(AccessDenied):
        db.for_coach(other).new_code_for(again.id)


def test_the_review_hands_over_a_printable_report(db: Database, demo: DemoResult) -> None:
    store = db.for_coach(demo.coach_id)
    page = CoachHome(store, "nl")
    page.open_candidate(page.roster.order[0])
    review = page.review
    review.comment_text.value = "Sterk slot <b>zonder</b> oordeelsvraag."
    review.save_comment()
    filename = review.prepare_report()
    assert filename is not None and filename.startswith("verslag-") and filename.endswith(".html")
    html = base64.b64decode(re.search(r"base64,([^\"]+)", review.report_link.value).group(1)).decode()  # type: ignore[union-attr]
    assert "Verslag van" in html and "Sterk slot &lt;b&gt;zonder&lt;/b&gt; oordeelsvraag." in html  # read afresh
