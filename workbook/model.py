"""The domain records of the workbook: frozen, typed and validated on creation.

Every record checks itself in ``__post_init__`` and raises :class:`ValidationError`
(a ``ValueError``) naming the field, so nothing invalid ever reaches the store.
Text fields are normalised here (surrounding white space stripped, line endings
unified, control characters removed) because this is the one gate every record
passes, whether it comes from a widget, an import file or a notebook.

This module knows nothing of ipywidgets, pandas or SQL.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Final, Literal, TypeVar, get_args

from workbook.clock import now
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
    "Candidate",
    "ClosingStatement",
    "Farewell",
    "Interview",
    "Interviewer",
    "Lang",
    "Note",
    "Outcome",
    "PlannedQuestion",
    "Promise",
    "PromiseStatus",
    "Reflection",
    "Round",
    "Summary",
    "ThankYouEmail",
    "ValidationError",
    "Workshop",
    "WorkshopQuestion",
    "WorkshopRubricItem",
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


@dataclass(frozen=True)
class Candidate:
    """A person doing the exercises. Their sign-in code lives in the store, hashed."""

    name: str
    language: Lang = "nl"
    linkedin_url: str = ""
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=now)

    def __post_init__(self) -> None:
        _set(self, "name", clean_text(self.name, "name", limit=100, required=True))
        _choice(self.language, LANGS, "language")
        url = clean_text(self.linkedin_url, "linkedin_url", limit=MAX_SHORT_TEXT)
        if url and not _URL.match(url):
            raise ValidationError("linkedin_url", "url", value=_short(url))
        _set(self, "linkedin_url", url)


@dataclass(frozen=True)
class Interviewer:
    """One person across the table; the thank-you email goes to them."""

    name: str
    role: str = ""
    email: str = ""

    def __post_init__(self) -> None:
        _set(self, "name", clean_text(self.name, "name", limit=200, required=True))
        _set(self, "role", clean_text(self.role, "role", limit=200))
        _set(self, "email", _email(self.email))


@dataclass(frozen=True)
class Interview:
    """One job interview: the unit every exercise works on."""

    candidate_id: str
    employer: str
    role: str
    round: Round = "selection"
    date: dt.date = field(default_factory=dt.date.today)
    time: dt.time | None = None
    interviewers: tuple[Interviewer, ...] = ()
    outcome: Outcome = "pending"
    id: str = field(default_factory=new_id)
    updated_at: dt.datetime = field(default_factory=now)

    def __post_init__(self) -> None:
        _set(self, "candidate_id", clean_text(self.candidate_id, "candidate_id", limit=64, required=True))
        _set(self, "employer", clean_text(self.employer, "employer", limit=200, required=True))
        _set(self, "role", clean_text(self.role, "role", limit=200, required=True))
        _choice(self.round, ROUNDS, "round")
        _choice(self.outcome, OUTCOMES, "outcome")
        _set(self, "date", parse_date(self.date, "date"))
        _set(self, "time", _parse_time(self.time))
        people = tuple(p if isinstance(p, Interviewer) else Interviewer(**p) for p in self.interviewers)
        _set(self, "interviewers", people)


@dataclass(frozen=True)
class PlannedQuestion:
    """A closing question the candidate plans to ask, from the catalogue or their own."""

    interview_id: str
    text: str
    position: int = 0
    source: QuestionSource = "own"
    catalogue_key: str = ""
    asked: bool = False
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _set(self, "text", clean_text(self.text, "text", limit=MAX_SHORT_TEXT * 2, required=True))
        _choice(self.source, QUESTION_SOURCES, "source")
        if not isinstance(self.position, int) or self.position < 0:
            raise ValidationError("position", "type", expected="0, 1, 2, ...", value=_short(self.position))
        _set(self, "catalogue_key", clean_text(self.catalogue_key, "catalogue_key", limit=100))


@dataclass(frozen=True)
class ClosingStatement:
    """The optional closing statement: what appeals, the plan of approach, the result."""

    interview_id: str
    appeal: str = ""
    plan_steps: tuple[str, ...] = ()
    text: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _set(self, "appeal", clean_text(self.appeal, "appeal", limit=MAX_LONG_TEXT))
        steps = tuple(clean_text(s, "plan_steps", limit=MAX_SHORT_TEXT * 2) for s in self.plan_steps)
        _set(self, "plan_steps", tuple(s for s in steps if s))
        _set(self, "text", clean_text(self.text, "text", limit=MAX_LONG_TEXT))


@dataclass(frozen=True)
class Farewell:
    """How the candidate plans to thank and say goodbye (G19-G22), with the
    checklist items they ticked after the interview."""

    interview_id: str
    thanks: str = ""
    phrase: str = ""
    checked: tuple[str, ...] = ()
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _set(self, "thanks", clean_text(self.thanks, "thanks", limit=MAX_LONG_TEXT))
        _set(self, "phrase", clean_text(self.phrase, "phrase", limit=MAX_SHORT_TEXT * 2))
        keys = (clean_text(k, "checked", limit=100) for k in self.checked)
        _set(self, "checked", tuple(dict.fromkeys(k for k in keys if k)))


@dataclass(frozen=True)
class Reflection:
    """A scored look back on one interview, by the candidate or by their coach."""

    interview_id: str
    scorer: Scorer = "self"
    scores: Mapping[str, int] = field(default_factory=dict)
    answers: Mapping[str, str] = field(default_factory=dict)
    gut_continue: GutAnswer | None = None
    gut_dream_job: GutAnswer | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _choice(self.scorer, SCORERS, "scorer")
        scores: dict[str, int] = {}
        for item, score in dict(self.scores).items():
            # bool is an int in Python, but True is no score.
            if isinstance(score, bool) or not isinstance(score, int):
                raise ValidationError("scores", "type", expected="1-5", value=_short(score))
            if not SCORE_MIN <= score <= SCORE_MAX:
                raise ValidationError("scores", "score", value=score, low=SCORE_MIN, high=SCORE_MAX)
            scores[clean_text(item, "scores", limit=100, required=True)] = score
        _set(self, "scores", scores)
        answers = {
            clean_text(k, "answers", limit=100, required=True): clean_text(v, "answers", limit=MAX_LONG_TEXT)
            for k, v in dict(self.answers).items()
        }
        _set(self, "answers", answers)
        for name in ("gut_continue", "gut_dream_job"):
            value = getattr(self, name)
            if value is not None:
                _choice(value, GUT_ANSWERS, name)


@dataclass(frozen=True)
class Promise:
    """Something the candidate offered to send (a diploma scan, references, ...)."""

    interview_id: str
    what: str
    to_whom: str = ""
    promised_on: dt.date = field(default_factory=dt.date.today)
    due_on: dt.date | None = None
    sent_on: dt.date | None = None
    status: PromiseStatus = "open"
    note: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _set(self, "what", clean_text(self.what, "what", limit=MAX_SHORT_TEXT, required=True))
        _set(self, "to_whom", clean_text(self.to_whom, "to_whom", limit=MAX_SHORT_TEXT))
        _set(self, "promised_on", parse_date(self.promised_on, "promised_on"))
        _set(self, "due_on", _optional_date(self.due_on, "due_on"))
        _set(self, "sent_on", _optional_date(self.sent_on, "sent_on"))
        _choice(self.status, PROMISE_STATUSES, "status")
        _set(self, "note", clean_text(self.note, "note", limit=MAX_LONG_TEXT))
        if self.due_on is not None and self.due_on < self.promised_on:
            raise ValidationError("due_on", "order", other="promised_on")
        if self.sent_on is not None and self.sent_on < self.promised_on:
            raise ValidationError("sent_on", "order", other="promised_on")


@dataclass(frozen=True)
class ThankYouEmail:
    """The one thank-you email after the interview (G26-G29)."""

    interview_id: str
    recipients: tuple[str, ...] = ()
    subject: str = ""
    body: str = ""
    send_on: dt.date | None = None
    sent_on: dt.date | None = None
    substance_point: str = ""
    linkedin_url: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _set(self, "recipients", tuple(_email(r, "recipients", required=True) for r in self.recipients))
        _set(self, "subject", clean_text(self.subject, "subject", limit=MAX_SHORT_TEXT))
        _set(self, "body", clean_text(self.body, "body", limit=MAX_LONG_TEXT))
        _set(self, "send_on", _optional_date(self.send_on, "send_on"))
        _set(self, "sent_on", _optional_date(self.sent_on, "sent_on"))
        _set(self, "substance_point", clean_text(self.substance_point, "substance_point", limit=MAX_LONG_TEXT))
        url = clean_text(self.linkedin_url, "linkedin_url", limit=MAX_SHORT_TEXT)
        if url and not _URL.match(url):
            raise ValidationError("linkedin_url", "url", value=_short(url))
        _set(self, "linkedin_url", url)


@dataclass(frozen=True)
class Note:
    """Free notes, made during the interview or right after it."""

    interview_id: str
    text: str = ""
    kind: Literal["during", "after"] = "after"
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _set(self, "text", clean_text(self.text, "text", limit=MAX_LONG_TEXT))
        _choice(self.kind, ("during", "after"), "kind")


@dataclass(frozen=True)
class Summary:
    """The short summary the notes are worked into (G23)."""

    interview_id: str
    key_points: str = ""
    their_questions: str = ""
    promised: str = ""
    interviewer_names: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        for f in ("key_points", "their_questions", "promised", "interviewer_names"):
            _set(self, f, clean_text(getattr(self, f), f, limit=MAX_LONG_TEXT))


@dataclass(frozen=True)
class Workshop:
    """A coach's group of candidates; they join with its code."""

    coach_id: str
    name: str
    starts_on: dt.date = field(default_factory=dt.date.today)
    ends_on: dt.date | None = None
    language: Lang = "nl"
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _set(self, "name", clean_text(self.name, "name", limit=200, required=True))
        _set(self, "starts_on", parse_date(self.starts_on, "starts_on"))
        _set(self, "ends_on", _optional_date(self.ends_on, "ends_on"))
        _choice(self.language, LANGS, "language")
        if self.ends_on is not None and self.ends_on < self.starts_on:
            raise ValidationError("ends_on", "order", other="starts_on")


@dataclass(frozen=True)
class WorkshopQuestion:
    """A coach's own closing question, shown to the workshop's candidates."""

    workshop_id: str
    purpose: str
    text: str
    language: Lang = "nl"
    when_to_use: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _set(self, "purpose", clean_text(self.purpose, "purpose", limit=40, required=True))
        _set(self, "text", clean_text(self.text, "text", limit=MAX_SHORT_TEXT * 2, required=True))
        _choice(self.language, LANGS, "language")
        _set(self, "when_to_use", clean_text(self.when_to_use, "when_to_use", limit=MAX_SHORT_TEXT * 2))


@dataclass(frozen=True)
class WorkshopRubricItem:
    """A coach's own rubric item with its five behavioural anchors (1 to 5)."""

    workshop_id: str
    phase: str
    label: str
    anchors: tuple[str, str, str, str, str]
    id: str = field(default_factory=new_id)

    @property
    def key(self) -> str:
        # Scores are stored by item key; the prefix keeps them apart from built-ins.
        return f"ws-{self.id}"

    def __post_init__(self) -> None:
        _set(self, "phase", clean_text(self.phase, "phase", limit=40, required=True))
        _set(self, "label", clean_text(self.label, "label", limit=MAX_SHORT_TEXT, required=True))
        anchors = tuple(clean_text(a, "anchors", limit=MAX_SHORT_TEXT * 2, required=True) for a in self.anchors)
        if len(anchors) != SCORE_MAX:
            raise ValidationError("anchors", "type", expected="5 anchors", value=len(anchors))
        _set(self, "anchors", anchors)
