"""The values inside the records: choices, limits, and the checks every field passes.

Text fields are normalised here (surrounding white space stripped, line endings
unified, control characters removed) because the records are the one gate every
value passes, whether it comes from a widget, an import file or a notebook. A value
that does not pass raises :class:`ValidationError` naming the field.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import unicodedata
from dataclasses import replace
from typing import Any, Final, Literal, TypeVar, get_args

from workbook.texts import t

__all__ = [
    "GUT_ANSWERS",
    "LANGS",
    "MAX_LONG_TEXT",
    "MAX_SHORT_TEXT",
    "OUTCOMES",
    "PROMISE_STATUSES",
    "QUESTION_SOURCES",
    "ROUNDS",
    "SCORERS",
    "SCORE_MAX",
    "SCORE_MIN",
    "GutAnswer",
    "Lang",
    "Outcome",
    "PromiseStatus",
    "QuestionSource",
    "Round",
    "Scorer",
    "ValidationError",
    "clean_text",
    "new_id",
    "parse_date",
    "updated",
]

Lang = Literal["nl", "en"]
Round = Literal["introduction", "selection", "terms", "other"]
Outcome = Literal["pending", "next_round", "offer", "rejected", "withdrawn"]
PromiseStatus = Literal["open", "sent", "cannot_deliver"]
QuestionSource = Literal["catalogue", "own"]
Scorer = Literal["self", "coach"]
GutAnswer = Literal["yes", "no", "unsure"]

LANGS: Final[tuple[str, ...]] = get_args(Lang)
#: The getting-to-know, selection and terms-of-employment interviews of the source
#: article, plus a catch-all for anything else (a case interview, an assessment).
ROUNDS: Final[tuple[str, ...]] = get_args(Round)
OUTCOMES: Final[tuple[str, ...]] = get_args(Outcome)
PROMISE_STATUSES: Final[tuple[str, ...]] = get_args(PromiseStatus)
QUESTION_SOURCES: Final[tuple[str, ...]] = get_args(QuestionSource)
SCORERS: Final[tuple[str, ...]] = get_args(Scorer)
GUT_ANSWERS: Final[tuple[str, ...]] = get_args(GutAnswer)

#: Names, subjects, one question: anything longer is a paste accident.
MAX_SHORT_TEXT: Final = 500
#: Notes, statements, emails: generous, but bounded so one paste cannot fill the disk.
MAX_LONG_TEXT: Final = 100_000

SCORE_MIN: Final = 1
SCORE_MAX: Final = 5

_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")
_URL = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)
# Control characters other than tab and newline: they break exports and terminals.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DATE_FORMATS: Final = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")


class ValidationError(ValueError):
    """A record field holds a value the workbook cannot accept. ``str(error)`` is English;
    :meth:`message` gives the text in either language, for the user in theirs."""

    def __init__(self, field_name: str, code: str, **params: Any) -> None:
        self.field = field_name
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "nl") -> str:
        """The message in ``lang`` (Dutch for an unknown one), naming the field by its label."""
        params = dict(self.params)
        if isinstance(params.get("other"), str):  # the other field of an order, mid-sentence
            params["other"] = _label(params["other"], lang).lower()
        return t(f"validation.{self.code}", lang, label=_label(self.field, lang), **params)


def _label(field_name: str, lang: str) -> str:
    # Every field has a label (tests/test_texts.py); the bare name keeps a message from failing.
    try:
        return t(f"field.{field_name}", lang)
    except KeyError:
        return field_name


def new_id() -> str:
    """A random, URL-safe record id: unique across processes without a round-trip."""
    return secrets.token_hex(8)


def clean_text(value: object, field_name: str, *, limit: int, required: bool = False) -> str:
    """Normalise user text: NFC, unified line endings, no control characters, stripped."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(field_name, "type", expected="text", value=_short(value))
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text).strip()
    if required and not text:
        raise ValidationError(field_name, "required")
    if len(text) > limit:
        raise ValidationError(field_name, "too_long", length=len(text), limit=limit)
    return text


def parse_date(value: object, field_name: str = "date") -> dt.date:
    """Accept a date, a datetime or a text in ISO or Dutch day-month-year order."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        for fmt in _DATE_FORMATS:
            try:
                return dt.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
    raise ValidationError(field_name, "date", value=_short(value))


def _optional_date(value: object, field_name: str) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_date(value, field_name)


def _parse_time(value: object, field_name: str = "time") -> dt.time | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    if isinstance(value, str):
        for fmt in ("%H:%M", "%H.%M", "%H:%M:%S"):
            try:
                return dt.datetime.strptime(value.strip(), fmt).time()
            except ValueError:
                continue
    raise ValidationError(field_name, "time", value=_short(value))


def _choice(value: object, choices: tuple[str, ...], field_name: str) -> str:
    if not isinstance(value, str) or value not in choices:
        raise ValidationError(field_name, "choice", value=_short(value), choices=", ".join(choices))
    return value


def _email(value: object, field_name: str = "email", *, required: bool = False) -> str:
    text = clean_text(value, field_name, limit=MAX_SHORT_TEXT, required=required)
    if text and not _EMAIL.match(text):
        raise ValidationError(field_name, "email", value=_short(text))
    return text


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _set(record: object, name: str, value: object) -> None:
    # Frozen dataclasses normalise their own fields once, in __post_init__.
    object.__setattr__(record, name, value)


R = TypeVar("R")


def updated(record: R, **changes: Any) -> R:
    """A copy of ``record`` with ``changes`` applied and validated again."""
    return replace(record, **changes)  # type: ignore[type-var]
