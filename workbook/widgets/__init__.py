"""The exercises, one ipywidgets composite per step of the close and the follow-up.

Each takes a candidate-scoped store and an interview, works on its own in JupyterLab
and saves as the user types::

    from workbook.store import Database
    from workbook.widgets import ClosingQuestions

    store = Database.open().for_candidate(candidate_id)
    ClosingQuestions(store, store.interviews()[0], lang="nl")
"""

from workbook.widgets.email import ThankYouEmailExercise
from workbook.widgets.farewell import ThanksGoodbye
from workbook.widgets.interview import InterviewForm
from workbook.widgets.notes import NotesSummary
from workbook.widgets.promises import Promises
from workbook.widgets.questions import ClosingQuestions
from workbook.widgets.reflection import ReflectionExercise
from workbook.widgets.statement import ClosingStatementExercise

__all__ = [
    "EXERCISES",
    "ClosingQuestions",
    "ClosingStatementExercise",
    "InterviewForm",
    "NotesSummary",
    "Promises",
    "ReflectionExercise",
    "ThankYouEmailExercise",
    "ThanksGoodbye",
]

#: The steps of the close and the follow-up, in the order a candidate does them.
EXERCISES = (
    ClosingQuestions,
    ClosingStatementExercise,
    ThanksGoodbye,
    NotesSummary,
    ReflectionExercise,
    ThankYouEmailExercise,
    Promises,
)
