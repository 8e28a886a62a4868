"""The one record <-> row codec: every record kind survives the trip, children included."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from workbook import model as m
from workbook.schema import TABLES
from workbook.store.codec import KINDS, decode, encode, kind_of, rows_of

STAMP = dt.datetime(2027, 5, 14, 15, 0, 0, 123000)

RECORDS = [
    m.Candidate(name="Sanne de Vries", linkedin_url="https://www.linkedin.com/in/sanne"),
    m.Interview(
        candidate_id="c1",
        employer="Gemeente Utrecht",
        role="Beleidsadviseur",
        date="2027-05-14",
        time="14:30",
        interviewers=(m.Interviewer(name="Jan", role="teamleider", email="jan@utrecht.nl"), m.Interviewer(name="Els")),
    ),
    m.PlannedQuestion(interview_id="i1", text="[1] Wat is de volgende stap?", position=2, asked=True),
    m.ClosingStatement(interview_id="i1", appeal="TDD", plan_steps=("eerst", "daarna"), text="ok"),
    m.Farewell(interview_id="i1", thanks="Dank", phrase="Fijne dag", checked=("thanked-opportunity",)),
    m.Reflection(
        interview_id="i1", scores={"thanked": 4, "next_step": 2}, answers={"learned": "é"}, gut_continue="yes"
    ),
    m.Promise(interview_id="i1", what="Kopie diploma", promised_on="2027-05-14", due_on="2027-05-17"),
    m.ThankYouEmail(interview_id="i1", recipients=("jan@utrecht.nl",), subject="Dank", send_on="2027-05-17"),
    m.Note(interview_id="i1", text='{"not": "json"}', kind="during"),
    m.Summary(interview_id="i1", key_points="• punt één"),
    m.Workshop(coach_id="k1", name="Najaar", starts_on="2027-09-01", ends_on="2027-11-30"),
    m.WorkshopQuestion(workshop_id="w1", purpose="ready", text="Met welke klant start ik?"),
    m.WorkshopRubricItem(workshop_id="w1", phase="goodbye", label="Oogcontact", anchors=("a", "b", "c", "d", "e")),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_every_record_survives_the_trip(record: object) -> None:
    rows = encode(record, owner="c1", stamp=STAMP)
    kind = kind_of(type(record))
    (row,) = rows[kind.table]
    # Only real columns, and each child table's rows point at the record.
    assert set(row) <= set(TABLES[kind.table].c.keys())
    for child in kind.children:
        assert all(r[child.parent_key] == record.id for r in rows[child.table])  # type: ignore[attr-defined]
    children = {child.table: rows[child.table] for child in kind.children}
    expected = dataclasses.replace(record, updated_at=STAMP) if hasattr(record, "updated_at") else record  # type: ignore[type-var]
    assert decode(type(record), row, children) == expected


def test_owner_and_stamp_fill_their_columns() -> None:
    rows = encode(RECORDS[5], owner="c1", stamp=STAMP)
    assert rows["reflections"][0]["candidate_id"] == "c1" and rows["reflections"][0]["updated_at"] == STAMP
    assert sorted(r["item"] for r in rows["reflection_scores"]) == ["next_step", "thanked"]
    assert {r["candidate_id"] for r in rows["reflection_scores"]} == {"c1"}


def test_derived_columns_and_json_columns() -> None:
    item = RECORDS[-1]
    row = encode(item, stamp=STAMP)["workshop_rubric_items"][0]
    assert row["key"] == item.key and row["anchors"] == ["a", "b", "c", "d", "e"]  # type: ignore[attr-defined]
    # A JSON column may come back as text (a CSV, a database without JSON): decoded;
    # a text column that merely looks like JSON stays text.
    statement = decode(m.ClosingStatement, {"id": "s1", "interview_id": "i1", "plan_steps": '["a", "b"]'})
    assert statement.plan_steps == ("a", "b")
    assert decode(m.PlannedQuestion, {"interview_id": "i1", "text": "[1]"}).text == "[1]"


def test_a_row_the_model_refuses_is_refused() -> None:
    with pytest.raises(m.ValidationError):
        decode(
            m.Reflection, {"interview_id": "i1", "scorer": "self"}, {"reflection_scores": [{"item": "x", "score": 9}]}
        )
    with pytest.raises(TypeError):
        encode(object())


def test_rows_of_many_records_are_grouped_parents_first() -> None:
    rows = rows_of([(RECORDS[1], "c1"), (RECORDS[5], "c1"), (RECORDS[2], "c1")], stamp=STAMP)
    names = list(rows)
    assert names.index("interviews") < names.index("interviewers") and names.index("reflections") < names.index(
        "reflection_scores"
    )
    assert len(rows["interviewers"]) == 2 and len(rows["questions"]) == 1


def test_every_record_kind_has_a_table() -> None:
    assert {k.table for k in KINDS.values()} <= set(TABLES)
