"""Reflection themes and the stop words, worked out by hand."""

from __future__ import annotations

import pandas as pd

from tests.analysis._cohort import THEMES, expect
from workbook import analysis


def test_reflection_themes_of_what_was_learned(cohort: dict[str, pd.DataFrame]) -> None:
    # r1: "Ik moet eerder naar de volgende stap vragen."
    # r4: "De volgende stap vragen werkt. Volgende keer beter!"  (the coach's r3 is left out)
    # Counted once per reflection; no phrase across the full stop ("werkt volgende").
    expect(
        analysis.reflection_themes(cohort),
        {
            "term": [
                "stap", "volgende", "vragen", "stap vragen", "volgende stap",
                "beter", "eerder", "keer", "werkt", "keer beter", "volgende keer", "vragen werkt",
            ],
            "count": [2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1],
            "kind": ["word"] * 3 + ["phrase"] * 2 + ["word"] * 4 + ["phrase"] * 3,
        },
        THEMES,
    )  # fmt: skip


def test_reflection_themes_of_every_answer_limited(cohort: dict[str, pd.DataFrame]) -> None:
    expect(
        analysis.reflection_themes(cohort, keys=None, min_count=2, top=2),
        {"term": ["stap", "volgende", "stap vragen", "volgende stap"], "count": [2] * 4,
         "kind": ["word", "word", "phrase", "phrase"]},
        THEMES,
    )  # fmt: skip
    every = analysis.reflection_themes(cohort, keys=None)
    assert {"salaris", "onbesproken", "salaris bleef"} <= set(every["term"])
    coach = analysis.reflection_themes(cohort, scorer="coach")
    expect(coach, {"term": ["coach", "notitie", "coach notitie"], "count": [1] * 3,
                   "kind": ["word", "word", "phrase"]}, THEMES)  # fmt: skip


def test_stop_words_hold_both_languages() -> None:
    words = analysis.stop_words()
    assert {"de", "het", "een", "the", "and", "i'm"} <= words
    assert not {"salaris", "vraag", "stap", "salary"} & words
