"""What the coach has chosen, as one value: it outlives a redraw (a language switch)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Final

from workbook.model import ROUNDS

__all__ = ["FLAGS", "SORTS", "TABS", "CoachState"]

#: The tabs of the coach view, in order.
TABS: Final = ("roster", "review", "cohort", "content", "export")
#: Which candidates the roster shows.
FLAGS: Final = ("all", "no_interview", "inactive", "warnings")
#: How the roster is ordered.
SORTS: Final = ("name", "last_activity", "steps_open", "warnings", "self_mean", "coach_mean", "created_at")


@dataclass(frozen=True)
class CoachState:
    """The chosen workshop (``""``: all of them), filters, tab, and the open candidate."""

    workshop_id: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    rounds: tuple[str, ...] = field(default=tuple(ROUNDS))
    tab: str = "roster"
    flag: str = "all"
    sort: str = "name"
    search: str = ""
    page: int = 0
    candidate_id: str | None = None
    interview_id: str | None = None
