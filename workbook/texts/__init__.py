"""Every text the workbook shows, in Dutch and English, and how it writes dates and numbers.

Texts
    ``t(key, lang, **params)`` and ``t_html(...)`` (parameters escaped) look a text up
    by its dotted key in the tables beside this package (:data:`TABLES`: ``ui.toml``,
    ``guidance.toml``, ``checks.toml``, ``validation.toml``); ``choices(section, lang,
    values=None)`` gives (label, value) pairs for a dropdown. ``purpose.<key>``,
    ``phase.<key>`` and ``rubric.<key>`` are the labels of the guidance data.
    ``all_keys()``, ``placeholders(key, lang)`` and ``validate_table(path)`` are for tests
    and translators.
Formats
    ``format_date(day, lang, long=False)``, ``format_day_month(day, lang)`` and
    ``format_number(value, lang, decimals=1)``: one place for how each language writes
    them (see :mod:`workbook.texts.formats`).

This is the bottom layer: it imports nothing else of the workbook at import time, so
``workbook.model`` can name its fields in both languages.
"""

from __future__ import annotations

from workbook.texts.bilingual import LANGS, Text, TextError
from workbook.texts.formats import MISSING, format_date, format_day_month, format_number
from workbook.texts.loader import TABLES, all_keys, choices, placeholders, t, t_html, validate_table

__all__ = [
    "LANGS",
    "MISSING",
    "TABLES",
    "Text",
    "TextError",
    "all_keys",
    "choices",
    "format_date",
    "format_day_month",
    "format_number",
    "placeholders",
    "t",
    "t_html",
    "validate_table",
]
