"""The coach view on demo data: cohort charts, drill-down, coach scoring, own content, exports."""

from __future__ import annotations

import base64
import io
import re
import zipfile

import openpyxl
import pytest

from workbook.demo import DemoResult, fill_demo
from workbook.model import Reflection
from workbook.store import AccessDenied, Database
from workbook.widgets.coach import CoachHome


@pytest.fixture
def demo(db: Database) -> DemoResult:
    return fill_demo(db, candidates=8, interviews=3, seed=3)


def _payload(link: str) -> bytes:
    return base64.b64decode(re.search(r"base64,([^\"]+)", link).group(1))  # type: ignore[union-attr]


def test_cohort_view_shows_real_charts(db: Database, demo: DemoResult) -> None:
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    assert "8 kandidaten, 24 gesprekken" in page.figures.value
    images = [c for c in page.cohort_charts.children if hasattr(c, "format") and c.format == "png"]
    assert len(images) >= 3 and all(len(image.value) > 1000 for image in images)
    html = " ".join(getattr(c, "value", "") for c in page.cohort_charts.children if not hasattr(c, "format"))
    assert "Voltooiing per stap" in html and "n staat bij elke balk" in html
    assert page.busy.value == ""  # the progress note is gone once computed


def test_filters_and_workshops(db: Database, demo: DemoResult) -> None:
    page = CoachHome(db.for_coach(demo.coach_id), "en")
    page.workshop.value = demo.workshop_id
    assert demo.workshop_code in page.workshop_info.value
    page.rounds.value = ("introduction",)
    page.apply_button.click()
    shown = len(page.tables["interviews"])
    assert 0 < shown < 24 and set(page.tables["interviews"]["round"]) == {"introduction"}


def test_a_new_workshop_gets_a_code(db: Database, demo: DemoResult) -> None:
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    page.new_name.value = "  "
    page.create_button.click()
    assert "Naam is verplicht." in page.create_feedback.value
    page.new_name.value = "Voorjaar"
    code = page.create_workshop()
    assert code is not None and code in page.create_feedback.value
    assert db.accounts.find_workshop(code).name == "Voorjaar"  # type: ignore[union-attr]
    assert "8 kandidaten" not in page.figures.value  # the new, empty workshop is selected


def test_drill_down_and_coach_scoring(db: Database, demo: DemoResult) -> None:
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    page.tabs.selected_index = 1
    assert page.candidate.value == page.candidate.options[0][1]  # the first candidate, without a click
    assert "wb-progress" in page.candidate_view.children[0].value
    interview_id = page.score_interview.value
    page.score_items["thanked"].score.value = 2
    page.score_items["asked-next-step"].score.value = 5
    page.score_save.click()
    assert "opgeslagen" in page.score_feedback.value
    stored = db.for_coach(demo.coach_id).one(Reflection, interview_id, scorer="coach")
    assert stored is not None and stored.scores["thanked"] == 2 and stored.scores["asked-next-step"] == 5


def test_own_content(db: Database, demo: DemoResult) -> None:
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    page.tabs.selected_index = 2
    assert "Kies eerst één workshop" in page.content.children[0].value
    page.workshop.value = demo.workshop_id
    page.tabs.selected_index = 0
    page.tabs.selected_index = 2
    purpose, _language, text, _when, add, feedback = page.question_form
    text.value = "Wat verdien ik hier?"
    assert "G15" in feedback.value  # checked like the built-in questions
    text.value = "Met welk team zou ik starten?"
    purpose.value = "ready"
    add.click()
    assert "Toegevoegd" in feedback.value
    _phase, label, anchors, add_item, item_feedback = page.rubric_form
    label.value = "Oogcontact"
    add_item.click()
    assert "verplicht" in item_feedback.value  # anchors are required
    for n, field in enumerate(anchors, start=1):
        field.value = f"niveau {n}"
    add_item.click()
    assert "Toegevoegd" in item_feedback.value
    assert len(db.for_coach(demo.coach_id).table("workshop_rubric_items")) == 1


def test_exports(db: Database, demo: DemoResult) -> None:
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    page.workshop.value = demo.workshop_id
    filename = page.prepare_export()
    assert filename == "groep-demo-workshop.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(_payload(page.export_links.value)))
    assert {"summary", "candidates", "interviews", "reflection_scores"} <= set(book.sheetnames)
    summary_text = [c.value for row in book["summary"].iter_rows() for c in row if isinstance(c.value, str)]
    assert "step_completion" in summary_text and "closing_outcomes" in summary_text
    page.prepare_csv()
    archive = zipfile.ZipFile(io.BytesIO(_payload(page.export_links.value)))
    assert "interviews.csv" in archive.namelist() and "step_completion.csv" in archive.namelist()


def test_an_empty_coach_sees_a_helpful_screen(db: Database) -> None:
    coach = db.accounts.set_coach_passcode("fresh-coach-pass", name="Nieuw")
    page = CoachHome(db.for_coach(coach), "nl")
    assert page.new_box.selected_index == 0  # the new-workshop form is open
    assert page.workshop.options == (("Al mijn workshops", ""),)
    assert "0 kandidaten" in page.figures.value and "Nog geen gegevens" in page.cohort_charts.children[0].value


def test_deleting_a_workshop_from_the_coach_view(db: Database, demo: DemoResult) -> None:
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    page.delete_button.click()
    assert "Kies eerst één workshop" in page.delete_feedback.value
    page.workshop.value = demo.workshop_id
    page.delete_name.value = "Verkeerde naam"
    page.delete_button.click()
    assert "niets verwijderd" in page.delete_feedback.value
    page.delete_name.value = "Demo-workshop"
    page.delete_button.click()
    assert "is verwijderd" in page.delete_feedback.value
    assert db.for_coach().table("candidates").empty and page.workshop.options == (("Al mijn workshops", ""),)


def test_a_coach_gives_a_candidate_a_new_code(db: Database, demo: DemoResult) -> None:
    name, old_code = demo.sample_codes[0]
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    page.tabs.selected_index = 1
    page.candidate.value = next(value for label, value in page.candidate.options if label == name)
    page.new_code_button.click()
    new_code = re.search(r"<b>([A-Z0-9-]+)</b>", page.new_code_shown.value).group(1)  # type: ignore[union-attr]
    assert db.accounts.find_candidate(old_code) is None
    found = db.accounts.find_candidate(new_code)
    assert found is not None and found.name == name
    other = db.accounts.set_coach_passcode("other-coach-pass", name="Other")
    with pytest.raises(AccessDenied):
        db.for_coach(other).new_code_for(found.id)
