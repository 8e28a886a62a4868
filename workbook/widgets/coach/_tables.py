"""What every coach screen shares: HTML tables of frames and the labels of codes.

A coach reads labels, never keys: steps, rules, levels, rubric items, theme kinds
and purposes are translated here, once, for every screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Final

import pandas as pd

from workbook import guidance
from workbook.texts import format_number, t
from workbook.widgets._common import escape

__all__ = [
    "LABEL_STYLE",
    "LANGUAGE_NAMES",
    "frame_html",
    "item_label",
    "level_label",
    "percent",
    "rows_html",
    "rule_label",
    "step_label",
]

#: Labels as wide as their text ("Wanneer te gebruiken" is cut off at the default width).
LABEL_STYLE: Final = {"description_width": "initial"}

#: A language as its speakers call it (the same in both interfaces).
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}


def frame_html(frame: pd.DataFrame, *, max_rows: int = 30, lang: str | None = None) -> str:
    """A small DataFrame as an escaped HTML table (numbers rounded for reading;
    column names in ``lang`` where ``ui.toml`` has them)."""
    if frame.empty:
        return ""
    shown = frame.head(max_rows).copy()
    for column in shown.columns:
        if pd.api.types.is_float_dtype(shown[column]):
            shown[column] = [
                None if pd.isna(v) else format_number(v, lang or "nl", 2, min_decimals=1) for v in shown[column]
            ]
    head = "".join(f"<th>{escape(_column_label(str(c), lang))}</th>" for c in shown.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape('' if pd.isna(v) else v)}</td>" for v in row) + "</tr>"
        for row in shown.itertuples(index=False)
    )
    return _scrolling(f'<table class="wb-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')


def rows_html(head: Sequence[str], rows: Iterable[Sequence[object]], *, css: str = "wb-table") -> str:
    """A table of already formatted cells; every cell and heading is escaped."""
    header = "".join(f"<th>{escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return _scrolling(f'<table class="{css}"><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>')


def _scrolling(table: str) -> str:
    # A wide table scrolls sideways on a phone instead of being cut off.
    return f'<div class="wb-scroll">{table}</div>'


def percent(value: object, lang: str) -> str:
    """A share 0-1 as a whole percentage, or the missing mark."""
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return format_number(None, lang)
    return f"{format_number(float(value) * 100, lang, 0)}%"  # type: ignore[arg-type]


def step_label(step: str, lang: str) -> str:
    return t(f"step.{step}", lang)


def level_label(level: str, lang: str) -> str:
    try:
        return t(f"level.{level}", lang)
    except KeyError:
        return level


def rule_label(rule: str, lang: str) -> str:
    """The short title of a question rule (``salary`` -> "Keep salary … for …")."""
    try:
        return guidance.avoid_rule(rule).title.get(lang)
    except KeyError:
        pass
    try:
        return t(f"check_rule.{rule}", lang)
    except KeyError:
        return rule


def item_label(key: str, lang: str, own: Mapping[str, str] | None = None) -> str:
    """A rubric item's label: built-in, a workshop's own (``own``: key -> label), or the key."""
    if own and key in own:
        return own[key]
    try:
        return guidance.rubric_item(key).label.get(lang)
    except KeyError:
        return key


def _column_label(name: str, lang: str | None) -> str:
    if lang is None:
        return name
    try:
        return t(f"columns.{name}", lang)
    except KeyError:
        return name
