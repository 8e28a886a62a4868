"""What gets installed: the same runtime dependencies both ways, and only the package."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]


def test_environment_yml_lists_the_runtime_dependencies_of_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {Requirement(spec).name.lower(): str(Requirement(spec).specifier) for spec in project["dependencies"]}
    conda = yaml.safe_load((ROOT / "environment.yml").read_text())["dependencies"]
    listed = {}
    for entry in conda:
        if isinstance(entry, str) and not entry.startswith(("python", "pip")):
            req = Requirement(entry)
            listed[req.name.lower()] = str(req.specifier)
    assert listed == wanted


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The files of the wheel built from this checkout (built once for these tests)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    [wheel] = out.glob("workbook-*.whl")
    return zipfile.ZipFile(wheel).namelist()


def test_the_wheel_carries_the_notebook_and_the_data(wheel_names: list[str]) -> None:
    # Installed without the repository, `workbook serve` still finds its notebook.
    assert "workbook/_notebooks/workbook.ipynb" in wheel_names
    assert "workbook/texts/ui.toml" in wheel_names
    assert any(n.startswith("workbook/migrations/versions/0001") for n in wheel_names)
    # The page template that keeps every asset on this server (no CDN).
    template = "workbook/voila/jupyter/voila/templates/workbook/"
    assert {template + name for name in ("conf.json", "index.html.j2", "page.html")} <= set(wheel_names)


def test_the_wheel_holds_only_the_package(wheel_names: list[str]) -> None:
    # The harness, the tests, the benchmarks and the stress scripts live beside the
    # package in the repository; an installation gets none of them.
    names = wheel_names
    assert not [n for n in names if n.startswith(("harness/", "tests/", "benchmarks/", "stress/"))]
    assert not [n for n in names if n.split("/")[-1] in ("stress.py", "many_users.py") or "/stress/" in n]
    assert {n.split("/")[0] for n in names if ".dist-info/" not in n} == {"workbook"}
