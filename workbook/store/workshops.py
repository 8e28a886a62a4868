"""Workshops as operations of the scoped store: a coach creates one and gets a code,
candidates join with it, the coach adds own closing questions and rubric items that
the workshop's candidates see.

Who may do what follows from the scope: a coach's store touches only that coach's
workshops, a candidate's store joins and reads only the workshops they are in, the
server's own store (the command line) may touch all.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from workbook import clock, guidance, identity
from workbook.model import ValidationError, Workshop, WorkshopQuestion, WorkshopRubricItem
from workbook.schema import TABLES
from workbook.store.codec import decode, encode
from workbook.store.scope import AccessDenied, Scope, Scoped

__all__ = ["Workshops", "readable_code"]


def readable_code(code: str) -> str:
    """A join code as people read it aloud: ``K7QD-M2XH-9RTB``."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


class Workshops(Scoped):
    """Workshop operations, checked against the store's scope."""

    # -- reading --------------------------------------------------------------

    def workshops(self) -> list[Workshop]:
        """The workshops in scope (a coach's own, a candidate's joined ones), newest first."""
        table = TABLES["workshops"]
        query = self._scoped(table, sa.select(table)).order_by(table.c.starts_on.desc(), table.c.name)
        with self._db.read() as conn:
            return [decode(Workshop, row) for row in conn.execute(query).mappings()]

    def workshop_by_name(self, name: str) -> Workshop | None:
        """A workshop in scope by its exact name; ``ValueError`` when several share it."""
        table = TABLES["workshops"]
        query = self._scoped(table, sa.select(table).where(table.c.name == name.strip()))
        with self._db.read() as conn:
            rows = conn.execute(query).mappings().all()
        if len(rows) > 1:
            raise ValueError(f"More than one workshop is called {name!r}; name the coach too.")
        return decode(Workshop, rows[0]) if rows else None

    def workshop_code(self, workshop_id: str) -> str:
        """The join code of a workshop in scope, in its readable form."""
        table = TABLES["workshops"]
        query = self._scoped(table, sa.select(table.c.code).where(table.c.id == workshop_id))
        with self._db.read() as conn:
            return readable_code(str(conn.execute(query).scalar() or ""))

    def coach_name(self) -> str:
        """The name of the store's coach."""
        table = TABLES["coaches"]
        with self._db.read() as conn:
            return str(conn.execute(sa.select(table.c.name).where(table.c.id == self.scope.coach_id)).scalar() or "")

    def workshop_questions(self, workshop_id: str | None = None) -> list[WorkshopQuestion]:
        """The coaches' own questions of the workshops in scope (or of one of them)."""
        table = TABLES["workshop_questions"]
        query = self._scoped(table, sa.select(table))
        if workshop_id is not None:
            query = query.where(table.c.workshop_id == workshop_id)
        with self._db.read() as conn:
            rows = conn.execute(query.order_by(table.c.purpose, table.c.text)).mappings()
            return [decode(WorkshopQuestion, row) for row in rows]

    def workshop_rubric_items(self, *, retired: bool = False) -> list[WorkshopRubricItem]:
        """The coaches' own rubric items of the workshops in scope; with ``retired``,
        also the deleted ones (to label the scores given before)."""
        table = TABLES["workshop_rubric_items"]
        query = self._scoped(table, sa.select(table)).order_by(table.c.phase, table.c.label)
        if not retired:
            query = query.where(table.c.retired_at.is_(None))
        with self._db.read() as conn:
            return [decode(WorkshopRubricItem, row) for row in conn.execute(query).mappings()]

    # -- a candidate --------------------------------------------------------------

    def join_workshop(self, code: str) -> Workshop | None:
        """Add the store's candidate to the workshop of ``code`` (again is fine);
        ``None`` for an unknown code."""
        if self.candidate_id is None:
            raise AccessDenied("Only candidates join a workshop.")
        from workbook.store.accounts import find_workshop

        workshop = find_workshop(self._db, code)
        if workshop is None:
            return None
        table = TABLES["memberships"]
        with self._db.write() as conn:
            already = conn.execute(
                sa.select(table.c.candidate_id).where(
                    table.c.workshop_id == workshop.id, table.c.candidate_id == self.candidate_id
                )
            ).first()
            if already is None:
                conn.execute(
                    table.insert().values(
                        workshop_id=workshop.id, candidate_id=self.candidate_id, joined_at=clock.now()
                    )
                )
        return workshop

    # -- a coach ----------------------------------------------------------------

    def create_workshop(self, workshop: Workshop) -> str:
        """Store ``workshop`` and return the code candidates join with (shown once)."""
        if self.candidate_id is not None or self.scope.coach_id not in (None, workshop.coach_id):
            raise AccessDenied("A coach creates workshops of their own.")
        code = identity.new_code()
        row = encode(workshop, stamp=clock.now())["workshops"][0]
        row |= {"code": identity.normalise_code(code), "created_at": row["updated_at"]}
        with self._db.write() as conn:
            conn.execute(TABLES["workshops"].insert().values(**row))
        return code

    def delete_workshop(self, workshop_id: str, *, with_candidates: bool = False) -> None:
        """Delete a workshop (its memberships and custom content go with it).

        With ``with_candidates``, its candidates and all their work are deleted too,
        unless they are also in another workshop.
        """
        workshops, memberships, candidates = TABLES["workshops"], TABLES["memberships"], TABLES["candidates"]
        with self._db.write() as conn:
            self._check_workshop(conn, workshop_id)
            if with_candidates:
                members = sa.select(memberships.c.candidate_id).where(memberships.c.workshop_id == workshop_id)
                elsewhere = sa.select(memberships.c.candidate_id).where(memberships.c.workshop_id != workshop_id)
                conn.execute(candidates.delete().where(candidates.c.id.in_(members), candidates.c.id.not_in(elsewhere)))
            conn.execute(workshops.delete().where(workshops.c.id == workshop_id))

    def add_question(self, question: WorkshopQuestion) -> WorkshopQuestion:
        """Add a coach's own closing question to one of their workshops."""
        self._check_purpose(question.purpose)
        self._add(question.workshop_id, encode(question, stamp=clock.now()))
        return question

    def add_rubric_item(self, item: WorkshopRubricItem) -> WorkshopRubricItem:
        """Add a coach's own rubric item (with five anchors) to one of their workshops."""
        self._check_phase(item.phase)
        self._add(item.workshop_id, encode(item, stamp=clock.now()))
        return item

    def update_question(self, question: WorkshopQuestion) -> WorkshopQuestion:
        """Change a coach's own question (planned copies candidates made stay as they are)."""
        self._check_purpose(question.purpose)
        self._replace("workshop_questions", question.id, question.workshop_id, encode(question, stamp=clock.now()))
        return question

    def delete_question(self, question_id: str) -> bool:
        """Delete a coach's own question; candidates who planned it keep their copy."""
        table = TABLES["workshop_questions"]
        with self._db.write() as conn:
            workshop_id = conn.execute(sa.select(table.c.workshop_id).where(table.c.id == question_id)).scalar()
            if workshop_id is None:
                return False
            self._check_workshop(conn, workshop_id)
            conn.execute(table.delete().where(table.c.id == question_id))
        return True

    def update_rubric_item(self, item: WorkshopRubricItem) -> WorkshopRubricItem:
        """Change a coach's own rubric item; the scores given keep pointing at it."""
        self._check_phase(item.phase)
        self._replace("workshop_rubric_items", item.id, item.workshop_id, encode(item, stamp=clock.now()))
        return item

    def retire_rubric_item(self, item_id: str) -> bool:
        """Delete a coach's own rubric item for what comes next: candidates no longer
        score it, and the scores they gave keep their label. True when it went."""
        table = TABLES["workshop_rubric_items"]
        with self._db.write() as conn:
            workshop_id = conn.execute(sa.select(table.c.workshop_id).where(table.c.id == item_id)).scalar()
            if workshop_id is None:
                return False
            self._check_workshop(conn, workshop_id)
            now = clock.now()
            conn.execute(table.update().where(table.c.id == item_id).values(retired_at=now, updated_at=now))
        return True

    def _add(self, workshop_id: str, rows: dict[str, list[dict[str, Any]]]) -> None:
        with self._db.write() as conn:
            self._check_workshop(conn, workshop_id)
            for name, table_rows in rows.items():
                conn.execute(TABLES[name].insert(), table_rows)

    def _replace(self, name: str, record_id: str, workshop_id: str, rows: dict[str, list[dict[str, Any]]]) -> None:
        table = TABLES[name]
        with self._db.write() as conn:
            current = conn.execute(sa.select(table.c.workshop_id).where(table.c.id == record_id)).scalar()
            if current is None:
                raise AccessDenied("No such question or rubric item in your workshops.")
            # Both the workshop it is in and the one it would move to must be the coach's.
            self._check_workshop(conn, current)
            self._check_workshop(conn, workshop_id)
            conn.execute(table.update().where(table.c.id == record_id).values(**rows[name][0]))

    @staticmethod
    def _check_purpose(purpose: str) -> None:
        keys = [p.key for p in guidance.purposes()]
        if purpose not in keys:
            raise ValidationError("purpose", "choice", value=purpose, choices=", ".join(keys))

    @staticmethod
    def _check_phase(phase: str) -> None:
        keys = [p.key for p in guidance.phases()]
        if phase not in keys:
            raise ValidationError("phase", "choice", value=phase, choices=", ".join(keys))

    # -- the server's own tools ---------------------------------------------------

    def purge_workshops(
        self, *, older_than_months: int, today: dt.date | None = None, dry_run: bool = False
    ) -> list[str]:
        """Delete workshops that ended more than ``older_than_months`` ago, with their
        candidates' data (the retention setting). Returns the names of the workshops."""
        if self.scope != Scope():
            raise AccessDenied("Only the server's own tools purge workshops.")
        today = today or dt.date.today()
        year, month = divmod(today.year * 12 + today.month - 1 - older_than_months, 12)
        cutoff = dt.date(year, month + 1, min(today.day, 28))
        table = TABLES["workshops"]
        ended = sa.func.coalesce(table.c.ends_on, table.c.starts_on)
        with self._db.read() as conn:
            rows = conn.execute(sa.select(table.c.id, table.c.name).where(ended < cutoff)).all()
        if not dry_run:
            for workshop_id, _name in rows:
                self.delete_workshop(workshop_id, with_candidates=True)
        return [name for _id, name in rows]
