# Two commands do all set-up on a fresh machine:  `make run`  and  `make test`.
# Each creates .venv (if needed) and installs offguard into it.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip

.PHONY: run test lint bench clean

# `make run` keeps its data in the repository's recordings/ folder (unless OFFGUARD_DATA_DIR
# or --data-dir says otherwise); an installed offguard uses the user data folder.
run: $(VENV)/.installed
	OFFGUARD_DATA_DIR="$${OFFGUARD_DATA_DIR:-$(CURDIR)/recordings}" $(BIN)/offguard $(ARGS)

test: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(VENV)/.installed-test
	$(BIN)/python bench/specificity.py
	$(BIN)/python bench/transcription.py
	$(BIN)/python bench/latency.py
	$(BIN)/python bench/progress.py

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install --upgrade --quiet pip
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PIP) install --upgrade --quiet pip
	$(PIP) install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
