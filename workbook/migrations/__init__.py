"""Schema migrations (Alembic), applied automatically when a database is opened.

A new migration: change ``workbook/schema.py``, then run
``alembic -c workbook/migrations/alembic.ini revision --autogenerate -m "what"``
against a database at head, and read what it wrote.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

__all__ = ["HEAD", "config", "upgrade"]

_HERE = Path(__file__).parent
HEAD = "head"


def config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_HERE))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = HEAD) -> None:
    """Bring the database up to ``revision`` (default: the newest)."""
    command.upgrade(config(engine), revision)
