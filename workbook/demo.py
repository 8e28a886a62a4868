"""Demo data: a plausible, reproducible workshop so a coach can try every screen.

Each candidate has a hidden skill that grows over their interviews; what they do at
the close (asking about the next step, making a statement, a timely thank-you email)
follows from that skill, and the outcome of an interview follows from what they did.
So the coach view shows real patterns, and the same ``seed`` always gives the same
data. Texts are in the candidate's language, Dutch or English.

Rows go in with bulk inserts (built through the model's records, so they are valid):
1,000 candidates with 10 interviews each take seconds, not minutes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import random
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from workbook import guidance, identity
from workbook.model import (
    Candidate,
    ClosingStatement,
    Farewell,
    Interview,
    Interviewer,
    PlannedQuestion,
    Promise,
    Reflection,
    Summary,
    ThankYouEmail,
    Workshop,
)
from workbook.schema import TABLES
from workbook.store import Database
from workbook.workdays import next_working_day
from workbook.workshops import create_workshop

__all__ = ["DemoResult", "fill_demo"]

_FIRST = {
    "nl": ["Sanne", "Daan", "Fatima", "Bram", "Lotte", "Mehmet", "Eva", "Jesse", "Noor", "Thijs", "Yara", "Ruben"],
    "en": ["Emma", "Oliver", "Amira", "James", "Sophie", "Lucas", "Chloe", "Noah", "Priya", "Jack", "Maya", "Leo"],
}
_LAST = ["de Vries", "Jansen", "Bakker", "El Amrani", "Visser", "Smit", "Yılmaz", "Meijer", "Brown", "Patel", "Wilson"]
_EMPLOYERS = [
    "Gemeente Utrecht",
    "Rabobank",
    "Philips",
    "Bol",
    "Rijkswaterstaat",
    "UMC Groningen",
    "ASML",
    "Coolblue",
    "Provincie Gelderland",
    "KLM",
    "Greenpeace NL",
    "Hogeschool Rotterdam",
    "Eneco",
    "ANWB",
    "Booking",
]
_ROLES = {
    "nl": [
        "Beleidsadviseur",
        "Projectleider",
        "Data-analist",
        "Kwaliteitsmanager",
        "HR-adviseur",
        "Communicatieadviseur",
    ],
    "en": ["Policy adviser", "Project lead", "Data analyst", "Quality manager", "HR adviser", "Product owner"],
}
_LESSONS = {
    "nl": [
        "Ik moet eerder naar de volgende stap vragen",
        "Mijn slotstatement was te lang",
        "Beter voorbereiden op vragen over mijn ervaring",
        "Rustig bedanken werkt goed",
        "Niet naar salaris vragen in de eerste ronde",
        "Concreet benoemen wat me aanspreekt",
        "Mijn aanpak in stappen maakte indruk",
    ],
    "en": [
        "Ask about the next step earlier",
        "My closing statement was too long",
        "Prepare better for questions about my experience",
        "Thanking calmly works well",
        "Do not ask about salary in the first round",
        "Say concretely what appeals to me",
        "My step-by-step approach made an impression",
    ],
}
_ROUND_ORDER = ("introduction", "selection", "selection", "terms", "other")
_SAMPLE_CODES = 3


@dataclass(frozen=True)
class DemoResult:
    """What a coach needs to try the demo: the workshop and how to get in."""

    workshop_id: str
    workshop_code: str
    coach_id: str
    candidates: int
    interviews: int
    #: Sign-in codes of the first few candidates, to look through their eyes.
    sample_codes: tuple[tuple[str, str], ...] = ()


def _logistic(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def _bulk(db: Database, rows: dict[str, list[dict[str, Any]]]) -> None:
    with db.write() as conn:
        for name in TABLES:  # parents before children
            if rows.get(name):
                conn.execute(TABLES[name].insert(), rows[name])


def _row(record: Any, candidate_id: str, now: dt.datetime) -> dict[str, Any]:
    """A record as a table row (fields the table does not have are dropped later)."""
    row = {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
    for name, value in list(row.items()):
        if isinstance(value, tuple):
            row[name] = list(value)
    return {**row, "candidate_id": candidate_id, "updated_at": now}


def fill_demo(
    db: Database,
    *,
    candidates: int = 30,
    interviews: int = 5,
    seed: int = 0,
    workshop_name: str = "Demo-workshop",
    coach_passcode: str = "demo-coach-passcode",
    coach_name: str = "demo-coach",
    start: dt.date = dt.date(2026, 9, 7),
) -> DemoResult:
    """Fill ``db`` with a demo workshop; returns its code and the coach's id."""
    rng = random.Random(seed)
    coach_id = db.set_coach_passcode(coach_passcode, name=coach_name)
    workshop = Workshop(coach_id=coach_id, name=workshop_name, starts_on=start, ends_on=start + dt.timedelta(days=70))
    code = create_workshop(db, workshop)
    next_step_keys = [q.key for q in guidance.catalogue("next-step")]
    other_keys = [q.key for q in guidance.catalogue() if q.purpose != "next-step"]
    items = guidance.rubric()
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    total = 0
    samples: list[tuple[str, str]] = []
    for index in range(candidates):
        lang = "nl" if rng.random() < 0.7 else "en"
        person = Candidate(name=f"{rng.choice(_FIRST[lang])} {rng.choice(_LAST)}", language=lang)  # type: ignore[arg-type]
        # Hashing a code is slow on purpose (scrypt): only a few demo candidates get one.
        code_hash = None
        if index < _SAMPLE_CODES:
            sample = identity.new_code()
            samples.append((person.name, sample))
            code_hash = identity.hash_code(sample)
        rows["candidates"].append(
            {**{f.name: getattr(person, f.name) for f in dataclasses.fields(person)}, "code_hash": code_hash}
        )
        rows["memberships"].append({"workshop_id": workshop.id, "candidate_id": person.id, "joined_at": now})
        skill = rng.gauss(0, 1)
        day = start + dt.timedelta(days=rng.randint(0, 10))
        for number in range(interviews):
            total += 1
            skill += rng.uniform(0.1, 0.5)  # practice helps
            round_ = _ROUND_ORDER[min(number, len(_ROUND_ORDER) - 1)] if rng.random() < 0.8 else "selection"
            people = (Interviewer(name=f"{rng.choice(_FIRST['nl'])} {rng.choice(_LAST)}", role="", email=""),)
            interview = Interview(
                candidate_id=person.id,
                employer=rng.choice(_EMPLOYERS),
                role=rng.choice(_ROLES[lang]),
                round=round_,  # type: ignore[arg-type]
                date=day,
                interviewers=people,
            )
            asked_next = rng.random() < _logistic(skill)
            statement = rng.random() < _logistic(skill - 0.3)
            email_on_time = rng.random() < _logistic(skill + 0.2)
            skipped_reflection = rng.random() < 0.15
            chance = _logistic(-1.2 + 0.9 * asked_next + 0.6 * statement + 0.7 * email_on_time + 0.3 * skill)
            # "Now" is fixed relative to the start, so a seed gives the same data any day.
            past = day < start + dt.timedelta(days=11 * interviews)
            outcome = ("next_round" if round_ != "terms" else "offer") if rng.random() < chance else "rejected"
            interview = dataclasses.replace(interview, outcome=outcome if past else "pending")  # type: ignore[arg-type]
            rows["interviews"].append(_row(interview, person.id, now))
            for position, p in enumerate(interview.interviewers):
                rows["interviewers"].append(
                    {
                        "interview_id": interview.id,
                        "position": position,
                        "candidate_id": person.id,
                        **dataclasses.asdict(p),
                    }
                )
            keys = rng.sample(other_keys, k=rng.randint(1, 2)) + ([rng.choice(next_step_keys)] if asked_next else [])
            for position, key in enumerate(keys):
                text = guidance.catalogue_question(key).text.get(lang)
                question = PlannedQuestion(
                    interview_id=interview.id, text=text, position=position, source="catalogue", catalogue_key=key
                )
                rows["questions"].append(_row(question, person.id, now))
            if rng.random() < 0.12:  # some candidates still ask what they should not
                text = "Hoeveel ga ik verdienen?" if lang == "nl" else "What is the salary?"
                question = PlannedQuestion(interview_id=interview.id, text=text, position=len(keys))
                rows["questions"].append(_row(question, person.id, now))
            if statement:
                appeal = guidance.advice("statement").examples[2].text.get(lang)
                steps = ("kennismaken met het team", "knelpunten in kaart brengen", "een voorstel doen")
                record = ClosingStatement(interview_id=interview.id, appeal=appeal, plan_steps=steps, text=appeal)
                rows["statements"].append(_row(record, person.id, now))
            if rng.random() < _logistic(skill + 0.5):
                farewell = Farewell(
                    interview_id=interview.id,
                    thanks="Dank voor uw tijd en aandacht." if lang == "nl" else "Thank you for your time.",
                    phrase="Prettige dag nog." if lang == "nl" else "Have a nice day.",
                    checked=("thanked-opportunity",),
                )
                rows["farewells"].append(_row(farewell, person.id, now))
            if rng.random() < _logistic(skill):
                summary = Summary(interview_id=interview.id, key_points=rng.choice(_LESSONS[lang]))
                rows["summaries"].append(_row(summary, person.id, now))
            if rng.random() < 0.5:
                promise = Promise(
                    interview_id=interview.id,
                    what="kopie diploma" if lang == "nl" else "copy of my diploma",
                    promised_on=day,
                    due_on=next_working_day(day),
                    status="sent" if email_on_time else "open",
                    sent_on=next_working_day(day) if email_on_time else None,
                )
                rows["promises"].append(_row(promise, person.id, now))
            send = (
                next_working_day(day) if email_on_time else next_working_day(day) + dt.timedelta(days=rng.randint(2, 6))
            )
            mail = ThankYouEmail(
                interview_id=interview.id,
                subject="Bedankt voor het gesprek" if lang == "nl" else "Thank you for the interview",
                body="...",
                send_on=send,
                sent_on=send if past else None,
            )
            rows["emails"].append(_row(mail, person.id, now))
            if not skipped_reflection:
                scores = {item.key: max(1, min(5, round(3 + skill * 0.8 + rng.gauss(0, 0.8)))) for item in items}
                answers = {"learned": rng.choice(_LESSONS[lang])}
                gut = rng.choice(["yes", "yes", "unsure", "no"])
                reflection = Reflection(
                    interview_id=interview.id,
                    scores=scores,
                    answers=answers,
                    gut_continue=gut,  # type: ignore[arg-type]
                )
                rows["reflections"].append(_row(reflection, person.id, now))
                rows["reflection_scores"].extend(
                    {"reflection_id": reflection.id, "item": k, "score": v, "candidate_id": person.id}
                    for k, v in scores.items()
                )
                if rng.random() < 0.4:  # the coach scored this one too, a little stricter
                    coach_scores = {k: max(1, min(5, v - (1 if rng.random() < 0.35 else 0))) for k, v in scores.items()}
                    coach = Reflection(interview_id=interview.id, scorer="coach", scores=coach_scores)
                    rows["reflections"].append(_row(coach, person.id, now))
                    rows["reflection_scores"].extend(
                        {"reflection_id": coach.id, "item": k, "score": v, "candidate_id": person.id}
                        for k, v in coach_scores.items()
                    )
            day += dt.timedelta(days=rng.randint(5, 14))
    _fit_to_tables(rows, now)
    _bulk(db, rows)
    return DemoResult(workshop.id, code, coach_id, candidates, total, tuple(samples))


def _fit_to_tables(rows: dict[str, list[dict[str, Any]]], now: dt.datetime) -> None:
    """Drop record fields a table does not have; stamp updated_at where it has one."""
    for name, table_rows in rows.items():
        columns = set(TABLES[name].c.keys())
        for row in table_rows:
            for key in [k for k in row if k not in columns]:
                del row[key]
            if "updated_at" in columns:
                row.setdefault("updated_at", now)


def demo_counts(db: Database) -> dict[str, int]:
    """How many rows each table holds (for the CLI's report)."""
    with db.read() as conn:
        return {
            name: int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())
            for name, table in TABLES.items()
        }
