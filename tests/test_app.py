"""The dashboard without a browser: sign in, walk the steps, reload, switch language."""

from __future__ import annotations

import base64
import datetime as dt
import io
import re

import openpyxl
import pytest

from workbook.app import Dashboard
from workbook.model import Candidate, ClosingStatement, PlannedQuestion
from workbook.store import Database
from workbook.widgets.coach import CoachHome
from workbook.widgets.interview import InterviewForm
from workbook.widgets.overview import Overview
from workbook.widgets.questions import ClosingQuestions
from workbook.widgets.signin import SignIn
from workbook.widgets.statement import ClosingStatementExercise
from workbook.widgets.workspace import CandidateWorkspace


def _add_interview(page: Dashboard, employer: str = "Gemeente Utrecht") -> None:
    assert page.workspace is not None
    form = page.workspace.body.children[-1]
    assert isinstance(form, InterviewForm)
    form.employer.value, form.role.value = employer, "Beleidsadviseur"
    form.date.value = dt.date(2027, 5, 14)
    form.save_button.click()


def _workspace_with_an_interview(db: Database) -> CandidateWorkspace:
    """A new candidate's workspace, signed up as "Sam", with one interview added."""
    page = Dashboard(db.accounts, autosave_delay=0)
    page.sign_up("Sam")
    _add_interview(page)
    assert page.workspace is not None
    return page.workspace


def test_sign_up_add_interview_and_come_back_to_the_same_step(db: Database) -> None:
    page = Dashboard(db.accounts, autosave_delay=0)
    code = page.sign_up("Sanne <i>de Vries</i>")
    assert code is not None
    assert code in page.greeting.value and "&lt;i&gt;de Vries&lt;/i&gt;" in page.greeting.value
    workspace = page.workspace
    assert isinstance(workspace, CandidateWorkspace)
    assert isinstance(workspace.body.children[-1], InterviewForm)  # no interviews yet: the form first
    _add_interview(page)
    assert isinstance(workspace.exercise, ClosingQuestions)  # a new interview starts at step 1
    workspace.exercise.own.value = "Wat is de volgende stap?"
    workspace.exercise.add_own()
    statement = workspace.go("statement")
    assert isinstance(statement, ClosingStatementExercise)
    statement.text.value = "Halverwege getypt"  # saved within the debounce, flushed on leave

    again = Dashboard(db.accounts, autosave_delay=0)  # a page reload: a fresh kernel, everything from the store
    assert again.sign_in(code.lower()) is not None
    assert again.workspace is not None
    assert isinstance(again.workspace.exercise, ClosingStatementExercise)
    assert again.workspace.exercise.text.value == "Halverwege getypt"
    assert again.workspace.picker.label.endswith("Gemeente Utrecht · Beleidsadviseur")


def test_progress_marks_follow_the_work(db: Database) -> None:
    workspace = _workspace_with_an_interview(db)
    assert workspace.step_buttons["questions"].description.startswith("○ 1.")
    store = workspace.store
    interview = workspace.interview
    assert interview is not None
    store.save(PlannedQuestion(interview_id=interview.id, text="Wat is de volgende stap?"))
    workspace.refresh_progress()
    assert workspace.step_buttons["questions"].description.startswith("◐ 1.")
    store.save(PlannedQuestion(interview_id=interview.id, text="Wanneer hoor ik iets?"))
    store.save(ClosingStatement(interview_id=interview.id, text="Mag ik nog iets zeggen?"))
    workspace.refresh_progress()
    assert workspace.step_buttons["questions"].description.startswith("✓ 1.")
    assert workspace.step_buttons["statement"].description.startswith("✓ 2.")


def test_next_and_previous_walk_the_steps_in_order(db: Database) -> None:
    workspace = _workspace_with_an_interview(db)
    assert workspace.previous_button.disabled
    seen = [workspace.step]
    while not workspace.next_button.disabled:
        workspace.next_button.click()
        seen.append(workspace.step)
    assert seen == ["questions", "statement", "farewell", "notes", "reflection", "email", "promises"]
    workspace.previous_button.click()
    assert workspace.step == "email"


def test_language_switch_keeps_the_input(db: Database) -> None:
    page = Dashboard(db.accounts, autosave_delay=0)
    page.sign_up("Sam")
    _add_interview(page)
    assert page.workspace is not None
    statement = page.workspace.go("statement")
    assert isinstance(statement, ClosingStatementExercise)
    statement.text.value = "Nog niet opgeslagen tekst"
    page.language.value = "en"
    assert "closing the job interview" in page.title.value
    assert isinstance(page.workspace.exercise, ClosingStatementExercise)
    assert page.workspace.exercise.text.value == "Nog niet opgeslagen tekst"
    assert page.workspace.exercise.lang == "en"
    assert page.store is not None and page.store.candidate().language == "en"  # remembered


def test_overview_and_own_data(db: Database) -> None:
    workspace = _workspace_with_an_interview(db)
    overview = workspace.show_overview()
    assert isinstance(overview, Overview)
    assert "Gemeente Utrecht" in overview.table.value and "Nog geen scores" in overview.chart_note.value
    filename = workspace.prepare_own_data()
    assert filename == "mijn-werkboek-sam.xlsx" and "base64," in workspace.own_data_link.value
    book = openpyxl.load_workbook(io.BytesIO(_payload(workspace.own_data_link.value)))
    # For people: no roster, no table names; first whose file it is, with the way back in.
    assert book.sheetnames[:3] == ["Over dit bestand", "Gesprekken", "Slotvragen"]
    about = [row for row in book["Over dit bestand"].iter_rows(values_only=True)]
    assert ("Naam", "Sam") in about and workspace.code in [value for _, value in about]
    assert [c.value for c in book["Gesprekken"][2]][1] == "Gemeente Utrecht"
    assert workspace.prepare_own_report() == "mijn-verslag-sam.html"
    assert "Verslag van Sam" in _payload(workspace.own_data_link.value).decode("utf-8")
    assert workspace.prepare_own_raw() == "mijn-gegevens-tabellen-sam.xlsx"
    raw = openpyxl.load_workbook(io.BytesIO(_payload(workspace.own_data_link.value)))
    assert {"candidates", "interviews"} <= set(raw.sheetnames)


def _payload(link: str) -> bytes:
    return base64.b64decode(re.search(r"base64,([^\"]+)", link).group(1))  # type: ignore[union-attr]


def test_unknown_code_and_empty_name_are_explained(db: Database) -> None:
    page = Dashboard(db.accounts, autosave_delay=0)
    assert page.sign_in("AAAA-BBBB-CCCC") is None
    signin = page.body.children[0]
    assert isinstance(signin, SignIn)
    assert "kennen we niet" in signin.feedback.value
    assert page.sign_up("   ") is None
    assert "Naam is verplicht." in signin.feedback.value


def test_coach_passcode(db: Database) -> None:
    page = Dashboard(db.accounts, autosave_delay=0)
    assert not page.sign_in_coach("whatever1")
    assert "workbook coach-passcode" in page._signin().feedback.value
    db.accounts.set_coach_passcode("correct horse")
    assert not page.sign_in_coach("wrong horse")
    assert "klopt niet" in page._signin().feedback.value
    assert page.sign_in_coach("correct horse")
    assert isinstance(page.body.children[0], CoachHome)
    page.sign_out()
    assert isinstance(page.body.children[0], SignIn) and "afgemeld" in page.notice.value


def test_hub_user_signs_in_without_a_code(db: Database) -> None:
    page = Dashboard(db.accounts, hub_user="sanne", autosave_delay=0)
    assert page.candidate is not None and page.candidate.name == "sanne"
    assert "aangemeld als sanne" in page.greeting.value
    again = Dashboard(db.accounts, hub_user="sanne", autosave_delay=0)
    assert again.candidate is not None and again.candidate.id == page.candidate.id
    assert again.sign_out_button.layout.display == "none"


def test_a_failing_callback_shows_a_friendly_message(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from workbook import app

    page = Dashboard(db.accounts, autosave_delay=0)

    class Shell:
        showtraceback = None

    shell = Shell()
    monkeypatch.setattr("IPython.get_ipython", lambda: shell)
    app._install_error_guard(page)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        shell.showtraceback()  # what ipywidgets calls when a handler raises
    assert "Er ging iets mis" in page.notice.value and "boom" not in page.notice.value


def test_candidate_language_is_used_after_sign_in(db: Database) -> None:
    person = Candidate(name="Sam", language="en")
    code = db.accounts.create_candidate(person)
    page = Dashboard(db.accounts, autosave_delay=0)
    page.sign_in(code)
    assert page.lang == "en" and page.language.value == "en"


def test_delete_all_my_data_needs_the_word(db: Database) -> None:
    page = Dashboard(db.accounts, autosave_delay=0)
    code = page.sign_up("Weg")
    _add_interview(page)
    workspace = page.workspace
    assert workspace is not None and code is not None
    workspace.delete_confirm.value = "ja"
    workspace.delete_button.click()
    assert "Typ eerst VERWIJDER" in workspace.delete_feedback.value
    assert len(db.for_coach().table("interviews")) == 1
    workspace.delete_confirm.value = "verwijder"
    workspace.delete_button.click()
    assert db.for_coach().table("candidates").empty and db.for_coach().table("interviews").empty
    assert "verwijderd" in page.notice.value and isinstance(page.body.children[0], SignIn)
    assert page.sign_in(code) is None  # the code is gone too


def test_sign_in_attempts_are_limited_across_pages(db: Database) -> None:
    from workbook.store import COACH_ATTEMPTS_PER_MINUTE

    db.accounts.set_coach_passcode("the right passcode")
    for _ in range(COACH_ATTEMPTS_PER_MINUTE):
        assert not Dashboard(db.accounts, autosave_delay=0).sign_in_coach("wrong guess")  # a new page each time
    page = Dashboard(db.accounts, autosave_delay=0)
    assert not page.sign_in_coach("the right passcode")  # even the right one waits now
    assert "Wacht een minuut" in page._signin().feedback.value
    person = Candidate(name="Sam")
    code = db.accounts.create_candidate(person)
    assert Dashboard(db.accounts, autosave_delay=0).sign_in(code) is not None  # codes have their own limit


def test_the_first_screen_loads_no_pandas(db_url: str) -> None:
    # Every page load starts a kernel and most only ever show the sign-in screen; the
    # database is already migrated by `workbook serve`, as here by Database.open.
    import subprocess
    import sys

    Database.open(db_url).close()
    code = (
        "import sys, workbook.app\n"
        "from workbook.store import Database\n"
        f"workbook.app.Dashboard(Database.open({db_url!r}).accounts)\n"
        "print(sorted(m for m in ('pandas', 'numpy', 'matplotlib', 'openpyxl', 'alembic') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_candidates_join_a_workshop_when_signing_up_or_later(db: Database) -> None:
    from workbook.model import Workshop

    coach = db.accounts.set_coach_passcode("coach passcode", name="Ans")
    group = Workshop(coach_id=coach, name="Najaar")
    code = db.for_coach(group.coach_id).create_workshop(group)
    page = Dashboard(db.accounts, autosave_delay=0)
    signin = page._signin()
    signin.workshop_code.value = "WRNG-WRNG-WRNG"
    assert page.sign_up("Sam") is None
    assert "workshopcode kennen we niet" in signin.feedback.value
    assert db.for_coach().table("candidates").empty  # no stray account from a typo
    signin.workshop_code.value = code.lower()
    assert page.sign_up("Sam") is not None
    assert list(db.for_coach(coach).table("candidates")["name"]) == ["Sam"]

    later = Dashboard(db.accounts, autosave_delay=0)
    later.sign_up("Kim")
    _add_interview(later)
    workspace = later.workspace
    assert workspace is not None
    workspace.join_code.value = "nonsense"
    workspace.join_button.click()
    assert "kennen we niet" in workspace.join_feedback.value
    workspace.join_code.value = code
    workspace.join_button.click()
    assert "Je doet mee aan workshop Najaar" in workspace.join_feedback.value
    assert sorted(db.for_coach(coach).table("candidates")["name"]) == ["Kim", "Sam"]


def test_the_code_stays_in_sight_after_sign_in(db: Database) -> None:
    page = Dashboard(db.accounts, autosave_delay=0)
    code = page.sign_up("Sam")
    assert code is not None and code in page.code_line.value and "Kopieer" in page.code_line.value
    page.set_language("en")
    assert code in page.code_line.value and "Copy" in page.code_line.value
    again = Dashboard(db.accounts, autosave_delay=0)  # a reload: the code typed is shown again
    again.sign_in(code.lower().replace("-", " "))
    assert code in again.code_line.value  # in its readable form
    again.sign_out()
    assert again.code_line.value == ""
    hub = Dashboard(db.accounts, hub_user="sanne", autosave_delay=0)
    assert hub.code_line.value == ""  # signed in by JupyterHub: there is no code
