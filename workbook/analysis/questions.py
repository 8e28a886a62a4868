"""The closing questions a cohort plans: how often each one, and the warnings they draw.

A question is the same when it has the same catalogue key, or (own questions) the same
text after lower-casing and removing accents and punctuation, as the checks compare.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Final

import pandas as pd

# The module, not its function: a test counts the calls by replacing check_question.
from workbook import checks
from workbook.analysis._frames import Schema, empty, share, typed

__all__ = ["question_feedback", "question_usage", "question_warnings", "warning_totals"]

_USAGE: Final[Schema] = {
    "question": "string",
    "catalogue_key": "string",
    "text": "string",
    "count": "Int64",
    "asked": "Int64",
    "share": "float64",
}
_FEEDBACK: Final[Schema] = {
    "interview_id": "string",
    "question": "string",
    "text": "string",
    "round": "string",
    "rule": "string",
    "level": "string",
    "point": "string",
}
_WARNINGS: Final[Schema] = {
    "question": "string",
    "text": "string",
    "rule": "string",
    "level": "string",
    "point": "string",
    "count": "Int64",
}
_WARNING_TOTALS: Final[Schema] = {
    "rule": "string",
    "level": "string",
    "point": "string",
    "questions": "Int64",
    "count": "Int64",
    "share": "float64",
}


def _normalised(text: pd.Series) -> pd.Series:
    """Lower case, accents and punctuation removed, single spaces (as the checks compare)."""
    folded = text.fillna("").astype("string").str.casefold().str.normalize("NFKD")
    ascii_text = folded.str.encode("ascii", "ignore").str.decode("ascii")
    return ascii_text.str.replace(r"[^a-z0-9]+", " ", regex=True).str.strip().astype("string")


def _questions(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Planned questions of the interviews in ``tables`` with their ``question`` key
    (the catalogue key, else the normalised text) and the interview's ``round``."""
    interviews = tables["interviews"][["id", "round"]].rename(columns={"id": "interview_id"})
    questions = tables["questions"][["interview_id", "text", "catalogue_key", "asked"]].merge(
        interviews, on="interview_id"
    )
    key = questions["catalogue_key"].fillna("").astype("string").str.strip()
    questions["question"] = key.where(key != "", _normalised(questions["text"]))
    questions["round"] = questions["round"].astype("string").fillna("selection")
    return questions[questions["question"] != ""]


def _usual_text(questions: pd.DataFrame, by: list[str]) -> pd.Series:
    """The text written most often per group (ties: the first written)."""
    counted = questions.groupby([*by, "text"], sort=False).size().rename("n").reset_index()
    best = counted.sort_values("n", ascending=False, kind="stable").drop_duplicates(by)
    return best.set_index(by)["text"]


def question_usage(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """The closing questions planned most often across the cohort.

    Returns
    -------
    DataFrame
        ``question`` (the key or normalised text), ``catalogue_key`` ("" for own
        questions), ``text`` (as written most often), ``count`` (Int64 interviews
        where it was planned), ``asked`` (Int64 of those where it was marked asked)
        and ``share`` (count / all interviews in ``tables``). Most used first.
    """
    questions = _questions(tables)
    if questions.empty:
        return empty(_USAGE)
    questions = questions.assign(asked=questions["asked"].fillna(False).astype(bool))
    per_interview = questions.groupby(["question", "interview_id"], sort=False).agg(asked=("asked", "any"))
    result = per_interview.groupby(level="question", sort=False).agg(count=("asked", "size"), asked=("asked", "sum"))
    result["catalogue_key"] = questions.groupby("question", sort=False)["catalogue_key"].first()
    result["text"] = _usual_text(questions, ["question"])
    result["share"] = share(result["count"], len(tables["interviews"]))
    result = result.reset_index().sort_values(["count", "question"], ascending=[False, True])
    return typed(result, _USAGE)


@lru_cache(maxsize=8192)
def _question_feedback(text: str, round: str) -> tuple[tuple[str, str, str], ...]:
    """``(rule, level, point)`` of :func:`check_question`, once per distinct text and round."""
    return tuple((f.rule, f.level, f.point) for f in checks.check_question(text, lang="nl", round=round))


def question_feedback(tables: Mapping[str, pd.DataFrame], *, levels: Iterable[str] = ("warning",)) -> pd.DataFrame:
    """Every rule of :func:`~workbook.checks.check_question` each planned question draws.

    The check runs once per distinct text and round (a salary question is only
    flagged outside the terms-of-employment round, G15).

    Parameters
    ----------
    levels
        Which feedback levels to keep: ``warning`` (default) and/or ``tip``.

    Returns
    -------
    DataFrame
        One row per planned question and rule: ``interview_id``, ``question``
        (catalogue key or normalised text), ``text`` (as written), ``round``, ``rule``,
        ``level`` and ``point`` (the guidance point). In the order the questions are
        planned.
    """
    wanted = list(levels)
    questions = _questions(tables)
    questions = questions.assign(text=questions["text"].fillna("").astype(str))
    pairs = questions[["text", "round"]].drop_duplicates()
    pairs["feedback"] = [_question_feedback(t, r) for t, r in zip(pairs["text"], pairs["round"], strict=True)]
    pairs = pairs.explode("feedback").dropna(subset=["feedback"])
    columns = ["rule", "level", "point"]
    found = pd.DataFrame(pairs["feedback"].tolist(), index=pairs.index, columns=columns)
    pairs = pd.concat([pairs[["text", "round"]], found], axis=1)
    pairs = pairs[pairs["level"].isin(wanted)]
    return typed(questions.merge(pairs, on=["text", "round"]), _FEEDBACK)


def question_warnings(
    tables: Mapping[str, pd.DataFrame], *, levels: Iterable[str] = ("warning",), feedback: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The planned questions that drew a warning from :func:`~workbook.checks.check_question`.

    Parameters
    ----------
    levels
        Which feedback levels to count: ``warning`` (default) and/or ``tip``.
    feedback
        :func:`question_feedback` of ``tables`` and ``levels`` when already computed
        (the cohort summary reuses it).

    Returns
    -------
    DataFrame
        ``question`` (catalogue key or normalised text), ``text`` (as written most
        often), ``rule``, ``level``, ``point`` (the guidance point) and ``count``
        (Int64 interviews where such a question was planned). Most frequent first.
    """
    if feedback is None:
        feedback = question_feedback(tables, levels=levels)
    if feedback.empty:
        return empty(_WARNINGS)
    by = ["question", "rule"]
    result = feedback.groupby(by, sort=False).agg(
        level=("level", "first"), point=("point", "first"), count=("interview_id", "nunique")
    )
    result["text"] = _usual_text(feedback, by)
    result = result.reset_index().sort_values(["count", "question", "rule"], ascending=[False, True, True])
    return typed(result, _WARNINGS)


def warning_totals(
    tables: Mapping[str, pd.DataFrame], *, levels: Iterable[str] = ("warning",), feedback: pd.DataFrame | None = None
) -> pd.DataFrame:
    """How often each rule of :func:`~workbook.checks.check_question` fired across the cohort.

    Parameters
    ----------
    levels
        Which feedback levels to count: ``warning`` (default) and/or ``tip``.
    feedback
        :func:`question_feedback` of ``tables`` and ``levels`` when already computed.

    Returns
    -------
    DataFrame
        ``rule``, ``level``, ``point``, ``questions`` (Int64 distinct questions),
        ``count`` (Int64 interviews with at least one such question) and ``share``
        (count / all interviews). Most frequent first.
    """
    if feedback is None:
        feedback = question_feedback(tables, levels=levels)
    if feedback.empty:
        return empty(_WARNING_TOTALS)
    result = feedback.groupby("rule", sort=False).agg(
        level=("level", "first"),
        point=("point", "first"),
        questions=("question", "nunique"),
        count=("interview_id", "nunique"),
    )
    result["share"] = share(result["count"], len(tables["interviews"]))
    result = result.reset_index().sort_values(["count", "rule"], ascending=[False, True])
    return typed(result, _WARNING_TOTALS)
