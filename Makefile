# Two commands for a newcomer: `make run` and `make test`. Only Python 3.11+ is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-browser lint format check ci bench loadbank clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## Set everything up and serve the site on http://127.0.0.1:8000 (SQLite unless DATABASE_URL is set).
run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py loadbank
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py runserver $(HOST):$(PORT)

loadbank: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py loadbank

## The test suite. Browser tests run too when Chromium is installed (they skip, saying why, when not).
test: $(STAMP)
	$(BIN)/python -m pytest

test-browser: $(STAMP)
	$(BIN)/python -m pytest -m browser

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: $(STAMP)
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python manage.py check

ci:
	bash .ci/run

## Measurements, printed as tables: page times against a bare view (with query counts), then autosave.
bench: $(STAMP)
	$(BIN)/python bench/pages.py --questions $${QUESTIONS:-0}
	$(BIN)/python bench/autosave.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache db.sqlite3
