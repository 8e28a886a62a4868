"""Closing statement and thanks-and-goodbye exercises."""

from __future__ import annotations

import pytest

from workbook.checks import check_statement
from workbook.model import ClosingStatement, Farewell, Interview
from workbook.store import Store
from workbook.widgets.farewell import ThanksGoodbye
from workbook.widgets.statement import ClosingStatementExercise, compose_statement


def test_compose_statement_orders_the_steps() -> None:
    text = compose_statement(
        "Mag ik nog iets zeggen?", "Ik wil TDD invoeren.", ["Kennismaken", "", "meten", "voorstel"], "nl"
    )
    assert text == "Mag ik nog iets zeggen? Ik wil TDD invoeren. Eerst kennismaken. Daarna meten. Tot slot voorstel."
    assert compose_statement("", "", ["one"], "en") == "First one."


def test_statement_is_composed_checked_and_saved(store: Store, interview: Interview) -> None:
    page = ClosingStatementExercise(store, interview, "nl", autosave_delay=0)
    assert len(page.steps.children) == 3
    page.appeal.value = "Ik kijk ernaar uit om met de engineers test-driven development in te voeren."
    page.steps.children[0].value = "kennismaken met de engineers"  # type: ignore[attr-defined]
    page.steps.children[1].value = "de testdekking meten"  # type: ignore[attr-defined]
    page.compose_button.click()
    assert page.text.value.startswith(page.opener.value)
    assert "Spreektijd" in page.feedback.value
    assert "Geen stappen gevonden" not in page.feedback.value  # the composed steps count as a plan (G18)
    # No warning about the word (its advice, under "waarom?", may well name it).
    assert not any(f.rule == "enthusiasm-word" for f in check_statement(page.text.value, lang="nl"))
    assert "'enthousiast'" not in page.feedback.value.split("<details")[0]
    stored = store.one(ClosingStatement, interview.id)
    assert stored is not None and stored.text == page.text.value
    assert stored.plan_steps == ("kennismaken met de engineers", "de testdekking meten")


@pytest.mark.parametrize(
    ("lang", "word"), [("nl", "Ik ben erg Enthousiast over deze baan"), ("en", "I am so enthusiastic!")]
)
def test_the_word_enthusiastic_is_flagged(store: Store, interview: Interview, lang: str, word: str) -> None:
    page = ClosingStatementExercise(store, interview, lang, autosave_delay=0)
    page.text.value = word
    assert "waarom?" in page.feedback.value or "why?" in page.feedback.value
    assert "wb-warning" in page.feedback.value and "G17" not in page.feedback.value  # a reason, not a code


def test_statement_comes_back_after_a_reload(store: Store, interview: Interview) -> None:
    page = ClosingStatementExercise(store, interview, "nl", autosave_delay=0)
    page.text.value = "Mijn <b>statement</b> 🚀"
    page.add_step("vierde stap")
    again = ClosingStatementExercise(store, interview, "en", autosave_delay=0)
    assert again.text.value == "Mijn <b>statement</b> 🚀"
    assert "<b>statement</b>" not in again.feedback.value


def test_farewell_feedback_and_checklist(store: Store, interview: Interview) -> None:
    page = ThanksGoodbye(store, interview, "nl", autosave_delay=0)
    assert "G1" in page.children[1].value  # let the interviewers decide when to wrap up
    page.phrase.value = "Tot ziens!"
    assert "waarom?" in page.feedback.value and "wb-warning" in page.feedback.value
    page.phrase.value = "Nogmaals bedankt en een prettige dag nog."
    assert "wb-warning" not in page.feedback.value
    first, *_rest = page.checks.values()
    first.value = True
    stored = store.one(Farewell, interview.id)
    assert stored is not None and stored.phrase == "Nogmaals bedankt en een prettige dag nog."
    assert stored.checked == (next(iter(page.checks)),)
    again = ThanksGoodbye(store, interview, "en", autosave_delay=0)
    assert next(iter(again.checks.values())).value is True
    assert again.phrase.value == stored.phrase


def test_farewell_english_presumptuous(store: Store, interview: Interview) -> None:
    page = ThanksGoodbye(store, interview, "en", autosave_delay=0)
    page.phrase.value = "See you next time!"
    assert "why?" in page.feedback.value
