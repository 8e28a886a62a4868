"""The same story in English, shorter where it repeats the Dutch one.

The candidate switches to English on the sign-in page; that choice is theirs from then
on, also after a reload (where the sign-in page itself is Dutch again).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import Server, open_dashboard, shot
from .workbook_ui import (
    TEXT,
    InterviewInput,
    Person,
    add_interview,
    candidate_id,
    choose_language,
    download,
    expect_planned,
    expect_saved,
    feedback_line,
    go_to_step,
    read_eml,
    reload_and_sign_in,
    rows,
    sign_up,
)

pytestmark = pytest.mark.browser

NAME = "Sam Jones-Test"
EMPLOYER = "Acme & Sons <Ltd>"
INTERVIEW = InterviewInput(
    employer=EMPLOYER,
    role="Policy adviser",
    date="2027-05-14",  # a Friday before Whit Monday
    person=Person("Alex Smith", "Team lead", "alex.smith@example.com"),
)
SALARY_QUESTION = "How much will I earn here?"
STATEMENT = "May I say one more thing? I am very enthusiastic about the project with the district teams."
EN = TEXT["en"]


def test_english_candidate_story(page: Page, server: Server) -> None:
    open_dashboard(page, server)
    choose_language(page, "English")
    expect(page.get_by_role("heading", name="Workbook: closing the job interview")).to_be_visible()
    expect(page.get_by_role("heading", name="New here?")).to_be_visible()
    shot(page, "en-01-sign-in")

    code = sign_up(page, NAME, "en")
    expect(page.locator(".wb-body")).to_contain_text("First add an interview")
    shot(page, "en-02-interview-form")
    add_interview(page, INTERVIEW, "en")

    questions = page.locator(".wb-exercise.wb-step-questions")
    expect(questions.get_by_role("heading", name="Closing questions", level=2)).to_be_visible()
    questions.locator(".wb-own-question textarea").fill(SALARY_QUESTION)
    warning = feedback_line(questions, EN["salary"]).first
    expect(warning).to_contain_text("why?")
    questions.get_by_role("button", name=EN["add_own"]).click()
    expect_planned(page, [SALARY_QUESTION])
    expect(feedback_line(questions.locator(".wb-question").first, EN["salary"])).to_contain_text("why?")
    expect(questions.locator("a.wb-download", has_text=EN["cue_card"])).to_be_visible()
    shot(page, "en-03-salary-warning-in-plan")

    statement = go_to_step(page, "statement")
    statement.locator(".wb-statement-text textarea").fill(STATEMENT)
    expect(feedback_line(statement.locator(".wb-statement-feedback"), EN["enthusiasm"])).to_contain_text("why?")
    expect_saved(statement, "en")
    shot(page, "en-04-statement-warning")

    reload_and_sign_in(page, code, NAME, "en")
    statement = page.locator(".wb-exercise.wb-step-statement")
    expect(statement.locator(".wb-statement-text textarea")).to_have_value(STATEMENT)
    expect(page.locator(".wb-language button.mod-active")).to_have_text("English")
    expect(statement.get_by_role("heading", name="Closing statement", level=2)).to_be_visible()
    shot(page, "en-05-after-reload")
    go_to_step(page, "questions")
    expect_planned(page, [SALARY_QUESTION])

    mail = go_to_step(page, "email")
    expect(mail.locator(".wb-email-recommended")).to_contain_text("Recommended send date: Tuesday 18 May 2027")
    expect(mail.locator(".wb-email-send-on input[type=date]")).to_have_value("2027-05-18")
    mail.get_by_role("button", name=EN["draft"]).click()
    expect(mail.locator(".wb-email-body textarea")).to_have_value(re.compile(re.escape(EMPLOYER)))
    expect_saved(mail, "en")
    shot(page, "en-06-email-drafted")
    message = read_eml(download(page, mail.locator("a.wb-download", has_text=EN["eml"]), "en"))
    assert message["To"] == INTERVIEW.person.email
    assert EMPLOYER in message.get_content()

    me = candidate_id(server.db_path, NAME)
    assert rows(server.db_path, "SELECT language FROM candidates WHERE id = ?", me) == [("en",)]
    assert rows(server.db_path, "SELECT text FROM statements WHERE candidate_id = ?", me) == [(STATEMENT,)]
    assert rows(server.db_path, "SELECT send_on FROM emails WHERE candidate_id = ?", me) == [("2027-05-18",)]
