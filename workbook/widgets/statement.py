"""Closing statement (G16-G18): what appeals, the plan of approach in steps, composed
into a statement the candidate edits, with live feedback and the speaking time."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as w

from workbook import guidance
from workbook.checks import check_statement
from workbook.model import ClosingStatement
from workbook.texts import t
from workbook.widgets._common import escape, message_html
from workbook.widgets._exercise import Exercise
from workbook.widgets.questions import feedback_html

__all__ = ["ClosingStatementExercise", "compose_statement"]

_MIN_STEPS = 3


def compose_statement(opener: str, appeal: str, steps: Sequence[str], lang: str) -> str:
    """Opener, appeal and the steps joined with first/then/finally words."""
    words = t("statement.step_words", lang).split("|")
    steps = [s.strip().rstrip(".") for s in steps if s.strip()]
    sentences = []
    for index, step in enumerate(steps):
        # The last of several steps gets "finally"; the others first, then, next, next...
        last = index == len(steps) - 1 and len(steps) > 1
        word = words[-1] if last else words[min(index, len(words) - 2)]
        sentences.append(f"{word} {step[0].lower()}{step[1:]}.")
    parts = [opener.strip(), appeal.strip(), " ".join(sentences)]
    return " ".join(part for part in parts if part)


class ClosingStatementExercise(Exercise):
    """Guided fields, the composed statement and its feedback."""

    step = "statement"

    def build(self) -> None:
        lang = self.lang
        advice = guidance.advice("statement")
        openers = [e for e in advice.examples if e.key.startswith("opener")]
        examples = [e for e in advice.examples if not e.key.startswith("opener")]
        tips = "".join(message_html(f"{tip.text.get(lang)} ({', '.join(tip.points)})", "tip") for tip in advice.tips)
        self.opener = w.Dropdown(
            options=[(e.text.get(lang), e.text.get(lang)) for e in openers],
            description=t("statement.opener", lang),
            style={"description_width": "10em"},
            layout=w.Layout(width="calc(100% - 8px)"),
        )
        self.appeal = w.Textarea(
            placeholder=t("statement.appeal_placeholder", lang),
            layout=w.Layout(width="calc(100% - 8px)", height="5em"),
        )
        self.steps = w.VBox()
        self.add_step_button = w.Button(description=t("statement.add_step", lang), icon="plus")
        self.add_step_button.on_click(lambda _: self.add_step())
        self.compose_button = w.Button(description=t("statement.compose", lang), icon="magic", button_style="info")
        self.compose_button.on_click(lambda _: self.compose())
        self.text = w.Textarea(layout=w.Layout(width="calc(100% - 8px)", height="9em"))
        self.text.add_class("wb-statement-text")
        self.feedback = w.HTML()
        self.feedback.add_class("wb-statement-feedback")
        self.text.observe(lambda _: self._show_feedback(), names="value")
        self._watch(self.appeal, self.text)
        example_html = "".join(f"<li><i>{escape(e.text.get(lang))}</i></li>" for e in examples)
        self.children = [
            w.HTML(f"<h2>{t('statement.heading', lang)}</h2>"),
            w.HTML(tips),
            w.HTML(f"<details><summary>{t('heading.examples', lang)}</summary><ul>{example_html}</ul></details>"),
            self.opener,
            w.HTML(f"<b>{t('statement.appeal', lang)}</b>"),
            self.appeal,
            w.HTML(f"<b>{t('statement.steps', lang)}</b>"),
            self.steps,
            w.HBox([self.add_step_button, self.compose_button]),
            w.HTML(f"<b>{t('statement.text', lang)}</b>"),
            self.text,
            self.feedback,
            self.status,
        ]

    def add_step(self, value: str = "") -> w.Text:
        field = w.Text(
            value=value,
            description=t("statement.step", self.lang, number=len(self.steps.children) + 1),
            layout=w.Layout(width="calc(100% - 8px)"),
        )
        self._watch(field)
        self.steps.children = [*self.steps.children, field]
        return field

    def plan_steps(self) -> list[str]:
        return [field.value for field in self.steps.children]  # type: ignore[attr-defined]

    def compose(self) -> str:
        """Build the statement from the guided fields (replacing the edited text)."""
        self.text.value = compose_statement(self.opener.value or "", self.appeal.value, self.plan_steps(), self.lang)
        self.feedback.value = message_html(t("statement.compose_confirm", self.lang), "ok") + self.feedback.value
        return str(self.text.value)

    def _show_feedback(self) -> None:
        text = self.text.value
        self.feedback.value = feedback_html(check_statement(text, lang=self.lang), self.lang) if text.strip() else ""

    def load(self) -> None:
        stored = self.store.one(ClosingStatement, self.interview.id)
        with self._quietly():
            self.steps.children = []
            steps = list(stored.plan_steps) if stored else []
            for step in steps + [""] * max(0, _MIN_STEPS - len(steps)):
                self.add_step(step)
            self.appeal.value = stored.appeal if stored else ""
            self.text.value = stored.text if stored else ""
        self._snapshot()
        self._show_feedback()

    def records(self) -> dict[str, ClosingStatement]:
        return {
            "statement": ClosingStatement(
                interview_id=self.interview.id,
                appeal=self.appeal.value,
                plan_steps=tuple(self.plan_steps()),
                text=self.text.value,
            )
        }
