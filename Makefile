# The README names these targets. Everything runs from the project's own virtualenv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

# The test suite runs on PostgreSQL and Redis, as production does.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/kaselo
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15

.PHONY: run install test services lint format messages clean bench screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when the declared dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet ".[dev]"
	touch $@

install: $(VENV)/.installed

## Run the portal on the embedded default: SQLite, tasks in-process, demo data loaded.
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo ""
	@echo "  ELO-portaali käynnissä: http://$(HOST):$(PORT)/"
	@echo "  (ylläpito: http://$(HOST):$(PORT)/admin/ ; pysäytä Ctrl-C)"
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## Start PostgreSQL and Redis if they are down; install Chromium for the browser tests.
services:
	bash scripts/ensure-services.sh
	bash scripts/ensure-browser.sh

## Run the whole test suite on PostgreSQL and Redis.
test: install services
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) $(BIN)/pytest

## Walk every page of every persona in Chromium at 1366 and 390 px (tests/browser/
## test_screen_walk.py): one full-page screenshot each in var/screenshots/ to look at.
SCREENSHOT_DIR ?= var/screenshots
screenshots: install services
	rm -f $(SCREENSHOT_DIR)/*.png
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) SCREENSHOT_DIR=$(SCREENSHOT_DIR) \
		$(BIN)/pytest tests/browser/test_screen_walk.py -q; \
		status=$$?; echo "Kuvakaappaukset: $(SCREENSHOT_DIR)/"; exit $$status

## Lint, format check, types, migrations, and the import contracts in pyproject.toml.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy accounts network notices portal strategy actions events coordination reporting kaselo demo bench lib
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/lint-imports --no-logo --cache-dir var/import-linter

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Benchmark at national scale: BENCH_SCALES="0.1 1" BENCH_SECONDS=15; see README.
bench: install services
	$(BIN)/python bench/run.py

## Refresh the translation catalogues after changing strings.
messages: install
	$(BIN)/python manage.py makemessages -l fi -l sv -l en --ignore=.venv --ignore=staticfiles
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var staticfiles
