"""The dashboard shell that Voilà serves: sign-in, language switch, the candidate's
interviews and the form to add one.

``notebooks/workbook.ipynb`` only calls :func:`main`. Every handler runs through
:func:`_guarded`, so a user never sees a Python traceback: they get a friendly
message, the details go to the server log.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

import ipywidgets as w
from IPython.display import display

from workbook.model import Candidate, Interview, ValidationError
from workbook.store import Database, Store
from workbook.ui import t, t_html
from workbook.widgets._common import STYLE, escape, message_html
from workbook.widgets.interview import InterviewForm

__all__ = ["CandidateHome", "Dashboard", "SignIn", "main"]

log = logging.getLogger("workbook")


class SignIn(w.VBox):
    """New candidates give their name and get a code; returning ones type their code."""

    def __init__(
        self, db: Database, lang: str, on_signed_in: Callable[[Candidate, str | None], None]
    ) -> None:
        super().__init__()
        self.db = db
        self.lang = lang
        self.on_signed_in = on_signed_in
        self.name = w.Text(
            description=t("signin.name", lang),
            placeholder=t("signin.name_placeholder", lang),
            style={"description_width": "12em"},
            layout=w.Layout(width="32em"),
        )
        self.start_button = w.Button(description=t("signin.start", lang), button_style="primary")
        self.code = w.Text(
            description=t("signin.code", lang),
            placeholder=t("signin.code_placeholder", lang),
            style={"description_width": "12em"},
            layout=w.Layout(width="32em"),
        )
        self.continue_button = w.Button(description=t("signin.continue", lang))
        self.feedback = w.HTML()
        self.start_button.on_click(lambda _: self.sign_up())
        self.continue_button.on_click(lambda _: self.sign_in())
        self.children = [
            w.HTML(f"<h2>{t('signin.new_heading', lang)}</h2>"),
            w.HBox([self.name, self.start_button]),
            w.HTML(f"<h2>{t('signin.code_heading', lang)}</h2>"),
            w.HBox([self.code, self.continue_button]),
            self.feedback,
        ]
        self.add_class("wb-signin")

    def sign_up(self) -> str | None:
        """Create a candidate from the typed name; returns their new code."""
        try:
            candidate = Candidate(name=self.name.value, language=self.lang)  # type: ignore[arg-type]
        except ValidationError as error:
            self.feedback.value = message_html(error.message(self.lang), "warning")
            return None
        code = self.db.create_candidate(candidate)
        self.on_signed_in(candidate, code)
        return code

    def sign_in(self) -> Candidate | None:
        """Find the candidate of the typed code."""
        candidate = self.db.find_candidate(self.code.value)
        if candidate is None:
            self.feedback.value = message_html(t("signin.unknown_code", self.lang), "warning")
            return None
        self.on_signed_in(candidate, None)
        return candidate


class CandidateHome(w.VBox):
    """The candidate's interviews, and the form to add one."""

    def __init__(self, store: Store, lang: str) -> None:
        super().__init__()
        self.store = store
        self.lang = lang
        self.listing = w.HTML()
        self.listing.add_class("wb-interview-list")
        self.form = InterviewForm(store, lang, on_saved=self._on_interview_saved)
        self.children = [
            w.HTML(f"<h2>{t('interviews.heading', lang)}</h2>"),
            self.listing,
            w.HTML(f"<h2>{t('interviews.add_heading', lang)}</h2>"),
            self.form,
        ]
        self.refresh()

    def refresh(self) -> None:
        self.listing.value = interview_table(self.store.interviews(), self.lang)

    def _on_interview_saved(self, _interview: Interview) -> None:
        self.refresh()
        self.form.load(None)


def interview_table(interviews: list[Interview], lang: str) -> str:
    """An HTML table of interviews; every user text escaped."""
    if not interviews:
        return message_html(t("interviews.none", lang), "tip")
    head = "".join(
        f"<th>{t(key, lang)}</th>"
        for key in (
            "interviews.date",
            "interviews.employer",
            "interviews.role",
            "interviews.round",
            "interviews.interviewers",
            "interviews.outcome",
        )
    )
    rows = []
    for item in interviews:
        when = item.date.strftime("%d-%m-%Y") + (f" {item.time:%H:%M}" if item.time else "")
        people = ", ".join(p.name for p in item.interviewers)
        cells = (
            when,
            item.employer,
            item.role,
            t(f"round.{item.round}", lang),
            people,
            t(f"outcomes.{item.outcome}", lang),
        )
        rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    return f'<table class="wb-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


class Dashboard(w.VBox):
    """The whole page: header with language switch, then sign-in or the candidate's home."""

    def __init__(self, db: Database, lang: str = "nl") -> None:
        super().__init__()
        self.db = db
        self.lang = lang
        self.candidate: Candidate | None = None
        self.store: Store | None = None
        self.notice = w.HTML()
        self.title = w.HTML()
        self.language = w.ToggleButtons(options=[("Nederlands", "nl"), ("English", "en")], value=lang)
        self.language.observe(self._on_language_change, names="value")
        self.body = w.VBox()
        self.children = [
            w.HTML(STYLE),
            w.HBox(
                [self.title, self.language],
                layout=w.Layout(justify_content="space-between", align_items="center"),
            ),
            self.notice,
            self.body,
        ]
        self.add_class("wb-app")
        self._show()

    def say_error(self) -> None:
        """Tell the user something failed, without any technical detail."""
        self.notice.value = message_html(t("app.error", self.lang), "error")

    def _show(self, code: str | None = None) -> None:
        lang = self.lang
        self.title.value = f"<h1>{t('app.title', lang)}</h1><div>{t('app.tagline', lang)}</div>"
        if self.candidate is None or self.store is None:
            self.body.children = [SignIn(self.db, lang, self._on_signed_in)]
            return
        if code:
            greeting = message_html(
                t_html("signin.your_code", lang, name=self.candidate.name, code=code), "ok", trusted_html=True
            )
        else:
            greeting = message_html(t("signin.welcome_back", lang, name=self.candidate.name), "ok")
        self.home = CandidateHome(self.store, lang)
        self.body.children = [w.HTML(greeting), self.home]

    def _on_signed_in(self, candidate: Candidate, code: str | None) -> None:
        self.candidate = candidate
        self.store = self.db.for_candidate(candidate.id)
        self.notice.value = ""
        self._show(code)

    def _on_language_change(self, change: dict[str, Any]) -> None:
        self.lang = change["new"]
        self._show()

    # Actions as methods, so tests can drive the page like a user.
    def sign_up(self, name: str) -> str | None:
        signin = self._signin()
        signin.name.value = name
        return signin.sign_up()

    def sign_in(self, code: str) -> Candidate | None:
        signin = self._signin()
        signin.code.value = code
        return signin.sign_in()

    def _signin(self) -> SignIn:
        signin = self.body.children[0]
        if not isinstance(signin, SignIn):
            raise RuntimeError("Already signed in.")
        return signin


def _install_error_guard(dashboard: Dashboard) -> None:
    """Route an exception raised in any widget callback to the friendly message.

    ipywidgets reports callback errors through ``showtraceback``; in a dashboard the
    user must not see a traceback, so the details go to the server log instead.
    """
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None:
        return

    def showtraceback(*_args: Any, **_kwargs: Any) -> None:
        log.error("Unexpected error in a widget callback", exc_info=sys.exc_info())
        dashboard.say_error()

    shell.showtraceback = showtraceback


def main(url: str | None = None) -> Dashboard | None:
    """Open the database (``WORKBOOK_DB`` or the default) and show the dashboard."""
    if not log.handlers:
        # Only our own logger: the server log stays readable (no Alembic chatter).
        handler = logging.StreamHandler(sys.__stderr__)
        handler.setFormatter(logging.Formatter("%(asctime)s workbook %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    try:
        db = Database.open(url)
    except Exception:
        log.exception("Cannot open the workbook database")
        display(w.HTML(STYLE + message_html(t("app.error", "nl") + " / " + t("app.error", "en"), "error")))
        return None
    dashboard = Dashboard(db)
    _install_error_guard(dashboard)
    display(dashboard)
    return dashboard
