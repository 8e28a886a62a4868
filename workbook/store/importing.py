"""Import an export back (a backup, or a move to another server): all or nothing.

The file is checked completely before anything is written: the tables and their
columns, every cell against its column's type, choices and required-ness, every row
against the record it stands for (the model's own validation, through the store's
codec), duplicate ids within the file and ids that already exist in the database. Each problem is
reported with the sheet (or CSV file), the row as a spreadsheet shows it and the
column. Only a file without problems is written, in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import pandas as pd
import sqlalchemy as sa

from workbook.exporting import restore
from workbook.model import ValidationError
from workbook.schema import HIDDEN_COLUMNS, TABLES
from workbook.store.codec import KINDS, decode, kind_of_table
from workbook.store.database import Database

__all__ = ["ImportError_", "ImportProblem", "ImportReport", "import_tables", "read_raw", "validate_tables"]

_MAX_PROBLEMS: Final = 50


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong in the file, located as a person would look for it."""

    table: str
    row: int | None  # as a spreadsheet numbers it: the header is row 1
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [self.table]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.message}"


@dataclass
class ImportReport:
    rows: dict[str, int] = field(default_factory=dict)
    problems: list[ImportProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class ImportError_(ValueError):
    """The file cannot be imported; ``problems`` says where and why."""

    def __init__(self, problems: list[ImportProblem]) -> None:
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:_MAX_PROBLEMS])
        more = f"\n  ... and {len(problems) - _MAX_PROBLEMS} more" if len(problems) > _MAX_PROBLEMS else ""
        super().__init__(f"Nothing was imported; {len(problems)} problem(s):\n{shown}{more}")


def read_raw(path: Path | str) -> tuple[dict[str, pd.DataFrame], list[ImportProblem]]:
    """The sheets of an .xlsx file or the CSV files of a folder, as text cells."""
    path = Path(path)
    problems: list[ImportProblem] = []
    frames: dict[str, pd.DataFrame] = {}
    if not path.exists():
        return {}, [ImportProblem(path.name, None, None, "no such file or folder")]
    if path.is_file() and path.suffix.lower() == ".xlsx":
        try:
            sheets = pd.read_excel(path, sheet_name=None, dtype=object, engine="openpyxl")
        except Exception as error:
            return {}, [ImportProblem(path.name, None, None, f"not a readable Excel file ({error})")]
        for name, frame in sheets.items():
            frames[str(name)] = frame
    elif path.is_dir():
        for csv in sorted(path.glob("*.csv")):
            try:
                text = csv.read_bytes().decode("utf-8-sig")
            except UnicodeDecodeError as error:
                line = csv.read_bytes()[: error.start].count(b"\n") + 1
                problems.append(
                    ImportProblem(csv.name, line, None, "not UTF-8 text; save the file as UTF-8 (CSV UTF-8)")
                )
                continue
            try:
                from io import StringIO

                frames[csv.stem] = pd.read_csv(StringIO(text), dtype=str, keep_default_na=False)
            except Exception as error:
                problems.append(ImportProblem(csv.name, None, None, f"not readable as CSV ({error})"))
    else:
        problems.append(ImportProblem(path.name, None, None, "import an .xlsx file or a folder of CSV files"))
    return frames, problems


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value) or (isinstance(value, str) and not value)


def _convert(column: sa.Column[Any], value: Any) -> tuple[Any, str | None]:
    """A cell as the column's Python value, or an error text."""
    if isinstance(value, str):
        value = restore(value)
    if _blank(value):
        if column.nullable or column.default is not None:
            default = getattr(column.default, "arg", None)
            return (None if column.nullable else default), None
        return None, "is empty, but required"
    kind = column.type
    try:
        if isinstance(kind, sa.Enum):
            text = str(value).strip()
            if text not in kind.enums:
                return None, f"'{text}' is not one of {', '.join(kind.enums)}"
            return text, None
        if isinstance(kind, sa.Boolean):
            text = str(value).strip().lower()
            if text in ("1", "true", "ja", "yes", "waar"):
                return True, None
            if text in ("0", "false", "nee", "no", "onwaar"):
                return False, None
            return None, f"'{value}' is not yes or no"
        if isinstance(kind, sa.Integer):
            number = float(value)
            if number != int(number):
                return None, f"'{value}' is not a whole number"
            return int(number), None
        if isinstance(kind, sa.DateTime):
            return pd.Timestamp(value).to_pydatetime(), None
        if isinstance(kind, sa.Date):
            return pd.Timestamp(value).date(), None
        if isinstance(kind, sa.Time):
            if isinstance(value, dt.time):
                return value, None
            return dt.time.fromisoformat(str(value).strip()), None
        if isinstance(kind, sa.JSON):
            return (json.loads(value) if isinstance(value, str) else value), None
        text = str(value)
        length = getattr(kind, "length", None)
        if length and len(text) > length:
            return None, f"is {len(text)} characters long; at most {length}"
        return text, None
    except (ValueError, TypeError, OverflowError) as error:
        return None, f"'{str(value)[:40]}' is not a valid {type(kind).__name__.lower()} ({error})"


def validate_tables(
    raw: Mapping[str, pd.DataFrame], existing: Mapping[str, set[tuple[Any, ...]]] | None = None
) -> tuple[dict[str, list[dict[str, Any]]], list[ImportProblem]]:
    """Check every table and cell; return the rows ready to insert and the problems."""
    problems: list[ImportProblem] = []
    rows: dict[str, list[dict[str, Any]]] = {}
    for name in raw:
        if name not in TABLES and name not in ("summary",):
            problems.append(ImportProblem(name, None, None, "is not a workbook table"))
    for name, table in TABLES.items():
        if name not in raw:
            continue
        frame = raw[name]
        expected = [c.name for c in table.columns if c.name not in HIDDEN_COLUMNS]
        missing = [c for c in expected if c not in frame.columns and not table.c[c].nullable]
        unknown = [str(c) for c in frame.columns if c not in expected]
        for column in missing:
            problems.append(ImportProblem(name, 1, column, "this column is missing"))
        for column in unknown:
            problems.append(ImportProblem(name, 1, column, "unknown column"))
        if missing or unknown:
            continue
        keys = [c.name for c in table.primary_key.columns]
        seen: dict[tuple[Any, ...], int] = {}
        table_rows = []
        for index, record in enumerate(frame.to_dict("records")):
            line = index + 2  # row 1 holds the column names
            values: dict[str, Any] = {}
            cells_ok = True
            for column_name in expected:
                value, error = _convert(table.c[column_name], record.get(column_name))
                if error:
                    problems.append(ImportProblem(name, line, column_name, error))
                    cells_ok = False
                values[column_name] = value
            if cells_ok:  # a broken cell is reported once, not again as a broken record
                problems += _record_problems(name, line, values)
            key = tuple(values.get(k) for k in keys)
            if key in seen:
                problems.append(
                    ImportProblem(name, line, ", ".join(keys), f"the same id as row {seen[key]}: ids must be unique")
                )
            elif existing is not None and key in existing.get(name, set()):
                problems.append(ImportProblem(name, line, ", ".join(keys), "this id is already in the database"))
            seen[key] = line
            table_rows.append(values)
        rows[name] = table_rows
    return rows, problems


def _record_problems(table: str, line: int, values: dict[str, Any]) -> list[ImportProblem]:
    """What the model refuses in this row: the same checks as a record typed on a page."""
    kind = kind_of_table(table)
    children = [c for k in KINDS.values() for c in k.children if c.table == table]
    try:
        if kind is not None:
            decode(kind.record, values)
        for child in children:
            child.decode([values])
    except ValidationError as error:
        return [ImportProblem(table, line, error.field, error.message("en"))]
    except (TypeError, ValueError) as error:
        return [ImportProblem(table, line, None, f"does not make a valid record ({error})")]
    return []


def _existing_keys(db: Database, names: list[str]) -> dict[str, set[tuple[Any, ...]]]:
    found: dict[str, set[tuple[Any, ...]]] = {}
    with db.read() as conn:
        for name in names:
            table = TABLES[name]
            found[name] = {tuple(r) for r in conn.execute(sa.select(*table.primary_key.columns))}
    return found


def import_tables(db: Database, path: Path | str) -> ImportReport:
    """Import an export (``workbook export``) into ``db``, all or nothing.

    Raises :class:`ImportError_` listing every problem; then nothing was written.
    """
    raw, problems = read_raw(path)
    if not problems and not raw:
        problems.append(ImportProblem(Path(path).name, None, None, "holds no tables"))
    rows, found = validate_tables(raw, _existing_keys(db, [n for n in TABLES if n in raw]))
    problems += found
    if problems:
        raise ImportError_(problems)
    for coach in rows.get("coaches", []):
        # Passcodes never leave the database: an imported coach sets a new one
        # (workbook coach-passcode --name NAME) before signing in.
        coach["passcode_hash"] = "disabled"
    try:
        db.insert_rows(rows)
    except sa.exc.IntegrityError as error:
        # A row pointing at a parent that is neither in the file nor in the database.
        raise ImportError_([ImportProblem("file", None, None, f"rows do not fit together: {error.orig}")]) from error
    return ImportReport(rows={name: len(r) for name, r in rows.items()})
