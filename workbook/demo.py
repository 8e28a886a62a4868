"""Demo data: a plausible, reproducible workshop so a coach can try every screen.

Each candidate has a hidden skill that grows over their interviews; what they do at
the close (asking about the next step, making a statement, a timely thank-you email)
follows from that skill, and the outcome of an interview follows from what they did.
So the coach view shows real patterns, and the same ``seed`` always gives the same
data. Texts are in the candidate's language, Dutch or English.

Rows go in with bulk inserts, made from the model's records by the store's codec (so
they are valid and mapped the one way the store maps them): 1,000 candidates with
10 interviews each take seconds, not minutes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import random
from dataclasses import dataclass

from workbook import clock, guidance
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
from workbook.store import Database
from workbook.store.codec import rows_of
from workbook.workdays import next_working_day

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
    # Whether a question was asked draws from a stream of its own: the rest of the data
    # stays what the same seed always gave.
    asked_rng = random.Random(f"{seed}-asked")
    coach_id = db.accounts.set_coach_passcode(coach_passcode, name=coach_name)
    workshop = Workshop(coach_id=coach_id, name=workshop_name, starts_on=start, ends_on=start + dt.timedelta(days=70))
    code = db.for_coach(coach_id).create_workshop(workshop)
    next_step_keys = [q.key for q in guidance.catalogue("next-step")]
    other_keys = [q.key for q in guidance.catalogue() if q.purpose != "next-step"]
    items = guidance.rubric()
    now = clock.now()
    records: list[tuple[object, str | None]] = []
    memberships = []
    total = 0
    sampled: list[Candidate] = []
    for index in range(candidates):
        lang = "nl" if rng.random() < 0.7 else "en"
        person = Candidate(name=f"{rng.choice(_FIRST[lang])} {rng.choice(_LAST)}", language=lang)  # type: ignore[arg-type]
        # Hashing a code is slow on purpose (scrypt): only a few demo candidates get one.
        if index < _SAMPLE_CODES:
            sampled.append(person)
        records.append((person, None))
        memberships.append({"workshop_id": workshop.id, "candidate_id": person.id, "joined_at": now})
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
            records.append((interview, person.id))
            keys = rng.sample(other_keys, k=rng.randint(1, 2)) + ([rng.choice(next_step_keys)] if asked_next else [])
            # After the interview, most planned questions were asked; the more skilled
            # the candidate, the more of them (a next-step question was, by definition).
            asked_chance = _logistic(skill + 0.8) if past else 0.0
            for position, key in enumerate(keys):
                text = guidance.catalogue_question(key).text.get(lang)
                asked = past and (key in next_step_keys or asked_rng.random() < asked_chance)
                question = PlannedQuestion(
                    interview_id=interview.id,
                    text=text,
                    position=position,
                    source="catalogue",
                    catalogue_key=key,
                    asked=asked,
                )
                records.append((question, person.id))
            if rng.random() < 0.12:  # some candidates still ask what they should not
                text = "Hoeveel ga ik verdienen?" if lang == "nl" else "What is the salary?"
                asked = past and asked_rng.random() < asked_chance / 2
                question = PlannedQuestion(interview_id=interview.id, text=text, position=len(keys), asked=asked)
                records.append((question, person.id))
            if statement:
                appeal = guidance.advice("statement").examples[2].text.get(lang)
                steps = ("kennismaken met het team", "knelpunten in kaart brengen", "een voorstel doen")
                record = ClosingStatement(interview_id=interview.id, appeal=appeal, plan_steps=steps, text=appeal)
                records.append((record, person.id))
            if rng.random() < _logistic(skill + 0.5):
                farewell = Farewell(
                    interview_id=interview.id,
                    thanks="Dank voor uw tijd en aandacht." if lang == "nl" else "Thank you for your time.",
                    phrase="Prettige dag nog." if lang == "nl" else "Have a nice day.",
                    checked=("thanked-opportunity",),
                )
                records.append((farewell, person.id))
            if rng.random() < _logistic(skill):
                summary = Summary(interview_id=interview.id, key_points=rng.choice(_LESSONS[lang]))
                records.append((summary, person.id))
            if rng.random() < 0.5:
                promise = Promise(
                    interview_id=interview.id,
                    what="kopie diploma" if lang == "nl" else "copy of my diploma",
                    promised_on=day,
                    due_on=next_working_day(day),
                    status="sent" if email_on_time else "open",
                    sent_on=next_working_day(day) if email_on_time else None,
                )
                records.append((promise, person.id))
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
            records.append((mail, person.id))
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
                records.append((reflection, person.id))
                if rng.random() < 0.4:  # the coach scored this one too, a little stricter
                    coach_scores = {k: max(1, min(5, v - (1 if rng.random() < 0.35 else 0))) for k, v in scores.items()}
                    coach = Reflection(interview_id=interview.id, scorer="coach", scores=coach_scores)
                    records.append((coach, person.id))
            day += dt.timedelta(days=rng.randint(5, 14))
    rows = rows_of(records, stamp=now)
    rows["memberships"] = memberships
    db.insert_rows(rows)
    server = db.for_coach()
    samples = tuple((person.name, server.new_code_for(person.id)) for person in sampled)
    return DemoResult(workshop.id, code, coach_id, candidates, total, samples)
