"""Printable reports: everything a person needs on paper, nothing that runs or is fetched."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from workbook import analysis
from workbook.cli import main
from workbook.demo import fill_demo
from workbook.model import ClosingStatement, CoachComment, PlannedQuestion, Reflection
from workbook.reports import candidate_report, workshop_report
from workbook.store import Database


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.sources += [v or "" for k, v in attrs if k in ("src", "href")]


def _checked(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    assert "script" not in parser.tags and "iframe" not in parser.tags
    assert all(source.startswith("data:image/png;base64,") for source in parser.sources)  # nothing fetched
    return parser


@pytest.fixture
def demo_db(db: Database):  # type: ignore[no-untyped-def]
    demo = fill_demo(db, candidates=5, interviews=3, seed=3)
    return demo, db.for_coach(demo.coach_id)


def test_a_candidates_report_holds_their_work_and_the_coachs(demo_db) -> None:  # type: ignore[no-untyped-def]
    demo, coach = demo_db
    interviews = coach.table("interviews")
    candidate_id = str(interviews["candidate_id"].iloc[0])
    interview_id = str(interviews[interviews["candidate_id"] == candidate_id]["id"].iloc[0])
    candidate = coach.tables()["candidates"].set_index("id").loc[candidate_id, "name"]
    db_store = coach
    db_store.save_comment(
        CoachComment(interview_id=interview_id, coach_id=demo.coach_id, text="<script>x()</script> Goed!")
    )
    db_store.save(Reflection(interview_id=interview_id, scorer="coach", scores={"thanked": 2}))
    html = candidate_report(coach.tables(), candidate_id, "nl")
    tags = _checked(html)
    assert f"Verslag van {candidate}" in html
    assert "&lt;script&gt;x()&lt;/script&gt; Goed!" in html  # the comment, as text
    assert "Feedback van de coach" in html and "Coachscore" in html
    assert tags.tags.count("img") == 1  # progress over the interviews as a chart
    assert len(re.findall(r'class="interview"', html)) == 3 + 1  # each interview, then the progress page
    one = candidate_report(coach.tables(), candidate_id, "en", interview_id=interview_id)
    assert "Closing questions" in one and "Progress over the interviews" not in one


def test_a_candidate_sees_their_own_report(db: Database, store, interview) -> None:  # type: ignore[no-untyped-def]
    store.save(PlannedQuestion(interview_id=interview.id, text="Hoeveel ga ik verdienen?"))
    store.save(ClosingStatement(interview_id=interview.id, appeal="Het team", plan_steps=("kennismaken",), text="Ok"))
    html = candidate_report(store.tables(), store.candidate_id, "nl")
    _checked(html)
    assert "Hoeveel ga ik verdienen?" in html and "Let op" in html  # the warning it drew
    assert "<li>kennismaken</li>" in html


def test_a_workshop_report_counts_with_n(demo_db) -> None:  # type: ignore[no-untyped-def]
    demo, coach = demo_db
    tables = analysis.filter_tables(coach.tables(), workshop_id=demo.workshop_id)
    html = workshop_report(tables, "en", name="Demo <workshop>")
    tags = _checked(html)
    assert "Workshop report: Demo &lt;workshop&gt;" in html
    assert tags.tags.count("img") == 2 and "Participants (n)" in html
    assert html.count("<tr>") >= 5 + 1  # a roster row per candidate


def test_the_cli_writes_both_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    assert main(["demo", "--db", url, "--candidates", "3", "--interviews", "2", "--seed", "5"]) == 0
    assert main(["report", "--db", url, "--workshop", "Demo-workshop", "--out", str(tmp_path / "w.html")]) == 0
    assert "Workshopverslag" in (tmp_path / "w.html").read_text(encoding="utf-8")
    name = Database.open(url).for_coach().table("candidates")["name"].iloc[0]
    out = tmp_path / "c.html"
    assert main(["report", "--db", url, "--candidate", name, "--out", str(out), "--lang", "en"]) == 0
    assert f"Report of {name}" in out.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["report", "--db", url, "--candidate", "Nobody", "--out", str(out)]) == 2
    assert "No single candidate is called 'Nobody'" in capsys.readouterr().err
    assert main(["report", "--db", url, "--out", str(tmp_path / "w.pdf")]) == 2
