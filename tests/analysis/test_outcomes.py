"""Closing behaviour beside the outcome, worked out by hand."""

from __future__ import annotations

import pandas as pd

from tests.analysis._cohort import BEHAVIOUR, NAN, OUTCOMES, expect
from workbook import analysis
from workbook.schema import coerce_frame


def test_closing_behaviour_per_interview(cohort: dict[str, pd.DataFrame]) -> None:
    expect(
        analysis.closing_behaviour(cohort),
        {
            "interview_id": ["i1", "i2", "i3", "i4"],
            "candidate_id": ["c1", "c1", "c2", "c2"],
            "outcome": ["next_round", "offer", "rejected", "pending"],
            "asked_next_step": [True, False, True, False],
            "closing_statement": [True, False, False, False],
            "email_on_time": [True, False, True, False],
        },
        BEHAVIOUR,
    )


def test_closing_outcomes_leave_pending_out(cohort: dict[str, pd.DataFrame]) -> None:
    # Known outcomes: i1 next_round (success), i2 offer (success), i3 rejected.
    expect(
        analysis.closing_outcomes(cohort),
        {
            "behaviour": ["asked_next_step"] * 2 + ["closing_statement"] * 2 + ["email_on_time"] * 2,
            "value": ["yes", "no"] * 3,
            "interviews": [2, 1, 1, 2, 2, 1],
            "successes": [1, 1, 1, 1, 1, 1],
            "share": [0.5, 1.0, 1.0, 0.5, 0.5, 1.0],
        },
        OUTCOMES,
    )


def test_closing_outcomes_with_only_pending_interviews(cohort: dict[str, pd.DataFrame]) -> None:
    only_pending = analysis.filter_tables(cohort, candidate_id="c2", start="2027-04-01")
    expect(
        analysis.closing_outcomes(only_pending),
        {
            "behaviour": ["asked_next_step"] * 2 + ["closing_statement"] * 2 + ["email_on_time"] * 2,
            "value": ["yes", "no"] * 3,
            "interviews": [0] * 6,
            "successes": [0] * 6,
            "share": [NAN] * 6,
        },
        OUTCOMES,
    )


def test_next_step_questions_by_key_words_or_a_coachs_own_purpose() -> None:
    questions = coerce_frame(
        "questions",
        pd.DataFrame(
            {
                "text": ["Wanneer hoor ik iets?", "Hoe groot is het team?", "Mag ik een kop koffie?", "Wat nu?"],
                "catalogue_key": ["", "next-step", "", "own-1"],
            }
        ),
    )
    workshop = coerce_frame("workshop_questions", pd.DataFrame({"id": ["own-1"], "purpose": ["next-step"]}))
    result = analysis.next_step_questions(questions, workshop)
    assert result.tolist() == [True, True, False, True]
    assert analysis.next_step_questions(questions).tolist() == [True, True, False, False]
