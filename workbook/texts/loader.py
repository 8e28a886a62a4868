"""The one loader of every text the workbook shows: ``t("section.key", lang)``.

The words live in flat, bilingual TOML tables beside this module (see :data:`TABLES`),
keyed by dotted keys such as ``coach.workshop`` or ``question.verdict``. They are read
once (``functools.cache``) and validated on load: every entry has a non-empty Dutch
and English text with the same placeholders, and a key lives in exactly one table, so
two tables can never disagree about what a key says.
"""

from __future__ import annotations

import html
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

from workbook.texts.bilingual import LANGS, Text, TextError, fields_of, parse_text

__all__ = ["TABLES", "all_keys", "choices", "placeholders", "t", "t_html", "validate_table"]

#: The text tables, by file stem: the dashboard and exercises (``ui``), the labels of
#: the coaching content (``guidance``), the feedback of ``workbook.checks``
#: (``checks``), field labels and messages of ``workbook.model`` (``validation``).
TABLES: Final = ("ui", "guidance", "checks", "validation", "exports", "reports")

# Labels that live with their data (guidance/catalogue.toml, guidance/rubric.toml) are
# reachable through t() too, so widgets have one accessor while each label is written
# down once. guidance sits above this module (model -> guidance, and model needs the
# validation texts), so it is imported only when such a key is first asked for, never
# at import time: the layering stays one-way. A table may not use these prefixes.
_DATA_PREFIXES: Final = frozenset({"purpose", "phase", "rubric"})


def _loads(raw: str, src: str) -> dict[str, Any]:
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise TextError(f"{src}: not valid TOML ({exc})") from None


def _parse_table(raw: str, src: str) -> dict[str, Text]:
    """Flatten nested tables to dotted keys; a table holding nl or en is a text."""
    result: dict[str, Text] = {}

    def walk(table: Mapping[str, Any], prefix: str) -> None:
        for key, value in table.items():
            path = f"{prefix}.{key}" if prefix else key
            if not isinstance(value, dict):
                raise TextError(f"{src}: {path}: expected a table")
            if set(value) & set(LANGS):
                if "." not in path:
                    raise TextError(f"{src}: {path}: a text needs a dotted key (section.name)")
                if path.partition(".")[0] in _DATA_PREFIXES:
                    raise TextError(f"{src}: {path}: '{path.partition('.')[0]}.' labels live with their data")
                result[path] = parse_text(value, src, path)
            else:
                walk(value, path)

    walk(_loads(raw, src), "")
    if not result:
        raise TextError(f"{src}: (top level): no texts")
    return result


def validate_table(path: str | Path) -> None:
    """Validate a text table (e.g. a translator's edited ``ui.toml``).

    Raises
    ------
    TextError
        Naming the file and the key when something is malformed.
    """
    file = Path(path)
    _parse_table(file.read_text(encoding="utf-8"), file.name)


def _merge(tables: Iterable[tuple[str, Mapping[str, Text]]]) -> dict[str, Text]:
    """One flat table from (file name, table) pairs, refusing a key found in two files."""
    merged: dict[str, Text] = {}
    origin: dict[str, str] = {}
    for src, table in tables:
        for key, text in table.items():
            if key in merged:
                raise TextError(f"{src}: {key}: already in {origin[key]}; a key lives in one table")
            merged[key] = text
            origin[key] = src
    return merged


@cache
def _table() -> dict[str, Text]:
    files = resources.files("workbook.texts")
    sources = [f"{stem}.toml" for stem in TABLES]
    return _merge((src, _parse_table(files.joinpath(src).read_text(encoding="utf-8"), src)) for src in sources)


@cache
def _data_labels() -> dict[str, Text]:
    from workbook import guidance  # lazily: see _DATA_PREFIXES

    labels = {f"purpose.{p.key}": p.label for p in guidance.purposes()}
    labels.update({f"phase.{p.key}": p.label for p in guidance.phases()})
    labels.update({f"rubric.{item.key}": item.label for item in guidance.rubric()})
    return labels


def _entry(key: str) -> Text:
    found = _table().get(key)
    if found is None and key.partition(".")[0] in _DATA_PREFIXES:
        found = _data_labels().get(key)
    if found is None:
        raise KeyError(f"unknown text key {key!r}")
    return found


def t(key: str, lang: str, **params: object) -> str:
    """The text at ``key`` in ``lang`` (Dutch for an unknown language), with ``params``
    filled in.

    Raises ``KeyError`` for an unknown key, so a missing text shows up in tests.
    """
    text = _entry(key).get(lang)
    return text.format(**params) if params else text


def t_html(key: str, lang: str, **params: object) -> str:
    """Like :func:`t`, for texts with markup: the parameters (user text) are escaped."""
    return t(key, lang, **{k: html.escape(str(v), quote=True) for k, v in params.items()})


@cache
def _section(section: str) -> tuple[str, ...]:
    names = tuple(key[len(section) + 1 :] for key in _table() if key.startswith(f"{section}."))
    if not names:
        raise KeyError(f"unknown text section {section!r}")
    return names


def choices(section: str, lang: str, values: Sequence[str] | None = None) -> list[tuple[str, str]]:
    """(label, value) pairs for a dropdown: ``values`` (default: every key of
    ``section``, in table order), each labelled by the text ``section.value``."""
    names = values if values is not None else _section(section)
    return [(t(f"{section}.{value}", lang), value) for value in names]


def all_keys() -> frozenset[str]:
    """Every key :func:`t` knows, the labels that live with the guidance data included."""
    return frozenset(_table()) | frozenset(_data_labels())


def placeholders(key: str, lang: str) -> frozenset[str]:
    """The ``{placeholder}`` names of the text at ``key`` in ``lang``."""
    return fields_of(_entry(key).get(lang))
