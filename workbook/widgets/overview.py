"""The candidate's overview: every interview with its progress per step, and the
scores over time as a chart."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import ipywidgets as w
import pandas as pd

from workbook import guidance
from workbook.analysis import STEPS, scores_over_time, step_progress
from workbook.store import Store
from workbook.texts import format_date, t
from workbook.widgets._common import escape, message_html

__all__ = ["STATUS_MARKS", "Overview", "progress_table_html"]

#: How a step's status is shown in navigation and tables (with the legend text).
STATUS_MARKS = {"not_started": "○", "started": "◐", "done": "✓"}


def progress_table_html(interviews: pd.DataFrame, progress: pd.DataFrame, lang: str, *, legend: bool = True) -> str:
    """One row per interview, one column per step, marks with their meaning as title."""
    head = "".join(f"<th>{t(key, lang)}</th>" for key in ("interviews.date", "interviews.employer", "interviews.role"))
    head += "".join(f"<th>{t(f'step.{step}', lang)}</th>" for step in STEPS)
    rows = []
    for _, row in interviews.sort_values("date").iterrows():
        cells = [format_date(row["date"], lang), row["employer"], row["role"]]
        html = "".join(f"<td>{escape(c)}</td>" for c in cells)
        for step in STEPS:
            status = str(progress.loc[row["id"], step]) if row["id"] in progress.index else "not_started"
            html += f'<td title="{t(f"status.{status}", lang)}" class="wb-status-{status}">{STATUS_MARKS[status]}</td>'
        rows.append(f"<tr>{html}</tr>")
    table = f'<table class="wb-table wb-progress"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    return table + (f"<small>{t('nav.legend', lang)}</small>" if legend else "")


class Overview(w.VBox):
    """All interviews of the candidate: progress and scores over time."""

    def __init__(self, store: Store, lang: str, on_open: Callable[[str], None] | None = None) -> None:
        super().__init__()
        self.store = store
        self.lang = lang
        self.table = w.HTML()
        self.table.add_class("wb-overview-table")
        self.chart = w.Image(format="png", layout=w.Layout(max_width="100%"))
        self.chart_note = w.HTML()
        self.open_buttons = w.HBox(layout=w.Layout(flex_flow="row wrap"))
        self._on_open = on_open
        self.children = [
            w.HTML(f"<h2>{t('overview.heading', lang)}</h2>"),
            w.HTML(f"<h3>{t('overview.progress', lang)}</h3>"),
            self.table,
            self.open_buttons,
            w.HTML(f"<h3>{t('overview.scores', lang)}</h3>"),
            self.chart_note,
            self.chart,
        ]
        self.add_class("wb-overview")
        self.refresh()

    def refresh(self, tables: Mapping[str, pd.DataFrame] | None = None) -> None:
        tables = tables if tables is not None else self.store.tables()
        lang = self.lang
        interviews = tables["interviews"]
        if interviews.empty:
            self.table.value = message_html(t("nav.no_interviews", lang), "tip")
            self.open_buttons.children = []
        else:
            progress = step_progress(tables, rubric_items=len(guidance.rubric()))
            # The workspace shows the legend under its step buttons already.
            self.table.value = progress_table_html(interviews, progress, lang, legend=False)
            buttons = []
            for _, row in interviews.sort_values("date").iterrows():
                button = w.Button(description=f"{t('overview.open', lang)}: {row['employer']}"[:60], icon="folder-open")
                button.on_click(lambda _, iid=row["id"]: self._on_open(iid) if self._on_open else None)
                buttons.append(button)
            self.open_buttons.children = buttons
        scores = scores_over_time(tables)
        if scores.empty:
            self.chart_note.value = message_html(t("overview.no_scores", lang), "tip")
            self.chart.layout.display = "none"
            return
        from workbook.charts import scores_over_time_png

        self.chart_note.value = ""
        self.chart.layout.display = None
        self.chart.value = scores_over_time_png(
            scores,
            labels={"self": t("overview.self", lang), "coach": t("overview.coach", lang)},
            ylabel=t("overview.mean", lang),
            lang=lang,
        )
