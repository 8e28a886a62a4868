"""A candidate's work as records: save, read, merge two tabs, delete, reorder.

Every user action is one short transaction. One-per-interview records (statement,
email, summary, a reflection per scorer) keep the id of the row already there, so
two tabs that each started a fresh record still end up editing the same row.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, Final, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from workbook import clock
from workbook.merge import merge_changes
from workbook.model import CoachComment, Interview
from workbook.schema import TABLES
from workbook.store.codec import KINDS, Kind, decode, encode, kind_of
from workbook.store.scope import AccessDenied, Scoped

__all__ = ["Records"]

Rec = TypeVar("Rec")

#: What ``save`` writes: an interview and the work done for it (accounts and
#: workshops have operations of their own, with their own checks).
_WORK: Final = frozenset(
    k.record for k in KINDS.values() if (k.via_interview or k.record is Interview) and k.record is not CoachComment
)


def _work_kind(record_type: type) -> Kind:
    kind = kind_of(record_type)
    if record_type not in _WORK:
        raise TypeError(f"Cannot store a {record_type.__name__} as a candidate's work.")
    return kind


class Records(Scoped):
    """Reads and writes of a candidate's work, limited to the store's scope."""

    def save(self, record: Rec) -> Rec:
        """Insert or update ``record`` (one transaction) and return it as stored."""
        kind = _work_kind(type(record))
        table = TABLES[kind.table]
        self._check_role(record)
        with self._db.write() as conn:
            if kind.via_interview:
                owner = self._owner_of_interview(conn, record.interview_id)  # type: ignore[attr-defined]
            else:
                owner = record.candidate_id  # type: ignore[attr-defined]
                self._check_owner(owner, conn)
            if kind.unique_by:
                where = [table.c[k] == getattr(record, k) for k in kind.unique_by]
                existing = conn.execute(sa.select(table.c.id).where(*where)).scalar()
                if existing is not None and existing != record.id:  # type: ignore[attr-defined]
                    record = dataclasses.replace(record, id=existing)  # type: ignore[type-var]
            now = clock.now()
            if hasattr(record, "updated_at"):
                record = dataclasses.replace(record, updated_at=now)  # type: ignore[type-var]
            rows = encode(record, owner=owner, stamp=now)
            row = rows[kind.table][0]
            current = conn.execute(sa.select(table.c.candidate_id).where(table.c.id == row["id"])).scalar()
            if current is None:
                conn.execute(table.insert().values(**row))
            else:
                self._check_owner(current, conn)
                if current != owner:
                    raise AccessDenied("A record cannot move to another candidate.")
                conn.execute(table.update().where(table.c.id == row["id"]).values(**row))
            for child in kind.children:
                child_table = TABLES[child.table]
                conn.execute(child_table.delete().where(child_table.c[child.parent_key] == row["id"]))
                if rows[child.table]:
                    conn.execute(child_table.insert(), rows[child.table])
        return record

    def save_merged(self, record: Rec, base: Rec) -> tuple[Rec, bool]:
        """Save only what changed since ``base`` (the record as this page loaded it).

        Returns the stored record and whether another tab's changes were merged in
        (see :func:`workbook.merge.merge_changes`).
        """
        kind = _work_kind(type(record))
        if not kind.unique_by:
            return self.save(record), False
        where = {k: getattr(record, k) for k in kind.unique_by}
        current = self.one(type(record), where.pop("interview_id"), **where)
        if current is None:
            return self.save(record), False
        merged, others = merge_changes(record, base, current)
        return self.save(merged), others

    def delete(self, record_type: type, record_id: str) -> bool:
        """Delete one record (and what hangs under it). True when a row went."""
        table = TABLES[_work_kind(record_type).table]
        with self._db.write() as conn:
            owner = conn.execute(sa.select(table.c.candidate_id).where(table.c.id == record_id)).scalar()
            if owner is None:
                return False
            self._check_owner(owner, conn)
            if self.candidate_id is None and not self.scope.everything:
                raise AccessDenied("A coach does not delete a candidate's work.")
            conn.execute(table.delete().where(table.c.id == record_id))
        return True

    def reorder_questions(self, interview_id: str, ordered_ids: Sequence[str]) -> None:
        """Give the planned questions of an interview the order of ``ordered_ids``."""
        table = TABLES["questions"]
        with self._db.write() as conn:
            self._owner_of_interview(conn, interview_id)
            now = clock.now()
            for position, qid in enumerate(ordered_ids):
                conn.execute(
                    table.update()
                    .where(table.c.id == qid, table.c.interview_id == interview_id)
                    .values(position=position, updated_at=now)
                )

    # -- typed reads --------------------------------------------------------

    def interviews(self) -> list[Interview]:
        """This candidate's interviews, newest first, with their interviewers."""
        table = TABLES["interviews"]
        query = self._scoped(table, sa.select(table)).order_by(table.c.date.desc(), table.c.updated_at.desc())
        with self._db.read() as conn:
            return self._decoded(conn, Interview, query)

    def interview(self, interview_id: str) -> Interview:
        table = TABLES["interviews"]
        with self._db.read() as conn:
            found = self._decoded(
                conn, Interview, self._scoped(table, sa.select(table).where(table.c.id == interview_id))
            )
        if not found:
            raise AccessDenied("No such interview for this candidate.")
        return found[0]

    def records(self, record_type: type[Rec], interview_id: str) -> list[Rec]:
        """The records of one type for one interview (questions in their order)."""
        table = TABLES[_work_kind(record_type).table]
        query = self._scoped(table, sa.select(table).where(table.c.interview_id == interview_id))
        if "position" in table.c:
            query = query.order_by(table.c.position)
        with self._db.read() as conn:
            return self._decoded(conn, record_type, query)

    def one(self, record_type: type[Rec], interview_id: str, **where: str) -> Rec | None:
        """The single record of a one-per-interview type, if it exists yet."""
        found = [
            r for r in self.records(record_type, interview_id) if all(getattr(r, k) == v for k, v in where.items())
        ]
        return found[0] if found else None

    def _decoded(self, conn: Connection, record_type: type[Rec], query: sa.Select[Any]) -> list[Rec]:
        rows = [dict(r) for r in conn.execute(query).mappings()]
        children = _children_of(conn, kind_of(record_type), [r["id"] for r in rows])
        return [decode(record_type, row, children.get(row["id"], {})) for row in rows]


def _children_of(conn: Connection, kind: Kind, ids: Iterable[str]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """The child rows of the records ``ids``, by record id and child table."""
    found: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: {c.table: [] for c in kind.children})
    ids = list(ids)
    if not ids or not kind.children:
        return {}
    for child in kind.children:
        table = TABLES[child.table]
        for row in conn.execute(sa.select(table).where(table.c[child.parent_key].in_(ids))).mappings():
            found[row[child.parent_key]][child.table].append(dict(row))
    return found
