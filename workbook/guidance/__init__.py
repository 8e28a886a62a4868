"""The workbook's content as data: closing questions, advice, rubric and email template.

The texts live in TOML files beside this package, Dutch (``nl``) and English (``en``)
side by side, so a coach can read and edit them without touching code. Each topic's
module loads its file once (``functools.cache``), validates it on load and hands it
out as frozen dataclasses, with look-ups by key built once. A malformed file raises
:class:`GuidanceError` naming the file and the key, e.g.
``catalogue.toml: question[3] (next-step).text.en: missing or empty``.

Every bilingual text is a :class:`Text`; ``text.get(lang)`` picks a language and falls
back to Dutch for an unknown one, because Dutch is the workbook's first language. The
labels of the interface and the messages of the checks are not here but in
:mod:`workbook.texts` (``t("level.warning", lang)``), which also reaches the labels
that live with this data (``purpose.<key>``, ``phase.<key>``, ``rubric.<key>``).

Public API, by module
---------------------
``catalogue`` (``catalogue.toml``, G3-G13)
    ``purposes() -> tuple[Purpose, ...]``, ``purpose(key) -> Purpose``,
    ``catalogue(purpose=None) -> tuple[CatalogueQuestion, ...]``,
    ``catalogue_question(key) -> CatalogueQuestion``,
    ``catalogue_texts(lang) -> dict[str, str]`` (key -> question text, for pickers).
``avoid`` (``avoid.toml``, G4, G14, G15)
    ``avoid_rules() -> tuple[AvoidRule, ...]``, ``avoid_rule(key) -> AvoidRule``.
``advice`` (``advice.toml``, G1-G5, G9-G10, G16-G29)
    ``advice_topics() -> tuple[str, ...]`` (close, statement, goodbye, after, email),
    ``advice(topic) -> Advice`` with tips, examples (such as the polite openers of a
    closing statement) and a checklist.
``rubric`` (``rubric.toml``, ``reflection.toml``, G1-G29)
    ``phases() -> tuple[Phase, ...]``, ``rubric(phase=None) -> tuple[RubricItem, ...]``,
    ``rubric_item(key) -> RubricItem``, ``reflection_questions()`` and
    ``gut_questions() -> tuple[ReflectionQuestion, ...]``.
``email`` (``email.toml``, G26-G29)
    ``email_template() -> EmailTemplate`` and ``render_email(lang, *, interviewers,
    employer, role, substance="", attachments=(), linkedin_url="", sender="") ->
    RenderedEmail``.
``maintenance``
    ``referenced_points() -> frozenset[str]``: every G-point the data refers to;
    ``validate_file(path)``: validate a guidance file or a text table (e.g. a coach's
    edited copy).
``records``, ``parsing``
    The dataclasses; the TOML validation helpers and :class:`GuidanceError`.

``guidance.catalogue``, ``guidance.advice`` and ``guidance.rubric`` are the functions
(the public API since before the split), not the modules of the same name; import from
a module with ``from workbook.guidance.rubric import parse_rubric``.
"""

from __future__ import annotations

from workbook.guidance.advice import ADVICE_TOPICS, advice, advice_topics
from workbook.guidance.avoid import avoid_rule, avoid_rules
from workbook.guidance.catalogue import catalogue, catalogue_question, catalogue_texts, purpose, purposes
from workbook.guidance.email import email_template, render_email
from workbook.guidance.maintenance import referenced_points, validate_file
from workbook.guidance.parsing import GuidanceError
from workbook.guidance.records import (
    Advice,
    AvoidRule,
    CatalogueQuestion,
    EmailTemplate,
    Phase,
    Purpose,
    ReflectionQuestion,
    RenderedEmail,
    RubricItem,
    Text,
    Tip,
)
from workbook.guidance.rubric import gut_questions, phases, reflection_questions, rubric, rubric_item
from workbook.guidance.why import why

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
    "phases",
    "purpose",
    "purposes",
    "referenced_points",
    "reflection_questions",
    "render_email",
    "rubric",
    "rubric_item",
    "validate_file",
    "why",
]
