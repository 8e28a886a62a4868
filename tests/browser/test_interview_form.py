"""The interview form refuses what it cannot store, keeps the input and says why."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import Server, open_dashboard, shot
from .workbook_ui import candidate_id, fill_text, rows, sign_up

pytestmark = pytest.mark.browser

NAME = "Jan Zonder Werkgever-Test"


def test_empty_employer_is_refused_and_nothing_is_stored(page: Page, server: Server) -> None:
    open_dashboard(page, server)
    sign_up(page, NAME)
    form = page.locator(".wb-interview-form")
    fill_text(form.get_by_label("Functie", exact=True), "Beleidsadviseur")
    form.get_by_role("button", name="Gesprek opslaan").click()

    expect(form.locator(".wb-msg.wb-warning")).to_have_text("⚠ Werkgever is verplicht.")
    expect(form.get_by_label("Functie", exact=True)).to_have_value("Beleidsadviseur")
    # Still no interview: the steps cannot be opened yet.
    expect(page.locator(".wb-nav-questions")).to_be_disabled()
    expect(page.locator(".wb-exercise")).to_have_count(0)
    shot(page, "form-01-employer-required")

    me = candidate_id(server.db_path, NAME)
    assert rows(server.db_path, "SELECT count(*) FROM interviews WHERE candidate_id = ?", me) == [(0,)]
