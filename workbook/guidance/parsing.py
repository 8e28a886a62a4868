"""Reading and validating the guidance TOML files: the helpers every topic's parser uses.

A malformed file raises :class:`GuidanceError` naming the file and the key, e.g.
``catalogue.toml: question[3] (next-step).text.en: missing or empty``. A bilingual text
is checked by :func:`workbook.texts.bilingual.parse_text`, the same rule the text tables
obey.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any, Final

from workbook.guidance.records import Text, Tip
from workbook.texts import TextError
from workbook.texts.bilingual import fields_of, parse_text

__all__ = [
    "GuidanceError",
    "entry_where",
    "fail",
    "join_path",
    "key_of",
    "loads",
    "placeholders",
    "points",
    "read",
    "table",
    "tables",
    "text",
    "tip_list",
    "unique",
]

_KEY = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_POINT = re.compile(r"^G([1-9]|1[0-9]|2[0-9])$")
_PACKAGE: Final = "workbook.guidance"


class GuidanceError(ValueError):
    """A guidance data file is malformed; the message names the file and the key."""


def fail(src: str, where: str, problem: str) -> GuidanceError:
    """The error for ``problem`` at ``where`` in the file ``src``."""
    return GuidanceError(f"{src}: {where}: {problem}")


def join_path(where: str, key: str) -> str:
    """``where.key``, or ``key`` at the top level."""
    return f"{where}.{key}" if where else key


def table(data: Mapping[str, Any], key: str, src: str, where: str) -> Mapping[str, Any]:
    """The sub-table ``data[key]``."""
    value = data.get(key)
    if not isinstance(value, dict):
        raise fail(src, join_path(where, key), "missing or not a table")
    return value


def tables(data: Mapping[str, Any], key: str, src: str, where: str = "") -> list[Mapping[str, Any]]:
    """The non-empty array of tables ``data[key]`` (``[[key]]`` in TOML)."""
    value = data.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
        raise fail(src, join_path(where, key), "missing or not a list of tables ([[...]])")
    return value


def key_of(data: Mapping[str, Any], src: str, where: str) -> str:
    """The entry's stable ``key``: lower case, words joined by ``-`` or ``_``."""
    value = data.get("key")
    if not isinstance(value, str) or not _KEY.match(value):
        raise fail(src, f"{where}.key", f"missing or not a lower-case-dashed key: {value!r}")
    return value


def placeholders(template: str, src: str, where: str) -> frozenset[str]:
    """The ``{placeholder}`` names of ``template``."""
    try:
        return fields_of(template)
    except ValueError as exc:
        raise fail(src, where, f"bad placeholder syntax ({exc})") from None


def text(data: Mapping[str, Any], key: str, src: str, where: str) -> Text:
    """A bilingual text: both languages present, non-empty and with the same placeholders."""
    try:
        return parse_text(data.get(key), src, join_path(where, key))
    except TextError as exc:
        raise GuidanceError(str(exc)) from None


def points(data: Mapping[str, Any], src: str, where: str) -> tuple[str, ...]:
    """The guidance points (G1-G29) an entry comes from; at least one."""
    value = data.get("points")
    if not isinstance(value, list) or not value:
        raise fail(src, f"{where}.points", "missing or empty list of guidance points")
    for point in value:
        if not isinstance(point, str) or not _POINT.match(point):
            raise fail(src, f"{where}.points", f"{point!r} is not a guidance point G1-G29")
    return tuple(value)


def unique(keys: Iterable[str], src: str, what: str) -> None:
    """Refuse a key that occurs twice among ``keys``."""
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise fail(src, what, f"duplicate key {key!r}")
        seen.add(key)


def entry_where(kind: str, index: int, data: Mapping[str, Any]) -> str:
    """Where an entry of an array of tables is, for messages: ``question[3] (next-step)``."""
    key = data.get("key")
    return f"{kind}[{index}] ({key})" if isinstance(key, str) else f"{kind}[{index}]"


def tip_list(data: Mapping[str, Any], key: str, src: str, where: str, *, required: bool) -> tuple[Tip, ...]:
    """The tips (or examples, or checklist lines) ``data[key]``; ``()`` when optional and absent."""
    if key not in data and not required:
        return ()
    tips = []
    for i, entry in enumerate(tables(data, key, src, where)):
        at = f"{where}.{entry_where(key, i, entry)}"
        tips.append(Tip(key_of(entry, src, at), text(entry, "text", src, at), points(entry, src, at)))
    unique((tip.key for tip in tips), src, f"{where}.{key}")
    return tuple(tips)


def loads(raw: str, src: str) -> dict[str, Any]:
    """``raw`` parsed as TOML; a :class:`GuidanceError` naming ``src`` when it is not."""
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise GuidanceError(f"{src}: not valid TOML ({exc})") from None


def read(stem: str) -> dict[str, Any]:
    """The shipped guidance file ``<stem>.toml``, parsed (not yet validated)."""
    src = f"{stem}.toml"
    return loads(resources.files(_PACKAGE).joinpath(src).read_text(encoding="utf-8"), src)
