"""Switching the language in the middle of an exercise loses nothing that was typed."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import Server, open_dashboard, shot
from .workbook_ui import InterviewInput, add_interview, candidate_id, choose_language, go_to_step, rows, sign_up

pytestmark = pytest.mark.browser

NAME = "Noor Taalwissel-Test"
TYPED = "Mag ik tot slot nog iets zeggen? Eerst leer ik het team kennen, daarna de klanten."


def test_switching_to_english_keeps_the_statement_being_typed(page: Page, server: Server) -> None:
    open_dashboard(page, server)
    sign_up(page, NAME)
    add_interview(page, InterviewInput(employer="Taalschool Babel", role="Docent", date="2027-03-02"))
    statement = go_to_step(page, "statement")
    statement.locator(".wb-statement-text textarea").fill(TYPED)
    # No waiting for the autosave: the switch itself must keep the text.
    choose_language(page, "English")

    statement = page.locator(".wb-exercise.wb-step-statement")
    expect(statement.get_by_role("heading", name="Closing statement", level=2)).to_be_visible()
    expect(statement.locator(".wb-statement-text textarea")).to_have_value(TYPED)
    expect(page.locator(".wb-nav-statement")).to_contain_text("2. Closing statement")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    expect(page.get_by_role("button", name="Next step")).to_be_visible()
    expect(page.locator(".wb-app")).not_to_contain_text("Slotstatement")
    shot(page, "lang-01-switched-mid-statement")

    me = candidate_id(server.db_path, NAME)
    assert rows(server.db_path, "SELECT text FROM statements WHERE candidate_id = ?", me) == [(TYPED,)]
    assert rows(server.db_path, "SELECT language FROM candidates WHERE id = ?", me) == [("en",)]
