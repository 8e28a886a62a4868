"""Sheets for people as CSV, the way a spreadsheet in the user's language opens it.

Dutch Excel expects a semicolon between fields and a decimal comma; English Excel a
comma and a decimal point. Both get UTF-8 with a byte-order mark, so accents survive a
double-click, and dates written as people in that language write them.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from typing import Any, Final

import pandas as pd

from workbook.exporting.people import Kind, Sheet
from workbook.exporting.raw import neutralise
from workbook.texts import format_date, format_number

__all__ = ["DELIMITERS", "csv_for_people", "csv_zip_for_people"]

DELIMITERS: Final = {"nl": ";", "en": ","}


def _cell(value: Any, kind: Kind, lang: str) -> str:
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value):
        return ""
    if kind == "date":
        return format_date(value, lang)
    if kind == "percent":
        return format_number(float(value) * 100, lang, decimals=0) + "%"
    if kind == "number":
        return format_number(float(value), lang, decimals=1)
    if kind == "integer":
        return str(int(value))
    return neutralise(str(value))


def csv_for_people(sheet: Sheet) -> bytes:
    """One sheet as CSV bytes for a spreadsheet in the sheet's language."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITERS.get(sheet.lang, ";"), lineterminator="\r\n")
    columns = list(sheet.frame.columns)
    kinds = [sheet.kinds.get(c, "text") for c in columns]
    writer.writerow([sheet.header(c) for c in columns])
    # Dates and numbers repeat (a workshop has few interview days): format each once.
    seen: dict[tuple[object, str], str] = {}

    def cell(value: Any, kind: Kind) -> str:
        if kind == "text":
            return _cell(value, kind, sheet.lang)
        key = (value, kind)
        if key not in seen:
            seen[key] = _cell(value, kind, sheet.lang)
        return seen[key]

    for row in sheet.frame.itertuples(index=False, name=None):
        writer.writerow([cell(v, k) for v, k in zip(row, kinds, strict=True)])
    return out.getvalue().encode("utf-8-sig")


def csv_zip_for_people(sheets: Iterable[Sheet]) -> bytes:
    """Every sheet as its own CSV file in one zip archive."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for sheet in sheets:
            archive.writestr(f"{sheet.title}.csv", csv_for_people(sheet))
    return buffer.getvalue()
