"""A workshop's report: who is where (the roster), the group's charts with n, and the
trend from the first to the n-th interview."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pandas as pd

from workbook import analysis, clock
from workbook.exporting.people import rubric_labels
from workbook.reports.page import escape, image, page, section, table
from workbook.texts import format_date, format_number, t

__all__ = ["workshop_report"]

Tables = Mapping[str, pd.DataFrame]


def _number(value: Any, lang: str) -> str:
    return t("report.none", lang) if value is None or pd.isna(value) else format_number(float(value), lang)


def _roster(tables: Tables, lang: str, today: dt.date) -> str:
    from workbook.exporting.people import candidate_names

    roster = analysis.roster(tables, today=today)
    names = candidate_names(tables["candidates"])
    none = t("report.none", lang)
    rows = [
        (
            names.get(str(row.candidate_id), row.name),
            int(row.interviews),
            f"{int(row.steps_done)}/{int(row.steps_done) + int(row.steps_started) + int(row.steps_open)}",
            format_date(row.last_activity.date(), lang) if not pd.isna(row.last_activity) else none,
            _number(row.self_mean, lang),
            _number(row.coach_mean, lang),
            int(row.warnings),
        )
        for row in roster.itertuples(index=False)
    ]
    headers = [
        t(f"export_column.{c}", lang)
        for c in ("candidate", "interviews", "steps_done", "last_activity", "self_mean", "coach_mean", "warnings")
    ]
    return section(t("report.roster", lang), table(headers, rows, numeric=(1, 4, 5, 6)))


def _cohort(tables: Tables, lang: str) -> str:
    from workbook.charts import bar_chart_png

    parts = []
    completion = analysis.step_completion(tables)
    totals = (completion["not_started"] + completion["started"] + completion["done"]).astype(int)
    if not completion.empty and int(totals.max()) > 0:
        png = bar_chart_png(
            [t(f"step.{s}", lang) for s in completion["step"]],
            [float(v) for v in completion["share_done"].fillna(0)],
            xlabel=t("report.share_done", lang),
            counts=[int(n) for n in totals],
            limits=(0, 1),
        )
        parts.append(
            f"<h3>{escape(t('report.completion_chart', lang))}</h3>{image(png, t('report.completion_chart', lang))}"
        )
    items = analysis.item_scores(tables).dropna(subset=["mean"])
    if not items.empty:
        known = rubric_labels(tables, lang)
        labels = [known.get(str(key), (str(key), ""))[0] for key in items["item"]]
        png = bar_chart_png(
            labels,
            [float(v) for v in items["mean"]],
            xlabel=t("report.mean_score", lang),
            counts=[int(n) for n in items["n"]],
            limits=(1, 5),
        )
        parts.append(f"<h3>{escape(t('report.items_chart', lang))}</h3>{image(png, t('report.items_chart', lang))}")
    return section(t("report.cohort", lang), *parts) if parts else ""


def _trend(tables: Tables, lang: str) -> str:
    trend = analysis.trend(tables)
    if trend.empty:
        return ""
    rows = [
        (
            int(row.number),
            int(row.candidates),
            _number(row.self_mean, lang),
            _number(row.coach_mean, lang),
            format_number(float(row.steps_done_share) * 100, lang, decimals=0) + "%",
        )
        for row in trend.itertuples(index=False)
    ]
    headers = [
        t("report.number", lang),
        t("report.candidates", lang),
        t("export_column.self_mean", lang),
        t("export_column.coach_mean", lang),
        t("export_column.steps_done_share", lang),
    ]
    note = f'<p class="note">{escape(t("report.trend_note", lang))}</p>'
    return section(t("report.trend", lang), table(headers, rows, numeric=(0, 1, 2, 3, 4)), note)


def workshop_report(tables: Tables, lang: str, *, name: str, today: dt.date | None = None) -> str:
    """The report of a workshop (``tables`` filtered to it) as a printable HTML page."""
    today = today or clock.now().date()
    title = t("report.workshop_title", lang, name=name)
    made = t("report.made_on", lang, date=format_date(today, lang, long=True))
    body = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{escape(made)}</p>',
        _roster(tables, lang, today),
        _cohort(tables, lang),
        _trend(tables, lang),
    ]
    return page(title, "".join(body), lang)
