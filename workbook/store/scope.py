"""Whose rows a store may touch, in one place: one candidate, a coach's workshops,
one workshop, or (for the server's own tools) everything.

Every read is narrowed with a ``WHERE`` built here and every write checks its
owner here, so isolation is a property of the store, never of a screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from workbook.model import Reflection, ValidationError
from workbook.schema import TABLES

if TYPE_CHECKING:
    from workbook.store.database import Database

__all__ = ["AccessDenied", "Scope", "Scoped"]


class AccessDenied(PermissionError):
    """A scoped store was asked for a row that belongs to someone else."""


@dataclass(frozen=True)
class Scope:
    """Whose rows a store may touch: one candidate, a coach's workshops, one
    workshop, or (all ``None``) everything."""

    candidate_id: str | None = None
    coach_id: str | None = None
    workshop_id: str | None = None

    @property
    def everything(self) -> bool:
        return self == Scope()


class Scoped:
    """The scope's checks, shared by every part of :class:`~workbook.store.Store`."""

    def __init__(self, db: Database, scope: Scope) -> None:
        self._db = db
        self.scope = scope
        self.candidate_id = scope.candidate_id

    @property
    def is_coach(self) -> bool:
        return self.candidate_id is None

    def _workshop_ids(self) -> sa.Select[Any] | None:
        """The workshops in scope, as a subquery; ``None`` means all."""
        workshops, memberships = TABLES["workshops"], TABLES["memberships"]
        if self.scope.candidate_id is not None:
            return sa.select(memberships.c.workshop_id).where(memberships.c.candidate_id == self.scope.candidate_id)
        query = None
        if self.scope.coach_id is not None:
            query = sa.select(workshops.c.id).where(workshops.c.coach_id == self.scope.coach_id)
        if self.scope.workshop_id is not None:
            query = (query if query is not None else sa.select(workshops.c.id)).where(
                workshops.c.id == self.scope.workshop_id
            )
        return query

    def _candidate_ids(self) -> sa.Select[Any] | None:
        """The candidates in scope, as a subquery; ``None`` means all."""
        workshop_ids = self._workshop_ids()
        if workshop_ids is None:
            return None
        memberships = TABLES["memberships"]
        return sa.select(memberships.c.candidate_id).where(memberships.c.workshop_id.in_(workshop_ids))

    def _scoped(self, table: sa.Table, query: sa.Select[Any]) -> sa.Select[Any]:
        name = table.name
        if self.scope.candidate_id is not None and "candidate_id" in table.c:
            return query.where(table.c.candidate_id == self.scope.candidate_id)
        if name == "candidates":
            if self.scope.candidate_id is not None:
                return query.where(table.c.id == self.scope.candidate_id)
            ids = self._candidate_ids()
            return query if ids is None else query.where(table.c.id.in_(ids))
        if name == "coaches":
            if self.scope.candidate_id is not None:
                return query.where(sa.false())
            return query if self.scope.coach_id is None else query.where(table.c.id == self.scope.coach_id)
        if name == "workshops":
            ids = self._workshop_ids()
            return query if ids is None else query.where(table.c.id.in_(ids))
        if "workshop_id" in table.c:
            ids = self._workshop_ids()
            return query if ids is None else query.where(table.c.workshop_id.in_(ids))
        ids = self._candidate_ids()
        return query if ids is None else query.where(table.c.candidate_id.in_(ids))

    def _owner_of_interview(self, conn: Connection, interview_id: str) -> str:
        table = TABLES["interviews"]
        owner = conn.execute(sa.select(table.c.candidate_id).where(table.c.id == interview_id)).scalar()
        if owner is None:
            raise ValidationError("interview_id", "required")
        self._check_owner(owner, conn)
        return str(owner)

    def _check_owner(self, owner: str, conn: Connection | None = None) -> None:
        if self.candidate_id is not None:
            if owner != self.candidate_id:
                raise AccessDenied("This record belongs to another candidate.")
            return
        ids = self._candidate_ids()
        if ids is None:
            return
        query = sa.select(sa.literal(owner).in_(ids))
        if conn is not None:
            allowed = conn.execute(query).scalar()
        else:
            with self._db.read() as reading:
                allowed = reading.execute(query).scalar()
        if not allowed:
            raise AccessDenied("This candidate is not in your workshops.")

    def _check_role(self, record: object) -> None:
        """Candidates write their own work and self-scores; coaches only their scores."""
        coach_score = isinstance(record, Reflection) and record.scorer == "coach"
        if self.candidate_id is not None and coach_score:
            raise AccessDenied("Only a coach gives coach scores.")
        if self.candidate_id is None and not self.scope.everything and not coach_score:
            raise AccessDenied("A coach only adds coach scores to a candidate's work.")

    def _check_workshop(self, conn: Connection, workshop_id: str) -> None:
        """A coach changes only their own workshops (the server's tools, any)."""
        if self.candidate_id is not None:
            raise AccessDenied("Only a coach changes a workshop.")
        ids = self._workshop_ids()
        if ids is None:
            return
        if not conn.execute(sa.select(sa.literal(workshop_id).in_(ids))).scalar():
            raise AccessDenied("This workshop belongs to another coach.")
