"""Storage: records in, typed pandas DataFrames out, over any SQLAlchemy database.

``Database.open(url)`` connects (SQLite by default, PostgreSQL through a URL) and
brings the schema up to date with the migrations. From it come scoped stores:

- ``db.for_candidate(candidate_id)``: reads and writes only that candidate's rows;
  saving a record of another candidate raises :class:`AccessDenied`. Isolation lives
  here, not in the UI.
- ``db.for_coach()``: reads every row (the cohort view and exports).

Every user action is one short transaction. On SQLite writes take the write lock at
the start (``BEGIN IMMEDIATE``) so that two kernels never deadlock upgrading a read
lock; the busy timeout then makes concurrent writers queue instead of failing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

if TYPE_CHECKING:
    import pandas as pd

from workbook import identity
from workbook.model import (
    Candidate,
    ClosingStatement,
    Farewell,
    Interview,
    Interviewer,
    Note,
    PlannedQuestion,
    Promise,
    Reflection,
    Summary,
    ThankYouEmail,
    ValidationError,
    new_id,
)
from workbook.schema import CANDIDATE_TABLES, HIDDEN_COLUMNS, TABLES, coerce_frame, metadata

__all__ = [
    "DEFAULT_URL",
    "AccessDenied",
    "Database",
    "NotAWorkbookDatabase",
    "Scope",
    "Store",
    "resolve_url",
]

DEFAULT_URL: Final = "sqlite:///data/workbook.sqlite"
_BUSY_TIMEOUT_S: Final = 30


class AccessDenied(PermissionError):
    """A scoped store was asked for a row that belongs to someone else."""


class NotAWorkbookDatabase(RuntimeError):
    """The URL points at a file or database that is not (or no longer) a workbook."""


Rec = TypeVar("Rec")


@dataclass(frozen=True)
class _Kind:
    """How one record type maps onto its table (and its child table, if any)."""

    record: type
    table: str
    # Interview-level records: the interview they belong to decides the owner.
    via_interview: bool = True
    # For one-per-interview records (statement, email, ...): the natural key.
    unique_by: tuple[str, ...] = ()


_KINDS: Final[dict[type, _Kind]] = {
    k.record: k
    for k in (
        _Kind(Interview, "interviews", via_interview=False),
        _Kind(PlannedQuestion, "questions"),
        _Kind(ClosingStatement, "statements", unique_by=("interview_id",)),
        _Kind(Farewell, "farewells", unique_by=("interview_id",)),
        _Kind(Reflection, "reflections", unique_by=("interview_id", "scorer")),
        _Kind(Promise, "promises"),
        _Kind(ThankYouEmail, "emails", unique_by=("interview_id",)),
        _Kind(Note, "notes", unique_by=("interview_id", "kind")),
        _Kind(Summary, "summaries", unique_by=("interview_id",)),
    )
}


def resolve_url(url: str | None, base: Path | None = None) -> str:
    """Make a relative SQLite path absolute, so every process (and every Voilà
    kernel, which runs in the notebook's folder) opens the same file.

    No ``url``: ``$WORKBOOK_DB``, else the SQLite file under ``data/``."""
    url = url or os.environ.get("WORKBOOK_DB") or DEFAULT_URL
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return url
    path = Path(parsed.database)
    if not path.is_absolute():
        path = (base or Path.cwd()) / path
    return parsed.set(database=str(path.resolve())).render_as_string(hide_password=False)


def _sqlite_engine(url: str) -> Engine:
    parsed = sa.engine.make_url(url)
    if parsed.database and parsed.database != ":memory:":
        _refuse_foreign_file(Path(parsed.database))
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, connect_args={"timeout": _BUSY_TIMEOUT_S})

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_S * 1000}")
        cursor.execute("PRAGMA foreign_keys=ON")
        # Safe with WAL: a power cut may lose the last commit, never corrupt the file.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("workbook_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


_SQLITE_MAGIC: Final = b"SQLite format 3\x00"


def _refuse_foreign_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        head = handle.read(len(_SQLITE_MAGIC))
    if head != _SQLITE_MAGIC:
        raise NotAWorkbookDatabase(f"{path} is not an SQLite database; it was left untouched.")


class Database:
    """A connection to one workbook database, migrated to the current schema."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str | None = None, *, migrate: bool = True) -> Database:
        """Connect to ``url`` (default: ``$WORKBOOK_DB`` or ``data/workbook.sqlite``) and migrate."""
        url = resolve_url(url)
        backend = sa.engine.make_url(url).get_backend_name()
        engine = _sqlite_engine(url) if backend == "sqlite" else sa.create_engine(url, pool_pre_ping=True)
        db = cls(engine)
        if migrate:
            from workbook.migrations import current_revision, is_current, upgrade

            try:
                if current_revision(engine) is None and sa.inspect(engine).get_table_names():
                    # Tables, but none of ours: another program's database. Leave it be.
                    engine.dispose()
                    raise NotAWorkbookDatabase(f"{url} holds another program's tables; it was left untouched.")
                if not is_current(engine):
                    upgrade(engine)
            except sa.exc.DatabaseError as error:
                engine.dispose()
                raise NotAWorkbookDatabase(f"{url} cannot be opened as a workbook: {error.orig}") from error
        return db

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One short write transaction (takes SQLite's write lock up front)."""
        with self.engine.connect().execution_options(workbook_write=True) as conn, conn.begin():
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    # -- identity -----------------------------------------------------------

    def create_candidate(self, candidate: Candidate) -> str:
        """Store a new candidate and return their personal sign-in code (shown once)."""
        code = identity.new_code()
        row = _row(candidate)
        row["code_hash"] = identity.hash_code(code)
        row["updated_at"] = _now()
        with self.write() as conn:
            conn.execute(TABLES["candidates"].insert().values(**row))
        return code

    def find_candidate(self, code: str) -> Candidate | None:
        """The candidate whose personal code this is, or ``None``."""
        if not identity.looks_like_code(code):
            return None
        table = TABLES["candidates"]
        with self.read() as conn:
            row = conn.execute(sa.select(table).where(table.c.code_hash == identity.hash_code(code))).mappings().first()
        return _candidate(row) if row else None

    # -- coaches ----------------------------------------------------------------

    def set_coach_passcode(self, passcode: str, name: str = "coach") -> str:
        """Create coach ``name`` or give them a new passcode; returns the coach id."""
        if len(passcode.strip()) < 8:
            raise ValueError("A coach passcode needs at least 8 characters.")
        name = name.strip() or "coach"
        table = TABLES["coaches"]
        hashed = identity.hash_passcode(passcode)
        with self.write() as conn:
            coach_id = conn.execute(sa.select(table.c.id).where(table.c.name == name)).scalar()
            if coach_id is None:
                coach_id = new_id()
                conn.execute(
                    table.insert().values(
                        id=coach_id, name=name, passcode_hash=hashed, created_at=_now(), updated_at=_now()
                    )
                )
            else:
                conn.execute(
                    table.update().where(table.c.id == coach_id).values(passcode_hash=hashed, updated_at=_now())
                )
        return str(coach_id)

    def has_coach_passcode(self) -> bool:
        with self.read() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(TABLES["coaches"])).scalar_one() > 0

    def check_coach_passcode(self, passcode: str) -> str | None:
        """The id of the coach with this passcode, or ``None``.

        Every coach's hash is checked (each has its own salt), so the time taken
        does not tell which coach, if any, matched.
        """
        table = TABLES["coaches"]
        with self.read() as conn:
            rows = conn.execute(sa.select(table.c.id, table.c.passcode_hash)).all()
        found = None
        for coach_id, stored in rows:
            if identity.verify_passcode(passcode, stored) and found is None:
                found = str(coach_id)
        return found

    # -- attempt limits ----------------------------------------------------------

    def sign_in_allowed(self, kind: str, *, limit: int, window_s: int = 60) -> bool:
        """Whether fewer than ``limit`` sign-ins of ``kind`` failed in the last window."""
        table = metadata.tables["sign_in_failures"]
        since = _now() - dt.timedelta(seconds=window_s)
        with self.read() as conn:
            failures = conn.execute(
                sa.select(sa.func.count()).select_from(table).where(table.c.kind == kind, table.c.at >= since)
            ).scalar_one()
        return int(failures) < limit

    def record_failed_sign_in(self, kind: str) -> None:
        table = metadata.tables["sign_in_failures"]
        now = _now()
        with self.write() as conn:
            conn.execute(table.insert().values(kind=kind, at=now))
            # Keep the table small: only the last hour matters.
            conn.execute(table.delete().where(table.c.at < now - dt.timedelta(hours=1)))

    def candidate_for_external_id(self, external_id: str, name: str | None = None) -> Candidate:
        """The candidate signed in by a single-sign-on front (JupyterHub), created on
        first sight with ``name`` (default: the external id) as display name."""
        table = TABLES["candidates"]
        with self.write() as conn:
            row = conn.execute(sa.select(table).where(table.c.external_id == external_id)).mappings().first()
            if row is not None:
                return _candidate(row)
            candidate = Candidate(name=(name or external_id)[:100])
            values = _row(candidate) | {"external_id": external_id, "updated_at": _now()}
            conn.execute(table.insert().values(**values))
        return candidate

    def for_candidate(self, candidate_id: str) -> Store:
        """Everything one candidate may read and write: their own rows."""
        return Store(self, Scope(candidate_id=candidate_id))

    def for_coach(self, coach_id: str | None = None, *, workshop_id: str | None = None) -> Store:
        """A coach's view: the candidates of their workshops (or of one of them).

        Without ``coach_id``: every row (the server's own tools: export, purge).
        """
        return Store(self, Scope(coach_id=coach_id, workshop_id=workshop_id))


def _now() -> dt.datetime:
    # Milliseconds: fine enough to order two saves, and what a spreadsheet keeps.
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def _row(record: object) -> dict[str, Any]:
    """The table row of a record (child collections are written separately)."""
    row = {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}  # type: ignore[arg-type]
    row.pop("interviewers", None)
    row.pop("scores", None)
    for name in ("plan_steps", "recipients", "checked"):
        if name in row:
            row[name] = list(row[name])
    if "answers" in row:
        row["answers"] = dict(row["answers"])
    return row


def _candidate(row: Any) -> Candidate:
    return Candidate(
        id=row["id"],
        name=row["name"],
        language=row["language"],
        linkedin_url=row["linkedin_url"] or "",
        created_at=row["created_at"],
    )


@dataclass(frozen=True)
class Scope:
    """Whose rows a store may touch: one candidate, a coach's workshops, one
    workshop, or (all ``None``) everything."""

    candidate_id: str | None = None
    coach_id: str | None = None
    workshop_id: str | None = None


class Store:
    """Reads and writes limited to a :class:`Scope`."""

    def __init__(self, db: Database, scope: Scope) -> None:
        self.db = db
        self.scope = scope
        self.candidate_id = scope.candidate_id

    @property
    def is_coach(self) -> bool:
        return self.candidate_id is None

    # -- scoping ------------------------------------------------------------

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
            with self.db.read() as reading:
                allowed = reading.execute(query).scalar()
        if not allowed:
            raise AccessDenied("This candidate is not in your workshops.")

    # -- candidate ----------------------------------------------------------

    def candidate(self) -> Candidate:
        """The signed-in candidate."""
        if self.candidate_id is None:
            raise AccessDenied("The coach has no candidate record.")
        table = TABLES["candidates"]
        with self.db.read() as conn:
            row = conn.execute(sa.select(table).where(table.c.id == self.candidate_id)).mappings().first()
        if row is None:
            raise AccessDenied("Unknown candidate.")
        return _candidate(row)

    def remember(self, interview_id: str | None, step: str | None) -> None:
        """Note where the candidate is, so the next sign-in continues there."""
        if self.candidate_id is None:
            return
        table = TABLES["candidates"]
        with self.db.write() as conn:
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
        with self.db.read() as conn:
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
        with self.db.write() as conn:
            conn.execute(table.update().where(table.c.id == candidate_id).values(code_hash=identity.hash_code(code)))
        return code

    def delete_candidate(self) -> None:
        """Delete the signed-in candidate and everything they made (every table)."""
        if self.candidate_id is None:
            raise AccessDenied("Only candidates delete themselves.")
        table = TABLES["candidates"]
        with self.db.write() as conn:
            # Foreign keys cascade from the candidate to every row of theirs.
            conn.execute(table.delete().where(table.c.id == self.candidate_id))

    def update_candidate(self, candidate: Candidate) -> None:
        self._check_owner(candidate.id)
        table = TABLES["candidates"]
        values = {k: v for k, v in _row(candidate).items() if k not in ("id", "created_at")}
        with self.db.write() as conn:
            conn.execute(table.update().where(table.c.id == candidate.id).values(**values, updated_at=_now()))

    # -- records ------------------------------------------------------------

    def save(self, record: Rec) -> Rec:
        """Insert or update ``record`` (one transaction) and return it as stored.

        One-per-interview records (statement, email, summary, a reflection per
        scorer) keep the id of the row already there, so two tabs that each
        started a fresh record still end up editing the same row.
        """
        kind = _KINDS.get(type(record))
        if kind is None:
            raise TypeError(f"Cannot store a {type(record).__name__}.")
        table = TABLES[kind.table]
        self._check_role(record)
        with self.db.write() as conn:
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
            now = _now()
            if "updated_at" in {f.name for f in dataclasses.fields(record)}:  # type: ignore[arg-type]
                record = dataclasses.replace(record, updated_at=now)  # type: ignore[type-var]
            row = _row(record)
            row["candidate_id"] = owner
            row["updated_at"] = now
            current = conn.execute(sa.select(table.c.candidate_id).where(table.c.id == row["id"])).scalar()
            if current is None:
                conn.execute(table.insert().values(**row))
            else:
                self._check_owner(current, conn)
                if current != owner:
                    raise AccessDenied("A record cannot move to another candidate.")
                conn.execute(table.update().where(table.c.id == row["id"]).values(**row))
            self._save_children(conn, record, owner)
        return record

    def _check_role(self, record: object) -> None:
        """Candidates write their own work and self-scores; coaches only their scores."""
        coach_score = isinstance(record, Reflection) and record.scorer == "coach"
        if self.candidate_id is not None and coach_score:
            raise AccessDenied("Only a coach gives coach scores.")
        if self.candidate_id is None and self.scope != Scope() and not coach_score:
            raise AccessDenied("A coach only adds coach scores to a candidate's work.")

    def _save_children(self, conn: Connection, record: object, owner: str) -> None:
        if isinstance(record, Interview):
            table = TABLES["interviewers"]
            conn.execute(table.delete().where(table.c.interview_id == record.id))
            rows = [
                {"interview_id": record.id, "position": i, "candidate_id": owner, **dataclasses.asdict(p)}
                for i, p in enumerate(record.interviewers)
            ]
            if rows:
                conn.execute(table.insert(), rows)
        elif isinstance(record, Reflection):
            table = TABLES["reflection_scores"]
            conn.execute(table.delete().where(table.c.reflection_id == record.id))
            rows = [
                {"reflection_id": record.id, "item": item, "score": score, "candidate_id": owner}
                for item, score in record.scores.items()
            ]
            if rows:
                conn.execute(table.insert(), rows)

    def delete(self, record_type: type, record_id: str) -> bool:
        """Delete one record (and what hangs under it). True when a row went."""
        table = TABLES[_KINDS[record_type].table]
        with self.db.write() as conn:
            owner = conn.execute(sa.select(table.c.candidate_id).where(table.c.id == record_id)).scalar()
            if owner is None:
                return False
            self._check_owner(owner, conn)
            if self.candidate_id is None and self.scope != Scope():
                raise AccessDenied("A coach does not delete a candidate's work.")
            conn.execute(table.delete().where(table.c.id == record_id))
        return True

    def reorder_questions(self, interview_id: str, ordered_ids: Sequence[str]) -> None:
        """Give the planned questions of an interview the order of ``ordered_ids``."""
        table = TABLES["questions"]
        with self.db.write() as conn:
            self._owner_of_interview(conn, interview_id)
            for position, qid in enumerate(ordered_ids):
                conn.execute(
                    table.update()
                    .where(table.c.id == qid, table.c.interview_id == interview_id)
                    .values(position=position, updated_at=_now())
                )

    # -- typed reads --------------------------------------------------------

    def interviews(self) -> list[Interview]:
        """This candidate's interviews, newest first, with their interviewers."""
        frame = self.table("interviews").sort_values(["date", "updated_at"], ascending=False)
        people = self.table("interviewers").sort_values("position")
        by_interview = {key: group for key, group in people.groupby("interview_id", sort=False)}
        return [_interview(row, by_interview.get(row["id"])) for _, row in frame.iterrows()]

    def interview(self, interview_id: str) -> Interview:
        for item in self.interviews():
            if item.id == interview_id:
                return item
        raise AccessDenied("No such interview for this candidate.")

    def records(self, record_type: type[Rec], interview_id: str) -> list[Rec]:
        """The records of one type for one interview (questions in their order)."""
        with self.db.read() as conn:
            return self._records(conn, record_type, interview_id)

    def _records(self, conn: Connection, record_type: type[Rec], interview_id: str) -> list[Rec]:
        kind = _KINDS[record_type]
        table = TABLES[kind.table]
        query = self._scoped(table, sa.select(table).where(table.c.interview_id == interview_id))
        if "position" in table.c:
            query = query.order_by(table.c.position)
        rows = [dict(r) for r in conn.execute(query).mappings()]
        if record_type is Reflection:
            scores = TABLES["reflection_scores"]
            for row in rows:
                found = conn.execute(
                    sa.select(scores.c.item, scores.c.score).where(scores.c.reflection_id == row["id"])
                )
                row["scores"] = {item: score for item, score in found}
        return [_from_row(record_type, row) for row in rows]

    def save_merged(self, record: Rec, base: Rec) -> tuple[Rec, bool]:
        """Save only what changed since ``base`` (the record as this page loaded it).

        Two tabs editing the same step each keep the other's fields: the last write
        wins per field (per item for scores and answers), not per record. Returns the
        stored record and whether another tab's changes were merged in, so the page
        can tell the user and show them.
        """
        kind = _KINDS[type(record)]
        if not kind.unique_by:
            return self.save(record), False
        changed = {
            f.name: getattr(record, f.name)
            for f in dataclasses.fields(record)  # type: ignore[arg-type]
            if f.name not in ("id", "updated_at") and getattr(record, f.name) != getattr(base, f.name)
        }
        with self.db.read() as conn:
            where = {k: getattr(record, k) for k in kind.unique_by}
            current = next(
                (
                    r
                    for r in self._records(conn, type(record), where["interview_id"])
                    if all(getattr(r, k) == v for k, v in where.items())
                ),
                None,
            )
        if current is None:
            return self.save(record), False
        merged_values: dict[str, Any] = {}
        for name, value in changed.items():
            old, now = getattr(base, name), getattr(current, name)
            if isinstance(value, Mapping) and isinstance(now, Mapping):
                # Per item: keep the other tab's items, apply ours (including removals).
                items = dict(now)
                for key in set(value) | set(old):
                    if key in value:
                        items[key] = value[key]
                    else:
                        items.pop(key, None)
                merged_values[name] = items
            else:
                merged_values[name] = value
        others = any(
            getattr(current, f.name) != getattr(base, f.name)
            for f in dataclasses.fields(record)  # type: ignore[arg-type]
            if f.name not in ("id", "updated_at")
        )
        merged = dataclasses.replace(current, **merged_values)  # type: ignore[type-var]
        return self.save(merged), others

    def one(self, record_type: type[Rec], interview_id: str, **where: str) -> Rec | None:
        """The single record of a one-per-interview type, if it exists yet."""
        found = [
            r for r in self.records(record_type, interview_id) if all(getattr(r, k) == v for k, v in where.items())
        ]
        return found[0] if found else None

    # -- DataFrames ---------------------------------------------------------

    def table(self, name: str) -> pd.DataFrame:
        """One table as a DataFrame with the declared dtypes, scoped to the caller."""
        with self.db.read() as conn:
            return self._frame(conn, name)

    def _frame(self, conn: Connection, name: str) -> pd.DataFrame:
        table = TABLES[name]
        columns = [c for c in table.columns if c.name not in HIDDEN_COLUMNS]
        result = conn.execute(self._scoped(table, sa.select(*columns)))
        keys = list(result.keys())
        import pandas as pd  # not at module level: a kernel's sign-in page needs no pandas

        # Plain tuples: handing pandas SQLAlchemy Row objects costs an exception per
        # row inside pandas' type sniffing (a third of the coach view's time).
        frame = pd.DataFrame.from_records([tuple(row) for row in result], columns=keys)
        return coerce_frame(name, frame)

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table the caller may see, by name (parents first): a candidate's
        own work, or for a coach also the workshop tables. One snapshot: all tables
        are read in the same transaction, so they always fit together."""
        names = CANDIDATE_TABLES if self.candidate_id is not None else tuple(TABLES)
        with self.db.read() as conn:
            return {name: self._frame(conn, name) for name in names}


def _interview(row: pd.Series, people: pd.DataFrame | None) -> Interview:
    interviewers: tuple[Interviewer, ...] = ()
    if people is not None:
        interviewers = tuple(
            Interviewer(name=p["name"], role=p["role"] or "", email=p["email"] or "") for _, p in people.iterrows()
        )
    return Interview(
        id=row["id"],
        candidate_id=row["candidate_id"],
        employer=row["employer"],
        role=row["role"],
        round=row["round"],
        date=row["date"].date(),
        time=row["time"],
        interviewers=interviewers,
        outcome=row["outcome"],
        updated_at=row["updated_at"].to_pydatetime(),
    )


_DECODE: Final[dict[str, Callable[[Any], Any]]] = {
    "plan_steps": lambda v: tuple(_json(v) or ()),
    "recipients": lambda v: tuple(_json(v) or ()),
    "checked": lambda v: tuple(_json(v) or ()),
    "answers": lambda v: dict(_json(v) or {}),
}


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _from_row(record_type: type[Rec], row: dict[str, Any]) -> Rec:
    names = {f.name for f in dataclasses.fields(record_type)}  # type: ignore[arg-type]
    values = {k: _DECODE.get(k, lambda v: v)(v) for k, v in row.items() if k in names}
    return record_type(**values)
