"""One loader for every text, complete in both languages; one way to write dates and numbers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from workbook import model, texts
from workbook.checks import RULES
from workbook.model import GUT_ANSWERS, ROUNDS
from workbook.texts import TextError, loader

PACKAGE = Path(__file__).resolve().parents[1] / "workbook"
FRIDAY = dt.date(2027, 5, 14)


def _raw_entries(value: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every text entry of a table file as written, read without the loader."""
    for key, item in value.items():
        path = f"{prefix}.{key}" if prefix else key
        if set(item) & {"nl", "en"}:
            yield path, item
        else:
            yield from _raw_entries(item, path)


def _sources() -> Iterator[tuple[Path, str]]:
    # The loader's own docstrings use made-up keys ("section.key").
    for path in sorted(PACKAGE.rglob("*.py")):
        if not {"migrations", "texts"} & set(path.relative_to(PACKAGE).parts):
            yield path, path.read_text(encoding="utf-8")


# ------------------------------------------------------------------ completeness


@pytest.mark.parametrize("stem", texts.TABLES)
def test_dutch_and_english_have_exactly_the_same_keys(stem: str) -> None:
    raw = tomllib.loads(resources.files("workbook.texts").joinpath(f"{stem}.toml").read_text(encoding="utf-8"))
    entries = list(_raw_entries(raw))
    assert entries
    nl = {key for key, entry in entries if str(entry.get("nl", "")).strip()}
    en = {key for key, entry in entries if str(entry.get("en", "")).strip()}
    assert nl == en == {key for key, _ in entries}
    assert all(set(entry) == {"nl", "en"} for _, entry in entries)


def test_every_key_has_the_same_placeholders_in_both_languages() -> None:
    keys = texts.all_keys()
    assert len(keys) > 450
    for key in keys:
        assert texts.placeholders(key, "nl") == texts.placeholders(key, "en"), key
        assert texts.t(key, "nl").strip() and texts.t(key, "en").strip(), key
    assert texts.placeholders("unit.seconds", "en") == {"seconds"}
    assert texts.placeholders("validation.order", "nl") == {"label", "other"}


# Literal keys: t("coach.workshop", ...), t_html('signin.your_code', ...).
_LITERAL = re.compile(r"""\bt(?:_html)?\(\s*(["'])([a-z0-9_.-]+)\1""")
# Keys built in an f-string, t(f"step.{step}"): the section must exist.
_SECTION = re.compile(r"""\bt(?:_html)?\(\s*f(["'])([a-z0-9_-]+)\.\{""")
_CHOICES = re.compile(r"""\bchoices\(\s*(["'])([a-z0-9_-]+)\1""")


def test_every_key_used_in_the_code_exists() -> None:
    keys = texts.all_keys()
    sections = {key.partition(".")[0] for key in keys}
    used = set()
    for path, source in _sources():
        for match in _LITERAL.finditer(source):
            used.add(match[2])
            assert match[2] in keys, f"{path.name}: {match[2]}"
        for pattern in (_SECTION, _CHOICES):
            for match in pattern.finditer(source):
                assert match[2] in sections, f"{path.name}: section {match[2]}"
    assert len(used) > 200  # the scan does find the texts
    assert {rule.message_key for rule in RULES.values()} <= keys
    assert "plan.item" in keys


# Field names in model.py and wherever a ValidationError is raised by hand.
_FIELD_ARGUMENT = re.compile(
    r"""\b(?:clean_text|_choice|parse_date|_optional_date|_parse_time|_email)\((?:[^()"]|\([^()]*\))*?"(\w+)"[,)]"""
)
_RAISED = re.compile(r"""\bValidationError\(\s*"(\w+)",\s*"(\w+)\"""")


def test_every_field_and_validation_code_has_its_texts() -> None:
    keys = texts.all_keys()
    raised = set()
    for path, source in _sources():
        for match in _RAISED.finditer(source):
            raised.add(match[2])
            assert f"field.{match[1]}" in keys, f"{path.name}: field {match[1]}"
            assert f"validation.{match[2]}" in keys, f"{path.name}: code {match[2]}"
        for match in _FIELD_ARGUMENT.finditer(source):
            assert f"field.{match[1]}" in keys, f"{path.name}: field {match[1]}"
    assert {"required", "order", "choice", "type"} <= raised
    # Each field of each record has its own label, under its own name.
    records = [value for value in vars(model).values() if dataclasses.is_dataclass(value)]
    assert len(records) >= 14
    for record in records:
        for field in dataclasses.fields(record):
            assert f"field.{field.name}" in keys, f"{record.__name__}.{field.name}"


def test_the_languages_are_the_models() -> None:
    assert texts.LANGS == model.LANGS == ("nl", "en")


# ------------------------------------------------------------------------ loader


def test_t_has_the_labels_widgets_need() -> None:
    for level in ("warning", "tip", "ok"):
        assert texts.t(f"level.{level}", "nl")
    for round_ in ROUNDS:
        assert texts.t(f"round.{round_}", "en")
    for answer in GUT_ANSWERS:
        assert texts.t(f"gut.{answer}", "nl")
    # Labels that live with the guidance data are found through the same t().
    assert texts.t("purpose.people", "en") == "Meeting people"
    assert texts.t("phase.after", "nl") == "Na het gesprek"
    assert texts.t("rubric.thanked", "en") == "Thanked them"
    assert texts.t("unit.seconds", "nl", seconds=40) == "40 seconden"
    assert texts.t("app.title", "en") == "Workbook: closing the job interview"
    for key in ("no.such.key", "purpose.no-such-purpose", "app", ""):
        with pytest.raises(KeyError):
            texts.t(key, "nl")


def test_unknown_language_falls_back_to_dutch() -> None:
    assert texts.t("level.warning", "de") == texts.t("level.warning", "nl")
    assert texts.t("purpose.people", "fr") == texts.t("purpose.people", "nl")


def test_t_html_escapes_the_parameters_only() -> None:
    shown = texts.t_html("signin.your_code", "nl", name="<b>Sam</b> & co", code="ABCD")
    assert "&lt;b&gt;Sam&lt;/b&gt; &amp; co" in shown and "<b>ABCD</b>" in shown


def test_choices_in_table_order_or_for_given_values() -> None:
    assert [value for _, value in texts.choices("outcomes", "nl")] == [
        "pending",
        "next_round",
        "offer",
        "rejected",
        "withdrawn",
    ]
    assert texts.choices("round", "en", ("terms",)) == [("Terms-of-employment interview", "terms")]
    with pytest.raises(KeyError):
        texts.choices("no_such_section", "nl")


def test_loading_is_cached_and_the_loader_refuses_a_duplicate_key() -> None:
    assert loader._table() is loader._table()
    one = {"email.ok": texts.Text(nl="Goed", en="Good")}
    with pytest.raises(TextError, match=r"checks\.toml: email\.ok: already in ui\.toml"):
        loader._merge([("ui.toml", one), ("checks.toml", one)])


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('[app]\ntitle = { nl = "Werkboek" }\n', r"ui\.toml: app\.title\.en: missing or empty"),
        ('[app]\ntitle = { nl = "Werkboek", en = "" }\n', r"ui\.toml: app\.title\.en: missing or empty"),
        ('[app]\ntitle = { nl = "A", en = "B", de = "C" }\n', r"ui\.toml: app\.title: unknown language"),
        ('[app]\ntitle = { nl = "{name}", en = "{naam}" }\n', r"ui\.toml: app\.title: nl and en use different"),
        ('[app]\ntitle = { nl = "{0}", en = "{0}" }\n', r"ui\.toml: app\.title\.nl: bad placeholder"),
        ('[purpose]\npeople = { nl = "Mensen", en = "People" }\n', r"ui\.toml: purpose\.people: 'purpose\.' labels"),
        ('title = { nl = "A", en = "B" }\n', r"ui\.toml: title: a text needs a dotted key"),
        ("[app]\ntitle = 3\n", r"ui\.toml: app\.title: expected a table"),
        ("[app\n", r"ui\.toml: not valid TOML"),
        ("", r"ui\.toml: \(top level\): no texts"),
    ],
)
def test_a_malformed_table_names_the_file_and_the_key(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "ui.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TextError, match=expected):
        texts.validate_table(path)


def test_the_loader_is_the_bottom_layer() -> None:
    # model imports texts for its messages, so texts may not import guidance (which
    # imports model) at import time; Babel waits until a date is shown.
    code = (
        "import sys\n"
        "from workbook import model, texts\n"
        "print(sorted(m for m in ('workbook.guidance', 'babel', 'babel.dates') if m in sys.modules))\n"
        "texts.t('purpose.people', 'nl')\n"
        "print('workbook.guidance' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["[]", "True"]


# ----------------------------------------------------------------------- formats


@pytest.mark.parametrize(
    ("lang", "short", "long"),
    [
        ("nl", "14-05-2027", "vrijdag 14 mei 2027"),
        ("en", "14 May 2027", "Friday 14 May 2027"),
        ("de", "14-05-2027", "vrijdag 14 mei 2027"),  # an unknown language reads Dutch
    ],
)
def test_dates_as_each_language_writes_them(lang: str, short: str, long: str) -> None:
    assert texts.format_date(FRIDAY, lang) == short
    assert texts.format_date(FRIDAY, lang, long=True) == long
    assert texts.format_date(dt.datetime(2027, 5, 14, 23, 59), lang) == short
    assert texts.format_date(pd.Timestamp("2027-05-14"), lang) == short


def test_english_dates_are_never_iso_and_spell_the_month_out() -> None:
    assert texts.format_date(dt.date(2027, 9, 3), "en") == "3 September 2027"
    assert texts.format_date(dt.date(2027, 9, 3), "nl") == "03-09-2027"
    assert texts.format_day_month(FRIDAY, "nl") == "14-05"
    assert texts.format_day_month(FRIDAY, "en") == "14 May"


def test_numbers_with_the_decimal_mark_of_the_language() -> None:
    assert texts.format_number(3.0, "nl") == "3,0"
    assert texts.format_number(3.0, "en") == "3.0"
    assert texts.format_number(1234.5, "nl") == "1.234,5"
    assert texts.format_number(1234.5, "en") == "1,234.5"
    assert texts.format_number(3.25, "nl", 2, min_decimals=1) == "3,25"
    assert texts.format_number(3.0, "nl", 2, min_decimals=1) == "3,0"
    assert texts.format_number(7, "en", 0) == "7"
    assert texts.format_number(None, "nl") == texts.format_number(float("nan"), "en") == texts.MISSING
