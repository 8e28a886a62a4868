"""A coach in the browser: sign in with the passcode, see the roster and the cohort,
open a candidate and score, download the Excel export and check its sheets."""

from __future__ import annotations

import re

import openpyxl
from playwright.sync_api import Page, expect

from tests.browser.conftest import Server, open_dashboard, shot
from tests.browser.workbook_ui import download, fill_text
from workbook.demo import fill_demo
from workbook.store import Database

PASSCODE = "browser-coach-passcode"


def test_coach_sees_the_cohort_and_exports_it(page: Page, server: Server) -> None:
    # A demo workshop in the server's own database (WAL: the server keeps running).
    db = Database.open(f"sqlite:///{server.db_path}")
    demo = fill_demo(
        db,
        candidates=12,
        interviews=3,
        seed=11,
        workshop_name="Browser-workshop",
        coach_passcode=PASSCODE,
        coach_name="browser-coach",
    )
    db.close()

    open_dashboard(page, server)
    fill_text(page.get_by_label("Coachwachtwoord", exact=True), "wrong passcode")
    page.get_by_role("button", name="Open coachweergave").click()
    expect(page.locator(".wb-signin")).to_contain_text("Dit wachtwoord klopt niet.")
    fill_text(page.get_by_label("Coachwachtwoord", exact=True), PASSCODE)
    page.get_by_role("button", name="Open coachweergave").click()

    coach = page.locator(".wb-coach")
    expect(coach).to_contain_text("Coachweergave · browser-coach")
    # The roster is the first screen: one row per candidate.
    roster = coach.locator(".wb-roster")
    expect(roster.locator(".wb-roster-open")).to_have_count(12)
    expect(coach).to_contain_text("12 kandidaten, 36 gesprekken")
    shot(page, "coach-01-roster")

    # One workshop: its join code is shown.
    coach.locator(".wb-coach-workshop select").select_option(label="Browser-workshop")
    expect(coach).to_contain_text(f"Code voor kandidaten: {demo.workshop_code}")

    # The cohort's charts, computed when their tab opens.
    coach.get_by_role("tab", name="Groep").click()
    cohort = coach.locator(".wb-cohort")
    expect(cohort).to_contain_text("Voltooiing per stap")
    expect(cohort.locator("img")).to_have_count(4)  # completion, item scores, outcomes, self vs coach
    shot(page, "coach-02-cohort")

    # Open a candidate from the roster and give a coach score.
    coach.get_by_role("tab", name="Deelnemers").click()
    roster.locator(".wb-roster-open").first.click()
    candidate = coach.locator(".wb-review")
    expect(candidate.locator(".wb-progress")).to_be_visible()
    expect(candidate.locator("img")).to_have_count(1)  # the candidate's scores over time
    scoring = candidate.locator(".wb-coach-scoring")
    scoring.locator(".wb-coach-score").first.get_by_role("button", name="2", exact=True).click()
    expect(candidate).to_contain_text("Coachscore opgeslagen")
    shot(page, "coach-03-review")
    # On a phone the work and the rubric stack, and the roster's cells wrap.
    laptop = page.viewport_size
    page.set_viewport_size({"width": 390, "height": 844})
    shot(page, "coach-03-review-phone")
    coach.get_by_role("tab", name="Deelnemers").click()
    expect(roster.locator(".wb-roster-open")).to_have_count(12)
    shot(page, "coach-01-roster-phone")
    if laptop:
        page.set_viewport_size(laptop)

    # Export the workshop to Excel from the browser and look inside.
    coach.get_by_role("tab", name="Export").click()
    coach.get_by_role("button", name="Werkmap (Excel)").click()  # for people, made beside the view
    readable_link = coach.locator("a.wb-download", has_text=re.compile(r"\.xlsx$"))
    expect(readable_link).to_be_visible()
    readable = openpyxl.load_workbook(download(page, readable_link, "coach"))
    assert readable.sheetnames[0] == "Deelnemers" and readable["Deelnemers"].max_row == 13
    coach.get_by_role("button", name="Alle tabellen (Excel)").click()
    link = coach.locator("a.wb-download", has_text=re.compile(r"tabellen\.xlsx$"))
    expect(link).to_be_visible()
    path = download(page, link, "coach")
    book = openpyxl.load_workbook(path)
    assert {"summary", "candidates", "interviews", "reflections", "reflection_scores"} <= set(book.sheetnames)
    assert book["candidates"].max_row == 13  # a header and the twelve candidates
    summary = [c.value for row in book["summary"].iter_rows() for c in row if isinstance(c.value, str)]
    assert "step_completion" in summary and "closing_outcomes" in summary and "self_coach_gap" in summary
    shot(page, "coach-04-export")
