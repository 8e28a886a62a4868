"""Getting the data out.

``raw``: every table as it is stored (one sheet or CSV file per table), for analysts
and for ``workbook import``, which reads it back. ``people``: the same data for people
who do not code, in their language: names instead of ids, labels instead of codes,
dates as dates. ``spreadsheet`` writes sheets to Excel (frozen headers, filters,
fitted widths) and ``delimited`` to CSV as Dutch or English spreadsheets read it.
"""

from workbook.exporting.raw import (
    SUMMARY_SHEET,
    cohort_xlsx_bytes,
    csv_bytes,
    export_tables,
    neutralise,
    read_export,
    restore,
    xlsx_bytes,
)

__all__ = [
    "SUMMARY_SHEET",
    "cohort_xlsx_bytes",
    "csv_bytes",
    "export_tables",
    "neutralise",
    "read_export",
    "restore",
    "xlsx_bytes",
]
