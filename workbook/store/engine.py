"""Connecting: which database a URL means, and an engine set up for a workbook.

SQLite (the embedded default) runs in WAL mode with a busy timeout and foreign keys
on; writes take the write lock at the start (``BEGIN IMMEDIATE``) so that two
kernels never deadlock upgrading a read lock, and concurrent writers queue instead
of failing. PostgreSQL (any other SQLAlchemy URL) needs nothing special.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Final

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

__all__ = ["DEFAULT_URL", "NotAWorkbookDatabase", "create_engine", "migrate_schema", "resolve_url"]

DEFAULT_URL: Final = "sqlite:///data/workbook.sqlite"
_BUSY_TIMEOUT_S: Final = 30
_SQLITE_MAGIC: Final = b"SQLite format 3\x00"


class NotAWorkbookDatabase(RuntimeError):
    """The URL points at a file or database that is not (or no longer) a workbook."""


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


def create_engine(url: str) -> Engine:
    """An engine for ``url`` (already resolved), with the settings a workbook needs."""
    if sa.engine.make_url(url).get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return sa.create_engine(url, pool_pre_ping=True)


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


def _refuse_foreign_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        head = handle.read(len(_SQLITE_MAGIC))
    if head != _SQLITE_MAGIC:
        raise NotAWorkbookDatabase(f"{path} is not an SQLite database; it was left untouched.")


def migrate_schema(engine: Engine, url: str) -> None:
    """Bring the schema up to date; refuse another program's database, untouched."""
    from workbook.migrations import current_revision, is_current, upgrade

    try:
        if current_revision(engine) is None and sa.inspect(engine).get_table_names():
            raise NotAWorkbookDatabase(f"{url} holds another program's tables; it was left untouched.")
        if not is_current(engine):
            upgrade(engine)
    except sa.exc.DatabaseError as error:
        raise NotAWorkbookDatabase(f"{url} cannot be opened as a workbook: {error.orig}") from error
