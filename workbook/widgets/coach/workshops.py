"""Creating and deleting a workshop: two folded forms under the workshop picker."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import ipywidgets as w

from workbook.model import LANGS, ValidationError, Workshop
from workbook.store import Store
from workbook.texts import t
from workbook.widgets._common import message_html
from workbook.widgets.coach._tables import LABEL_STYLE, LANGUAGE_NAMES

__all__ = ["WorkshopForms"]


class WorkshopForms(w.VBox):
    """The "new workshop" and "delete workshop" forms.

    ``on_created(workshop_id)`` and ``on_deleted()`` let the coach view select the new
    workshop, or fall back to all workshops, before anything else is drawn.
    """

    def __init__(
        self,
        store: Store,
        lang: str,
        *,
        chosen: Callable[[], Workshop | None],
        on_created: Callable[[str], None],
        on_deleted: Callable[[], None],
    ) -> None:
        super().__init__()
        self.store, self.lang = store, lang
        self._chosen, self._on_created, self._on_deleted = chosen, on_created, on_deleted
        self.new_name = w.Text(description=t("coach.name", lang), style=LABEL_STYLE)
        self.new_start = w.DatePicker(description=t("coach.starts", lang), value=dt.date.today(), style=LABEL_STYLE)
        self.new_end = w.DatePicker(description=t("coach.ends", lang), style=LABEL_STYLE)
        self.new_lang = w.Dropdown(
            options=[(LANGUAGE_NAMES[code], code) for code in LANGS], value=lang, description=t("coach.language", lang)
        )
        self.create_button = w.Button(description=t("coach.create", lang), icon="plus")
        self.create_button.add_class("wb-workshop-create")
        self.create_button.on_click(lambda _: self.create_workshop())
        self.create_feedback = w.HTML()
        self.delete_name = w.Text(placeholder=t("coach.name", lang))
        self.delete_button = w.Button(
            description=t("coach.delete_workshop_button", lang), icon="trash", button_style="danger"
        )
        self.delete_button.on_click(lambda _: self.delete_workshop())
        self.delete_feedback = w.HTML()
        self.new_box = w.Accordion(
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
        self.new_box.set_title(0, t("coach.new", lang))
        self.new_box.selected_index = None
        self.delete_box = w.Accordion(
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
        self.delete_box.set_title(0, t("coach.delete_workshop", lang))
        self.delete_box.selected_index = None
        self.children = [self.new_box, self.delete_box]
        self.add_class("wb-workshop-forms")

    def create_workshop(self) -> str | None:
        """Create the workshop in the form; shows and returns its join code."""
        try:
            group = Workshop(
                coach_id=str(self.store.scope.coach_id),
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
        self._on_created(group.id)
        return code

    def delete_workshop(self) -> bool:
        """Delete the chosen workshop once its name is typed, with its candidates' data."""
        group = self._chosen()
        if group is None:
            self.delete_feedback.value = message_html(t("coach.pick_workshop_first", self.lang), "warning")
            return False
        if self.delete_name.value.strip() != group.name:
            self.delete_feedback.value = message_html(t("coach.name_mismatch", self.lang), "warning")
            return False
        self.store.delete_workshop(group.id, with_candidates=True)
        self.delete_name.value = ""
        self.delete_feedback.value = message_html(t("coach.workshop_deleted", self.lang, name=group.name), "ok")
        self._on_deleted()
        return True
