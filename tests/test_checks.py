"""The checks: every rule positive and negative, in Dutch and English, and the labelled set."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from workbook import guidance, texts
from workbook.checks import (
    MAX_STATEMENT_SECONDS,
    RULES,
    Feedback,
    check_email,
    check_farewell,
    check_plan,
    check_question,
    check_statement,
    speaking_seconds,
)
from workbook.model import ClosingStatement, Interview, Interviewer, PlannedQuestion, Promise, ThankYouEmail

LABELLED = Path(__file__).parent / "data" / "labelled_questions.csv"
HELDOUT = Path(__file__).parent / "data" / "heldout_questions.csv"
QUESTION_RULES = ("verdict", "salary", "too-long", "several-questions", "new-topic")


def rules(feedback: list[Feedback]) -> set[str]:
    return {f.rule for f in feedback}


# ---------------------------------------------------------------- rule table


def test_rule_table_is_consistent() -> None:
    for key, rule in RULES.items():
        assert key == f"{rule.check}.{rule.rule}"
        assert rule.level in ("warning", "tip", "ok")
        assert rule.point.startswith("G") and 1 <= int(rule.point[1:]) <= 29
        assert rule.message_key in texts.all_keys()


def test_feedback_is_frozen_and_messages_come_from_guidance() -> None:
    [feedback] = check_question("Hoeveel ga ik verdienen?", lang="nl", round="selection")
    assert feedback == Feedback("salary", "warning", texts.t("question.salary", "nl"), "G15")
    with pytest.raises(dataclasses.FrozenInstanceError):
        feedback.rule = "ok"  # type: ignore[misc]
    [english] = check_question("Hoeveel ga ik verdienen?", lang="en")
    assert english.message == texts.t("question.salary", "en") != feedback.message


# ------------------------------------------------------------ check_question


def test_acceptance_salary_only_outside_terms_round() -> None:
    found = check_question("Hoeveel ga ik verdienen?", lang="nl", round="selection")
    assert [f.rule for f in found] == ["salary"]
    assert found[0].level == "warning" and "arbeidsvoorwaardengesprek" in found[0].message
    assert "salary" not in rules(check_question("Hoeveel ga ik verdienen?", lang="nl", round="terms"))


@pytest.mark.parametrize("text", ["", "   ", "\n\t ", "???", " ?! "])
def test_empty_question_is_a_tip_not_an_error(text: str) -> None:
    assert [(f.rule, f.level) for f in check_question(text)] == [("empty", "tip")]


def test_clean_question_gives_a_single_ok() -> None:
    assert [(f.rule, f.level) for f in check_question("Wat is de volgende stap?")] == [("ok", "ok")]
    assert [f.rule for f in check_question("What is the next step?", lang="en")] == ["ok"]


@pytest.mark.parametrize(
    "text",
    [
        "Hoeveel ga ik verdienen",
        "HOEVEEL GA IK VERDIENEN??",
        "hoeveel ga ik verdienen ?   ",
        "Hoeveel ga ik verdienen?!?",
        "  hoeveel  ga ik\nverdienen ",
    ],
)
def test_case_punctuation_and_spacing_do_not_matter(text: str) -> None:
    assert [f.rule for f in check_question(text)] == ["salary"]


@pytest.mark.parametrize(
    "word",
    ["salaris", "salarissen", "salarisindicatie", "verdien", "verdienen", "verdient", "brutoloon", "bonus"],
)
def test_dutch_salary_inflections(word: str) -> None:
    assert "salary" in rules(check_question(f"Hoe zit het met {word} hier?"))


@pytest.mark.parametrize(
    "text",
    [
        "What would I earn?",
        "Is the role well paid?",
        "How much are you earning in this role?",
        "What salaries?",
    ],
)
def test_english_salary_inflections(text: str) -> None:
    assert "salary" in rules(check_question(text, lang="en"))


@pytest.mark.parametrize(
    "text",
    [
        "Is er een reiskostenvergoeding?",
        "Hebben jullie een regeling voor reiskosten?",
        "Is there a travel allowance?",
        "Are travel expenses reimbursed?",
    ],
)
def test_travel_costs_are_allowed(text: str) -> None:
    assert rules(check_question(text)) == {"ok"}


def test_verdict_in_every_round() -> None:
    for round_ in ("introduction", "selection", "terms", "other"):
        assert "verdict" in rules(check_question("Hoe heb ik het gedaan?", round=round_))
        assert "verdict" in rules(check_question("How did I do?", lang="en", round=round_))


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Kunt u uitgebreid uitleggen hoe het team werkt?", "too-long"),
        ("Could you explain in detail how the team works?", "too-long"),
        (" ".join(["woord"] * 31) + "?", "too-long"),
        ("Kunt u de hele geschiedenis van de organisatie vertellen?", "new-topic"),
        ("Could you tell me about the history of the company?", "new-topic"),
        ("Wat is de volgende stap? Wanneer hoor ik iets?", "several-questions"),
        ("Who is on the team and how do you work together?", "several-questions"),
    ],
)
def test_style_rules_positive(text: str, rule: str) -> None:
    assert rule in rules(check_question(text))


@pytest.mark.parametrize(
    "text",
    [
        "Kunt u uitleggen hoe de procedure verder verloopt?",
        "Could you walk me through the next steps?",
        "Wanneer en hoe hoor ik van u?",
        "When and how will I hear from you?",
        "Wat is de cultuur in het team?",
        " ".join(["woord"] * 29) + "?",
    ],
)
def test_style_rules_negative(text: str) -> None:
    assert rules(check_question(text)) == {"ok"}


@pytest.mark.timeout(10)
def test_very_long_text_is_handled() -> None:
    # A guard against catastrophic backtracking, not a benchmark.
    for text in (
        "Wat is de volgende stap? " * 800,
        "a" * 20_000,
        "tot " * 5_000,
        "hoe heb ik " * 2_000,
        "kans dat ik " * 2_000,
        "? " * 10_000,
        "mijn " * 4_000,
        "heb ik het " * 2_000,
        "sta ik er " * 2_000,
        "my a " * 4_000,
        "é" * 20_000,
        "pas ik dan wel " * 1_500,
        "zie je mij " * 2_000,
        "hebben jullie twijfels over mijn " * 700,
        "think a b i " * 2_000,
        "how do i compare " * 1_500,
        "hoe ging het " * 2_000,
        "verdient het bedrijf geld " * 1_000,
        "a b " * 5_000,
    ):
        found = check_question(text[:20_000])
        assert found
    assert "too-long" in rules(check_question("Wat is de volgende stap? " * 800))


@pytest.mark.parametrize(
    "text",
    [
        "Heeft u twijfels over mij?",
        "Hebben jullie twijfels over mijn geschiktheid?",
        "Do you have any doubts about me?",
        "Is there anything about me that makes you hesitant to hire me?",
    ],
)
def test_bare_doubts_about_me_ask_for_a_verdict(text: str) -> None:
    assert "verdict" in rules(check_question(text))


@pytest.mark.parametrize(
    "text",
    [
        # G7: doubts plus an offer to clear them up, or asking whether answers were clear.
        "Zijn er nog twijfels over mijn ervaring die ik kan wegnemen?",
        "Als u nog twijfels heeft over mijn opleiding, mag ik die dan toelichten?",
        "Do you have any doubts about my experience I can clear up?",
        "Did I answer your questions clearly?",
        # The candidate's own doubt, conditions, and questions about the procedure.
        "Ik twijfel nog over mijn startdatum, kan dat later?",
        "Wat zijn de volgende stappen als ik word aangenomen?",
        "Once I am hired, who would I report to?",
        "Wanneer hoor ik of ik door ben?",
        # Near-misses of the word-order patterns.
        "Hoe ziet u mij functioneren in dit team?",
        "Hoe pas ik de methode in het team toe?",
        "Hoe ging het met de reorganisatie?",
        "Wat is uw indruk van de markt?",
        "How do I compare the two products you sell?",
        "Would you take me through the onboarding?",
        "Did the launch go well?",
        "What do you think of the new strategy?",
        "What are the chances for growth in this role?",
        "What was your first impression of the company when you joined?",
    ],
)
def test_verdict_near_misses_pass(text: str) -> None:
    assert "verdict" not in rules(check_question(text))


@pytest.mark.parametrize(
    "text",
    [
        "Hoe verdient het bedrijf eigenlijk zijn geld?",
        "How does the company make its money?",
        "Hoe is het salarisadministratiesysteem opgezet?",
        "Werken jullie op grote schaal?",
        "Is er periodiek overleg met de manager?",
        "Which software package do you use?",
        "How do you approach diversity, equity and inclusion?",
        "Is there a take-home assignment in the next round?",
        "Can I raise a question about the team?",
        "Welke cursus hoort bij de inwerkperiode?",
    ],
)
def test_salary_near_misses_pass(text: str) -> None:
    assert "salary" not in rules(check_question(text))


@pytest.mark.parametrize(
    "text",
    [
        "Is er een thuiswerkvergoeding?",  # a term of employment, unlike travel costs (G13)
        "In welke schaal valt deze functie?",
        "krijg ik elk jaar een periodiek?",
        "Is er een firmawagen bij deze job?",
        "Zijn er maaltijdcheques?",
        "What does the package look like?",
        "Do you offer equity?",
        "what would my take-home be",
        "Hoeveel geld verdien ik?",
    ],
)
def test_terms_of_employment_are_salary(text: str) -> None:
    assert "salary" in rules(check_question(text))


# ------------------------------------------------------------ labelled set


def _labelled() -> list[tuple[str, str, str, set[str]]]:
    rows = []
    with LABELLED.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["text"].startswith("#"):
                continue
            rows.append((row["text"], row["lang"], row["round"], set(row["expected"].split())))
    # Every catalogue question, in both languages, must pass clean in the selection round.
    for question in guidance.catalogue():
        for lang in ("nl", "en"):
            rows.append((question.text.get(lang), lang, "selection", set()))
    return rows


def test_labelled_set_is_big_and_bilingual() -> None:
    rows = _labelled()
    own = [r for r in rows if r[0] not in {q.text.get(r[1]) for q in guidance.catalogue()}]
    assert len(own) >= 80
    assert Counter(r[1] for r in own)["nl"] >= 40 and Counter(r[1] for r in own)["en"] >= 40
    for rule in ("verdict", "salary"):
        assert sum(rule in r[3] for r in own) >= 20


def test_every_catalogue_question_passes_clean() -> None:
    for question in guidance.catalogue():
        for lang in ("nl", "en"):
            found = check_question(question.text.get(lang), lang=lang, round="selection")
            assert [f.rule for f in found] == ["ok"], (question.key, lang, found)


def _scores(rows: list[tuple[str, str, str, set[str]]]) -> dict[str, tuple[float, float]]:
    """Precision and recall per rule; also printed (run pytest with -s to see the table)."""
    counts = {rule: Counter[str]() for rule in QUESTION_RULES}
    for text, lang, round_, expected in rows:
        got = rules(check_question(text, lang=lang, round=round_)) - {"ok"}
        for rule in QUESTION_RULES:
            if rule in got and rule in expected:
                counts[rule]["tp"] += 1
            elif rule in got:
                counts[rule]["fp"] += 1
            elif rule in expected:
                counts[rule]["fn"] += 1
    print(f"\n{'rule':<20}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}")
    scores = {}
    for rule, c in counts.items():
        precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        scores[rule] = (precision, recall)
        print(f"{rule:<20}{c['tp']:>5}{c['fp']:>5}{c['fn']:>5}{precision:>11.3f}{recall:>8.3f}")
    return scores


def test_precision_and_recall_on_labelled_questions() -> None:
    scores = _scores(_labelled())
    for rule in ("verdict", "salary"):
        assert scores[rule][0] == 1.0, rule
        assert scores[rule][1] >= 0.95, rule
    for rule in ("too-long", "several-questions", "new-topic"):
        assert scores[rule][0] >= 0.9, rule


# ------------------------------------------------------------ held-out set


def _heldout() -> dict[int, list[tuple[str, str, str, set[str]]]]:
    """The held-out questions per batch; a '# Batch 2' comment row starts the second batch."""
    batches: dict[int, list[tuple[str, str, str, set[str]]]] = {1: [], 2: []}
    batch = 1
    with HELDOUT.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["text"].startswith("#"):
                batch = 2 if row["text"].startswith("# Batch 2") else batch
                continue
            batches[batch].append((row["text"], row["lang"], row["round"], set(row["expected"].split())))
    return batches


def test_heldout_set_is_big_and_bilingual() -> None:
    first, second = _heldout().values()
    assert len(first) >= 120 and len(second) >= 40
    langs = Counter(r[1] for r in first)
    assert min(langs["nl"], langs["en"]) >= 0.4 * len(first)
    assert sum("verdict" in r[3] for r in first) >= 35
    assert sum("salary" in r[3] for r in first) >= 30
    assert sum(not r[3] for r in first) >= 40


def test_precision_and_recall_on_heldout_questions() -> None:
    # Batch 1 was written before the patterns were tuned and then tuned on, so it is no
    # longer truly unseen; batch 2 was written after tuning and measured once (verdict
    # recall 0.375, salary 0.667, precision 1.0: pattern lists generalise poorly). The
    # floors below are what both batches together reached, minus a small margin: they
    # guard against regressions. Measure new phrasings on a fresh batch, not on this file.
    batches = _heldout()
    scores = _scores(batches[1] + batches[2])
    for rule in ("verdict", "salary"):
        assert scores[rule][0] >= 0.95, rule
    assert scores["verdict"][1] >= 0.8
    assert scores["salary"][1] >= 0.85
    # Precision on the post-tuning batch on its own: no good question may be scolded.
    fresh = _scores(batches[2])
    assert fresh["verdict"][0] >= 0.95 and fresh["salary"][0] >= 0.95


# ---------------------------------------------------------------- check_plan


def test_plan_without_questions() -> None:
    assert [(f.rule, f.level) for f in check_plan([], round="selection", lang="nl")] == [("too-few", "warning")]
    assert rules(check_plan(["", "   "], round="selection", lang="en")) == {"too-few"}


def test_good_plan_is_ok() -> None:
    plan = ["Wat is de volgende stap?", "Wat zou mijn eerste opdracht kunnen zijn?"]
    assert [f.rule for f in check_plan(plan, round="selection", lang="nl")] == ["ok"]


def test_too_many_questions() -> None:
    plan = [q.text.nl for q in guidance.catalogue("next-step")][:1] + [q.text.nl for q in guidance.catalogue("ready")]
    found = check_plan(plan, round="selection", lang="nl")
    assert "too-many" in rules(found)
    assert "too-many" not in rules(check_plan(plan[:4], round="selection", lang="nl"))


def test_missing_next_step_by_text_or_catalogue_key() -> None:
    assert "no-next-step" in rules(check_plan(["Hoe groot is het team?"], round="selection", lang="nl"))
    assert "no-next-step" in rules(check_plan(["How big is the team?"], round="selection", lang="en"))
    for text in ("When will I hear from you?", "Hoe verloopt de procedure verder?"):
        assert "no-next-step" not in rules(check_plan([text], round="selection", lang="nl"))
    # Only the catalogue key tells this one is about the next step.
    keyed = PlannedQuestion(
        interview_id="i1", text="Hoe gaat het nu verder?", source="catalogue", catalogue_key="next-step"
    )
    assert "no-next-step" not in rules(check_plan([keyed], round="selection", lang="nl"))
    unkeyed = dataclasses.replace(keyed, catalogue_key="", source="own")
    assert "no-next-step" in rules(check_plan([unkeyed], round="selection", lang="nl"))


def test_duplicates_after_normalising() -> None:
    found = check_plan(["Wat is de volgende stap?", "wat is de  volgende stap"], round="selection", lang="nl")
    [duplicate] = [f for f in found if f.rule == "duplicate"]
    assert "2" in duplicate.message and "1" in duplicate.message
    assert "duplicate" not in rules(
        check_plan(["What is the next step?", "Who would I work with?"], round="x", lang="en")
    )


def test_plan_passes_on_question_feedback_with_its_number() -> None:
    found = check_plan(["Wat is de volgende stap?", "Hoeveel vakantiedagen krijg ik?"], round="selection", lang="nl")
    [salary] = [f for f in found if f.rule == "salary"]
    assert salary.message.startswith("Vraag 2:") and salary.level == "warning"
    terms = check_plan(["Wat is de volgende stap?", "Hoeveel vakantiedagen krijg ik?"], round="terms", lang="en")
    assert [f.rule for f in terms] == ["ok"]


# ------------------------------------------------------------ check_statement

GOOD_NL = (
    "Mag ik tot slot nog iets zeggen? Ik kijk ernaar uit om met de software engineers test driven "
    "development in te voeren. Eerst leer ik het testproces kennen, daarna bouw ik met het team een "
    "testsuite en tot slot presenteer ik de resultaten aan het managementteam."
)
GOOD_EN = (
    "May I add one thing before we finish? I look forward to building the new booking system with the "
    "customer team. First I would interview the planners, then map the bottlenecks with the controller, "
    "and finally present a proposal to the board."
)


@pytest.mark.parametrize(("text", "lang"), [(GOOD_NL, "nl"), (GOOD_EN, "en")])
def test_good_statement(text: str, lang: str) -> None:
    found = check_statement(text, lang=lang)
    assert [f.rule for f in found] == ["speaking-time", "ok"]


@pytest.mark.parametrize(
    "word", ["enthousiast", "Enthousiaste", "ENTHOUSIASME", "enthusiastic", "Enthusiasm", "enthusiastically"]
)
def test_enthusiasm_word(word: str) -> None:
    assert "enthusiasm-word" in rules(check_statement(f"{GOOD_NL} Ik ben er {word} over.", lang="nl"))


def test_no_plan_positive_and_negative() -> None:
    without = "Mag ik nog iets zeggen? Ik wil graag met de software engineers een testsuite ontwikkelen."
    assert "no-plan" in rules(check_statement(without, lang="nl"))
    english = "May I say something? I want to build the booking system with the customer team."
    assert "no-plan" in rules(check_statement(english, lang="en"))
    listed = "May I say something? My plan for the booking system:\n- interview planners\n- map bottlenecks\n"
    assert "no-plan" not in rules(check_statement(listed, lang="en"))
    steps = ClosingStatement(
        interview_id="i1",
        appeal="Mag ik iets zeggen? Ik wil de wachttijden aan de klantentelefoon halveren.",
        plan_steps=("kennismaken met het klantenteam", "wachtrijen analyseren"),
    )
    assert "no-plan" not in rules(check_statement(steps, lang="nl"))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Mag ik nog iets zeggen? Ik vind het echt een leuke functie en een mooie organisatie.", "nl"),
        ("May I say something? I am really excited about this opportunity and the company.", "en"),
    ],
)
def test_vague_statement(text: str, lang: str) -> None:
    assert "vague" in rules(check_statement(text, lang=lang))


@pytest.mark.parametrize(("text", "lang"), [(GOOD_NL, "nl"), (GOOD_EN, "en")])
def test_concrete_statement_is_not_vague(text: str, lang: str) -> None:
    assert "vague" not in rules(check_statement(text, lang=lang))


def test_opener() -> None:
    assert "no-opener" in rules(check_statement(GOOD_NL.replace("Mag ik tot slot nog iets zeggen? ", ""), lang="nl"))
    assert "no-opener" in rules(check_statement(GOOD_EN.replace("May I add one thing before we finish? ", "")))
    assert "no-opener" not in rules(check_statement(GOOD_EN, lang="en"))


def test_speaking_time_and_too_long() -> None:
    assert speaking_seconds("") == 0
    assert speaking_seconds("woord " * 130) == 60
    assert speaking_seconds("woord " * 65) == 30
    [time] = [f for f in check_statement(GOOD_NL, lang="nl") if f.rule == "speaking-time"]
    assert time.level == "tip" and f"{speaking_seconds(GOOD_NL)} seconden" in time.message
    long_text = GOOD_NL + " Daarnaast wil ik de testdekking verbeteren." * 30
    assert speaking_seconds(long_text) > MAX_STATEMENT_SECONDS
    assert "too-long" in rules(check_statement(long_text, lang="nl"))
    assert "too-long" not in rules(check_statement(GOOD_NL, lang="nl"))
    [english] = [f for f in check_statement(long_text, lang="en") if f.rule == "too-long"]
    assert "seconds" in english.message


def test_empty_statement() -> None:
    assert [f.rule for f in check_statement("  ", lang="nl")] == ["empty"]
    assert [f.rule for f in check_statement(ClosingStatement(interview_id="i1"), lang="en")] == ["empty"]


# ------------------------------------------------------------- check_farewell


@pytest.mark.parametrize(
    "text",
    [
        "Tot ziens!",
        "Dank u wel, tot de volgende keer.",
        "Bedankt en tot snel",
        "TOT GAUW",
        "Dank jullie wel. Tot binnenkort!",
        "See you next time!",
        "Thanks, see you soon.",
        "Until next time",
        "Thank you, talk soon!",
        "I'll see you at the next round.",
    ],
)
def test_presumptuous_goodbye(text: str) -> None:
    found = check_farewell(text, lang="nl")
    assert "presumptuous-goodbye" in rules(found)
    assert "'" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Prettige dag!",
        "Dank u wel, en een fijne dag nog.",
        "Fijne dag nog",
        "Have a nice day.",
        "Thank you for your time, have a good afternoon.",
        "Dank u wel. Ik zie uit naar een volgend gesprek. Prettige dag.",
        "Tot slot nog dank voor uw tijd. Prettige dag.",
    ],
)
def test_neutral_goodbye_passes(text: str) -> None:
    assert [f.rule for f in check_farewell(text, lang="en")] == ["ok"]


def test_lingering_and_empty_goodbye() -> None:
    long_goodbye = "Nogmaals heel erg bedankt, echt, het was zo fijn, " * 6 + "prettige dag."
    assert "lingering" in rules(check_farewell(long_goodbye, lang="nl"))
    assert "lingering" in rules(check_farewell("Thanks again, it really was lovely to meet you all, " * 5))
    assert [f.rule for f in check_farewell("", lang="nl")] == ["empty"]


# ----------------------------------------------------------------- check_email

FRIDAY = dt.date(2027, 5, 14)  # Whit Monday follows: the next working day is Tuesday 18 May


@pytest.fixture
def interview() -> Interview:
    return Interview(
        candidate_id="c1",
        employer="Gemeente Utrecht",
        role="beleidsadviseur",
        date=FRIDAY,
        interviewers=(
            Interviewer(name="Anna de Vries", email="anna@utrecht.nl"),
            Interviewer(name="Bram Smit", email="bram@utrecht.nl"),
        ),
    )


def _email(interview: Interview, lang: str = "nl", **changes: object) -> ThankYouEmail:
    rendered = guidance.render_email(
        lang,
        interviewers=[p.name for p in interview.interviewers],
        employer=interview.employer,
        role=interview.role,
        substance="de nieuwe woonvisie",
        attachments=["de scan van mijn diploma"],
        linkedin_url="https://www.linkedin.com/in/sam",
        sender="Sam",
    )
    values: dict[str, object] = {
        "interview_id": interview.id,
        "recipients": ("anna@utrecht.nl", "bram@utrecht.nl"),
        "subject": rendered.subject,
        "body": rendered.body,
        "send_on": dt.date(2027, 5, 18),
        "substance_point": "de nieuwe woonvisie",
    }
    values.update(changes)
    return ThankYouEmail(**values)  # type: ignore[arg-type]


def _promise(interview: Interview, what: str, status: str = "open") -> Promise:
    return Promise(interview_id=interview.id, what=what, promised_on=FRIDAY, status=status)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_good_email_is_ok(interview: Interview, lang: str) -> None:
    promises = [_promise(interview, "scan van mijn diploma")]
    assert [f.rule for f in check_email(_email(interview, lang), interview, promises, lang=lang)] == ["ok"]


def test_late_email(interview: Interview) -> None:
    assert "late" not in rules(check_email(_email(interview), interview, [], lang="nl"))
    late = check_email(_email(interview, send_on=dt.date(2027, 5, 19)), interview, [], lang="nl")
    [feedback] = [f for f in late if f.rule == "late"]
    assert "18-05-2027" in feedback.message and feedback.point == "G26"
    english = check_email(_email(interview, send_on=dt.date(2027, 5, 19)), interview, [], lang="en")
    # A reader of English gets "18 May 2027", not the ISO form (issue 11).
    assert "18 May 2027" in next(f for f in english if f.rule == "late").message
    # Already sent: the sent date counts.
    sent = _email(interview, send_on=None, sent_on=dt.date(2027, 5, 17))
    assert "late" not in rules(check_email(sent, interview, [], lang="nl"))
    # Not planned yet: late once today is past the next working day.
    unplanned = _email(interview, send_on=None)
    assert "late" not in rules(check_email(unplanned, interview, [], lang="nl", today=dt.date(2027, 5, 18)))
    assert "late" in rules(check_email(unplanned, interview, [], lang="nl", today=dt.date(2027, 5, 19)))
    assert "late" not in rules(check_email(unplanned, interview, [], lang="nl"))


def test_more_than_one_email(interview: Interview) -> None:
    assert "more-than-one" in rules(check_email(_email(interview), interview, [], lang="nl", sent_emails=1))
    assert "more-than-one" not in rules(check_email(_email(interview), interview, [], lang="nl", sent_emails=0))


def test_promises(interview: Interview) -> None:
    email = _email(interview)
    references = _promise(interview, "contactgegevens van twee referenties")
    found = check_email(email, interview, [references], lang="nl")
    [missing] = [f for f in found if f.rule == "promise-missing"]
    assert "contactgegevens van twee referenties" in missing.message
    # Sent earlier, or mentioned in the email: fine.
    sent = dataclasses.replace(references, status="sent", sent_on=FRIDAY)
    assert "promise-missing" not in rules(check_email(email, interview, [sent], lang="nl"))
    mentioned = _email(interview, body=email.body + "\nDe referenties staan hieronder.")
    assert "promise-missing" not in rules(check_email(mentioned, interview, [references], lang="en"))
    # Cannot be delivered: explain it.
    cannot = dataclasses.replace(references, status="cannot_deliver")
    assert "promise-explain" in rules(check_email(email, interview, [cannot], lang="en"))
    assert "promise-missing" not in rules(check_email(email, interview, [cannot], lang="en"))


def test_substance(interview: Interview) -> None:
    assert "no-substance" in rules(check_email(_email(interview, substance_point=""), interview, [], lang="nl"))
    other = _email(interview, substance_point="de samenwerking met de provincie")
    assert "no-substance" in rules(check_email(other, interview, [], lang="en"))
    assert "no-substance" not in rules(check_email(_email(interview), interview, [], lang="nl"))


def test_placeholder_left(interview: Interview) -> None:
    rendered = guidance.render_email("nl", interviewers=["Anna"], employer="X", role="Y")
    found = check_email(_email(interview, body=rendered.body), interview, [], lang="nl")
    assert "placeholder-left" in rules(found)


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Hartelijk dank voor het gesprek over de woonvisie. In de bijlage vindt u mijn cv.", "nl"),
        ("Thank you for the talk about the housing vision. Please find my portfolio attached.", "en"),
    ],
)
def test_unrequested_attachment(interview: Interview, body: str, lang: str) -> None:
    email = _email(interview, body=body)
    found = check_email(email, interview, [], lang=lang)
    assert "unrequested-attachment" in rules(found)
    what = "mijn cv" if lang == "nl" else "delen van mijn portfolio"
    assert "unrequested-attachment" not in rules(check_email(email, interview, [_promise(interview, what)], lang=lang))


def test_attachment_word_without_attaching_is_fine(interview: Interview) -> None:
    body = "Hartelijk dank voor het gesprek over de woonvisie. Mijn cv had u al ontvangen."
    assert "unrequested-attachment" not in rules(check_email(_email(interview, body=body), interview, [], lang="nl"))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_thanks(interview: Interview, lang: str) -> None:
    body = "Beste Anna en Bram,\n\nOns gesprek over de woonvisie is me bijgebleven.\n\nGroet,\nSam"
    email = _email(interview, subject="Ons gesprek", body=body)
    assert "no-thanks" in rules(check_email(email, interview, [], lang=lang))
    thanked = _email(interview, subject="Ons gesprek", body="Thanks for the talk on de woonvisie.")
    assert "no-thanks" not in rules(check_email(thanked, interview, [], lang=lang))


def test_recipients(interview: Interview) -> None:
    assert "no-recipients" in rules(check_email(_email(interview, recipients=()), interview, [], lang="nl"))
    one = check_email(_email(interview, recipients=("ANNA@utrecht.nl",)), interview, [], lang="nl")
    [missing] = [f for f in one if f.rule == "missing-recipient"]
    assert "Bram Smit" in missing.message
    assert "missing-recipient" not in rules(check_email(_email(interview), interview, [], lang="nl"))


def test_plan_with_one_question_suggests_a_second() -> None:
    found = check_plan(["Wat is de volgende stap in de procedure?"], round="selection", lang="nl")
    assert [f.rule for f in found] == ["one-question"] and found[0].level == "tip" and found[0].point == "G3"
    two = check_plan(["Wat is de volgende stap?", "Wat zou mijn eerste project zijn?"], round="selection", lang="en")
    assert "one-question" not in {f.rule for f in two}
