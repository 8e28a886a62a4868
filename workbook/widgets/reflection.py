"""Reflection (G24-G25, and the rubric over G1-G29): score each closing behaviour
against its behavioural anchors, answer the reflection questions, listen to your gut.
Shows the totals per phase and the change since the previous interview."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from workbook import guidance
from workbook.model import GUT_ANSWERS, Interview, Reflection, WorkshopRubricItem
from workbook.scoring import change, summarise
from workbook.store import Store
from workbook.texts import format_number, t
from workbook.widgets._common import escape, message_html
from workbook.widgets._exercise import Exercise

__all__ = ["ReflectionExercise", "previous_interview"]

_NOT_SCORED = 0


def as_rubric_item(item: WorkshopRubricItem) -> guidance.RubricItem:
    """A coach's own rubric item as the rubric shows it (in the coach's words, in any language)."""
    return guidance.RubricItem(
        key=item.key,
        phase=item.phase,
        label=guidance.Text(nl=item.label, en=item.label),
        anchors=tuple(guidance.Text(nl=a, en=a) for a in item.anchors),  # type: ignore[arg-type]
        points=(),
    )


def workshop_rubric(store: Store) -> list[guidance.RubricItem]:
    """The coaches' own rubric items for this candidate, as rubric items."""
    if store.candidate_id is None:
        return []
    return [as_rubric_item(item) for item in store.workshop_rubric_items()]


def previous_interview(interviews: list[Interview], current: Interview) -> Interview | None:
    """The candidate's interview just before ``current`` (by date, then by last change)."""
    earlier = [
        i for i in interviews if i.id != current.id and (i.date, i.updated_at) < (current.date, current.updated_at)
    ]
    return max(earlier, key=lambda i: (i.date, i.updated_at), default=None)


class ItemScore(w.VBox):
    """One rubric item: 1-5 buttons, the anchor of the chosen score, all anchors."""

    def __init__(self, item: guidance.RubricItem, lang: str) -> None:
        super().__init__()
        self.item = item
        self.lang = lang
        points = f" <small>({', '.join(item.points)})</small>" if item.points else ""
        self.score = w.ToggleButtons(
            options=[(t("reflection.not_scored", lang), _NOT_SCORED)] + [(str(n), n) for n in range(1, 6)],
            value=_NOT_SCORED,
            tooltips=[t("score.none", lang)] + [item.anchors[n - 1].get(lang) for n in range(1, 6)],
            style={"button_width": "3em"},
        )
        self.score.add_class("wb-score")
        self.anchor = w.HTML()
        self.anchor.add_class("wb-anchor")
        self.context = w.HTML()
        anchors = "".join(f"<li><b>{n}</b>: {escape(item.anchors[n - 1].get(lang))}</li>" for n in range(1, 6))
        self.score.observe(lambda _: self._show_anchor(), names="value")
        self.children = [
            w.HTML(f"<b>{escape(item.label.get(lang))}</b>{points}"),
            w.HBox([self.score, self.context], layout=w.Layout(align_items="center")),
            self.anchor,
            w.HTML(
                f"<details><summary>{t('reflection.anchors', lang)}</summary>"
                f"<ol class='wb-anchors'>{anchors}</ol></details>"
            ),
        ]
        self.add_class("wb-rubric-item")

    def _show_anchor(self) -> None:
        value = self.score.value
        self.anchor.value = (
            ""
            if value == _NOT_SCORED
            else message_html(f"{value}: {self.item.anchors[value - 1].get(self.lang)}", "tip")
        )


class ReflectionExercise(Exercise):
    """The candidate's own scored reflection on one interview."""

    step = "reflection"

    def build(self) -> None:
        store, lang = self.store, self.lang
        own = workshop_rubric(store)
        self._extra = {item.key: item.phase for item in own}
        self.items = {item.key: ItemScore(item, lang) for item in (*guidance.rubric(), *own)}
        self.answers = {
            q.key: w.Textarea(layout=w.Layout(width="calc(100% - 8px)", height="5em"))
            for q in guidance.reflection_questions()
        }
        self.gut = {
            q.key: w.ToggleButtons(
                options=[(t("reflection.not_scored", lang), "")] + [(t(f"gut.{a}", lang), a) for a in GUT_ANSWERS],
                value="",
            )
            for q in guidance.gut_questions()
        }
        self.summary = w.HTML()
        self.summary.add_class("wb-score-summary")
        self._watch(*(i.score for i in self.items.values()), *self.answers.values(), *self.gut.values())
        for item in self.items.values():
            item.score.observe(self._on_score_change, names="value")
        sections: list[w.Widget] = [
            w.HTML(f"<h2>{t('reflection.heading', lang)}</h2>"),
            w.HTML(message_html(t("reflection.intro", lang), "tip")),
            # The totals on top: the rubric is long, and this is what changes as you score.
            self.summary,
        ]
        for phase in guidance.phases():
            sections.append(w.HTML(f"<h3>{escape(phase.label.get(lang))}</h3>"))
            sections.extend(item for item in self.items.values() if item.item.phase == phase.key)
        sections.append(w.HTML(f"<h3>{t('heading.reflection', lang)}</h3>"))
        for question in guidance.reflection_questions():
            sections.append(
                w.HTML(f"<b>{escape(question.text.get(lang))}</b> <small>({', '.join(question.points)})</small>")
            )
            sections.append(self.answers[question.key])
        sections.append(w.HTML(f"<h3>{t('heading.gut', lang)}</h3>"))
        for question in guidance.gut_questions():
            sections.append(w.HTML(f"<b>{escape(question.text.get(lang))}</b>"))
            sections.append(self.gut[question.key])
        sections += [self.status]
        self.children = sections
        self._previous: dict[str, int] = {}
        self._previous_employer = ""
        self._coach: dict[str, int] = {}

    def scores(self) -> dict[str, int]:
        return {key: item.score.value for key, item in self.items.items() if item.score.value != _NOT_SCORED}

    def reflection(self) -> Reflection:
        return Reflection(
            interview_id=self.interview.id,
            scorer="self",
            scores=self.scores(),
            answers={key: box.value for key, box in self.answers.items()},
            gut_continue=self.gut["gut_continue"].value or None,  # type: ignore[arg-type]
            gut_dream_job=self.gut["gut_dream_job"].value or None,  # type: ignore[arg-type]
        )

    def _on_score_change(self, _change: dict[str, Any]) -> None:
        self._show_summary()

    def _show_summary(self) -> None:
        lang = self.lang
        result = summarise(self.scores(), self._extra)
        if result.scored == 0:
            self.summary.value = message_html(t("reflection.nothing_scored", lang), "tip")
        else:
            lines = [
                t(
                    "reflection.summary",
                    lang,
                    total=result.total,
                    scored=result.scored,
                    items=result.items,
                    mean=format_number(result.mean, lang),
                )
            ]
            lines += [
                t(
                    "reflection.phase_mean",
                    lang,
                    phase=t(f"phase.{p.phase}", lang),
                    mean=format_number(p.mean, lang),
                )
                for p in result.phases
            ]
            self.summary.value = message_html("<br>".join(escape(line) for line in lines), "ok", trusted_html=True)
        deltas = change(self._previous, self.scores()) if self._previous else {}
        for key, item in self.items.items():
            notes = []
            delta = deltas.get(key)
            if delta is not None:
                shown = f"+{delta}" if delta > 0 else str(delta)
                notes.append(t("reflection.since_last", lang, change=shown, employer=self._previous_employer))
            if key in self._coach:
                notes.append(t("reflection.coach_score", lang, score=self._coach[key]))
            item.context.value = f"<small>{escape(' · '.join(notes))}</small>" if notes else ""

    def load(self) -> None:
        stored = self.store.one(Reflection, self.interview.id, scorer="self")
        coach = self.store.one(Reflection, self.interview.id, scorer="coach")
        self._coach = dict(coach.scores) if coach else {}
        before = previous_interview(self.store.interviews(), self.interview)
        earlier = self.store.one(Reflection, before.id, scorer="self") if before else None
        self._previous = dict(earlier.scores) if earlier else {}
        self._previous_employer = before.employer if before else ""
        with self._quietly():
            for key, item in self.items.items():
                item.score.value = stored.scores.get(key, _NOT_SCORED) if stored else _NOT_SCORED
            for key, box in self.answers.items():
                box.value = stored.answers.get(key, "") if stored else ""
            self.gut["gut_continue"].value = (stored.gut_continue if stored else None) or ""
            self.gut["gut_dream_job"].value = (stored.gut_dream_job if stored else None) or ""
        self._snapshot()
        self._show_summary()

    def records(self) -> dict[str, Reflection]:
        return {"self": self.reflection()}
