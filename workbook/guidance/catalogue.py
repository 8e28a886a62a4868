"""The closing-question catalogue (``catalogue.toml``, G3-G13): purposes and their questions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from workbook.guidance import parsing as p
from workbook.guidance.records import CatalogueQuestion, Purpose

__all__ = ["catalogue", "catalogue_question", "catalogue_texts", "parse_catalogue", "purpose", "purposes"]


@dataclass(frozen=True)
class Catalogue:
    """The parsed file, with its look-ups by key built once."""

    purposes: tuple[Purpose, ...]
    questions: tuple[CatalogueQuestion, ...]
    purpose_by_key: Mapping[str, Purpose] = field(init=False, repr=False)
    question_by_key: Mapping[str, CatalogueQuestion] = field(init=False, repr=False)
    by_purpose: Mapping[str, tuple[CatalogueQuestion, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        by_purpose: dict[str, list[CatalogueQuestion]] = {}
        for question in self.questions:
            by_purpose.setdefault(question.purpose, []).append(question)
        # Frozen: the indexes are set once, here.
        object.__setattr__(self, "purpose_by_key", {item.key: item for item in self.purposes})
        object.__setattr__(self, "question_by_key", {q.key: q for q in self.questions})
        object.__setattr__(self, "by_purpose", {k: tuple(v) for k, v in by_purpose.items()})


def parse_catalogue(data: Mapping[str, Any], src: str) -> Catalogue:
    """Validate and parse the catalogue file's content."""
    purposes = []
    for i, entry in enumerate(p.tables(data, "purpose", src)):
        at = p.entry_where("purpose", i, entry)
        caution = p.text(entry, "caution", src, at) if "caution" in entry else None
        purposes.append(
            Purpose(
                key=p.key_of(entry, src, at),
                label=p.text(entry, "label", src, at),
                description=p.text(entry, "description", src, at),
                points=p.points(entry, src, at),
                caution=caution,
            )
        )
    p.unique((item.key for item in purposes), src, "purpose")
    known = {item.key for item in purposes}
    questions = []
    for i, entry in enumerate(p.tables(data, "question", src)):
        at = p.entry_where("question", i, entry)
        group = entry.get("purpose")
        if group not in known:
            raise p.fail(src, f"{at}.purpose", f"{group!r} is not one of {sorted(known)}")
        questions.append(
            CatalogueQuestion(
                key=p.key_of(entry, src, at),
                purpose=str(group),
                text=p.text(entry, "text", src, at),
                when=p.text(entry, "when", src, at),
                points=p.points(entry, src, at),
            )
        )
    p.unique((q.key for q in questions), src, "question")
    return Catalogue(tuple(purposes), tuple(questions))


@cache
def _catalogue() -> Catalogue:
    return parse_catalogue(p.read("catalogue"), "catalogue.toml")


def purposes() -> tuple[Purpose, ...]:
    """The purposes the closing questions are grouped by, in teaching order."""
    return _catalogue().purposes


def purpose(key: str) -> Purpose:
    """One purpose by key; ``KeyError`` for an unknown key."""
    found = _catalogue().purpose_by_key.get(key)
    if found is None:
        raise KeyError(f"unknown purpose {key!r}")
    return found


def catalogue(purpose: str | None = None) -> tuple[CatalogueQuestion, ...]:
    """The catalogue questions, all or those of one purpose."""
    data = _catalogue()
    return data.questions if purpose is None else data.by_purpose.get(purpose, ())


def catalogue_question(key: str) -> CatalogueQuestion:
    """One catalogue question by its stable key; ``KeyError`` for an unknown key."""
    found = _catalogue().question_by_key.get(key)
    if found is None:
        raise KeyError(f"unknown catalogue question {key!r}")
    return found


def catalogue_texts(lang: str) -> dict[str, str]:
    """Catalogue key -> question text in ``lang``, in catalogue order (for pickers)."""
    return {q.key: q.text.get(lang) for q in _catalogue().questions}
