"""Everything a candidate wrote for one interview, as the coach reads it.

One read of the records of that interview (:func:`read_work`), then HTML in the
coach's language (:func:`work_html`). Every text the candidate typed is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workbook import guidance
from workbook.checks import check_question
from workbook.model import (
    ClosingStatement,
    Farewell,
    Interview,
    Note,
    PlannedQuestion,
    Promise,
    Reflection,
    Summary,
    ThankYouEmail,
)
from workbook.store import Store
from workbook.texts import format_date, t
from workbook.widgets._common import escape, message_html
from workbook.widgets.coach._tables import rows_html
from workbook.widgets.questions import feedback_html

__all__ = ["InterviewWork", "read_work", "work_html"]


@dataclass(frozen=True)
class InterviewWork:
    """The records of one interview, read in one go."""

    interview: Interview
    questions: tuple[PlannedQuestion, ...]
    statement: ClosingStatement | None
    farewell: Farewell | None
    notes: tuple[Note, ...]
    summary: Summary | None
    own: Reflection | None
    coach: Reflection | None
    email: ThankYouEmail | None
    promises: tuple[Promise, ...]


def read_work(store: Store, interview_id: str) -> InterviewWork:
    """The candidate's work on ``interview_id``, through the coach's scoped store."""
    return InterviewWork(
        interview=store.interview(interview_id),
        questions=tuple(store.records(PlannedQuestion, interview_id)),
        statement=store.one(ClosingStatement, interview_id),
        farewell=store.one(Farewell, interview_id),
        notes=tuple(store.records(Note, interview_id)),
        summary=store.one(Summary, interview_id),
        own=store.one(Reflection, interview_id, scorer="self"),
        coach=store.one(Reflection, interview_id, scorer="coach"),
        email=store.one(ThankYouEmail, interview_id),
        promises=tuple(store.records(Promise, interview_id)),
    )


def work_html(work: InterviewWork, lang: str) -> str:
    """The sections of the review's left column, in the order the candidate works."""
    return "".join(
        _section(t(title, lang), body, lang)
        for title, body in (
            ("review.interview", _interview(work.interview, lang)),
            ("step.questions", _questions(work, lang)),
            ("step.statement", _statement(work.statement, lang)),
            ("step.farewell", _farewell(work.farewell, lang)),
            ("step.notes", _notes(work, lang)),
            ("step.reflection", _reflection(work.own, lang)),
            ("step.email", _email(work.email, lang)),
            ("step.promises", _promises(work.promises, lang)),
        )
    )


def _section(title: str, body: str, lang: str) -> str:
    inner = body or f"<p class='wb-review-empty'>{escape(t('review.nothing', lang))}</p>"
    return f'<section class="wb-review-section"><h3>{escape(title)}</h3>{inner}</section>'


def _text(text: str) -> str:
    return f'<div class="wb-review-text">{escape(text)}</div>' if text.strip() else ""


def _fields(pairs: Sequence[tuple[str, str]]) -> str:
    """Labelled texts; a field left empty is left out."""
    return "".join(f"<b>{escape(label)}</b>{_text(value)}" for label, value in pairs if value.strip())


def _interview(interview: Interview, lang: str) -> str:
    parts = [
        interview.employer,
        interview.role,
        t(f"round.{interview.round}", lang),
        format_date(interview.date, lang, long=True),
        t(f"outcomes.{interview.outcome}", lang),
    ]
    people = ", ".join(f"{p.name} ({p.role})" if p.role else p.name for p in interview.interviewers)
    line = f"<p>{escape(' · '.join(parts))}</p>"
    return line + (f"<p>{escape(t('review.interviewers', lang, names=people))}</p>" if people else "")


def _questions(work: InterviewWork, lang: str) -> str:
    items = []
    for question in work.questions:
        asked = f' <b class="wb-flag">{escape(t("review.asked", lang))}</b>' if question.asked else ""
        found = check_question(question.text, lang=lang, round=work.interview.round)
        items.append(f"<li>{escape(question.text)}{asked}{feedback_html(found, lang, points=True)}</li>")
    return f'<ol class="wb-review-questions">{"".join(items)}</ol>' if items else ""


def _statement(statement: ClosingStatement | None, lang: str) -> str:
    if statement is None:
        return ""
    steps = "".join(f"<li>{escape(step)}</li>" for step in statement.plan_steps if step.strip())
    return (
        _fields([(t("review.appeal", lang), statement.appeal)])
        + (f"<b>{escape(t('review.plan_steps', lang))}</b><ol>{steps}</ol>" if steps else "")
        + _fields([(t("review.statement_text", lang), statement.text)])
    )


def _farewell(farewell: Farewell | None, lang: str) -> str:
    if farewell is None:
        return ""
    checklist = {tip.key: tip.text.get(lang) for tip in guidance.advice("goodbye").checklist}
    ticked = "".join(f"<li>✓ {escape(checklist.get(key, key))}</li>" for key in farewell.checked if key in checklist)
    return _fields([(t("review.thanks", lang), farewell.thanks), (t("review.phrase", lang), farewell.phrase)]) + (
        f"<b>{escape(t('review.ticked', lang))}</b><ul>{ticked}</ul>" if ticked else ""
    )


def _notes(work: InterviewWork, lang: str) -> str:
    pairs = [(t(f"review.notes_{note.kind}", lang), note.text) for note in work.notes]
    summary = work.summary
    if summary is not None:
        pairs += [
            (t("review.key_points", lang), summary.key_points),
            (t("review.their_questions", lang), summary.their_questions),
            (t("review.promised", lang), summary.promised),
            (t("review.interviewer_names", lang), summary.interviewer_names),
        ]
    return _fields(pairs)


def _reflection(own: Reflection | None, lang: str) -> str:
    if own is None:
        return ""
    answers = _fields([(q.text.get(lang), own.answers.get(q.key, "")) for q in guidance.reflection_questions()])
    gut = {"gut_continue": own.gut_continue, "gut_dream_job": own.gut_dream_job}
    feelings = "".join(
        f"<li>{escape(q.text.get(lang))}: <b>{escape(t(f'gut.{gut[q.key]}', lang))}</b></li>"
        for q in guidance.gut_questions()
        if gut.get(q.key)
    )
    return answers + (f"<b>{escape(t('review.gut', lang))}</b><ul>{feelings}</ul>" if feelings else "")


def _email(email: ThankYouEmail | None, lang: str) -> str:
    if email is None:
        return ""
    if email.sent_on is not None:
        sent = message_html(t("review.email_sent", lang, date=format_date(email.sent_on, lang, long=True)), "ok")
    elif email.send_on is not None:
        sent = message_html(t("review.email_planned", lang, date=format_date(email.send_on, lang, long=True)), "tip")
    else:
        sent = message_html(t("review.email_not_sent", lang), "tip")
    return sent + _fields(
        [
            (t("review.recipients", lang), ", ".join(email.recipients)),
            (t("review.subject", lang), email.subject),
            (t("review.body", lang), email.body),
        ]
    )


def _promises(promises: Sequence[Promise], lang: str) -> str:
    if not promises:
        return ""
    head = [t(f"review.promise_{c}", lang) for c in ("what", "to_whom", "due_on", "status")]
    rows = []
    for promise in promises:
        status = t(f"promise_status.{promise.status}", lang)
        if promise.sent_on is not None:
            status += f" ({format_date(promise.sent_on, lang)})"
        due = format_date(promise.due_on, lang) if promise.due_on else "–"
        rows.append((promise.what, promise.to_whom, due, status))
    return rows_html(head, rows)
