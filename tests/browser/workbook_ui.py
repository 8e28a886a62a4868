"""What a candidate does in the dashboard, as small steps the browser tests share.

Each helper acts through what is on screen (labels, button texts, the ``wb-*`` classes
the app puts on its widgets) and waits on what the page shows, never on a clock. The
visible texts per language are in :data:`TEXT`, copied from ``workbook/texts/ui.toml``: a
test that finds a text changed there should fail and be looked at.
"""

from __future__ import annotations

import email
import email.policy
import re
import sqlite3
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from .conftest import DOWNLOADS, NAME_LABEL, wait_until_interactive

CODE = re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$")

#: The visible texts the tests act on, per language (from workbook/texts/ui.toml).
TEXT: dict[str, dict[str, str]] = {
    "nl": {
        "name": "Je naam",
        "start": "Begin",
        "code": "Je persoonlijke code",
        "continue": "Verder",
        "welcome": "Welkom, {name}.",
        "welcome_back": "Welkom terug, {name}.",
        "employer": "Werkgever",
        "role": "Functie",
        "round": "Gespreksronde",
        "selection": "Selectiegesprek",
        "date": "Datum",
        "time": "Tijd",
        "person_name": "Naam",
        "person_role": "Rol",
        "person_email": "E-mail",
        "save_interview": "Gesprek opslaan",
        "purpose": "Doel",
        "add_to_plan": "Zet in je plan",
        "in_plan": "Staat in je plan",
        "add_own": "Voeg eigen vraag toe",
        "cue_card": "Download spiekbriefje",
        "saved": "Opgeslagen om",
        "draft": "Maak een concept",
        "eml": "Download als e-mail (.eml)",
        "salary": "Salaris en andere arbeidsvoorwaarden horen bij het arbeidsvoorwaardengesprek",
        "enthusiasm": "zonder het woord 'enthousiast' te gebruiken",
        "overview": "Overzicht",
        "next": "Volgende stap",
        "steps": "Slotvragen|Slotstatement|Bedanken en afscheid|Aantekeningen|Terugblik|Bedankmail|Beloftes",
    },
    "en": {
        "name": "Your name",
        "start": "Start",
        "code": "Your personal code",
        "continue": "Continue",
        "welcome": "Welcome, {name}.",
        "welcome_back": "Welcome back, {name}.",
        "employer": "Employer",
        "role": "Role",
        "round": "Interview round",
        "selection": "Selection interview",
        "date": "Date",
        "time": "Time",
        "person_name": "Name",
        "person_role": "Role",
        "person_email": "Email",
        "save_interview": "Save interview",
        "purpose": "Purpose",
        "add_to_plan": "Add to plan",
        "in_plan": "In your plan",
        "add_own": "Add own question",
        "cue_card": "Download cue card",
        "saved": "Saved at",
        "draft": "Draft the email",
        "eml": "Download as email (.eml)",
        "salary": "Salary and other terms of employment belong in the terms-of-employment interview",
        "enthusiasm": "without using the word 'enthusiastic'",
        "overview": "Overview",
        "next": "Next step",
        "steps": "Closing questions|Closing statement|Thanks and goodbye|Notes|Reflection|Thank-you email|Promises",
    },
}

STEPS = ("questions", "statement", "farewell", "notes", "reflection", "email", "promises")

#: What the coach acts on (the coach signs in on the Dutch start screen and works in Dutch).
COACH_TEXT: dict[str, str] = {
    "passcode": "Coachwachtwoord",
    "enter": "Open coachweergave",
    "tab_roster": "Deelnemers",
    "tab_review": "Kandidaat",
    "new_workshop": "Nieuwe workshop",
    "name": "Naam",
    "created": "Workshop aangemaakt.",
    "score_saved": "Coachscore opgeslagen",
    "comment_saved": "Opmerking opgeslagen",
    "close": "Sluiten",
}

#: What the candidate sees of the coach's comments, per language.
COMMENT_TEXT: dict[str, dict[str, str]] = {
    "nl": {"from_coach": "Van je coach", "new": "nieuw", "unread": "Nieuw van je coach: {count}"},
    "en": {"from_coach": "From your coach", "new": "new", "unread": "New from your coach: {count}"},
}


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    email: str


@dataclass(frozen=True)
class InterviewInput:
    employer: str
    role: str
    date: str  # ISO, as an <input type=date> takes it
    person: Person | None = None
    time: str = ""


# ---------------------------------------------------------------------- database


def rows(db_path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    """Read-only query on the server's database (the standard library only)."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
        return conn.execute(sql, params).fetchall()


def candidate_id(db_path: Path, name: str) -> str:
    found = rows(db_path, "SELECT id FROM candidates WHERE name = ?", name)
    assert len(found) == 1, f"expected one candidate named {name!r}, found {found}"
    return str(found[0][0])


# ------------------------------------------------------------------------ screens


def fill_text(field: Locator, value: str) -> None:
    field.fill(value)
    field.press("Tab")  # the widget sends its value on input/blur; don't race the next click


def choose_language(page: Page, label: str) -> None:
    """Click "Nederlands" or "English" in the header and wait until it is the active one."""
    button = page.locator(".wb-language").get_by_role("button", name=label, exact=True)
    button.click()
    expect(button).to_have_class(re.compile(r"\bmod-active\b"))


def sign_up(page: Page, name: str, lang: str = "nl") -> str:
    """Start as a new candidate; returns the personal code shown in the greeting."""
    text = TEXT[lang]
    fill_text(page.get_by_label(text["name"], exact=True), name)
    page.get_by_role("button", name=text["start"], exact=True).click()
    greeting = page.locator(".wb-msg.wb-ok", has_text=text["welcome"].format(name=name))
    expect(greeting).to_be_visible()
    code = greeting.locator("b").inner_text().strip()
    assert CODE.match(code), f"the personal code on screen looks wrong: {code!r}"
    expect(page.locator(".wb-workspace")).to_be_visible()
    return code


def reload_and_sign_in(page: Page, code: str, name: str, lang: str) -> None:
    """Reload the page (a fresh kernel: signed out) and come back with the code.

    The sign-in screen is Dutch after a reload, whatever the candidate chose: the
    page does not know who they are until the code is typed.
    """
    page.reload()
    wait_until_interactive(page)
    expect(page.locator(".wb-workspace")).to_have_count(0)
    fill_text(page.get_by_label(TEXT["nl"]["code"], exact=True), code)
    page.get_by_role("button", name=TEXT["nl"]["continue"], exact=True).click()
    expect(page.locator(".wb-msg.wb-ok", has_text=TEXT[lang]["welcome_back"].format(name=name))).to_be_visible()
    expect(page.locator(".wb-workspace")).to_be_visible()


def sign_in(page: Page, code: str) -> None:
    """Sign in on the (Dutch) start screen with a personal code; waits for the workspace."""
    fill_text(page.get_by_label(TEXT["nl"]["code"], exact=True), code)
    page.get_by_role("button", name=TEXT["nl"]["continue"], exact=True).click()
    expect(page.locator(".wb-workspace")).to_be_visible()


def sign_in_coach(page: Page, passcode: str) -> Locator:
    """Sign in as a coach on the start screen; returns the coach view once it is drawn."""
    fill_text(page.get_by_label(COACH_TEXT["passcode"], exact=True), passcode)
    page.get_by_role("button", name=COACH_TEXT["enter"]).click()
    coach = page.locator(".wb-coach")
    expect(coach).to_be_visible()
    return coach


def add_interview(page: Page, interview: InterviewInput, lang: str = "nl") -> None:
    """Fill the interview form that is open and save it; waits for step 1 to open."""
    text = TEXT[lang]
    form = page.locator(".wb-interview-form")
    expect(form).to_be_visible()
    fill_text(form.get_by_label(text["employer"], exact=True), interview.employer)
    fill_text(form.get_by_label(text["role"], exact=True), interview.role)
    form.get_by_label(text["round"], exact=True).select_option(label=text["selection"])
    date = form.get_by_label(text["date"], exact=True)
    date.fill(interview.date)
    date.press("Tab")
    if interview.time:
        fill_text(form.get_by_label(text["time"], exact=True), interview.time)
    if interview.person is not None:
        person = form.locator(".widget-hbox", has=page.locator(".wb-interviewer-name")).first
        person.get_by_placeholder(text["person_name"], exact=True).fill(interview.person.name)
        person.get_by_placeholder(text["person_role"], exact=True).fill(interview.person.role)
        fill_text(person.get_by_placeholder(text["person_email"], exact=True), interview.person.email)
    form.get_by_role("button", name=text["save_interview"]).click()
    expect(page.locator(".wb-step-questions")).to_be_visible()


def go_to_step(page: Page, step: str) -> Locator:
    """Click the step's button in the navigation; returns the exercise once shown."""
    page.locator(f".wb-nav-{step}").click()
    exercise = page.locator(f".wb-exercise.wb-step-{step}")
    expect(exercise).to_be_visible()
    return exercise


def open_overview(page: Page, lang: str = "nl") -> Locator:
    """Open the overview of all interviews; waits until the navigation has caught up."""
    page.get_by_role("button", name=TEXT[lang]["overview"]).click()
    overview = page.locator(".wb-overview")
    expect(overview).to_be_visible()
    # No exercise open: no step is current, there is no next step.
    expect(page.get_by_role("button", name=TEXT[lang]["next"])).to_be_disabled()
    expect(page.locator(".jupyter-button.mod-primary[class*='wb-nav-']")).to_have_count(0)
    return overview


def expect_step_button(page: Page, step: str, lang: str, mark: str) -> None:
    """The navigation button of ``step`` reads e.g. "✓ 1. Slotvragen"."""
    number = STEPS.index(step) + 1
    label = TEXT[lang]["steps"].split("|")[number - 1]
    expect(page.locator(f".wb-nav-{step}")).to_have_text(f"{mark} {number}. {label}")


def expect_saved(exercise: Locator, lang: str) -> None:
    """Wait for the save status (shown once, above the exercise) to say it is stored."""
    expect(exercise.page.locator(".wb-workspace .wb-save-status")).to_contain_text(TEXT[lang]["saved"])


def add_own_question(page: Page, question: str, lang: str = "nl") -> Locator:
    """Type an own question and add it; returns the own-question feedback seen before adding."""
    exercise = page.locator(".wb-step-questions")
    before = exercise.locator(".wb-question").count()
    exercise.locator(".wb-own-question textarea").fill(question)
    exercise.get_by_role("button", name=TEXT[lang]["add_own"]).click()
    expect(exercise.locator(".wb-question")).to_have_count(before + 1)
    expect(exercise.locator(".wb-question-text input").nth(before)).to_have_value(question)
    return exercise.locator(".wb-question").nth(before)


def planned_questions(page: Page) -> Locator:
    return page.locator(".wb-step-questions .wb-question-text input")


def expect_planned(page: Page, questions: list[str]) -> None:
    inputs = planned_questions(page)
    expect(inputs).to_have_count(len(questions))
    for index, question in enumerate(questions):
        expect(inputs.nth(index)).to_have_value(question)


def feedback_line(container: Locator, contains: str) -> Locator:
    """The one feedback message (``.wb-msg``) in ``container`` that contains ``contains``."""
    return container.locator(".wb-msg", has_text=contains)


def download(page: Page, link: Locator, name_prefix: str) -> Path:
    """Click a download link and keep the file in ``test-artifacts/downloads/``."""
    DOWNLOADS.mkdir(parents=True, exist_ok=True)
    with page.expect_download() as info:
        link.click()
    target = DOWNLOADS / f"{name_prefix}-{info.value.suggested_filename}"
    info.value.save_as(target)
    return target


def read_eml(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def page_text_and_values(page: Page) -> str:
    """All the text a person could see: the page text plus what is in every field."""
    return str(
        page.evaluate(
            """() => [document.body.innerText,
                ...Array.from(document.querySelectorAll('input, textarea'), e => e.value),
                ...Array.from(document.querySelectorAll('option'), e => e.textContent),
                ...Array.from(document.querySelectorAll('[title]'), e => e.title)].join('\\n')"""
        )
    )


__all__ = [
    "COACH_TEXT",
    "CODE",
    "COMMENT_TEXT",
    "NAME_LABEL",
    "STEPS",
    "TEXT",
    "InterviewInput",
    "Person",
    "add_interview",
    "add_own_question",
    "candidate_id",
    "choose_language",
    "download",
    "expect_planned",
    "expect_saved",
    "expect_step_button",
    "feedback_line",
    "fill_text",
    "go_to_step",
    "open_overview",
    "page_text_and_values",
    "planned_questions",
    "read_eml",
    "reload_and_sign_in",
    "rows",
    "sign_in",
    "sign_in_coach",
    "sign_up",
]
