"""Keeping the content right: validate an edited file, list the guidance points covered."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Final

from workbook import texts
from workbook.guidance import parsing as p
from workbook.guidance.advice import ADVICE_TOPICS, advice, parse_advice
from workbook.guidance.avoid import avoid_rules, parse_avoid
from workbook.guidance.catalogue import catalogue, parse_catalogue, purposes
from workbook.guidance.email import email_template, parse_email
from workbook.guidance.rubric import gut_questions, parse_reflection, parse_rubric, reflection_questions, rubric

__all__ = ["referenced_points", "validate_file"]

_PARSERS: Final[dict[str, Callable[[Mapping[str, Any], str], object]]] = {
    "catalogue": parse_catalogue,
    "avoid": parse_avoid,
    "advice": parse_advice,
    "rubric": parse_rubric,
    "reflection": parse_reflection,
    "email": parse_email,
}


def validate_file(path: str | Path) -> None:
    """Validate a guidance file, chosen by its name (``catalogue.toml``, ``rubric.toml``, ...).

    The text tables of :mod:`workbook.texts` (``ui.toml``, ``checks.toml``, ...) are
    validated too, by the rules of their loader.

    Raises
    ------
    GuidanceError
        Naming the file and the key when something is malformed.
    """
    file = Path(path)
    if file.stem in texts.TABLES:
        try:
            texts.validate_table(file)
        except texts.TextError as exc:
            raise p.GuidanceError(str(exc)) from None
        return
    parser = _PARSERS.get(file.stem)
    if parser is None:
        known = sorted((*_PARSERS, *texts.TABLES))
        raise p.GuidanceError(f"{file.name}: unknown guidance file; expected one of {known}")
    parser(p.loads(file.read_text(encoding="utf-8"), file.name), file.name)


def referenced_points() -> frozenset[str]:
    """Every guidance point (``G1``-``G29``) the data files refer to."""
    found: set[str] = set()
    for group in purposes():
        found.update(group.points)
    for question in catalogue():
        found.update(question.points)
    for rule in avoid_rules():
        found.update(rule.points)
    for topic in ADVICE_TOPICS:
        entry = advice(topic)
        for tip in (*entry.tips, *entry.examples, *entry.checklist):
            found.update(tip.points)
    for item in rubric():
        found.update(item.points)
    for asked in (*reflection_questions(), *gut_questions()):
        found.update(asked.points)
    found.update(email_template().points)
    return frozenset(found)
