"""P6 export for people: the coach's Excel workbook vs writing the same rows plainly.

Demo data (``fill_demo``) with 1,000 candidates x 10 interviews in a temporary SQLite
file. A is the export a coach downloads: the sheets for people
(``coach_sheets``: roster, interviews, questions with their feedback, scores, ...)
written by ``xlsx_for_people`` (frozen headers, filters, fitted widths, date and
percentage formats). B writes exactly the same sheets (the same rows and columns)
with plain ``DataFrame.to_excel`` through openpyxl, no formatting. They alternate,
A B / B A, ``ROUNDS`` times (at least 3: each run writes some 100,000 rows).

    .venv/bin/python -m benchmarks.p6_export
"""

from __future__ import annotations

import io
import tempfile
import time

from harness.stats import median

from .common import ROUNDS, describe, interleave, print_header, summary_line

TARGET = 2.0
CANDIDATES = 1000
INTERVIEWS = 10


def main() -> str:
    import pandas as pd

    from workbook.demo import fill_demo
    from workbook.exporting.people import coach_sheets
    from workbook.exporting.spreadsheet import xlsx_for_people
    from workbook.store import Database

    rounds = max(3, min(ROUNDS, 5))
    print_header(f"P6 export for people ({CANDIDATES} candidates x {INTERVIEWS} interviews)", rounds)
    with tempfile.TemporaryDirectory(prefix="wb-bench-p6-") as folder:
        db = Database.open(f"sqlite:///{folder}/export.sqlite")
        demo = fill_demo(db, candidates=CANDIDATES, interviews=INTERVIEWS, seed=1)
        tables = db.for_coach(demo.coach_id).tables()
        began = time.perf_counter()
        sheets = coach_sheets(tables, "nl")
        prepare = time.perf_counter() - began
        rows = sum(len(s.frame) for s in sheets)
        print(f"  {len(sheets)} sheets, {rows} rows; preparing them took {prepare:.2f} s (not in the ratio)")

        def ours(_: int = 0) -> float:
            t0 = time.perf_counter()
            xlsx_for_people(sheets)
            return time.perf_counter() - t0

        def plain(_: int = 0) -> float:
            t0 = time.perf_counter()
            with pd.ExcelWriter(io.BytesIO(), engine="openpyxl") as writer:
                for sheet in sheets:
                    sheet.frame.to_excel(writer, sheet_name=sheet.title, index=False)
            return time.perf_counter() - t0

        a, b = interleave(rounds, ours, plain)
        db.close()
    print(describe("xlsx_for_people (formatted)   ", a, unit="s", scale=1.0))
    print(describe("DataFrame.to_excel (plain)    ", b, unit="s", scale=1.0))
    print(f"  whole export at {CANDIDATES} x {INTERVIEWS}: about {prepare + median(a):.1f} s (sheets + writing)")
    return summary_line(6, "export for people", median(a) / median(b), TARGET)


if __name__ == "__main__":
    main()
