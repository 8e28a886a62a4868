"""The analysis functions on small hand-built tables, each expected result worked out
by hand, plus one run on what a real SQLite store hands back."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from workbook import analysis, guidance
from workbook.model import Candidate, Interview, PlannedQuestion, Reflection, ThankYouEmail
from workbook.progress import STEPS
from workbook.schema import TABLES, coerce_frame
from workbook.store import Database, Store

NAN = float("nan")
NA = pd.NA


def make_tables(**rows: list[dict[str, Any]]) -> dict[str, pd.DataFrame]:
    """Every table, with the store's columns and dtypes, from plain lists of dicts."""
    unknown = set(rows) - set(TABLES)
    assert not unknown, unknown
    return {name: coerce_frame(name, pd.DataFrame(rows.get(name, []))) for name in TABLES}


def frame(data: dict[str, list[Any]], dtypes: dict[str, str]) -> pd.DataFrame:
    """An expected result, written literally, with the dtypes the function promises."""
    return pd.DataFrame({c: pd.Series(data[c], dtype=d) for c, d in dtypes.items()})


def expect(result: pd.DataFrame, data: dict[str, list[Any]], dtypes: dict[str, str]) -> None:
    assert_frame_equal(result, frame(data, dtypes))


STR, INT, FLT, BOOL, DATE = "string", "Int64", "float64", "boolean", "datetime64[ns]"


def date(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


# A cohort of three candidates in two workshops:
# - c1 (workshop w1): i1 selection on Mon 1 March, i2 terms on Mon 15 March;
# - c2 (workshop w1): i3 introduction on Good Friday 26 March (Easter Monday follows),
#   i4 selection on 12 April, outcome pending and no work at all;
# - c3 (workshop w2): no interviews.
COHORT: dict[str, list[dict[str, Any]]] = {
    "candidates": [
        {"id": "c1", "name": "Anna", "language": "nl"},
        {"id": "c2", "name": "Bram", "language": "nl"},
        {"id": "c3", "name": "Cor", "language": "en"},
    ],
    "workshops": [
        {"id": "w1", "coach_id": "k1", "name": "Maart", "starts_on": "2027-03-01", "language": "nl"},
        {"id": "w2", "coach_id": "k1", "name": "April", "starts_on": "2027-04-01", "language": "en"},
    ],
    "memberships": [
        {"workshop_id": "w1", "candidate_id": "c1"},
        {"workshop_id": "w1", "candidate_id": "c2"},
        {"workshop_id": "w2", "candidate_id": "c3"},
    ],
    "interviews": [
        {"id": "i1", "candidate_id": "c1", "round": "selection", "date": "2027-03-01", "outcome": "next_round"},
        {"id": "i2", "candidate_id": "c1", "round": "terms", "date": "2027-03-15", "outcome": "offer"},
        {"id": "i3", "candidate_id": "c2", "round": "introduction", "date": "2027-03-26", "outcome": "rejected"},
        {"id": "i4", "candidate_id": "c2", "round": "selection", "date": "2027-04-12", "outcome": "pending"},
    ],
    "questions": [
        # Own question about the next step: found by its words.
        {
            "id": "q1",
            "candidate_id": "c1",
            "interview_id": "i1",
            "position": 0,
            "source": "own",
            "text": "Wat is de volgende stap in de procedure?",
            "asked": True,
        },
        # Salary in a selection interview: a warning (G15).
        {
            "id": "q2",
            "candidate_id": "c1",
            "interview_id": "i1",
            "position": 1,
            "source": "own",
            "text": "Hoeveel ga ik verdienen?",
            "asked": True,
        },
        # The same question in the terms round: no warning.
        {
            "id": "q3",
            "candidate_id": "c1",
            "interview_id": "i2",
            "position": 0,
            "source": "own",
            "text": "Hoeveel ga ik verdienen?",
            "asked": False,
        },
        {
            "id": "q6",
            "candidate_id": "c1",
            "interview_id": "i2",
            "position": 1,
            "source": "own",
            "text": "Wat is uw eerste indruk van mij?",
            "asked": True,
        },
        # A next-step question by its catalogue key; its words alone would not tell.
        {
            "id": "q4",
            "candidate_id": "c2",
            "interview_id": "i3",
            "position": 0,
            "source": "catalogue",
            "catalogue_key": "next-step-hear",
            "text": "Wanneer kan ik iets verwachten?",
        },
        # Written differently, the same question after normalising.
        {
            "id": "q5",
            "candidate_id": "c2",
            "interview_id": "i3",
            "position": 1,
            "source": "own",
            "text": "hoeveel GA ik verdienen",
            "asked": True,
        },
    ],
    "statements": [
        {"id": "s1", "candidate_id": "c1", "interview_id": "i1", "plan_steps": [], "text": "Mag ik nog iets zeggen?"},
        {"id": "s2", "candidate_id": "c1", "interview_id": "i2", "appeal": "Het team", "plan_steps": [], "text": ""},
    ],
    "farewells": [{"id": "f2", "candidate_id": "c1", "interview_id": "i2", "thanks": "Dank u wel", "checked": []}],
    "notes": [{"id": "n2", "candidate_id": "c1", "interview_id": "i2", "kind": "during", "text": "Drie mensen"}],
    "promises": [
        {
            "id": "p2",
            "candidate_id": "c1",
            "interview_id": "i2",
            "what": "Diploma",
            "promised_on": "2027-03-15",
            "status": "open",
        },
    ],
    "emails": [
        # Sent the next working day: on time.
        {
            "id": "e1",
            "candidate_id": "c1",
            "interview_id": "i1",
            "recipients": [],
            "body": "Dank",
            "sent_on": "2027-03-02",
        },
        # Sent two days later: late (the deadline was Tuesday 16 March).
        {
            "id": "e2",
            "candidate_id": "c1",
            "interview_id": "i2",
            "recipients": [],
            "body": "Dank",
            "sent_on": "2027-03-17",
        },
        # Good Friday's interview: Easter Monday is no working day, Tuesday is on time.
        {
            "id": "e3",
            "candidate_id": "c2",
            "interview_id": "i3",
            "recipients": [],
            "body": "Dank",
            "sent_on": "2027-03-30",
        },
    ],
    "reflections": [
        {
            "id": "r1",
            "candidate_id": "c1",
            "interview_id": "i1",
            "scorer": "self",
            "answers": {
                "learned": "Ik moet eerder naar de volgende stap vragen.",
                "expectations": "Het salaris bleef onbesproken",
            },
        },
        {"id": "r2", "candidate_id": "c1", "interview_id": "i2", "scorer": "self", "answers": {}},
        {
            "id": "r3",
            "candidate_id": "c1",
            "interview_id": "i1",
            "scorer": "coach",
            "answers": {"learned": "Coach notitie"},
        },
        {"id": "r5", "candidate_id": "c1", "interview_id": "i2", "scorer": "coach", "answers": {}},
        {
            "id": "r4",
            "candidate_id": "c2",
            "interview_id": "i3",
            "scorer": "self",
            "answers": {"learned": "De volgende stap vragen werkt. Volgende keer beter!"},
        },
        {"id": "r6", "candidate_id": "c2", "interview_id": "i3", "scorer": "coach", "answers": {}},
    ],
    "reflection_scores": [
        {"reflection_id": "r1", "candidate_id": "c1", "item": "asked-next-step", "score": 2},
        {"reflection_id": "r1", "candidate_id": "c1", "item": "thanked", "score": 4},
        # i2: "thanked" left unscored by the candidate; only the coach scored it.
        {"reflection_id": "r2", "candidate_id": "c1", "item": "asked-next-step", "score": 4},
        {"reflection_id": "r3", "candidate_id": "c1", "item": "asked-next-step", "score": 3},
        {"reflection_id": "r3", "candidate_id": "c1", "item": "thanked", "score": 5},
        {"reflection_id": "r5", "candidate_id": "c1", "item": "thanked", "score": 3},
        {"reflection_id": "r4", "candidate_id": "c2", "item": "asked-next-step", "score": 3},
        # A key the rubric no longer knows: reported, not dropped.
        {"reflection_id": "r4", "candidate_id": "c2", "item": "old-item", "score": 5},
        {"reflection_id": "r6", "candidate_id": "c2", "item": "asked-next-step", "score": 5},
    ],
}


@pytest.fixture
def cohort() -> dict[str, pd.DataFrame]:
    return make_tables(**COHORT)


@pytest.fixture
def empty() -> dict[str, pd.DataFrame]:
    return make_tables()


RUBRIC = [(item.key, item.phase) for item in guidance.rubric()]


def per_item(
    values: dict[str, dict[str, Any]], defaults: dict[str, Any], extra: tuple[str, ...] = ()
) -> dict[str, list[Any]]:
    """Columns of a one-row-per-rubric-item table: the hand-computed rows in
    ``values``, ``defaults`` for every item nobody scored, ``extra`` keys last."""
    keys = [*RUBRIC, *((key, NA) for key in extra)]
    columns: dict[str, list[Any]] = {"item": [k for k, _ in keys], "phase": [p for _, p in keys]}
    for column, default in defaults.items():
        columns[column] = [values.get(k, {}).get(column, default) for k, _ in keys]
    return columns


# ----------------------------------------------------------------- per candidate

HISTORY = {"candidate_id": STR, "interview_id": STR, "date": DATE, "sequence": INT, "item": STR, "score": INT}
CHANGE = {"candidate_id": STR, "item": STR, "first": INT, "last": INT, "change": INT, "interviews": INT}


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


SKIPPED = {"candidate_id": STR, "interviews": INT} | dict.fromkeys(STEPS, INT)


def test_skipped_steps_per_candidate(cohort: dict[str, pd.DataFrame]) -> None:
    # Per step, not started in: c1 -> i1 farewell, notes, promises; c2 -> i3 statement,
    # farewell, notes, promises and i4 everything; c3 has no interviews.
    expect(
        analysis.skipped_steps(cohort, rubric_items=2),
        {
            "candidate_id": ["c1", "c2", "c3"],
            "interviews": [2, 2, 0],
            "questions": [0, 1, 0],
            "statement": [0, 2, 0],
            "farewell": [1, 2, 0],
            "notes": [1, 2, 0],
            "reflection": [0, 1, 0],
            "email": [0, 1, 0],
            "promises": [1, 2, 0],
        },
        SKIPPED,
    )


# -------------------------------------------------------------------- per cohort

COMPLETION = {"step": STR, "not_started": INT, "started": INT, "done": INT, "share_done": FLT}
MOST_SKIPPED = {"step": STR, "skipped": INT, "interviews": INT, "share_skipped": FLT}


def test_step_completion_in_step_order(cohort: dict[str, pd.DataFrame]) -> None:
    # i1: questions, statement, reflection (2 of 2 scored), email done.
    # i2: questions, email done; statement (appeal), farewell, notes, reflection (1 of 2),
    #     promises (one open) started. i3: questions, reflection, email done. i4: nothing.
    expect(
        analysis.step_completion(cohort, rubric_items=2),
        {
            "step": list(STEPS),
            "not_started": [1, 2, 3, 3, 1, 1, 3],
            "started": [0, 1, 1, 1, 1, 0, 1],
            "done": [3, 1, 0, 0, 2, 3, 0],
            "share_done": [0.75, 0.25, 0.0, 0.0, 0.5, 0.75, 0.0],
        },
        COMPLETION,
    )


def test_most_skipped_steps_ties_keep_step_order(cohort: dict[str, pd.DataFrame]) -> None:
    expect(
        analysis.most_skipped_steps(cohort, rubric_items=2),
        {
            "step": ["farewell", "notes", "promises", "statement", "questions", "reflection", "email"],
            "skipped": [3, 3, 3, 2, 1, 1, 1],
            "interviews": [4] * 7,
            "share_skipped": [0.75, 0.75, 0.75, 0.5, 0.25, 0.25, 0.25],
        },
        MOST_SKIPPED,
    )


ITEM_SCORES = {"item": STR, "phase": STR, "n": INT, "mean": FLT, "median": FLT} | {f"n_{k}": INT for k in range(1, 6)}
NOT_SCORED = {"n": 0, "mean": NAN, "median": NAN, "n_1": 0, "n_2": 0, "n_3": 0, "n_4": 0, "n_5": 0}


def test_item_scores_of_the_candidates(cohort: dict[str, pd.DataFrame]) -> None:
    # asked-next-step: 2 (i1), 4 (i2), 3 (i3); thanked: 4 (i1); old-item: 5 (i3).
    scored = {
        "asked-next-step": {"n": 3, "mean": 3.0, "median": 3.0, "n_2": 1, "n_3": 1, "n_4": 1},
        "thanked": {"n": 1, "mean": 4.0, "median": 4.0, "n_4": 1},
        "old-item": {"n": 1, "mean": 5.0, "median": 5.0, "n_5": 1},
    }
    expect(analysis.item_scores(cohort), per_item(scored, NOT_SCORED, ("old-item",)), ITEM_SCORES)


def test_item_scores_of_the_coach_and_a_workshops_own_item(cohort: dict[str, pd.DataFrame]) -> None:
    rows = {name: list(values) for name, values in COHORT.items()}
    rows["workshop_rubric_items"] = [
        {"id": "x", "workshop_id": "w1", "key": "ws-x", "phase": "after", "label": "Eigen", "anchors": ["a"] * 5}
    ]
    rows["reflection_scores"] = [*rows["reflection_scores"], {"reflection_id": "r6", "item": "ws-x", "score": 1}]
    # Coach: asked-next-step 3 (i1), 5 (i3); thanked 5 (i1), 3 (i2); ws-x 1 (i3).
    scored = {
        "asked-next-step": {"n": 2, "mean": 4.0, "median": 4.0, "n_3": 1, "n_5": 1},
        "thanked": {"n": 2, "mean": 4.0, "median": 4.0, "n_3": 1, "n_5": 1},
        "ws-x": {"n": 1, "mean": 1.0, "median": 1.0, "n_1": 1},
    }
    expected = per_item(scored, NOT_SCORED, ("ws-x",))
    expected["phase"][-1] = "after"
    expect(analysis.item_scores(make_tables(**rows), scorer="coach"), expected, ITEM_SCORES)


def test_unknown_scorer_is_refused(cohort: dict[str, pd.DataFrame]) -> None:
    with pytest.raises(ValueError, match="scorer"):
        analysis.item_scores(cohort, scorer="peer")


GAP = {"item": STR, "phase": STR, "pairs": INT, "mean_self": FLT, "mean_coach": FLT, "mean_gap": FLT}


def test_self_coach_gap_only_over_interviews_scored_by_both(cohort: dict[str, pd.DataFrame]) -> None:
    # asked-next-step: i1 (self 2, coach 3), i3 (self 3, coach 5); i2 has no coach score.
    # thanked: i1 (4, 5); i2 only the coach scored. old-item: only self.
    scored: dict[str, dict[str, Any]] = {
        "asked-next-step": {"pairs": 2, "mean_self": 2.5, "mean_coach": 4.0, "mean_gap": 1.5},
        "thanked": {"pairs": 1, "mean_self": 4.0, "mean_coach": 5.0, "mean_gap": 1.0},
        "old-item": {"pairs": 0},
    }
    defaults = {"pairs": 0, "mean_self": NAN, "mean_coach": NAN, "mean_gap": NAN}
    expect(analysis.self_coach_gap(cohort), per_item(scored, defaults, ("old-item",)), GAP)


USAGE = {"question": STR, "catalogue_key": STR, "text": STR, "count": INT, "asked": INT, "share": FLT}
WARNINGS = {"question": STR, "text": STR, "rule": STR, "level": STR, "point": STR, "count": INT}
TOTALS = {"rule": STR, "level": STR, "point": STR, "questions": INT, "count": INT, "share": FLT}


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
    real = analysis.checks.check_question

    def counting(text: str, *, lang: str = "nl", round: str = "selection") -> list[Any]:
        calls.append((text, round))
        return real(text, lang=lang, round=round)

    monkeypatch.setattr(analysis.checks, "check_question", counting)
    analysis._question_feedback.cache_clear()
    rows = {name: list(values) for name, values in COHORT.items()}
    # Twice the same text in the same round.
    rows["questions"] = [*rows["questions"], {**rows["questions"][1], "id": "q7"}]
    analysis.cohort_summary(make_tables(**rows))
    assert sorted(calls) == sorted(set(calls))
    assert len(calls) == 6  # 6 distinct (text, round) pairs
    analysis._question_feedback.cache_clear()


# ---------------------------------------------------------------------- outcomes

BEHAVIOUR = {
    "interview_id": STR,
    "candidate_id": STR,
    "outcome": STR,
    "asked_next_step": BOOL,
    "closing_statement": BOOL,
    "email_on_time": BOOL,
}
OUTCOMES = {"behaviour": STR, "value": STR, "interviews": INT, "successes": INT, "share": FLT}


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


# ------------------------------------------------------------------- reflections

THEMES = {"term": STR, "count": INT, "kind": STR}


def test_reflection_themes_of_what_was_learned(cohort: dict[str, pd.DataFrame]) -> None:
    # r1: "Ik moet eerder naar de volgende stap vragen."
    # r4: "De volgende stap vragen werkt. Volgende keer beter!"  (the coach's r3 is left out)
    # Counted once per reflection; no phrase across the full stop ("werkt volgende").
    expect(
        analysis.reflection_themes(cohort),
        {
            "term": [
                "stap", "volgende", "vragen", "stap vragen", "volgende stap",
                "beter", "eerder", "keer", "werkt", "keer beter", "volgende keer", "vragen werkt",
            ],
            "count": [2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1],
            "kind": ["word"] * 3 + ["phrase"] * 2 + ["word"] * 4 + ["phrase"] * 3,
        },
        THEMES,
    )  # fmt: skip


def test_reflection_themes_of_every_answer_limited(cohort: dict[str, pd.DataFrame]) -> None:
    expect(
        analysis.reflection_themes(cohort, keys=None, min_count=2, top=2),
        {"term": ["stap", "volgende", "stap vragen", "volgende stap"], "count": [2] * 4,
         "kind": ["word", "word", "phrase", "phrase"]},
        THEMES,
    )  # fmt: skip
    every = analysis.reflection_themes(cohort, keys=None)
    assert {"salaris", "onbesproken", "salaris bleef"} <= set(every["term"])
    coach = analysis.reflection_themes(cohort, scorer="coach")
    expect(coach, {"term": ["coach", "notitie", "coach notitie"], "count": [1] * 3,
                   "kind": ["word", "word", "phrase"]}, THEMES)  # fmt: skip


def test_stop_words_hold_both_languages() -> None:
    words = analysis.stop_words()
    assert {"de", "het", "een", "the", "and", "i'm"} <= words
    assert not {"salaris", "vraag", "stap", "salary"} & words


# ---------------------------------------------------------------------- filters


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


# ------------------------------------------------------------------ edge cases

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


# ------------------------------------------------------------- a real store


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
