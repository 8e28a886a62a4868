"""A coach's workshops, their own questions and rubric items, and the coach's comments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from workbook.clock import now
from workbook.model.values import (
    LANGS,
    MAX_LONG_TEXT,
    MAX_SHORT_TEXT,
    SCORE_MAX,
    Lang,
    ValidationError,
    _choice,
    _optional_date,
    _set,
    clean_text,
    new_id,
    parse_date,
)

__all__ = [
    "CoachComment",
    "Workshop",
    "WorkshopQuestion",
    "WorkshopRubricItem",
]


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
    #: Set when the coach deletes it: candidates no longer score it, but the scores
    #: they gave keep their label.
    retired_at: dt.datetime | None = None
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


@dataclass(frozen=True)
class CoachComment:
    """A coach's written feedback on one interview, or on one rubric item of it
    (``item``, a rubric key), that the candidate reads in their workspace."""

    interview_id: str
    coach_id: str
    text: str
    item: str = ""
    created_at: dt.datetime = field(default_factory=now)
    #: When the candidate first saw it; until then it is marked as new.
    read_at: dt.datetime | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _set(self, "text", clean_text(self.text, "text", limit=MAX_LONG_TEXT, required=True))
        _set(self, "item", clean_text(self.item, "item", limit=100))
