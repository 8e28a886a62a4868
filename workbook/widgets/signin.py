"""Sign-in: a new candidate gives a name and gets a personal code; a returning one
types the code; a coach types the coach passcode. No passwords to forget."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as w

from workbook.model import Candidate, ValidationError
from workbook.store import Accounts, Store, TooManyAttempts, UnknownWorkshop
from workbook.texts import t
from workbook.widgets._common import message_html

__all__ = ["SignIn"]


class SignIn(w.VBox):
    """The first screen. Calls ``on_candidate(store, code, new)`` (the code just made,
    ``new``, or the one typed) or ``on_coach(store)`` with the signed-in person's store."""

    def __init__(
        self,
        accounts: Accounts,
        lang: str,
        on_candidate: Callable[[Store, str | None, bool], None],
        on_coach: Callable[[Store], None],
    ) -> None:
        super().__init__()
        self.accounts = accounts
        self.lang = lang
        self.on_candidate = on_candidate
        self.on_coach = on_coach
        field = {"style": {"description_width": "12em"}, "layout": w.Layout(width="32em")}
        self.name = w.Text(description=t("signin.name", lang), placeholder=t("signin.name_placeholder", lang), **field)
        self.workshop_code = w.Text(
            description=t("signin.workshop_code", lang), placeholder=t("signin.workshop_placeholder", lang), **field
        )
        self.start_button = w.Button(description=t("signin.start", lang), button_style="primary")
        self.code = w.Text(description=t("signin.code", lang), placeholder=t("signin.code_placeholder", lang), **field)
        self.continue_button = w.Button(description=t("signin.continue", lang), button_style="primary")
        self.passcode = w.Password(description=t("signin.coach_passcode", lang), **field)
        self.coach_button = w.Button(description=t("signin.coach_enter", lang))
        self.feedback = w.HTML()
        self.feedback.add_class("wb-signin-feedback")
        self.start_button.on_click(lambda _: self.sign_up())
        self.continue_button.on_click(lambda _: self.sign_in())
        self.coach_button.on_click(lambda _: self.sign_in_coach())
        self.children = [
            w.HTML(f"<h2>{t('signin.new_heading', lang)}</h2>"),
            self.workshop_code,
            w.HBox([self.name, self.start_button]),
            w.HTML(f"<h2>{t('signin.code_heading', lang)}</h2>"),
            w.HBox([self.code, self.continue_button]),
            self.feedback,
            w.HTML(f"<h3>{t('signin.coach_heading', lang)}</h3>"),
            w.HBox([self.passcode, self.coach_button]),
        ]
        self.add_class("wb-signin")

    def _say(self, key: str) -> None:
        self.feedback.value = message_html(t(key, self.lang), "warning")

    def sign_up(self) -> str | None:
        """Create a candidate from the typed name; returns their new code."""
        try:
            candidate = Candidate(name=self.name.value, language=self.lang)  # type: ignore[arg-type]
        except ValidationError as error:
            self.feedback.value = message_html(error.message(self.lang), "warning")
            return None
        try:
            store, code = self.accounts.sign_up(candidate, workshop_code=self.workshop_code.value)
        except UnknownWorkshop:
            self._say("signin.unknown_workshop")
            return None
        self.on_candidate(store, code, True)
        return code

    def sign_in(self) -> Candidate | None:
        """Find the candidate of the typed code."""
        try:
            store = self.accounts.sign_in(self.code.value)
        except TooManyAttempts:
            self._say("signin.too_many")
            return None
        if store is None:
            self._say("signin.unknown_code")
            return None
        self.on_candidate(store, self.code.value, False)
        return store.candidate()

    def sign_in_coach(self) -> bool:
        """Open the coach view of the coach whose passcode this is."""
        if not self.accounts.has_coach_passcode():
            self._say("signin.coach_not_set")
            return False
        passcode, self.passcode.value = self.passcode.value, ""
        try:
            store = self.accounts.sign_in_coach(passcode)
        except TooManyAttempts:
            self._say("signin.too_many")
            return False
        if store is None:
            self._say("signin.coach_wrong")
            return False
        self.on_coach(store)
        return True
