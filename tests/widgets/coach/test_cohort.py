"""The cohort tab, the filters and the exports: charts with n, labels instead of codes."""

from __future__ import annotations

import base64
import io
import re
import zipfile

import openpyxl

from workbook.demo import DemoResult
from workbook.model import Workshop
from workbook.store import Database
from workbook.widgets.coach import CoachHome


def _payload(link: str) -> bytes:
    return base64.b64decode(re.search(r"base64,([^\"]+)", link).group(1))  # type: ignore[union-attr]


def _html(page: CoachHome) -> str:
    return " ".join(getattr(c, "value", "") for c in page.cohort.cohort_charts.children if not hasattr(c, "format"))


def test_cohort_view_shows_real_charts(db: Database, demo: DemoResult) -> None:
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    assert "8 kandidaten, 24 gesprekken" in page.figures.value
    assert page.cohort.cohort_charts.children == ()  # computed only when its tab opens
    page.show_tab("cohort")
    images = [c for c in page.cohort.cohort_charts.children if hasattr(c, "format") and c.format == "png"]
    assert len(images) >= 3 and all(len(image.value) > 1000 for image in images)
    html = _html(page)
    assert "Voltooiing per stap" in html and "n staat bij elke balk" in html
    assert page.busy.value == ""  # the progress note is gone once computed


def test_the_cohort_page_shows_labels_never_codes(db: Database, demo: DemoResult) -> None:
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    page.show_tab("cohort")
    html = _html(page)
    assert "Cijfers bij deze grafiek" in html and "Uit de richtlijn" not in html
    assert "Beloftes" in html and ">promises<" not in html  # step labels
    for code in (">salary<", ">warning<", ">word<", ">phrase<", ">verdict<"):
        assert code not in html
    assert "Waarschuwing" in html  # the level as a label
    # The patterns of issue 12: the trend with n, and behaviour and outcome per candidate.
    assert "Van het eerste naar het n-de gesprek" in html and "1e gesprek" in html
    assert "per kandidaat geteld" in html and "samenhang, geen oorzaak" in html


def test_two_workshops_side_by_side(db: Database, demo: DemoResult) -> None:
    store = db.for_coach(demo.coach_id)
    store.create_workshop(Workshop(coach_id=demo.coach_id, name="Najaar"))
    page = CoachHome(store, "en")
    page.show_tab("cohort")
    assert page.cohort.compare_box.layout.display is None
    names = {label for label, _ in page.cohort.compare_a.options}
    assert names == {"Demo-workshop", "Najaar"}
    assert page.cohort.compare_a.value != page.cohort.compare_b.value
    view = page.cohort.compare_view.value
    assert "Demo-workshop" in view and "Najaar" in view and "Share of steps done" in view
    assert "<td>8</td>" in view and "<td>0</td>" in view  # candidates in each


def test_filters_and_workshops(db: Database, demo: DemoResult) -> None:
    page = CoachHome(db.for_coach(demo.coach_id), "en")
    page.workshop.value = demo.workshop_id
    assert demo.workshop_code in page.workshop_info.value
    page.rounds.value = ("introduction",)
    page.apply_button.click()
    shown = len(page.tables["interviews"])
    assert 0 < shown < 24 and set(page.tables["interviews"]["round"]) == {"introduction"}


def test_exports(db: Database, demo: DemoResult) -> None:
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    page.workshop.value = demo.workshop_id
    filename = page.prepare_export()
    assert filename == "groep-demo-workshop-tabellen.xlsx"  # the data export, beside the one for people
    book = openpyxl.load_workbook(io.BytesIO(_payload(page.export.export_links.value)))
    assert {"summary", "candidates", "interviews", "reflection_scores"} <= set(book.sheetnames)
    summary_text = [c.value for row in book["summary"].iter_rows() for c in row if isinstance(c.value, str)]
    assert "step_completion" in summary_text and "closing_outcomes" in summary_text
    page.prepare_csv()
    archive = zipfile.ZipFile(io.BytesIO(_payload(page.export.export_links.value)))
    assert "interviews.csv" in archive.namelist() and "step_completion.csv" in archive.namelist()


def test_the_export_for_people_runs_beside_the_view(db: Database, demo: DemoResult) -> None:
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    page.workshop.value = demo.workshop_id
    running = page.export.start_people_export()
    assert page.export.people_button.disabled  # one at a time, and the view goes on meanwhile
    running.join(timeout=120)
    assert not running.is_alive() and not page.export.people_button.disabled
    assert page.export.progress.value == page.export.progress.max and page.export.progress.layout.display == "none"
    book = openpyxl.load_workbook(io.BytesIO(_payload(page.export.people_links.value)))
    assert book.sheetnames[:3] == ["Deelnemers", "Gesprekken", "Slotvragen"]
    assert book["Deelnemers"].max_row == 1 + 8  # header + the workshop's candidates
    page.export.prepare_people_csv()
    archive = zipfile.ZipFile(io.BytesIO(_payload(page.export.people_links.value)))
    assert "Deelnemers.csv" in archive.namelist()
    assert archive.read("Deelnemers.csv").decode("utf-8-sig").startswith("Deelnemer;")
    filename = page.export.prepare_report()
    assert filename.endswith("verslag.html")
    assert "Workshopverslag: Demo-workshop" in _payload(page.export.people_links.value).decode("utf-8")


def test_an_empty_coach_sees_a_helpful_screen(db: Database) -> None:
    coach = db.accounts.set_coach_passcode("fresh-coach-pass", name="Nieuw")
    page = CoachHome(db.for_coach(coach), "nl")
    assert page.forms.new_box.selected_index == 0  # the new-workshop form is open
    assert page.workshop.options == (("Al mijn workshops", ""),)
    assert "0 kandidaten" in page.figures.value
    assert "Nog geen deelnemers" in page.roster.empty.value
    page.show_tab("cohort")
    assert "Nog geen gegevens" in page.cohort.cohort_charts.children[0].value
