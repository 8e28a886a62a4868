"""How far each interview is, per step of the close and the follow-up.

A pure pandas function over the store's tables, so the dashboard's navigation, the
candidate's overview and the coach's cohort view all count progress the same way.

When a step counts as *started* and *done*:

========== ======================================== ==========================================
step       started                                  done
========== ======================================== ==========================================
questions  one planned question                     two or more (G3: always ask a few)
statement  what appeals or a step is written        the statement text itself is written
farewell   thanks, goodbye phrase or a tick         both the thanks and the phrase are planned
notes      any note or summary field                the summary's key points are written
reflection a score or an answer                     every rubric item scored
email      a text is drafted                        marked as sent
promises   something promised                       everything promised is sent or explained
========== ======================================== ==========================================
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

import pandas as pd

from workbook import guidance
from workbook.analysis._frames import filled

__all__ = ["STATUSES", "STEPS", "Status", "step_progress"]

Status = Literal["not_started", "started", "done"]
STATUSES: Final = ("not_started", "started", "done")
#: The steps in the order a candidate does them; also the exercises' ``step`` names.
STEPS: Final = ("questions", "statement", "farewell", "notes", "reflection", "email", "promises")

_STATUS_DTYPE: Final = pd.CategoricalDtype(list(STATUSES), ordered=True)


def _listed(series: pd.Series) -> pd.Series:
    return series.map(lambda v: bool(v) if isinstance(v, list | tuple) else False).astype(bool)


def _per_interview(frame: pd.DataFrame, started: pd.Series, done: pd.Series) -> pd.DataFrame:
    """Status per interview from row-level flags (any started / any done)."""
    flags = pd.DataFrame({"interview_id": frame["interview_id"], "started": started, "done": done})
    return flags.groupby("interview_id", observed=True)[["started", "done"]].any()


def step_progress(tables: Mapping[str, pd.DataFrame], *, rubric_items: int | None = None) -> pd.DataFrame:
    """Progress of every interview in ``tables`` (as :meth:`Store.tables` returns them).

    Returns one row per interview (index ``interview_id``, in the order of the
    ``interviews`` table) and one ordered categorical column per step in
    :data:`STEPS`, holding ``not_started``, ``started`` or ``done``.
    ``rubric_items`` is how many items a complete reflection scores (default: the
    built-in rubric's).
    """
    if rubric_items is None:
        rubric_items = len(guidance.rubric())
    interviews = tables["interviews"]["id"].astype(str)
    flags: dict[str, pd.DataFrame] = {}

    questions = tables["questions"]
    counts = questions.groupby("interview_id", observed=True).size()
    flags["questions"] = pd.DataFrame({"started": counts >= 1, "done": counts >= 2})

    statements = tables["statements"]
    flags["statement"] = _per_interview(
        statements,
        filled(statements["appeal"]) | _listed(statements["plan_steps"]) | filled(statements["text"]),
        filled(statements["text"]),
    )

    farewells = tables["farewells"]
    flags["farewell"] = _per_interview(
        farewells,
        filled(farewells["thanks"]) | filled(farewells["phrase"]) | _listed(farewells["checked"]),
        filled(farewells["thanks"]) & filled(farewells["phrase"]),
    )

    notes, summaries = tables["notes"], tables["summaries"]
    note_flags = _per_interview(notes, filled(notes["text"]), pd.Series(False, index=notes.index))
    summary_text = (
        filled(summaries["key_points"]) | filled(summaries["their_questions"]) | filled(summaries["promised"])
    )
    summary_flags = _per_interview(summaries, summary_text, filled(summaries["key_points"]))
    flags["notes"] = note_flags.reindex(interviews, fill_value=False) | summary_flags.reindex(
        interviews, fill_value=False
    )

    reflections = tables["reflections"]
    own = reflections[reflections["scorer"] == "self"]
    scores = tables["reflection_scores"]
    scored = scores[scores["reflection_id"].isin(own["id"])].groupby("reflection_id", observed=True).size()
    per_reflection = own["id"].map(scored).fillna(0)
    answered = own["answers"].map(lambda a: any(str(v).strip() for v in (a or {}).values()))
    gut = own["gut_continue"].notna() | own["gut_dream_job"].notna()
    flags["reflection"] = _per_interview(
        own, (per_reflection > 0) | answered.astype(bool) | gut, per_reflection >= rubric_items
    )

    emails = tables["emails"]
    flags["email"] = _per_interview(emails, filled(emails["body"]), emails["sent_on"].notna())

    promises = tables["promises"]
    resolved = promises["status"].isin(["sent", "cannot_deliver"])
    promise_flags = pd.DataFrame(
        {
            "started": promises.groupby("interview_id", observed=True).size() > 0,
            "done": resolved.groupby(promises["interview_id"], observed=True).all(),
        }
    )
    flags["promises"] = promise_flags

    result = pd.DataFrame(index=pd.Index(interviews, name="interview_id"))
    for step in STEPS:
        step_flags = flags[step].reindex(interviews, fill_value=False).fillna(False).astype(bool)
        status = pd.Series("not_started", index=result.index)
        status[step_flags["started"].to_numpy() | step_flags["done"].to_numpy()] = "started"
        status[step_flags["done"].to_numpy()] = "done"
        result[step] = status.astype(_STATUS_DTYPE)
    return result
