"""How the close went and what came of it: closing behaviours beside the outcome.

*Success*, *asked about the next step* and *on time* are defined in
:mod:`workbook.analysis`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache
from typing import Final

import pandas as pd

from workbook import checks, guidance
from workbook.analysis._frames import Schema, empty, filled, share, typed
from workbook.workdays import next_working_day

__all__ = ["BEHAVIOURS", "SUCCESS_OUTCOMES", "closing_behaviour", "closing_outcomes", "next_step_questions"]

#: Outcomes that count as a success of the interview.
SUCCESS_OUTCOMES: Final = ("next_round", "offer")
#: The closing behaviours :func:`closing_outcomes` relates to the outcome, in order.
BEHAVIOURS: Final = ("asked_next_step", "closing_statement", "email_on_time")

_BEHAVIOUR: Final[Schema] = {
    "interview_id": "string",
    "candidate_id": "string",
    "outcome": "string",
    "asked_next_step": "boolean",
    "closing_statement": "boolean",
    "email_on_time": "boolean",
}
_OUTCOMES: Final[Schema] = {
    "behaviour": "string",
    "value": "string",
    "interviews": "Int64",
    "successes": "Int64",
    "share": "float64",
}


def next_step_questions(questions: pd.DataFrame, workshop_questions: pd.DataFrame | None = None) -> pd.Series:
    """Whether each planned question asks how the procedure continues (G6).

    True for a catalogue question of purpose ``next-step`` (or a coach's own question
    of that purpose in ``workshop_questions``, by id), and for any question whose
    words ask about the next step, as ``check_plan`` detects it.

    Returns
    -------
    Series
        Boolean, aligned with ``questions``.
    """
    keys = {q.key for q in guidance.catalogue("next-step")}
    if workshop_questions is not None and not workshop_questions.empty:
        own = workshop_questions.loc[workshop_questions["purpose"] == "next-step", "id"]
        keys |= set(own.astype(str))
    by_key = questions["catalogue_key"].astype("string").isin(keys).fillna(False).astype(bool)
    texts = questions["text"].fillna("").astype(str)
    by_words = texts.map({text: checks.is_next_step(text) for text in texts.unique()})
    return (by_key | by_words.astype(bool)).rename("next_step")


@cache
def _deadline(day: dt.date) -> dt.date:
    return next_working_day(day)


def closing_behaviour(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """The closing behaviours of every interview, beside its outcome.

    Returns
    -------
    DataFrame
        One row per interview: ``interview_id``, ``candidate_id``, ``outcome``, and
        boolean ``asked_next_step`` (a next-step question was planned, see
        :func:`next_step_questions`), ``closing_statement`` (the statement text is
        written) and ``email_on_time`` (the thank-you email was sent no later than
        the next Dutch working day after the interview).
    """
    interviews = tables["interviews"]
    if interviews.empty:
        return empty(_BEHAVIOUR)
    ids = interviews["id"]
    questions = tables["questions"]
    asked = next_step_questions(questions, tables.get("workshop_questions"))
    asked_ids = questions.loc[asked.to_numpy(), "interview_id"]
    statements = tables["statements"]
    stated_ids = statements.loc[filled(statements["text"]).to_numpy(), "interview_id"]
    emails = tables["emails"].merge(
        interviews[["id", "date"]].rename(columns={"id": "interview_id"}), on="interview_id"
    )
    days = emails["date"].dropna().dt.date.unique()
    deadline = pd.to_datetime(emails["date"].dt.date.map({day: _deadline(day) for day in days}))
    on_time_ids = emails.loc[(emails["sent_on"].notna() & (emails["sent_on"] <= deadline)).to_numpy(), "interview_id"]
    result = pd.DataFrame(
        {
            "interview_id": ids,
            "candidate_id": interviews["candidate_id"],
            "outcome": interviews["outcome"].astype("string"),
            "asked_next_step": ids.isin(asked_ids),
            "closing_statement": ids.isin(stated_ids),
            "email_on_time": ids.isin(on_time_ids),
        }
    )
    return typed(result, _BEHAVIOUR)


def closing_outcomes(tables: Mapping[str, pd.DataFrame], *, behaviour: pd.DataFrame | None = None) -> pd.DataFrame:
    """How often interviews led to a next round or an offer, by closing behaviour.

    Interviews whose outcome is still ``pending`` are left out; ``rejected`` and
    ``withdrawn`` count as no success. The counts are always shown beside the share,
    so a share over three interviews is read as what it is.

    Parameters
    ----------
    behaviour
        :func:`closing_behaviour` of ``tables`` when already computed (the cohort
        summary reuses it).

    Returns
    -------
    DataFrame
        Six rows, one per behaviour in :data:`BEHAVIOURS` and value ``yes``/``no``:
        ``behaviour``, ``value``, ``interviews`` (Int64 with a known outcome),
        ``successes`` (Int64, next round or offer) and ``share`` (float, NaN
        without interviews).
    """
    if behaviour is None:
        behaviour = closing_behaviour(tables)
    known = behaviour[behaviour["outcome"].notna() & (behaviour["outcome"] != "pending")]
    success = known["outcome"].isin(list(SUCCESS_OUTCOMES)).astype("int64")
    long = pd.DataFrame(
        {
            "behaviour": pd.Series(BEHAVIOURS).repeat(len(known)).to_numpy(),
            "value": pd.concat([known[b] for b in BEHAVIOURS]).map({True: "yes", False: "no"}).to_numpy(),
            "success": pd.concat([success] * len(BEHAVIOURS)).to_numpy() if len(known) else [],
        }
    )
    grid = pd.MultiIndex.from_product([BEHAVIOURS, ("yes", "no")], names=["behaviour", "value"])
    result = (
        long.groupby(["behaviour", "value"])["success"]
        .agg(interviews="size", successes="sum")
        .reindex(grid, fill_value=0)
        .reset_index()
    )
    result["share"] = share(result["successes"], result["interviews"])
    return typed(result, _OUTCOMES)
