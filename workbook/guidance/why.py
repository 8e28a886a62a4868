"""Why a piece of feedback says what it says: the advice behind a guidance point, in words.

A candidate reads "waarom?" and gets the reason from the advice itself (why a kind of
question is best avoided, or the tip the check comes from), not a code such as G15;
the codes stay for coaches, who look them up in the guidance.
"""

from __future__ import annotations

from functools import cache

from workbook.guidance.advice import ADVICE_TOPICS, advice
from workbook.guidance.avoid import avoid_rules
from workbook.guidance.catalogue import purposes
from workbook.guidance.records import Text

__all__ = ["why"]


@cache
def _reasons() -> dict[str, Text]:
    """The first text of the content that explains each point: a reason to avoid
    something first, then the advice tips, checklists and the purposes of questions."""
    found: dict[str, Text] = {}

    def offer(points: tuple[str, ...], text: Text) -> None:
        for point in points:
            found.setdefault(point, text)

    for rule in avoid_rules():
        offer(rule.points, rule.reason)
    for topic in ADVICE_TOPICS:
        entry = advice(topic)
        for tip in (*entry.tips, *entry.checklist):
            offer(tip.points, tip.text)
    for purpose in purposes():
        offer(purpose.points, purpose.description)
    return found


def why(point: str, lang: str) -> str:
    """The advice behind guidance point ``point`` (``G15``) in ``lang``; "" if none says it."""
    text = _reasons().get(point)
    return text.get(lang) if text is not None else ""
