"""JupyterLab, as a coach who codes or a candidate who prefers notebooks uses it:
`exercises.ipynb` opened and run in a real JupyterLab in Chromium, its widgets drawn,
and what is typed into them saved in the workbook database."""

from __future__ import annotations

import os
import secrets
import shutil
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from harness.ports import free_port
from harness.served import Served

from .conftest import ARTIFACTS, REPO, shot
from .workbook_ui import rows

pytestmark = pytest.mark.browser

LAB_READY_S = 120.0


@dataclass
class Lab(Served):
    token: str
    db_path: Path


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """JupyterLab on a copy of the notebooks (so no run leaves output in the repository)."""
    folder = tmp_path_factory.mktemp("lab")
    shutil.copy(REPO / "notebooks" / "exercises.ipynb", folder / "exercises.ipynb")
    db_path = folder / "lab.sqlite"
    token = secrets.token_hex(16)
    port = free_port()
    command = [
        str(Path(sys.executable).with_name("jupyter")),
        "lab",
        f"--notebook-dir={folder}",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        "--ServerApp.open_browser=False",
        *(["--allow-root"] if os.geteuid() == 0 else []),  # CI runs as root
        f"--IdentityProvider.token={token}",
        # Nothing fetched from elsewhere: no update check, no extension catalogue.
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
    ]
    # Nor news: JupyterLab would ask whether to fetch it (settings of a fresh user).
    settings = folder / "lab-settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text('{"fetchNews": "false", "checkForUpdates": false}')
    env = {
        **os.environ,
        "JUPYTERLAB_SETTINGS_DIR": str(folder / "lab-settings"),
        "WORKBOOK_DB": f"sqlite:///{db_path}",
        "WORKBOOK_CODE_FILE": str(folder / "code.txt"),
    }
    env.pop("JUPYTERHUB_USER", None)
    server = Lab.start(
        command,
        name="jupyter lab",
        port=port,
        log_path=ARTIFACTS / "jupyterlab-server.log",
        env=env,
        cwd=folder,
        token=token,
        db_path=db_path,
    )
    try:
        server.wait_until_ready(LAB_READY_S, url=f"{server.url}lab?token={token}")
        yield server
    finally:
        server.stop()


def _wait_for_rows(db_path: Path, sql: str, deadline_s: float = 30.0) -> list[tuple[object, ...]]:
    """Poll the database until ``sql`` finds rows (the widgets save a moment after typing)."""
    deadline = time.monotonic() + deadline_s
    while True:
        found = rows(db_path, sql) if db_path.exists() else []
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.2)  # the interval of a poll on the condition above


def test_the_exercises_notebook_runs_and_saves_in_jupyterlab(page: Page, lab: Lab) -> None:
    page.goto(f"{lab.url}lab/tree/exercises.ipynb?token={lab.token}")
    notebook = page.locator(".jp-NotebookPanel")
    expect(notebook).to_be_visible()
    # The kernel is connected and idle (the status bar says so) before everything is run.
    expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible()
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    # The widgets render: the interview form and the exercises, with their texts.
    notes = page.get_by_label("Aantekeningen tijdens het gesprek", exact=True)
    errors = page.locator(".jp-RenderedText[data-mime-type='application/vnd.jupyter.error']")
    expect(notes.or_(errors.first)).to_be_visible(timeout=120_000)
    assert not errors.count(), errors.first.inner_text()
    assert page.locator(".jp-OutputArea-output .widget-vbox").count() >= 8
    notes.fill("De teamleider vroeg naar mijn ervaring met data.")
    saved = _wait_for_rows(lab.db_path, "SELECT text FROM notes WHERE kind = 'during'")
    assert saved == [("De teamleider vroeg naar mijn ervaring met data.",)]
    assert rows(lab.db_path, "SELECT name FROM candidates") == [("Oefenkandidaat",)]
    assert (lab.db_path.parent / "code.txt").read_text().strip()  # the code was made and remembered
    shot(page, "lab-01-exercises")
