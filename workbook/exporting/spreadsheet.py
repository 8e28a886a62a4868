"""Sheets for people into an Excel workbook: headers in bold and frozen, a filter on
every column, widths fitted to the content, dates as dates, shares as percentages.

openpyxl's write-only mode streams the rows (a 1,000-candidate workshop is a few
hundred thousand cells), so the writer costs about what the cells themselves cost.
Every text cell is neutralised: a spreadsheet shows a leading ``=`` as text, never as
a formula (CSV and Excel injection).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import Any, Final

import pandas as pd

from workbook.exporting.people import Kind, Sheet
from workbook.exporting.raw import neutralise

__all__ = ["DATE_FORMATS", "xlsx_for_people"]

#: How Excel shows a date cell, per language (the value stays a date either way).
DATE_FORMATS: Final = {"nl": "dd-mm-yyyy", "en": "d mmm yyyy"}
_NUMBER_FORMATS: Final[dict[Kind, str]] = {"integer": "0", "number": "0.0", "percent": "0%"}
_MAX_WIDTH: Final = 60
_SAMPLE: Final = 500  # rows looked at to fit a column's width


def _plain(value: Any) -> Any:
    """A cell value openpyxl writes as it is: no NA, no numpy scalars, text neutralised."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, str):
        return neutralise(value)
    if hasattr(value, "item") and not isinstance(value, str):
        return value.item()  # numpy and pandas scalars
    return value


def _width(header: str, values: Iterable[Any], kind: Kind) -> float:
    if kind == "date":
        longest = 11
    else:
        longest = max((len(str(v)) for v in values if v is not None), default=0)
        longest = max(min(longest, _MAX_WIDTH), 6)
    return float(max(len(header), longest) + 2)


def xlsx_for_people(sheets: Iterable[Sheet], *, progress: Callable[[int, int], None] | None = None) -> bytes:
    """The sheets as one .xlsx file in memory.

    ``progress(done, total)`` is called after each sheet, for a progress bar.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheets = list(sheets)
    book = Workbook(write_only=True)
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for number, sheet in enumerate(sheets, start=1):
        ws = book.create_sheet(sheet.title)
        frame = sheet.frame
        columns = list(frame.columns)
        headers = [sheet.header(c) for c in columns]
        kinds = [sheet.kinds.get(c, "text") for c in columns]
        data = [[_plain(v) for v in frame[c].tolist()] for c in columns]
        for index, (header, kind, values) in enumerate(zip(headers, kinds, data, strict=True), start=1):
            ws.column_dimensions[get_column_letter(index)].width = _width(header, values[:_SAMPLE], kind)
        ws.freeze_panes = "A2"
        if columns:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(len(frame), 1) + 1}"
        header_row = []
        for header in headers:
            cell = WriteOnlyCell(ws, value=header)
            cell.font = bold
            header_row.append(cell)
        ws.append(header_row)
        formats = [DATE_FORMATS.get(sheet.lang, "dd-mm-yyyy") if k == "date" else _NUMBER_FORMATS.get(k) for k in kinds]
        long_text = [
            k == "text" and any(isinstance(v, str) and "\n" in v for v in vals[:_SAMPLE])
            for k, vals in zip(kinds, data, strict=True)
        ]
        styled = [f is not None or w for f, w in zip(formats, long_text, strict=True)]
        for row in zip(*data, strict=True) if data else ():
            cells: list[Any] = []
            for value, style, fmt, wrapped in zip(row, styled, formats, long_text, strict=True):
                if not style or value is None:
                    cells.append(value)
                    continue
                cell = WriteOnlyCell(ws, value=value)
                if fmt is not None:
                    cell.number_format = fmt
                if wrapped:
                    cell.alignment = wrap
                cells.append(cell)
            ws.append(cells)
        if progress is not None:
            progress(number, len(sheets))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
