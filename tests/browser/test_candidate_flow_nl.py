"""A Dutch candidate's whole story in one go, as they would live it in the browser.

Sign up, add the interview, plan closing questions, draft the statement, reload the
page and come back with the code, score the reflection, draft the thank-you email and
download it. Only the final checks read the SQLite file (standard library), to see
that what the page showed is what was stored.
"""

from __future__ import annotations

import json
import re

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from workbook import guidance

from .conftest import Server, open_dashboard, shot
from .workbook_ui import (
    TEXT,
    InterviewInput,
    Person,
    add_interview,
    add_own_question,
    candidate_id,
    download,
    expect_planned,
    expect_saved,
    expect_step_button,
    feedback_line,
    go_to_step,
    read_eml,
    reload_and_sign_in,
    rows,
    sign_up,
)

pytestmark = pytest.mark.browser

NAME = "Sanne de Vries-Test"
# Odd characters and HTML: must come back as typed, shown as text.
EMPLOYER = "Gemeente <b>Utrecht</b> & Co"
INTERVIEW = InterviewInput(
    employer=EMPLOYER,
    role="Beleidsadviseur",
    # A Friday; Monday 17 May 2027 is Whit Monday, so the next working day is Tuesday.
    date="2027-05-14",
    person=Person("Fatima El Amrani", "Teamleider", "f.elamrani@example.nl"),
)
CATALOGUE_QUESTION = "Wat is de volgende stap in de procedure?"
SALARY_QUESTION = "Hoeveel ga ik hier verdienen?"
OWN_QUESTION = "Met wie zou ik het meest samenwerken?"
STATEMENT = "Mag ik tot slot nog iets zeggen? Ik ben heel enthousiast over het project met de wijkteams."
NL = TEXT["nl"]


def test_candidate_closes_an_interview_from_plan_to_thank_you_email(page: Page, server: Server) -> None:
    open_dashboard(page, server)
    expect(page.get_by_role("heading", name="Werkboek: het sollicitatiegesprek afsluiten")).to_be_visible()
    expect(page.get_by_role("heading", name="Nieuw hier?")).to_be_visible()
    shot(page, "nl-01-sign-in")

    # -- sign up: no interviews yet, so the interview form comes first
    code = sign_up(page, NAME)
    expect(page.locator(".wb-body")).to_contain_text("Voeg eerst een gesprek toe")
    expect(page.get_by_role("heading", name="Gesprek toevoegen")).to_be_visible()
    shot(page, "nl-02-signed-up-interview-form")

    add_interview(page, INTERVIEW)
    questions = page.locator(".wb-exercise.wb-step-questions")
    expect(questions.get_by_role("heading", name="Slotvragen", level=2)).to_be_visible()
    expect(page.locator(".wb-nav-questions")).to_have_class(re.compile(r"\bmod-primary\b"))
    # The picker shows the interview, the HTML in the employer as text.
    picker = page.locator(".wb-interview-picker select")
    expect(picker.locator("option:checked")).to_have_text(f"14-05-2027 · {EMPLOYER} · Beleidsadviseur")
    expect(page.locator(".wb-app b", has_text="Utrecht")).to_have_count(0)
    shot(page, "nl-03-step1-questions")

    # -- plan: a catalogue question for the next step in the procedure
    questions.get_by_label(NL["purpose"], exact=True).select_option(label="De volgende stap in de procedure")
    entry = questions.locator(".wb-catalogue .widget-hbox", has_text=CATALOGUE_QUESTION)
    entry.get_by_role("button", name=NL["add_to_plan"]).click()
    expect_planned(page, [CATALOGUE_QUESTION])
    expect(entry.get_by_role("button", name=NL["in_plan"])).to_be_disabled()

    # An own question about salary: warned before it is added (G15) ...
    questions.locator(".wb-own-question textarea").fill(SALARY_QUESTION)
    warning = feedback_line(questions, NL["salary"]).first
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("waarom?")
    expect(warning).to_have_class(re.compile(r"\bwb-warning\b"))
    shot(page, "nl-04-salary-warning-live")
    questions.get_by_role("button", name=NL["add_own"]).click()
    expect_planned(page, [CATALOGUE_QUESTION, SALARY_QUESTION])
    # ... and the warning stays next to that question in the plan.
    salary_row = questions.locator(".wb-question").nth(1)
    expect(feedback_line(salary_row.locator(".wb-question-feedback"), NL["salary"])).to_contain_text("waarom?")
    expect(feedback_line(questions.locator(".wb-question").nth(0), NL["salary"])).to_have_count(0)
    expect(questions.locator(".wb-own-question textarea")).to_have_value("")

    third = add_own_question(page, OWN_QUESTION)
    expect(feedback_line(third.locator(".wb-question-feedback"), NL["salary"])).to_have_count(0)
    expect_planned(page, [CATALOGUE_QUESTION, SALARY_QUESTION, OWN_QUESTION])
    cue_card = questions.locator("a.wb-download", has_text=NL["cue_card"])
    expect(cue_card).to_be_visible()
    expect(cue_card).to_have_attribute("download", re.compile(r"^spiekbriefje-.*\.html$"))
    expect(questions.locator(".wb-plan-feedback")).not_to_be_empty()
    expect_step_button(page, "questions", "nl", "✓")
    shot(page, "nl-05-plan-of-three")
    # The cue card: the plan in order, the employer as text.
    card = download(page, cue_card, "nl").read_text(encoding="utf-8")
    assert re.findall(r"<li>(.*?)</li>", card) == [CATALOGUE_QUESTION, SALARY_QUESTION, OWN_QUESTION]
    assert "Gemeente &lt;b&gt;Utrecht&lt;/b&gt; &amp; Co" in card
    assert "<b>Utrecht" not in card

    # -- step 2: the statement, with the warning about the word "enthousiast" (G17)
    statement = go_to_step(page, "statement")
    text = statement.locator(".wb-statement-text textarea")
    text.fill(STATEMENT)
    enthusiasm = feedback_line(statement.locator(".wb-statement-feedback"), NL["enthusiasm"])
    expect(enthusiasm).to_contain_text("waarom?")
    expect(enthusiasm).to_have_class(re.compile(r"\bwb-warning\b"))
    expect_saved(statement, "nl")
    expect_step_button(page, "statement", "nl", "✓")
    shot(page, "nl-06-step2-statement")

    # -- a reload is a fresh kernel: the code brings back the same interview and step
    reload_and_sign_in(page, code, NAME, "nl")
    statement = page.locator(".wb-exercise.wb-step-statement")
    expect(statement).to_be_visible()
    expect(statement.locator(".wb-statement-text textarea")).to_have_value(STATEMENT)
    expect(feedback_line(statement.locator(".wb-statement-feedback"), NL["enthusiasm"])).to_be_visible()
    expect(page.locator(".wb-interview-picker select option:checked")).to_contain_text(EMPLOYER)
    shot(page, "nl-07-after-reload-back-on-step2")

    go_to_step(page, "questions")
    expect_planned(page, [CATALOGUE_QUESTION, SALARY_QUESTION, OWN_QUESTION])
    shot(page, "nl-08-questions-after-reload")

    # -- reflection: score the first two rubric items
    reflection = go_to_step(page, "reflection")
    rubric = guidance.rubric()
    items = reflection.locator(".wb-rubric-item")
    expect(items).to_have_count(len(rubric))
    for index, score in enumerate((4, 2)):
        item = items.nth(index)
        expect(item).to_contain_text(rubric[index].label.get("nl"))
        button = item.locator(".wb-score").get_by_role("button", name=str(score), exact=True)
        button.click()
        expect(button).to_have_class(re.compile(r"\bmod-active\b"))
        expect(item.locator(".wb-anchor")).to_have_text(f"ℹ {score}: {rubric[index].anchors[score - 1].get('nl')}")
    summary = reflection.locator(".wb-score-summary")
    expect(summary).to_contain_text(f"Totaal 6 punten over 2 van {len(rubric)} onderdelen; gemiddeld 3,0.")
    expect_saved(reflection, "nl")
    expect_step_button(page, "reflection", "nl", "◐")
    shot(page, "nl-09-reflection-scored")

    # -- thank-you email: sent on the next working day, downloadable as .eml
    mail = go_to_step(page, "email")
    expect(mail.locator(".wb-email-recommended")).to_contain_text("Aanbevolen verzenddatum: dinsdag 18 mei 2027")
    expect(mail.locator(".wb-email-send-on input[type=date]")).to_have_value("2027-05-18")
    expect(mail.get_by_label("Aan", exact=True)).to_have_value(INTERVIEW.person.email)
    shot(page, "nl-10-email-before-draft")
    mail.get_by_role("button", name=NL["draft"]).click()
    body = mail.locator(".wb-email-body textarea")
    expect(body).to_have_value(re.compile(r"^Beste Fatima El Amrani,"))
    expect(body).to_have_value(re.compile(re.escape(EMPLOYER)))
    link = mail.locator("a.wb-download", has_text=NL["eml"])
    expect(link).to_be_visible()
    expect_saved(mail, "nl")
    expect_step_button(page, "email", "nl", "◐")
    shot(page, "nl-11-email-drafted")

    eml = download(page, link, "nl")
    assert eml.suffix == ".eml", eml
    message = read_eml(eml)
    assert message["To"] == INTERVIEW.person.email
    assert message["X-Unsent"] == "1"
    content = message.get_content()
    assert EMPLOYER in content, content
    assert content.startswith("Beste Fatima El Amrani,"), content

    # -- all of their data: a workbook to read, and the tables as stored
    page.get_by_role("button", name="Al mijn gegevens (Excel)").click()
    excel_link = page.locator(".wb-workspace > * a.wb-download", has_text="mijn-werkboek")
    expect(excel_link).to_be_visible()
    shot(page, "nl-12-own-data-link")
    readable = openpyxl.load_workbook(download(page, excel_link, "nl"), read_only=True)
    assert readable.sheetnames[:3] == ["Over dit bestand", "Gesprekken", "Slotvragen"]
    assert code in [c for row in readable["Over dit bestand"].iter_rows(values_only=True) for c in row]
    assert EMPLOYER in [c for row in readable["Gesprekken"].iter_rows(values_only=True) for c in row]
    page.get_by_role("button", name="Als tabellen (voor analyse)").click()
    excel_link = page.locator(".wb-workspace > * a.wb-download", has_text="mijn-gegevens-tabellen")
    expect(excel_link).to_be_visible()
    workbook_file = download(page, excel_link, "nl")
    sheets = openpyxl.load_workbook(workbook_file, read_only=True)
    assert {"candidates", "interviews", "questions", "statements", "emails"} <= set(sheets.sheetnames)
    cells = {
        sheet: [str(cell) for row in sheets[sheet].iter_rows(values_only=True) for cell in row if cell is not None]
        for sheet in ("candidates", "interviews", "questions")
    }
    # Only their own rows (a header and one row), and never their sign-in code.
    assert len(list(sheets["candidates"].iter_rows(values_only=True))) == 2
    assert len(list(sheets["interviews"].iter_rows(values_only=True))) == 2
    assert NAME in cells["candidates"] and code not in " ".join(cells["candidates"])
    assert EMPLOYER in cells["interviews"]
    assert {CATALOGUE_QUESTION, SALARY_QUESTION, OWN_QUESTION} <= set(cells["questions"])

    # -- the store has what the page showed
    db = server.db_path
    me = candidate_id(db, NAME)
    stored_questions = rows(db, "SELECT text, source FROM questions WHERE candidate_id = ? ORDER BY position", me)
    assert stored_questions == [
        (CATALOGUE_QUESTION, "catalogue"),
        (SALARY_QUESTION, "own"),
        (OWN_QUESTION, "own"),
    ]
    interviews = rows(db, "SELECT employer, role, round, date FROM interviews WHERE candidate_id = ?", me)
    assert interviews == [(EMPLOYER, "Beleidsadviseur", "selection", "2027-05-14")]
    assert rows(db, "SELECT text FROM statements WHERE candidate_id = ?", me) == [(STATEMENT,)]
    scores = rows(
        db,
        "SELECT s.item, s.score FROM reflection_scores s JOIN reflections r ON r.id = s.reflection_id "
        "WHERE r.candidate_id = ? AND r.scorer = 'self' ORDER BY s.score DESC",
        me,
    )
    assert scores == [(rubric[0].key, 4), (rubric[1].key, 2)]
    emails = rows(db, "SELECT send_on, recipients, body FROM emails WHERE candidate_id = ?", me)
    assert len(emails) == 1, emails
    send_on, recipients, stored_body = emails[0]
    assert send_on == "2027-05-18"
    assert json.loads(str(recipients)) == [INTERVIEW.person.email]
    assert EMPLOYER in str(stored_body)
