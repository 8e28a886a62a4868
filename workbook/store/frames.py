"""The store's tables as typed pandas DataFrames, for analysis, exports and notebooks."""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from workbook.schema import CANDIDATE_TABLES, HIDDEN_COLUMNS, TABLES, coerce_frame
from workbook.store.scope import Scoped

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Frames"]


class Frames(Scoped):
    """Whole tables, scoped like every other read."""

    def table(self, name: str) -> pd.DataFrame:
        """One table as a DataFrame with the declared dtypes, scoped to the caller."""
        with self._db.read() as conn:
            return self._frame(conn, name)

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table the caller may see, by name (parents first): a candidate's
        own work, or for a coach also the workshop tables. One snapshot: all tables
        are read in the same transaction, so they always fit together."""
        names = CANDIDATE_TABLES if self.candidate_id is not None else tuple(TABLES)
        with self._db.read() as conn:
            return {name: self._frame(conn, name) for name in names}

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
