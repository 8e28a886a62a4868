"""Scores over time: each candidate's history and change, worked out by hand."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from tests.analysis._cohort import CHANGE, HISTORY, NA, date, expect, make_tables
from workbook import analysis


def test_score_history_numbers_each_candidates_interviews(cohort: dict[str, pd.DataFrame]) -> None:
    expect(
        analysis.score_history(cohort),
        {
            "candidate_id": ["c1", "c1", "c1", "c2", "c2"],
            "interview_id": ["i1", "i1", "i2", "i3", "i3"],
            "date": [date("2027-03-01")] * 2 + [date("2027-03-15")] + [date("2027-03-26")] * 2,
            "sequence": [1, 1, 2, 1, 1],
            "item": ["asked-next-step", "thanked", "asked-next-step", "asked-next-step", "old-item"],
            "score": [2, 4, 4, 3, 5],
        },
        HISTORY,
    )


def test_score_history_of_the_coach(cohort: dict[str, pd.DataFrame]) -> None:
    expect(
        analysis.score_history(cohort, scorer="coach"),
        {
            "candidate_id": ["c1", "c1", "c1", "c2"],
            "interview_id": ["i1", "i1", "i2", "i3"],
            "date": [date("2027-03-01")] * 2 + [date("2027-03-15"), date("2027-03-26")],
            "sequence": [1, 1, 2, 1],
            "item": ["asked-next-step", "thanked", "thanked", "asked-next-step"],
            "score": [3, 5, 3, 5],
        },
        HISTORY,
    )


def test_sequence_counts_unscored_interviews_and_orders_by_time() -> None:
    tables = make_tables(
        interviews=[
            # Listed out of order; the same day, the afternoon one comes second.
            {"id": "b", "candidate_id": "c", "round": "other", "date": "2027-06-01", "time": dt.time(15),
             "outcome": "pending"},
            {"id": "a", "candidate_id": "c", "round": "other", "date": "2027-06-01", "time": dt.time(9),
             "outcome": "pending"},
            {"id": "z", "candidate_id": "c", "round": "other", "date": "2027-05-01", "outcome": "pending"},
        ],
        reflections=[{"id": "r", "candidate_id": "c", "interview_id": "b", "scorer": "self", "answers": {}}],
        reflection_scores=[{"reflection_id": "r", "candidate_id": "c", "item": "thanked", "score": 3}],
    )  # fmt: skip
    expect(
        analysis.score_history(tables),
        {"candidate_id": ["c"], "interview_id": ["b"], "date": [date("2027-06-01")], "sequence": [3],
         "item": ["thanked"], "score": [3]},
        HISTORY,
    )  # fmt: skip


def test_score_change_needs_two_scores_to_show_a_change(cohort: dict[str, pd.DataFrame]) -> None:
    expect(
        analysis.score_change(cohort),
        {
            "candidate_id": ["c1", "c1", "c2", "c2"],
            "item": ["asked-next-step", "thanked", "asked-next-step", "old-item"],
            "first": [2, 4, 3, 5],
            "last": [4, 4, 3, 5],
            "change": [2, NA, NA, NA],
            "interviews": [2, 1, 1, 1],
        },
        CHANGE,
    )
