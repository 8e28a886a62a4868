"""Creating, choosing and deleting workshops, and the projector view from the shell."""

from __future__ import annotations

import sys
import types
from collections.abc import Callable

import ipywidgets as w
import pytest

from workbook.demo import DemoResult
from workbook.store import Database, Store
from workbook.widgets.coach import CoachHome


def test_a_new_workshop_gets_a_code(db: Database, demo: DemoResult) -> None:
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    page.forms.new_name.value = "  "
    page.forms.create_button.click()
    assert "Naam is verplicht." in page.forms.create_feedback.value
    page.forms.new_name.value = "Voorjaar"
    code = page.create_workshop()
    assert code is not None and code in page.forms.create_feedback.value
    found = db.accounts.find_workshop(code)
    assert found is not None and found.name == "Voorjaar"
    # The new, empty workshop is selected, its code shown, its roster empty.
    assert page.workshop.value == found.id and code in page.workshop_info.value
    assert "8 kandidaten" not in page.figures.value and "0 kandidaten" in page.figures.value
    assert page.roster.order == [] and "Nog geen deelnemers" in page.roster.empty.value


def test_deleting_a_workshop_from_the_coach_view(db: Database, demo: DemoResult) -> None:
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    page.forms.delete_button.click()
    assert "Kies eerst één workshop" in page.forms.delete_feedback.value
    page.workshop.value = demo.workshop_id
    page.forms.delete_name.value = "Verkeerde naam"
    page.forms.delete_button.click()
    assert "niets verwijderd" in page.forms.delete_feedback.value
    page.forms.delete_name.value = "Demo-workshop"
    page.forms.delete_button.click()
    assert "is verwijderd" in page.forms.delete_feedback.value
    assert db.for_coach().table("candidates").empty and page.workshop.options == (("Al mijn workshops", ""),)
    assert page.roster.order == []


class _FakeProjector(w.VBox):
    def __init__(
        self,
        store: Store,
        workshop_id: str,
        lang: str,
        *,
        address: str = "",
        on_close: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.workshop_id, self.lang, self.address, self.on_close = workshop_id, lang, address, on_close


def test_the_projector_view_replaces_the_coach_view_and_comes_back(
    db: Database, demo: DemoResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = types.ModuleType("workbook.widgets.projector")
    module.ProjectorView = _FakeProjector  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "workbook.widgets.projector", module)
    monkeypatch.setenv("WORKBOOK_ADDRESS", "http://zaal:8866/")
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    assert page.projector_button.description == "Projectorweergave"
    assert "wb-projector-open" in page.projector_button._dom_classes
    page.projector_button.click()
    assert "Kies eerst één workshop" in page.projector_feedback.value and page.children == (page.shell,)
    page.workshop.value = demo.workshop_id
    page.projector_button.click()
    view = page.children[0]
    assert isinstance(view, _FakeProjector)
    assert view.workshop_id == demo.workshop_id and view.address == "http://zaal:8866/" and view.lang == "nl"
    assert view.on_close is not None
    view.on_close()
    assert page.children == (page.shell,) and page.projector is None
    assert page.workshop.value == demo.workshop_id  # the coach view as it was
