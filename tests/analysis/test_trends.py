"""Patterns per candidate on the hand-built cohort: the trend, behaviour ↔ outcome, workshops."""

from __future__ import annotations

import copy

import pandas as pd

from tests.analysis._cohort import COHORT, FLT, INT, NAN, STR, expect, make_tables
from workbook import analysis

TREND = {"number": INT, "candidates": INT, "self_mean": FLT, "coach_mean": FLT, "steps_done_share": FLT}
BY_CANDIDATE = {"behaviour": STR, "usually": "bool", "candidates": INT, "success_share": FLT}
COMPARE = {
    "workshop_id": STR,
    "name": STR,
    "candidates": INT,
    "interviews": INT,
    "steps_done_share": FLT,
    "self_mean": FLT,
    "coach_mean": FLT,
    "success_share": FLT,
}
BEHAVIOURS = ["asked_next_step"] * 2 + ["closing_statement"] * 2 + ["email_on_time"] * 2


def dtypes(schema: dict[str, str]) -> dict[str, str]:
    return {c: str(pd.Series(dtype=d).dtype) for c, d in schema.items()}


def test_trend_from_the_first_to_the_nth_interview(cohort: dict[str, pd.DataFrame]) -> None:
    # First interviews: i1 (c1) and i3 (c2); second: i2 (c1) and i4 (c2).
    # Self means: i1 (2+4)/2 = 3, i3 (3+5)/2 = 4, i2 4, i4 none. Coach: i1 4, i3 5, i2 3.
    # Steps done of 7 (rubric_items=2, see test_progress): i1 4, i3 3, i2 2, i4 0.
    expect(
        analysis.trend(cohort, rubric_items=2),
        {
            "number": [1, 2],
            "candidates": [2, 2],
            "self_mean": [3.5, 4.0],
            "coach_mean": [4.5, 3.0],
            "steps_done_share": [3.5 / 7, 1 / 7],
        },
        TREND,
    )


def test_trend_counts_who_has_an_nth_interview(cohort: dict[str, pd.DataFrame]) -> None:
    # Without i4, only c1 has a second interview.
    chosen = analysis.filter_tables(cohort, end="2027-03-31")
    result = analysis.trend(chosen, rubric_items=2)
    assert result["candidates"].tolist() == [2, 1]
    assert result["steps_done_share"].tolist() == [3.5 / 7, 2 / 7]


def test_trend_of_empty_tables(empty: dict[str, pd.DataFrame]) -> None:
    result = analysis.trend(empty)
    assert result.empty and result.dtypes.astype(str).to_dict() == dtypes(TREND)


def test_outcomes_counted_per_candidate(cohort: dict[str, pd.DataFrame]) -> None:
    # Decided: c1's i1 (next round) and i2 (offer), c2's i3 (rejected); i4 is pending.
    # c1 did each behaviour in one of two interviews (half: usually) and succeeded in
    # both (share 1); c2 asked and emailed on time, made no statement, and did not
    # succeed (share 0).
    expect(
        analysis.outcomes_by_candidate(cohort),
        {
            "behaviour": BEHAVIOURS,
            "usually": [True, False] * 3,
            "candidates": [2, 0, 1, 1, 2, 0],
            "success_share": [0.5, NAN, 1.0, 0.0, 0.5, NAN],
        },
        BY_CANDIDATE,
    )


def test_outcomes_per_candidate_weigh_each_candidate_once() -> None:
    # c1 has three decided interviews, all with a statement and all a success; c2 one,
    # without a statement and rejected. Per interview the statement would look three
    # times as often; per candidate it is one against one. A withdrawn interview and a
    # pending one say nothing: c3 is left out.
    rows = copy.deepcopy(COHORT)
    rows["candidates"] = [{"id": c, "name": c, "language": "nl"} for c in ("c1", "c2", "c3")]
    rows["interviews"] = [
        {"id": f"i{n}", "candidate_id": "c1", "round": "selection", "date": f"2027-03-0{n}", "outcome": "next_round"}
        for n in (1, 2, 3)
    ] + [
        {"id": "i4", "candidate_id": "c2", "round": "selection", "date": "2027-03-04", "outcome": "rejected"},
        {"id": "i5", "candidate_id": "c3", "round": "selection", "date": "2027-03-04", "outcome": "withdrawn"},
        {"id": "i6", "candidate_id": "c3", "round": "selection", "date": "2027-03-05", "outcome": "pending"},
    ]
    statement = {"plan_steps": [], "text": "Ik wil deze baan graag."}
    rows["statements"] = [
        {"id": f"s{n}", "candidate_id": "c1", "interview_id": f"i{n}", **statement} for n in (1, 2, 3)
    ] + [{"id": "s5", "candidate_id": "c3", "interview_id": "i5", **statement}]
    for table in ("questions", "farewells", "notes", "promises", "emails", "reflections", "reflection_scores"):
        rows[table] = []
    result = analysis.outcomes_by_candidate(make_tables(**rows))
    expect(
        result,
        {
            "behaviour": BEHAVIOURS,
            "usually": [True, False] * 3,
            "candidates": [0, 2, 1, 1, 0, 2],
            "success_share": [NAN, 0.5, 1.0, 0.0, NAN, 0.5],
        },
        BY_CANDIDATE,
    )


def test_outcomes_per_candidate_of_empty_tables(empty: dict[str, pd.DataFrame]) -> None:
    expect(
        analysis.outcomes_by_candidate(empty),
        {"behaviour": BEHAVIOURS, "usually": [True, False] * 3, "candidates": [0] * 6, "success_share": [NAN] * 6},
        BY_CANDIDATE,
    )


def test_compare_workshops_in_the_order_given(cohort: dict[str, pd.DataFrame]) -> None:
    # w1 (c1, c2): steps done per interview c1 (4/7 + 2/7) / 2, c2 (3/7 + 0) / 2, so
    # (3/7 + 1.5/7) / 2; self c1 10/3, c2 4; coach c1 11/3, c2 5; success c1 1, c2 0.
    # w2 (c3): a candidate without interviews. An unknown id: nothing.
    expect(
        analysis.compare_workshops(cohort, ["w2", "w1", "nope"], rubric_items=2),
        {
            "workshop_id": ["w2", "w1", "nope"],
            "name": ["April", "Maart", pd.NA],
            "candidates": [1, 2, 0],
            "interviews": [0, 4, 0],
            "steps_done_share": [NAN, 2.25 / 7, NAN],
            "self_mean": [NAN, (10 / 3 + 4) / 2, NAN],
            "coach_mean": [NAN, (11 / 3 + 5) / 2, NAN],
            "success_share": [NAN, 0.5, NAN],
        },
        COMPARE,
    )


def test_compare_no_workshops(cohort: dict[str, pd.DataFrame]) -> None:
    result = analysis.compare_workshops(cohort, [])
    assert result.empty and result.dtypes.astype(str).to_dict() == dtypes(COMPARE)
