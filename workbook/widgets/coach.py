"""The coach view: workshops, the cohort's patterns as charts and tables, one
candidate in detail with coach scoring, own content, and exports.

Everything shown is computed by :mod:`workbook.analysis` from the coach's scoped
store, so a coach sees only the candidates of their own workshops.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import ipywidgets as w
import pandas as pd

from workbook import analysis, guidance
from workbook.analysis import step_progress
from workbook.checks import check_question
from workbook.exporting import cohort_xlsx_bytes, csv_bytes
from workbook.model import LANGS, ROUNDS, Reflection, ValidationError, Workshop, WorkshopQuestion, WorkshopRubricItem
from workbook.store import Store
from workbook.texts import choices, format_date, format_number, t, t_html
from workbook.widgets._common import download_link, escape, message_html, replace_children, safe_filename
from workbook.widgets.overview import progress_table_html
from workbook.widgets.questions import feedback_html
from workbook.widgets.reflection import ItemScore

__all__ = ["CoachHome", "frame_html"]

_ALL = ""


def frame_html(frame: pd.DataFrame, *, max_rows: int = 30, lang: str | None = None) -> str:
    """A small DataFrame as an escaped HTML table (numbers rounded for reading;
    column names in ``lang`` where ``ui.toml`` has them)."""
    if frame.empty:
        return ""
    shown = frame.head(max_rows).copy()
    for column in shown.columns:
        if pd.api.types.is_float_dtype(shown[column]):
            shown[column] = [
                None if pd.isna(v) else format_number(v, lang or "nl", 2, min_decimals=1) for v in shown[column]
            ]
    head = "".join(f"<th>{escape(_column_label(str(c), lang))}</th>" for c in shown.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape('' if pd.isna(v) else v)}</td>" for v in row) + "</tr>"
        for row in shown.itertuples(index=False)
    )
    return f'<table class="wb-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


class CoachHome(w.VBox):
    """Everything a coach does, for the workshops in the coach's ``store``."""

    def __init__(self, store: Store, lang: str = "nl") -> None:
        super().__init__()
        if store.scope.coach_id is None:
            raise ValueError("The coach view needs a coach's store.")
        self.coach_id = store.scope.coach_id
        self.lang = lang
        self.store = store
        self.summary: dict[str, pd.DataFrame] = {}
        self.tables: dict[str, pd.DataFrame] = {}

        self.workshop = w.Dropdown(description=t("coach.workshop", lang), layout=w.Layout(width="30em"))
        self.workshop.add_class("wb-coach-workshop")
        self.workshop_info = w.HTML()
        self.start = w.DatePicker(description=t("coach.from", lang))
        self.end = w.DatePicker(description=t("coach.until", lang))
        self.rounds = w.SelectMultiple(
            options=choices("round", lang, ROUNDS), value=ROUNDS, description=t("coach.rounds", lang), rows=4
        )
        self.apply_button = w.Button(description=t("coach.apply", lang), icon="filter", button_style="primary")
        self.apply_button.on_click(lambda _: self.refresh())
        self.busy = w.HTML()
        self.busy.add_class("wb-busy")

        # cohort
        self.figures = w.HTML()
        self.cohort_charts = w.VBox()
        self.cohort_charts.add_class("wb-cohort")
        # candidate
        self.candidate = w.Dropdown(description=t("coach.candidate", lang), layout=w.Layout(width="30em"))
        self.candidate.observe(lambda _: self._on_candidate_change(), names="value")
        self._candidate_shown: str | None = None
        self.candidate_view = w.VBox()
        self.candidate_view.add_class("wb-coach-candidate")
        # content and export
        self.content = w.VBox()
        self.export_links = w.HTML()
        self.export_button = w.Button(description=t("coach.export_excel", lang), icon="file-excel-o")
        self.export_button.on_click(lambda _: self.prepare_export())
        self.csv_button = w.Button(description=t("coach.export_csv", lang), icon="file-text-o")
        self.csv_button.on_click(lambda _: self.prepare_csv())
        # new workshop
        self.new_name = w.Text(description=t("coach.name", lang))
        self.new_start = w.DatePicker(description=t("coach.starts", lang), value=dt.date.today())
        self.new_end = w.DatePicker(description=t("coach.ends", lang))
        self.new_lang = w.Dropdown(
            options=[("Nederlands", "nl"), ("English", "en")], value=lang, description=t("coach.language", lang)
        )
        self.create_button = w.Button(description=t("coach.create", lang), icon="plus")
        self.create_button.on_click(lambda _: self.create_workshop())
        self.create_feedback = w.HTML()
        self.delete_name = w.Text(placeholder=t("coach.name", lang))
        self.delete_button = w.Button(
            description=t("coach.delete_workshop_button", lang), icon="trash", button_style="danger"
        )
        self.delete_button.on_click(lambda _: self.delete_workshop())
        self.delete_feedback = w.HTML()

        self.tabs = w.Tab(
            children=[
                w.VBox([self.figures, self.cohort_charts]),
                w.VBox([self.candidate, self.candidate_view]),
                self.content,
                w.VBox([w.HBox([self.export_button, self.csv_button]), self.export_links]),
            ]
        )
        for index, key in enumerate(("coach.cohort", "coach.candidate", "coach.content", "coach.export")):
            self.tabs.set_title(index, t(key, lang))
        self.tabs.observe(lambda _: self._on_tab(), names="selected_index")
        new_box = w.Accordion(
            children=[
                w.VBox(
                    [
                        self.new_name,
                        self.new_start,
                        self.new_end,
                        self.new_lang,
                        self.create_button,
                        self.create_feedback,
                    ]
                )
            ]
        )
        new_box.set_title(0, t("coach.new", lang))
        delete_box = w.Accordion(
            children=[
                w.VBox(
                    [
                        w.HTML(message_html(t("coach.delete_workshop_explain", lang), "warning")),
                        w.HBox([self.delete_name, self.delete_button]),
                        self.delete_feedback,
                    ]
                )
            ]
        )
        delete_box.set_title(0, t("coach.delete_workshop", lang))
        delete_box.selected_index = None
        new_box.selected_index = None
        self.new_box = new_box
        self.children = [
            w.HTML(f"<h2>{t('coach.heading', lang)} · {escape(store.coach_name())}</h2>"),
            w.HBox([self.workshop, self.workshop_info], layout=w.Layout(align_items="center", flex_flow="row wrap")),
            new_box,
            delete_box,
            w.HTML(f"<h3>{t('coach.filters', lang)}</h3>"),
            w.HBox(
                [w.VBox([self.start, self.end]), self.rounds, self.apply_button],
                layout=w.Layout(align_items="flex-start", flex_flow="row wrap"),
            ),
            self.busy,
            self.tabs,
        ]
        self.add_class("wb-coach")
        self._load_workshops()
        self.workshop.observe(lambda _: self.refresh(), names="value")
        self.refresh()

    # -- workshops ------------------------------------------------------------

    def _load_workshops(self, select: str | None = None) -> None:
        mine = self.store.workshops()
        self._workshops = {item.id: item for item in mine}
        self.workshop.options = [(t("coach.all_workshops", self.lang), _ALL)] + [(g.name, g.id) for g in mine]
        self.workshop.value = select if select in self._workshops else _ALL
        if not mine:
            self.new_box.selected_index = 0

    def create_workshop(self) -> str | None:
        """Create the workshop in the form; shows and returns its join code."""
        try:
            group = Workshop(
                coach_id=self.coach_id,
                name=self.new_name.value,
                starts_on=self.new_start.value or dt.date.today(),
                ends_on=self.new_end.value,
                language=self.new_lang.value,
            )
        except ValidationError as error:
            self.create_feedback.value = message_html(error.message(self.lang), "warning")
            return None
        code = self.store.create_workshop(group)
        self.create_feedback.value = message_html(t("coach.created", self.lang, code=code), "ok")
        self.new_name.value = ""
        self._load_workshops(select=group.id)
        return code

    def delete_workshop(self) -> bool:
        """Delete the chosen workshop once its name is typed, with its candidates' data."""
        group = self._workshops.get(self.workshop.value)
        if group is None:
            self.delete_feedback.value = message_html(t("coach.pick_workshop_first", self.lang), "warning")
            return False
        if self.delete_name.value.strip() != group.name:
            self.delete_feedback.value = message_html(t("coach.name_mismatch", self.lang), "warning")
            return False
        self.store.delete_workshop(group.id, with_candidates=True)
        self.delete_name.value = ""
        self.delete_feedback.value = message_html(t("coach.workshop_deleted", self.lang, name=group.name), "ok")
        self._load_workshops()
        self.refresh()
        return True

    # -- computing ------------------------------------------------------------

    def refresh(self) -> None:
        """Recompute everything for the chosen workshop and filters."""
        lang = self.lang
        self.busy.value = message_html(t("coach.computing", lang), "tip")
        workshop_id = self.workshop.value or None
        if workshop_id:
            code = self.store.workshop_code(workshop_id)
            self.workshop_info.value = f"<b>{escape(t('coach.code', lang, code=code))}</b>"
        else:
            self.workshop_info.value = ""
        self.tables = analysis.filter_tables(
            self.store.tables(),
            workshop_id=workshop_id,
            start=self.start.value,
            end=self.end.value,
            rounds=list(self.rounds.value) or None,
        )
        self.summary = analysis.cohort_summary(self.tables, rubric_items=len(guidance.rubric()))
        self._candidate_shown = None  # the data changed: the drill-down is drawn anew
        self._show_cohort()
        names = self.tables["candidates"].sort_values("name")
        previous = self.candidate.value
        options = [(str(r["name"]), str(r["id"])) for _, r in names.iterrows()]
        self.candidate.options = options
        # ipywidgets leaves a Dropdown empty after new options: keep the choice or take the first.
        ids = [value for _, value in options]
        self.candidate.value = previous if previous in ids else (ids[0] if ids else None)
        self._on_tab()
        self.busy.value = ""

    def _on_candidate_change(self) -> None:
        # Only draw what is on screen: drawing it twice races the coach's clicks.
        if self.tabs.selected_index == 1:
            self.show_candidate()

    def _on_tab(self) -> None:
        if self.tabs.selected_index == 1 and self.candidate.value != self._candidate_shown:
            self.show_candidate()
        elif self.tabs.selected_index == 2:
            self.show_content()

    # -- cohort ---------------------------------------------------------------

    def _show_cohort(self) -> None:
        from workbook.charts import bar_chart_png

        lang, tables, summary = self.lang, self.tables, self.summary
        own = tables["reflections"][tables["reflections"]["scorer"] == "self"]
        self.figures.value = message_html(
            t(
                "coach.key_figures",
                lang,
                candidates=len(tables["candidates"]),
                interviews=len(tables["interviews"]),
                reflections=len(own),
            ),
            "tip",
        )
        if tables["interviews"].empty:
            replace_children(self.cohort_charts, [w.HTML(message_html(t("coach.empty", lang), "tip"))])
            return
        sections: list[w.Widget] = []

        def chart(title: str, png: bytes, table: pd.DataFrame) -> None:
            sections.extend(
                [
                    w.HTML(f"<h3>{escape(title)}</h3>"),
                    w.Image(value=png, format="png", layout=w.Layout(max_width="100%")),
                    w.HTML(
                        f"<details><summary>{t('heading.points', lang)}</summary>"
                        f"{frame_html(table, lang=lang)}</details>"
                    ),
                ]
            )

        completion = summary["step_completion"]
        chart(
            t("coach.completion", lang),
            bar_chart_png(
                [t(f"step.{s}", lang) for s in completion["step"]],
                [float(v) * 100 for v in completion["share_done"].fillna(0)],
                xlabel="%",
                counts=[int(v) for v in completion["done"]],
                limits=(0, 100),
            ),
            completion,
        )
        items = summary["self_scores"].dropna(subset=["mean"])
        if not items.empty:
            chart(
                t("coach.item_scores", lang),
                bar_chart_png(
                    [_item_label(k, lang) for k in items["item"]],
                    [float(v) for v in items["mean"]],
                    xlabel="1-5",
                    counts=[int(v) for v in items["n"]],
                    limits=(1, 5),
                ),
                items,
            )
        outcomes = summary["closing_outcomes"]
        if not outcomes.empty:
            labels = [
                f"{_behaviour_label(b, lang)}: {t(f'gut.{v}', lang)}"
                for b, v in zip(outcomes["behaviour"], outcomes["value"], strict=True)
            ]
            chart(
                t("coach.outcomes", lang),
                bar_chart_png(
                    labels,
                    [float(v) * 100 if v == v else 0.0 for v in outcomes["share"]],
                    xlabel="%",
                    counts=[int(v) for v in outcomes["interviews"]],
                    limits=(0, 100),
                ),
                outcomes,
            )
            sections.append(w.HTML(message_html(t("coach.small_numbers", lang), "tip")))
        gap = summary["self_coach_gap"].dropna(subset=["mean_gap"])
        if not gap.empty:
            chart(
                t("coach.gap", lang),
                bar_chart_png(
                    [_item_label(k, lang) for k in gap["item"]],
                    [float(v) for v in gap["mean_gap"]],
                    xlabel="coach - self",
                    counts=[int(v) for v in gap["pairs"]],
                ),
                gap,
            )
        for key in ("most_skipped_steps", "question_usage", "warning_totals", "question_warnings", "reflection_themes"):
            frame = summary.get(key)
            if frame is not None and not frame.empty:
                sections.append(
                    w.HTML(f"<h3>{escape(_summary_title(key, lang))}</h3>{frame_html(frame, max_rows=15, lang=lang)}")
                )
        replace_children(self.cohort_charts, sections)

    # -- one candidate --------------------------------------------------------

    def show_candidate(self) -> None:
        candidate_id = self.candidate.value
        self._candidate_shown = candidate_id
        if not candidate_id:
            replace_children(self.candidate_view, [w.HTML(message_html(t("coach.empty", self.lang), "tip"))])
            return
        lang = self.lang
        mine = analysis.filter_tables(self.tables, candidate_id=candidate_id)
        interviews = mine["interviews"]
        progress = step_progress(mine, rubric_items=len(guidance.rubric()))
        parts: list[w.Widget] = [
            w.HTML(
                progress_table_html(interviews, progress, lang)
                if not interviews.empty
                else message_html(t("coach.empty", lang), "tip")
            )
        ]
        scores = analysis.scores_over_time(mine)
        if not scores.empty:
            from workbook.charts import scores_over_time_png

            parts.append(
                w.Image(
                    value=scores_over_time_png(
                        scores,
                        labels={"self": t("overview.self", lang), "coach": t("overview.coach", lang)},
                        ylabel=t("overview.mean", lang),
                        lang=lang,
                    ),
                    format="png",
                    layout=w.Layout(max_width="100%"),
                )
            )
        change = analysis.score_change(mine)
        if not change.empty:
            change = change.drop(columns=["candidate_id"]).assign(
                item=lambda f: f["item"].map(lambda k: _item_label(k, lang))
            )
            parts.append(w.HTML(frame_html(change, lang=lang)))
        if not interviews.empty:
            parts.append(self._scoring_box(interviews))
        parts.append(self._code_box(candidate_id))
        replace_children(self.candidate_view, parts)

    def _code_box(self, candidate_id: str) -> w.HBox:
        """For a candidate who lost their code: a new one, shown to the coach once."""
        button = w.Button(description=t("coach.new_code", self.lang), icon="key")
        shown = w.HTML(message_html(t("coach.new_code_explain", self.lang), "tip"))

        def renew(_: object = None) -> None:
            code = self.store.new_code_for(candidate_id)
            name = dict((value, label) for label, value in self.candidate.options).get(candidate_id, "")
            shown.value = message_html(
                t_html("coach.new_code_made", self.lang, name=name, code=code), "ok", trusted_html=True
            )

        button.on_click(renew)
        self.new_code_button, self.new_code_shown = button, shown
        return w.HBox([button, shown], layout=w.Layout(align_items="center"))

    def _scoring_box(self, interviews: pd.DataFrame) -> w.VBox:
        lang = self.lang
        ordered = interviews.sort_values("date", ascending=False)
        picker = w.Dropdown(
            options=[
                (f"{format_date(r['date'], lang)} · {r['employer']}", str(r["id"])) for _, r in ordered.iterrows()
            ],
            description=t("coach.pick_interview", lang),
            layout=w.Layout(width="30em"),
        )
        items = {item.key: ItemScore(item, lang) for item in guidance.rubric()}
        feedback = w.HTML()
        save = w.Button(description=t("coach.save_scores", lang), icon="check", button_style="primary")

        def load(_: object = None) -> None:
            stored = self.store.one(Reflection, picker.value, scorer="coach")
            for key, widget in items.items():
                widget.score.value = stored.scores.get(key, 0) if stored else 0
            feedback.value = ""

        def store_scores(_: object = None) -> None:
            scores = {k: v.score.value for k, v in items.items() if v.score.value}
            self.store.save(Reflection(interview_id=picker.value, scorer="coach", scores=scores))
            feedback.value = message_html(t("coach.scores_saved", lang), "ok")

        picker.observe(load, names="value")
        save.on_click(store_scores)
        load()
        box = w.VBox([w.HTML(f"<h3>{t('coach.coach_scores', lang)}</h3>"), picker, *items.values(), save, feedback])
        box.add_class("wb-coach-scoring")
        self.score_interview, self.score_items, self.score_save, self.score_feedback = picker, items, save, feedback
        return box

    # -- own content ----------------------------------------------------------

    def show_content(self) -> None:
        lang = self.lang
        workshop_id = self.workshop.value
        if not workshop_id:
            replace_children(self.content, [w.HTML(message_html(t("coach.pick_workshop_first", lang), "tip"))])
            return
        purpose = w.Dropdown(
            options=[(t(f"purpose.{p.key}", lang), p.key) for p in guidance.purposes()],
            description=t("coach.purpose", lang),
        )
        language = w.Dropdown(
            options=[(code.upper(), code) for code in LANGS], value=lang, description=t("coach.language", lang)
        )
        text = w.Textarea(description=t("coach.text", lang), layout=w.Layout(width="calc(100% - 8px)"))
        when = w.Text(description=t("coach.when", lang), layout=w.Layout(width="calc(100% - 8px)"))
        text_feedback = w.HTML()
        add_question = w.Button(description=t("coach.add", lang), icon="plus", button_style="primary")
        existing = w.HTML()

        def show_existing() -> None:
            rows = self.store.table("workshop_questions")
            rows = rows[rows["workshop_id"] == workshop_id]
            items = self.store.table("workshop_rubric_items")
            items = items[items["workshop_id"] == workshop_id]
            existing.value = (
                f"<h4>{t('coach.existing', lang)}</h4>"
                + frame_html(rows[["purpose", "language", "text"]], lang=lang)
                + frame_html(items[["phase", "label"]], lang=lang)
            )

        def check(_: object = None) -> None:
            found = check_question(text.value, lang=language.value, round="selection") if text.value.strip() else []
            text_feedback.value = feedback_html([f for f in found if f.level != "ok"], lang)

        def add(_: object = None) -> None:
            try:
                question = WorkshopQuestion(
                    workshop_id=workshop_id,
                    purpose=purpose.value,
                    text=text.value,
                    language=language.value,
                    when_to_use=when.value,
                )
                self.store.add_question(question)
            except ValidationError as error:
                text_feedback.value = message_html(error.message(lang), "warning")
                return
            text.value = when.value = ""
            text_feedback.value = message_html(t("coach.added", lang), "ok")
            show_existing()

        text.observe(check, names="value")
        language.observe(check, names="value")
        add_question.on_click(add)

        phase = w.Dropdown(
            options=[(p.label.get(lang), p.key) for p in guidance.phases()], description=t("coach.phase", lang)
        )
        label = w.Text(description=t("coach.label", lang), layout=w.Layout(width="calc(100% - 8px)"))
        anchors = [
            w.Text(
                description=str(n), placeholder=t("coach.anchor", lang, n=n), layout=w.Layout(width="calc(100% - 8px)")
            )
            for n in range(1, 6)
        ]
        item_feedback = w.HTML()
        add_item = w.Button(description=t("coach.add", lang), icon="plus", button_style="primary")

        def add_rubric(_: object = None) -> None:
            try:
                item = WorkshopRubricItem(
                    workshop_id=workshop_id,
                    phase=phase.value,
                    label=label.value,
                    anchors=tuple(a.value for a in anchors),
                )  # type: ignore[arg-type]
                self.store.add_rubric_item(item)
            except ValidationError as error:
                item_feedback.value = message_html(error.message(lang), "warning")
                return
            label.value = ""
            for a in anchors:
                a.value = ""
            item_feedback.value = message_html(t("coach.added", lang), "ok")
            show_existing()

        add_item.on_click(add_rubric)
        show_existing()
        self.question_form = (purpose, language, text, when, add_question, text_feedback)
        self.rubric_form = (phase, label, anchors, add_item, item_feedback)
        replace_children(
            self.content,
            [
                w.HTML(f"<h3>{t('coach.own_question', lang)}</h3>"),
                purpose,
                language,
                text,
                text_feedback,
                when,
                add_question,
                w.HTML(f"<h3>{t('coach.own_rubric', lang)}</h3>"),
                phase,
                label,
                *anchors,
                add_item,
                item_feedback,
                existing,
            ],
        )

    # -- export ---------------------------------------------------------------

    def _export_name(self) -> str:
        group = self._workshops.get(self.workshop.value)
        return f"{t('coach.export_file', self.lang)}-{safe_filename(group.name if group else 'alle')}"

    def prepare_export(self) -> str:
        """The filtered cohort as Excel: one sheet per table plus a summary sheet."""
        filename = f"{self._export_name()}.xlsx"
        content = cohort_xlsx_bytes(self.tables, self.summary)
        self.export_links.value = download_link(
            filename, content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename
        )
        return filename

    def prepare_csv(self) -> str:
        filename = f"{self._export_name()}.zip"
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, frame in {**self.tables, **self.summary}.items():
                archive.writestr(f"{name}.csv", csv_bytes(frame))
        self.export_links.value = download_link(filename, buffer.getvalue(), "application/zip", filename)
        return filename


def _column_label(name: str, lang: str | None) -> str:
    if lang is None:
        return name
    try:
        return t(f"columns.{name}", lang)
    except KeyError:
        return name


def _item_label(key: str, lang: str) -> str:
    try:
        return guidance.rubric_item(key).label.get(lang)
    except KeyError:
        return key


def _behaviour_label(key: str, lang: str) -> str:
    return t(f"behaviour.{key}", lang)


def _summary_title(key: str, lang: str) -> str:
    return t(f"summary.{key}", lang)
