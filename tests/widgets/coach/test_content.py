"""A workshop's own questions and rubric items: added, listed with labels, edited, deleted."""

from __future__ import annotations

from workbook.demo import DemoResult
from workbook.store import Database
from workbook.widgets.coach import CoachHome


def _listed(box: object) -> str:
    return " ".join(row.children[0].value for row in box.children if hasattr(row, "children"))  # type: ignore[attr-defined]


def test_own_content(db: Database, demo: DemoResult) -> None:
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    page.show_tab("content")
    assert "Kies eerst één workshop" in page.content.children[0].value
    page.workshop.value = demo.workshop_id
    purpose, language, text, _when, add, feedback = page.content.question_form
    assert {label for label, _ in language.options} == {"Nederlands", "English"}  # names, not codes
    text.value = "Wat verdien ik hier?"
    assert "G15" in feedback.value  # checked like the built-in questions
    text.value = "Met welk team zou ik starten?"
    purpose.value = "ready"
    add.click()
    assert "Toegevoegd" in feedback.value
    _phase, label, anchors, add_item, item_feedback = page.content.rubric_form
    label.value = "Oogcontact"
    add_item.click()
    assert "verplicht" in item_feedback.value  # anchors are required
    for n, field in enumerate(anchors, start=1):
        field.value = f"niveau {n}"
    add_item.click()
    assert "Toegevoegd" in item_feedback.value
    assert len(db.for_coach(demo.coach_id).table("workshop_rubric_items")) == 1
    # The lists show texts and labels, never keys.
    questions, items = _listed(page.content.question_list), _listed(page.content.item_list)
    assert "Met welk team zou ik starten?" in questions and "Nederlands" in questions
    assert "ready" not in questions and ">nl<" not in questions and "Oogcontact" in items


def test_editing_and_deleting_own_content(db: Database, demo: DemoResult) -> None:
    store = db.for_coach(demo.coach_id)
    page = CoachHome(store, "en")
    page.workshop.value = demo.workshop_id
    page.show_tab("content")
    content = page.content
    _purpose, _language, text, _when, add, feedback = content.question_form
    text.value = "Which team would I join?"
    add.click()
    question = store.workshop_questions(demo.workshop_id)[0]
    row = content.question_list.children[0]
    row.children[1].click()  # edit
    assert content.editing_question == question and text.value == "Which team would I join?"
    assert add.description == "Save change"
    text.value = "Which team would I start in?"
    add.click()
    assert "Change saved" in feedback.value and add.description == "Add"
    assert [q.text for q in store.workshop_questions(demo.workshop_id)] == ["Which team would I start in?"]
    content.question_list.children[0].children[2].click()  # delete
    assert store.workshop_questions(demo.workshop_id) == [] and "keep their copy" in feedback.value

    _phase, label, anchors, add_item, item_feedback = content.rubric_form
    label.value = "Eye contact"
    for n, field in enumerate(anchors, start=1):
        field.value = f"level {n}"
    add_item.click()
    item = store.workshop_rubric_items()[0]
    content.edit_rubric_item(item.id)
    assert label.value == "Eye contact" and anchors[4].value == "level 5"
    label.value = "Looks at the interviewers"
    add_item.click()
    assert store.workshop_rubric_items()[0].label == "Looks at the interviewers"
    assert "Looks at the interviewers" in _listed(content.item_list)
    assert content.delete_rubric_item(item.id)
    assert store.workshop_rubric_items() == [] and len(store.workshop_rubric_items(retired=True)) == 1
    assert "scores given keep their label" in item_feedback.value
