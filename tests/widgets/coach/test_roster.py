"""The roster: a row per candidate, names told apart, flags, sorting, search and pages."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.widgets.coach.conftest import join
from workbook.demo import DemoResult, fill_demo
from workbook.store import Database
from workbook.widgets.coach import CoachHome
from workbook.widgets.coach.roster import PAGE_SIZE


def test_one_row_per_candidate_and_a_click_opens_the_review(db: Database, demo: DemoResult) -> None:
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    roster = page.roster
    assert page.tabs.selected_index == 0 and "wb-roster" in roster._dom_classes  # the first screen
    assert len(roster.visible()) == 8 and len(roster.rows_box.children) == 8
    names = sorted(name for name, _code in demo.sample_codes)
    shown = [row.open_button.description for row in roster.rows_box.children]
    assert shown == sorted(shown) and set(names) <= set(shown)
    first = roster.rows_box.children[0]
    assert "wb-roster-open" in first.open_button._dom_classes
    assert "✓" in first.cells.value and "Gesprekken" in roster.header.value
    assert "1–8 van 8" in roster.count.value
    first.open_button.click()
    assert page.tabs.selected_index == 1 and page.review.candidate_id == first.candidate_id
    assert "wb-review" in page.review._dom_classes


def test_equal_names_are_told_apart_and_flags_filter(
    db: Database, demo: DemoResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    join(db, "Sanne de Vries", demo.workshop_code)
    join(db, "Sanne de Vries", demo.workshop_code, interview=True)
    page = CoachHome(db.for_coach(demo.coach_id), "en")
    roster = page.roster
    labels = [row.open_button.description for row in roster.rows_box.children]
    assert "Sanne de Vries (1)" in labels and "Sanne de Vries (2)" in labels
    twin = next(row for row in roster.rows_box.children if row.open_button.description == "Sanne de Vries (1)")
    assert "signed up" in twin.cells.value and "no interview yet" in twin.cells.value
    roster.flag.value = "no_interview"
    assert [roster.label_of(c) for c in roster.order] == ["Sanne de Vries (1)"]
    roster.flag.value = "inactive"
    assert roster.order == []  # everybody did something today
    monkeypatch.setattr("workbook.widgets.coach.home._today", lambda: dt.date.today() + dt.timedelta(days=8))
    page.refresh()
    assert len(roster.order) == 10 and "nothing for 7 days" in roster.rows_box.children[0].cells.value
    roster.flag.value = "all"
    roster.search.value = "SANNE de"
    assert [roster.label_of(c) for c in roster.order][:2] == ["Sanne de Vries (1)", "Sanne de Vries (2)"]
    roster.search.value = "nobody by this name"
    assert roster.order == [] and "Nobody matches" in roster.empty.value


def test_sorting_puts_who_is_behind_first(db: Database, demo: DemoResult) -> None:
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    roster, frame = page.roster, page.roster_frame()
    roster.sort.value = "steps_open"
    open_steps = [int(frame.set_index("candidate_id").loc[c, "steps_open"]) for c in roster.order]
    assert open_steps == sorted(open_steps, reverse=True)
    roster.sort.value = "self_mean"
    means = [frame.set_index("candidate_id").loc[c, "self_mean"] for c in roster.order]
    known = [m for m in means if m == m]
    assert known == sorted(known)


def test_a_thousand_candidates_are_paged(db: Database) -> None:
    demo = fill_demo(db, candidates=PAGE_SIZE + 7, interviews=1, seed=5)
    page = CoachHome(db.for_coach(demo.coach_id), "nl")
    roster = page.roster
    assert len(roster.rows_box.children) == PAGE_SIZE and f"1–{PAGE_SIZE} van {PAGE_SIZE + 7}" in roster.count.value
    first_page = roster.visible()
    roster.next_button.click()
    assert len(roster.visible()) == 7 and roster.next_button.disabled and not roster.previous_button.disabled
    assert not set(roster.visible()) & set(first_page)
    assert roster.visible() == roster.order[PAGE_SIZE:]
    roster.flag.value = "all"
    roster.search.value = "a"
    assert roster.page == 0  # a new search starts on the first page
