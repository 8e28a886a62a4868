"""Thanks and goodbye (G1, G19-G22): plan the thank-you and the goodbye phrase with
feedback, then tick the checklist after the interview."""

from __future__ import annotations

import ipywidgets as w

from workbook import guidance
from workbook.checks import check_farewell
from workbook.model import Farewell
from workbook.texts import t
from workbook.widgets._common import escape, message_html
from workbook.widgets._exercise import Exercise
from workbook.widgets.questions import feedback_html

__all__ = ["ThanksGoodbye"]


class ThanksGoodbye(Exercise):
    """The thanks-and-goodbye exercise for one interview."""

    step = "farewell"

    def build(self) -> None:
        lang = self.lang
        close = guidance.advice("close")
        goodbye = guidance.advice("goodbye")
        # G1 belongs here: the goodbye starts when they decide the interview ends.
        before = [tip for tip in close.tips if tip.key == "let-them-close"] + list(goodbye.tips)
        tips = "".join(message_html(f"{tip.text.get(lang)} ({', '.join(tip.points)})", "tip") for tip in before)
        examples = "".join(f"<li><i>{escape(e.text.get(lang))}</i></li>" for e in goodbye.examples)
        wide = w.Layout(width="calc(100% - 8px)")
        self.thanks = w.Textarea(layout=w.Layout(width="calc(100% - 8px)", height="4em"))
        self.phrase = w.Text(placeholder=t("farewell.phrase_placeholder", lang), layout=wide)
        self.phrase.add_class("wb-farewell-phrase")
        self.feedback = w.HTML()
        self.feedback.add_class("wb-farewell-feedback")
        self.phrase.observe(lambda _: self._show_feedback(), names="value")
        self.checks = {
            item.key: w.Checkbox(description=item.text.get(lang), indent=False, layout=wide)
            for item in goodbye.checklist
        }
        self._watch(self.thanks, self.phrase, *self.checks.values())
        self.children = [
            w.HTML(f"<h2>{t('farewell.heading', lang)}</h2>"),
            w.HTML(f"<h3>{t('farewell.before', lang)}</h3>{tips}"),
            w.HTML(f"<details><summary>{t('heading.examples', lang)}</summary><ul>{examples}</ul></details>"),
            w.HTML(f"<b>{t('farewell.thanks', lang)}</b>"),
            self.thanks,
            w.HTML(f"<b>{t('farewell.phrase', lang)}</b>"),
            self.phrase,
            self.feedback,
            w.HTML(f"<h3>{t('farewell.checklist', lang)}</h3>"),
            *self.checks.values(),
            self.status,
        ]

    def _show_feedback(self) -> None:
        phrase = self.phrase.value
        self.feedback.value = feedback_html(check_farewell(phrase, lang=self.lang), self.lang) if phrase.strip() else ""

    def load(self) -> None:
        stored = self.store.one(Farewell, self.interview.id)
        with self._quietly():
            self.thanks.value = stored.thanks if stored else ""
            self.phrase.value = stored.phrase if stored else ""
            for key, box in self.checks.items():
                box.value = bool(stored and key in stored.checked)
        self._snapshot()
        self._show_feedback()

    def records(self) -> dict[str, Farewell]:
        return {
            "farewell": Farewell(
                interview_id=self.interview.id,
                thanks=self.thanks.value,
                phrase=self.phrase.value,
                checked=tuple(key for key, box in self.checks.items() if box.value),
            )
        }
