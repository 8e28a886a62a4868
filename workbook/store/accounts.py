"""Accounts: candidates and their personal codes, coaches and their passcodes, and
the sign-in attempt limit. The only way from a credential to a scoped store.

The dashboard holds an :class:`Accounts`, never the database: it signs people up
and in, and gets back a store scoped to whoever signed in.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

import sqlalchemy as sa

from workbook import clock, identity
from workbook.model import Candidate, Workshop, new_id
from workbook.schema import TABLES, metadata
from workbook.store.codec import decode, encode

if TYPE_CHECKING:
    from workbook.store.database import Database
    from workbook.store.scoped import Store

__all__ = [
    "COACH_ATTEMPTS_PER_MINUTE",
    "CODE_ATTEMPTS_PER_MINUTE",
    "Accounts",
    "TooManyAttempts",
    "UnknownWorkshop",
    "find_workshop",
]

#: Failed attempts per minute, for the whole server. Personal codes have about 59
#: bits: the limit only keeps a script from hammering. A coach passcode is chosen
#: by a person and may be weak, so it gets a tighter limit.
CODE_ATTEMPTS_PER_MINUTE: Final = 30
COACH_ATTEMPTS_PER_MINUTE: Final = 5
_WINDOW_S: Final = 60
#: Failures older than this are of no use to any limit: the table stays small.
_KEEP: Final = dt.timedelta(hours=1)


class TooManyAttempts(RuntimeError):
    """Too many failed sign-ins of this kind in the last minute: try again later."""


class UnknownWorkshop(LookupError):
    """No workshop has this join code."""


def find_workshop(db: Database, code: str) -> Workshop | None:
    """The workshop whose join code this is."""
    if not identity.looks_like_code(code):
        return None
    table = TABLES["workshops"]
    with db.read() as conn:
        row = conn.execute(sa.select(table).where(table.c.code == identity.normalise_code(code))).mappings().first()
    return decode(Workshop, row) if row else None


class Accounts:
    """Sign-up and sign-in against one database."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # -- the sign-in screen ---------------------------------------------------------

    def sign_up(self, candidate: Candidate, *, workshop_code: str = "") -> tuple[Store, str]:
        """Create ``candidate`` (in the workshop of ``workshop_code``, if given).

        Returns their store and their new personal code (to be shown once). A
        wrong workshop code raises :class:`UnknownWorkshop` before the account
        exists: a typo must not leave a stray account behind.
        """
        workshop_code = workshop_code.strip()
        if workshop_code and find_workshop(self._db, workshop_code) is None:
            raise UnknownWorkshop(workshop_code)
        code = self.create_candidate(candidate)
        store = self._db.for_candidate(candidate.id)
        if workshop_code:
            store.join_workshop(workshop_code)
        return store, code

    def sign_in(self, code: str) -> Store | None:
        """The store of the candidate whose personal code this is, or ``None``."""
        self._check_limit("code", CODE_ATTEMPTS_PER_MINUTE)
        candidate = self.find_candidate(code)
        if candidate is None:
            self._record_failure("code")
            return None
        return self._db.for_candidate(candidate.id)

    def sign_in_coach(self, passcode: str) -> Store | None:
        """The store of the coach whose passcode this is, or ``None``."""
        self._check_limit("coach", COACH_ATTEMPTS_PER_MINUTE)
        coach_id = self.check_coach_passcode(passcode)
        if coach_id is None:
            self._record_failure("coach")
            return None
        return self._db.for_coach(coach_id)

    def sign_in_external(self, external_id: str, name: str | None = None) -> Store:
        """The store of a user signed in by a single-sign-on front (JupyterHub)."""
        return self._db.for_candidate(self.candidate_for_external_id(external_id, name).id)

    def find_workshop(self, code: str) -> Workshop | None:
        """The workshop whose join code this is (joining shows nobody's data)."""
        return find_workshop(self._db, code)

    # -- candidates ---------------------------------------------------------------

    def create_candidate(self, candidate: Candidate) -> str:
        """Store a new candidate and return their personal sign-in code (shown once)."""
        code = identity.new_code()
        row = encode(candidate, stamp=clock.now())["candidates"][0] | {"code_hash": identity.hash_code(code)}
        with self._db.write() as conn:
            conn.execute(TABLES["candidates"].insert().values(**row))
        return code

    def find_candidate(self, code: str) -> Candidate | None:
        """The candidate whose personal code this is, or ``None`` (no attempt limit)."""
        if not identity.looks_like_code(code):
            return None
        table = TABLES["candidates"]
        with self._db.read() as conn:
            row = conn.execute(sa.select(table).where(table.c.code_hash == identity.hash_code(code))).mappings().first()
        return decode(Candidate, row) if row else None

    def candidate_for_external_id(self, external_id: str, name: str | None = None) -> Candidate:
        """The candidate of a single-sign-on identity, created on first sight with
        ``name`` (default: the external id) as display name."""
        table = TABLES["candidates"]
        with self._db.write() as conn:
            row = conn.execute(sa.select(table).where(table.c.external_id == external_id)).mappings().first()
            if row is not None:
                return decode(Candidate, row)
            candidate = Candidate(name=(name or external_id)[:100])
            values = encode(candidate, stamp=clock.now())["candidates"][0] | {"external_id": external_id}
            conn.execute(table.insert().values(**values))
        return candidate

    # -- coaches ----------------------------------------------------------------

    def set_coach_passcode(self, passcode: str, name: str = "coach") -> str:
        """Create coach ``name`` or give them a new passcode; returns the coach id."""
        if len(passcode.strip()) < 8:
            raise ValueError("A coach passcode needs at least 8 characters.")
        name = name.strip() or "coach"
        table = TABLES["coaches"]
        hashed = identity.hash_passcode(passcode)
        now = clock.now()
        with self._db.write() as conn:
            coach_id = conn.execute(sa.select(table.c.id).where(table.c.name == name)).scalar()
            if coach_id is None:
                coach_id = new_id()
                conn.execute(
                    table.insert().values(id=coach_id, name=name, passcode_hash=hashed, created_at=now, updated_at=now)
                )
            else:
                conn.execute(table.update().where(table.c.id == coach_id).values(passcode_hash=hashed, updated_at=now))
        return str(coach_id)

    def has_coach_passcode(self) -> bool:
        with self._db.read() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(TABLES["coaches"])).scalar_one() > 0

    def check_coach_passcode(self, passcode: str) -> str | None:
        """The id of the coach with this passcode, or ``None`` (no attempt limit).

        Every coach's hash is checked (each has its own salt), so the time taken
        does not tell which coach, if any, matched.
        """
        table = TABLES["coaches"]
        with self._db.read() as conn:
            rows = conn.execute(sa.select(table.c.id, table.c.passcode_hash)).all()
        found = None
        for coach_id, stored in rows:
            if identity.verify_passcode(passcode, stored) and found is None:
                found = str(coach_id)
        return found

    # -- attempt limits ----------------------------------------------------------

    def _check_limit(self, kind: str, limit: int) -> None:
        # A database table, not memory: the limit must hold across page reloads,
        # which each get a fresh kernel.
        table = metadata.tables["sign_in_failures"]
        since = clock.now() - dt.timedelta(seconds=_WINDOW_S)
        with self._db.read() as conn:
            failures = conn.execute(
                sa.select(sa.func.count()).select_from(table).where(table.c.kind == kind, table.c.at >= since)
            ).scalar_one()
        if int(failures) >= limit:
            raise TooManyAttempts(kind)

    def _record_failure(self, kind: str) -> None:
        table = metadata.tables["sign_in_failures"]
        now = clock.now()
        with self._db.write() as conn:
            conn.execute(table.insert().values(kind=kind, at=now))
            conn.execute(table.delete().where(table.c.at < now - _KEEP))
