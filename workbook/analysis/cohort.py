"""The coach's view of a cohort: the tables narrowed down, and every analysis of them at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import pandas as pd

from workbook.analysis.items import item_scores, self_coach_gap
from workbook.analysis.outcomes import closing_behaviour, closing_outcomes
from workbook.analysis.progress import step_progress
from workbook.analysis.questions import question_feedback, question_usage, question_warnings, warning_totals
from workbook.analysis.scores import score_change, score_history, scores_over_time
from workbook.analysis.steps import most_skipped_steps, skipped_steps, step_completion
from workbook.analysis.themes import reflection_themes

__all__ = ["cohort_summary", "filter_tables"]


def _when(value: dt.date | str | pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(value).normalize()


def filter_tables(
    tables: Mapping[str, pd.DataFrame],
    *,
    workshop_id: str | None = None,
    start: dt.date | str | pd.Timestamp | None = None,
    end: dt.date | str | pd.Timestamp | None = None,
    rounds: str | Iterable[str] | None = None,
    candidate_id: str | None = None,
) -> dict[str, pd.DataFrame]:
    """The tables restricted to one workshop, a date range, some rounds or one candidate.

    Parameters
    ----------
    workshop_id
        Keep the members of this workshop (``memberships``) and its own
        workshop rows (questions, rubric items).
    start, end
        Keep interviews dated from ``start`` up to and including ``end``.
    rounds
        Keep interviews of these rounds (one round or several).
    candidate_id
        Keep one candidate.

    Returns
    -------
    dict[str, DataFrame]
        Every table of ``tables`` (same names, columns and dtypes, a fresh index):
        candidate tables hold only the chosen candidates; tables hanging under an
        interview (questions, reflections and their scores, emails, ...) only the
        chosen interviews. A candidate stays even when none of their interviews
        falls in the range, so the view can show who has not been interviewed.
    """
    chosen: set[str] | None = None
    if workshop_id is not None:
        memberships = tables.get("memberships")
        members = (
            memberships.loc[memberships["workshop_id"].isin([workshop_id]), "candidate_id"]
            if memberships is not None
            else pd.Series(dtype="string")
        )
        chosen = set(members.astype(str))
    if candidate_id is not None:
        chosen = {candidate_id} if chosen is None else chosen & {candidate_id}

    interviews = tables["interviews"]
    keep = pd.Series(True, index=interviews.index)
    if chosen is not None:
        keep &= interviews["candidate_id"].isin(chosen)
    if start is not None:
        keep &= interviews["date"] >= _when(start)
    if end is not None:
        keep &= interviews["date"] <= _when(end)
    if rounds is not None:
        wanted = [rounds] if isinstance(rounds, str) else list(rounds)
        keep &= interviews["round"].astype("string").isin(wanted).fillna(False).astype(bool)
    interview_ids = interviews.loc[keep, "id"]
    reflections = tables["reflections"]
    reflection_ids = reflections.loc[reflections["interview_id"].isin(interview_ids), "id"]
    if chosen is not None:
        reflection_ids = reflection_ids[reflections["candidate_id"].isin(chosen)]

    result: dict[str, pd.DataFrame] = {}
    for name, frame in tables.items():
        mask = pd.Series(True, index=frame.index)
        if chosen is not None:
            if name == "candidates":
                mask &= frame["id"].isin(chosen)
            elif "candidate_id" in frame.columns:
                mask &= frame["candidate_id"].isin(chosen)
        if name == "interviews":
            mask &= keep
        elif "interview_id" in frame.columns:
            mask &= frame["interview_id"].isin(interview_ids)
        if name == "reflection_scores":
            mask &= frame["reflection_id"].isin(reflection_ids)
        if workshop_id is not None:
            if name == "workshops":
                mask &= frame["id"].isin([workshop_id])
            elif "workshop_id" in frame.columns:
                mask &= frame["workshop_id"].isin([workshop_id])
        result[name] = frame.loc[mask.to_numpy()].reset_index(drop=True)
    return result


def cohort_summary(
    tables: Mapping[str, pd.DataFrame], *, rubric_items: int | None = None, top_themes: int | None = 30
) -> dict[str, pd.DataFrame]:
    """Every table the coach view and the Excel summary need, each computed once.

    Filter first with :func:`filter_tables`; pass the result here.

    Returns
    -------
    dict[str, DataFrame]
        ``step_completion``, ``most_skipped_steps``, ``skipped_steps`` (per
        candidate), ``self_scores`` and ``coach_scores`` (:func:`item_scores`),
        ``self_coach_gap``, ``score_history``, ``score_change``, ``scores_over_time``,
        ``question_usage``, ``question_warnings``, ``warning_totals``,
        ``closing_behaviour``, ``closing_outcomes``, ``reflection_themes`` (answers
        to "what did you learn") and ``reflection_themes_all`` (every answer), the
        themes limited to ``top_themes`` per kind.
    """
    # What several tables share is computed once and handed to each of them.
    progress = step_progress(tables, rubric_items=rubric_items)
    completion = step_completion(tables, progress=progress)
    own, coach = score_history(tables), score_history(tables, scorer="coach")
    feedback = question_feedback(tables)
    behaviour = closing_behaviour(tables)
    return {
        "step_completion": completion,
        "most_skipped_steps": most_skipped_steps(tables, completion=completion),
        "skipped_steps": skipped_steps(tables, progress=progress),
        "self_scores": item_scores(tables, history=own),
        "coach_scores": item_scores(tables, scorer="coach", history=coach),
        "self_coach_gap": self_coach_gap(tables, self_history=own, coach_history=coach),
        "score_history": own,
        "score_change": score_change(tables, history=own),
        "scores_over_time": scores_over_time(tables),
        "question_usage": question_usage(tables),
        "question_warnings": question_warnings(tables, feedback=feedback),
        "warning_totals": warning_totals(tables, feedback=feedback),
        "closing_behaviour": behaviour,
        "closing_outcomes": closing_outcomes(tables, behaviour=behaviour),
        "reflection_themes": reflection_themes(tables, top=top_themes),
        "reflection_themes_all": reflection_themes(tables, keys=None, top=top_themes),
    }
