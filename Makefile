# Every target bootstraps the virtual environment it needs; nothing is installed by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

TRANSLATIONS := resources/translations
TS := $(TRANSLATIONS)/outreach_en.ts $(TRANSLATIONS)/outreach_da.ts
QM := $(TS:.ts=.qm)

.PHONY: install run test lint typecheck contracts unit bench clean translations screenshots \
	installer-linux test-installer icons

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found %s); set PYTHON=..." % sys.version.split()[0])'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# The strings are written in Danish; outreach_en.ts translates them to English, and
# outreach_da.ts holds only the Danish plural forms of counted strings.
$(TRANSLATIONS)/%.qm: $(TRANSLATIONS)/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# Refresh the .ts sources from the code (then translate the new entries in them).
translations: $(STAMP)
	for lang in en da; do \
	  $(BIN)/pyside6-lupdate -silent -no-obsolete -locations none -source-language da_DK \
	    -target-language $$lang $$(find outreach_app/ui -name '*.py' | sort) \
	    -ts $(TRANSLATIONS)/outreach_$$lang.ts; \
	done

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

# -- installers (installers/README.md) ----------------------------------------------
BUILD_STAMP := $(VENV)/.installed-build
PYI_DIST := build/pyinstaller/dist
INSTALLERS := build/installers

$(BUILD_STAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev,build]'
	@touch $@

# The Linux package: the PyInstaller folder of installers/pyinstaller/outreach.spec,
# packed as build/installers/outreach-app_<version>_<arch>.deb.
installer-linux: $(BUILD_STAMP) $(QM)
	rm -rf $(PYI_DIST)/outreach-app $(INSTALLERS)/outreach-app_*.deb
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath $(PYI_DIST) \
	  --workpath build/pyinstaller/work installers/pyinstaller/outreach.spec
	bash installers/linux/build-deb.sh $(PYI_DIST)/outreach-app $(INSTALLERS) \
	  "$$($(BIN)/python -c 'from importlib.metadata import version; print(version("outreach-app"))')"

# Starts the built package's program offscreen (after make installer-linux).
test-installer: $(BUILD_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m installer -s tests/installers

# Renders resources/icons from resources/icons/outreach-app.svg (the results are committed).
icons: $(BUILD_STAMP)
	$(BIN)/python installers/icons/make_icons.py
