"""The iCalendar text: structure, escaping, folding at 75 octets, CRLF line endings."""

from __future__ import annotations

import datetime as dt

from workbook.calendar import AllDayEvent, calendar_bytes, calendar_text, escape_text, fold_line

STAMP = dt.datetime(2027, 5, 14, 16, 5, 9)


def _unfolded(text: str) -> list[str]:
    """The content lines, continuation lines joined back (RFC 5545 3.1)."""
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def test_one_all_day_event_with_the_fields_a_calendar_needs() -> None:
    text = calendar_text([AllDayEvent(uid="abc123@workbook", on=dt.date(2027, 5, 17), summary="Bedankmail")], STAMP)
    assert _unfolded(text) == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Workbook//Closing the interview//NL",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        "UID:abc123@workbook",
        "DTSTAMP:20270514T160509Z",
        "DTSTART;VALUE=DATE:20270517",
        "DTEND;VALUE=DATE:20270518",
        "SUMMARY:Bedankmail",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "END:VCALENDAR",
    ]


def test_every_line_ends_in_crlf_and_nothing_else() -> None:
    text = calendar_text([AllDayEvent(uid="a@workbook", on=dt.date(2027, 12, 31), summary="x\ny")], STAMP)
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert "\r" not in text.replace("\r\n", "")
    assert "DTEND;VALUE=DATE:20280101" in text  # the day after, across the year


def test_one_event_per_item_and_the_stamp_from_the_clock() -> None:
    events = [AllDayEvent(uid=f"{n}@workbook", on=dt.date(2027, 5, 17 + n), summary=f"item {n}") for n in range(3)]
    lines = _unfolded(calendar_text(events))
    assert lines.count("BEGIN:VEVENT") == 3 == lines.count("END:VEVENT")
    assert [line for line in lines if line.startswith("UID:")] == ["UID:0@workbook", "UID:1@workbook", "UID:2@workbook"]
    [stamp] = {line for line in lines if line.startswith("DTSTAMP:")}
    assert dt.datetime.strptime(stamp, "DTSTAMP:%Y%m%dT%H%M%SZ")


def test_text_values_are_escaped() -> None:
    assert escape_text("a, b; c\\d\ne\r\nf") == "a\\, b\\; c\\\\d\\ne\\nf"
    text = calendar_text([AllDayEvent(uid="u@workbook", on=dt.date(2027, 5, 17), summary="CV, cijferlijst; \\ ok")])
    assert "SUMMARY:CV\\, cijferlijst\\; \\\\ ok" in _unfolded(text)


def test_long_lines_are_folded_at_75_octets_never_inside_a_character() -> None:
    summary = "Referenties sturen aan Jan Jansen, teamleider bij Gemeente Utrecht – één keer " * 3
    text = calendar_text([AllDayEvent(uid="u@workbook", on=dt.date(2027, 5, 17), summary=summary)], STAMP)
    raw_lines = text.encode("utf-8").split(b"\r\n")[:-1]
    assert max(len(line) for line in raw_lines) <= 75
    assert any(line.startswith(b" ") for line in raw_lines)
    for line in raw_lines:
        line.decode("utf-8")  # each piece is whole characters
    assert f"SUMMARY:{escape_text(summary)}" in _unfolded(text)


def test_fold_line_counts_octets_and_the_continuation_space() -> None:
    assert fold_line("x" * 75) == "x" * 75
    assert fold_line("x" * 76) == "x" * 75 + "\r\n x"
    assert fold_line("x" * 75 + "y" * 74 + "z") == "x" * 75 + "\r\n " + "y" * 74 + "\r\n z"
    folded = fold_line("é" * 40)  # two octets each: 37 fit on the first line
    assert folded == "é" * 37 + "\r\n " + "é" * 3


def test_bytes_are_utf8() -> None:
    event = AllDayEvent(uid="u@workbook", on=dt.date(2027, 5, 17), summary="Één")
    assert calendar_bytes([event], STAMP) == calendar_text([event], STAMP).encode("utf-8")
