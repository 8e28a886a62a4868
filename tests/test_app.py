"""The first dashboard without a browser: sign up, add an interview, come back."""

from __future__ import annotations

import datetime as dt

from workbook.app import CandidateHome, Dashboard, SignIn, interview_table
from workbook.store import Database


def test_sign_up_then_add_an_interview_then_sign_in_again(db: Database) -> None:
    page = Dashboard(db)
    code = page.sign_up("Sanne <i>de Vries</i>")
    assert code is not None
    greeting = page.body.children[0].value  # type: ignore[attr-defined]
    assert code in greeting and "&lt;i&gt;de Vries&lt;/i&gt;" in greeting
    home = page.body.children[1]
    assert isinstance(home, CandidateHome)
    assert "Nog geen gesprekken" in home.listing.value
    form = home.form
    form.employer.value, form.role.value = "Gemeente Utrecht", "Beleidsadviseur"
    form.date.value = dt.date(2027, 5, 14)
    form.save_button.click()
    assert "Gemeente Utrecht" in home.listing.value
    assert form.employer.value == ""  # ready for the next one

    again = Dashboard(db)  # a page reload: a fresh kernel, state from the store
    assert again.sign_in(code.lower()) is not None
    assert "Gemeente Utrecht" in again.body.children[1].listing.value  # type: ignore[attr-defined]


def test_unknown_code_is_explained(db: Database) -> None:
    page = Dashboard(db)
    assert page.sign_in("AAAA-BBBB-CCCC") is None
    signin = page.body.children[0]
    assert isinstance(signin, SignIn)
    assert "kennen we niet" in signin.feedback.value


def test_empty_name_is_refused(db: Database) -> None:
    page = Dashboard(db)
    assert page.sign_up("   ") is None
    assert "Naam is verplicht." in page.body.children[0].feedback.value  # type: ignore[attr-defined]


def test_language_switch(db: Database) -> None:
    page = Dashboard(db)
    page.language.value = "en"
    assert "closing the job interview" in page.title.value
    page.sign_up("Sam")
    assert "Your interviews" in page.body.children[1].children[0].value  # type: ignore[attr-defined]


def test_interview_table_escapes_everything(db: Database, interview) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    html = interview_table([replace(interview, employer="<img src=x onerror=alert(1)>")], "en")
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Selection interview" in html and "14-05-2027 14:30" in html
