"""The workbook's content as data: closing questions, advice, rubric and email template.

The texts live in TOML files beside this module, Dutch (``nl``) and English (``en``)
side by side, so a coach can read and edit them without touching code. This module
loads them once (``functools.cache``), validates them on load and hands them out as
frozen dataclasses. A malformed file raises :class:`GuidanceError` naming the file and
the key, e.g. ``catalogue.toml: question[3] (next-step).text.en: missing``.

Every bilingual text is a :class:`Text`; ``text.get(lang)`` picks a language and falls
back to Dutch for an unknown one, because Dutch is the workbook's first language.

Public API
----------
Catalogue (``catalogue.toml``, G3-G13)
    ``purposes() -> tuple[Purpose, ...]``, ``purpose(key) -> Purpose``,
    ``catalogue(purpose=None) -> tuple[CatalogueQuestion, ...]``,
    ``catalogue_question(key) -> CatalogueQuestion``,
    ``catalogue_texts(lang) -> dict[str, str]`` (key -> question text, for pickers).
Questions to avoid (``avoid.toml``, G4, G14, G15)
    ``avoid_rules() -> tuple[AvoidRule, ...]``, ``avoid_rule(key) -> AvoidRule``.
Advice (``advice.toml``, G1-G5, G9-G10, G16-G29)
    ``advice_topics() -> tuple[str, ...]`` (close, statement, goodbye, after, email),
    ``advice(topic) -> Advice`` with tips, examples (such as the polite openers of a
    closing statement) and a checklist.
Rubric and reflection (``rubric.toml``, ``reflection.toml``, G1-G29)
    ``phases() -> tuple[Phase, ...]``, ``rubric(phase=None) -> tuple[RubricItem, ...]``,
    ``rubric_item(key) -> RubricItem``, ``reflection_questions()`` and
    ``gut_questions() -> tuple[ReflectionQuestion, ...]``.
Thank-you email (``email.toml``, G26-G29)
    ``email_template() -> EmailTemplate`` and ``render_email(lang, *, interviewers,
    employer, role, substance="", attachments=(), linkedin_url="", sender="") ->
    RenderedEmail``.
Texts for the user interface (``ui.toml``, ``checks.toml``)
    ``text(key, lang, **params) -> str`` for labels ("level.warning", "round.terms",
    "purpose.next-step", "phase.after", ...) and ``message(key, lang, **params) -> str``
    for the feedback of :mod:`workbook.checks` ("question.verdict", ...).
Maintenance
    ``referenced_points() -> frozenset[str]``: every G-point the data refers to;
    ``validate_file(path)``: validate a guidance file (e.g. a coach's edited copy).
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

__all__ = [
    "ADVICE_TOPICS",
    "Advice",
    "AvoidRule",
    "CatalogueQuestion",
    "EmailTemplate",
    "GuidanceError",
    "Phase",
    "Purpose",
    "ReflectionQuestion",
    "RenderedEmail",
    "RubricItem",
    "Text",
    "Tip",
    "advice",
    "advice_topics",
    "avoid_rule",
    "avoid_rules",
    "catalogue",
    "catalogue_question",
    "catalogue_texts",
    "email_template",
    "gut_questions",
    "message",
    "message_keys",
    "phases",
    "purpose",
    "purposes",
    "referenced_points",
    "reflection_questions",
    "render_email",
    "rubric",
    "rubric_item",
    "text",
    "text_keys",
    "validate_file",
]

_LANGS: Final = ("nl", "en")
ADVICE_TOPICS: Final = ("close", "statement", "goodbye", "after", "email")
_KEY = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_POINT = re.compile(r"^G([1-9]|1[0-9]|2[0-9])$")
_SCORES: Final = ("1", "2", "3", "4", "5")


class GuidanceError(ValueError):
    """A guidance data file is malformed; the message names the file and the key."""


# ---------------------------------------------------------------------- records


@dataclass(frozen=True)
class Text:
    """One text in Dutch and English."""

    nl: str
    en: str

    def get(self, lang: str) -> str:
        """The text in ``lang``; Dutch for an unknown language (Dutch comes first)."""
        return self.en if lang == "en" else self.nl


@dataclass(frozen=True)
class Purpose:
    """What a group of closing questions is for, e.g. the next step (G6)."""

    key: str
    label: Text
    description: Text
    points: tuple[str, ...]
    caution: Text | None = None


@dataclass(frozen=True)
class CatalogueQuestion:
    """A closing question from the catalogue, with when to use it."""

    key: str
    purpose: str
    text: Text
    when: Text
    points: tuple[str, ...]


@dataclass(frozen=True)
class AvoidRule:
    """A kind of question to avoid at the close; ``key`` is the check's rule id."""

    key: str
    title: Text
    reason: Text
    instead: Text
    examples: Text
    points: tuple[str, ...]


@dataclass(frozen=True)
class Tip:
    """One piece of advice, example or checklist line."""

    key: str
    text: Text
    points: tuple[str, ...]


@dataclass(frozen=True)
class Advice:
    """The advice on one topic of the close or the day after."""

    key: str
    title: Text
    tips: tuple[Tip, ...]
    examples: tuple[Tip, ...]
    checklist: tuple[Tip, ...]


@dataclass(frozen=True)
class Phase:
    """A phase of the close the rubric items are grouped by."""

    key: str
    label: Text


@dataclass(frozen=True)
class RubricItem:
    """One closing behaviour scored 1-5, with an observable anchor per score."""

    key: str
    phase: str
    label: Text
    anchors: tuple[Text, Text, Text, Text, Text]
    points: tuple[str, ...]

    def anchor(self, score: int, lang: str) -> str:
        """The anchor text for ``score`` (1-5) in ``lang``."""
        if not 1 <= score <= len(self.anchors):
            raise ValueError(f"score must be 1-5, not {score!r}")
        return self.anchors[score - 1].get(lang)


@dataclass(frozen=True)
class ReflectionQuestion:
    """A question to look back on the interview (G24) or a gut question (G25)."""

    key: str
    text: Text
    points: tuple[str, ...]


@dataclass(frozen=True)
class EmailTemplate:
    """The parts of the thank-you email template, each in both languages."""

    subject: Text
    body: Text
    greeting: Text
    greeting_nobody: Text
    substance: Text
    substance_missing: Text
    attachments: Text
    linkedin: Text
    sender_missing: Text
    conjunction: Text
    points: tuple[str, ...]


@dataclass(frozen=True)
class RenderedEmail:
    """A filled-in thank-you email."""

    subject: str
    body: str


# ------------------------------------------------------------------- validation


def _fail(src: str, where: str, problem: str) -> GuidanceError:
    return GuidanceError(f"{src}: {where}: {problem}")


def _table(data: Mapping[str, Any], key: str, src: str, where: str) -> Mapping[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise _fail(src, _join_path(where, key), "missing or not a table")
    return value


def _tables(data: Mapping[str, Any], key: str, src: str, where: str = "") -> list[Mapping[str, Any]]:
    value = data.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
        raise _fail(src, _join_path(where, key), "missing or not a list of tables ([[...]])")
    return value


def _join_path(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _key(data: Mapping[str, Any], src: str, where: str) -> str:
    value = data.get("key")
    if not isinstance(value, str) or not _KEY.match(value):
        raise _fail(src, f"{where}.key", f"missing or not a lower-case-dashed key: {value!r}")
    return value


def _placeholders(template: str, src: str, where: str) -> frozenset[str]:
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError as exc:
        raise _fail(src, where, f"bad placeholder syntax ({exc})") from None
    if any(not name.isidentifier() for name in names):
        raise _fail(src, where, "placeholders must be names in braces, like {role}")
    return frozenset(names)


def _text(data: Mapping[str, Any], key: str, src: str, where: str) -> Text:
    """A bilingual text: both languages present, non-empty and with the same placeholders."""
    path = _join_path(where, key)
    value = data.get(key)
    if not isinstance(value, dict):
        raise _fail(src, path, "missing or not a table with nl and en")
    extra = set(value) - set(_LANGS)
    if extra:
        raise _fail(src, path, f"unknown language(s) {sorted(extra)}")
    texts: dict[str, str] = {}
    for lang in _LANGS:
        item = value.get(lang)
        if not isinstance(item, str) or not item.strip():
            raise _fail(src, f"{path}.{lang}", "missing or empty")
        texts[lang] = item.strip()
    if _placeholders(texts["nl"], src, f"{path}.nl") != _placeholders(texts["en"], src, f"{path}.en"):
        raise _fail(src, path, "nl and en use different placeholders")
    return Text(nl=texts["nl"], en=texts["en"])


def _points(data: Mapping[str, Any], src: str, where: str) -> tuple[str, ...]:
    value = data.get("points")
    if not isinstance(value, list) or not value:
        raise _fail(src, f"{where}.points", "missing or empty list of guidance points")
    for point in value:
        if not isinstance(point, str) or not _POINT.match(point):
            raise _fail(src, f"{where}.points", f"{point!r} is not a guidance point G1-G29")
    return tuple(value)


def _unique(keys: Iterable[str], src: str, what: str) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise _fail(src, what, f"duplicate key {key!r}")
        seen.add(key)


def _entry_where(kind: str, index: int, data: Mapping[str, Any]) -> str:
    key = data.get("key")
    return f"{kind}[{index}] ({key})" if isinstance(key, str) else f"{kind}[{index}]"


def _tip_list(data: Mapping[str, Any], key: str, src: str, where: str, *, required: bool) -> tuple[Tip, ...]:
    if key not in data and not required:
        return ()
    tips = []
    for i, entry in enumerate(_tables(data, key, src, where)):
        at = f"{where}.{_entry_where(key, i, entry)}"
        tips.append(Tip(_key(entry, src, at), _text(entry, "text", src, at), _points(entry, src, at)))
    _unique((t.key for t in tips), src, f"{where}.{key}")
    return tuple(tips)


# ---------------------------------------------------------------------- parsers


@dataclass(frozen=True)
class _Catalogue:
    purposes: tuple[Purpose, ...]
    questions: tuple[CatalogueQuestion, ...]


def _parse_catalogue(data: Mapping[str, Any], src: str) -> _Catalogue:
    purposes = []
    for i, entry in enumerate(_tables(data, "purpose", src)):
        at = _entry_where("purpose", i, entry)
        caution = _text(entry, "caution", src, at) if "caution" in entry else None
        purposes.append(
            Purpose(
                key=_key(entry, src, at),
                label=_text(entry, "label", src, at),
                description=_text(entry, "description", src, at),
                points=_points(entry, src, at),
                caution=caution,
            )
        )
    _unique((p.key for p in purposes), src, "purpose")
    known = {p.key for p in purposes}
    questions = []
    for i, entry in enumerate(_tables(data, "question", src)):
        at = _entry_where("question", i, entry)
        group = entry.get("purpose")
        if group not in known:
            raise _fail(src, f"{at}.purpose", f"{group!r} is not one of {sorted(known)}")
        questions.append(
            CatalogueQuestion(
                key=_key(entry, src, at),
                purpose=str(group),
                text=_text(entry, "text", src, at),
                when=_text(entry, "when", src, at),
                points=_points(entry, src, at),
            )
        )
    _unique((q.key for q in questions), src, "question")
    return _Catalogue(tuple(purposes), tuple(questions))


def _parse_avoid(data: Mapping[str, Any], src: str) -> tuple[AvoidRule, ...]:
    rules = []
    for i, entry in enumerate(_tables(data, "rule", src)):
        at = _entry_where("rule", i, entry)
        rules.append(
            AvoidRule(
                key=_key(entry, src, at),
                title=_text(entry, "title", src, at),
                reason=_text(entry, "reason", src, at),
                instead=_text(entry, "instead", src, at),
                examples=_text(entry, "examples", src, at),
                points=_points(entry, src, at),
            )
        )
    _unique((r.key for r in rules), src, "rule")
    return tuple(rules)


def _parse_advice(data: Mapping[str, Any], src: str) -> dict[str, Advice]:
    topics = _table(data, "topic", src, "")
    missing = set(ADVICE_TOPICS) - set(topics)
    if missing:
        raise _fail(src, "topic", f"missing topic(s) {sorted(missing)}")
    result: dict[str, Advice] = {}
    for key in topics:
        at = f"topic.{key}"
        entry = _table(topics, key, src, "topic")
        result[key] = Advice(
            key=key,
            title=_text(entry, "title", src, at),
            tips=_tip_list(entry, "tips", src, at, required=True),
            examples=_tip_list(entry, "examples", src, at, required=False),
            checklist=_tip_list(entry, "checklist", src, at, required=False),
        )
    return result


@dataclass(frozen=True)
class _Rubric:
    phases: tuple[Phase, ...]
    items: tuple[RubricItem, ...]


def _parse_rubric(data: Mapping[str, Any], src: str) -> _Rubric:
    phases = []
    for i, entry in enumerate(_tables(data, "phase", src)):
        at = _entry_where("phase", i, entry)
        phases.append(Phase(_key(entry, src, at), _text(entry, "label", src, at)))
    _unique((p.key for p in phases), src, "phase")
    known = {p.key for p in phases}
    items = []
    for i, entry in enumerate(_tables(data, "item", src)):
        at = _entry_where("item", i, entry)
        phase = entry.get("phase")
        if phase not in known:
            raise _fail(src, f"{at}.phase", f"{phase!r} is not one of {sorted(known)}")
        anchors = _table(entry, "anchors", src, at)
        if sorted(anchors) != list(_SCORES):
            raise _fail(src, f"{at}.anchors", "needs exactly the scores 1, 2, 3, 4 and 5")
        a1, a2, a3, a4, a5 = (_text(anchors, s, src, f"{at}.anchors") for s in _SCORES)
        items.append(
            RubricItem(
                key=_key(entry, src, at),
                phase=str(phase),
                label=_text(entry, "label", src, at),
                anchors=(a1, a2, a3, a4, a5),
                points=_points(entry, src, at),
            )
        )
    _unique((item.key for item in items), src, "item")
    return _Rubric(tuple(phases), tuple(items))


@dataclass(frozen=True)
class _Reflection:
    questions: tuple[ReflectionQuestion, ...]
    gut: tuple[ReflectionQuestion, ...]


def _parse_reflection(data: Mapping[str, Any], src: str) -> _Reflection:
    def parse(kind: str) -> tuple[ReflectionQuestion, ...]:
        result = []
        for i, entry in enumerate(_tables(data, kind, src)):
            at = _entry_where(kind, i, entry)
            result.append(
                ReflectionQuestion(_key(entry, src, at), _text(entry, "text", src, at), _points(entry, src, at))
            )
        _unique((q.key for q in result), src, kind)
        return tuple(result)

    return _Reflection(parse("question"), parse("gut"))


# Which placeholders each part of the email template may use.
_EMAIL_PARTS: Final[dict[str, frozenset[str]]] = {
    "subject": frozenset({"role", "employer"}),
    "body": frozenset({"greeting", "role", "employer", "substance", "attachments", "sender", "linkedin"}),
    "greeting": frozenset({"interviewers"}),
    "greeting_nobody": frozenset(),
    "substance": frozenset({"substance"}),
    "substance_missing": frozenset(),
    "attachments": frozenset({"items"}),
    "linkedin": frozenset({"url"}),
    "sender_missing": frozenset(),
    "and": frozenset(),
}


def _parse_email(data: Mapping[str, Any], src: str) -> EmailTemplate:
    parts: dict[str, Text] = {}
    for part, allowed in _EMAIL_PARTS.items():
        value = _text(data, part, src, "")
        used = _placeholders(value.nl, src, part)
        if not used <= allowed:
            raise _fail(src, part, f"unknown placeholder(s) {sorted(used - allowed)}; use {sorted(allowed)}")
        parts[part] = value
    return EmailTemplate(
        subject=parts["subject"],
        body=parts["body"],
        greeting=parts["greeting"],
        greeting_nobody=parts["greeting_nobody"],
        substance=parts["substance"],
        substance_missing=parts["substance_missing"],
        attachments=parts["attachments"],
        linkedin=parts["linkedin"],
        sender_missing=parts["sender_missing"],
        conjunction=parts["and"],
        points=_points(data, src, "(top level)"),
    )


def _parse_texts(data: Mapping[str, Any], src: str) -> dict[str, Text]:
    """Flatten nested tables to dotted keys; a table holding exactly nl and en is a leaf."""
    result: dict[str, Text] = {}

    def walk(table: Mapping[str, Any], prefix: str) -> None:
        for key, value in table.items():
            path = _join_path(prefix, key)
            if not isinstance(value, dict):
                raise _fail(src, path, "expected a table")
            if set(value) & set(_LANGS):
                result[path] = _text(table, key, src, prefix)
            else:
                walk(value, path)

    walk(data, "")
    if not result:
        raise _fail(src, "(top level)", "no texts")
    return result


_PARSERS: Final[dict[str, Callable[[Mapping[str, Any], str], object]]] = {
    "catalogue": _parse_catalogue,
    "avoid": _parse_avoid,
    "advice": _parse_advice,
    "rubric": _parse_rubric,
    "reflection": _parse_reflection,
    "email": _parse_email,
    "checks": _parse_texts,
    "ui": _parse_texts,
}


def _loads(raw: str, src: str) -> dict[str, Any]:
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise GuidanceError(f"{src}: not valid TOML ({exc})") from None


@cache
def _load(stem: str) -> Any:
    src = f"{stem}.toml"
    raw = resources.files(__name__).joinpath(src).read_text(encoding="utf-8")
    return _PARSERS[stem](_loads(raw, src), src)


def validate_file(path: str | Path) -> None:
    """Validate a guidance file, chosen by its name (``catalogue.toml``, ``rubric.toml``, ...).

    Raises
    ------
    GuidanceError
        Naming the file and the key when something is malformed.
    """
    file = Path(path)
    parser = _PARSERS.get(file.stem)
    if parser is None:
        raise GuidanceError(f"{file.name}: unknown guidance file; expected one of {sorted(_PARSERS)}")
    parser(_loads(file.read_text(encoding="utf-8"), file.name), file.name)


# ------------------------------------------------------------------- public API


def purposes() -> tuple[Purpose, ...]:
    """The purposes the closing questions are grouped by, in teaching order."""
    catalogue_data: _Catalogue = _load("catalogue")
    return catalogue_data.purposes


def purpose(key: str) -> Purpose:
    """One purpose by key; ``KeyError`` for an unknown key."""
    for item in purposes():
        if item.key == key:
            return item
    raise KeyError(f"unknown purpose {key!r}")


def catalogue(purpose: str | None = None) -> tuple[CatalogueQuestion, ...]:
    """The catalogue questions, all or those of one purpose."""
    questions: tuple[CatalogueQuestion, ...] = _load("catalogue").questions
    if purpose is None:
        return questions
    return tuple(q for q in questions if q.purpose == purpose)


def catalogue_question(key: str) -> CatalogueQuestion:
    """One catalogue question by its stable key; ``KeyError`` for an unknown key."""
    for question in catalogue():
        if question.key == key:
            return question
    raise KeyError(f"unknown catalogue question {key!r}")


def catalogue_texts(lang: str) -> dict[str, str]:
    """Catalogue key -> question text in ``lang``, in catalogue order (for pickers)."""
    return {q.key: q.text.get(lang) for q in catalogue()}


def avoid_rules() -> tuple[AvoidRule, ...]:
    """The kinds of questions to avoid at the close, with reason and alternative."""
    rules: tuple[AvoidRule, ...] = _load("avoid")
    return rules


def avoid_rule(key: str) -> AvoidRule:
    """One avoid rule by key (``verdict``, ``salary``, ``new-topic``)."""
    for rule in avoid_rules():
        if rule.key == key:
            return rule
    raise KeyError(f"unknown avoid rule {key!r}")


def advice_topics() -> tuple[str, ...]:
    """The advice topics in the order of the close: close, statement, goodbye, after, email."""
    return ADVICE_TOPICS


def advice(topic: str) -> Advice:
    """The advice on one topic; ``KeyError`` for an unknown topic."""
    topics: dict[str, Advice] = _load("advice")
    if topic not in topics:
        raise KeyError(f"unknown advice topic {topic!r}; expected one of {ADVICE_TOPICS}")
    return topics[topic]


def phases() -> tuple[Phase, ...]:
    """The rubric phases in the order of the close."""
    rubric_data: _Rubric = _load("rubric")
    return rubric_data.phases


def rubric(phase: str | None = None) -> tuple[RubricItem, ...]:
    """The rubric items, all or those of one phase."""
    items: tuple[RubricItem, ...] = _load("rubric").items
    if phase is None:
        return items
    return tuple(item for item in items if item.phase == phase)


def rubric_item(key: str) -> RubricItem:
    """One rubric item by its stable key; ``KeyError`` for an unknown key."""
    for item in rubric():
        if item.key == key:
            return item
    raise KeyError(f"unknown rubric item {key!r}")


def reflection_questions() -> tuple[ReflectionQuestion, ...]:
    """The questions to look back on the interview (G24); keys of ``Reflection.answers``."""
    data: _Reflection = _load("reflection")
    return data.questions


def gut_questions() -> tuple[ReflectionQuestion, ...]:
    """The gut-feeling questions (G25); keys are the ``Reflection`` field names."""
    data: _Reflection = _load("reflection")
    return data.gut


def email_template() -> EmailTemplate:
    """The thank-you email template in both languages."""
    template: EmailTemplate = _load("email")
    return template


def _enumerate(items: Sequence[str], conjunction: str) -> str:
    """'A', 'A en B', 'A, B en C': the way both languages list names."""
    items = [item.strip() for item in items if item.strip()]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def render_email(
    lang: str,
    *,
    interviewers: Sequence[str] = (),
    employer: str,
    role: str,
    substance: str = "",
    attachments: Sequence[str] = (),
    linkedin_url: str = "",
    sender: str = "",
) -> RenderedEmail:
    """Fill in the thank-you email template in ``lang`` (``nl`` or ``en``).

    Parameters
    ----------
    interviewers
        Names of the people spoken with, greeted together (G27).
    substance
        One point of substance from the conversation (G29); left empty, a marker in
        square brackets asks the candidate to write one.
    attachments
        What was promised and goes along (G27); the line disappears when empty.
    linkedin_url
        Link to the candidate's LinkedIn profile (G29); the line disappears when empty.
    sender
        The candidate's name; a marker in square brackets when empty.
    """
    template = email_template()
    conjunction = template.conjunction.get(lang)
    names = _enumerate(interviewers, conjunction)
    greeting = template.greeting.get(lang).format(interviewers=names) if names else template.greeting_nobody.get(lang)
    point = substance.strip().rstrip(".")
    items = _enumerate(attachments, conjunction)
    body = template.body.get(lang).format(
        greeting=greeting,
        role=role.strip(),
        employer=employer.strip(),
        substance=template.substance.get(lang).format(substance=point)
        if point
        else template.substance_missing.get(lang),
        attachments=template.attachments.get(lang).format(items=items) if items else "",
        sender=sender.strip() or template.sender_missing.get(lang),
        linkedin=template.linkedin.get(lang).format(url=linkedin_url.strip()) if linkedin_url.strip() else "",
    )
    subject = template.subject.get(lang).format(role=role.strip(), employer=employer.strip())
    return RenderedEmail(subject=subject, body=_tidy(body))


def _tidy(body: str) -> str:
    # Optional parts leave empty lines behind; keep at most one blank line in a row.
    lines = [line.rstrip() for line in body.strip().splitlines()]
    tidy: list[str] = []
    for line in lines:
        if not line and tidy and not tidy[-1]:
            continue
        tidy.append(line)
    return "\n".join(tidy).strip()


@cache
def _ui_texts() -> dict[str, Text]:
    texts: dict[str, Text] = dict(_load("ui"))
    # Labels that live with their data are reachable through text() too, so widgets
    # have one accessor and the label is still written down only once.
    texts.update({f"purpose.{p.key}": p.label for p in purposes()})
    texts.update({f"phase.{p.key}": p.label for p in phases()})
    texts.update({f"rubric.{item.key}": item.label for item in rubric()})
    return texts


def text(key: str, lang: str, **params: object) -> str:
    """A user-interface text by dotted key, e.g. ``text("level.warning", "nl")``.

    Raises ``KeyError`` for an unknown key, so a missing string shows up in tests.
    """
    texts = _ui_texts()
    if key not in texts:
        raise KeyError(f"unknown text key {key!r}")
    value = texts[key].get(lang)
    return value.format(**params) if params else value


def text_keys() -> frozenset[str]:
    """All keys :func:`text` knows."""
    return frozenset(_ui_texts())


def message(key: str, lang: str, **params: object) -> str:
    """A feedback message of :mod:`workbook.checks`, e.g. ``message("question.verdict", "nl")``."""
    messages: dict[str, Text] = _load("checks")
    if key not in messages:
        raise KeyError(f"unknown check message {key!r}")
    return messages[key].get(lang).format(**params)


def message_keys() -> frozenset[str]:
    """All keys :func:`message` knows."""
    messages: dict[str, Text] = _load("checks")
    return frozenset(messages)


def referenced_points() -> frozenset[str]:
    """Every guidance point (``G1``-``G29``) the data files refer to."""
    found: set[str] = set()
    for group in purposes():
        found.update(group.points)
    for question in catalogue():
        found.update(question.points)
    for rule in avoid_rules():
        found.update(rule.points)
    for topic in ADVICE_TOPICS:
        entry = advice(topic)
        for tip in (*entry.tips, *entry.examples, *entry.checklist):
            found.update(tip.points)
    for item in rubric():
        found.update(item.points)
    for asked in (*reflection_questions(), *gut_questions()):
        found.update(asked.points)
    found.update(email_template().points)
    return frozenset(found)
