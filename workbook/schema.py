"""The database tables, declared once: columns, constraints and pandas dtypes.

Every table carries ``candidate_id`` (also the child tables) so that the store can
scope each query to one candidate with a single ``WHERE``: isolation is a property of
the schema, not something each query has to remember to join for.

The pandas dtype of every column is derived from its SQL type here
(:func:`frame_dtypes`), so a column is declared in exactly one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import sqlalchemy as sa

if TYPE_CHECKING:
    import pandas as pd

from workbook.model import GUT_ANSWERS, LANGS, OUTCOMES, PROMISE_STATUSES, QUESTION_SOURCES, ROUNDS, SCORERS

__all__ = ["HIDDEN_COLUMNS", "TABLES", "coerce_frame", "frame_dtypes", "metadata"]

# Naming convention: stable constraint names make migrations reproducible on
# SQLite (batch mode) and PostgreSQL alike.
metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

_ID = 32


def _choice(name: str, values: tuple[str, ...]) -> sa.Enum:
    # A VARCHAR with a CHECK constraint: portable, and the store rejects unknown
    # values even when a row bypasses the model (an import, a notebook).
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=20)


def _id() -> sa.Column[str]:
    return sa.Column("id", sa.String(_ID), primary_key=True)


def _owner() -> sa.Column[str]:
    return sa.Column(
        "candidate_id",
        sa.String(_ID),
        sa.ForeignKey("candidates.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


def _interview(unique: bool = False) -> sa.Column[str]:
    return sa.Column(
        "interview_id",
        sa.String(_ID),
        sa.ForeignKey("interviews.id", ondelete="CASCADE"),
        nullable=False,
        unique=unique,
        index=not unique,
    )


def _updated() -> sa.Column[object]:
    return sa.Column("updated_at", sa.DateTime, nullable=False)


candidates = sa.Table(
    "candidates",
    metadata,
    _id(),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("language", _choice("language", LANGS), nullable=False),
    sa.Column("linkedin_url", sa.Text, nullable=False, default=""),
    # scrypt hash of the personal sign-in code; the code itself is never stored.
    sa.Column("code_hash", sa.String(128), unique=True),
    sa.Column("created_at", sa.DateTime, nullable=False),
    _updated(),
    # Where the candidate was, so a reload or a new device brings them back there.
    # No foreign key: the interview may be deleted, and then the resume is ignored.
    sa.Column("resume_interview_id", sa.String(_ID)),
    sa.Column("resume_step", sa.String(40)),
    # Identity given by a single-sign-on front (JupyterHub's user name), if any.
    sa.Column("external_id", sa.String(200), unique=True),
)

interviews = sa.Table(
    "interviews",
    metadata,
    _id(),
    _owner(),
    sa.Column("employer", sa.String(200), nullable=False),
    sa.Column("role", sa.String(200), nullable=False),
    sa.Column("round", _choice("round", ROUNDS), nullable=False, index=True),
    # The coach view filters by date range and round (migration 0002).
    sa.Column("date", sa.Date, nullable=False, index=True),
    sa.Column("time", sa.Time),
    sa.Column("outcome", _choice("outcome", OUTCOMES), nullable=False),
    _updated(),
)

interviewers = sa.Table(
    "interviewers",
    metadata,
    _interview(),
    sa.Column("position", sa.Integer, nullable=False),
    _owner(),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("role", sa.String(200), nullable=False, default=""),
    sa.Column("email", sa.String(500), nullable=False, default=""),
    sa.PrimaryKeyConstraint("interview_id", "position"),
)

questions = sa.Table(
    "questions",
    metadata,
    _id(),
    _owner(),
    _interview(),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("source", _choice("source", QUESTION_SOURCES), nullable=False),
    sa.Column("catalogue_key", sa.String(100), nullable=False, default=""),
    sa.Column("asked", sa.Boolean, nullable=False, default=False),
    _updated(),
)

statements = sa.Table(
    "statements",
    metadata,
    _id(),
    _owner(),
    _interview(unique=True),
    sa.Column("appeal", sa.Text, nullable=False, default=""),
    sa.Column("plan_steps", sa.JSON, nullable=False),
    sa.Column("text", sa.Text, nullable=False, default=""),
    _updated(),
)

farewells = sa.Table(
    "farewells",
    metadata,
    _id(),
    _owner(),
    _interview(unique=True),
    sa.Column("thanks", sa.Text, nullable=False, default=""),
    sa.Column("phrase", sa.Text, nullable=False, default=""),
    sa.Column("checked", sa.JSON, nullable=False),
    _updated(),
)

reflections = sa.Table(
    "reflections",
    metadata,
    _id(),
    _owner(),
    _interview(),
    sa.Column("scorer", _choice("scorer", SCORERS), nullable=False),
    sa.Column("answers", sa.JSON, nullable=False),
    sa.Column("gut_continue", _choice("gut_continue", GUT_ANSWERS)),
    sa.Column("gut_dream_job", _choice("gut_dream_job", GUT_ANSWERS)),
    _updated(),
    # One self-reflection and one coach score per interview.
    sa.UniqueConstraint("interview_id", "scorer", name="uq_reflections_interview_scorer"),
)

reflection_scores = sa.Table(
    "reflection_scores",
    metadata,
    sa.Column(
        "reflection_id",
        sa.String(_ID),
        sa.ForeignKey("reflections.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("item", sa.String(100), nullable=False, index=True),
    _owner(),
    sa.Column("score", sa.Integer, nullable=False),
    sa.PrimaryKeyConstraint("reflection_id", "item"),
    sa.CheckConstraint("score BETWEEN 1 AND 5", name="score_range"),
)

promises = sa.Table(
    "promises",
    metadata,
    _id(),
    _owner(),
    _interview(),
    sa.Column("what", sa.String(500), nullable=False),
    sa.Column("to_whom", sa.String(500), nullable=False, default=""),
    sa.Column("promised_on", sa.Date, nullable=False),
    sa.Column("due_on", sa.Date),
    sa.Column("sent_on", sa.Date),
    sa.Column("status", _choice("status", PROMISE_STATUSES), nullable=False),
    sa.Column("note", sa.Text, nullable=False, default=""),
    _updated(),
)

emails = sa.Table(
    "emails",
    metadata,
    _id(),
    _owner(),
    # One thank-you email per interview (G27): the schema says so, not just the UI.
    _interview(unique=True),
    sa.Column("recipients", sa.JSON, nullable=False),
    sa.Column("subject", sa.String(500), nullable=False, default=""),
    sa.Column("body", sa.Text, nullable=False, default=""),
    sa.Column("send_on", sa.Date),
    sa.Column("sent_on", sa.Date),
    sa.Column("substance_point", sa.Text, nullable=False, default=""),
    sa.Column("linkedin_url", sa.Text, nullable=False, default=""),
    _updated(),
)

notes = sa.Table(
    "notes",
    metadata,
    _id(),
    _owner(),
    _interview(),
    sa.Column("kind", _choice("kind", ("during", "after")), nullable=False),
    sa.Column("text", sa.Text, nullable=False, default=""),
    _updated(),
    sa.UniqueConstraint("interview_id", "kind", name="uq_notes_interview_kind"),
)

summaries = sa.Table(
    "summaries",
    metadata,
    _id(),
    _owner(),
    _interview(unique=True),
    sa.Column("key_points", sa.Text, nullable=False, default=""),
    sa.Column("their_questions", sa.Text, nullable=False, default=""),
    sa.Column("promised", sa.Text, nullable=False, default=""),
    sa.Column("interviewer_names", sa.Text, nullable=False, default=""),
    _updated(),
)

# -- workshops: a coach runs workshops, candidates join them with a code ----------

coaches = sa.Table(
    "coaches",
    metadata,
    _id(),
    sa.Column("name", sa.String(100), nullable=False, unique=True),
    # scrypt with its own salt (identity.hash_passcode): a passcode may be weak.
    sa.Column("passcode_hash", sa.String(200), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    _updated(),
)

workshops = sa.Table(
    "workshops",
    metadata,
    _id(),
    sa.Column("coach_id", sa.String(_ID), sa.ForeignKey("coaches.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("starts_on", sa.Date, nullable=False),
    sa.Column("ends_on", sa.Date),
    sa.Column("language", _choice("language", LANGS), nullable=False),
    # The code candidates join with, normalised. Kept readable (unlike personal
    # codes): it is written on the whiteboard anyway, and joining shows nobody's data.
    sa.Column("code", sa.String(20), nullable=False, unique=True),
    sa.Column("created_at", sa.DateTime, nullable=False),
    _updated(),
)

memberships = sa.Table(
    "memberships",
    metadata,
    sa.Column("workshop_id", sa.String(_ID), sa.ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
    _owner(),
    sa.Column("joined_at", sa.DateTime, nullable=False),
    sa.PrimaryKeyConstraint("workshop_id", "candidate_id"),
)

# A coach's own closing questions and rubric items, shown to that workshop's candidates.
workshop_questions = sa.Table(
    "workshop_questions",
    metadata,
    _id(),
    sa.Column(
        "workshop_id", sa.String(_ID), sa.ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column("purpose", sa.String(40), nullable=False),
    sa.Column("language", _choice("language", LANGS), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("when_to_use", sa.Text, nullable=False, default=""),
    _updated(),
)

workshop_rubric_items = sa.Table(
    "workshop_rubric_items",
    metadata,
    _id(),
    sa.Column(
        "workshop_id", sa.String(_ID), sa.ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    # Stored with the scores like a built-in item key; prefixed "ws-" so they never clash.
    sa.Column("key", sa.String(100), nullable=False, unique=True),
    sa.Column("phase", sa.String(40), nullable=False),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("anchors", sa.JSON, nullable=False),
    # Retired instead of deleted: the scores candidates already gave it keep their label.
    sa.Column("retired_at", sa.DateTime),
    _updated(),
)

# A coach's written feedback on an interview (or one rubric item of it), which the
# candidate reads in their workspace; new until they have seen it.
coach_comments = sa.Table(
    "coach_comments",
    metadata,
    _id(),
    _owner(),
    _interview(),
    sa.Column("coach_id", sa.String(_ID), sa.ForeignKey("coaches.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("item", sa.String(100), nullable=False, default=""),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("read_at", sa.DateTime),
    _updated(),
)

# Failed sign-ins of the last minutes, shared by all kernels: the attempt limit must
# hold across page reloads, which each get a fresh kernel.
sign_in_failures = sa.Table(
    "sign_in_failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("at", sa.DateTime, nullable=False, index=True),
)

#: Every table by name, parents before children (the order to write and export in).
#: Bookkeeping tables: not the users' data, never exported.
INTERNAL_TABLES: Final = frozenset({"sign_in_failures"})
TABLES: Final[dict[str, sa.Table]] = {t.name: t for t in metadata.sorted_tables if t.name not in INTERNAL_TABLES}

#: The tables of one candidate's own work (each has ``candidate_id``), in write order.
CANDIDATE_TABLES: Final = tuple(
    name for name, table in TABLES.items() if "candidate_id" in table.c or name == "candidates"
)
#: The workshop tables (the coach's side).
WORKSHOP_TABLES: Final = ("coaches", "workshops", "memberships", "workshop_questions", "workshop_rubric_items")

#: Columns never handed out in a DataFrame or an export (secrets and UI state).
HIDDEN_COLUMNS: Final = frozenset({"code_hash", "passcode_hash", "resume_interview_id", "resume_step", "external_id"})


def _dtype(column: sa.Column[object]) -> object:
    # pandas is imported where frames are made: a kernel's sign-in page needs none.
    import pandas as pd

    kind = column.type
    if isinstance(kind, sa.Enum):
        return pd.CategoricalDtype(list(kind.enums))
    if isinstance(kind, sa.Boolean):
        return "boolean"
    if isinstance(kind, sa.Integer):
        return "Int64"
    if isinstance(kind, sa.Date | sa.DateTime):
        return "datetime64[ns]"
    if isinstance(kind, sa.Time | sa.JSON):
        return "object"
    return "string"


def frame_dtypes(table: str) -> dict[str, object]:
    """The pandas dtype of every public column of ``table``, in column order."""
    return {c.name: _dtype(c) for c in TABLES[table].columns if c.name not in HIDDEN_COLUMNS}


def coerce_frame(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    """Give ``frame`` exactly the declared columns and dtypes of ``table``.

    Accepts what SQLite, PostgreSQL, CSV and Excel hand back (dates as text or as
    ``date`` objects, booleans as 0/1, JSON as text) so every reader ends the same.
    """
    columns = TABLES[table].columns
    out = pd.DataFrame(index=frame.index)
    for name, dtype in frame_dtypes(table).items():
        values = frame[name] if name in frame.columns else pd.Series(pd.NA, index=frame.index)
        if dtype == "datetime64[ns]":
            out[name] = pd.to_datetime(values, errors="raise").astype("datetime64[ns]")
        elif dtype == "boolean":
            out[name] = values.map(_to_bool).astype("boolean")
        elif dtype == "object":
            out[name] = values.astype(object).where(values.notna(), None)
        elif dtype == "string":
            # Spreadsheets cannot tell an empty cell from empty text: a column
            # that may not be NULL holds "" wherever a reader found nothing.
            text = values.astype("string")
            out[name] = text if columns[name].nullable else text.fillna("")
        else:
            out[name] = values.astype(dtype)  # type: ignore[call-overload]
    return out


def _to_bool(value: object) -> object:
    import pandas as pd

    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return pd.NA
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "ja", "yes", "waar"}
    return bool(value)
