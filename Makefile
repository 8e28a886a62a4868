# The two commands of the README. Each sets itself up: a virtual environment in
# .venv, re-installed only when pyproject.toml changes.
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8866
LAB_PORT ?= 8888
HOST ?= 127.0.0.1
BIN := $(VENV)/bin

.PHONY: serve lab test lint format bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-run

## serve: start the dashboard on http://$(HOST):$(PORT) (database: $$WORKBOOK_DB or data/workbook.sqlite)
serve: $(VENV)/.installed-run
	$(BIN)/workbook serve --host $(HOST) --port $(PORT)

## lab: JupyterLab on notebooks/, with the same database as serve ($$WORKBOOK_DB or data/workbook.sqlite)
lab: $(VENV)/.installed-run
	WORKBOOK_DB="$${WORKBOOK_DB:-sqlite:///$(CURDIR)/data/workbook.sqlite}" \
		$(BIN)/jupyter lab --notebook-dir=notebooks --ServerApp.ip=$(HOST) --ServerApp.port=$(LAB_PORT) \
		--ServerApp.port_retries=0 --ServerApp.open_browser=False $(if $(filter 0,$(shell id -u)),--allow-root)

## test: lint, type-check the pure layers, run the whole test suite (browser tests included)
test: $(VENV)/.installed-test lint
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(VENV)/.installed-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## bench: the performance benchmarks P1-P5 (ratios measured side by side; see benchmarks/RESULTS.md)
bench: $(VENV)/.installed-test
	$(BIN)/python -m benchmarks.run_all

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache .ruff_cache .mypy_cache
