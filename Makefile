VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run check-desktop test lint typecheck translations clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	-git config merge.linguist.driver "python3 tools/merge_ts.py %O %A %B" 2>/dev/null
	touch $(STAMP)

# Before installing anything: can Qt open a window here? (says which packages are missing)
check-desktop:
	@$(PYTHON) -m caseplan.desktop_check

run: check-desktop $(STAMP)
	$(BIN)/caseplan

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build dist *.egg-info
