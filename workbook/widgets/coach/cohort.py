"""The cohort page: the workshop's patterns as charts and tables, n beside every bar.

Computed only when the coach opens this tab (the summary is the costliest part of
the coach view). Every code of the analysis (steps, rules, levels, items, theme
kinds) is shown as its label.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import ipywidgets as w
import pandas as pd

from workbook import analysis
from workbook.model import Workshop
from workbook.texts import format_number, t
from workbook.widgets._common import escape, message_html, replace_children
from workbook.widgets.coach._tables import (
    LABEL_STYLE,
    item_label,
    level_label,
    percent,
    rows_html,
    rule_label,
    step_label,
)

__all__ = ["Cohort"]

_MEASURES = ("candidates", "interviews", "steps_done_share", "self_mean", "coach_mean", "success_share")


def _number(value: object, lang: str) -> str:
    return format_number(None if pd.isna(value) else float(value), lang)  # type: ignore[arg-type]


def _count(value: object) -> str:
    return "0" if pd.isna(value) else str(int(value))  # type: ignore[call-overload,arg-type]


class Cohort(w.VBox):
    """Charts and tables of one cohort, and two workshops side by side."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.cohort_charts = w.VBox()
        self.cohort_charts.add_class("wb-cohort")
        self.compare_a = w.Dropdown(description=t("cohort.compare_a", lang), style=LABEL_STYLE)
        self.compare_b = w.Dropdown(description=t("cohort.compare_b", lang), style=LABEL_STYLE)
        for picker in (self.compare_a, self.compare_b):
            picker.add_class("wb-compare-pick")
            picker.observe(self._on_pick, names="value")
        self._picking = False
        self.compare_view = w.HTML()
        self.compare_view.add_class("wb-compare")
        self._base: Mapping[str, pd.DataFrame] = {}
        self._own: dict[str, str] = {}
        self.compare_box = w.VBox(
            [
                w.HTML(f"<h3>{escape(t('cohort.compare', lang))}</h3>"),
                w.HBox([self.compare_a, self.compare_b], layout=w.Layout(flex_flow="row wrap")),
                self.compare_view,
            ]
        )
        self.children = [self.cohort_charts, self.compare_box]

    # -- drawing ----------------------------------------------------------------

    def show(
        self,
        tables: Mapping[str, pd.DataFrame],
        summary: Mapping[str, pd.DataFrame],
        *,
        base: Mapping[str, pd.DataFrame],
        workshops: Sequence[Workshop],
        chosen: str = "",
        rubric_items: int | None = None,
    ) -> None:
        """Draw the cohort of ``tables``; ``base`` holds every workshop (for the comparison)."""
        lang = self.lang
        own = tables.get("workshop_rubric_items")
        self._own = dict(zip(own["key"].astype(str), own["label"].astype(str), strict=True)) if own is not None else {}
        self._base, self._rubric_items = base, rubric_items
        self._show_compare_pickers(workshops, chosen)
        if tables["interviews"].empty:
            replace_children(self.cohort_charts, [w.HTML(message_html(t("coach.empty", lang), "tip"))])
            return
        sections: list[w.Widget] = []
        sections += self._completion(summary["step_completion"])
        sections += self._item_scores(summary["self_scores"])
        sections += self._outcomes(analysis.outcomes_by_candidate(tables))
        sections += self._gap(summary["self_coach_gap"])
        sections.append(w.HTML(self._trend(analysis.trend(tables, rubric_items=rubric_items))))
        sections.append(w.HTML(self._tables(summary)))
        replace_children(self.cohort_charts, sections)

    def _chart(self, title: str, png: bytes, table: str, note: str = "") -> list[w.Widget]:
        lang = self.lang
        return [
            w.HTML(f"<h3>{escape(title)}</h3>" + (message_html(note, "tip") if note else "")),
            w.Image(value=png, format="png", layout=w.Layout(max_width="100%")),
            w.HTML(f"<details><summary>{escape(t('cohort.numbers', lang))}</summary>{table}</details>"),
        ]

    def _completion(self, completion: pd.DataFrame) -> list[w.Widget]:
        from workbook.charts import bar_chart_png

        lang = self.lang
        labels = [step_label(s, lang) for s in completion["step"]]
        png = bar_chart_png(
            labels,
            [float(v) * 100 for v in completion["share_done"].fillna(0)],
            xlabel=t("cohort.percent_done", lang),
            counts=[int(v) for v in completion["done"]],
            limits=(0, 100),
        )
        rows = [
            (label, _count(r.not_started), _count(r.started), _count(r.done), percent(r.share_done, lang))
            for label, r in zip(labels, completion.itertuples(), strict=True)
        ]
        head = [t(f"columns.{c}", lang) for c in ("step", "not_started", "started", "done", "share_done")]
        return self._chart(t("coach.completion", lang), png, rows_html(head, rows), t("coach.small_numbers", lang))

    def _item_scores(self, scores: pd.DataFrame) -> list[w.Widget]:
        from workbook.charts import bar_chart_png

        lang = self.lang
        items = scores.dropna(subset=["mean"])
        if items.empty:
            return []
        labels = [item_label(k, lang, self._own) for k in items["item"]]
        png = bar_chart_png(
            labels,
            [float(v) for v in items["mean"]],
            xlabel=t("cohort.mean_score", lang),
            counts=[int(v) for v in items["n"]],
            limits=(1, 5),
        )
        rows = [
            (label, _count(r.n), _number(r.mean, lang), _number(r.median, lang))
            for label, r in zip(labels, items.itertuples(), strict=True)
        ]
        head = [t(f"columns.{c}", lang) for c in ("item", "n", "mean", "median")]
        return self._chart(t("coach.item_scores", lang), png, rows_html(head, rows))

    def _outcomes(self, outcomes: pd.DataFrame) -> list[w.Widget]:
        from workbook.charts import bar_chart_png

        lang = self.lang
        if outcomes.empty:
            return [
                w.HTML(f"<h3>{escape(t('cohort.outcomes', lang))}</h3>"),
                w.HTML(message_html(t("cohort.no_outcomes", lang), "tip")),
            ]
        labels = [
            f"{t(f'behaviour.{b}', lang)}: {t('cohort.usually' if u else 'cohort.rarely', lang)}"
            for b, u in zip(outcomes["behaviour"], outcomes["usually"], strict=True)
        ]
        shares = [0.0 if pd.isna(v) else float(v) * 100 for v in outcomes["success_share"]]
        png = bar_chart_png(
            labels,
            shares,
            xlabel=t("cohort.percent_success", lang),
            counts=[int(v) for v in outcomes["candidates"]],
            limits=(0, 100),
        )
        rows = [
            (label, _count(r.candidates), percent(r.success_share, lang))
            for label, r in zip(labels, outcomes.itertuples(), strict=True)
        ]
        head = [t("columns.behaviour", lang), t("cohort.candidates", lang), t("cohort.success", lang)]
        return self._chart(t("cohort.outcomes", lang), png, rows_html(head, rows), t("cohort.association", lang))

    def _gap(self, gap: pd.DataFrame) -> list[w.Widget]:
        from workbook.charts import bar_chart_png

        lang = self.lang
        gap = gap.dropna(subset=["mean_gap"])
        if gap.empty:
            return []
        labels = [item_label(k, lang, self._own) for k in gap["item"]]
        png = bar_chart_png(
            labels,
            [float(v) for v in gap["mean_gap"]],
            xlabel=t("cohort.gap_axis", lang),
            counts=[int(v) for v in gap["pairs"]],
        )
        rows = [
            (label, _count(r.pairs), _number(r.mean_self, lang), _number(r.mean_coach, lang), _number(r.mean_gap, lang))
            for label, r in zip(labels, gap.itertuples(), strict=True)
        ]
        head = [t(f"columns.{c}", lang) for c in ("item", "pairs", "mean_self", "mean_coach", "mean_gap")]
        return self._chart(t("coach.gap", lang), png, rows_html(head, rows))

    def _trend(self, trend: pd.DataFrame) -> str:
        lang = self.lang
        if trend.empty:
            return ""
        head = [t(f"cohort.trend_{c}", lang) for c in ("number", "candidates", "self", "coach", "steps")]
        rows = [
            (
                t("cohort.nth", lang, number=int(r.number)),
                _count(r.candidates),
                _number(r.self_mean, lang),
                _number(r.coach_mean, lang),
                percent(r.steps_done_share, lang),
            )
            for r in trend.itertuples()
        ]
        intro = message_html(t("cohort.trend_intro", lang), "tip")
        return f"<h3>{escape(t('cohort.trend', lang))}</h3>{intro}{rows_html(head, rows)}"

    def _tables(self, summary: Mapping[str, pd.DataFrame]) -> str:
        lang = self.lang
        parts = []
        rows: list[tuple[object, ...]]
        skipped = summary["most_skipped_steps"]
        if not skipped.empty:
            rows = [
                (step_label(r.step, lang), _count(r.skipped), _count(r.interviews), percent(r.share_skipped, lang))
                for r in skipped.itertuples()
            ]
            head = [t(f"columns.{c}", lang) for c in ("step", "skipped", "interviews", "share_skipped")]
            parts.append((t("summary.most_skipped_steps", lang), rows_html(head, rows)))
        usage = summary["question_usage"].head(15)
        if not usage.empty:
            rows = [(r.text, _count(r.count), _count(r.asked), percent(r.share, lang)) for r in usage.itertuples()]
            head = [
                t("columns.question", lang),
                t("cohort.planned", lang),
                t("columns.asked", lang),
                t("columns.share", lang),
            ]
            parts.append((t("summary.question_usage", lang), rows_html(head, rows)))
        totals = summary["warning_totals"]
        if not totals.empty:
            rows = [
                (rule_label(r.rule, lang), level_label(r.level, lang), r.point, _count(r.questions), _count(r.count))
                for r in totals.itertuples()
            ]
            head = [t(f"columns.{c}", lang) for c in ("rule", "level", "point", "questions", "interviews")]
            parts.append((t("summary.warning_totals", lang), rows_html(head, rows)))
        warned = summary["question_warnings"].head(15)
        if not warned.empty:
            rows = [(r.text, rule_label(r.rule, lang), _count(r.count)) for r in warned.itertuples()]
            head = [t("columns.question", lang), t("columns.rule", lang), t("columns.interviews", lang)]
            parts.append((t("summary.question_warnings", lang), rows_html(head, rows)))
        themes = summary["reflection_themes"].head(15)
        if not themes.empty:
            rows = [(r.term, t(f"cohort.kind_{r.kind}", lang), _count(r.count)) for r in themes.itertuples()]
            head = [t("columns.term", lang), t("columns.kind", lang), t("columns.count", lang)]
            parts.append((t("summary.reflection_themes", lang), rows_html(head, rows)))
        return "".join(f"<h3>{escape(title)}</h3>{table}" for title, table in parts)

    # -- two workshops ----------------------------------------------------------

    def _show_compare_pickers(self, workshops: Sequence[Workshop], chosen: str) -> None:
        options = [(g.name, g.id) for g in workshops]
        ids = [g.id for g in workshops]
        self.compare_box.layout.display = None if len(ids) >= 2 else "none"
        first = chosen if chosen in ids else (ids[0] if ids else None)
        second = next((i for i in ids if i != first), None)
        self._picking = True
        try:
            for picker, value in ((self.compare_a, first), (self.compare_b, second)):
                picker.options = options
                picker.value = value
        finally:
            self._picking = False
        self.compare()

    def _on_pick(self, _change: object) -> None:
        if not self._picking:
            self.compare()

    def compare(self) -> None:
        """Show the two chosen workshops side by side."""
        lang = self.lang
        ids = [i for i in (self.compare_a.value, self.compare_b.value) if i]
        if len(ids) < 2 or not self._base:
            self.compare_view.value = ""
            return
        frame = analysis.compare_workshops(self._base, ids, rubric_items=self._rubric_items)
        names = [str(n) for n in frame["name"]]
        rows = []
        for measure in _MEASURES:
            values = frame[measure]
            if measure in ("candidates", "interviews"):
                cells = [_count(v) for v in values]
            elif measure.endswith("share"):
                cells = [percent(v, lang) for v in values]
            else:
                cells = [_number(v, lang) for v in values]
            rows.append((t(f"cohort.measure_{measure}", lang), *cells))
        self.compare_view.value = rows_html([t("cohort.measure", lang), *names], rows) + message_html(
            t("cohort.compare_note", lang), "tip"
        )
