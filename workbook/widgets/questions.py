"""Closing questions (G3-G15): browse the catalogue, plan a few questions, get live
feedback per question and on the whole plan, print a cue card."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as w

from workbook import guidance
from workbook.checks import Feedback, check_plan, check_question
from workbook.model import (
    ClosingStatement,
    Farewell,
    Interview,
    PlannedQuestion,
    ValidationError,
    WorkshopQuestion,
)
from workbook.texts import format_date, t
from workbook.widgets._autosave import Debouncer
from workbook.widgets._common import (
    close_tree,
    download_link,
    escape,
    message_html,
    replace_children,
    safe_filename,
)
from workbook.widgets._exercise import Exercise

__all__ = ["ClosingQuestions", "QuestionRow", "cue_card_html", "feedback_html"]


def feedback_html(feedback: Sequence[Feedback], lang: str, *, points: bool = False) -> str:
    """Feedback lines, each with a "waarom?" that opens the advice behind it in words.

    The guidance point itself (``G15``) is jargon to a candidate; ``points`` shows it
    too, for coaches, who look the points up in the guidance.
    """
    lines = []
    for item in feedback:
        text = escape(item.message) + (f" ({escape(item.point)})" if points and item.point else "")
        reason = guidance.why(item.point, lang) if item.point else ""
        if reason:
            summary = escape(t("feedback.why", lang))
            text += f'<details class="wb-why"><summary>{summary}</summary>{escape(reason)}</details>'
        lines.append(message_html(text, item.level, trusted_html=True))
    return "".join(lines)


def _statement_html(statement: ClosingStatement | None, lang: str) -> str:
    """The closing statement as it will be said; the appeal and the steps when it is not composed yet."""
    if statement is None:
        return ""
    if statement.text:
        body = f'<p class="said">{escape(statement.text)}</p>'
    elif statement.appeal or statement.plan_steps:
        appeal = f"<p>{escape(statement.appeal)}</p>" if statement.appeal else ""
        steps = "".join(f"<li>{escape(step)}</li>" for step in statement.plan_steps)
        body = appeal + (f"<ol>{steps}</ol>" if steps else "")
    else:
        return ""
    return f'<section class="statement"><h2>{escape(t("statement.heading", lang))}</h2>{body}</section>'


def _farewell_html(farewell: Farewell | None, lang: str) -> str:
    """How the candidate thanks the interviewers and says goodbye."""
    if farewell is None or not (farewell.thanks or farewell.phrase):
        return ""
    parts = "".join(
        f'<p class="said"><b>{escape(t(key, lang))}:</b> {escape(text)}</p>'
        for key, text in (("farewell.thanks", farewell.thanks), ("farewell.phrase", farewell.phrase))
        if text
    )
    return f'<section class="farewell"><h2>{escape(t("farewell.heading", lang))}</h2>{parts}</section>'


def cue_card_html(
    questions: Sequence[str],
    interview: Interview,
    lang: str,
    *,
    statement: ClosingStatement | None = None,
    farewell: Farewell | None = None,
) -> str:
    """A printable one-page HTML document with the planned questions, then the closing
    statement and the goodbye of the same interview when the candidate wrote them."""
    title = t("questions.cue_card_title", lang)
    heading = f"{interview.employer} · {interview.role} · {format_date(interview.date, lang)}"
    items = "".join(f"<li>{escape(q)}</li>" for q in questions)
    closing = _statement_html(statement, lang) + _farewell_html(farewell, lang)
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        "<style>body{font:16pt/1.5 system-ui,sans-serif;margin:2cm;color:#111;background:#fff}"
        "h1{font-size:20pt;margin:0}p{color:#555;margin:.2em 0 1em}li{margin:.6em 0}"
        "h2{font-size:17pt;margin:1em 0 .2em}p.said{color:#111;white-space:pre-wrap}"
        "section{break-inside:avoid}"
        "@media print{body{margin:1cm}}</style></head>"
        f"<body><h1>{escape(title)}</h1><p>{escape(heading)}</p><ol>{items}</ol>{closing}</body></html>"
    )


class QuestionRow(w.VBox):
    """One planned question: editable text, live feedback, move and remove."""

    def __init__(
        self,
        question: PlannedQuestion,
        lang: str,
        round: str,
        *,
        save: Callable[[PlannedQuestion], PlannedQuestion],
        move: Callable[[QuestionRow, int], None],
        remove: Callable[[QuestionRow], None],
        autosave_delay: float,
    ) -> None:
        super().__init__()
        self.question = question
        self.lang, self.round = lang, round
        self._save = save
        self.number = w.HTML(layout=w.Layout(width="2em"))
        self.text = w.Text(value=question.text, layout=w.Layout(flex="1 1 auto"))
        self.text.add_class("wb-question-text")
        self.up_button = w.Button(icon="arrow-up", tooltip=t("questions.up", lang), layout=w.Layout(width="40px"))
        self.down_button = w.Button(icon="arrow-down", tooltip=t("questions.down", lang), layout=w.Layout(width="40px"))
        self.remove_button = w.Button(icon="trash", tooltip=t("questions.remove", lang), layout=w.Layout(width="40px"))
        self.up_button.on_click(lambda _: move(self, -1))
        self.down_button.on_click(lambda _: move(self, +1))
        self.remove_button.on_click(lambda _: remove(self))
        self.feedback = w.HTML()
        self.feedback.add_class("wb-question-feedback")
        self._autosave = Debouncer(self.save, autosave_delay)
        self._resetting = False
        self.text.observe(self._on_text_change, names="value")
        self.children = [
            w.HBox([self.number, self.text, self.up_button, self.down_button, self.remove_button]),
            self.feedback,
        ]
        self.add_class("wb-question")
        self.show_feedback()

    def reset(self, question: PlannedQuestion) -> None:
        """Show another question in this row (rows are reused: see ClosingQuestions)."""
        self._autosave.cancel()
        self.question = question
        self._resetting = True
        try:
            self.text.value = question.text
        finally:
            self._resetting = False
        self.show_feedback()

    def _on_text_change(self, _change: dict[str, Any]) -> None:
        if self._resetting:
            return
        self.show_feedback()
        self._autosave.poke()

    def show_feedback(self) -> None:
        self.feedback.value = feedback_html(
            check_question(self.text.value, lang=self.lang, round=self.round), self.lang
        )

    def save(self) -> None:
        try:
            changed = PlannedQuestion(
                id=self.question.id,
                interview_id=self.question.interview_id,
                text=self.text.value,
                position=self.question.position,
                # Once rewritten, a catalogue question is the candidate's own.
                source=self.question.source if self.text.value == self.question.text else "own",
                catalogue_key=self.question.catalogue_key,
            )
        except ValidationError as error:
            self.feedback.value = message_html(error.message(self.lang), "warning")
            return
        self.question = self._save(changed)


class ClosingQuestions(Exercise):
    """The closing-questions exercise for one interview."""

    step = "questions"

    def build(self) -> None:
        interview, lang, autosave_delay = self.interview, self.lang, self._autosave.delay
        self._delay = autosave_delay
        self._own_questions: list[WorkshopQuestion] | None = None
        self._catalogue_buttons: list[tuple[w.Button, str, str]] = []
        self._spare_rows: list[QuestionRow] = []
        round_label = t(f"round.{interview.round}", lang)
        # -- catalogue
        self.purpose = w.Dropdown(
            options=[(t(f"purpose.{p.key}", lang), p.key) for p in guidance.purposes()],
            description=t("questions.purpose", lang),
            layout=w.Layout(width="36em"),
        )
        self.purpose.observe(lambda _: self._show_catalogue(), names="value")
        self.purpose_help = w.HTML()
        self.catalogue_list = w.VBox()
        self.catalogue_list.add_class("wb-catalogue")
        # -- own question
        self.own = w.Textarea(
            placeholder=t("questions.own_placeholder", lang), layout=w.Layout(width="calc(100% - 8px)", height="4em")
        )
        self.own.add_class("wb-own-question")
        self.own_feedback = w.HTML()
        self.own.observe(self._on_own_change, names="value")
        self.add_own_button = w.Button(description=t("questions.add_own", lang), icon="plus", button_style="primary")
        self.add_own_button.on_click(lambda _: self.add_own())
        # -- plan
        self.rows = w.VBox()
        self.plan_feedback = w.HTML()
        self.plan_feedback.add_class("wb-plan-feedback")
        self.cue_card = w.HTML()
        avoid = w.Accordion(children=[w.HTML(self._avoid_html())])
        avoid.set_title(0, t("heading.avoid", lang))
        avoid.selected_index = None
        self.children = [
            w.HTML(f"<h2>{t('questions.heading', lang)}</h2>"),
            w.HTML(message_html(t("questions.intro", lang), "tip")),
            w.HTML(message_html(t("questions.round_note", lang, round=round_label.lower()), "tip")),
            w.HTML(f"<h3>{t('questions.catalogue_heading', lang)}</h3>"),
            self.purpose,
            self.purpose_help,
            self.catalogue_list,
            avoid,
            w.HTML(f"<h3>{t('questions.own_heading', lang)}</h3>"),
            self.own,
            self.own_feedback,
            self.add_own_button,
            w.HTML(f"<h3>{t('questions.plan_heading', lang)}</h3>"),
            self.rows,
            self.plan_feedback,
            self.cue_card,
            self.status,
        ]
        self._show_catalogue()

    # -- catalogue ----------------------------------------------------------

    def _avoid_html(self) -> str:
        lang = self.lang
        parts = []
        for rule in guidance.avoid_rules():
            parts.append(
                f"<p><b>{escape(rule.title.get(lang))}</b><br>"
                f"<i>{t('heading.reason', lang)}:</i> {escape(rule.reason.get(lang))}<br>"
                f"<i>{t('heading.instead', lang)}:</i> {escape(rule.instead.get(lang))}</p>"
            )
        return "".join(parts)

    def _show_catalogue(self) -> None:
        """Draw the questions of the chosen purpose (once per purpose)."""
        lang = self.lang
        group = guidance.purpose(self.purpose.value)
        help_html = message_html(group.description.get(lang), "tip")
        if group.caution:
            help_html += message_html(f"{t('heading.caution', lang)}: {group.caution.get(lang)}", "warning")
        self.purpose_help.value = help_html
        items = []
        self._catalogue_buttons = []
        for question in guidance.catalogue(group.key):
            button = self._catalogue_button(question.key, question.text.get(lang))
            button.on_click(lambda _, key=question.key: self.add_from_catalogue(key))
            text = w.HTML(
                f"<b>{escape(question.text.get(lang))}</b><br><small>{t('heading.when', lang)}: "
                f"{escape(question.when.get(lang))} ({', '.join(question.points)})</small>",
                layout=w.Layout(flex="1 1 auto"),
            )
            items.append(w.HBox([text, button], layout=w.Layout(align_items="center")))
        for own in self._workshop_questions(group.key):
            button = self._catalogue_button("", own.text)
            button.on_click(lambda _, text=own.text: self._add(text, source="own", key=""))
            feedback = feedback_html(
                [f for f in check_question(own.text, lang=lang, round=self.interview.round) if f.level != "ok"], lang
            )
            when = f"<br><small>{t('heading.when', lang)}: {escape(own.when_to_use)}</small>" if own.when_to_use else ""
            text = w.HTML(
                f"<b>{escape(own.text)}</b> <small>({t('questions.from_coach', lang)})</small>{when}{feedback}",
                layout=w.Layout(flex="1 1 auto"),
            )
            items.append(w.HBox([text, button], layout=w.Layout(align_items="center")))
        replace_children(self.catalogue_list, items)
        self._mark_catalogue()

    def _catalogue_button(self, key: str, text: str) -> w.Button:
        button = w.Button(layout=w.Layout(width="12em", flex="0 0 auto"))
        self._catalogue_buttons.append((button, key, text))
        return button

    def _mark_catalogue(self) -> None:
        """Show which catalogue questions are in the plan, changing only the buttons."""
        keys = {row.question.catalogue_key for row in self._rows()} - {""}
        texts = {row.text.value for row in self._rows()}
        for button, key, text in self._catalogue_buttons:
            planned = key in keys if key else text in texts
            description = t("questions.in_plan" if planned else "questions.add", self.lang)
            if button.description != description:
                button.description = description
                button.icon = "check" if planned else "plus"
                button.disabled = planned

    def _workshop_questions(self, purpose: str) -> list[WorkshopQuestion]:
        """The coach's own questions for this purpose, in the page's language."""
        if self.store.candidate_id is None:
            return []
        if self._own_questions is None:
            self._own_questions = self.store.workshop_questions()
        return [q for q in self._own_questions if q.purpose == purpose and q.language == self.lang]

    # -- own question -------------------------------------------------------

    def _on_own_change(self, _change: dict[str, Any]) -> None:
        text = self.own.value
        self.own_feedback.value = (
            feedback_html(check_question(text, lang=self.lang, round=self.interview.round), self.lang)
            if text.strip()
            else ""
        )

    def add_own(self) -> PlannedQuestion | None:
        """Add the typed question to the plan."""
        added = self._add(self.own.value, source="own", key="")
        if added is not None:
            self.own.value = ""
        return added

    def add_from_catalogue(self, key: str) -> PlannedQuestion | None:
        """Add catalogue question ``key`` (in the current language) to the plan."""
        question = guidance.catalogue_question(key)
        return self._add(question.text.get(self.lang), source="catalogue", key=key)

    def _add(self, text: str, *, source: str, key: str) -> PlannedQuestion | None:
        try:
            question = PlannedQuestion(
                interview_id=self.interview.id,
                text=text,
                position=len(self.rows.children),
                source=source,  # type: ignore[arg-type]
                catalogue_key=key,
            )
        except ValidationError as error:
            self.own_feedback.value = message_html(error.message(self.lang), "warning")
            return None
        # Show it first, then store it: the record is valid (checked above) and has
        # its id already, and the save status below says when it is stored.
        row = self._row(question)
        self.rows.children = [*self.rows.children, row]
        stored = self.store.save(question)
        row.question = stored
        self.status.saved()
        self._after_plan_change()
        return stored

    # -- plan ---------------------------------------------------------------

    def close(self) -> None:
        # Rows waiting for reuse are in no box: close them with the exercise.
        for row in self._spare_rows:
            close_tree(row)
        self._spare_rows = []
        super().close()

    def _rows(self) -> list[QuestionRow]:
        return [row for row in self.rows.children if isinstance(row, QuestionRow)]

    def _row(self, question: PlannedQuestion) -> QuestionRow:
        # A removed row waits to be reused: making a row means some twenty widget
        # models for the browser to create, the bulk of an "add" click's time.
        if self._spare_rows:
            row = self._spare_rows.pop()
            row.reset(question)
            return row
        return QuestionRow(
            question,
            self.lang,
            self.interview.round,
            save=self._store,
            move=self.move,
            remove=self.remove,
            autosave_delay=self._delay,
        )

    def _store(self, question: PlannedQuestion) -> PlannedQuestion:
        stored = self.store.save(question)
        self.status.saved()
        self._show_plan_feedback()
        return stored

    def move(self, row: QuestionRow, step: int) -> None:
        """Move a question up (-1) or down (+1) in the plan."""
        rows = self._rows()
        index = rows.index(row)
        target = index + step
        if not 0 <= target < len(rows):
            return
        rows[index], rows[target] = rows[target], rows[index]
        self.rows.children = rows
        self.store.reorder_questions(self.interview.id, [r.question.id for r in rows])
        self.status.saved()
        self._after_plan_change()

    def remove(self, row: QuestionRow) -> None:
        row._autosave.cancel()
        self.store.delete(PlannedQuestion, row.question.id)
        rows = [r for r in self._rows() if r is not row]
        self.rows.children = rows
        self._spare_rows.append(row)
        self.store.reorder_questions(self.interview.id, [r.question.id for r in rows])
        self.status.saved()
        self._after_plan_change()

    def _after_plan_change(self) -> None:
        rows = self._rows()
        for position, row in enumerate(rows):
            row.number.value = f"<b>{position + 1}.</b>"
            row.question = dataclasses.replace(row.question, position=position)
            row.up_button.disabled = position == 0
            row.down_button.disabled = position == len(rows) - 1
        self._show_plan_feedback()
        self._mark_catalogue()

    def _show_plan_feedback(self) -> None:
        texts = [row.text.value for row in self._rows()]
        lang = self.lang
        if not texts:
            self.plan_feedback.value = message_html(t("questions.plan_empty", lang), "tip") + feedback_html(
                check_plan([], round=self.interview.round, lang=lang), lang
            )
            self.cue_card.value = ""
            return
        self.plan_feedback.value = f"<b>{t('heading.feedback', lang)}</b>" + feedback_html(
            check_plan(texts, round=self.interview.round, lang=lang), lang
        )
        filename = f"{t('questions.cue_card_file', lang)}-{safe_filename(self.interview.employer)}.html"
        self.cue_card.value = download_link(
            filename,
            cue_card_html(
                texts,
                self.interview,
                lang,
                statement=self.store.one(ClosingStatement, self.interview.id),
                farewell=self.store.one(Farewell, self.interview.id),
            ).encode("utf-8"),
            "text/html",
            t("questions.cue_card_download", lang),
        )

    def planned(self) -> list[str]:
        """The texts of the plan, in order."""
        return [row.text.value for row in self._rows()]

    # -- exercise -----------------------------------------------------------

    def load(self) -> None:
        self.rows.children = [self._row(q) for q in self.store.records(PlannedQuestion, self.interview.id)]
        self._after_plan_change()

    def save(self) -> None:
        for row in self._rows():
            row._autosave.flush()

    def flush(self) -> None:
        self.save()
