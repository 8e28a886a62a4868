"""The rubric (``rubric.toml``) and the reflection questions (``reflection.toml``), G1-G29.

Rubric items are scored 1-5 against an observable anchor per score and grouped by the
phases of the close; the reflection questions look back on the interview (G24) and ask
for a gut feeling (G25).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Final

from workbook.guidance import parsing as p
from workbook.guidance.records import Phase, ReflectionQuestion, RubricItem

__all__ = [
    "gut_questions",
    "parse_reflection",
    "parse_rubric",
    "phases",
    "reflection_questions",
    "rubric",
    "rubric_item",
]

_SCORES: Final = ("1", "2", "3", "4", "5")


@dataclass(frozen=True)
class Rubric:
    """The parsed rubric file, with its look-ups built once."""

    phases: tuple[Phase, ...]
    items: tuple[RubricItem, ...]
    item_by_key: Mapping[str, RubricItem] = field(init=False, repr=False)
    by_phase: Mapping[str, tuple[RubricItem, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        by_phase: dict[str, list[RubricItem]] = {}
        for item in self.items:
            by_phase.setdefault(item.phase, []).append(item)
        # Frozen: the indexes are set once, here.
        object.__setattr__(self, "item_by_key", {item.key: item for item in self.items})
        object.__setattr__(self, "by_phase", {k: tuple(v) for k, v in by_phase.items()})


@dataclass(frozen=True)
class Reflections:
    """The parsed reflection file."""

    questions: tuple[ReflectionQuestion, ...]
    gut: tuple[ReflectionQuestion, ...]


def parse_rubric(data: Mapping[str, Any], src: str) -> Rubric:
    """Validate and parse the rubric file's content."""
    phases = []
    for i, entry in enumerate(p.tables(data, "phase", src)):
        at = p.entry_where("phase", i, entry)
        phases.append(Phase(p.key_of(entry, src, at), p.text(entry, "label", src, at)))
    p.unique((phase.key for phase in phases), src, "phase")
    known = {phase.key for phase in phases}
    items = []
    for i, entry in enumerate(p.tables(data, "item", src)):
        at = p.entry_where("item", i, entry)
        phase = entry.get("phase")
        if phase not in known:
            raise p.fail(src, f"{at}.phase", f"{phase!r} is not one of {sorted(known)}")
        anchors = p.table(entry, "anchors", src, at)
        if sorted(anchors) != list(_SCORES):
            raise p.fail(src, f"{at}.anchors", "needs exactly the scores 1, 2, 3, 4 and 5")
        a1, a2, a3, a4, a5 = (p.text(anchors, s, src, f"{at}.anchors") for s in _SCORES)
        items.append(
            RubricItem(
                key=p.key_of(entry, src, at),
                phase=str(phase),
                label=p.text(entry, "label", src, at),
                anchors=(a1, a2, a3, a4, a5),
                points=p.points(entry, src, at),
            )
        )
    p.unique((item.key for item in items), src, "item")
    return Rubric(tuple(phases), tuple(items))


def parse_reflection(data: Mapping[str, Any], src: str) -> Reflections:
    """Validate and parse the reflection file's content."""

    def parse(kind: str) -> tuple[ReflectionQuestion, ...]:
        result = []
        for i, entry in enumerate(p.tables(data, kind, src)):
            at = p.entry_where(kind, i, entry)
            result.append(
                ReflectionQuestion(p.key_of(entry, src, at), p.text(entry, "text", src, at), p.points(entry, src, at))
            )
        p.unique((q.key for q in result), src, kind)
        return tuple(result)

    return Reflections(parse("question"), parse("gut"))


@cache
def _rubric() -> Rubric:
    return parse_rubric(p.read("rubric"), "rubric.toml")


@cache
def _reflection() -> Reflections:
    return parse_reflection(p.read("reflection"), "reflection.toml")


def phases() -> tuple[Phase, ...]:
    """The rubric phases in the order of the close."""
    return _rubric().phases


def rubric(phase: str | None = None) -> tuple[RubricItem, ...]:
    """The rubric items, all or those of one phase."""
    data = _rubric()
    return data.items if phase is None else data.by_phase.get(phase, ())


def rubric_item(key: str) -> RubricItem:
    """One rubric item by its stable key; ``KeyError`` for an unknown key."""
    found = _rubric().item_by_key.get(key)
    if found is None:
        raise KeyError(f"unknown rubric item {key!r}")
    return found


def reflection_questions() -> tuple[ReflectionQuestion, ...]:
    """The questions to look back on the interview (G24); keys of ``Reflection.answers``."""
    return _reflection().questions


def gut_questions() -> tuple[ReflectionQuestion, ...]:
    """The gut-feeling questions (G25); keys are the ``Reflection`` field names."""
    return _reflection().gut
