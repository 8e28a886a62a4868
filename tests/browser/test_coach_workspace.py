"""The coach's workspace in the browser, on demo data: the roster, the review of one
candidate's own work, a coach score on the workshop's own rubric item and a written
comment that the candidate then sees; the wrong-candidate path after creating a
workshop; the projector view. Screenshots at laptop and phone width."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from playwright.sync_api import Locator, Page, ViewportSize, expect

from tests.browser.conftest import Server, open_dashboard, shot
from tests.browser.workbook_ui import COACH_TEXT, COMMENT_TEXT, go_to_step, rows, sign_in, sign_in_coach
from workbook import guidance
from workbook.analysis import STEPS
from workbook.demo import DemoResult, fill_demo
from workbook.model import ClosingStatement, WorkshopRubricItem
from workbook.store import Database

# Names of their own, so the other browser tests' coach and workshop are unaffected.
PASSCODE = "workspace-coach-passcode"
COACH = "workspace-coach"
WORKSHOP = "Werkplaats-workshop"
OWN_ITEM = "Vraagt naar een concreet vervolg"
STATEMENT = "Wat mij aanspreekt is de ruimte om het klantcontact opnieuw in te richten."
COMMENT = "Sterk slotstatement. Vraag de volgende keer ook wanneer je iets hoort."

LAPTOP: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 390, "height": 844}


@dataclass(frozen=True)
class Scene:
    demo: DemoResult
    item: WorkshopRubricItem
    name: str  # the sample candidate the coach reviews (a name no one else in the workshop has)
    code: str
    lang: str
    interview_id: str  # their newest interview: where the review and the workspace open
    questions: tuple[str, ...]


@pytest.fixture(scope="module")
def scene(server: Server) -> Iterator[Scene]:
    db = Database.open(f"sqlite:///{server.db_path}")
    try:
        demo = fill_demo(
            db,
            candidates=10,
            interviews=2,
            seed=12,
            workshop_name=WORKSHOP,
            coach_passcode=PASSCODE,
            coach_name=COACH,
        )
        coach = db.for_coach(demo.coach_id)
        item = coach.add_rubric_item(
            WorkshopRubricItem(
                workshop_id=demo.workshop_id,
                phase=guidance.phases()[0].key,
                label=OWN_ITEM,
                anchors=("niet gevraagd", "vaag", "gevraagd", "concreet", "concreet en afgesproken"),
            )
        )
        names = list(coach.table("candidates")["name"].astype(str))
        name, code = next((n, c) for n, c in demo.sample_codes if names.count(n) == 1)
        found = db.accounts.find_candidate(code)
        assert found is not None
        mine = db.for_candidate(found.id)
        newest = mine.interviews()[0]
        mine.save(ClosingStatement(interview_id=newest.id, appeal=STATEMENT, text=STATEMENT))
        questions = tuple(
            str(row[0]) for row in rows(server.db_path, "SELECT text FROM questions WHERE interview_id = ?", newest.id)
        )
        assert questions, "every demo interview has planned questions"
        yield Scene(demo, item, name, code, found.language, newest.id, questions)
    finally:
        db.close()


def _coach_on_workshop(page: Page, server: Server, workshop: str = WORKSHOP) -> Locator:
    open_dashboard(page, server)
    coach = sign_in_coach(page, PASSCODE)
    coach.locator(".wb-coach-workshop select").select_option(label=workshop)
    return coach


def _open_from_roster(page: Page, coach: Locator, name: str) -> Locator:
    coach.get_by_role("tab", name=COACH_TEXT["tab_roster"]).click()
    roster = coach.locator(".wb-roster")
    expect(roster).to_be_visible()
    search = roster.locator(".wb-roster-search input")
    search.fill(name)
    search.press("Tab")
    button = roster.locator(".wb-roster-open", has_text=name)
    expect(button).to_have_count(1)
    button.click()
    review = coach.locator(".wb-review")
    expect(review.locator(".wb-review-work")).to_be_visible()
    return review


def _both_widths(page: Page, name: str) -> None:
    for size, label in ((LAPTOP, "laptop"), (PHONE, "phone")):
        page.set_viewport_size(size)
        shot(page, f"{name}-{label}")
    page.set_viewport_size(LAPTOP)


def test_a_coach_reviews_scores_and_comments_and_the_candidate_sees_it(
    page: Page, new_page: Callable[[], Page], server: Server, scene: Scene
) -> None:
    page.set_viewport_size(LAPTOP)
    coach = _coach_on_workshop(page, server)
    roster = coach.locator(".wb-roster")
    expect(roster.locator(".wb-roster-open")).to_have_count(10)
    _both_widths(page, "coach-workspace-01-roster")

    review = _open_from_roster(page, coach, scene.name)
    expect(review).to_contain_text(scene.name)
    work = review.locator(".wb-review-work")
    for question in scene.questions:
        expect(work).to_contain_text(question)
    expect(work).to_contain_text(STATEMENT)

    # The workshop's own item is scored like the built-in ones, beside the candidate's own score.
    own = review.locator(".wb-coach-scoring .wb-rubric-item", has_text=OWN_ITEM)
    expect(own).to_have_count(1)
    own.locator(".wb-coach-score").get_by_role("button", name="4", exact=True).click()
    expect(review).to_contain_text(f"{COACH_TEXT['score_saved']} ({OWN_ITEM})")

    review.locator(".wb-comment-text textarea").fill(COMMENT)
    review.locator(".wb-comment-text textarea").press("Tab")
    review.locator(".wb-comment-save").click()
    expect(review).to_contain_text(COACH_TEXT["comment_saved"])
    expect(review.locator(".wb-comment-list")).to_contain_text(COMMENT)
    _both_widths(page, "coach-workspace-02-review")

    # The candidate signs in on their own computer and finds both.
    candidate = new_page()
    candidate.set_viewport_size(LAPTOP)
    open_dashboard(candidate, server)
    sign_in(candidate, scene.code)
    words = COMMENT_TEXT[scene.lang]
    comments = candidate.locator(".wb-coach-comments")
    expect(comments).to_contain_text(COMMENT)
    expect(comments).to_contain_text(words["from_coach"])
    expect(comments.locator(".wb-new").first).to_contain_text(words["new"])
    expect(candidate.locator(".wb-comments-note")).to_contain_text(words["unread"].format(count=1))
    shot(candidate, "coach-workspace-03-candidate-comment")
    reflection = go_to_step(candidate, "reflection")
    expect(reflection.locator(".wb-rubric-item", has_text=OWN_ITEM)).to_contain_text("Coach: 4")
    # Seen once: it is no longer new.
    expect(comments).to_contain_text(COMMENT)
    expect(comments.locator(".wb-new")).to_have_count(0)
    assert rows(
        server.db_path,
        "SELECT count(*) FROM coach_comments WHERE interview_id = ? AND read_at IS NULL",
        scene.interview_id,
    ) == [(0,)]


def test_no_other_candidate_stays_live_and_the_projector_shows_the_room(
    page: Page, server: Server, scene: Scene
) -> None:
    page.set_viewport_size(LAPTOP)
    coach = _coach_on_workshop(page, server)
    review = _open_from_roster(page, coach, scene.name)
    expect(review.locator(".wb-coach-score").first).to_be_visible()

    # A new workshop, made on the coach's form while a candidate of another one is open.
    forms = coach.locator(".wb-workshop-forms")
    forms.get_by_text(COACH_TEXT["new_workshop"], exact=True).click()
    fill = forms.get_by_label(COACH_TEXT["name"], exact=True).first
    fill.fill("Werkplaats-nieuw")
    fill.press("Tab")
    forms.locator(".wb-workshop-create").click()
    expect(forms).to_contain_text(COACH_TEXT["created"])
    expect(coach.locator(".wb-coach-workshop select option:checked")).to_have_text("Werkplaats-nieuw")
    # No candidate of the other workshop is shown, let alone with live scoring buttons.
    coach.get_by_role("tab", name=COACH_TEXT["tab_review"]).click()
    expect(coach.locator(".wb-coach-score")).to_have_count(0)
    expect(coach.locator(".wb-review")).not_to_contain_text(scene.name)
    coach.get_by_role("tab", name=COACH_TEXT["tab_roster"]).click()
    expect(coach.locator(".wb-roster-open")).to_have_count(0)

    # The projector view of the demo workshop: code, counts, no names, no admin controls.
    coach.locator(".wb-coach-workshop select").select_option(label=WORKSHOP)
    page.locator(".wb-projector-open").click()
    projector = page.locator(".wb-projector")
    expect(projector).to_be_visible()
    expect(projector).to_contain_text(scene.demo.workshop_code)
    expect(projector).to_contain_text(WORKSHOP)
    expect(projector.locator(".wb-bar")).to_have_count(len(STEPS))
    expect(projector.locator(".wb-projector-figure").first).to_have_text(re.compile(r"^\s*10\D"))
    assert scene.name not in projector.inner_text()
    expect(projector.locator("button")).to_have_count(1)  # Close, nothing else
    expect(page.locator(".wb-coach-workshop")).to_have_count(0)  # the coach view is away while projected
    _both_widths(page, "coach-workspace-04-projector")
    projector.get_by_role("button", name=COACH_TEXT["close"]).click()
    expect(page.locator(".wb-projector")).to_have_count(0)
    expect(page.locator(".wb-coach-workshop")).to_be_visible()
