"""Alembic environment: runs on the engine the workbook hands over."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from workbook.schema import metadata

config = context.config
engine = config.attributes.get("engine") or sa.create_engine(config.get_main_option("sqlalchemy.url") or "")
sqlite = engine.dialect.name == "sqlite"

# Migrations run in their own transaction; on SQLite take the write lock up front
# so two kernels starting at once cannot both try to migrate.
with engine.connect().execution_options(workbook_write=True) as connection:
    raw = connection.connection.driver_connection if sqlite else None
    if raw is not None:
        # SQLite's batch mode rebuilds a table by copy, drop and rename; with foreign
        # keys on, the drop would cascade and delete every child row. The pragma only
        # works outside a transaction, hence on the raw connection.
        raw.execute("PRAGMA foreign_keys=OFF")
    try:
        context.configure(
            connection=connection,
            target_metadata=metadata,
            # SQLite cannot ALTER most things: batch mode copies the table instead.
            render_as_batch=True,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
            if raw is not None:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"Migration left rows without their parent: {broken[:5]}")
        # SQLite DDL runs without Alembic's own transaction: commit what was done.
        if connection.in_transaction():
            connection.commit()
    finally:
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=ON")
