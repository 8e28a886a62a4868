"""The texts of the dashboard shell and forms, in Dutch and English (``ui.toml``).

Kept apart from ``workbook.guidance`` (the coaching content) so that content and
chrome can be translated and reviewed separately; :func:`t` is still the one accessor
widgets use: a key that ``ui.toml`` does not have (``round.terms``,
``heading.catalogue``, ``purpose.next-step``) comes from the guidance texts.
"""

from __future__ import annotations

import html
import tomllib
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Final

from workbook import guidance
from workbook.model import LANGS

__all__ = ["choices", "t", "t_html"]

_FILE: Final = Path(__file__).with_name("ui.toml")


@cache
def _texts() -> dict[str, dict[str, dict[str, str]]]:
    with _FILE.open("rb") as handle:
        data = tomllib.load(handle)
    for section, entries in data.items():
        for key, entry in entries.items():
            missing = [lang for lang in LANGS if not str(entry.get(lang, "")).strip()]
            if missing:
                raise ValueError(f"{_FILE.name}: [{section}] {key} has no text for {', '.join(missing)}")
    return data


def t(key: str, lang: str, **params: object) -> str:
    """The text at ``section.key`` in ``lang`` (Dutch when ``lang`` is unknown)."""
    section, _, name = key.partition(".")
    entry = _texts().get(section, {}).get(name)
    if entry is None:
        return guidance.text(key, lang if lang in LANGS else "nl", **params)
    text = entry.get(lang) or entry["nl"]
    return text.format(**params) if params else text


def choices(section: str, lang: str, values: Sequence[str] | None = None) -> list[tuple[str, str]]:
    """(label, value) pairs for a dropdown: ``values`` (default: every key of
    ``section`` in ``ui.toml``), labelled by the text ``section.value``."""
    keys = values if values is not None else list(_texts()[section])
    return [(t(f"{section}.{value}", lang), value) for value in keys]


def t_html(key: str, lang: str, **params: object) -> str:
    """Like :func:`t`, for texts with markup: the parameters (user text) are escaped."""
    return t(key, lang, **{k: html.escape(str(v), quote=True) for k, v in params.items()})
