"""Patterns across interviews: pure pandas functions, DataFrame in, DataFrame out.

They take the tables as :meth:`workbook.store.Store.tables` returns them, so the
dashboard, the coach view and the notebooks compute the same numbers. Every function
returns a frame with a fresh ``RangeIndex`` and the same columns and dtypes whether the
tables are full or empty, so a view can show an empty cohort without special cases.

Definitions a coach should know:

- **Skipped**: a step of an interview is skipped when it is ``not_started`` in
  :func:`workbook.progress.step_progress`. Every interview in the tables counts, also
  one still to come; pass ``end=`` to :func:`filter_tables` to leave those out.
- **Success**: the outcome is ``next_round`` or ``offer``. Interviews whose outcome is
  still ``pending`` are left out of every share; ``rejected`` and ``withdrawn`` count
  as no success.
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

import datetime as dt
import tomllib
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from importlib import resources
from typing import Final

import pandas as pd

from workbook import checks, guidance
from workbook.progress import STATUSES, STEPS, step_progress
from workbook.workdays import next_working_day

__all__ = [
    "BEHAVIOURS",
    "SUCCESS_OUTCOMES",
    "closing_behaviour",
    "closing_outcomes",
    "cohort_summary",
    "filter_tables",
    "item_scores",
    "most_skipped_steps",
    "next_step_questions",
    "question_usage",
    "question_warnings",
    "reflection_themes",
    "score_change",
    "score_history",
    "scores_over_time",
    "self_coach_gap",
    "skipped_steps",
    "step_completion",
    "stop_words",
    "warning_totals",
]

#: Outcomes that count as a success of the interview.
SUCCESS_OUTCOMES: Final = ("next_round", "offer")
#: The closing behaviours :func:`closing_outcomes` relates to the outcome, in order.
BEHAVIOURS: Final = ("asked_next_step", "closing_statement", "email_on_time")

Schema = dict[str, str]

_SCORES: Final = tuple(range(1, 6))

_HISTORY: Final[Schema] = {
    "candidate_id": "string",
    "interview_id": "string",
    "date": "datetime64[ns]",
    "sequence": "Int64",
    "item": "string",
    "score": "Int64",
}
_CHANGE: Final[Schema] = {
    "candidate_id": "string",
    "item": "string",
    "first": "Int64",
    "last": "Int64",
    "change": "Int64",
    "interviews": "Int64",
}
_SKIPPED: Final[Schema] = {"candidate_id": "string", "interviews": "Int64"} | dict.fromkeys(STEPS, "Int64")
_COMPLETION: Final[Schema] = {
    "step": "string",
    "not_started": "Int64",
    "started": "Int64",
    "done": "Int64",
    "share_done": "float64",
}
_MOST_SKIPPED: Final[Schema] = {"step": "string", "skipped": "Int64", "interviews": "Int64", "share_skipped": "float64"}
_ITEM_SCORES: Final[Schema] = {
    "item": "string",
    "phase": "string",
    "n": "Int64",
    "mean": "float64",
    "median": "float64",
} | {f"n_{score}": "Int64" for score in _SCORES}
_GAP: Final[Schema] = {
    "item": "string",
    "phase": "string",
    "pairs": "Int64",
    "mean_self": "float64",
    "mean_coach": "float64",
    "mean_gap": "float64",
}
_USAGE: Final[Schema] = {
    "question": "string",
    "catalogue_key": "string",
    "text": "string",
    "count": "Int64",
    "asked": "Int64",
    "share": "float64",
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
_THEMES: Final[Schema] = {"term": "string", "count": "Int64", "kind": "string"}


# ------------------------------------------------------------------------ helpers


def _empty(schema: Schema) -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype=dtype) for column, dtype in schema.items()})


def _typed(frame: pd.DataFrame, schema: Schema) -> pd.DataFrame:
    """``frame`` with exactly the columns of ``schema``, their dtypes and a RangeIndex."""
    if frame.empty:
        return _empty(schema)
    return frame.reset_index(drop=True)[list(schema)].astype(schema)  # type: ignore[arg-type]


def _share(part: pd.Series, whole: pd.Series | int) -> pd.Series:
    """``part / whole`` as floats; NaN where the whole is 0 (no share of nothing)."""
    whole_series = pd.Series(whole, index=part.index) if isinstance(whole, int) else whole
    whole_float = whole_series.astype("float64")
    return (part.astype("float64") / whole_float.where(whole_float > 0)).astype("float64")


def _check_scorer(scorer: str) -> None:
    if scorer not in ("self", "coach"):
        raise ValueError(f"scorer must be 'self' or 'coach', not {scorer!r}")


def _progress(tables: Mapping[str, pd.DataFrame], rubric_items: int | None) -> pd.DataFrame:
    """Step progress per interview, plus its ``candidate_id`` (one row per interview)."""
    items = len(guidance.rubric()) if rubric_items is None else rubric_items
    progress = step_progress(tables, rubric_items=items).reset_index()
    progress["candidate_id"] = tables["interviews"]["candidate_id"].to_numpy()
    return progress


def _scores(tables: Mapping[str, pd.DataFrame], scorer: str) -> pd.DataFrame:
    """One scorer's scores: ``interview_id``, ``candidate_id``, ``date``, ``item``, ``score``."""
    reflections = tables["reflections"]
    own = reflections.loc[_is(reflections["scorer"], scorer), ["id", "interview_id"]]
    interviews = tables["interviews"][["id", "candidate_id", "date"]].rename(columns={"id": "interview_id"})
    scores = tables["reflection_scores"][["reflection_id", "item", "score"]].dropna(subset=["score"])
    merged = scores.merge(own.rename(columns={"id": "reflection_id"}), on="reflection_id").merge(
        interviews, on="interview_id"
    )
    return merged[["interview_id", "candidate_id", "date", "item", "score"]]


def _item_catalogue(tables: Mapping[str, pd.DataFrame], stored: Iterable[str] = ()) -> pd.DataFrame:
    """Every rubric item to report on, in order: ``item``, ``phase``.

    The built-in rubric, then the workshop's own items in the tables, then any other
    key among ``stored`` (a removed item, an import) with no phase.
    """
    builtin = pd.DataFrame(
        {"item": [i.key for i in guidance.rubric()], "phase": [i.phase for i in guidance.rubric()]}, dtype="string"
    )
    own = tables.get("workshop_rubric_items")
    parts = [builtin]
    if own is not None and not own.empty:
        parts.append(own[["key", "phase"]].rename(columns={"key": "item"}).astype("string"))
    known = pd.concat(parts, ignore_index=True).drop_duplicates("item")
    # Unique keys first: ``stored`` is a score per row, often a hundred thousand of them.
    values = stored if isinstance(stored, pd.Series) else pd.Series(list(stored), dtype="string")
    others = sorted(set(values.dropna().unique()) - set(known["item"]))
    extra = pd.DataFrame({"item": others, "phase": pd.NA}, dtype="string")
    return pd.concat([known, extra], ignore_index=True)


def _item_order(tables: Mapping[str, pd.DataFrame], items: pd.Series) -> pd.Series:
    """The rank of each item in :func:`_item_catalogue` order (for sorting)."""
    catalogue = _item_catalogue(tables, items)
    rank = pd.Series(range(len(catalogue)), index=catalogue["item"].to_numpy())
    return items.map(rank)


def _sequence(interviews: pd.DataFrame) -> pd.DataFrame:
    """``interview_id`` -> ``sequence``: 1..n per candidate, by date, time, then id."""
    order = pd.DataFrame(
        {
            "interview_id": interviews["id"],
            "candidate_id": interviews["candidate_id"],
            "date": interviews["date"],
            # A time of day orders two interviews on one day; none sorts first.
            "time": interviews["time"].astype("string").fillna(""),
        }
    ).sort_values(["candidate_id", "date", "time", "interview_id"])
    order["sequence"] = order.groupby("candidate_id").cumcount() + 1
    return order[["interview_id", "sequence"]]


def _normalised(text: pd.Series) -> pd.Series:
    """Lower case, accents and punctuation removed, single spaces (as the checks compare)."""
    folded = text.fillna("").astype("string").str.casefold().str.normalize("NFKD")
    ascii_text = folded.str.encode("ascii", "ignore").str.decode("ascii")
    return ascii_text.str.replace(r"[^a-z0-9]+", " ", regex=True).str.strip().astype("string")


def _is(values: pd.Series, value: str) -> pd.Series:
    """Plain booleans: ``values == value``, False where a value is missing."""
    return values.astype("string").eq(value).fillna(False).astype(bool)


def _filled(text: pd.Series) -> pd.Series:
    return (text.fillna("").astype("string").str.strip() != "").astype(bool)


# ------------------------------------------------------------ scores per interview


def scores_over_time(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Mean rubric score per interview and scorer, in date order.

    Returns columns ``interview_id``, ``candidate_id``, ``date``, ``employer``,
    ``scorer`` (self/coach), ``mean`` (float, 1-5) and ``scored`` (items scored).
    Interviews without scores are left out; unscored items never count as 0.
    """
    scores = tables["reflection_scores"]
    reflections = tables["reflections"][["id", "interview_id", "scorer"]]
    interviews = tables["interviews"][["id", "candidate_id", "date", "employer"]]
    columns = ["interview_id", "candidate_id", "date", "employer", "scorer", "mean", "scored"]
    if scores.empty:
        return pd.DataFrame({c: pd.Series(dtype=d) for c, d in _OVER_TIME.items()})[columns]
    per_reflection = (
        scores.groupby("reflection_id", observed=True)["score"].agg(mean="mean", scored="count").reset_index()
    )
    merged = per_reflection.merge(reflections, left_on="reflection_id", right_on="id").merge(
        interviews, left_on="interview_id", right_on="id", suffixes=("", "_interview")
    )
    merged["mean"] = merged["mean"].astype(float)
    merged["scored"] = merged["scored"].astype("Int64")
    return merged.sort_values(["date", "employer", "scorer"])[columns].reset_index(drop=True)


_OVER_TIME = {
    "interview_id": "string",
    "candidate_id": "string",
    "date": "datetime64[ns]",
    "employer": "string",
    "scorer": "string",
    "mean": "float64",
    "scored": "Int64",
}


# ------------------------------------------------------------ scores per candidate


def score_history(tables: Mapping[str, pd.DataFrame], *, scorer: str = "self") -> pd.DataFrame:
    """Each candidate's score per rubric item over their successive interviews.

    Parameters
    ----------
    tables
        As :meth:`Store.tables` returns them.
    scorer
        ``self`` (the candidate's own scores) or ``coach``.

    Returns
    -------
    DataFrame
        Long table with ``candidate_id``, ``interview_id``, ``date``, ``sequence``
        (Int64: the interview's number for that candidate, 1..n by date and time, over
        all their interviews in ``tables``, scored or not), ``item`` and ``score``
        (Int64, 1-5). Sorted by candidate, sequence and rubric order. Unscored items
        have no row.
    """
    _check_scorer(scorer)
    scores = _scores(tables, scorer)
    if scores.empty:
        return _empty(_HISTORY)
    history = scores.merge(_sequence(tables["interviews"]), on="interview_id")
    history["order"] = _item_order(tables, history["item"])
    history = history.sort_values(["candidate_id", "sequence", "order"])
    return _typed(history, _HISTORY)


def score_change(tables: Mapping[str, pd.DataFrame], *, scorer: str = "self") -> pd.DataFrame:
    """Change per candidate and rubric item from the first scored interview to the last.

    Returns
    -------
    DataFrame
        ``candidate_id``, ``item``, ``first`` and ``last`` (Int64: the score at the
        first and the last interview where the item was scored), ``change`` (Int64,
        ``last - first``; missing when the item was scored only once, because one
        score shows no change yet) and ``interviews`` (Int64: how many interviews
        scored the item). Sorted by candidate and rubric order.
    """
    return _change_from(tables, score_history(tables, scorer=scorer))


def _change_from(tables: Mapping[str, pd.DataFrame], history: pd.DataFrame) -> pd.DataFrame:
    if history.empty:
        return _empty(_CHANGE)
    grouped = history.groupby(["candidate_id", "item"], sort=False)["score"]
    change = grouped.agg(first="first", last="last", interviews="count").reset_index()
    change["change"] = (change["last"] - change["first"]).where(change["interviews"] > 1)
    change["order"] = _item_order(tables, change["item"])
    return _typed(change.sort_values(["candidate_id", "order"]), _CHANGE)


# ------------------------------------------------------------------------- steps


def _skipped_from(tables: Mapping[str, pd.DataFrame], progress: pd.DataFrame) -> pd.DataFrame:
    skipped = (progress[list(STEPS)] == "not_started").astype("int64")
    skipped["interviews"] = 1
    per_candidate = skipped.groupby(progress["candidate_id"].astype("string"), sort=False).sum()
    # Every candidate in the tables, also one without interviews (0 of 0 skipped).
    candidates = pd.concat(
        [tables["candidates"]["id"].astype("string"), progress["candidate_id"].astype("string")]
    ).drop_duplicates()
    result = per_candidate.reindex(candidates.to_numpy(), fill_value=0).rename_axis("candidate_id").reset_index()
    return _typed(result, _SKIPPED)


def skipped_steps(tables: Mapping[str, pd.DataFrame], *, rubric_items: int | None = None) -> pd.DataFrame:
    """Per candidate, how many of their interviews have each step not started.

    Parameters
    ----------
    rubric_items
        How many scores make a reflection complete (default: the built-in rubric).

    Returns
    -------
    DataFrame
        ``candidate_id``, ``interviews`` and one Int64 column per step in
        :data:`~workbook.progress.STEPS` (``questions`` ... ``promises``). Every
        candidate in the ``candidates`` table has a row, in that table's order, also
        one without interviews (all zeros).
    """
    return _skipped_from(tables, _progress(tables, rubric_items))


def _completion_from(progress: pd.DataFrame) -> pd.DataFrame:
    counts = {
        step: progress[step].astype("string").value_counts().reindex(list(STATUSES), fill_value=0) for step in STEPS
    }
    result = pd.DataFrame(counts).T.rename_axis("step").reset_index()
    result["share_done"] = _share(result["done"], len(progress))
    return _typed(result, _COMPLETION)


def step_completion(tables: Mapping[str, pd.DataFrame], *, rubric_items: int | None = None) -> pd.DataFrame:
    """How many interviews of the cohort have each step not started, started or done.

    Returns
    -------
    DataFrame
        One row per step in :data:`~workbook.progress.STEPS` order: ``step``,
        ``not_started``, ``started``, ``done`` (Int64 interview counts) and
        ``share_done`` (done / all interviews; NaN when there are none).
    """
    return _completion_from(_progress(tables, rubric_items))


def _most_skipped_from(completion: pd.DataFrame) -> pd.DataFrame:
    result = pd.DataFrame({"step": completion["step"], "skipped": completion["not_started"]})
    result["interviews"] = completion[list(STATUSES)].sum(axis=1)
    result["share_skipped"] = _share(result["skipped"], result["interviews"])
    # Stable: steps skipped equally often stay in the order they are done.
    result = result.sort_values("skipped", ascending=False, kind="stable")
    return _typed(result, _MOST_SKIPPED)


def most_skipped_steps(tables: Mapping[str, pd.DataFrame], *, rubric_items: int | None = None) -> pd.DataFrame:
    """The steps most often not started, most skipped first.

    Returns
    -------
    DataFrame
        ``step``, ``skipped`` (Int64 interviews with the step not started),
        ``interviews`` (Int64, all interviews) and ``share_skipped`` (float, NaN
        without interviews). Ties keep the order of the steps.
    """
    return _most_skipped_from(_completion_from(_progress(tables, rubric_items)))


# --------------------------------------------------------------- scores per item


def _item_scores_from(tables: Mapping[str, pd.DataFrame], scores: pd.DataFrame) -> pd.DataFrame:
    catalogue = _item_catalogue(tables, scores["item"])
    values = scores["score"].astype("float64")
    stats = values.groupby(scores["item"]).agg(["count", "mean", "median"])
    spread = scores.groupby(["item", "score"]).size().unstack(fill_value=0).reindex(columns=list(_SCORES), fill_value=0)
    spread.columns = [f"n_{score}" for score in _SCORES]
    result = catalogue.set_index("item").join(stats.rename(columns={"count": "n"})).join(spread)
    counts = ["n", *spread.columns]
    result[counts] = result[counts].fillna(0)
    return _typed(result.reset_index(), _ITEM_SCORES)


def item_scores(tables: Mapping[str, pd.DataFrame], *, scorer: str = "self") -> pd.DataFrame:
    """The distribution of the scores per rubric item over the cohort's interviews.

    Parameters
    ----------
    scorer
        ``self`` (the candidates' own scores) or ``coach``.

    Returns
    -------
    DataFrame
        One row per rubric item (built-in, the workshop's own, then other stored
        keys): ``item``, ``phase``, ``n`` (Int64 scores given), ``mean`` and
        ``median`` (float, NaN when unscored) and ``n_1`` ... ``n_5`` (Int64, how
        often each score was given).
    """
    _check_scorer(scorer)
    return _item_scores_from(tables, _scores(tables, scorer))


def _gap_from(tables: Mapping[str, pd.DataFrame], own: pd.DataFrame, coach: pd.DataFrame) -> pd.DataFrame:
    pairs = own[["interview_id", "item", "score"]].merge(
        coach[["interview_id", "item", "score"]], on=["interview_id", "item"], suffixes=("_self", "_coach")
    )
    pairs["gap"] = pairs["score_coach"].astype("float64") - pairs["score_self"].astype("float64")
    stats = pairs.groupby("item").agg(
        pairs=("gap", "count"),
        mean_self=("score_self", lambda s: s.astype("float64").mean()),
        mean_coach=("score_coach", lambda s: s.astype("float64").mean()),
        mean_gap=("gap", "mean"),
    )
    catalogue = _item_catalogue(tables, pd.concat([own["item"], coach["item"]]))
    result = catalogue.set_index("item").join(stats)
    result["pairs"] = result["pairs"].fillna(0)
    return _typed(result.reset_index(), _GAP)


def self_coach_gap(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Self-score against coach score per rubric item, over interviews scored by both.

    Returns
    -------
    DataFrame
        One row per rubric item: ``item``, ``phase``, ``pairs`` (Int64 interviews
        where both the candidate and the coach scored the item), ``mean_self``,
        ``mean_coach`` and ``mean_gap`` (float, coach minus self: positive when the
        candidate is harder on themselves than the coach; NaN without pairs).
    """
    return _gap_from(tables, _scores(tables, "self"), _scores(tables, "coach"))


# --------------------------------------------------------------------- questions


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

    A question is the same when it has the same catalogue key, or (own questions)
    the same text after lower-casing and removing accents and punctuation.

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
        return _empty(_USAGE)
    questions = questions.assign(asked=questions["asked"].fillna(False).astype(bool))
    per_interview = questions.groupby(["question", "interview_id"], sort=False).agg(asked=("asked", "any"))
    result = per_interview.groupby(level="question", sort=False).agg(count=("asked", "size"), asked=("asked", "sum"))
    result["catalogue_key"] = questions.groupby("question", sort=False)["catalogue_key"].first()
    result["text"] = _usual_text(questions, ["question"])
    result["share"] = _share(result["count"], len(tables["interviews"]))
    result = result.reset_index().sort_values(["count", "question"], ascending=[False, True])
    return _typed(result, _USAGE)


@lru_cache(maxsize=8192)
def _question_feedback(text: str, round: str) -> tuple[tuple[str, str, str], ...]:
    """``(rule, level, point)`` of :func:`check_question`, once per distinct text and round."""
    return tuple((f.rule, f.level, f.point) for f in checks.check_question(text, lang="nl", round=round))


def _feedback(tables: Mapping[str, pd.DataFrame], levels: Iterable[str]) -> pd.DataFrame:
    """One row per planned question and rule it draws at ``levels``."""
    questions = _questions(tables)
    questions = questions.assign(text=questions["text"].fillna("").astype(str))
    pairs = questions[["text", "round"]].drop_duplicates()
    pairs["feedback"] = [_question_feedback(t, r) for t, r in zip(pairs["text"], pairs["round"], strict=True)]
    pairs = pairs.explode("feedback").dropna(subset=["feedback"])
    columns = ["rule", "level", "point"]
    found = pd.DataFrame(pairs["feedback"].tolist(), index=pairs.index, columns=columns)
    pairs = pd.concat([pairs[["text", "round"]], found], axis=1)
    pairs = pairs[pairs["level"].isin(list(levels))]
    return questions.merge(pairs, on=["text", "round"])


def _warnings_from(feedback: pd.DataFrame) -> pd.DataFrame:
    if feedback.empty:
        return _empty(_WARNINGS)
    by = ["question", "rule"]
    result = feedback.groupby(by, sort=False).agg(
        level=("level", "first"), point=("point", "first"), count=("interview_id", "nunique")
    )
    result["text"] = _usual_text(feedback, by)
    result = result.reset_index().sort_values(["count", "question", "rule"], ascending=[False, True, True])
    return _typed(result, _WARNINGS)


def question_warnings(tables: Mapping[str, pd.DataFrame], *, levels: Iterable[str] = ("warning",)) -> pd.DataFrame:
    """The planned questions that drew a warning from :func:`~workbook.checks.check_question`.

    The check runs once per distinct text and round (a salary question is only
    flagged outside the terms-of-employment round, G15).

    Parameters
    ----------
    levels
        Which feedback levels to count: ``warning`` (default) and/or ``tip``.

    Returns
    -------
    DataFrame
        ``question`` (catalogue key or normalised text), ``text`` (as written most
        often), ``rule``, ``level``, ``point`` (the guidance point) and ``count``
        (Int64 interviews where such a question was planned). Most frequent first.
    """
    return _warnings_from(_feedback(tables, tuple(levels)))


def _totals_from(feedback: pd.DataFrame, interviews: int) -> pd.DataFrame:
    if feedback.empty:
        return _empty(_WARNING_TOTALS)
    result = feedback.groupby("rule", sort=False).agg(
        level=("level", "first"),
        point=("point", "first"),
        questions=("question", "nunique"),
        count=("interview_id", "nunique"),
    )
    result["share"] = _share(result["count"], interviews)
    result = result.reset_index().sort_values(["count", "rule"], ascending=[False, True])
    return _typed(result, _WARNING_TOTALS)


def warning_totals(tables: Mapping[str, pd.DataFrame], *, levels: Iterable[str] = ("warning",)) -> pd.DataFrame:
    """How often each rule of :func:`~workbook.checks.check_question` fired across the cohort.

    Returns
    -------
    DataFrame
        ``rule``, ``level``, ``point``, ``questions`` (Int64 distinct questions),
        ``count`` (Int64 interviews with at least one such question) and ``share``
        (count / all interviews). Most frequent first.
    """
    return _totals_from(_feedback(tables, tuple(levels)), len(tables["interviews"]))


# ---------------------------------------------------------------------- outcomes


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
    by_words = texts.map({text: checks._is_next_step(text) for text in texts.unique()})
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
        return _empty(_BEHAVIOUR)
    ids = interviews["id"]
    questions = tables["questions"]
    asked = next_step_questions(questions, tables.get("workshop_questions"))
    asked_ids = questions.loc[asked.to_numpy(), "interview_id"]
    statements = tables["statements"]
    stated_ids = statements.loc[_filled(statements["text"]).to_numpy(), "interview_id"]
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
    return _typed(result, _BEHAVIOUR)


def _outcomes_from(behaviour: pd.DataFrame) -> pd.DataFrame:
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
    result["share"] = _share(result["successes"], result["interviews"])
    return _typed(result, _OUTCOMES)


def closing_outcomes(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """How often interviews led to a next round or an offer, by closing behaviour.

    Interviews whose outcome is still ``pending`` are left out; ``rejected`` and
    ``withdrawn`` count as no success. The counts are always shown beside the share,
    so a share over three interviews is read as what it is.

    Returns
    -------
    DataFrame
        Six rows, one per behaviour in :data:`BEHAVIOURS` and value ``yes``/``no``:
        ``behaviour``, ``value``, ``interviews`` (Int64 with a known outcome),
        ``successes`` (Int64, next round or offer) and ``share`` (float, NaN
        without interviews).
    """
    return _outcomes_from(closing_behaviour(tables))


# ---------------------------------------------------------------------- reflection


@cache
def stop_words() -> frozenset[str]:
    """The Dutch and English words left out of :func:`reflection_themes` (lower case)."""
    raw = resources.files("workbook.guidance").joinpath("stopwords.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    return frozenset(word.casefold() for lang in ("nl", "en") for word in data[lang])


# A word: letters, possibly joined by an apostrophe or hyphen ("zo'n", "follow-up").
_WORD: Final = r"[^\W\d_]+(?:['-][^\W\d_]+)*"
# Punctuation that ends a sentence or clause: no two-word phrase spans it.
_BREAK: Final = r"[.!?;:,()\[\]\"“”\n\r\t]+"


def reflection_themes(
    tables: Mapping[str, pd.DataFrame],
    *,
    keys: Iterable[str] | None = ("learned",),
    scorer: str | None = "self",
    min_count: int = 1,
    top: int | None = None,
) -> pd.DataFrame:
    """The most frequent words and two-word phrases in the reflection answers.

    Text is lower-cased; Dutch and English stop words (:func:`stop_words`) and
    one-letter words are left out. A phrase is two words written next to each other
    in one clause, neither a stop word.

    Parameters
    ----------
    keys
        Which answers to read (default ``learned``: what the candidate learned);
        ``None`` reads every answer.
    scorer
        ``self`` (default), ``coach``, or ``None`` for both.
    min_count
        Leave out terms found in fewer reflections.
    top
        Keep at most this many terms of each kind.

    Returns
    -------
    DataFrame
        ``term``, ``count`` (Int64 reflections that use the term, so one long answer
        repeating a word counts once) and ``kind`` (``word`` or ``phrase``). Sorted by
        count, words before phrases, then alphabetically.
    """
    reflections = tables["reflections"]
    if scorer is not None:
        _check_scorer(scorer)
        reflections = reflections[_is(reflections["scorer"], scorer)]
    answers = reflections["answers"].map(lambda a: a if isinstance(a, dict) else {})
    if answers.empty:
        return _empty(_THEMES)
    frame = pd.DataFrame.from_records(answers.tolist(), index=answers.index)
    if keys is not None:
        frame = frame.reindex(columns=[k for k in keys if k in frame.columns])
    texts = frame.stack().astype("string").dropna()
    if texts.empty:
        return _empty(_THEMES)
    clean = texts.str.lower().str.replace("’", "'").str.replace(_BREAK, " | ", regex=True)
    tokens = pd.DataFrame(
        {
            "reflection": texts.index.get_level_values(0),
            "answer": range(len(texts)),
            "token": clean.str.findall(rf"{_WORD}|\|").to_numpy(),
        }
    )
    tokens = tokens.explode("token").dropna(subset=["token"]).reset_index(drop=True)
    token = tokens["token"].astype(str)
    useful = (token != "|") & (token.str.len() > 1) & ~token.isin(stop_words())
    # A phrase pairs a token with the next one in the same answer; a "|" (a clause
    # break) or a stop word between them is not useful, so no phrase spans it.
    following = token.shift(-1)
    same_answer = tokens["answer"].eq(tokens["answer"].shift(-1))
    phrase_ok = useful & useful.shift(-1, fill_value=False) & same_answer
    words = pd.DataFrame({"reflection": tokens["reflection"], "term": token, "kind": "word"})[useful]
    phrases = pd.DataFrame(
        {"reflection": tokens["reflection"], "term": token + " " + following.fillna(""), "kind": "phrase"}
    )[phrase_ok]
    found = pd.concat([words, phrases]).drop_duplicates(["reflection", "term", "kind"])
    counts = found.groupby(["term", "kind"]).size().rename("count").reset_index()
    counts = counts[counts["count"] >= min_count]
    counts["kind_order"] = (counts["kind"] == "phrase").astype(int)
    counts = counts.sort_values(["count", "kind_order", "term"], ascending=[False, True, True])
    if top is not None:
        counts = counts.groupby("kind", sort=False).head(top)
    return _typed(counts, _THEMES)


# ------------------------------------------------------------------ coach's view


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
    progress = _progress(tables, rubric_items)
    completion = _completion_from(progress)
    own, coach = _scores(tables, "self"), _scores(tables, "coach")
    feedback = _feedback(tables, ("warning",))
    behaviour = closing_behaviour(tables)
    history = score_history(tables)
    return {
        "step_completion": completion,
        "most_skipped_steps": _most_skipped_from(completion),
        "skipped_steps": _skipped_from(tables, progress),
        "self_scores": _item_scores_from(tables, own),
        "coach_scores": _item_scores_from(tables, coach),
        "self_coach_gap": _gap_from(tables, own, coach),
        "score_history": history,
        "score_change": _change_from(tables, history),
        "scores_over_time": scores_over_time(tables),
        "question_usage": question_usage(tables),
        "question_warnings": _warnings_from(feedback),
        "warning_totals": _totals_from(feedback, len(tables["interviews"])),
        "closing_behaviour": behaviour,
        "closing_outcomes": _outcomes_from(behaviour),
        "reflection_themes": reflection_themes(tables, top=top_themes),
        "reflection_themes_all": reflection_themes(tables, keys=None, top=top_themes),
    }
