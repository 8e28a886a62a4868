"""The projector view: what the room sees while a workshop runs."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator

import ipywidgets as w
import pytest

from tests.loops import in_own_loop
from workbook.demo import DemoResult, fill_demo
from workbook.model import Candidate, Interview
from workbook.store import Database
from workbook.widgets.projector import ProjectorView

ADDRESS = "http://zaal-3:8866/?token=abc123"


@pytest.fixture
def demo(db: Database) -> DemoResult:
    return fill_demo(db, candidates=6, interviews=2, seed=7, workshop_name="Najaar")


def _widgets(widget: w.Widget) -> Iterator[w.Widget]:
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _widgets(child)


def _text(view: ProjectorView) -> str:
    return "\n".join(str(getattr(part, "value", "")) for part in _widgets(view))


def test_shows_address_code_and_counts(db: Database, demo: DemoResult) -> None:
    view = ProjectorView(db.for_coach(demo.coach_id), demo.workshop_id, "nl", address=ADDRESS)
    text = _text(view)
    assert "Najaar" in view.title.value
    assert demo.workshop_code in view.join.value and "abc123" in view.join.value
    assert "wb-projector" in view._dom_classes
    figures = view.figures
    assert figures is not None
    assert (figures.joined, figures.with_interview, figures.interviews) == (6, 6, 12)
    assert "<b>6</b>aangemeld" in view.counts.value and "<b>12</b>gesprekken" in view.counts.value
    # Every step's bar counts all twelve interviews, split by status.
    completion = figures.completion
    assert list(completion[["not_started", "started", "done"]].sum(axis=1)) == [12] * 7
    assert "Slotvragen" in view.progress.value and "van de 12 gesprekken" in view.progress.value
    assert "Voortgang per stap" in text and "ververst zichzelf elke 30 seconden" in text


def test_english_and_no_address(db: Database, demo: DemoResult) -> None:
    view = ProjectorView(db.for_coach(demo.coach_id), demo.workshop_id, "en")
    assert "Go to" not in view.join.value  # no address known: none shown
    assert "Workshop code" in view.join.value and "joined" in view.counts.value
    assert view.close_button.description == "Close"


def test_no_names_and_no_admin_controls(db: Database, demo: DemoResult) -> None:
    coach = db.for_coach(demo.coach_id)
    view = ProjectorView(coach, demo.workshop_id, "nl", address=ADDRESS)
    text = _text(view)
    for name in coach.table("candidates")["name"]:
        assert str(name) not in text
    # Everything but text and boxes is a control: only Close may be there.
    controls = [c for c in _widgets(view) if not isinstance(c, w.HTML | w.Box)]
    assert controls == [view.close_button]


def test_refresh_picks_up_a_newly_joined_candidate(db: Database, demo: DemoResult) -> None:
    view = ProjectorView(db.for_coach(demo.coach_id), demo.workshop_id, "nl", refresh_s=0)
    store, _code = db.accounts.sign_up(Candidate(name="Nieuwe Deelnemer"), workshop_code=demo.workshop_code)
    assert view.refresh().joined == 7
    assert view.figures is not None and view.figures.with_interview == 6
    assert "<b>7</b>aangemeld" in view.counts.value
    assert store.candidate_id is not None
    store.save(Interview(candidate_id=store.candidate_id, employer="ING", role="Analist", date=dt.date(2026, 10, 1)))
    figures = view.refresh()
    assert (figures.with_interview, figures.interviews) == (7, 13)
    assert "Nieuwe Deelnemer" not in _text(view)


def test_only_this_workshop_is_counted(db: Database, demo: DemoResult) -> None:
    other = fill_demo(
        db, candidates=3, interviews=1, seed=8, workshop_name="Ander", coach_name="ander", coach_passcode="ander-pass"
    )
    view = ProjectorView(db.for_coach(demo.coach_id), demo.workshop_id, "nl")
    assert view.figures is not None and view.figures.joined == 6
    # Another coach's workshop is not this coach's to project.
    foreign = ProjectorView(db.for_coach(demo.coach_id), other.workshop_id, "nl")
    assert foreign.figures is not None and foreign.figures.joined == 0
    assert other.workshop_code not in foreign.join.value


def test_close_calls_back_and_stops_refreshing(db: Database, demo: DemoResult) -> None:
    closed: list[bool] = []
    view = ProjectorView(db.for_coach(demo.coach_id), demo.workshop_id, "nl", on_close=lambda: closed.append(True))
    view.close_button.click()
    assert closed == [True] and not view.refreshing


def test_refreshes_itself_on_the_event_loop(db: Database, demo: DemoResult) -> None:
    coach = db.for_coach(demo.coach_id)

    async def scenario() -> None:
        view = ProjectorView(coach, demo.workshop_id, "nl", refresh_s=0.01)
        assert view.refreshing
        first = view.figures
        db.accounts.sign_up(Candidate(name="Laatkomer"), workshop_code=demo.workshop_code)
        for _ in range(500):  # until the timer has fired (bounded, not a fixed wait)
            if view.figures is not first:
                break
            await asyncio.sleep(0.01)
        assert view.figures is not first and view.figures is not None and view.figures.joined == 7
        assert view.refreshing  # and the next one is on its way
        view.close()
        assert not view.refreshing

    in_own_loop(scenario)
