"""A first visit, as a candidate would make it: sign up, add an interview, come back.

Everything goes through the browser; only the final checks read the SQLite file
with the standard library, to see that what the page showed is what was stored.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import Server, open_dashboard, shot, wait_until_interactive

pytestmark = pytest.mark.browser

CODE = re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$")
EMPLOYER = "Gemeente <b>Utrecht</b> & Co"
ROLE = "Beleidsadviseur"
DATE = "2026-12-03"  # not today: proves the DatePicker value reached the kernel
SHOWN_WHEN = "03-12-2026 14:30"


def rows(db_path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    """Read-only query on the server's database."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
        return conn.execute(sql, params).fetchall()


def interviews_of(db_path: Path, name: str) -> list[tuple[object, ...]]:
    return rows(
        db_path,
        "SELECT i.id, i.employer, i.role, i.round, i.date, i.time, i.outcome FROM interviews i "
        "JOIN candidates c ON c.id = i.candidate_id WHERE c.name = ?",
        name,
    )


def sign_up(page: Page, name: str) -> str:
    """Start as a new candidate; returns the personal code shown on screen."""
    page.get_by_label("Je naam", exact=True).fill(name)
    page.get_by_label("Je naam", exact=True).press("Tab")
    page.get_by_role("button", name="Begin", exact=True).click()
    greeting = page.locator(".wb-msg", has_text=f"Welkom, {name}.")
    expect(greeting).to_be_visible()
    code = greeting.locator("b").inner_text().strip()
    assert CODE.match(code), f"the personal code on screen looks wrong: {code!r}"
    return code


def fill_text(page: Page, label: str, value: str) -> None:
    field = page.get_by_label(label, exact=True)
    field.fill(value)
    field.press("Tab")  # the widget sends its value on input/blur; don't race the save click


def test_sign_up_add_interview_and_come_back(page: Page, server: Server) -> None:
    name = "Sanne de Vries-Test"
    open_dashboard(page, server)
    expect(page.get_by_role("heading", name="Werkboek: het sollicitatiegesprek afsluiten")).to_be_visible()
    expect(page.get_by_role("heading", name="Nieuw hier?")).to_be_visible()
    shot(page, "01-sign-in")

    code = sign_up(page, name)
    listing = page.locator(".wb-interview-list")
    expect(listing).to_contain_text("Nog geen gesprekken.")
    expect(page.get_by_role("heading", name="Gesprek toevoegen")).to_be_visible()
    shot(page, "02-signed-up-with-code")

    fill_text(page, "Werkgever", EMPLOYER)
    fill_text(page, "Functie", ROLE)
    page.get_by_label("Gespreksronde", exact=True).select_option(label="Selectiegesprek")
    page.get_by_label("Datum", exact=True).fill(DATE)
    page.get_by_label("Datum", exact=True).press("Tab")
    fill_text(page, "Tijd", "14:30")
    person = page.locator(".wb-interview-form .widget-hbox", has=page.locator(".wb-interviewer-name")).first
    person.get_by_placeholder("Naam", exact=True).fill("Fatima El Amrani")
    person.get_by_placeholder("Rol", exact=True).fill("Teamleider")
    person.get_by_placeholder("E-mail", exact=True).fill("f.elamrani@example.nl")
    person.get_by_placeholder("E-mail", exact=True).press("Tab")
    shot(page, "03-interview-filled")

    page.get_by_role("button", name="Gesprek opslaan").click()

    # The saved interview is in the list, the HTML in the employer shown as text.
    expect(page.get_by_role("status").filter(has_text="Opgeslagen:")).to_have_text(f"✓ Opgeslagen: {EMPLOYER}, {ROLE}.")
    row = listing.locator("tbody tr")
    expect(row).to_have_count(1)
    expect(row.locator("td")).to_have_text(
        [SHOWN_WHEN, EMPLOYER, ROLE, "Selectiegesprek", "Fatima El Amrani", "Nog geen bericht"]
    )
    expect(listing.get_by_text("<b>Utrecht</b>")).to_be_visible()
    expect(listing.locator("b", has_text="Utrecht")).to_have_count(0)
    # The form is empty again, ready for the next interview.
    expect(page.get_by_label("Werkgever", exact=True)).to_have_value("")
    shot(page, "04-interview-saved")

    stored = interviews_of(server.db_path, name)
    assert len(stored) == 1, stored
    interview_id, employer, role, round_, date, time_, outcome = stored[0]
    assert (employer, role, round_, date, outcome) == (EMPLOYER, ROLE, "selection", DATE, "pending")
    assert str(time_).startswith("14:30")
    people = rows(server.db_path, "SELECT name, role, email FROM interviewers WHERE interview_id = ?", interview_id)
    assert people == [("Fatima El Amrani", "Teamleider", "f.elamrani@example.nl")]

    # A reload is a new kernel: signed out, and the code brings the work back.
    page.reload()
    wait_until_interactive(page)
    expect(page.locator(".wb-interview-list")).to_have_count(0)
    shot(page, "05-after-reload")

    fill_text(page, "Je persoonlijke code", code)
    page.get_by_role("button", name="Verder", exact=True).click()
    expect(page.get_by_role("status").filter(has_text=f"Welkom terug, {name}.")).to_be_visible()
    expect(row.locator("td")).to_have_text(
        [SHOWN_WHEN, EMPLOYER, ROLE, "Selectiegesprek", "Fatima El Amrani", "Nog geen bericht"]
    )
    expect(listing.locator("b", has_text="Utrecht")).to_have_count(0)
    shot(page, "06-signed-in-with-code")


def test_empty_employer_is_refused_and_nothing_is_stored(page: Page, server: Server) -> None:
    name = "Jan Zonder Werkgever"
    open_dashboard(page, server)
    sign_up(page, name)
    before = rows(server.db_path, "SELECT count(*) FROM interviews")[0][0]

    fill_text(page, "Functie", ROLE)
    page.get_by_role("button", name="Gesprek opslaan").click()

    expect(page.get_by_role("status").filter(has_text="Werkgever is verplicht.")).to_be_visible()
    # The input is kept, the list stays empty.
    expect(page.get_by_label("Functie", exact=True)).to_have_value(ROLE)
    expect(page.locator(".wb-interview-list")).to_contain_text("Nog geen gesprekken.")
    shot(page, "07-employer-required")

    assert interviews_of(server.db_path, name) == []
    assert rows(server.db_path, "SELECT count(*) FROM interviews")[0][0] == before
