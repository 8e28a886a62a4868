"""The guidance data: complete (G1-G29), bilingual, well-formed, and loaded safely."""

from __future__ import annotations

import dataclasses
import re
from importlib import resources
from pathlib import Path

import pytest

from workbook import guidance, texts
from workbook.checks import RULES
from workbook.guidance import GuidanceError, Text
from workbook.model import Reflection

ALL_POINTS = {f"G{n}" for n in range(1, 30)}
DATA_FILES = ("advice", "avoid", "catalogue", "email", "reflection", "rubric")


def _texts(value: object, path: str = "") -> list[tuple[str, Text]]:
    """Every Text inside a (nested) guidance record, with where it was found."""
    if isinstance(value, Text):
        return [(path, value)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        found = []
        for f in dataclasses.fields(value):
            found += _texts(getattr(value, f.name), f"{path}.{f.name}")
        return found
    if isinstance(value, tuple | list):
        return [t for i, v in enumerate(value) for t in _texts(v, f"{path}[{i}]")]
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in _texts(v, f"{path}.{k}")]
    return []


def _everything() -> list[tuple[str, Text]]:
    records: list[object] = [
        guidance.purposes(),
        guidance.catalogue(),
        guidance.avoid_rules(),
        [guidance.advice(t) for t in guidance.advice_topics()],
        guidance.phases(),
        guidance.rubric(),
        guidance.reflection_questions(),
        guidance.gut_questions(),
        guidance.email_template(),
    ]
    # Every text of the text tables too: labels, feedback messages, field labels.
    labels = [(key, Text(nl=texts.t(key, "nl"), en=texts.t(key, "en"))) for key in sorted(texts.all_keys())]
    return _texts(records) + labels


# ------------------------------------------------------------------ completeness


def test_every_guidance_point_is_referenced_by_data_or_a_check() -> None:
    points = set(guidance.referenced_points()) | {rule.point for rule in RULES.values()}
    assert ALL_POINTS - points == set()
    assert points <= ALL_POINTS


def test_every_bilingual_text_has_both_languages_non_empty() -> None:
    texts = _everything()
    assert len(texts) > 300
    for where, text in texts:
        assert text.nl.strip(), where
        assert text.en.strip(), where


def test_dutch_and_english_differ_where_they_should() -> None:
    # Identical texts would hint at a forgotten translation; only short labels may match.
    same = [where for where, t in _everything() if t.nl == t.en and len(t.nl) > 25]
    assert same == []


def test_every_shipped_file_validates() -> None:
    for stem in DATA_FILES:
        path = resources.files("workbook.guidance").joinpath(f"{stem}.toml")
        guidance.validate_file(Path(str(path)))
    # The text tables moved to workbook.texts; validate_file still takes them.
    for stem in texts.TABLES:
        path = resources.files("workbook.texts").joinpath(f"{stem}.toml")
        guidance.validate_file(Path(str(path)))


def test_a_malformed_text_table_is_a_guidance_error_naming_file_and_key(tmp_path: Path) -> None:
    with pytest.raises(GuidanceError, match=r"ui\.toml: app\.title\.en: missing or empty"):
        guidance.validate_file(_write(tmp_path, "ui.toml", '[app]\ntitle = { nl = "Werkboek" }\n'))
    with pytest.raises(GuidanceError, match=r"checks\.toml: plan\.ok: nl and en use different placeholders"):
        guidance.validate_file(_write(tmp_path, "checks.toml", '[plan.ok]\nnl = "{n} vragen"\nen = "Questions"\n'))


# ---------------------------------------------------------------------- catalogue


def test_purposes_cover_the_closing_question_groups() -> None:
    keys = [p.key for p in guidance.purposes()]
    assert keys == ["next-step", "doubts", "information", "ready", "people", "practical"]
    assert guidance.purpose("people").caution is not None
    assert "HR" in guidance.purpose("practical").description.en


@pytest.mark.parametrize("purpose", ["next-step", "doubts", "information", "ready", "people", "practical"])
def test_each_purpose_has_at_least_four_questions_with_when_and_points(purpose: str) -> None:
    questions = guidance.catalogue(purpose)
    assert len(questions) >= 4
    for q in questions:
        assert q.points and q.when.nl and q.when.en
        assert q.points[0] in guidance.purpose(purpose).points or purpose == "practical"


def test_catalogue_keys_are_stable_unique_and_findable() -> None:
    keys = [q.key for q in guidance.catalogue()]
    assert len(keys) == len(set(keys))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", k) for k in keys)
    assert guidance.catalogue_question("next-step").purpose == "next-step"
    assert guidance.catalogue_texts("en")["ready-first-task"].startswith("What could my first project")
    with pytest.raises(KeyError):
        guidance.catalogue_question("no-such-question")


def test_avoid_rules_match_the_check_rule_ids() -> None:
    rules = {r.key: r for r in guidance.avoid_rules()}
    assert set(rules) == {"verdict", "salary", "new-topic"}
    assert rules["verdict"].points == ("G14",)
    assert rules["salary"].points == ("G15",)
    assert rules["new-topic"].points == ("G4",)
    for key in rules:
        assert f"question.{key}" in RULES
    assert "reiskosten" in guidance.avoid_rule("salary").instead.nl


# ------------------------------------------------------------------------- advice


def test_advice_topics_have_tips_and_the_expected_extras() -> None:
    assert guidance.advice_topics() == ("close", "statement", "goodbye", "after", "email")
    statement = guidance.advice("statement")
    openers = [e for e in statement.examples if e.key.startswith("opener")]
    assert openers and all(e.text.nl.endswith("?") and e.text.en.endswith("?") for e in openers)
    assert len(guidance.advice("goodbye").checklist) >= 4
    assert guidance.advice("email").checklist
    points = {p for t in guidance.advice("goodbye").tips for p in t.points}
    assert {"G19", "G20", "G21", "G22"} <= points
    with pytest.raises(KeyError):
        guidance.advice("lunch")


# ------------------------------------------------------------------------- rubric

REQUIRED_ITEMS = {
    "let-them-close": "questions",
    "asked-questions": "questions",
    "asked-next-step": "questions",
    "cleared-doubts": "questions",
    "offered-info": "questions",
    "avoided-verdict-salary": "questions",
    "concrete-enthusiasm": "statement",
    "plan-of-approach": "statement",
    "thanked": "goodbye",
    "neutral-goodbye": "goodbye",
    "notes-summarised": "after",
    "reflected": "after",
    "thank-you-email": "after",
    "promises-kept": "after",
}


def test_rubric_has_one_item_per_closing_behaviour_in_its_phase() -> None:
    items = {item.key: item for item in guidance.rubric()}
    for key, phase in REQUIRED_ITEMS.items():
        assert items[key].phase == phase
    assert [p.key for p in guidance.phases()] == ["questions", "statement", "goodbye", "after"]
    assert {i.key for i in guidance.rubric("goodbye")} == {"thanked", "neutral-goodbye"}


def test_rubric_anchors_are_five_distinct_behaviours_per_language() -> None:
    for item in guidance.rubric():
        assert len(item.anchors) == 5
        for lang in ("nl", "en"):
            anchors = [item.anchor(score, lang) for score in range(1, 6)]
            assert len(set(anchors)) == 5, item.key
            # Anchors describe behaviour, not a grade.
            assert not any(a.lower().strip(".") in {"goed", "slecht", "good", "bad"} for a in anchors)
    with pytest.raises(ValueError):
        guidance.rubric_item("thanked").anchor(6, "nl")


def test_reflection_and_gut_questions() -> None:
    assert [q.key for q in guidance.reflection_questions()] == [
        "expectations",
        "learned",
        "right-questions",
        "self-insight",
    ]
    gut = [q.key for q in guidance.gut_questions()]
    assert gut == ["gut_continue", "gut_dream_job"]
    # The keys are the Reflection fields the answers are stored in.
    assert all(hasattr(Reflection(interview_id="x"), key) for key in gut)


# -------------------------------------------------------------------------- email


def test_render_email_fills_every_placeholder_in_both_languages() -> None:
    for lang, conjunction in (("nl", " en "), ("en", " and ")):
        email = guidance.render_email(
            lang,
            interviewers=["Anna de Vries", "Bram Smit", "Carla Jansen"],
            employer="Gemeente Utrecht",
            role="beleidsadviseur",
            substance="de nieuwe woonvisie.",
            attachments=["de scan van mijn diploma", "twee referenties"],
            linkedin_url="https://www.linkedin.com/in/sam",
            sender="Sam Visser",
        )
        assert "Anna de Vries, Bram Smit" + conjunction + "Carla Jansen" in email.body
        for part in ("Gemeente Utrecht", "beleidsadviseur", "de nieuwe woonvisie", "twee referenties"):
            assert part in email.body
        assert "https://www.linkedin.com/in/sam" in email.body and "Sam Visser" in email.body
        assert "beleidsadviseur" in email.subject
        assert "{" not in email.body and "[" not in email.body
        assert "\n\n\n" not in email.body


def test_render_email_without_optional_parts() -> None:
    email = guidance.render_email("en", employer="ACME", role="tester")
    assert email.body.startswith("Dear Sir or Madam,")
    assert "attached" not in email.body and "LinkedIn" not in email.body
    # What the candidate still has to write is marked, and the email check finds it.
    assert "[Mention one point of substance" in email.body and "[your name]" in email.body
    assert "\n\n\n" not in email.body


def test_user_text_with_braces_is_not_interpreted() -> None:
    email = guidance.render_email("nl", employer="{role}", role="R&D {x}", interviewers=["{greeting}"])
    assert "{role}" in email.body and "R&D {x}" in email.body and "Beste {greeting}," in email.body


# ------------------------------------------------------------------ look-ups


def test_look_ups_by_key_and_group() -> None:
    assert guidance.catalogue("no-such-purpose") == ()
    assert guidance.rubric("no-such-phase") == ()
    assert all(q.purpose == "doubts" for q in guidance.catalogue("doubts"))
    assert [i.key for i in guidance.rubric()] == [i.key for p in guidance.phases() for i in guidance.rubric(p.key)]
    assert guidance.avoid_rule("verdict").points == ("G14",)
    for key in ("no-such-thing", ""):
        for look_up in (guidance.purpose, guidance.catalogue_question, guidance.avoid_rule, guidance.rubric_item):
            with pytest.raises(KeyError):
                look_up(key)


def test_public_names_are_the_same_as_before_the_split() -> None:
    # The text functions moved to workbook.texts; everything else stays importable here.
    assert "text" not in guidance.__all__ and "message" not in guidance.__all__
    for name in guidance.__all__:
        assert getattr(guidance, name) is not None, name
    assert callable(guidance.catalogue) and callable(guidance.rubric) and callable(guidance.advice)


def test_loading_is_cached() -> None:
    assert guidance.catalogue() is guidance.catalogue()
    assert guidance.rubric() is guidance.rubric()


# ------------------------------------------------------------- malformed files

GOOD_PURPOSE = """
[[purpose]]
key = "next-step"
points = ["G6"]
label.nl = "Volgende stap"
label.en = "Next step"
description.nl = "Uitleg"
description.en = "Explanation"
"""


def _write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            'key = "q"\npurpose = "next-step"\npoints = ["G6"]\ntext.nl = "Vraag?"\nwhen.nl = "a"\nwhen.en = "b"',
            r"catalogue\.toml: question\[0\] \(q\)\.text\.en: missing",
        ),
        (
            'key = "q"\npurpose = "lunch"\npoints = ["G6"]\ntext.nl = "a"\ntext.en = "b"\nwhen.nl = "a"\nwhen.en = "b"',
            r"catalogue\.toml: question\[0\] \(q\)\.purpose: 'lunch'",
        ),
        (
            'key = "q"\npurpose = "next-step"\npoints = ["G30"]\ntext.nl = "a"\ntext.en = "b"\n'
            'when.nl = "a"\nwhen.en = "b"',
            r"catalogue\.toml: question\[0\] \(q\)\.points: 'G30'",
        ),
        (
            'key = "Q Q"\npurpose = "next-step"\npoints = ["G6"]\ntext.nl = "a"\ntext.en = "b"\n'
            'when.nl = "a"\nwhen.en = "b"',
            r"catalogue\.toml: question\[0\] \(Q Q\)\.key",
        ),
        (
            'key = "q"\npurpose = "next-step"\npoints = ["G6"]\ntext.nl = "{role}"\ntext.en = "b"\n'
            'when.nl = "a"\nwhen.en = "b"',
            r"catalogue\.toml: question\[0\] \(q\)\.text: nl and en use different placeholders",
        ),
    ],
)
def test_malformed_catalogue_names_file_and_key(tmp_path: Path, question: str, expected: str) -> None:
    path = _write(tmp_path, "catalogue.toml", GOOD_PURPOSE + "\n[[question]]\n" + question + "\n")
    with pytest.raises(GuidanceError, match=expected):
        guidance.validate_file(path)


def test_duplicate_keys_and_bad_toml_and_unknown_files(tmp_path: Path) -> None:
    with pytest.raises(GuidanceError, match=r"catalogue\.toml: purpose: duplicate key 'next-step'"):
        guidance.validate_file(_write(tmp_path, "catalogue.toml", GOOD_PURPOSE * 2))
    with pytest.raises(GuidanceError, match=r"rubric\.toml: not valid TOML"):
        guidance.validate_file(_write(tmp_path, "rubric.toml", "[[phase]\nkey ="))
    with pytest.raises(GuidanceError, match=r"lunch\.toml: unknown guidance file"):
        guidance.validate_file(_write(tmp_path, "lunch.toml", ""))


def test_rubric_item_needs_five_anchors(tmp_path: Path) -> None:
    content = """
[[phase]]
key = "after"
label.nl = "Na"
label.en = "After"

[[item]]
key = "reflected"
phase = "after"
points = ["G24"]
label.nl = "Teruggeblikt"
label.en = "Reflected"
anchors.1.nl = "a"
anchors.1.en = "a"
"""
    with pytest.raises(GuidanceError, match=r"rubric\.toml: item\[0\] \(reflected\)\.anchors: needs exactly"):
        guidance.validate_file(_write(tmp_path, "rubric.toml", content))


def test_email_template_rejects_unknown_placeholders(tmp_path: Path) -> None:
    source = resources.files("workbook.guidance").joinpath("email.toml").read_text(encoding="utf-8")
    broken = source.replace('nl = "LinkedIn: {url}"', 'nl = "LinkedIn: {link}"')
    with pytest.raises(GuidanceError, match=r"email\.toml: linkedin"):
        guidance.validate_file(_write(tmp_path, "email.toml", broken))
