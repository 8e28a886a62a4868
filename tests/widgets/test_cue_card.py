"""The cue card carries the closing statement and the goodbye beside the questions."""

from __future__ import annotations

import base64
import re

from workbook.model import ClosingStatement, Farewell, Interview
from workbook.store import Store
from workbook.widgets.questions import ClosingQuestions, cue_card_html


def _payload(link: str) -> str:
    match = re.search(r"base64,([^\"]+)", link)
    assert match, link
    return base64.b64decode(match.group(1)).decode("utf-8")


def test_cue_card_holds_statement_and_goodbye_escaped(store: Store, interview: Interview) -> None:
    store.save(ClosingStatement(interview_id=interview.id, appeal="niet getoond", text="Ik wil <b>graag</b> & snel"))
    store.save(Farewell(interview_id=interview.id, thanks="Dank <voor> uw tijd", phrase="Tot ziens & fijne dag"))
    page = ClosingQuestions(store, interview, "nl", autosave_delay=0)
    page.own.value = "Wat is de volgende stap?"
    page.add_own()
    card = _payload(page.cue_card.value)
    assert "<li>Wat is de volgende stap?</li>" in card
    assert "<h2>Slotstatement</h2>" in card and "Ik wil &lt;b&gt;graag&lt;/b&gt; &amp; snel" in card
    assert "niet getoond" not in card  # the composed text is what is said
    assert "<h2>Bedanken en afscheid nemen</h2>" in card
    assert "Dank &lt;voor&gt; uw tijd" in card and "Tot ziens &amp; fijne dag" in card
    assert "<b>graag" not in card and "<voor>" not in card
    assert card.index("</ol>") < card.index("Slotstatement") < card.index("Bedanken")


def test_cue_card_shows_appeal_and_steps_before_the_statement_is_composed(interview: Interview) -> None:
    steps = ("Eerst & luisteren", "Dan")
    statement = ClosingStatement(interview_id=interview.id, appeal="Het <team>", plan_steps=steps)
    card = cue_card_html(["V1"], interview, "en", statement=statement, farewell=Farewell(interview_id=interview.id))
    expected = "<h2>Closing statement</h2><p>Het &lt;team&gt;</p><ol><li>Eerst &amp; luisteren</li><li>Dan</li></ol>"
    assert expected in card
    assert "Thanking and saying goodbye" not in card  # an empty goodbye is left out


def test_cue_card_without_statement_or_goodbye_has_only_the_questions(store: Store, interview: Interview) -> None:
    page = ClosingQuestions(store, interview, "en", autosave_delay=0)
    page.own.value = "What are the next steps?"
    page.add_own()
    card = _payload(page.cue_card.value)
    assert "<section" not in card and "What are the next steps?" in card
