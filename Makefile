# Two promises: `make demo` and `make test` work on a fresh machine with Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Two stamps: `make demo` installs only what the app needs, `make test` adds the dev tools.
# Each is redone when the project's metadata or this recipe changes, and `make demo` after
# `make test` finds the app's stamp still fresh and installs nothing.
APP_STAMP := $(VENV)/.installed-app
DEV_STAMP := $(VENV)/.installed-dev
PACKAGING := pyproject.toml setup.py MANIFEST.in Makefile

.PHONY: demo test lint browser bench screenshots sandbox clean
# The browser test drives Debian's Chromium and ChromeDriver, installed on first use.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM_PACKAGES := chromium chromium-driver

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# An editable install leaves no bytecode; compiling once keeps start-up fast even where
# PYTHONDONTWRITEBYTECODE is set (a stale file is simply recompiled in memory).
$(APP_STAMP): $(PACKAGING) | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	$(BIN)/python -m compileall -q explorer
	touch $@

$(DEV_STAMP): $(APP_STAMP) $(PACKAGING)
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

demo: $(APP_STAMP)
	$(BIN)/elx --sandbox

sandbox: $(APP_STAMP)
	$(BIN)/elx sandbox serve

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache --no-logo

browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  $(SUDO) apt-get install -y -q $(CHROMIUM_PACKAGES) || \
	  { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q $(CHROMIUM_PACKAGES); }

test: lint browser
	$(BIN)/pytest -q

# The start-up benchmark's peer, Harlequin, lives in a venv of its own, outside the project's.
HARLEQUIN := .bench-venvs/harlequin/bin/harlequin

$(HARLEQUIN):
	$(PYTHON) -m venv .bench-venvs/harlequin
	-.bench-venvs/harlequin/bin/python -m pip install -q harlequin

# Every benchmark runs, even after one misses its target; the summary then shows each row of
# the speed table with its peer from the same run, and fails if any row missed or is absent.
bench: $(DEV_STAMP) $(HARLEQUIN)
	@rows=$$(mktemp); failed=""; \
	for b in benchmarks/*_bench.py; do \
		echo "== $$b"; ELX_BENCH_ROWS=$$rows $(BIN)/python $$b || failed="$$failed $$b"; \
	done; \
	$(BIN)/python benchmarks/summary.py $$rows $$failed; code=$$?; rm -f $$rows; exit $$code

# The screenshot scenes are a development module: the editable install has them.
screenshots: $(DEV_STAMP) browser
	$(BIN)/python -m explorer.tui.screenshots screenshots
	ELX_UPDATE_SCREENSHOTS=1 $(BIN)/pytest -q -p no:cacheprovider tests/web/test_browser.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
