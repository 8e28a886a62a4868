"""Hostile input through the store, table-driven: each value is either stored and
read back exactly (after the model's normalising), or refused with a clear message
in both languages and nothing written."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest

from workbook.model import (
    MAX_LONG_TEXT,
    ClosingStatement,
    Interview,
    PlannedQuestion,
    Promise,
    Reflection,
    Summary,
    ThankYouEmail,
    ValidationError,
    clean_text,
)
from workbook.store import Store

TEXTS: dict[str, str] = {
    "empty": "",
    "whitespace": " \t\n  ",
    "huge": "x" * MAX_LONG_TEXT,
    "too-huge": "x" * (MAX_LONG_TEXT + 1),
    "control": "a\x00b\x07c\x1bd\x7f",
    "crlf": "line one\r\nline two\rline three",
    "rtl": "مقابلة عمل \u202eevil\u202c",
    "emoji": "👩🏽‍💻🚀 dank je wel ❤️",
    "combining": "e\u0301e\u0301n",  # é written as e + accent
    "html": "<b>vet</b> & <i>schuin</i>",
    "script": "<script>alert(document.cookie)</script>",
    "img": '<img src=x onerror="fetch(`//evil`)">',
    "sql": "'); DROP TABLE interviews; --",
    "sql-union": "' UNION SELECT code_hash FROM candidates --",
    "formula": '=HYPERLINK("http://evil","klik")',
    "null-word": "NULL",
    "quotes": "\"'`´‘’“”",
    "zero-width": "a\u200bb\u200cc\ufeffd",
}

# (record builder, field read back) per text field worth attacking.
Builder = Callable[[str, str], Any]
FIELDS: dict[str, tuple[Builder, str]] = {
    "statement.text": (lambda iid, s: ClosingStatement(interview_id=iid, text=s), "text"),
    "summary.key_points": (lambda iid, s: Summary(interview_id=iid, key_points=s), "key_points"),
    "email.body": (lambda iid, s: ThankYouEmail(interview_id=iid, body=s), "body"),
    "reflection.answer": (lambda iid, s: Reflection(interview_id=iid, answers={"learned": s}), "answers"),
}


def _expected(text: str) -> str:
    return clean_text(text, "text", limit=10**7)


def _read(store: Store, record: Any) -> Any:
    kind = type(record)
    return store.one(kind, record.interview_id)


@pytest.mark.parametrize("kind", list(TEXTS))
@pytest.mark.parametrize("field", list(FIELDS))
def test_text_fields(store: Store, interview: Interview, field: str, kind: str) -> None:
    build, name = FIELDS[field]
    text = TEXTS[kind]
    if len(_expected(text)) > MAX_LONG_TEXT:
        with pytest.raises(ValidationError) as caught:
            build(interview.id, text)
        assert "te lang" in caught.value.message("nl") and "too long" in caught.value.message("en")
        assert _read(store, build(interview.id, "")) is None  # nothing written
        return
    stored = store.save(build(interview.id, text))
    again = _read(store, stored)
    value = getattr(again, name)
    if name == "answers":
        value = value["learned"]
    assert value == _expected(text)
    assert "\x00" not in value and "\r" not in value


@pytest.mark.parametrize("kind", ["empty", "whitespace", "control"])
def test_required_texts_are_refused(store: Store, interview: Interview, kind: str) -> None:
    text = TEXTS[kind] if kind != "control" else "\x00\x07"
    with pytest.raises(ValidationError) as caught:
        store.save(PlannedQuestion(interview_id=interview.id, text=text))
    assert caught.value.message("nl") == "Tekst is verplicht."
    assert store.records(PlannedQuestion, interview.id) == []


@pytest.mark.parametrize(
    "value",
    ["morgen", "31-02-2027", "2027/05/14/", "14 mei 2027", "", "0000-00-00", "2027-13-01", "<script>", "NaN", 20270514],
)
def test_dates_in_the_wrong_format(store: Store, interview: Interview, value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        store.save(dataclasses.replace(interview, date=value))  # type: ignore[arg-type]
    assert caught.value.field == "date" and "geen datum" in caught.value.message("nl")
    assert store.interview(interview.id).date == interview.date


@pytest.mark.parametrize("score", [0, 6, -3, 100, 2.5, "5", None, True, float("nan")])
def test_scores_out_of_range(store: Store, interview: Interview, score: object) -> None:
    with pytest.raises(ValidationError) as caught:
        store.save(Reflection(interview_id=interview.id, scores={"thanked": score}))  # type: ignore[dict-item]
    assert caught.value.field == "scores"
    assert store.one(Reflection, interview.id) is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("round", "'; DROP TABLE x; --"),
        ("outcome", "hired"),
        ("employer", "x" * 201),
        ("employer", TEXTS["whitespace"]),
    ],
)
def test_interview_fields(store: Store, interview: Interview, field: str, value: str) -> None:
    with pytest.raises(ValidationError):
        store.save(dataclasses.replace(interview, **{field: value}))
    assert store.interview(interview.id) == interview


@pytest.mark.parametrize("what", [TEXTS["sql"], TEXTS["script"], TEXTS["emoji"], TEXTS["rtl"]])
def test_promise_texts_round_trip(store: Store, interview: Interview, what: str) -> None:
    promise = store.save(Promise(interview_id=interview.id, what=what, to_whom=TEXTS["html"]))
    [again] = store.records(Promise, interview.id)
    assert (again.what, again.to_whom) == (_expected(what), TEXTS["html"]) and again.id == promise.id


def test_sql_looking_ids_change_nothing(store: Store, interview: Interview) -> None:
    assert store.records(PlannedQuestion, "' OR '1'='1") == []
    assert store.one(ClosingStatement, "x'; DELETE FROM interviews; --") is None
    assert store.interview(interview.id) == interview
