"""A workshop's own content: closing questions and rubric items the coach adds,
edits and deletes. Lists show texts and labels, never keys.

Deleting a question leaves the copies candidates planned; deleting a rubric item
retires it, so the scores given keep their label.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import ipywidgets as w

from workbook import guidance
from workbook.checks import check_question
from workbook.model import LANGS, ValidationError, WorkshopQuestion, WorkshopRubricItem, new_id
from workbook.store import Store
from workbook.texts import t
from workbook.widgets._common import escape, message_html, replace_children
from workbook.widgets.coach._tables import LABEL_STYLE, LANGUAGE_NAMES
from workbook.widgets.questions import feedback_html

R = TypeVar("R", WorkshopQuestion, WorkshopRubricItem)

__all__ = ["OwnContent"]

_WIDE = "calc(100% - 8px)"


class OwnContent(w.VBox):
    """Add, edit and delete the chosen workshop's own questions and rubric items."""

    def __init__(self, store: Store, lang: str, *, on_saved: Callable[[], object] = lambda: None) -> None:
        super().__init__()
        self.store, self.lang = store, lang
        self._on_saved = on_saved
        self.workshop_id: str | None = None
        self.editing_question: WorkshopQuestion | None = None
        self.editing_item: WorkshopRubricItem | None = None
        self.notice = w.HTML()
        # -- a question
        purpose = w.Dropdown(
            options=[(t(f"purpose.{p.key}", lang), p.key) for p in guidance.purposes()],
            description=t("coach.purpose", lang),
        )
        language = w.Dropdown(
            options=[(LANGUAGE_NAMES[code], code) for code in LANGS], value=lang, description=t("coach.language", lang)
        )
        text = w.Textarea(description=t("coach.text", lang), layout=w.Layout(width=_WIDE), style=LABEL_STYLE)
        when = w.Text(description=t("coach.when", lang), layout=w.Layout(width=_WIDE), style=LABEL_STYLE)
        text_feedback = w.HTML()
        add_question = w.Button(description=t("coach.add", lang), icon="plus", button_style="primary")
        add_question.on_click(lambda _: self.save_question())
        self.cancel_question = w.Button(description=t("content.cancel", lang), icon="times")
        self.cancel_question.on_click(lambda _: self.stop_editing())
        text.observe(lambda _: self._check(), names="value")
        language.observe(lambda _: self._check(), names="value")
        self.question_form = (purpose, language, text, when, add_question, text_feedback)
        # -- a rubric item
        phase = w.Dropdown(
            options=[(t(f"phase.{p.key}", lang), p.key) for p in guidance.phases()], description=t("coach.phase", lang)
        )
        label = w.Text(description=t("coach.label", lang), layout=w.Layout(width=_WIDE), style=LABEL_STYLE)
        anchors = [
            w.Text(description=str(n), placeholder=t("coach.anchor", lang, n=n), layout=w.Layout(width=_WIDE))
            for n in range(1, 6)
        ]
        item_feedback = w.HTML()
        add_item = w.Button(description=t("coach.add", lang), icon="plus", button_style="primary")
        add_item.on_click(lambda _: self.save_rubric_item())
        self.cancel_item = w.Button(description=t("content.cancel", lang), icon="times")
        self.cancel_item.on_click(lambda _: self.stop_editing())
        self.rubric_form = (phase, label, anchors, add_item, item_feedback)
        self.question_list = w.VBox()
        self.question_list.add_class("wb-content-questions")
        self.item_list = w.VBox()
        self.item_list.add_class("wb-content-items")
        self.forms = w.VBox(
            [
                w.HTML(f"<h3>{t('coach.own_question', lang)}</h3>"),
                purpose,
                language,
                text,
                text_feedback,
                when,
                w.HBox([add_question, self.cancel_question]),
                w.HTML(f"<h3>{t('coach.own_rubric', lang)}</h3>"),
                phase,
                label,
                *anchors,
                w.HBox([add_item, self.cancel_item]),
                item_feedback,
                w.HTML(f"<h3>{t('content.questions', lang)}</h3>"),
                self.question_list,
                w.HTML(f"<h3>{t('content.items', lang)}</h3>"),
                self.item_list,
            ]
        )
        self.children = [self.notice]
        self.add_class("wb-content")
        self.stop_editing()

    # -- which workshop ---------------------------------------------------------

    def show(self, workshop_id: str | None) -> None:
        """Show the content of one workshop (none: ask the coach to pick one)."""
        if workshop_id != self.workshop_id:
            self.stop_editing()
        self.workshop_id = workshop_id
        if not workshop_id:
            self.notice.value = message_html(t("coach.pick_workshop_first", self.lang), "tip")
            self.children = [self.notice]
            return
        self.notice.value = ""
        self.children = [self.notice, self.forms]
        self._show_lists()

    # -- questions --------------------------------------------------------------

    def _check(self) -> None:
        _purpose, language, text, _when, _add, feedback = self.question_form
        found = check_question(text.value, lang=language.value, round="selection") if text.value.strip() else []
        feedback.value = feedback_html([f for f in found if f.level != "ok"], self.lang, points=True)

    def save_question(self) -> WorkshopQuestion | None:
        """Add the question in the form, or save the change to the one being edited."""
        purpose, language, text, when, _add, feedback = self.question_form
        workshop_id = self.workshop_id
        if not workshop_id:
            return None
        editing = self.editing_question

        def make() -> WorkshopQuestion:
            return WorkshopQuestion(
                workshop_id=workshop_id,
                purpose=purpose.value,
                text=text.value,
                language=language.value,
                when_to_use=when.value,
                id=editing.id if editing else new_id(),
            )

        return self._save(feedback, editing is not None, make, self.store.update_question, self.store.add_question)

    def edit_question(self, question_id: str) -> None:
        """Load one of the workshop's questions into the form to change it."""
        found = next((q for q in self.store.workshop_questions(self.workshop_id) if q.id == question_id), None)
        if found is None:
            return
        purpose, language, text, when, add, _feedback = self.question_form
        purpose.value, language.value, text.value, when.value = (
            found.purpose,
            found.language,
            found.text,
            found.when_to_use,
        )
        self.editing_question = found
        add.description = t("content.save", self.lang)
        self.cancel_question.layout.display = None

    def delete_question(self, question_id: str) -> bool:
        """Delete one of the workshop's questions (candidates keep what they planned)."""
        gone = self.store.delete_question(question_id)
        if self.editing_question is not None and self.editing_question.id == question_id:
            self.stop_editing()
        self.question_form[-1].value = message_html(t("content.question_deleted", self.lang), "ok") if gone else ""
        self._show_lists()
        return gone

    # -- rubric items -----------------------------------------------------------

    def save_rubric_item(self) -> WorkshopRubricItem | None:
        """Add the rubric item in the form, or save the change to the one being edited."""
        phase, label, anchors, _add, feedback = self.rubric_form
        workshop_id = self.workshop_id
        if not workshop_id:
            return None
        editing = self.editing_item

        def make() -> WorkshopRubricItem:
            return WorkshopRubricItem(
                workshop_id=workshop_id,
                phase=phase.value,
                label=label.value,
                anchors=tuple(a.value for a in anchors),  # type: ignore[arg-type]
                id=editing.id if editing else new_id(),
            )

        return self._save(
            feedback, editing is not None, make, self.store.update_rubric_item, self.store.add_rubric_item
        )

    def _save(
        self, feedback: w.HTML, editing: bool, make: Callable[[], R], update: Callable[[R], R], add: Callable[[R], R]
    ) -> R | None:
        """Make the record from the form and store it (changed or new); say so, or why not."""
        try:
            record = make()
            (update if editing else add)(record)
        except ValidationError as error:
            feedback.value = message_html(error.message(self.lang), "warning")
            return None
        self.stop_editing()
        feedback.value = message_html(t("content.saved" if editing else "coach.added", self.lang), "ok")
        self._show_lists()
        return record

    def edit_rubric_item(self, item_id: str) -> None:
        """Load one of the workshop's rubric items into the form to change it."""
        found = next((i for i in self._items() if i.id == item_id), None)
        if found is None:
            return
        phase, label, anchors, add, _feedback = self.rubric_form
        phase.value, label.value = found.phase, found.label
        for box, anchor in zip(anchors, found.anchors, strict=True):
            box.value = anchor
        self.editing_item = found
        add.description = t("content.save", self.lang)
        self.cancel_item.layout.display = None

    def delete_rubric_item(self, item_id: str) -> bool:
        """Retire one of the workshop's rubric items: no longer scored, old scores keep their label."""
        gone = self.store.retire_rubric_item(item_id)
        if self.editing_item is not None and self.editing_item.id == item_id:
            self.stop_editing()
        self.rubric_form[-1].value = message_html(t("content.item_deleted", self.lang), "ok") if gone else ""
        self._show_lists()
        return gone

    def stop_editing(self) -> None:
        """Empty both forms; the add buttons add again."""
        _purpose, _language, text, when, add_question, _ = self.question_form
        _phase, label, anchors, add_item, _ = self.rubric_form
        text.value = when.value = label.value = ""
        for box in anchors:
            box.value = ""
        self.editing_question = self.editing_item = None
        add_question.description = add_item.description = t("coach.add", self.lang)
        self.cancel_question.layout.display = self.cancel_item.layout.display = "none"

    # -- lists ------------------------------------------------------------------

    def _items(self) -> list[WorkshopRubricItem]:
        return [i for i in self.store.workshop_rubric_items() if i.workshop_id == self.workshop_id]

    def _row(self, html: str, on_edit: object, on_delete: object) -> w.HBox:
        edit = w.Button(description=t("content.edit", self.lang), icon="pencil")
        edit.add_class("wb-content-edit")
        edit.on_click(on_edit)  # type: ignore[arg-type]
        delete = w.Button(description=t("content.delete", self.lang), icon="trash")
        delete.add_class("wb-content-delete")
        delete.on_click(on_delete)  # type: ignore[arg-type]
        row = w.HBox([w.HTML(html, layout=w.Layout(flex="1 1 auto")), edit, delete])
        row.add_class("wb-content-row")
        return row

    def _show_lists(self) -> None:
        self._on_saved()  # every caller just changed the workshop's content
        lang = self.lang
        questions = self.store.workshop_questions(self.workshop_id)
        rows: list[w.Widget] = [
            self._row(
                f"{escape(q.text)}<br><small>{escape(t(f'purpose.{q.purpose}', lang))} · "
                f"{escape(LANGUAGE_NAMES.get(q.language, q.language))}"
                + (f" · {escape(q.when_to_use)}" if q.when_to_use else "")
                + "</small>",
                lambda _, qid=q.id: self.edit_question(qid),
                lambda _, qid=q.id: self.delete_question(qid),
            )
            for q in questions
        ]
        replace_children(self.question_list, rows or [w.HTML(f"<small>{escape(t('content.none', lang))}</small>")])
        items: list[w.Widget] = []
        for item in self._items():
            anchors = "".join(f"<li>{escape(a)}</li>" for a in item.anchors)
            items.append(
                self._row(
                    f"{escape(item.label)}<br><small>{escape(t(f'phase.{item.phase}', lang))}</small>"
                    f"<details><summary>{escape(t('content.anchors', lang))}</summary><ol>{anchors}</ol></details>",
                    lambda _, iid=item.id: self.edit_rubric_item(iid),
                    lambda _, iid=item.id: self.delete_rubric_item(iid),
                )
            )
        replace_children(self.item_list, items or [w.HTML(f"<small>{escape(t('content.none', lang))}</small>")])
