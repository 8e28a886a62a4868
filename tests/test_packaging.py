"""The two ways to install list the same runtime dependencies."""

from __future__ import annotations

import tomllib
from pathlib import Path

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
