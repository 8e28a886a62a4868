"""State integrity: the candidate on screen is always the one chosen, in the workshop
chosen; new candidates show up without a click; a language switch keeps everything."""

from __future__ import annotations

from tests.loops import in_own_loop, without_a_loop
from tests.widgets.coach.conftest import join
from workbook.app import Dashboard
from workbook.demo import DemoResult
from workbook.model import Workshop
from workbook.store import Database
from workbook.widgets.coach import CoachHome, CoachState


def _live(page: CoachHome) -> bool:
    """Whether scoring controls of some candidate are on the review screen."""
    return bool(page.review.score_items) and page.review.body in page.review.children


def test_creating_a_workshop_clears_the_candidate_of_another(db: Database, demo: DemoResult) -> None:
    # The bug of issue 12: after creating a workshop the candidate tab still showed a
    # candidate of another workshop, with live scoring buttons.
    store = db.for_coach(demo.coach_id)
    page = CoachHome(store, "nl")
    page.open_candidate(page.roster.order[0])
    assert _live(page)
    before = store.table("reflection_scores")
    page.forms.new_name.value = "Voorjaar"
    page.forms.create_button.click()
    assert page.review.candidate_id is None and not _live(page)
    assert "hoort niet bij de gekozen workshop" in page.review.empty.value
    page.show_tab("review")
    assert not _live(page) and page.review.children == (page.review.empty,)
    page.review.set_score("thanked", 3)  # nothing is live: nothing is saved
    assert store.table("reflection_scores").equals(before)


def test_choosing_a_workshop_keeps_only_its_own_candidate(db: Database, demo: DemoResult) -> None:
    store = db.for_coach(demo.coach_id)
    other = Workshop(coach_id=demo.coach_id, name="Najaar")
    code = store.create_workshop(other)
    newcomer = join(db, "Nieuwe Deelnemer", code, interview=True)
    page = CoachHome(store, "nl")  # all workshops
    page.open_candidate(page.roster.order[0])
    first = page.review.candidate_id
    page.workshop.value = demo.workshop_id  # still theirs: stays open and live
    assert page.review.candidate_id == first and _live(page)
    page.workshop.value = other.id  # not theirs: gone
    assert page.review.candidate_id is None and not _live(page)
    assert page.roster.order == [newcomer.id]
    assert not page.open_candidate(str(first))  # not in this workshop: refused
    assert page.review.candidate_id is None
    page.open_candidate(newcomer.id)
    assert page.review.candidate_id == newcomer.id and _live(page)


def test_deleting_the_workshop_clears_the_review(db: Database, demo: DemoResult) -> None:
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    page.workshop.value = demo.workshop_id
    page.open_candidate(page.roster.order[0])
    page.forms.delete_name.value = "Demo-workshop"
    page.delete_workshop()
    assert page.review.candidate_id is None and not _live(page)


def test_new_candidates_appear_without_a_click(db: Database, demo: DemoResult) -> None:
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    page.workshop.value = demo.workshop_id
    page.open_candidate(page.roster.order[0])
    shown = page.review.candidate_id
    assert page.check_for_news() == 0 and page.news_box.layout.display == "none"
    newcomer = join(db, "Laat Binnen", demo.workshop_code)
    assert page.check_for_news() == 1
    assert page.news_box.layout.display is None and "Nieuwe deelnemers: 1" in page.news.value
    assert page.news_button.description == "Nieuwe deelnemers: vernieuwen"
    page.news_button.click()
    assert newcomer.id in page.roster.order and page.news_box.layout.display == "none"
    assert page.review.candidate_id == shown and _live(page)  # the open review is untouched


def test_the_news_check_runs_by_itself_in_a_kernel(db: Database, demo: DemoResult) -> None:
    async def inside_a_loop() -> tuple[bool, bool]:
        page = CoachHome(db.for_coach(demo.coach_id), "nl")
        scheduled = page._timer is not None
        page.close()
        return scheduled, page._timer is None

    assert in_own_loop(inside_a_loop) == (True, True)
    # No loop, no timer (tests call it).
    assert without_a_loop(lambda: CoachHome(db.for_coach(demo.coach_id), "nl")._timer) is None


def test_the_state_draws_the_view_again(db: Database, demo: DemoResult) -> None:
    store = db.for_coach(demo.coach_id)
    page = CoachHome(store, "nl")
    page.workshop.value = demo.workshop_id
    page.roster.sort.value = "warnings"
    page.roster.flag.value = "warnings"
    page.open_candidate(page.roster.order[0] if page.roster.order else page.roster_frame()["candidate_id"][0])
    interviews = page.review.interview.options
    page.review.interview.value = interviews[-1][1]
    state = page.state
    assert state == CoachState(
        workshop_id=demo.workshop_id,
        rounds=state.rounds,
        tab="review",
        flag="warnings",
        sort="warnings",
        candidate_id=page.review.candidate_id,
        interview_id=interviews[-1][1],
    )
    again = CoachHome(store, "en", state=state)
    assert again.workshop.value == demo.workshop_id and again.tabs.selected_index == 1
    assert again.roster.flag.value == "warnings" and again.roster.sort.value == "warnings"
    assert again.review.candidate_id == state.candidate_id and again.review.interview_id == state.interview_id
    assert again.state == state


def test_switching_language_keeps_workshop_filters_and_candidate(db: Database, demo: DemoResult) -> None:
    page = Dashboard(db.accounts, autosave_delay=0)
    assert page.sign_in_coach("demo-coach-passcode")
    coach = page.body.children[0]
    assert isinstance(coach, CoachHome)
    coach.workshop.value = demo.workshop_id
    coach.rounds.value = ("selection", "terms")
    coach.apply_button.click()
    coach.open_candidate(coach.roster.order[1])
    before = coach.state
    page.set_language("en")
    redrawn = page.body.children[0]
    assert isinstance(redrawn, CoachHome) and redrawn is not coach and redrawn.lang == "en"
    assert redrawn.state == before
    assert redrawn.review.candidate_id == before.candidate_id and "Candidate" in redrawn.tabs.titles
