"""One workbook database: its engine, its transactions, and the stores it hands out."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from workbook.schema import TABLES
from workbook.store.accounts import Accounts
from workbook.store.engine import create_engine, migrate_schema, resolve_url
from workbook.store.scope import Scope
from workbook.store.scoped import Store

__all__ = ["Database"]


class Database:
    """A connection to one workbook database, migrated to the current schema."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.accounts = Accounts(self)

    @classmethod
    def open(cls, url: str | None = None, *, migrate: bool = True) -> Database:
        """Connect to ``url`` (default: ``$WORKBOOK_DB`` or ``data/workbook.sqlite``) and migrate."""
        url = resolve_url(url)
        engine = create_engine(url)
        if migrate:
            try:
                migrate_schema(engine, url)
            except Exception:
                engine.dispose()
                raise
        return cls(engine)

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

    def for_candidate(self, candidate_id: str) -> Store:
        """Everything one candidate may read and write: their own rows."""
        return Store(self, Scope(candidate_id=candidate_id))

    def for_coach(self, coach_id: str | None = None, *, workshop_id: str | None = None) -> Store:
        """A coach's view: the candidates of their workshops (or of one of them).

        Without ``coach_id``: every row (the server's own tools: export, purge).
        """
        return Store(self, Scope(coach_id=coach_id, workshop_id=workshop_id))

    def insert_rows(self, rows: Mapping[str, list[dict[str, Any]]]) -> None:
        """Bulk-insert ready rows, parents first, in one transaction (demo data, imports).

        Raises ``sqlalchemy.exc.IntegrityError`` when rows do not fit together.
        """
        with self.write() as conn:
            for name in TABLES:  # parents before children
                if rows.get(name):
                    conn.execute(TABLES[name].insert(), list(rows[name]))

    def count_rows(self) -> dict[str, int]:
        """How many rows each table holds."""
        with self.read() as conn:
            return {
                name: int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())
                for name, table in TABLES.items()
            }
