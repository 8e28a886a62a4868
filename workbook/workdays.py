"""Dutch working days, for the thank-you email (G26) and the due dates of promises (G10).

A working day is a Monday to Friday that is not a Dutch public holiday. The holidays
come from the ``holidays`` package (``holidays.country_holidays("NL")``, public
category), not from a hand-made list, so new years and rule changes arrive with a
package update. What that calendar gives, and what we do with it:

- New Year's Day, Easter Monday, King's Day (27 April; 26 April when the 27th is a
  Sunday, which is a Saturday and so a weekend day anyway), Ascension Day, Whit
  Monday and Christmas Day and Boxing Day (25 and 26 December) are days off.
- Liberation Day (5 May) is in the public calendar only every fifth year (2025,
  2030, ...). That matches most collective labour agreements, so we follow it.
- Good Friday is in the calendar (the Algemene termijnenwet lists it), but most Dutch
  employers work that day and a recruiter reads email on it. We therefore treat
  Good Friday as a working day by default; pass ``good_friday_off=True`` for an
  employer that gives it off.
- Easter Sunday and Whit Sunday are Sundays, so weekends already cover them.

Only ``date`` objects are accepted; a ``datetime`` is reduced to its date.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import holidays

__all__ = ["holiday_name", "is_working_day", "next_working_day", "working_days_after"]

# English names make the Good Friday lookup independent of the package's default language.
_GOOD_FRIDAY = "Good Friday"


@cache
def _days_off(year: int, good_friday_off: bool) -> dict[dt.date, str]:
    calendar = holidays.country_holidays("NL", years=year, language="en_US")
    return {day: name for day, name in calendar.items() if good_friday_off or _GOOD_FRIDAY not in name.split("; ")}


def _as_date(day: dt.date) -> dt.date:
    # A datetime is also a date; comparing it with dates would silently misbehave.
    return day.date() if isinstance(day, dt.datetime) else day


def holiday_name(day: dt.date, *, good_friday_off: bool = False) -> str | None:
    """The English name of the Dutch public holiday on ``day``, or ``None``."""
    day = _as_date(day)
    return _days_off(day.year, good_friday_off).get(day)


def is_working_day(day: dt.date, *, good_friday_off: bool = False) -> bool:
    """Whether ``day`` is a Dutch working day: Monday-Friday and not a public holiday."""
    day = _as_date(day)
    return day.weekday() < 5 and day not in _days_off(day.year, good_friday_off)


def next_working_day(day: dt.date, *, good_friday_off: bool = False) -> dt.date:
    """The first working day strictly after ``day``.

    Examples
    --------
    >>> next_working_day(dt.date(2027, 5, 14))  # Friday before Whit Monday
    datetime.date(2027, 5, 18)
    """
    candidate = _as_date(day) + dt.timedelta(days=1)
    # At most a weekend plus a few holidays in a row: the loop ends within days.
    while not is_working_day(candidate, good_friday_off=good_friday_off):
        candidate += dt.timedelta(days=1)
    return candidate


def working_days_after(day: dt.date, count: int, *, good_friday_off: bool = False) -> dt.date:
    """The date ``count`` working days after ``day`` (``count`` >= 0; 0 gives ``day``)."""
    if count < 0:
        raise ValueError(f"count must be 0 or more, not {count}")
    result = _as_date(day)
    for _ in range(count):
        result = next_working_day(result, good_friday_off=good_friday_off)
    return result
