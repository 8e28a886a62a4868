"""The hand-built cohort the analysis tests share, and the dtypes each result promises."""

from __future__ import annotations

from typing import Any

import pandas as pd
from pandas.testing import assert_frame_equal

from workbook import guidance
from workbook.analysis import STEPS
from workbook.schema import TABLES, coerce_frame

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


# ---------------------------------------------------- the dtypes of each result

HISTORY = {"candidate_id": STR, "interview_id": STR, "date": DATE, "sequence": INT, "item": STR, "score": INT}
CHANGE = {"candidate_id": STR, "item": STR, "first": INT, "last": INT, "change": INT, "interviews": INT}
SKIPPED = {"candidate_id": STR, "interviews": INT} | dict.fromkeys(STEPS, INT)
COMPLETION = {"step": STR, "not_started": INT, "started": INT, "done": INT, "share_done": FLT}
MOST_SKIPPED = {"step": STR, "skipped": INT, "interviews": INT, "share_skipped": FLT}
ITEM_SCORES = {"item": STR, "phase": STR, "n": INT, "mean": FLT, "median": FLT} | {f"n_{k}": INT for k in range(1, 6)}
NOT_SCORED = {"n": 0, "mean": NAN, "median": NAN, "n_1": 0, "n_2": 0, "n_3": 0, "n_4": 0, "n_5": 0}
GAP = {"item": STR, "phase": STR, "pairs": INT, "mean_self": FLT, "mean_coach": FLT, "mean_gap": FLT}
USAGE = {"question": STR, "catalogue_key": STR, "text": STR, "count": INT, "asked": INT, "share": FLT}
WARNINGS = {"question": STR, "text": STR, "rule": STR, "level": STR, "point": STR, "count": INT}
TOTALS = {"rule": STR, "level": STR, "point": STR, "questions": INT, "count": INT, "share": FLT}
BEHAVIOUR = {
    "interview_id": STR,
    "candidate_id": STR,
    "outcome": STR,
    "asked_next_step": BOOL,
    "closing_statement": BOOL,
    "email_on_time": BOOL,
}
OUTCOMES = {"behaviour": STR, "value": STR, "interviews": INT, "successes": INT, "share": FLT}
THEMES = {"term": STR, "count": INT, "kind": STR}
