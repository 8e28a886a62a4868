"""The words and two-word phrases that come back in the candidates' reflections."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Final

import pandas as pd

from workbook.analysis._frames import Schema, empty, is_value, typed
from workbook.analysis._rubric import check_scorer

__all__ = ["reflection_themes", "stop_words"]

_THEMES: Final[Schema] = {"term": "string", "count": "Int64", "kind": "string"}

# A word: letters, possibly joined by an apostrophe or hyphen ("zo'n", "follow-up").
_WORD: Final = r"[^\W\d_]+(?:['-][^\W\d_]+)*"
# Punctuation that ends a sentence or clause: no two-word phrase spans it.
_BREAK: Final = r"[.!?;:,()\[\]\"“”\n\r\t]+"


@cache
def stop_words() -> frozenset[str]:
    """The Dutch and English words left out of :func:`reflection_themes` (lower case)."""
    raw = resources.files("workbook.guidance").joinpath("stopwords.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    return frozenset(word.casefold() for lang in ("nl", "en") for word in data[lang])


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
        check_scorer(scorer)
        reflections = reflections[is_value(reflections["scorer"], scorer)]
    answers = reflections["answers"].map(lambda a: a if isinstance(a, dict) else {})
    if answers.empty:
        return empty(_THEMES)
    frame = pd.DataFrame.from_records(answers.tolist(), index=answers.index)
    if keys is not None:
        frame = frame.reindex(columns=[k for k in keys if k in frame.columns])
    texts = frame.stack().astype("string").dropna()
    if texts.empty:
        return empty(_THEMES)
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
    return typed(counts, _THEMES)
