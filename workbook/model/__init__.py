"""The domain records of the workbook: frozen, typed and validated on creation.

Every record checks itself in ``__post_init__`` and raises :class:`ValidationError`
(a ``ValueError``) naming the field, so nothing invalid ever reaches the store.
``values`` holds the choices, limits and field checks; ``work`` the candidate and
what they do for an interview; ``workshops`` the coach's side.

This package knows nothing of ipywidgets, pandas or SQL.
"""

from workbook.model.values import (
    GUT_ANSWERS,
    LANGS,
    MAX_LONG_TEXT,
    MAX_SHORT_TEXT,
    OUTCOMES,
    PROMISE_STATUSES,
    QUESTION_SOURCES,
    ROUNDS,
    SCORE_MAX,
    SCORE_MIN,
    SCORERS,
    Lang,
    Outcome,
    PromiseStatus,
    Round,
    ValidationError,
    clean_text,
    new_id,
    parse_date,
    updated,
)
from workbook.model.work import (
    Candidate,
    ClosingStatement,
    Farewell,
    Interview,
    Interviewer,
    Note,
    PlannedQuestion,
    Promise,
    Reflection,
    Summary,
    ThankYouEmail,
)
from workbook.model.workshops import CoachComment, Workshop, WorkshopQuestion, WorkshopRubricItem

__all__ = [
    "GUT_ANSWERS",
    "LANGS",
    "MAX_LONG_TEXT",
    "MAX_SHORT_TEXT",
    "OUTCOMES",
    "PROMISE_STATUSES",
    "QUESTION_SOURCES",
    "ROUNDS",
    "SCORERS",
    "SCORE_MAX",
    "SCORE_MIN",
    "Candidate",
    "ClosingStatement",
    "CoachComment",
    "Farewell",
    "Interview",
    "Interviewer",
    "Lang",
    "Note",
    "Outcome",
    "PlannedQuestion",
    "Promise",
    "PromiseStatus",
    "Reflection",
    "Round",
    "Summary",
    "ThankYouEmail",
    "ValidationError",
    "Workshop",
    "WorkshopQuestion",
    "WorkshopRubricItem",
    "clean_text",
    "new_id",
    "parse_date",
    "updated",
]
