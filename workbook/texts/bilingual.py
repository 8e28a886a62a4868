"""A text in Dutch and English, and the one rule every bilingual text obeys.

Both the flat text tables of this package and the guidance content files
(``workbook/guidance/*.toml``) hold texts as ``{ nl = "...", en = "..." }``; both
check them with :func:`parse_text`, so "complete, non-empty, same placeholders" means
the same everywhere.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

__all__ = ["LANGS", "Text", "TextError", "fields_of", "parse_text"]

#: The languages of every text, Dutch first: it is the workbook's first language and
#: the fall-back for an unknown one. ``workbook.model.LANGS`` names the same two.
LANGS: Final[tuple[str, ...]] = ("nl", "en")


class TextError(ValueError):
    """A text table is malformed; the message names the file and the key."""


@dataclass(frozen=True)
class Text:
    """One text in Dutch and English."""

    nl: str
    en: str

    def get(self, lang: str) -> str:
        """The text in ``lang``; Dutch for an unknown language (Dutch comes first)."""
        return self.en if lang == "en" else self.nl


def fields_of(template: str) -> frozenset[str]:
    """The ``{placeholder}`` names in ``template``.

    Raises
    ------
    ValueError
        For broken brace syntax or a placeholder that is not a plain name (``{0}``,
        ``{a.b}``): texts are filled in by keyword only.
    """
    names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    if any(not name.isidentifier() for name in names):
        raise ValueError("placeholders must be names in braces, like {role}")
    return frozenset(names)


def parse_text(value: Any, src: str, path: str) -> Text:
    """``value`` (a TOML table) as a :class:`Text`: both languages present, non-empty,
    nothing else, and the same placeholders in each.

    ``src`` (the file name) and ``path`` (the dotted key) only go into the message of
    the :class:`TextError` raised for a malformed value.
    """
    if not isinstance(value, Mapping):
        raise TextError(f"{src}: {path}: missing or not a table with nl and en")
    extra = set(value) - set(LANGS)
    if extra:
        raise TextError(f"{src}: {path}: unknown language(s) {sorted(extra)}")
    texts: dict[str, str] = {}
    fields: dict[str, frozenset[str]] = {}
    for lang in LANGS:
        item = value.get(lang)
        if not isinstance(item, str) or not item.strip():
            raise TextError(f"{src}: {path}.{lang}: missing or empty")
        texts[lang] = item.strip()
        try:
            fields[lang] = fields_of(texts[lang])
        except ValueError as exc:
            raise TextError(f"{src}: {path}.{lang}: bad placeholder syntax ({exc})") from None
    if fields["nl"] != fields["en"]:
        raise TextError(f"{src}: {path}: nl and en use different placeholders")
    return Text(nl=texts["nl"], en=texts["en"])
