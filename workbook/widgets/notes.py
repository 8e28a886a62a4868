"""Notes and summary (G23): free notes, worked into a short summary; promises
mentioned there become tracked items with one click."""

from __future__ import annotations

import ipywidgets as w

from workbook.model import Note, Promise, Summary
from workbook.texts import t
from workbook.widgets._common import message_html
from workbook.widgets._exercise import Exercise
from workbook.workdays import next_working_day

__all__ = ["NotesSummary", "promised_lines"]


def promised_lines(text: str) -> list[str]:
    """The promised items of the summary field: one per line, bullets stripped, no repeats."""
    seen: dict[str, str] = {}
    for line in text.splitlines():
        item = line.strip().lstrip("-•*·").strip()
        if item and item.casefold() not in seen:
            seen[item.casefold()] = item
    return list(seen.values())


class NotesSummary(Exercise):
    """Notes during and after the interview, and the summary form."""

    step = "notes"

    def build(self) -> None:
        lang = self.lang
        box = w.Layout(width="calc(100% - 8px)", height="8em")
        self.during = w.Textarea(description=t("notes.during", lang), layout=box)
        self.after = w.Textarea(description=t("notes.after", lang), layout=box)
        self.key_points = w.Textarea(
            description=t("notes.key_points", lang),
            placeholder=t("notes.key_points_placeholder", lang),
            layout=box,
        )
        self.their_questions = w.Textarea(
            description=t("notes.their_questions", lang),
            placeholder=t("notes.their_questions_placeholder", lang),
            layout=box,
        )
        self.promised = w.Textarea(
            description=t("notes.promised", lang),
            placeholder=t("notes.promised_placeholder", lang),
            layout=box,
        )
        self.interviewer_names = w.Text(
            description=t("notes.interviewer_names", lang), layout=w.Layout(width="calc(100% - 8px)")
        )
        fields = (self.during, self.after, self.key_points, self.their_questions, self.promised, self.interviewer_names)
        for field in fields:
            field.style.description_width = "14em"
        self.track_button = w.Button(description=t("notes.track", lang), icon="list-check")
        self.track_button.on_click(lambda _: self.track_promises())
        self.track_feedback = w.HTML()
        self._watch(*fields)
        self.children = [
            w.HTML(f"<h2>{t('notes.heading', lang)}</h2>"),
            w.HTML(message_html(t("notes.intro", lang), "tip")),
            self.during,
            self.after,
            w.HTML(f"<h3>{t('notes.summary_heading', lang)}</h3>"),
            self.interviewer_names,
            self.key_points,
            self.their_questions,
            self.promised,
            w.HBox([self.track_button, self.track_feedback]),
            self.status,
        ]

    def load(self) -> None:
        iid = self.interview.id
        during = self.store.one(Note, iid, kind="during")
        after = self.store.one(Note, iid, kind="after")
        summary = self.store.one(Summary, iid) or Summary(
            interview_id=iid, interviewer_names=", ".join(p.name for p in self.interview.interviewers)
        )
        with self._quietly():
            self.during.value = during.text if during else ""
            self.after.value = after.text if after else ""
            self.key_points.value = summary.key_points
            self.their_questions.value = summary.their_questions
            self.promised.value = summary.promised
            self.interviewer_names.value = summary.interviewer_names
        self._snapshot()

    def records(self) -> dict[str, Note | Summary]:
        iid = self.interview.id
        return {
            "during": Note(interview_id=iid, kind="during", text=self.during.value),
            "after": Note(interview_id=iid, kind="after", text=self.after.value),
            "summary": self.summary(),
        }

    def summary(self) -> Summary:
        """The summary as on screen."""
        return Summary(
            interview_id=self.interview.id,
            key_points=self.key_points.value,
            their_questions=self.their_questions.value,
            promised=self.promised.value,
            interviewer_names=self.interviewer_names.value,
        )

    def track_promises(self) -> list[Promise]:
        """Create a promise for every line of "what you promised" not tracked yet."""
        self.flush()
        known = {p.what.casefold() for p in self.store.records(Promise, self.interview.id)}
        promised_on = self.interview.date
        created = []
        for item in promised_lines(self.promised.value):
            if item.casefold() in known:
                continue
            promise = Promise(
                interview_id=self.interview.id,
                what=item,
                to_whom=self.interviewer_names.value,
                promised_on=promised_on,
                # G10: send it shortly after the interview, by the next working day.
                due_on=next_working_day(promised_on),
            )
            created.append(self.store.save(promise))
        if created:
            self.track_feedback.value = message_html(t("notes.tracked", self.lang, count=len(created)), "ok")
        else:
            self.track_feedback.value = message_html(t("notes.nothing_new", self.lang), "tip")
        return created
