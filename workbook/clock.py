"""The one clock of the workbook: every stamp the records and the store write.

Naive UTC (the databases store no time zone) to the millisecond: fine enough to
order two saves a page makes in one second, and what a spreadsheet keeps, so a
stamp survives an export and an import unchanged.
"""

from __future__ import annotations

import datetime as dt

__all__ = ["now"]


def now() -> dt.datetime:
    """The current moment in UTC, without tzinfo, truncated to milliseconds."""
    moment = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)
