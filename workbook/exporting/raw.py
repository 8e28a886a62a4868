"""Exports of the workbook tables to Excel (one sheet per table) or CSV (one file each),
and reading such an export back with the declared dtypes.

User text is made safe for spreadsheets: a cell that starts with ``=``, ``+``, ``-``
or ``@`` would be run as a formula by Excel or LibreOffice (CSV injection), so it is
written with a leading apostrophe. Text that starts with an apostrophe gets one more,
so :func:`read_export` can undo exactly what was added.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Final

import pandas as pd

from workbook.schema import TABLES, coerce_frame, frame_dtypes

__all__ = ["cohort_xlsx_bytes", "csv_bytes", "export_tables", "neutralise", "read_export", "restore", "xlsx_bytes"]

_FORMULA_START: Final = ("=", "+", "-", "@", "'", "\t", "\r")


def neutralise(text: str) -> str:
    """Text a spreadsheet shows as text, never evaluates."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def restore(text: str) -> str:
    """Undo :func:`neutralise`."""
    return text[1:] if text.startswith("'") else text


def _cell_out(value: Any) -> Any:
    if isinstance(value, list | tuple | dict):
        return neutralise(json.dumps(value, ensure_ascii=False))
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, str):
        return neutralise(value)
    return value


def _frame_out(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for name in out.columns:
        if out[name].dtype == object or isinstance(out[name].dtype, pd.StringDtype):
            out[name] = out[name].astype(object).map(_cell_out, na_action="ignore")
    return out


def export_tables(frames: Mapping[str, pd.DataFrame], out: Path | str) -> list[Path]:
    """Write ``frames`` to ``out``: an ``.xlsx`` file, or else a folder of CSV files.

    Returns the files written.
    """
    out = Path(out)
    files = {} if out.suffix else {f"{name}.csv": csv_bytes(frame) for name, frame in frames.items()}
    return write_export(out, lambda: xlsx_bytes(frames), files)


def write_export(out: Path, workbook: Callable[[], bytes], csv_files: Mapping[str, bytes]) -> list[Path]:
    """Write an export to ``out``: the ``workbook()`` bytes for an ``.xlsx`` file, else the
    CSV files into that folder. Returns the files written; ``ValueError`` for another suffix."""
    if out.suffix.lower() == ".xlsx":
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(workbook())
        return [out]
    if out.suffix:
        raise ValueError(f"Export to a .xlsx file or a folder, not to '{out.name}'.")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in csv_files.items():
        path = out / name
        path.write_bytes(content)
        written.append(path)
    return written


def xlsx_bytes(frames: Mapping[str, pd.DataFrame]) -> bytes:
    """The Excel export in memory, for a download from the browser."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in frames.items():
            _frame_out(frame).to_excel(writer, sheet_name=name[:31], index=False)
    return buffer.getvalue()


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """One table as CSV (UTF-8 with BOM, formulas neutralised)."""
    return _frame_out(frame).to_csv(index=False).encode("utf-8-sig")


#: Name of the summary sheet in a cohort export.
SUMMARY_SHEET: Final = "summary"


def cohort_xlsx_bytes(tables: Mapping[str, pd.DataFrame], summary: Mapping[str, pd.DataFrame]) -> bytes:
    """A cohort export: one sheet per table, plus one summary sheet holding the
    numbers behind the coach view's charts, each block under its own title."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        row = 0
        for name, frame in summary.items():
            pd.DataFrame({name: []}).to_excel(writer, sheet_name=SUMMARY_SHEET, index=False, startrow=row)
            _frame_out(frame).to_excel(writer, sheet_name=SUMMARY_SHEET, index=False, startrow=row + 1)
            row += len(frame) + 4
        for name, frame in tables.items():
            _frame_out(frame).to_excel(writer, sheet_name=name[:31], index=False)
    return buffer.getvalue()


def _cell_in(value: Any, dtype: object) -> Any:
    if not isinstance(value, str):
        return value
    text = restore(value)
    if dtype == "object":
        if text[:1] in "[{":
            return json.loads(text)
        if len(text) in (5, 8) and text[2:3] == ":":
            return dt.time.fromisoformat(text)
    return text


def _frame_in(name: str, raw: pd.DataFrame) -> pd.DataFrame:
    raw = raw.copy()
    for column, dtype in frame_dtypes(name).items():
        if column in raw.columns:
            raw[column] = raw[column].astype(object).map(lambda v, d=dtype: _cell_in(v, d), na_action="ignore")
    return coerce_frame(name, raw)


def read_export(path: Path | str) -> dict[str, pd.DataFrame]:
    """Read an export written by :func:`export_tables` back into typed DataFrames."""
    path = Path(path)
    frames: dict[str, pd.DataFrame] = {}
    if path.suffix.lower() == ".xlsx":
        sheets = pd.read_excel(path, sheet_name=None, dtype=object, engine="openpyxl")
        for name in TABLES:
            if name[:31] in sheets:
                frames[name] = _frame_in(name, sheets[name[:31]])
        return frames
    for name in TABLES:
        csv = path / f"{name}.csv"
        if csv.exists():
            raw = pd.read_csv(csv, dtype=str, keep_default_na=False, encoding="utf-8-sig")
            raw = raw.replace("", None)  # coerce_frame gives text columns their "" back
            frames[name] = _frame_in(name, raw)
    return frames
