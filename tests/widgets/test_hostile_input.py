"""Every exercise against hostile text: stored as typed, shown as text, never lost."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import ipywidgets as w
import pytest

from workbook.model import Interview
from workbook.store import Store
from workbook.widgets import (
    ClosingQuestions,
    ClosingStatementExercise,
    NotesSummary,
    ReflectionExercise,
    ThanksGoodbye,
    ThankYouEmailExercise,
)

HOSTILE = {
    "script": "<script>alert('x')</script>",
    "img": '<img src=x onerror="alert(1)">',
    "emoji": "Top! 🎉👩🏽‍💻 dank je",
    "rtl": "شكرا لك على المقابلة",
    "sql": "'; DROP TABLE interviews; --",
    "formula": '=HYPERLINK("http://evil")',
    "long": "woord " * 3_400,  # about 20,000 characters
    "control": "tab\there\x07bell\x00null",
}


def _html_values(widget: w.Widget) -> Iterator[str]:
    if isinstance(widget, w.HTML):
        yield widget.value
    for child in getattr(widget, "children", ()):
        yield from _html_values(child)


# Each case: build the exercise, give the text field, read back what was stored.
Case = tuple[Callable[..., w.Widget], Callable[[w.Widget], w.Widget], Callable[[Store, Interview], str]]

CASES: dict[str, Case] = {
    "statement": (
        ClosingStatementExercise,
        lambda page: page.text,  # type: ignore[attr-defined]
        lambda store, iv: store.table("statements")["text"].iloc[0],
    ),
    "farewell": (
        ThanksGoodbye,
        lambda page: page.thanks,  # type: ignore[attr-defined]
        lambda store, iv: store.table("farewells")["thanks"].iloc[0],
    ),
    "notes": (
        NotesSummary,
        lambda page: page.key_points,  # type: ignore[attr-defined]
        lambda store, iv: store.table("summaries")["key_points"].iloc[0],
    ),
    "reflection": (
        ReflectionExercise,
        lambda page: next(iter(page.answers.values())),  # type: ignore[attr-defined]
        lambda store, iv: next(iter(store.table("reflections")["answers"].iloc[0].values())),
    ),
    "email": (
        ThankYouEmailExercise,
        lambda page: page.body,  # type: ignore[attr-defined]
        lambda store, iv: store.table("emails")["body"].iloc[0],
    ),
    "question": (
        ClosingQuestions,
        lambda page: page.own,  # type: ignore[attr-defined]
        lambda store, iv: store.table("questions")["text"].iloc[0],
    ),
}


def _expected(text: str) -> str:
    from workbook.model import clean_text

    return clean_text(text, "text", limit=10**6)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("kind", list(HOSTILE))
@pytest.mark.parametrize("case", list(CASES))
def test_hostile_text(store: Store, interview: Interview, case: str, kind: str, lang: str) -> None:
    build, field_of, stored = CASES[case]
    page = build(store, interview, lang, autosave_delay=0)
    field = field_of(page)
    text = HOSTILE[kind]
    if case == "question":
        field.value = text
        page.add_own()  # type: ignore[attr-defined]
        if len(_expected(text)) > 1000:
            # A question is at most 1,000 characters: refused with the reason, nothing
            # stored, and the typed text stays in the box.
            assert ("te lang" if lang == "nl" else "too long") in page.own_feedback.value  # type: ignore[attr-defined]
            assert store.table("questions").empty and field.value == text
            return
    else:
        field.value = text
    assert stored(store, interview) == _expected(text)
    for html in _html_values(page):
        assert "<script" not in html and "<img src=x" not in html, html[:200]
    again = build(store, interview, lang, autosave_delay=0)  # reopened: the text is back
    if case != "question":
        assert field_of(again).value == _expected(text)
