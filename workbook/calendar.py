"""All-day reminders as an iCalendar file (RFC 5545) a calendar program imports.

Written by hand rather than with a library: the workbook needs one kind of event
(a whole day, a title), and the few rules that matter here (CRLF, escaping,
folding at 75 octets) fit in a page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from workbook import clock

__all__ = ["AllDayEvent", "calendar_bytes", "calendar_text", "escape_text", "fold_line"]

PRODID: Final = "-//Workbook//Closing the interview//NL"
# RFC 5545 3.1: lines longer than 75 octets are folded; the leading space of a
# continuation line counts towards its 75.
_LINE_OCTETS: Final = 75
_CRLF: Final = "\r\n"


@dataclass(frozen=True)
class AllDayEvent:
    """One reminder: a whole day with a title; ``uid`` stays the same on every export."""

    uid: str
    on: dt.date
    summary: str


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, newlines as ``\\n``."""
    escaped = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return escaped.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold_line(line: str) -> str:
    """``line`` folded into pieces of at most 75 octets, never inside a UTF-8 character."""
    pieces: list[str] = []
    current, size, limit = "", 0, _LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            pieces.append(current)
            # The continuation's leading space is one of its 75 octets.
            current, size, limit = "", 0, _LINE_OCTETS - 1
        current += char
        size += octets
    pieces.append(current)
    return (_CRLF + " ").join(pieces)


def _event_lines(event: AllDayEvent, stamp: str) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{event.on:%Y%m%d}",
        # DTEND of an all-day event is exclusive: the day after.
        f"DTEND;VALUE=DATE:{event.on + dt.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape_text(event.summary)}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def calendar_text(events: Sequence[AllDayEvent], stamp: dt.datetime | None = None) -> str:
    """The calendar holding ``events``; ``stamp`` (naive UTC) defaults to :func:`workbook.clock.now`."""
    moment = stamp or clock.now()
    utc = f"{moment:%Y%m%dT%H%M%S}Z"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    for event in events:
        lines += _event_lines(event, utc)
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + _CRLF for line in lines)


def calendar_bytes(events: Sequence[AllDayEvent], stamp: dt.datetime | None = None) -> bytes:
    """:func:`calendar_text` as the UTF-8 bytes of an .ics file."""
    return calendar_text(events, stamp).encode("utf-8")
