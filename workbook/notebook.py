"""Signing in from a notebook in JupyterLab, the way the dashboard does it.

A candidate who works in ``notebooks/exercises.ipynb`` types their personal code, or
leaves it empty the first time: then their account is made once, its code is shown
and remembered in a file of their own, and every later run signs in with it, so
running the notebook again never makes a second candidate.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from workbook.model import Candidate
from workbook.store import Database, Store
from workbook.texts import t

__all__ = ["code_file", "sign_in"]


def code_file(db: Database) -> Path:
    """Where this computer keeps the code made for ``db`` (``$WORKBOOK_CODE_FILE`` if set)."""
    given = os.environ.get("WORKBOOK_CODE_FILE")
    if given:
        return Path(given)
    # One file per database: a code belongs to the database it was made in.
    digest = hashlib.sha256(db.engine.url.render_as_string(hide_password=True).encode()).hexdigest()[:12]
    return Path.home() / ".workbook" / f"code-{digest}.txt"


def sign_in(db: Database, *, code: str = "", name: str = "", workshop_code: str = "", lang: str = "nl") -> Store:
    """The store of the candidate with ``code``; without one, of the candidate made
    on an earlier run (or made now, with ``name``, and remembered).

    With ``workshop_code`` the candidate joins that workshop (again is fine).
    Raises ``LookupError`` with a message in ``lang`` for an unknown code.
    """
    hub_user = os.environ.get("JUPYTERHUB_USER")
    remembered = code_file(db)
    if code.strip():
        store = db.accounts.sign_in(code)
        if store is None:
            raise LookupError(t("signin.unknown_code", lang))
    elif hub_user:
        store = db.accounts.sign_in_external(hub_user)
    elif remembered.exists() and (store := db.accounts.sign_in(remembered.read_text().strip())) is not None:
        pass
    else:
        candidate = Candidate(name=name.strip() or t("notebook.default_name", lang), language=lang)  # type: ignore[arg-type]
        store, new_code = db.accounts.sign_up(candidate)
        remembered.parent.mkdir(parents=True, exist_ok=True)
        remembered.write_text(new_code + "\n")
        remembered.chmod(0o600)  # a personal code: for this user only
        print(t("notebook.your_code", lang, code=new_code, file=str(remembered)))
    if workshop_code.strip() and store.join_workshop(workshop_code) is None:
        raise LookupError(t("signin.unknown_workshop", lang))
    return store
