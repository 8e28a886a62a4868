"""The review screen: one candidate, one interview, everything they wrote beside the
rubric, where the coach scores each item next to the candidate's own score and
writes comments the candidate reads in their workspace.

Only one candidate is ever live here: :meth:`Review.show` draws a candidate,
:meth:`Review.clear` takes every control away, and a score or comment always goes to
the interview on screen.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import ipywidgets as w
import pandas as pd

from workbook import analysis, guidance
from workbook.model import CoachComment, Reflection, ValidationError
from workbook.store import Store
from workbook.texts import format_date, t, t_html
from workbook.widgets._common import download_link, escape, message_html, replace_children, safe_filename
from workbook.widgets.coach._tables import LABEL_STYLE, frame_html, item_label
from workbook.widgets.coach.work import InterviewWork, read_work, work_html
from workbook.widgets.overview import progress_table_html

__all__ = ["CoachItemScore", "Review"]

_NOT_SCORED = 0


class CoachItemScore(w.VBox):
    """One rubric item: the candidate's own score beside the coach's 1-5 buttons."""

    def __init__(self, item: guidance.RubricItem, lang: str, on_change: Callable[[str, int], None]) -> None:
        super().__init__()
        self.item = item
        self.score = w.ToggleButtons(
            options=[(t("reflection.not_scored", lang), _NOT_SCORED)] + [(str(n), n) for n in range(1, 6)],
            value=_NOT_SCORED,
            tooltips=[t("score.none", lang)] + [item.anchors[n - 1].get(lang) for n in range(1, 6)],
            style={"button_width": "2.6em"},
        )
        self.score.add_class("wb-score")
        self.score.add_class("wb-coach-score")
        self.own = w.HTML()
        self.own.add_class("wb-self-score")
        self._quiet = False
        self.score.observe(self._on_score_change, names="value")
        self._on_change = on_change
        self.children = [
            w.HTML(f"<b>{escape(item.label.get(lang))}</b>"),
            w.HBox([self.own, self.score], layout=w.Layout(align_items="center", flex_flow="row wrap")),
        ]
        self.add_class("wb-rubric-item")

    def load(self, own: int | None, coach: int | None, lang: str) -> None:
        """Show both scores without saving anything."""
        self.own.value = escape(t("review.self_score", lang, score=own if own else "–"))
        self._quiet = True
        try:
            self.score.value = coach or _NOT_SCORED
        finally:
            self._quiet = False

    def _on_score_change(self, change: dict[str, Any]) -> None:
        if not self._quiet:
            self._on_change(self.item.key, int(change["new"]))


class Review(w.VBox):
    """One candidate's interview under review; empty until a candidate is opened."""

    def __init__(
        self,
        store: Store,
        lang: str,
        *,
        on_move: Callable[[int], object],
        on_saved: Callable[[], object] = lambda: None,
    ) -> None:
        super().__init__()
        self.store, self.lang = store, lang
        self._on_saved = on_saved
        self.coach_id = str(store.scope.coach_id)
        self.candidate_id: str | None = None
        self.interview_id: str | None = None
        self.work: InterviewWork | None = None
        self.score_items: dict[str, CoachItemScore] = {}
        self._own_labels: dict[str, str] = {}
        self.heading = w.HTML()
        self.position = w.HTML()
        self.previous_button = w.Button(description=t("review.previous", lang), icon="chevron-left")
        self.previous_button.add_class("wb-review-previous")
        self.previous_button.on_click(lambda _: on_move(-1))
        self.next_button = w.Button(description=t("review.next", lang), icon="chevron-right")
        self.next_button.add_class("wb-review-next")
        self.next_button.on_click(lambda _: on_move(1))
        self.interview = w.Dropdown(
            description=t("review.pick_interview", lang),
            layout=w.Layout(width="32em", max_width="100%"),
            style=LABEL_STYLE,
        )
        self.interview.add_class("wb-review-interview")
        self.interview.observe(self._on_interview_change, names="value")
        self.work_view = w.HTML()
        self.work_view.add_class("wb-review-work")
        self.scoring = w.VBox()
        self.scoring.add_class("wb-coach-scoring")
        self.score_feedback = w.HTML()
        self.comment_item = w.Dropdown(description=t("review.comment_about", lang), style=LABEL_STYLE)
        self.comment_text = w.Textarea(
            placeholder=t("review.comment_placeholder", lang), layout=w.Layout(width="calc(100% - 8px)", height="6em")
        )
        self.comment_text.add_class("wb-comment-text")
        self.comment_save = w.Button(description=t("review.comment_save", lang), icon="comment", button_style="primary")
        self.comment_save.add_class("wb-comment-save")
        self.comment_save.on_click(lambda _: self.save_comment())
        self.comment_feedback = w.HTML()
        self.comment_list = w.VBox()
        self.comment_list.add_class("wb-comment-list")
        self.history = w.VBox()
        self.history.add_class("wb-review-history")
        self.progress = w.HTML()
        self.new_code_button = w.Button(description=t("coach.new_code", lang), icon="key")
        self.new_code_button.on_click(lambda _: self.renew_code())
        self.new_code_shown = w.HTML()
        self.report_button = w.Button(description=t("review.report", lang), icon="print")
        self.report_button.layout.width = "auto"
        self.report_button.on_click(lambda _: self.prepare_report())
        self.report_link = w.HTML()
        self.empty = w.HTML()
        rubric = w.VBox(
            [
                w.HTML(f"<h3>{t('coach.coach_scores', lang)}</h3>"),
                self.score_feedback,
                self.scoring,
                w.HTML(f"<h3>{t('review.comments', lang)}</h3>"),
                self.comment_list,
                self.comment_item,
                self.comment_text,
                self.comment_save,
                self.comment_feedback,
            ]
        )
        rubric.add_class("wb-review-rubric")
        self.body = w.VBox(
            [
                w.HBox(
                    [self.heading, self.position, self.previous_button, self.next_button],
                    layout=w.Layout(align_items="center", flex_flow="row wrap"),
                ),
                self.interview,
                w.HBox([self.work_view, rubric], layout=w.Layout(flex_flow="row wrap", align_items="flex-start")),
                self.history,
                w.HBox(
                    [self.report_button, self.report_link], layout=w.Layout(align_items="center", flex_flow="row wrap")
                ),
                w.HBox(
                    [self.new_code_button, self.new_code_shown],
                    layout=w.Layout(align_items="center", flex_flow="row wrap"),
                ),
            ]
        )
        self.body.add_class("wb-review-body")
        self.children = [self.empty]
        self.add_class("wb-review")
        self.clear()

    # -- which candidate --------------------------------------------------------

    def clear(self, key: str = "review.pick_candidate") -> None:
        """Show no candidate: every control of the one before goes away."""
        self.candidate_id = self.interview_id = None
        self.work = None
        self.empty.value = message_html(t(key, self.lang), "tip")
        replace_children(self.scoring, [])
        self.score_items = {}
        replace_children(self.comment_list, [])
        self.children = [self.empty]

    def show(
        self,
        candidate_id: str,
        tables: Mapping[str, pd.DataFrame],
        *,
        label: str,
        own_items: Sequence[guidance.RubricItem],
        position: tuple[int, int],
        interview_id: str | None = None,
    ) -> None:
        """Open ``candidate_id`` (``tables``: theirs only) at ``interview_id`` or the newest."""
        lang = self.lang
        self.candidate_id = candidate_id
        self._label = label
        self.report_link.value = ""
        self._own_labels = {item.key: item.label.get(lang) for item in own_items}
        index, total = position
        self.heading.value = f"<h2>{escape(label)}</h2>"
        self.position.value = escape(t("review.position", lang, number=index + 1, total=total)) if total else ""
        self.previous_button.disabled = index <= 0
        self.next_button.disabled = index >= total - 1
        self.new_code_shown.value = message_html(t("coach.new_code_explain", lang), "tip")
        self._build_items((*guidance.rubric(), *own_items))
        self.comment_item.options = [(t("review.comment_whole", lang), "")] + [
            (item_label(key, lang, self._own_labels), key) for key in self.score_items
        ]
        self.comment_item.value = ""
        interviews = tables["interviews"].sort_values(["date", "updated_at"], ascending=False)
        options = [
            (f"{format_date(r.date, lang)} · {r.employer} · {t(f'round.{r.round}', lang)}", str(r.id))
            for r in interviews.itertuples()
        ]
        self._show_history(tables, interviews)
        self.interview_id = None
        self.interview.unobserve(self._on_interview_change, names="value")
        self.interview.options = options
        ids = [value for _, value in options]
        self.interview.value = interview_id if interview_id in ids else (ids[0] if ids else None)
        self.interview.observe(self._on_interview_change, names="value")
        self.children = [self.body]
        if ids:
            self.choose_interview(self.interview.value)
        else:
            self.work = None
            self.work_view.value = message_html(t("review.no_interview", lang), "tip")
            replace_children(self.scoring, [])
            self.score_items = {}
            replace_children(self.comment_list, [])

    def _on_interview_change(self, change: dict[str, Any]) -> None:
        if change["new"]:
            self.choose_interview(change["new"])

    def choose_interview(self, interview_id: str) -> None:
        """Show one of the candidate's interviews, its scores and its comments."""
        lang = self.lang
        self.interview_id = interview_id
        self.work = read_work(self.store, interview_id)
        self.work_view.value = work_html(self.work, lang)
        own = dict(self.work.own.scores) if self.work.own else {}
        coach = dict(self.work.coach.scores) if self.work.coach else {}
        for key, item in self.score_items.items():
            item.load(own.get(key), coach.get(key), lang)
        self.score_feedback.value = ""
        self.comment_feedback.value = ""
        self._show_comments()

    def _build_items(self, items: Sequence[guidance.RubricItem]) -> None:
        keys = tuple(item.key for item in items)
        if keys == tuple(self.score_items) and all(self.score_items[i.key].item.label == i.label for i in items):
            return  # the same rubric: keep the widgets
        self.score_items = {item.key: CoachItemScore(item, self.lang, self.set_score) for item in items}
        sections: list[w.Widget] = []
        for phase in guidance.phases():
            members = [widget for widget in self.score_items.values() if widget.item.phase == phase.key]
            if members:
                sections.append(w.HTML(f"<h4>{escape(phase.label.get(self.lang))}</h4>"))
                sections.extend(members)
        replace_children(self.scoring, sections)

    def _show_history(self, tables: Mapping[str, pd.DataFrame], interviews: pd.DataFrame) -> None:
        """The candidate's progress over all interviews (what the old candidate tab showed)."""
        lang = self.lang
        if interviews.empty:
            self.progress.value = ""
            replace_children(self.history, [])
            return
        progress = analysis.step_progress(tables, rubric_items=len(guidance.rubric()))
        self.progress.value = f'<div class="wb-scroll">{progress_table_html(interviews, progress, lang)}</div>'
        parts: list[w.Widget] = [w.HTML(f"<h3>{escape(t('review.history', lang))}</h3>"), self.progress]
        scores = analysis.scores_over_time(tables)
        if not scores.empty:
            from workbook.charts import scores_over_time_png

            png = scores_over_time_png(
                scores,
                labels={"self": t("review.self", lang), "coach": t("review.coach", lang)},
                ylabel=t("overview.mean", lang),
                lang=lang,
            )
            parts.append(w.Image(value=png, format="png", layout=w.Layout(max_width="100%")))
        change = analysis.score_change(tables)
        if not change.empty:
            change = change.drop(columns=["candidate_id"]).assign(
                item=lambda f: f["item"].map(lambda k: item_label(k, lang, self._own_labels))
            )
            parts.append(w.HTML(frame_html(change, lang=lang)))
        replace_children(self.history, parts)

    # -- scores -----------------------------------------------------------------

    def set_score(self, key: str, score: int) -> None:
        """Save the coach's score of one item (0: none), keeping the other items' scores."""
        if self.interview_id is None:
            return
        current = self.store.one(Reflection, self.interview_id, scorer="coach")
        scores = dict(current.scores) if current else {}
        if score:
            scores[key] = score
        else:
            scores.pop(key, None)
        record = (
            dataclasses.replace(current, scores=scores)
            if current
            else Reflection(interview_id=self.interview_id, scorer="coach", scores=scores)
        )
        self.store.save(record)
        self._on_saved()
        label = item_label(key, self.lang, self._own_labels)
        self.score_feedback.value = message_html(t("review.score_saved", self.lang, item=label), "ok")

    # -- comments ---------------------------------------------------------------

    def save_comment(self) -> CoachComment | None:
        """Save the comment typed for the interview on screen (or one of its items)."""
        if self.interview_id is None:
            return None
        try:
            comment = CoachComment(
                interview_id=self.interview_id,
                coach_id=self.coach_id,
                text=self.comment_text.value,
                item=self.comment_item.value or "",
            )
        except ValidationError as error:
            self.comment_feedback.value = message_html(error.message(self.lang), "warning")
            return None
        self.store.save_comment(comment)
        self._on_saved()
        self.comment_text.value = ""
        self.comment_feedback.value = message_html(t("review.comment_saved", self.lang), "ok")
        self._show_comments()
        return comment

    def delete_comment(self, comment_id: str) -> bool:
        """Delete one of the coach's own comments."""
        gone = self.store.delete_comment(comment_id)
        self._on_saved()
        self.comment_feedback.value = message_html(t("review.comment_deleted", self.lang), "ok") if gone else ""
        self._show_comments()
        return gone

    def _show_comments(self) -> None:
        lang = self.lang
        comments = self.store.comments(self.interview_id) if self.interview_id else []
        rows: list[w.Widget] = []
        for comment in reversed(comments):  # newest first
            about = (
                item_label(comment.item, lang, self._own_labels) if comment.item else t("review.comment_whole", lang)
            )
            read = (
                t("review.read_on", lang, date=format_date(comment.read_at, lang))
                if comment.read_at
                else t("review.unread", lang)
            )
            meta = f"{format_date(comment.created_at, lang, long=True)} · {about} · {read}"
            text = f"<small>{escape(meta)}</small><div class='wb-review-text'>{escape(comment.text)}</div>"
            parts: list[w.Widget] = [w.HTML(text, layout=w.Layout(flex="1 1 auto"))]
            if comment.coach_id == self.coach_id:
                delete = w.Button(description=t("review.comment_delete", lang), icon="trash")
                delete.layout.width, delete.layout.flex = "auto", "0 0 auto"  # the whole word, never "Verw…"
                delete.add_class("wb-comment-delete")
                delete.on_click(lambda _, cid=comment.id: self.delete_comment(cid))
                parts.append(delete)
            row = w.HBox(parts, layout=w.Layout(align_items="flex-start"))
            row.add_class("wb-comment")
            rows.append(row)
        if not rows:
            rows.append(w.HTML(f"<small>{escape(t('review.no_comments', lang))}</small>"))
        replace_children(self.comment_list, rows)

    # -- a lost code ------------------------------------------------------------

    def prepare_report(self) -> str | None:
        """This candidate's printable report of all their interviews (HTML), with the coach's scores and comments."""
        from workbook.reports import candidate_report

        if self.candidate_id is None:
            return None
        from workbook.analysis import filter_tables

        filename = f"{t('export.report_file', self.lang)}-{safe_filename(self._label)}.html"
        # Read afresh: the scores and comments of this visit belong in it.
        tables = filter_tables(self.store.tables(), candidate_id=self.candidate_id)
        html = candidate_report(tables, self.candidate_id, self.lang)
        self.report_link.value = download_link(filename, html.encode("utf-8"), "text/html", filename)
        return filename

    def renew_code(self) -> str | None:
        """For a candidate who lost their code: a new one, shown to the coach once."""
        if self.candidate_id is None:
            return None
        code = self.store.new_code_for(self.candidate_id)
        self.new_code_shown.value = message_html(
            t_html("coach.new_code_made", self.lang, name=self._label, code=code), "ok", trusted_html=True
        )
        return code
