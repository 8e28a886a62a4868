"""Patterns across interviews: pure pandas functions, DataFrame in, DataFrame out.

They take the tables as :meth:`workbook.store.Store.tables` returns them, so the
dashboard, the coach view and the notebooks compute the same numbers. Every function
returns a frame with a fresh ``RangeIndex`` and the same columns and dtypes whether the
tables are full or empty, so a view can show an empty cohort without special cases.

One module per topic: :mod:`~workbook.analysis.progress` (how far each interview is),
:mod:`~workbook.analysis.steps` (skipped steps), :mod:`~workbook.analysis.scores`
(scores over time), :mod:`~workbook.analysis.items` (scores per rubric item),
:mod:`~workbook.analysis.questions` (question usage and warnings),
:mod:`~workbook.analysis.outcomes` (closing behaviour and outcomes),
:mod:`~workbook.analysis.themes` (reflection themes),
:mod:`~workbook.analysis.cohort` (the coach's filters and summary),
:mod:`~workbook.analysis.roster` (one row per candidate),
:mod:`~workbook.analysis.trends` (the trend over interviews and behaviour ↔ outcome,
per candidate) and :mod:`~workbook.analysis.compare` (workshops side by side). Where the cohort
summary reuses a table, the function that needs it takes it as an optional keyword
(``progress=``, ``history=``, ``feedback=``, ...), so there is one function per table.

Definitions a coach should know:

- **Skipped**: a step of an interview is skipped when it is ``not_started`` in
  :func:`step_progress`. Every interview in the tables counts, also one still to
  come; pass ``end=`` to :func:`filter_tables` to leave those out.
- **Success**: the outcome is ``next_round`` or ``offer``. Interviews whose outcome is
  still ``pending`` are left out of every share; ``rejected`` and ``withdrawn`` count
  as no success.
- **Per candidate**: :func:`roster`, :func:`trend`, :func:`outcomes_by_candidate` and
  :func:`compare_workshops` weigh every candidate the same, however many interviews
  they had. Their success shares count *decided* interviews only: neither ``pending``
  nor ``withdrawn``.
- **Asked about the next step** (G6): a planned question from the catalogue's
  ``next-step`` purpose (or a coach's own question of that purpose), or one whose
  words ask how the procedure continues (the detection of ``check_plan``).
- **Thank-you email on time** (G26): marked as sent no later than the first Dutch
  working day after the interview (:func:`workbook.workdays.next_working_day`).
- **Scores**: an unscored item is left out, never counted as 0 (as in
  :mod:`workbook.scoring`). Items are listed in rubric order, then the workshop's own
  items, then any other stored key, so nothing disappears silently.
"""

from __future__ import annotations

from workbook.analysis.cohort import cohort_summary, filter_tables
from workbook.analysis.compare import compare_workshops
from workbook.analysis.items import item_scores, self_coach_gap
from workbook.analysis.outcomes import (
    BEHAVIOURS,
    SUCCESS_OUTCOMES,
    closing_behaviour,
    closing_outcomes,
    next_step_questions,
)
from workbook.analysis.progress import STATUSES, STEPS, Status, step_progress
from workbook.analysis.questions import question_feedback, question_usage, question_warnings, warning_totals
from workbook.analysis.roster import roster
from workbook.analysis.scores import score_change, score_history, scores_over_time
from workbook.analysis.steps import most_skipped_steps, skipped_steps, step_completion
from workbook.analysis.themes import reflection_themes, stop_words
from workbook.analysis.trends import outcomes_by_candidate, trend

__all__ = [
    "BEHAVIOURS",
    "STATUSES",
    "STEPS",
    "SUCCESS_OUTCOMES",
    "Status",
    "closing_behaviour",
    "closing_outcomes",
    "cohort_summary",
    "compare_workshops",
    "filter_tables",
    "item_scores",
    "most_skipped_steps",
    "next_step_questions",
    "outcomes_by_candidate",
    "question_feedback",
    "question_usage",
    "question_warnings",
    "reflection_themes",
    "roster",
    "score_change",
    "score_history",
    "scores_over_time",
    "self_coach_gap",
    "skipped_steps",
    "step_completion",
    "step_progress",
    "stop_words",
    "trend",
    "warning_totals",
]
