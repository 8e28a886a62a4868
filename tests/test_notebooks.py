"""Notebooks are committed clean and run from top to bottom."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from workbook.store import Database

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, path.name


def _run(name: str, folder: Path) -> list[dict]:  # type: ignore[type-arg]
    """Execute a notebook of notebooks/ in ``folder``; its outputs, none an error."""
    notebook = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    NotebookClient(
        notebook, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    ).execute()
    outputs = [o for cell in notebook.cells for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"], name
    return outputs


def test_dashboard_notebook_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'nb.sqlite'}"
    monkeypatch.setenv("WORKBOOK_DB", url)
    outputs = _run("workbook.ipynb", tmp_path)
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)
    # The kernel opened (and so created and migrated) the database it was given.
    assert (tmp_path / "nb.sqlite").exists()
    Database.open(url).close()
    assert os.environ["WORKBOOK_DB"] == url


def test_exercises_notebook_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'ex.sqlite'}"
    monkeypatch.setenv("WORKBOOK_DB", url)
    monkeypatch.setenv("WORKBOOK_CODE_FILE", str(tmp_path / "code.txt"))
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    outputs = _run("exercises.ipynb", tmp_path)
    widgets = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert len(widgets) == 8  # the interview form and the seven exercises
    shown = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    code = (tmp_path / "code.txt").read_text().strip()
    assert code in shown  # the new code is shown once
    tables = Database.open(url).for_coach().tables()
    assert list(tables["candidates"]["name"]) == ["Oefenkandidaat"]
    assert list(tables["interviews"]["employer"]) == ["Voorbeeld BV"]
    # A second run signs the same candidate in: no second account, the code not shown again.
    again = _run("exercises.ipynb", tmp_path)
    assert code not in "".join(o.get("text", "") for o in again if o.output_type == "stream")
    assert len(Database.open(url).for_coach().table("candidates")) == 1


def test_coach_analysis_notebook_runs_on_demo_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from workbook.demo import fill_demo

    url = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    fill_demo(Database.open(url), candidates=10, interviews=3, seed=2)
    monkeypatch.setenv("WORKBOOK_DB", url)
    monkeypatch.delenv("MPLBACKEND", raising=False)  # the kernel's inline backend draws the plots
    outputs = _run("coach-analysis.ipynb", tmp_path)
    assert sum("image/png" in o.get("data", {}) for o in outputs) >= 3  # the plots were drawn
