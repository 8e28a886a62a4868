"""The records validate themselves: bad values never reach the store."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from workbook.model import (
    Candidate,
    ClosingStatement,
    Interview,
    Interviewer,
    Note,
    PlannedQuestion,
    Promise,
    Reflection,
    Summary,
    ThankYouEmail,
    ValidationError,
    Workshop,
    WorkshopQuestion,
    WorkshopRubricItem,
    parse_date,
)


def _interview(**changes: object) -> Interview:
    values: dict[str, object] = {"candidate_id": "c1", "employer": "ACME", "role": "Tester"}
    values.update(changes)
    return Interview(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "field", "nl_text"),
    [
        ({"employer": ""}, "employer", "Werkgever is verplicht."),
        ({"employer": "   \n\t "}, "employer", "Werkgever is verplicht."),
        ({"role": None}, "role", "Functie is verplicht."),
        ({"round": "final"}, "round", "geen geldige keuze"),
        ({"outcome": "hired"}, "outcome", "geen geldige keuze"),
        ({"date": "morgen"}, "date", "'morgen' is geen datum"),
        ({"date": "2027-02-30"}, "date", "geen datum"),
        ({"time": "half drie"}, "time", "geen tijd"),
        ({"employer": "x" * 201}, "employer", "te lang"),
        ({"interviewers": ({"name": "Jan", "email": "jan-at-example"},)}, "email", "geen geldig e-mailadres"),
    ],
)
def test_invalid_interview_names_the_field_in_both_languages(
    changes: dict[str, object], field: str, nl_text: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        _interview(**changes)
    assert caught.value.field == field
    assert nl_text in caught.value.message("nl")
    assert caught.value.message("en") == str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_text_is_normalised_at_the_gate() -> None:
    item = _interview(employer="  Gemeente\x00 Utrecht\r\n ", role="Beleids\u0061\u0308dviseur")
    assert item.employer == "Gemeente Utrecht"
    assert item.role == "Beleidsädviseur"  # NFC: one code point for ä


def test_dates_in_dutch_order_and_times_are_accepted() -> None:
    item = _interview(date="14-05-2027", time="9.05")
    assert item.date == dt.date(2027, 5, 14)
    assert item.time == dt.time(9, 5)
    assert parse_date(dt.datetime(2027, 5, 14, 10, 0)) == dt.date(2027, 5, 14)


def test_interviewers_from_dicts_become_records() -> None:
    item = _interview(interviewers=({"name": "Jan", "role": "HR", "email": "jan@x.nl"},))
    assert item.interviewers == (Interviewer(name="Jan", role="HR", email="jan@x.nl"),)


@pytest.mark.parametrize("score", [0, 6, 7, -1, True, 3.5, "4"])
def test_reflection_scores_are_whole_numbers_from_1_to_5(score: object) -> None:
    with pytest.raises(ValidationError) as caught:
        Reflection(interview_id="i1", scores={"thanked": score})  # type: ignore[dict-item]
    assert caught.value.field == "scores"


def test_reflection_score_7_message() -> None:
    with pytest.raises(ValidationError, match="score 7 is not between 1 and 5"):
        Reflection(interview_id="i1", scores={"thanked": 7})


def test_reflection_gut_feeling_choices() -> None:
    assert Reflection(interview_id="i1", gut_continue="yes").gut_continue == "yes"
    with pytest.raises(ValidationError):
        Reflection(interview_id="i1", gut_dream_job="maybe")  # type: ignore[arg-type]


def test_promise_dates_must_be_in_order() -> None:
    with pytest.raises(ValidationError) as caught:
        Promise(interview_id="i1", what="diploma", promised_on="2027-05-14", due_on="2027-05-13")
    assert "ligt voor beloofd op" in caught.value.message("nl")
    assert Promise(interview_id="i1", what="diploma", due_on="").due_on is None


def test_email_recipients_and_link_are_checked() -> None:
    with pytest.raises(ValidationError):
        ThankYouEmail(interview_id="i1", recipients=("not an address",))
    with pytest.raises(ValidationError):
        ThankYouEmail(interview_id="i1", linkedin_url="javascript:alert(1)")
    mail = ThankYouEmail(interview_id="i1", recipients=("jan@x.nl",), linkedin_url="https://linkedin.com/in/s")
    assert mail.recipients == ("jan@x.nl",)


def test_other_records_validate() -> None:
    with pytest.raises(ValidationError):
        PlannedQuestion(interview_id="i1", text="  ")
    with pytest.raises(ValidationError):
        Candidate(name="")
    statement = ClosingStatement(interview_id="i1", plan_steps=("eerst kennismaken", " ", ""))
    assert statement.plan_steps == ("eerst kennismaken",)


def test_records_are_frozen() -> None:
    item = _interview()
    with pytest.raises(AttributeError):
        item.employer = "Other"  # type: ignore[misc]


def test_huge_and_odd_text() -> None:
    odd = "مرحبا 👋🏽 <script>alert(1)</script> '; DROP TABLE interviews; --"
    assert _interview(employer=odd).employer == odd
    note = ClosingStatement(interview_id="i1", text="x" * 100_000)
    assert len(note.text) == 100_000
    with pytest.raises(ValidationError):
        ClosingStatement(interview_id="i1", text="x" * 100_001)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("nl", "Einddatum ligt voor startdatum."), ("en", "End date is before start date.")],
)
def test_a_workshop_that_ends_before_it_starts_names_both_dates(lang: str, expected: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Workshop(coach_id="c1", name="Najaar", starts_on="2027-05-14", ends_on="2027-05-13")
    assert caught.value.field == "ends_on" and caught.value.code == "order"
    assert caught.value.params == {"other": "starts_on"}
    assert caught.value.message(lang) == expected
    assert str(caught.value) == "End date is before start date."


@pytest.mark.parametrize(("lang", "expected"), [("nl", "Fase is verplicht."), ("en", "Phase is required.")])
def test_an_empty_rubric_phase_is_named_phase(lang: str, expected: str) -> None:
    with pytest.raises(ValidationError) as caught:
        WorkshopRubricItem(workshop_id="w1", phase=" ", label="Bedankt", anchors=("a", "b", "c", "d", "e"))
    assert caught.value.field == "phase"
    assert caught.value.message(lang) == expected


@pytest.mark.parametrize(
    ("build", "field", "nl_label"),
    [
        (lambda: Workshop(coach_id="c1", name="N", starts_on="gisteren"), "starts_on", "Startdatum"),
        (lambda: WorkshopQuestion(workshop_id="w1", purpose="", text="Vraag?"), "purpose", "Doel"),
        (
            lambda: WorkshopQuestion(workshop_id="w1", purpose="ready", text="?", when_to_use="x" * 1001),
            "when_to_use",
            "Wanneer te gebruiken",
        ),
        (
            lambda: WorkshopRubricItem(workshop_id="w1", phase="after", label="", anchors=("a",) * 5),
            "label",
            "Omschrijving",
        ),
        (
            lambda: WorkshopRubricItem(workshop_id="w1", phase="after", label="L", anchors=("a",) * 4),
            "anchors",
            "Gedragsanker",
        ),
        (
            lambda: PlannedQuestion(interview_id="i1", text="?", catalogue_key="x" * 101),
            "catalogue_key",
            "Vraag uit de lijst",
        ),
        (lambda: ClosingStatement(interview_id="i1", plan_steps=("x" * 1001,)), "plan_steps", "Stap van je plan"),
        (lambda: Note(interview_id="i1", kind="before"), "kind", "Soort aantekening"),
        (lambda: Summary(interview_id="i1", key_points=3), "key_points", "Belangrijkste punten"),
        (lambda: ThankYouEmail(interview_id="i1", substance_point=["x"]), "substance_point", "Inhoudelijk punt"),
        (lambda: Promise(interview_id="i1", what="scan", note=b"x"), "note", "Toelichting"),
    ],
)
def test_each_field_its_own_label(build: Any, field: str, nl_label: str) -> None:
    with pytest.raises(ValidationError) as caught:
        build()
    assert caught.value.field == field
    assert caught.value.message("nl").startswith(nl_label)
