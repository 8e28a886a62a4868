"""The advice per topic of the close and the day after (``advice.toml``, G1-G5, G9-G10, G16-G29)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, Final

from workbook.guidance import parsing as p
from workbook.guidance.records import Advice

__all__ = ["ADVICE_TOPICS", "advice", "advice_topics", "parse_advice"]

ADVICE_TOPICS: Final = ("close", "statement", "goodbye", "after", "email")


def parse_advice(data: Mapping[str, Any], src: str) -> dict[str, Advice]:
    """Validate and parse the advice file's content: topic key -> advice."""
    topics = p.table(data, "topic", src, "")
    missing = set(ADVICE_TOPICS) - set(topics)
    if missing:
        raise p.fail(src, "topic", f"missing topic(s) {sorted(missing)}")
    result: dict[str, Advice] = {}
    for key in topics:
        at = f"topic.{key}"
        entry = p.table(topics, key, src, "topic")
        result[key] = Advice(
            key=key,
            title=p.text(entry, "title", src, at),
            tips=p.tip_list(entry, "tips", src, at, required=True),
            examples=p.tip_list(entry, "examples", src, at, required=False),
            checklist=p.tip_list(entry, "checklist", src, at, required=False),
        )
    return result


@cache
def _topics() -> dict[str, Advice]:
    return parse_advice(p.read("advice"), "advice.toml")


def advice_topics() -> tuple[str, ...]:
    """The advice topics in the order of the close: close, statement, goodbye, after, email."""
    return ADVICE_TOPICS


def advice(topic: str) -> Advice:
    """The advice on one topic, e.g. the polite openers of a closing statement; ``KeyError``
    for an unknown topic."""
    found = _topics().get(topic)
    if found is None:
        raise KeyError(f"unknown advice topic {topic!r}; expected one of {ADVICE_TOPICS}")
    return found
