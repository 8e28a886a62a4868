"""A coach's written feedback: the coach writes it on an interview in their
workshops, the candidate reads it in their workspace, new until seen."""

from __future__ import annotations

import sqlalchemy as sa

from workbook import clock
from workbook.model import CoachComment
from workbook.schema import TABLES
from workbook.store.codec import decode, encode
from workbook.store.scope import AccessDenied, Scoped

__all__ = ["Comments"]


class Comments(Scoped):
    """Coach comments, scoped like every other read; only coaches write them."""

    def comments(self, interview_id: str | None = None) -> list[CoachComment]:
        """The comments in scope (on one interview, if given), oldest first."""
        table = TABLES["coach_comments"]
        query = self._scoped(table, sa.select(table))
        if interview_id is not None:
            query = query.where(table.c.interview_id == interview_id)
        with self._db.read() as conn:
            rows = conn.execute(query.order_by(table.c.created_at, table.c.id)).mappings()
            return [decode(CoachComment, row) for row in rows]

    def save_comment(self, comment: CoachComment) -> CoachComment:
        """Write or change a comment of this coach on an interview of their candidates."""
        if self.candidate_id is not None:
            raise AccessDenied("Only a coach writes coach comments.")
        if self.scope.coach_id not in (None, comment.coach_id):
            raise AccessDenied("A coach writes comments under their own name.")
        table = TABLES["coach_comments"]
        with self._db.write() as conn:
            owner = self._owner_of_interview(conn, comment.interview_id)
            current = conn.execute(sa.select(table.c.coach_id).where(table.c.id == comment.id)).scalar()
            if current is not None and current != comment.coach_id:
                raise AccessDenied("A coach changes only their own comments.")
            row = encode(comment, owner=owner, stamp=clock.now())["coach_comments"][0]
            if current is None:
                conn.execute(table.insert().values(**row))
            else:
                # An edit keeps its place (created_at) and is new to the candidate again.
                row = {k: v for k, v in row.items() if k != "created_at"} | {"read_at": None}
                conn.execute(table.update().where(table.c.id == comment.id).values(**row))
        return comment

    def delete_comment(self, comment_id: str) -> bool:
        """Delete one of this coach's comments. True when it went."""
        if self.candidate_id is not None:
            raise AccessDenied("Only a coach deletes coach comments.")
        table = TABLES["coach_comments"]
        with self._db.write() as conn:
            row = conn.execute(
                sa.select(table.c.coach_id, table.c.candidate_id).where(table.c.id == comment_id)
            ).first()
            if row is None:
                return False
            self._check_owner(row.candidate_id, conn)
            if self.scope.coach_id not in (None, row.coach_id):
                raise AccessDenied("A coach deletes only their own comments.")
            conn.execute(table.delete().where(table.c.id == comment_id))
        return True

    def unread_comments(self) -> int:
        """How many of the candidate's comments they have not seen yet."""
        if self.candidate_id is None:
            return 0
        table = TABLES["coach_comments"]
        query = self._scoped(table, sa.select(sa.func.count()).select_from(table).where(table.c.read_at.is_(None)))
        with self._db.read() as conn:
            return int(conn.execute(query).scalar_one())

    def mark_comments_read(self, interview_id: str | None = None) -> int:
        """The candidate has seen their comments (on one interview, if given); returns how many were new."""
        if self.candidate_id is None:
            return 0
        table = TABLES["coach_comments"]
        where = [table.c.candidate_id == self.candidate_id, table.c.read_at.is_(None)]
        if interview_id is not None:
            where.append(table.c.interview_id == interview_id)
        with self._db.write() as conn:
            return int(conn.execute(table.update().where(*where).values(read_at=clock.now())).rowcount or 0)
