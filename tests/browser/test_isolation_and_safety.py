"""Two candidates at once never see each other's work; hostile input stays text."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from .conftest import Server, open_dashboard, shot
from .workbook_ui import (
    InterviewInput,
    add_interview,
    add_own_question,
    candidate_id,
    download,
    expect_planned,
    go_to_step,
    open_overview,
    page_text_and_values,
    rows,
    sign_up,
)

pytestmark = pytest.mark.browser


def nothing_of_the_other(pages: dict[str, Page], people: dict[str, tuple[str, str]]) -> None:
    """Each page shows its own employer and nothing of the other person, anywhere."""
    for name, one in pages.items():
        (other,) = (n for n in people if n != name)
        seen = page_text_and_values(one) + one.content()
        assert people[name][0] in seen
        for secret in (other, *people[other]):
            assert secret not in seen, f"{name}'s page shows {secret!r} of {other}"


def test_two_candidates_at_once_see_only_their_own_work(
    page: Page, new_page: Callable[[], Page], server: Server
) -> None:
    people = {
        "Anna Isolatie-Test": ("Zuivelfabriek Anna-Noord", "Welke software gebruikt het team van Anna?"),
        "Bram Isolatie-Test": ("Scheepswerf Bram-Zuid", "Wanneer begint het project van Bram?"),
    }
    pages = dict(zip(people, (page, new_page()), strict=True))
    # Both at the same time: every step is done by one, then by the other.
    for one in pages.values():
        open_dashboard(one, server)
    for name, one in pages.items():
        sign_up(one, name)
    for name, one in pages.items():
        employer, _ = people[name]
        add_interview(one, InterviewInput(employer=employer, role="Adviseur", date="2027-02-10"))
    for name, one in pages.items():
        _, question = people[name]
        add_own_question(one, question)
    for name, one in pages.items():
        employer, question = people[name]
        expect_planned(one, [question])
        expect(one.locator(".wb-interview-picker select option")).to_have_text([f"10-02-2027 · {employer} · Adviseur"])
        shot(one, f"two-{name.split()[0].lower()}-questions")
    nothing_of_the_other(pages, people)

    for name, one in pages.items():
        # Their own overview too: the table of all their interviews.
        go_to_step(one, "statement")
        expect(open_overview(one)).to_contain_text(people[name][0])
        shot(one, f"two-{name.split()[0].lower()}-overview")

    nothing_of_the_other(pages, people)

    ids = {name: candidate_id(server.db_path, name) for name in people}
    assert len(set(ids.values())) == 2
    for name, (employer, question) in people.items():
        assert rows(server.db_path, "SELECT candidate_id FROM interviews WHERE employer = ?", employer) == [
            (ids[name],)
        ]
        assert rows(server.db_path, "SELECT candidate_id FROM questions WHERE text = ?", question) == [(ids[name],)]


EVIL_EMPLOYER = '<img src=x onerror="window.__xss=1">'
EVIL_QUESTION = "<script>window.__xss=2</script>"


def test_hostile_input_is_shown_as_text_and_never_runs(page: Page, server: Server) -> None:
    open_dashboard(page, server)
    sign_up(page, "Mallory <i>Test</i>")
    expect(page.locator(".wb-msg.wb-ok")).to_contain_text("Welkom, Mallory <i>Test</i>.")
    add_interview(page, InterviewInput(employer=EVIL_EMPLOYER, role="<u>Rol</u>", date="2027-04-06"))
    expect(page.locator(".wb-interview-picker select option:checked")).to_have_text(
        f"06-04-2027 · {EVIL_EMPLOYER} · <u>Rol</u>"
    )
    row = add_own_question(page, EVIL_QUESTION)
    expect(row.locator(".wb-question-text input")).to_have_value(EVIL_QUESTION)
    shot(page, "xss-01-questions")
    # The printable cue card is a separate HTML file: escaped there too.
    card = download(page, page.locator(".wb-step-questions a.wb-download"), "xss").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__xss=2&lt;/script&gt;" in card
    assert "&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;" in card
    assert "<script" not in card and "<img" not in card

    overview = open_overview(page)
    expect(overview.get_by_text(EVIL_EMPLOYER, exact=True).first).to_be_visible()
    shot(page, "xss-02-overview")

    mail = go_to_step(page, "email")
    mail.get_by_role("button", name="Maak een concept").click()
    expect(mail.locator(".wb-email-body textarea")).to_have_value(re.compile(re.escape(EVIL_EMPLOYER)))
    shot(page, "xss-03-email")

    # Nothing of it became markup, and nothing ran.
    assert page.locator(".wb-app img").count() == 0
    assert page.locator(".wb-app script").count() == 0
    assert page.locator(".wb-app u").count() == 0
    assert page.locator(".wb-app i", has_text="Test").count() == 0
    assert page.evaluate("window.__xss") is None
