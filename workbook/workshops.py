"""Workshops: a coach creates one and gets a code; candidates join with it; the coach
adds own closing questions and rubric items that the workshop's candidates see.

Every function checks who is asking: a coach only touches their own workshops, a
candidate only joins and reads the workshops they are in.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from workbook import guidance, identity
from workbook.model import (
    ValidationError,
    Workshop,
    WorkshopQuestion,
    WorkshopRubricItem,
)
from workbook.schema import TABLES
from workbook.store import AccessDenied, Database

__all__ = [
    "add_question",
    "add_rubric_item",
    "coach_name",
    "coach_workshops",
    "create_workshop",
    "delete_workshop",
    "find_workshop",
    "join_workshop",
    "purge_workshops",
    "questions_for_candidate",
    "rubric_items_for_candidate",
    "workshop_by_name",
    "workshop_code",
    "workshops_of_candidate",
]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _workshop(row: Any) -> Workshop:
    return Workshop(
        id=row["id"],
        coach_id=row["coach_id"],
        name=row["name"],
        starts_on=row["starts_on"],
        ends_on=row["ends_on"],
        language=row["language"],
    )


def create_workshop(db: Database, workshop: Workshop) -> str:
    """Store ``workshop`` and return the code candidates join with (shown once)."""
    code = identity.new_code()
    table = TABLES["workshops"]
    values = {
        "id": workshop.id,
        "coach_id": workshop.coach_id,
        "name": workshop.name,
        "starts_on": workshop.starts_on,
        "ends_on": workshop.ends_on,
        "language": workshop.language,
        "code": identity.normalise_code(code),
        "created_at": _now(),
        "updated_at": _now(),
    }
    with db.write() as conn:
        conn.execute(table.insert().values(**values))
    return code


def coach_workshops(db: Database, coach_id: str) -> list[Workshop]:
    """The coach's workshops, newest first."""
    table = TABLES["workshops"]
    with db.read() as conn:
        rows = conn.execute(
            sa.select(table).where(table.c.coach_id == coach_id).order_by(table.c.starts_on.desc(), table.c.name)
        ).mappings()
        return [_workshop(r) for r in rows]


def workshop_code(db: Database, workshop_id: str) -> str:
    """The join code of a workshop, in its readable form (``K7QD-M2XH-9RTB``)."""
    table = TABLES["workshops"]
    with db.read() as conn:
        code = str(conn.execute(sa.select(table.c.code).where(table.c.id == workshop_id)).scalar() or "")
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def coach_name(db: Database, coach_id: str) -> str:
    table = TABLES["coaches"]
    with db.read() as conn:
        return str(conn.execute(sa.select(table.c.name).where(table.c.id == coach_id)).scalar() or "")


def workshop_by_name(db: Database, name: str, coach_id: str | None = None) -> Workshop | None:
    """A workshop by its name (of one coach, if given); names are matched exactly."""
    table = TABLES["workshops"]
    query = sa.select(table).where(table.c.name == name.strip())
    if coach_id is not None:
        query = query.where(table.c.coach_id == coach_id)
    with db.read() as conn:
        rows = conn.execute(query).mappings().all()
    if len(rows) > 1:
        raise ValueError(f"More than one workshop is called {name!r}; name the coach too.")
    return _workshop(rows[0]) if rows else None


def find_workshop(db: Database, code: str) -> Workshop | None:
    """The workshop whose join code this is."""
    if not identity.looks_like_code(code):
        return None
    table = TABLES["workshops"]
    with db.read() as conn:
        row = conn.execute(sa.select(table).where(table.c.code == identity.normalise_code(code))).mappings().first()
    return _workshop(row) if row else None


def join_workshop(db: Database, candidate_id: str, code: str) -> Workshop | None:
    """Add the candidate to the workshop of ``code`` (again is fine); ``None`` for an unknown code."""
    workshop = find_workshop(db, code)
    if workshop is None:
        return None
    table = TABLES["memberships"]
    with db.write() as conn:
        already = conn.execute(
            sa.select(table.c.candidate_id).where(
                table.c.workshop_id == workshop.id, table.c.candidate_id == candidate_id
            )
        ).first()
        if already is None:
            conn.execute(table.insert().values(workshop_id=workshop.id, candidate_id=candidate_id, joined_at=_now()))
    return workshop


def workshops_of_candidate(db: Database, candidate_id: str) -> list[Workshop]:
    workshops, memberships = TABLES["workshops"], TABLES["memberships"]
    query = (
        sa.select(workshops)
        .join(memberships, memberships.c.workshop_id == workshops.c.id)
        .where(memberships.c.candidate_id == candidate_id)
        .order_by(workshops.c.starts_on.desc())
    )
    with db.read() as conn:
        return [_workshop(r) for r in conn.execute(query).mappings()]


def _own_workshop(db: Database, coach_id: str, workshop_id: str) -> None:
    table = TABLES["workshops"]
    with db.read() as conn:
        owner = conn.execute(sa.select(table.c.coach_id).where(table.c.id == workshop_id)).scalar()
    if owner != coach_id:
        raise AccessDenied("This workshop belongs to another coach.")


def delete_workshop(db: Database, coach_id: str, workshop_id: str, *, with_candidates: bool = False) -> None:
    """Delete a workshop (its memberships and custom content go with it).

    With ``with_candidates``, its candidates and all their work are deleted too,
    unless they are also in another workshop.
    """
    _own_workshop(db, coach_id, workshop_id)
    workshops, memberships, candidates = TABLES["workshops"], TABLES["memberships"], TABLES["candidates"]
    with db.write() as conn:
        if with_candidates:
            members = sa.select(memberships.c.candidate_id).where(memberships.c.workshop_id == workshop_id)
            elsewhere = sa.select(memberships.c.candidate_id).where(memberships.c.workshop_id != workshop_id)
            conn.execute(candidates.delete().where(candidates.c.id.in_(members), candidates.c.id.not_in(elsewhere)))
        conn.execute(workshops.delete().where(workshops.c.id == workshop_id))


def purge_workshops(
    db: Database, *, older_than_months: int, today: dt.date | None = None, dry_run: bool = False
) -> list[str]:
    """Delete workshops that ended more than ``older_than_months`` ago, with their
    candidates' data (the retention setting). Returns the names of the workshops."""
    today = today or dt.date.today()
    year, month = divmod(today.year * 12 + today.month - 1 - older_than_months, 12)
    cutoff = dt.date(year, month + 1, min(today.day, 28))
    table = TABLES["workshops"]
    ended = sa.func.coalesce(table.c.ends_on, table.c.starts_on)
    with db.read() as conn:
        rows = conn.execute(sa.select(table.c.id, table.c.coach_id, table.c.name).where(ended < cutoff)).all()
    if not dry_run:
        for workshop_id, coach_id, _name in rows:
            delete_workshop(db, coach_id, workshop_id, with_candidates=True)
    return [name for _id, _coach, name in rows]


def add_question(db: Database, coach_id: str, question: WorkshopQuestion) -> WorkshopQuestion:
    """Add a coach's own closing question to one of their workshops."""
    _own_workshop(db, coach_id, question.workshop_id)
    if question.purpose not in {p.key for p in guidance.purposes()}:
        raise ValidationError(
            "source", "choice", value=question.purpose, choices=", ".join(p.key for p in guidance.purposes())
        )
    table = TABLES["workshop_questions"]
    with db.write() as conn:
        conn.execute(
            table.insert().values(
                id=question.id,
                workshop_id=question.workshop_id,
                purpose=question.purpose,
                language=question.language,
                text=question.text,
                when_to_use=question.when_to_use,
                updated_at=_now(),
            )
        )
    return question


def add_rubric_item(db: Database, coach_id: str, item: WorkshopRubricItem) -> WorkshopRubricItem:
    """Add a coach's own rubric item (with five anchors) to one of their workshops."""
    _own_workshop(db, coach_id, item.workshop_id)
    if item.phase not in {p.key for p in guidance.phases()}:
        raise ValidationError("source", "choice", value=item.phase, choices=", ".join(p.key for p in guidance.phases()))
    table = TABLES["workshop_rubric_items"]
    with db.write() as conn:
        conn.execute(
            table.insert().values(
                id=item.id,
                workshop_id=item.workshop_id,
                key=item.key,
                phase=item.phase,
                label=item.label,
                anchors=list(item.anchors),
                updated_at=_now(),
            )
        )
    return item


def _in_workshops_of(candidate_id: str) -> sa.Select[Any]:
    memberships = TABLES["memberships"]
    return sa.select(memberships.c.workshop_id).where(memberships.c.candidate_id == candidate_id)


def questions_for_candidate(db: Database, candidate_id: str, workshop_id: str | None = None) -> list[WorkshopQuestion]:
    """The coaches' own questions of the candidate's workshops (or of one)."""
    table = TABLES["workshop_questions"]
    query = sa.select(table).where(table.c.workshop_id.in_(_in_workshops_of(candidate_id)))
    if workshop_id is not None:
        query = query.where(table.c.workshop_id == workshop_id)
    with db.read() as conn:
        rows = conn.execute(query.order_by(table.c.purpose, table.c.text)).mappings().all()
    return [
        WorkshopQuestion(
            id=r["id"],
            workshop_id=r["workshop_id"],
            purpose=r["purpose"],
            text=r["text"],
            language=r["language"],
            when_to_use=r["when_to_use"],
        )
        for r in rows
    ]


def rubric_items_for_candidate(db: Database, candidate_id: str) -> list[WorkshopRubricItem]:
    """The coaches' own rubric items of the candidate's workshops."""
    table = TABLES["workshop_rubric_items"]
    query = sa.select(table).where(table.c.workshop_id.in_(_in_workshops_of(candidate_id)))
    with db.read() as conn:
        rows = conn.execute(query.order_by(table.c.phase, table.c.label)).mappings().all()
    return [
        WorkshopRubricItem(
            id=r["id"], workshop_id=r["workshop_id"], phase=r["phase"], label=r["label"], anchors=tuple(r["anchors"])
        )
        for r in rows
    ]
