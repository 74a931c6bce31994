# Two promises: `make demo` and `make test` work on a fresh machine with Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench screenshots sandbox clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall whenever the project's metadata or this recipe changes. An editable install
# leaves no bytecode; compiling once keeps start-up fast even where PYTHONDONTWRITEBYTECODE
# is set (a stale file is simply recompiled in memory).
$(STAMP): pyproject.toml setup.py MANIFEST.in Makefile | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	$(BIN)/python -m compileall -q explorer
	touch $@

demo: $(STAMP)
	$(BIN)/elx --sandbox

sandbox: $(STAMP)
	$(BIN)/elx sandbox serve

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache --no-logo

test: lint
	$(BIN)/pytest -q

bench: $(STAMP)
	@for b in benchmarks/*_bench.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

screenshots: $(STAMP)
	$(BIN)/python -m explorer.tui.screenshots screenshots

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
