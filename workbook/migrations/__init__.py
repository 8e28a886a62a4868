"""Schema migrations (Alembic), applied automatically when a database is opened.

A new migration: change ``workbook/schema.py``, then run
``alembic -c workbook/migrations/alembic.ini revision --autogenerate -m "what"``
against a database at head, read what it wrote, and set :data:`LATEST` to its
revision (a test checks that it matches).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

import sqlalchemy as sa
from sqlalchemy.engine import Engine

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = ["HEAD", "LATEST", "config", "current_revision", "is_current", "upgrade"]

_HERE = Path(__file__).parent
HEAD = "head"
#: The newest revision. Every Voilà kernel opens the database; comparing with this
#: constant spares each of them importing Alembic and reading every migration file.
LATEST: Final = "0008"


def config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_HERE))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    cfg.attributes["engine"] = engine
    return cfg


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or ``None`` (new, or not a workbook)."""
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def is_current(engine: Engine) -> bool:
    return current_revision(engine) == LATEST


def upgrade(engine: Engine, revision: str = HEAD) -> None:
    """Bring the database up to ``revision`` (default: the newest)."""
    from alembic import command

    command.upgrade(config(engine), revision)
