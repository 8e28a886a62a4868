"""One candidate's report: per interview the plan, the statement, the reflection with
self and coach scores, the coach's comments, the email and the promises; then their
progress over the interviews as a chart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pandas as pd

from workbook import analysis, clock, guidance
from workbook.exporting.people import code_label, rubric_labels
from workbook.reports.page import escape, image, page, section, table
from workbook.texts import format_date, t

__all__ = ["candidate_report"]

Tables = Mapping[str, pd.DataFrame]
_MARKS = {"done": "✓", "started": "◐", "not_started": "○"}


def _day(value: Any, lang: str, *, long: bool = False) -> str:
    if value is None or pd.isna(value):
        return t("report.not_yet", lang)
    return format_date(pd.Timestamp(value).date(), lang, long=long)


def _rows(tables: Tables, name: str, interview_id: str) -> pd.DataFrame:
    frame = tables[name]
    return frame[frame["interview_id"] == interview_id]


def _paragraphs(text: Any) -> str:
    lines = [line for line in str(text or "").splitlines() if line.strip()]
    return "".join(f"<p>{escape(line)}</p>" for line in lines)


def _plan(tables: Tables, interview: pd.Series, lang: str) -> str:
    from workbook.checks import check_question

    questions = _rows(tables, "questions", interview["id"]).sort_values("position")
    if questions.empty:
        return section(t("report.plan", lang), f"<p>{escape(t('report.no_plan', lang))}</p>", level=3)
    items = []
    for text, asked in zip(questions["text"], questions["asked"], strict=True):
        notes = "".join(
            f'<div class="{f.level}">{escape(t(f"level.{f.level}", lang))}: {escape(f.message)}</div>'
            for f in check_question(str(text), lang=lang, round=str(interview["round"]))
            if f.level != "ok"
        )
        mark = f" <small>({escape(t('report.asked', lang))})</small>" if asked is True else ""
        items.append(f"<li>{escape(text)}{mark}{notes}</li>")
    return section(t("report.plan", lang), f"<ol>{''.join(items)}</ol>", level=3)


def _statement(tables: Tables, interview_id: str, lang: str) -> str:
    statements = _rows(tables, "statements", interview_id)
    farewells = _rows(tables, "farewells", interview_id)
    parts = []
    if statements.empty or not any(str(statements.iloc[0][c] or "").strip() for c in ("appeal", "text")):
        parts.append(f"<p>{escape(t('report.no_statement', lang))}</p>")
    else:
        row = statements.iloc[0]
        if str(row["appeal"] or "").strip():
            parts.append(f"<p><b>{escape(t('report.appeal', lang))}:</b> {escape(row['appeal'])}</p>")
        steps = row["plan_steps"] if isinstance(row["plan_steps"], list) else []
        if steps:
            listed = "".join(f"<li>{escape(step)}</li>" for step in steps)
            parts.append(f"<p><b>{escape(t('report.plan_steps', lang))}:</b></p><ol>{listed}</ol>")
        parts.append(_paragraphs(row["text"]))
    text = section(t("report.statement", lang), *parts, level=3)
    if not farewells.empty:
        row = farewells.iloc[0]
        said = [str(row[c]) for c in ("thanks", "phrase") if str(row[c] or "").strip()]
        if said:
            text += section(t("report.farewell", lang), *(f"<p>{escape(s)}</p>" for s in said), level=3)
    return text


def _summary(tables: Tables, interview_id: str, lang: str) -> str:
    summaries = _rows(tables, "summaries", interview_id)
    if summaries.empty:
        return ""
    row = summaries.iloc[0]
    parts = [
        f"<p><b>{escape(t(f'notes.{column}', lang))}:</b></p>{_paragraphs(row[column])}"
        for column in ("key_points", "their_questions", "promised")
        if str(row[column] or "").strip()
    ]
    return section(t("report.summary", lang), *parts, level=3) if parts else ""


def _reflection(tables: Tables, interview_id: str, lang: str) -> str:
    reflections = _rows(tables, "reflections", interview_id)
    if reflections.empty:
        return section(t("report.reflection", lang), f"<p>{escape(t('report.no_reflection', lang))}</p>", level=3)
    scores = tables["reflection_scores"].merge(reflections[["id", "scorer"]], left_on="reflection_id", right_on="id")
    by_item: dict[str, dict[str, int]] = {}
    for item, scorer, score in zip(scores["item"], scores["scorer"], scores["score"], strict=True):
        by_item.setdefault(str(item), {})[str(scorer)] = int(score)
    labels = rubric_labels(tables, lang)
    order = [key for key in labels if key in by_item] + [key for key in by_item if key not in labels]
    none = t("report.none", lang)
    rows = [
        (
            labels.get(k, (k, ""))[0],
            labels.get(k, ("", ""))[1],
            by_item[k].get("self", none),
            by_item[k].get("coach", none),
        )
        for k in order
    ]
    headers = [t(f"report.{c}", lang) for c in ("item", "phase", "self_score", "coach_score")]
    parts = [table(headers, rows, numeric=(2, 3))] if rows else []
    own = reflections[reflections["scorer"] == "self"]
    if not own.empty:
        asked = {q.key: q.text.get(lang) for q in (*guidance.reflection_questions(), *guidance.gut_questions())}
        row = own.iloc[0]
        for key, answer in dict(row["answers"] or {}).items():
            if str(answer).strip():
                parts.append(f"<p><b>{escape(asked.get(key, key))}</b></p>{_paragraphs(answer)}")
        for key in ("gut_continue", "gut_dream_job"):
            if not pd.isna(row[key]):
                parts.append(f"<p><b>{escape(asked.get(key, key))}</b> {escape(code_label('gut', row[key], lang))}</p>")
    return section(t("report.reflection", lang), *parts, level=3)


def _comments(tables: Tables, interview_id: str, lang: str) -> str:
    comments = tables.get("coach_comments")
    if comments is None:
        return ""
    comments = comments[comments["interview_id"] == interview_id].sort_values("created_at")
    if comments.empty:
        return ""
    labels = rubric_labels(tables, lang)
    parts = []
    for item, text, created in zip(comments["item"], comments["text"], comments["created_at"], strict=True):
        about = labels.get(str(item), (str(item), ""))[0] if str(item) else t("report.whole_interview", lang)
        meta = t("report.comment_meta", lang, date=_day(created, lang), item=about)
        parts.append(f'<div class="coach"><div class="note">{escape(meta)}</div>{_paragraphs(text)}</div>')
    return section(t("report.comments", lang), *parts, level=3)


def _email_and_promises(tables: Tables, interview_id: str, lang: str) -> str:
    parts = []
    emails = _rows(tables, "emails", interview_id)
    if not emails.empty:
        row = emails.iloc[0]
        meta = t(
            "report.email_meta",
            lang,
            subject=row["subject"] or t("report.none", lang),
            send_on=_day(row["send_on"], lang),
            sent_on=_day(row["sent_on"], lang),
        )
        parts.append(section(t("report.email", lang), f"<p>{escape(meta)}</p>", level=3))
    promises = _rows(tables, "promises", interview_id)
    if not promises.empty:
        rows = [
            (what, _day(due, lang), code_label("promise_status", status, lang))
            for what, due, status in zip(promises["what"], promises["due_on"], promises["status"], strict=True)
        ]
        headers = [t(f"report.{c}", lang) for c in ("what", "due", "status")]
        parts.append(section(t("report.promises", lang), table(headers, rows), level=3))
    return "".join(parts)


def _interview(tables: Tables, interview: pd.Series, lang: str) -> str:
    heading = t("report.interview", lang, employer=interview["employer"], role=interview["role"])
    meta = t(
        "report.interview_meta",
        lang,
        date=_day(interview["date"], lang, long=True),
        round=code_label("round", interview["round"], lang),
        outcome=code_label("outcomes", interview["outcome"], lang),
    )
    people = tables["interviewers"]
    names = ", ".join(map(str, people[people["interview_id"] == interview["id"]].sort_values("position")["name"]))
    who = f"<div>{escape(t('report.with_people', lang, names=names))}</div>" if names else ""
    return section(
        heading,
        f'<div class="meta">{escape(meta)}{who}</div>',
        _plan(tables, interview, lang),
        _statement(tables, interview["id"], lang),
        _summary(tables, interview["id"], lang),
        _reflection(tables, interview["id"], lang),
        _comments(tables, interview["id"], lang),
        _email_and_promises(tables, interview["id"], lang),
        css="interview",
    )


def _progress(tables: Tables, lang: str) -> str:
    from workbook.charts import scores_over_time_png

    parts = []
    over_time = analysis.scores_over_time(tables)
    if not over_time.empty:
        labels = {"self": t("scorer.self", lang), "coach": t("scorer.coach", lang)}
        png = scores_over_time_png(over_time, labels=labels, ylabel=t("report.mean_score", lang), lang=lang)
        parts.append(image(png, t("report.scores_chart", lang)))
    progress = analysis.step_progress(tables)
    interviews = tables["interviews"].set_index("id")
    rows = [
        (
            format_date(interviews.loc[iid, "date"].date(), lang),
            interviews.loc[iid, "employer"],
            *(_MARKS[str(status)] for status in progress.loc[iid]),
        )
        for iid in interviews.sort_values("date").index
    ]
    headers = [t("export_column.date", lang), t("export_column.employer", lang)] + [
        t(f"step.{step}", lang) for step in analysis.STEPS
    ]
    parts.append(f"<h3>{escape(t('report.steps', lang))}</h3>{table(headers, rows)}")
    parts.append(f'<p class="note">{escape(t("report.steps_legend", lang))}</p>')
    return section(t("report.progress", lang), *parts, css="interview")


def candidate_report(
    tables: Tables, candidate_id: str, lang: str, *, interview_id: str | None = None, today: dt.date | None = None
) -> str:
    """The report of one candidate as a printable HTML page, in ``lang``.

    ``tables`` are the store's (a candidate's own, or a coach's); ``interview_id``
    limits it to one interview, else every interview, oldest first.
    """
    mine = analysis.filter_tables(tables, candidate_id=candidate_id)
    people = mine["candidates"]
    name = str(people.loc[people["id"] == candidate_id, "name"].iloc[0]) if not people.empty else ""
    interviews = mine["interviews"].sort_values(["date", "updated_at"])
    if interview_id is not None:
        interviews = interviews[interviews["id"] == interview_id]
    title = t("report.candidate_title", lang, name=name)
    made = t("report.made_on", lang, date=format_date(today or clock.now().date(), lang, long=True))
    body = [f"<h1>{escape(title)}</h1>", f'<p class="meta">{escape(made)}</p>']
    body += [_interview(mine, row, lang) for _, row in interviews.iterrows()]
    if interview_id is None and not interviews.empty:
        body.append(_progress(mine, lang))
    return page(title, "".join(body), lang)
