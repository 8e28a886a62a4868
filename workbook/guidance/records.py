"""The records of the guidance content: frozen dataclasses, each text a :class:`Text`.

``Text`` (Dutch and English) is the one of :mod:`workbook.texts`, re-exported here
because every record below holds them.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbook.texts import Text

__all__ = [
    "Advice",
    "AvoidRule",
    "CatalogueQuestion",
    "EmailTemplate",
    "Phase",
    "Purpose",
    "ReflectionQuestion",
    "RenderedEmail",
    "RubricItem",
    "Text",
    "Tip",
]


@dataclass(frozen=True)
class Purpose:
    """What a group of closing questions is for, e.g. the next step (G6)."""

    key: str
    label: Text
    description: Text
    points: tuple[str, ...]
    caution: Text | None = None


@dataclass(frozen=True)
class CatalogueQuestion:
    """A closing question from the catalogue, with when to use it."""

    key: str
    purpose: str
    text: Text
    when: Text
    points: tuple[str, ...]


@dataclass(frozen=True)
class AvoidRule:
    """A kind of question to avoid at the close; ``key`` is the check's rule id."""

    key: str
    title: Text
    reason: Text
    instead: Text
    examples: Text
    points: tuple[str, ...]


@dataclass(frozen=True)
class Tip:
    """One piece of advice, example or checklist line."""

    key: str
    text: Text
    points: tuple[str, ...]


@dataclass(frozen=True)
class Advice:
    """The advice on one topic of the close or the day after."""

    key: str
    title: Text
    tips: tuple[Tip, ...]
    examples: tuple[Tip, ...]
    checklist: tuple[Tip, ...]


@dataclass(frozen=True)
class Phase:
    """A phase of the close the rubric items are grouped by."""

    key: str
    label: Text


@dataclass(frozen=True)
class RubricItem:
    """One closing behaviour scored 1-5, with an observable anchor per score."""

    key: str
    phase: str
    label: Text
    anchors: tuple[Text, Text, Text, Text, Text]
    points: tuple[str, ...]

    def anchor(self, score: int, lang: str) -> str:
        """The anchor text for ``score`` (1-5) in ``lang``."""
        if not 1 <= score <= len(self.anchors):
            raise ValueError(f"score must be 1-5, not {score!r}")
        return self.anchors[score - 1].get(lang)


@dataclass(frozen=True)
class ReflectionQuestion:
    """A question to look back on the interview (G24) or a gut question (G25)."""

    key: str
    text: Text
    points: tuple[str, ...]


@dataclass(frozen=True)
class EmailTemplate:
    """The parts of the thank-you email template, each in both languages."""

    subject: Text
    body: Text
    greeting: Text
    greeting_nobody: Text
    substance: Text
    substance_missing: Text
    attachments: Text
    linkedin: Text
    sender_missing: Text
    conjunction: Text
    points: tuple[str, ...]
    # What was promised but cannot be delivered: a marker asking to explain (G27).
    unavailable: Text | None = None


@dataclass(frozen=True)
class RenderedEmail:
    """A filled-in thank-you email."""

    subject: str
    body: str
