"""Alembic environment: runs on the engine the workbook hands over."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from workbook.schema import metadata

config = context.config
engine = config.attributes.get("engine") or sa.create_engine(config.get_main_option("sqlalchemy.url"))

# Migrations run in their own transaction; on SQLite take the write lock up front
# so two kernels starting at once cannot both try to migrate.
with engine.connect().execution_options(workbook_write=True) as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things: batch mode copies the table instead.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
