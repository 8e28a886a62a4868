"""A candidate and the work they do for one interview: the records every exercise saves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from workbook.clock import now
from workbook.model.values import (
    _URL,
    GUT_ANSWERS,
    LANGS,
    MAX_LONG_TEXT,
    MAX_SHORT_TEXT,
    OUTCOMES,
    PROMISE_STATUSES,
    QUESTION_SOURCES,
    ROUNDS,
    SCORE_MAX,
    SCORE_MIN,
    SCORERS,
    GutAnswer,
    Lang,
    Outcome,
    PromiseStatus,
    QuestionSource,
    Round,
    Scorer,
    ValidationError,
    _choice,
    _email,
    _optional_date,
    _parse_time,
    _set,
    _short,
    clean_text,
    new_id,
    parse_date,
)

__all__ = [
    "Candidate",
    "ClosingStatement",
    "Farewell",
    "Interview",
    "Interviewer",
    "Note",
    "PlannedQuestion",
    "Promise",
    "Reflection",
    "Summary",
    "ThankYouEmail",
]


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
