"""Exports for people written to disk: one Excel workbook, or a folder of CSV files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from workbook.exporting.delimited import csv_for_people
from workbook.exporting.people import Sheet
from workbook.exporting.raw import write_export
from workbook.exporting.spreadsheet import xlsx_for_people

__all__ = ["write_for_people"]


def write_for_people(sheets: Sequence[Sheet], out: Path | str) -> list[Path]:
    """Write ``sheets`` to ``out``: an ``.xlsx`` file, or else a folder with one CSV per sheet.

    Returns the files written; ``ValueError`` for any other file name.
    """
    out = Path(out)
    csv_files = {} if out.suffix else {f"{sheet.title}.csv": csv_for_people(sheet) for sheet in sheets}
    return write_export(out, lambda: xlsx_for_people(sheets), csv_files)
