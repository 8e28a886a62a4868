"""Records to table rows and back: one codec for the store, demo data and imports.

A row is derived from the table's columns and the record's attributes, so a column
added to :mod:`workbook.schema` and a field of the same name on the record travel
without a line of mapping code. What does not follow from the names is said once
here: which table a record type lives in, its natural key if it is one per
interview, and its child collections (an interview's interviewers, a reflection's
scores), which live in child tables.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final, TypeVar

import sqlalchemy as sa

from workbook import model
from workbook.model import Interviewer
from workbook.schema import TABLES

__all__ = ["KINDS", "Child", "Kind", "decode", "encode", "kind_of", "kind_of_table", "rows_of"]

Rec = TypeVar("Rec")
Row = dict[str, Any]


@dataclass(frozen=True)
class Child:
    """A record field kept in a child table, one row per element."""

    field: str
    table: str
    #: The child table's column that points at the parent record's id.
    parent_key: str
    encode: Callable[[Any], list[Row]]
    decode: Callable[[list[Row]], Any]


@dataclass(frozen=True)
class Kind:
    """How one record type maps onto its table."""

    record: type
    table: str
    #: Interview-level records: the interview they belong to decides the owner.
    via_interview: bool = True
    #: For one-per-interview records (statement, email, ...): the natural key.
    unique_by: tuple[str, ...] = ()
    children: tuple[Child, ...] = ()


def _interviewer_rows(people: Iterable[Interviewer]) -> list[Row]:
    return [{"position": i, **dataclasses.asdict(p)} for i, p in enumerate(people)]


def _interviewers(rows: list[Row]) -> tuple[Interviewer, ...]:
    ordered = sorted(rows, key=lambda r: r["position"])
    return tuple(Interviewer(name=r["name"], role=r["role"] or "", email=r["email"] or "") for r in ordered)


def _score_rows(scores: Mapping[str, int]) -> list[Row]:
    return [{"item": item, "score": score} for item, score in scores.items()]


def _scores(rows: list[Row]) -> dict[str, int]:
    return {r["item"]: int(r["score"]) for r in rows}


_INTERVIEWERS: Final = Child("interviewers", "interviewers", "interview_id", _interviewer_rows, _interviewers)
_SCORES: Final = Child("scores", "reflection_scores", "reflection_id", _score_rows, _scores)

KINDS: Final[dict[type, Kind]] = {
    k.record: k
    for k in (
        Kind(model.Candidate, "candidates", via_interview=False),
        Kind(model.Interview, "interviews", via_interview=False, children=(_INTERVIEWERS,)),
        Kind(model.PlannedQuestion, "questions"),
        Kind(model.ClosingStatement, "statements", unique_by=("interview_id",)),
        Kind(model.Farewell, "farewells", unique_by=("interview_id",)),
        Kind(model.Reflection, "reflections", unique_by=("interview_id", "scorer"), children=(_SCORES,)),
        Kind(model.Promise, "promises"),
        Kind(model.ThankYouEmail, "emails", unique_by=("interview_id",)),
        Kind(model.Note, "notes", unique_by=("interview_id", "kind")),
        Kind(model.Summary, "summaries", unique_by=("interview_id",)),
        Kind(model.Workshop, "workshops", via_interview=False),
        Kind(model.WorkshopQuestion, "workshop_questions", via_interview=False),
        Kind(model.WorkshopRubricItem, "workshop_rubric_items", via_interview=False),
        Kind(model.CoachComment, "coach_comments"),
    )
}
_BY_TABLE: Final[dict[str, Kind]] = {k.table: k for k in KINDS.values()}


def kind_of(record_type: type) -> Kind:
    """The mapping of ``record_type``; ``TypeError`` for a type the store does not keep."""
    kind = KINDS.get(record_type)
    if kind is None:
        raise TypeError(f"Cannot store a {record_type.__name__}.")
    return kind


def kind_of_table(table: str) -> Kind | None:
    """The record type kept in ``table``, if any (child and link tables have none)."""
    return _BY_TABLE.get(table)


def _column_value(value: Any) -> Any:
    # JSON columns take lists and dicts; records hold tuples and read-only mappings.
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Mapping):
        return dict(value)
    return value


def encode(record: object, *, owner: str | None = None, stamp: dt.datetime | None = None) -> dict[str, list[Row]]:
    """The rows of ``record``: its own row and its child rows, by table name.

    Every column of the record's table that the record has an attribute for is
    filled from it (properties too, such as a custom rubric item's ``key``);
    ``owner`` fills ``candidate_id`` in every row that has one, ``stamp`` fills
    ``updated_at``.
    """
    kind = kind_of(type(record))
    table = TABLES[kind.table]
    row: Row = {}
    for column in table.columns:
        if column.name == "candidate_id" and owner is not None:
            row[column.name] = owner
        elif column.name == "updated_at" and stamp is not None:
            row[column.name] = stamp
        elif hasattr(record, column.name):
            row[column.name] = _column_value(getattr(record, column.name))
    rows = {kind.table: [row]}
    record_id = getattr(record, "id", None)
    for child in kind.children:
        child_columns = TABLES[child.table].c
        child_rows = []
        for values in child.encode(getattr(record, child.field)):
            values[child.parent_key] = record_id
            if "candidate_id" in child_columns and owner is not None:
                values["candidate_id"] = owner
            child_rows.append(values)
        rows[child.table] = child_rows
    return rows


def rows_of(records: Iterable[tuple[object, str | None]], *, stamp: dt.datetime) -> dict[str, list[Row]]:
    """The rows of many ``(record, owner)`` pairs, by table in write order (parents first)."""
    collected: dict[str, list[Row]] = {name: [] for name in TABLES}
    for record, owner in records:
        for name, rows in encode(record, owner=owner, stamp=stamp).items():
            collected[name].extend(rows)
    return {name: rows for name, rows in collected.items() if rows}


def _field_value(column: sa.Column[Any] | None, value: Any) -> Any:
    # What a database or a file hands back for a JSON column: a list (or still its
    # text); records hold tuples. Only JSON columns are decoded: a question that
    # happens to look like JSON ("[1]") stays text.
    if column is None or not isinstance(column.type, sa.JSON):
        return value
    if isinstance(value, str):
        value = json.loads(value)
    return tuple(value) if isinstance(value, list) else value


def decode(record_type: type[Rec], row: Mapping[Any, Any], children: Mapping[str, list[Row]] | None = None) -> Rec:
    """The record of ``row`` (and of its child rows, by child table name), validated by the model.

    Columns the record has no field for (``candidate_id`` of an interview-level
    record, ``updated_at`` where the record keeps none, a rubric item's ``key``)
    are left out. Raises the model's ``ValidationError`` for a row it refuses.
    """
    kind = kind_of(record_type)
    columns = TABLES[kind.table].c
    names = {f.name for f in dataclasses.fields(record_type)}  # type: ignore[arg-type]
    values = {name: _field_value(columns.get(name), value) for name, value in row.items() if name in names}
    for child in kind.children:
        if children is not None and child.table in children:
            values[child.field] = child.decode(children[child.table])
    return record_type(**values)
