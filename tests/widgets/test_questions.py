"""Closing questions: catalogue, own questions, live feedback, order, cue card."""

from __future__ import annotations

import base64
import html
import re

import pytest

from workbook import guidance
from workbook.model import Interview, PlannedQuestion
from workbook.store import Store
from workbook.widgets.questions import ClosingQuestions, cue_card_html


def _page(store: Store, interview: Interview, lang: str = "nl") -> ClosingQuestions:
    return ClosingQuestions(store, interview, lang, autosave_delay=0)


def _catalogue_buttons(page: ClosingQuestions) -> list:  # type: ignore[type-arg]
    return [row.children[1] for row in page.catalogue_list.children]


def test_catalogue_by_purpose_with_when_to_use(store: Store, interview: Interview) -> None:
    page = _page(store, interview)
    assert page.purpose.value == guidance.purposes()[0].key
    page.purpose.value = "people"
    assert "Let op" in page.purpose_help.value  # G12's caution is shown
    first = guidance.catalogue("people")[0]
    html = page.catalogue_list.children[0].children[0].value
    assert first.text.get("nl") in html.replace("&#x27;", "'") and "Wanneer" in html and "G12" in html


def test_pick_from_catalogue(store: Store, interview: Interview) -> None:
    page = _page(store, interview)
    page.purpose.value = "next-step"
    _catalogue_buttons(page)[0].click()
    [stored] = store.records(PlannedQuestion, interview.id)
    assert stored.source == "catalogue" and stored.catalogue_key == guidance.catalogue("next-step")[0].key
    button = _catalogue_buttons(page)[0]
    assert button.disabled and button.description == "Staat in je plan"


def test_own_question_gets_live_feedback(store: Store, interview: Interview) -> None:
    page = _page(store, interview)
    page.own.value = "Hoeveel ga ik verdienen?"
    assert "arbeidsvoorwaardengesprek" in page.own_feedback.value
    # The reason behind it opens under "waarom?", in words; the code G15 is for coaches.
    assert "waarom?" in page.own_feedback.value and "G15" not in page.own_feedback.value
    verdict_reason = html.escape(guidance.why("G14", "nl"), quote=True)
    page.own.value = "Hoe vond u dat ik het deed"
    assert verdict_reason in page.own_feedback.value
    page.add_own_button.click()
    assert page.own.value == ""
    assert page.planned() == ["Hoe vond u dat ik het deed"]
    # The warning stays next to the question in the plan.
    assert verdict_reason in page.rows.children[0].feedback.value  # type: ignore[attr-defined]


def test_the_round_drives_the_salary_rule(store: Store, interview: Interview) -> None:
    import dataclasses

    terms = store.save(dataclasses.replace(interview, round="terms"))
    page = _page(store, terms)
    page.own.value = "Hoeveel ga ik verdienen?"
    assert "G15" not in page.own_feedback.value


def test_plan_feedback_order_and_remove(store: Store, interview: Interview) -> None:
    page = _page(store, interview)
    assert "nog geen slotvragen" in page.plan_feedback.value.lower()
    for text in ("Wanneer hoor ik van u?", "Wat zou mijn eerste project zijn?", "Wanneer hoor ik van u?"):
        page.own.value = text
        page.add_own()
    assert "Vraag 3 staat er al eerder in (vraag 1)" in page.plan_feedback.value
    _first, second, third = page.rows.children
    second.up_button.click()  # type: ignore[attr-defined]
    assert page.planned()[0] == "Wat zou mijn eerste project zijn?"
    stored = store.records(PlannedQuestion, interview.id)
    assert stored[0].text == "Wat zou mijn eerste project zijn?"
    third.remove_button.click()  # type: ignore[attr-defined]
    assert len(store.records(PlannedQuestion, interview.id)) == 2
    reopened = _page(store, interview)
    assert reopened.planned() == ["Wat zou mijn eerste project zijn?", "Wanneer hoor ik van u?"]


def test_editing_a_question_saves_it(store: Store, interview: Interview) -> None:
    page = _page(store, interview, "en")
    page.purpose.value = "ready"
    _catalogue_buttons(page)[0].click()
    row = page.rows.children[0]
    row.text.value = "What would my first assignment be, and with whom?"  # type: ignore[attr-defined]
    [stored] = store.records(PlannedQuestion, interview.id)
    assert stored.text == "What would my first assignment be, and with whom?" and stored.source == "own"


def test_empty_own_question_is_refused(store: Store, interview: Interview) -> None:
    page = _page(store, interview, "en")
    page.own.value = "   "
    page.add_own()
    assert "Text is required." in page.own_feedback.value
    assert store.records(PlannedQuestion, interview.id) == []


@pytest.mark.parametrize("text", ["<script>alert(1)</script>?", "x" * 900, "Wat is de volgende stap? 🙂"])
def test_hostile_questions_are_shown_as_text(store: Store, interview: Interview, text: str) -> None:
    page = _page(store, interview)
    page.own.value = text
    page.add_own()
    assert page.planned() == [text]
    assert "<script>" not in page.plan_feedback.value and "<script>" not in page.own_feedback.value


def test_cue_card(store: Store, interview: Interview) -> None:
    page = _page(store, interview)
    page.own.value = "Wat is de <volgende> stap?"
    page.add_own()
    link = page.cue_card.value
    assert 'download="spiekbriefje-gemeente-utrecht.html"' in link
    payload = base64.b64decode(re.search(r"base64,([^\"]+)", link).group(1)).decode()  # type: ignore[union-attr]
    assert "Wat is de &lt;volgende&gt; stap?" in payload and "Gemeente Utrecht" in payload
    html = cue_card_html(["Q1"], interview, "en")
    assert "Cue card" in html and "<ol><li>Q1</li></ol>" in html


def test_adding_and_removing_does_not_leak_widgets(store: Store, interview: Interview) -> None:
    from ipywidgets.widgets.widget import _instances

    page = _page(store, interview)
    page.purpose.value = "next-step"

    def cycle() -> None:
        _catalogue_buttons(page)[0].click()
        page.rows.children[-1].remove_button.click()  # type: ignore[attr-defined]

    cycle()
    before = len(_instances)
    for _ in range(10):
        cycle()
    assert len(_instances) - before <= 5  # replaced widgets are closed, not piled up


def test_closing_the_exercise_closes_its_spare_rows(store: Store, interview: Interview) -> None:
    from ipywidgets.widgets.widget import _instances

    from workbook.widgets._common import close_tree

    before = len(_instances)
    page = _page(store, interview)
    page.own.value = "Wat is de volgende stap?"
    page.add_own()
    page.rows.children[0].remove_button.click()  # type: ignore[attr-defined]
    assert page.planned() == []
    close_tree(page)
    assert len(_instances) <= before
