"""Question usage and the warnings the planned questions draw, worked out by hand."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from tests.analysis._cohort import COHORT, TOTALS, USAGE, WARNINGS, expect, make_tables
from workbook import analysis, checks
from workbook.analysis.questions import _question_feedback


def test_question_usage_by_key_or_normalised_text(cohort: dict[str, pd.DataFrame]) -> None:
    expect(
        analysis.question_usage(cohort),
        {
            "question": [
                "hoeveel ga ik verdienen",
                "next-step-hear",
                "wat is de volgende stap in de procedure",
                "wat is uw eerste indruk van mij",
            ],
            "catalogue_key": ["", "next-step-hear", "", ""],
            "text": [
                "Hoeveel ga ik verdienen?",
                "Wanneer kan ik iets verwachten?",
                "Wat is de volgende stap in de procedure?",
                "Wat is uw eerste indruk van mij?",
            ],
            "count": [3, 1, 1, 1],
            "asked": [2, 0, 1, 1],
            "share": [0.75, 0.25, 0.25, 0.25],
        },
        USAGE,
    )


def test_question_usage_counts_an_interview_once() -> None:
    tables = make_tables(
        interviews=[{"id": "i", "candidate_id": "c", "round": "other", "date": "2027-01-04", "outcome": "offer"}],
        questions=[
            {"id": "a", "candidate_id": "c", "interview_id": "i", "position": 0, "source": "own", "text": "Wie?"},
            {"id": "b", "candidate_id": "c", "interview_id": "i", "position": 1, "source": "own", "text": "wie"},
        ],
    )
    expect(
        analysis.question_usage(tables),
        {"question": ["wie"], "catalogue_key": [""], "text": ["Wie?"], "count": [1], "asked": [0], "share": [1.0]},
        USAGE,
    )


def test_question_warnings_depend_on_the_round(cohort: dict[str, pd.DataFrame]) -> None:
    # Salary: i1 (selection) and i3 (introduction), not i2 (terms). Verdict: i2.
    expect(
        analysis.question_warnings(cohort),
        {
            "question": ["hoeveel ga ik verdienen", "wat is uw eerste indruk van mij"],
            "text": ["Hoeveel ga ik verdienen?", "Wat is uw eerste indruk van mij?"],
            "rule": ["salary", "verdict"],
            "level": ["warning", "warning"],
            "point": ["G15", "G14"],
            "count": [2, 1],
        },
        WARNINGS,
    )
    expect(
        analysis.warning_totals(cohort),
        {
            "rule": ["salary", "verdict"],
            "level": ["warning", "warning"],
            "point": ["G15", "G14"],
            "questions": [1, 1],
            "count": [2, 1],
            "share": [0.5, 0.25],
        },
        TOTALS,
    )


def test_check_question_runs_once_per_text_and_round(
    cohort: dict[str, pd.DataFrame], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, str]] = []
    real = checks.check_question

    def counting(text: str, *, lang: str = "nl", round: str = "selection") -> list[Any]:
        calls.append((text, round))
        return real(text, lang=lang, round=round)

    monkeypatch.setattr(checks, "check_question", counting)
    _question_feedback.cache_clear()
    rows = {name: list(values) for name, values in COHORT.items()}
    # Twice the same text in the same round.
    rows["questions"] = [*rows["questions"], {**rows["questions"][1], "id": "q7"}]
    analysis.cohort_summary(make_tables(**rows))
    assert sorted(calls) == sorted(set(calls))
    assert len(calls) == 6  # 6 distinct (text, round) pairs
    _question_feedback.cache_clear()
