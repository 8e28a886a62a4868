"""The kinds of questions to avoid at the close (``avoid.toml``, G4, G14, G15)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from workbook.guidance import parsing as p
from workbook.guidance.records import AvoidRule

__all__ = ["avoid_rule", "avoid_rules", "parse_avoid"]


def parse_avoid(data: Mapping[str, Any], src: str) -> tuple[AvoidRule, ...]:
    """Validate and parse the avoid file's content."""
    rules = []
    for i, entry in enumerate(p.tables(data, "rule", src)):
        at = p.entry_where("rule", i, entry)
        rules.append(
            AvoidRule(
                key=p.key_of(entry, src, at),
                title=p.text(entry, "title", src, at),
                reason=p.text(entry, "reason", src, at),
                instead=p.text(entry, "instead", src, at),
                examples=p.text(entry, "examples", src, at),
                points=p.points(entry, src, at),
            )
        )
    p.unique((rule.key for rule in rules), src, "rule")
    return tuple(rules)


@cache
def avoid_rules() -> tuple[AvoidRule, ...]:
    """The kinds of questions to avoid at the close, with reason and alternative."""
    return parse_avoid(p.read("avoid"), "avoid.toml")


@cache
def _by_key() -> dict[str, AvoidRule]:
    return {rule.key: rule for rule in avoid_rules()}


def avoid_rule(key: str) -> AvoidRule:
    """One avoid rule by key (``verdict``, ``salary``, ``new-topic``)."""
    found = _by_key().get(key)
    if found is None:
        raise KeyError(f"unknown avoid rule {key!r}")
    return found
