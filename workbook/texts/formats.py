"""How the workbook writes a date or a number, per language (through Babel).

The forms are written down once, here:

======  ==============  ======================  ==========
lang    date            long date               day-month
======  ==============  ======================  ==========
``nl``  14-05-2027      vrijdag 14 mei 2027     14-05
``en``  14 May 2027     Friday 14 May 2027      14 May
======  ==============  ======================  ==========

English is written the British way (day before month, as the rest of Europe reads it;
Babel's ``en_GB``), with the month's full name, never ISO: a candidate reads "14 May
2027", not "2027-05-14". The short English form spells the month out because Babel's
abbreviations ("Sept") look odd to many readers. Numbers use the language's decimal
mark and grouping: ``3,5`` and ``1.234,5`` in Dutch, ``3.5`` and ``1,234.5`` in English.

Babel is imported inside the functions: importing ``babel.dates`` costs about 18 ms,
and most page loads only ever show the sign-in screen, which has no date on it.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Final

__all__ = ["MISSING", "format_date", "format_day_month", "format_number"]

#: Shown for a number that is not there (no scores yet): a dash, in both languages.
MISSING: Final = "–"

_LOCALES: Final = {"nl": "nl_NL", "en": "en_GB"}
_DATE: Final = {"nl": "dd-MM-y", "en": "d MMMM y"}
_LONG_DATE: Final = {"nl": "EEEE d MMMM y", "en": "EEEE d MMMM y"}
# Chart ticks: short enough to stand under a point, with the employer beneath it.
_DAY_MONTH: Final = {"nl": "dd-MM", "en": "d MMM"}


def _lang(lang: str) -> str:
    # Dutch for an unknown language, as for the texts.
    return lang if lang in _LOCALES else "nl"


def _as_date(day: dt.date) -> dt.date:
    # A datetime (or a pandas Timestamp, a datetime too) shows only its day.
    return day.date() if isinstance(day, dt.datetime) else day


def format_date(day: dt.date, lang: str, long: bool = False) -> str:
    """``day`` as a reader of ``lang`` writes it: ``14-05-2027`` / ``14 May 2027``, or
    with ``long`` the weekday and month spelled out (``vrijdag 14 mei 2027``)."""
    from babel.dates import format_date as babel_format_date

    lang = _lang(lang)
    pattern = (_LONG_DATE if long else _DATE)[lang]
    return babel_format_date(_as_date(day), pattern, locale=_LOCALES[lang])


def format_day_month(day: dt.date, lang: str) -> str:
    """``day`` without its year (``14-05`` / ``14 May``), for chart ticks."""
    from babel.dates import format_date as babel_format_date

    lang = _lang(lang)
    return babel_format_date(_as_date(day), _DAY_MONTH[lang], locale=_LOCALES[lang])


def format_number(value: float | None, lang: str, decimals: int = 1, *, min_decimals: int | None = None) -> str:
    """``value`` with the decimal mark and grouping of ``lang``: ``3,5`` / ``3.5``.

    Parameters
    ----------
    decimals
        At most this many decimals (rounded half to even, as Python rounds).
    min_decimals
        At least this many (default: ``decimals``, a fixed number of decimals);
        ``format_number(3.25, "nl", 2, min_decimals=1)`` is ``3,25``, of 3 it is ``3,0``.

    A missing value (``None`` or NaN) is :data:`MISSING`.
    """
    from babel.numbers import format_decimal

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    least = decimals if min_decimals is None else min(min_decimals, decimals)
    fraction = "0" * least + "#" * (decimals - least)
    pattern = "#,##0" + (f".{fraction}" if fraction else "")
    return format_decimal(value, pattern, locale=_LOCALES[_lang(lang)])
