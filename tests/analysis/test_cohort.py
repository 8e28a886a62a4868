"""The coach's filters and cohort summary, the edge cases, and one run on what a real SQLite
store hands back."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from pandas.testing import assert_frame_equal

from tests.analysis._cohort import (
    BEHAVIOUR,
    CHANGE,
    COMPLETION,
    GAP,
    HISTORY,
    ITEM_SCORES,
    MOST_SKIPPED,
    NA,
    NAN,
    NOT_SCORED,
    OUTCOMES,
    SKIPPED,
    THEMES,
    TOTALS,
    USAGE,
    WARNINGS,
    expect,
    make_tables,
    per_item,
)
from workbook import analysis
from workbook.analysis import STEPS
from workbook.model import Candidate, Interview, PlannedQuestion, Reflection, ThankYouEmail
from workbook.store import Database, Store

SCHEMAS = {
    "step_completion": COMPLETION,
    "most_skipped_steps": MOST_SKIPPED,
    "skipped_steps": SKIPPED,
    "self_scores": ITEM_SCORES,
    "coach_scores": ITEM_SCORES,
    "self_coach_gap": GAP,
    "score_history": HISTORY,
    "score_change": CHANGE,
    "question_usage": USAGE,
    "question_warnings": WARNINGS,
    "warning_totals": TOTALS,
    "closing_behaviour": BEHAVIOUR,
    "closing_outcomes": OUTCOMES,
    "reflection_themes": THEMES,
    "reflection_themes_all": THEMES,
}


def test_filter_by_workshop_and_rounds(cohort: dict[str, pd.DataFrame]) -> None:
    result = analysis.filter_tables(cohort, workshop_id="w1", rounds=["selection", "terms"])
    assert set(result) == set(cohort)
    assert result["candidates"]["id"].tolist() == ["c1", "c2"]
    assert result["interviews"]["id"].tolist() == ["i1", "i2", "i4"]
    assert result["questions"]["id"].tolist() == ["q1", "q2", "q3", "q6"]
    assert result["reflections"]["id"].tolist() == ["r1", "r2", "r3", "r5"]
    assert result["reflection_scores"]["reflection_id"].tolist() == ["r1", "r1", "r2", "r3", "r3", "r5"]
    assert result["memberships"]["candidate_id"].tolist() == ["c1", "c2"]
    assert result["workshops"]["id"].tolist() == ["w1"]
    for name, table in result.items():
        assert table.dtypes.to_dict() == cohort[name].dtypes.to_dict(), name
        assert isinstance(table.index, pd.RangeIndex)


def test_filter_by_dates_is_inclusive(cohort: dict[str, pd.DataFrame]) -> None:
    result = analysis.filter_tables(cohort, start=dt.date(2027, 3, 15), end="2027-03-26", rounds="terms")
    assert result["interviews"]["id"].tolist() == ["i2"]
    # Without a workshop or candidate filter every candidate stays.
    assert result["candidates"]["id"].tolist() == ["c1", "c2", "c3"]
    assert result["emails"]["id"].tolist() == ["e2"]


def test_filter_to_a_workshop_without_interviews(cohort: dict[str, pd.DataFrame]) -> None:
    result = analysis.filter_tables(cohort, workshop_id="w2")
    assert result["candidates"]["id"].tolist() == ["c3"]
    assert result["interviews"].empty and result["reflection_scores"].empty
    summary = analysis.cohort_summary(result)
    expect(
        summary["skipped_steps"],
        {"candidate_id": ["c3"], "interviews": [0], **{step: [0] for step in STEPS}},
        SKIPPED,
    )
    assert summary["step_completion"]["share_done"].isna().all()


def test_filter_workshop_and_candidate_must_both_match(cohort: dict[str, pd.DataFrame]) -> None:
    result = analysis.filter_tables(cohort, workshop_id="w2", candidate_id="c1")
    assert result["candidates"].empty and result["interviews"].empty


def test_a_candidate_with_one_interview(cohort: dict[str, pd.DataFrame]) -> None:
    one = analysis.filter_tables(cohort, candidate_id="c1", end="2027-03-01")
    expect(
        analysis.score_change(one),
        {"candidate_id": ["c1", "c1"], "item": ["asked-next-step", "thanked"], "first": [2, 4], "last": [2, 4],
         "change": [NA, NA], "interviews": [1, 1]},
        CHANGE,
    )  # fmt: skip
    expect(
        analysis.skipped_steps(one, rubric_items=2),
        {"candidate_id": ["c1"], "interviews": [1], "questions": [0], "statement": [0], "farewell": [1],
         "notes": [1], "reflection": [0], "email": [0], "promises": [1]},
        SKIPPED,
    )  # fmt: skip


def test_an_empty_cohort(empty: dict[str, pd.DataFrame]) -> None:
    summary = analysis.cohort_summary(empty)
    assert set(summary) == {*SCHEMAS, "scores_over_time"}
    for name, schema in SCHEMAS.items():
        assert summary[name].dtypes.astype(str).to_dict() == {c: str(pd.Series(dtype=d).dtype) for c, d in
                                                              schema.items()}, name  # fmt: skip
    for name in ("skipped_steps", "score_history", "score_change", "question_usage", "question_warnings",
                 "warning_totals", "closing_behaviour", "reflection_themes"):  # fmt: skip
        assert summary[name].empty, name
    expect(
        summary["step_completion"],
        {"step": list(STEPS), "not_started": [0] * 7, "started": [0] * 7, "done": [0] * 7, "share_done": [NAN] * 7},
        COMPLETION,
    )
    expect(summary["self_scores"], per_item({}, NOT_SCORED), ITEM_SCORES)
    assert summary["closing_outcomes"]["interviews"].tolist() == [0] * 6


def test_interviews_without_any_work() -> None:
    tables = make_tables(
        candidates=[{"id": "c", "name": "Dewi", "language": "nl"}],
        interviews=[
            {"id": "i", "candidate_id": "c", "round": "selection", "date": "2027-02-01", "outcome": "rejected"},
            {"id": "j", "candidate_id": "c", "round": "selection", "date": "2027-02-08", "outcome": "offer"},
        ],
    )
    summary = analysis.cohort_summary(tables)
    expect(
        summary["skipped_steps"],
        {"candidate_id": ["c"], "interviews": [2], **{step: [2] for step in STEPS}},
        SKIPPED,
    )
    expect(
        summary["closing_outcomes"],
        {
            "behaviour": ["asked_next_step"] * 2 + ["closing_statement"] * 2 + ["email_on_time"] * 2,
            "value": ["yes", "no"] * 3,
            "interviews": [0, 2] * 3,
            "successes": [0, 1] * 3,
            "share": [NAN, 0.5] * 3,
        },
        OUTCOMES,
    )
    assert summary["score_history"].empty and summary["question_usage"].empty
    assert summary["self_coach_gap"]["pairs"].eq(0).all()


def test_missing_answers_and_scores_are_not_counted() -> None:
    tables = make_tables(
        interviews=[{"id": "i", "candidate_id": "c", "round": "other", "date": "2027-02-01", "outcome": "offer"}],
        reflections=[
            {"id": "r", "candidate_id": "c", "interview_id": "i", "scorer": "self", "answers": None},
            {"id": "s", "candidate_id": "c", "interview_id": "i", "scorer": "coach", "answers": {"learned": ""}},
        ],
    )
    assert analysis.reflection_themes(tables, scorer=None).empty
    assert analysis.item_scores(tables)["n"].eq(0).all()


def test_summary_matches_the_single_functions(cohort: dict[str, pd.DataFrame]) -> None:
    summary = analysis.cohort_summary(cohort, rubric_items=2, top_themes=None)
    assert_frame_equal(summary["step_completion"], analysis.step_completion(cohort, rubric_items=2))
    assert_frame_equal(summary["skipped_steps"], analysis.skipped_steps(cohort, rubric_items=2))
    assert_frame_equal(summary["coach_scores"], analysis.item_scores(cohort, scorer="coach"))
    assert_frame_equal(summary["score_change"], analysis.score_change(cohort))
    assert_frame_equal(summary["question_warnings"], analysis.question_warnings(cohort))
    assert_frame_equal(summary["reflection_themes_all"], analysis.reflection_themes(cohort, keys=None))


def test_every_summary_table_is_what_its_own_function_returns(cohort: dict[str, pd.DataFrame]) -> None:
    # The summary hands what tables share (progress, score histories, feedback, the
    # closing behaviour) to the public functions; each table must come out the same.
    summary = analysis.cohort_summary(cohort)
    alone = {
        "step_completion": analysis.step_completion(cohort),
        "most_skipped_steps": analysis.most_skipped_steps(cohort),
        "skipped_steps": analysis.skipped_steps(cohort),
        "self_scores": analysis.item_scores(cohort),
        "coach_scores": analysis.item_scores(cohort, scorer="coach"),
        "self_coach_gap": analysis.self_coach_gap(cohort),
        "score_history": analysis.score_history(cohort),
        "score_change": analysis.score_change(cohort),
        "scores_over_time": analysis.scores_over_time(cohort),
        "question_usage": analysis.question_usage(cohort),
        "question_warnings": analysis.question_warnings(cohort),
        "warning_totals": analysis.warning_totals(cohort),
        "closing_behaviour": analysis.closing_behaviour(cohort),
        "closing_outcomes": analysis.closing_outcomes(cohort),
        "reflection_themes": analysis.reflection_themes(cohort, top=30),
        "reflection_themes_all": analysis.reflection_themes(cohort, keys=None, top=30),
    }
    assert set(summary) == set(alone)
    for name, table in alone.items():
        assert_frame_equal(summary[name], table, obj=name)


def test_functions_accept_what_the_store_returns(db: Database, store: Store, candidate: Candidate) -> None:
    interview = store.save(
        Interview(candidate_id=candidate.id, employer="Gemeente Utrecht", role="Beleidsadviseur",
                  round="selection", date=dt.date(2027, 5, 14), outcome="next_round")
    )  # fmt: skip
    store.save(PlannedQuestion(interview_id=interview.id, text="Wat is de volgende stap?", catalogue_key=""))
    store.save(
        Reflection(interview_id=interview.id, scores={"asked-next-step": 2}, answers={"learned": "Volgende stap"})
    )
    # Friday before Whit Monday: Tuesday 18 May is still on time.
    store.save(ThankYouEmail(interview_id=interview.id, body="Dank", sent_on=dt.date(2027, 5, 18)))
    coach = db.for_coach()
    coach.save(Reflection(interview_id=interview.id, scorer="coach", scores={"asked-next-step": 4}))

    for tables in (coach.tables(), store.tables()):
        summary = analysis.cohort_summary(tables)
        gap = summary["self_coach_gap"].set_index("item").loc["asked-next-step"]
        assert (gap["pairs"], gap["mean_gap"]) == (1, 2.0)
        expect(
            summary["closing_behaviour"],
            {"interview_id": [interview.id], "candidate_id": [candidate.id], "outcome": ["next_round"],
             "asked_next_step": [True], "closing_statement": [False], "email_on_time": [True]},
            BEHAVIOUR,
        )  # fmt: skip
        assert summary["reflection_themes"]["term"].tolist() == ["stap", "volgende", "volgende stap"]
        assert summary["score_history"]["sequence"].tolist() == [1]
    filtered = analysis.filter_tables(coach.tables(), start="2027-06-01")
    assert analysis.cohort_summary(filtered)["score_history"].empty
