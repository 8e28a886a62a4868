"""The coach's roster on the hand-built cohort, every cell worked out by hand."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pandas as pd
import pytest

from tests.analysis._cohort import COHORT, DATE, FLT, INT, NA, NAN, STR, date, expect, make_tables
from workbook import analysis
from workbook.demo import fill_demo
from workbook.store import Database

ROSTER = {
    "candidate_id": STR,
    "name": STR,
    "name_number": INT,
    "created_at": DATE,
    "interviews": INT,
    "latest_interview_id": STR,
    "latest_date": DATE,
    "steps_done": INT,
    "steps_started": INT,
    "steps_open": INT,
    "last_activity": DATE,
    "self_mean": FLT,
    "coach_mean": FLT,
    "warnings": INT,
    "no_interview": "bool",
    "inactive": "bool",
}
TODAY = dt.date(2027, 4, 20)


def _stamped() -> dict[str, list[dict[str, Any]]]:
    """The cohort with sign-up and save stamps, and a second Anna without any work.

    Activity: c1 saved a question on 15 April (the coach scored on 19 April: not
    theirs); c2 entered i4 on 12 April (a coach's comment on 19 April: not theirs);
    c3 only joined, on 30 March; c4 has no stamp at all.
    """
    rows = copy.deepcopy(COHORT)
    created = {"c1": "2027-02-20 09:00", "c2": "2027-02-21 10:00", "c3": "2027-03-30 11:00"}
    for candidate in rows["candidates"]:
        candidate["created_at"] = candidate["updated_at"] = created[candidate["id"]]
    rows["candidates"].append({"id": "c4", "name": "Anna", "language": "nl", "created_at": "2027-02-25 12:00"})
    for membership in rows["memberships"]:
        membership["joined_at"] = created[membership["candidate_id"]]
    stamps = {"q6": "2027-04-15 10:00", "r5": "2027-04-19 16:00", "i4": "2027-04-12 08:00"}
    for table in ("questions", "reflections", "interviews"):
        for row in rows[table]:
            if row["id"] in stamps:
                row["updated_at"] = stamps[row["id"]]
    rows["coach_comments"] = [
        {
            "id": "k1",
            "candidate_id": "c2",
            "interview_id": "i3",
            "coach_id": "k1",
            "text": "Goed gedaan",
            "created_at": "2027-04-19 09:00",
            "updated_at": "2027-04-19 09:00",
        }
    ]
    return rows


@pytest.fixture
def stamped() -> dict[str, pd.DataFrame]:
    return make_tables(**_stamped())


def test_roster_per_candidate(stamped: dict[str, pd.DataFrame]) -> None:
    # Steps of the latest interview with rubric_items=2 (see test_progress): i2 is
    # done/started/open 2/5/0, i4 has nothing yet (0/0/7). Scores: c1 self 2, 4, 4 and
    # coach 3, 5, 3; c2 self 3, 5 and coach 5. Warnings: salary in i1 and verdict in i2
    # (c1), salary in the introduction round i3 (c2). Inactive: more than 7 days
    # before 20 April (c2: 8 days; c3: 21), or never (c4).
    cor_joined = "2027-03-30 11:00"  # Cor signed up and joined then, and did nothing since
    expect(
        analysis.roster(stamped, today=TODAY, rubric_items=2),
        {
            "candidate_id": ["c1", "c4", "c2", "c3"],
            "name": ["Anna", "Anna", "Bram", "Cor"],
            "name_number": [1, 2, 1, 1],
            "created_at": [date(d) for d in ("2027-02-20 09:00", "2027-02-25 12:00", "2027-02-21 10:00", cor_joined)],
            "interviews": [2, 0, 2, 0],
            "latest_interview_id": ["i2", NA, "i4", NA],
            "latest_date": [date("2027-03-15"), pd.NaT, date("2027-04-12"), pd.NaT],
            "steps_done": [2, 0, 0, 0],
            "steps_started": [5, 0, 0, 0],
            "steps_open": [0, 0, 7, 0],
            "last_activity": [date("2027-04-15 10:00"), pd.NaT, date("2027-04-12 08:00"), date(cor_joined)],
            "self_mean": [10 / 3, NAN, 4.0, NAN],
            "coach_mean": [11 / 3, NAN, 5.0, NAN],
            "warnings": [2, 0, 1, 0],
            "no_interview": [False, True, False, True],
            "inactive": [False, True, True, True],
        },
        ROSTER,
    )


def test_inactive_counts_whole_days(stamped: dict[str, pd.DataFrame]) -> None:
    # c2 was last active 8 days before today: inactive after 7 days, not after 8.
    assert analysis.roster(stamped, today=TODAY, inactive_days=8)["inactive"].tolist() == [False, True, False, True]
    assert analysis.roster(stamped, today=dt.date(2027, 4, 16))["inactive"].tolist() == [False, True, False, True]


def test_roster_of_one_workshop(stamped: dict[str, pd.DataFrame]) -> None:
    result = analysis.roster(analysis.filter_tables(stamped, workshop_id="w1"), today=TODAY)
    assert result["candidate_id"].tolist() == ["c1", "c2"]
    assert result["name_number"].tolist() == [1, 1]  # the other Anna is not in this workshop


def test_the_latest_interview_by_date_time_then_entry() -> None:
    candidate = [{"id": "c", "name": "Eva", "language": "nl"}]

    def interview(id_: str, day: str, updated: str, time: dt.time | None = None) -> dict[str, Any]:
        return {"id": id_, "candidate_id": "c", "round": "selection", "date": day, "time": time,
                "outcome": "pending", "updated_at": updated}  # fmt: skip

    same_day = [interview("a", "2027-05-03", "2027-05-04"), interview("b", "2027-05-03", "2027-05-01")]
    tables = make_tables(candidates=candidate, interviews=same_day)
    assert analysis.roster(tables, today=TODAY)["latest_interview_id"].tolist() == ["a"]  # entered last
    timed = [interview("a", "2027-05-03", "2027-05-04"), interview("b", "2027-05-03", "2027-05-01", dt.time(14))]
    tables = make_tables(candidates=candidate, interviews=timed)
    assert analysis.roster(tables, today=TODAY)["latest_interview_id"].tolist() == ["b"]  # later that day
    earlier = [interview("a", "2027-05-02", "2027-05-09"), interview("b", "2027-05-03", "2027-05-01")]
    tables = make_tables(candidates=candidate, interviews=earlier)
    assert analysis.roster(tables, today=TODAY)["interviews"].tolist() == [2]
    assert analysis.roster(tables, today=TODAY)["latest_interview_id"].tolist() == ["b"]  # the date first


def test_roster_of_empty_tables(empty: dict[str, pd.DataFrame]) -> None:
    result = analysis.roster(empty, today=TODAY)
    assert result.empty
    assert result.dtypes.astype(str).to_dict() == {c: str(pd.Series(dtype=d).dtype) for c, d in ROSTER.items()}


def test_roster_of_candidates_without_any_work() -> None:
    tables = make_tables(candidates=[{"id": "c", "name": "Eva", "language": "nl", "updated_at": "2027-04-19"}])
    expect(
        analysis.roster(tables, today=TODAY),
        {
            "candidate_id": ["c"],
            "name": ["Eva"],
            "name_number": [1],
            "created_at": [pd.NaT],
            "interviews": [0],
            "latest_interview_id": [NA],
            "latest_date": [pd.NaT],
            "steps_done": [0],
            "steps_started": [0],
            "steps_open": [0],
            "last_activity": [date("2027-04-19")],
            "self_mean": [NAN],
            "coach_mean": [NAN],
            "warnings": [0],
            "no_interview": [True],
            "inactive": [False],
        },
        ROSTER,
    )


def test_demo_marks_questions_of_past_interviews_asked(db: Database) -> None:
    # The coach view's "Asked" column: the demo marks questions asked after the interview only.
    demo = fill_demo(db, candidates=12, interviews=4, seed=7)
    tables = db.for_coach(demo.coach_id).tables()
    questions = tables["questions"].merge(
        tables["interviews"][["id", "outcome"]].rename(columns={"id": "interview_id"}), on="interview_id"
    )
    asked = questions["asked"].astype(bool)
    past = questions["outcome"].astype(str) != "pending"
    assert asked.any() and not asked[~past].any()
    assert 0.5 < asked[past].mean() < 1.0
    usage = analysis.question_usage(tables)
    assert usage["asked"].sum() > 0 and (usage["asked"] <= usage["count"]).all()
    result = analysis.roster(analysis.filter_tables(tables, workshop_id=demo.workshop_id))
    assert len(result) == 12 and result["interviews"].tolist() == [4] * 12
