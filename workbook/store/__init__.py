"""Storage: records in, typed pandas DataFrames out, over any SQLAlchemy database.

``Database.open(url)`` connects (SQLite by default, PostgreSQL through a URL) and
brings the schema up to date with the migrations. From it come:

- ``db.accounts``: sign-up and sign-in (personal codes, coach passcodes, the attempt
  limit), the only way from a credential to a store;
- ``db.for_candidate(candidate_id)``: reads and writes only that candidate's rows;
  saving a record of another candidate raises :class:`AccessDenied`. Isolation lives
  here, not in the UI;
- ``db.for_coach(coach_id)``: the candidates of that coach's workshops, with the
  workshop operations; ``db.for_coach()`` without a coach reads every row (the
  server's own tools: export, purge).

Every user action is one short transaction.

Layout: ``engine`` (URLs, SQLite settings, migrating on open), ``codec`` (records to
rows and back), ``scope`` (whose rows), ``records``/``frames``/``profile``/``workshops``
(the parts of a scoped :class:`Store`), ``accounts``, ``database``, ``importing``.
"""

from workbook.store.accounts import (
    COACH_ATTEMPTS_PER_MINUTE,
    CODE_ATTEMPTS_PER_MINUTE,
    Accounts,
    TooManyAttempts,
    UnknownWorkshop,
)
from workbook.store.database import Database
from workbook.store.engine import DEFAULT_URL, NotAWorkbookDatabase, resolve_url
from workbook.store.scope import AccessDenied, Scope
from workbook.store.scoped import Store

__all__ = [
    "COACH_ATTEMPTS_PER_MINUTE",
    "CODE_ATTEMPTS_PER_MINUTE",
    "DEFAULT_URL",
    "AccessDenied",
    "Accounts",
    "Database",
    "NotAWorkbookDatabase",
    "Scope",
    "Store",
    "TooManyAttempts",
    "UnknownWorkshop",
    "resolve_url",
]
