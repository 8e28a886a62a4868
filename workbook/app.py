"""The dashboard that Voilà serves: header with language switch, then sign-in, the
candidate's workspace or the coach view.

``notebooks/workbook.ipynb`` only calls :func:`main`. Any exception in a widget
callback becomes a friendly message; the details go to the server log, never to
the page.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import sys
from typing import TYPE_CHECKING, Any

import ipywidgets as w
from IPython.display import display

from workbook.identity import normalise_code
from workbook.model import Candidate
from workbook.store import Accounts, Database, Store
from workbook.store.workshops import readable_code
from workbook.texts import t, t_html
from workbook.widgets._autosave import DEFAULT_DELAY
from workbook.widgets._common import STYLE, escape, message_html, replace_children
from workbook.widgets.signin import SignIn

if TYPE_CHECKING:
    from workbook.widgets.workspace import CandidateWorkspace

__all__ = ["Dashboard", "main"]

log = logging.getLogger("workbook")


class Dashboard(w.VBox):
    """The whole page. ``hub_user`` signs a JupyterHub user in without a code.

    It holds the ``accounts`` (sign-up and sign-in), and after sign-in the store of
    whoever signed in: the candidate's own, or the coach's.
    """

    def __init__(
        self,
        accounts: Accounts,
        lang: str = "nl",
        *,
        hub_user: str | None = None,
        autosave_delay: float = DEFAULT_DELAY,
    ) -> None:
        super().__init__()
        self._delay = autosave_delay
        self.accounts = accounts
        self.lang = lang
        self.candidate: Candidate | None = None
        self.store: Store | None = None
        self.coach_store: Store | None = None
        self.workspace: CandidateWorkspace | None = None  # after sign-in
        self._new_code: str | None = None
        self._code: str | None = None  # the candidate's code as known on this page (never stored)
        self._hub = hub_user is not None
        self.title = w.HTML()
        self.language = w.ToggleButtons(options=[("Nederlands", "nl"), ("English", "en")], value=lang)
        self.language.add_class("wb-language")
        self.language.observe(self._on_language_change, names="value")
        self.sign_out_button = w.Button(icon="sign-out")
        self.sign_out_button.on_click(lambda _: self.sign_out())
        self.notice = w.HTML()
        self.notice.add_class("wb-notice")
        self.greeting = w.HTML()
        self.code_line = w.HTML()
        self.code_line.add_class("wb-code-line")
        self.body = w.VBox()
        header = w.HBox(
            [self.title, w.HBox([self.language, self.sign_out_button])],
            layout=w.Layout(justify_content="space-between", align_items="center", flex_flow="row wrap"),
        )
        self.children = [w.HTML(STYLE), header, self.notice, self.greeting, self.code_line, self.body]
        self.add_class("wb-app")
        if hub_user:
            self._enter_candidate(accounts.sign_in_external(hub_user), None, False)
        else:
            self._show()

    # -- screens ------------------------------------------------------------

    def _show(self) -> None:
        lang = self.lang
        self.title.value = f"<h1>{t('app.title', lang)}</h1><div>{t('app.tagline', lang)}</div>"
        self.sign_out_button.description = t("app.sign_out", lang)
        signed_in = self.candidate is not None or self.coach_store is not None
        self.sign_out_button.layout.display = None if signed_in and not self._hub else "none"
        # The workspace and the coach view (and pandas with them) load after sign-in:
        # every page starts a kernel, and most of them only ever show this first screen.
        if self.coach_store is not None:
            from workbook.widgets.coach import CoachHome

            self.greeting.value = self.code_line.value = ""
            # A redraw (the language switch) keeps the workshop, filters and open candidate.
            shown = next((child for child in self.body.children if isinstance(child, CoachHome)), None)
            state = shown.state if shown is not None else None
            replace_children(self.body, [CoachHome(self.coach_store, lang, state=state)])
        elif self.candidate is not None and self.store is not None:
            from workbook.widgets.workspace import CandidateWorkspace

            self.greeting.value = self._greeting()
            self.code_line.value = self._code_line()
            self.workspace = CandidateWorkspace(
                self.store, lang, autosave_delay=self._delay, on_deleted=self._on_candidate_deleted, code=self._code
            )
            replace_children(self.body, [self.workspace])
        else:
            self.greeting.value = self.code_line.value = ""
            replace_children(self.body, [SignIn(self.accounts, lang, self._enter_candidate, self._enter_coach)])

    def _code_line(self) -> str:
        """The personal code, always in sight after sign-in, with a button that copies it."""
        if not self._code:
            return ""
        lang, code = self.lang, escape(self._code)
        copied = escape(t("signin.copied", lang))
        button = (
            f'<button class="wb-copy" type="button" title="{escape(t("signin.copy", lang))}" '
            f"onclick=\"navigator.clipboard && navigator.clipboard.writeText('{code}'); "
            f"this.textContent='{copied}'\">{escape(t('signin.copy', lang))}</button>"
        )
        key = '<i class="fa fa-key" aria-hidden="true"></i>'
        return f"<div>{key} {t_html('signin.code_line', lang, code=self._code)} {button}</div>"

    def _greeting(self) -> str:
        assert self.candidate is not None
        lang, name = self.lang, self.candidate.name
        if self._new_code:
            return message_html(
                t_html("signin.your_code", lang, name=name, code=self._new_code), "ok", trusted_html=True
            )
        key = "signin.hub_welcome" if self._hub else "signin.welcome_back"
        return message_html(t(key, lang, name=name), "ok")

    def _enter_candidate(self, store: Store, code: str | None, new: bool) -> None:
        """Signed in: ``code`` is the personal code typed or just made (``new``), if any."""
        candidate = store.candidate()
        self.candidate = candidate
        self.store = store
        self._new_code = code if new else None
        self._code = readable_code(normalise_code(code)) if code else None
        self.notice.value = ""
        if candidate.language != self.lang:
            # Their own language choice wins over the page default.
            self._quiet_language(candidate.language)
        self._show()

    def _enter_coach(self, store: Store) -> None:
        self.coach_store = store
        self.notice.value = ""
        self._show()

    def _quiet_language(self, lang: str) -> None:
        self.lang = lang
        self.language.unobserve(self._on_language_change, names="value")
        self.language.value = lang
        self.language.observe(self._on_language_change, names="value")

    def _on_language_change(self, change: dict[str, Any]) -> None:
        self.set_language(change["new"])

    # -- actions (methods, so tests drive the page like a user) ---------------

    def set_language(self, lang: str) -> None:
        """Switch language without losing anything typed: save, then redraw."""
        if self.workspace is not None:
            self.workspace.flush()
        self._quiet_language(lang)
        if self.candidate is not None and self.store is not None and self.candidate.language != lang:
            self.candidate = dataclasses.replace(self.candidate, language=lang)  # type: ignore[arg-type]
            self.store.update_candidate(self.candidate)
        self._show()

    def sign_up(self, name: str) -> str | None:
        signin = self._signin()
        signin.name.value = name
        return signin.sign_up()

    def sign_in(self, code: str) -> Candidate | None:
        signin = self._signin()
        signin.code.value = code
        return signin.sign_in()

    def sign_in_coach(self, passcode: str) -> bool:
        signin = self._signin()
        signin.passcode.value = passcode
        return signin.sign_in_coach()

    def _on_candidate_deleted(self) -> None:
        self.workspace = None  # nothing left to flush
        self.sign_out()
        self.notice.value = message_html(t("downloads.deleted", self.lang), "ok")

    def sign_out(self) -> None:
        if self.workspace is not None:
            self.workspace.flush()
        self.candidate = self.store = self.coach_store = self.workspace = None
        self._new_code = self._code = None
        self._show()
        self.notice.value = message_html(t("app.signed_out", self.lang), "ok")

    def _signin(self) -> SignIn:
        signin = self.body.children[0] if self.body.children else None
        if not isinstance(signin, SignIn):
            raise RuntimeError("Already signed in.")
        return signin

    def say_error(self) -> None:
        """Tell the user something failed, without any technical detail."""
        self.notice.value = message_html(t("app.error", self.lang), "error")


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


def _setup_logging() -> None:
    if not log.handlers:
        # Only our own logger: the server log stays readable (no Alembic chatter).
        handler = logging.StreamHandler(sys.__stderr__)
        handler.setFormatter(logging.Formatter("%(asctime)s workbook %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)


def main(url: str | None = None) -> Dashboard | None:
    """Open the database (``WORKBOOK_DB`` or the default) and show the dashboard."""
    _setup_logging()
    try:
        db = Database.open(url)
    except Exception:
        log.exception("Cannot open the workbook database")
        display(w.HTML(STYLE + message_html(t("app.error", "nl") + " / " + t("app.error", "en"), "error")))
        return None
    dashboard = Dashboard(db.accounts, hub_user=os.environ.get("JUPYTERHUB_USER") or None)
    _install_error_guard(dashboard)
    display(dashboard)
    return dashboard
