"""The workspace's interviews: delete, cancel, and steps always of the interview shown (issue 14)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from workbook.model import Interview, PlannedQuestion
from workbook.store import Store
from workbook.widgets.interview import InterviewForm
from workbook.widgets.workspace import CandidateWorkspace


def _workspace(store: Store) -> CandidateWorkspace:
    return CandidateWorkspace(store, "nl", autosave_delay=0)


def _form(workspace: CandidateWorkspace) -> InterviewForm:
    form = workspace.body.children[-1]
    assert isinstance(form, InterviewForm)
    return form


def _steps_shown(workspace: CandidateWorkspace) -> bool:
    return all(box.layout.display != "none" for box in workspace._steps_of_interview)


def test_the_new_interview_form_hides_the_steps_of_the_previous_one(store: Store, interview: Interview) -> None:
    workspace = _workspace(store)
    workspace.go("statement")
    assert _steps_shown(workspace)
    workspace.new_button.click()
    assert not _steps_shown(workspace) and workspace.exercise is None
    form = _form(workspace)
    form.employer.value, form.role.value = "ACME", "Tester"
    form.save()
    assert _steps_shown(workspace)
    assert workspace.interview is not None and workspace.interview.employer == "ACME"
    assert workspace.step == "questions"


def test_cancel_on_the_new_form_goes_back_unchanged(store: Store, interview: Interview) -> None:
    workspace = _workspace(store)
    workspace.go("statement")
    workspace.new_interview()
    form = _form(workspace)
    form.employer.value = "Half getypt"
    form.cancel_button.click()
    assert store.interviews() == [interview]
    assert workspace.interview == interview and workspace.step == "statement"
    assert workspace.exercise is not None and _steps_shown(workspace)


def test_cancel_on_the_edit_form_keeps_the_interview(store: Store, interview: Interview) -> None:
    workspace = _workspace(store)
    workspace.go("notes")
    form = workspace.edit_interview()
    assert form is not None
    form.employer.value = "Niet opslaan"
    form.cancel()
    assert store.interviews() == [interview] and workspace.interview == interview
    assert workspace.step == "notes" and workspace.exercise is not None


def test_the_first_interview_form_has_no_cancel(store: Store) -> None:
    workspace = _workspace(store)
    assert _form(workspace).cancel_button.layout.display == "none"


def test_deleting_moves_to_another_interview(store: Store, interview: Interview) -> None:
    other = store.save(dataclasses.replace(interview, id="other", employer="Provincie", date=dt.date(2027, 4, 1)))
    store.save(PlannedQuestion(interview_id=interview.id, text="Wat is de volgende stap?"))
    workspace = _workspace(store)
    assert workspace.interview == interview
    form = workspace.edit_interview()
    assert form is not None
    form.delete_button.click()
    assert len(store.interviews()) == 2  # the first click only asks
    form.delete_button.click()
    assert store.interviews() == [other]
    assert store.records(PlannedQuestion, interview.id) == []
    assert workspace.interview == other and workspace.picker.value == "other"
    assert "Het gesprek bij Gemeente Utrecht is verwijderd." in workspace.body.children[0].value  # type: ignore[attr-defined]


def test_deleting_the_last_interview_shows_the_add_form(store: Store, interview: Interview) -> None:
    workspace = _workspace(store)
    form = workspace.edit_interview()
    assert form is not None
    form.delete()
    form.delete()
    assert store.interviews() == [] and workspace.interview is None
    assert isinstance(_form(workspace), InterviewForm) and _form(workspace).interview is None
    assert workspace.picker.layout.display == "none"
    again = _workspace(store)  # a reload finds nothing to resume
    assert isinstance(_form(again), InterviewForm)
