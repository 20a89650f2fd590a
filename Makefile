# Every target bootstraps the virtual environment it needs; nothing is installed by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

TS := resources/translations/outreach_en.ts
QM := resources/translations/outreach_en.qm

.PHONY: install run test lint typecheck contracts unit bench clean translations screenshots

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found %s); set PYTHON=..." % sys.version.split()[0])'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

$(QM): $(TS) $(STAMP)
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

# Refresh the .ts source from the code (then translate the new entries in it).
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -silent -no-obsolete -locations none $$(find outreach_app/ui -name '*.py' | sort) -ts $(TS)

run: $(STAMP) $(QM)
	$(BIN)/outreach-app-cli run-demo

lint: $(STAMP)
	$(BIN)/ruff check outreach_app tests
	$(BIN)/ruff format --check outreach_app tests

typecheck: $(STAMP)
	$(BIN)/mypy

contracts: $(STAMP)
	$(BIN)/lint-imports

unit: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

screenshots: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.gui.screenshots --out build/screenshots

test: lint typecheck contracts unit

bench: $(STAMP)
	@mkdir -p build
	$(BIN)/python -m tests.bench --out build/bench.json

clean:
	rm -rf $(VENV) build .mypy_cache .ruff_cache .hypothesis
