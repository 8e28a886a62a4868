"""The signed-in candidate's own account: who they are, where they were, their code."""

from __future__ import annotations

import sqlalchemy as sa

from workbook import clock, identity
from workbook.model import Candidate
from workbook.schema import TABLES
from workbook.store.codec import decode, encode
from workbook.store.scope import AccessDenied, Scoped

__all__ = ["Profile"]


class Profile(Scoped):
    """The candidate row of the store's candidate (a coach renews codes of theirs)."""

    def candidate(self) -> Candidate:
        """The signed-in candidate."""
        if self.candidate_id is None:
            raise AccessDenied("The coach has no candidate record.")
        table = TABLES["candidates"]
        with self._db.read() as conn:
            row = conn.execute(sa.select(table).where(table.c.id == self.candidate_id)).mappings().first()
        if row is None:
            raise AccessDenied("Unknown candidate.")
        return decode(Candidate, row)

    def update_candidate(self, candidate: Candidate) -> None:
        self._check_owner(candidate.id)
        table = TABLES["candidates"]
        row = encode(candidate, stamp=clock.now())["candidates"][0]
        values = {k: v for k, v in row.items() if k not in ("id", "created_at")}
        with self._db.write() as conn:
            conn.execute(table.update().where(table.c.id == candidate.id).values(**values))

    def remember(self, interview_id: str | None, step: str | None) -> None:
        """Note where the candidate is, so the next sign-in continues there."""
        if self.candidate_id is None:
            return
        table = TABLES["candidates"]
        with self._db.write() as conn:
            conn.execute(
                table.update()
                .where(table.c.id == self.candidate_id)
                .values(resume_interview_id=interview_id, resume_step=step)
            )

    def resume(self) -> tuple[str | None, str | None]:
        """The interview and step the candidate was at (interview checked to exist)."""
        if self.candidate_id is None:
            return None, None
        table, interviews = TABLES["candidates"], TABLES["interviews"]
        with self._db.read() as conn:
            row = conn.execute(
                sa.select(table.c.resume_interview_id, table.c.resume_step).where(table.c.id == self.candidate_id)
            ).first()
            if row is None or row[0] is None:
                return None, None
            exists = conn.execute(
                sa.select(interviews.c.id).where(
                    interviews.c.id == row[0], interviews.c.candidate_id == self.candidate_id
                )
            ).scalar()
        return (row[0], row[1]) if exists else (None, None)

    def new_code_for(self, candidate_id: str) -> str:
        """Give a candidate a new personal code (a coach, for one who lost theirs);
        the old code stops working. Returns the new code, to be shown once."""
        if self.candidate_id is not None and candidate_id != self.candidate_id:
            raise AccessDenied("A candidate can only renew their own code.")
        self._check_owner(candidate_id)
        code = identity.new_code()
        table = TABLES["candidates"]
        with self._db.write() as conn:
            conn.execute(table.update().where(table.c.id == candidate_id).values(code_hash=identity.hash_code(code)))
        return code

    def delete_candidate(self) -> None:
        """Delete the signed-in candidate and everything they made (every table)."""
        if self.candidate_id is None:
            raise AccessDenied("Only candidates delete themselves.")
        table = TABLES["candidates"]
        with self._db.write() as conn:
            # Foreign keys cascade from the candidate to every row of theirs.
            conn.execute(table.delete().where(table.c.id == self.candidate_id))
