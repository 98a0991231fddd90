VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run check-desktop install-desktop dist test lint typecheck translations clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	-git config merge.linguist.driver "python3 tools/merge_ts.py %O %A %B" 2>/dev/null
	-git config merge.ours.driver true 2>/dev/null
	touch $(STAMP)

# Before installing anything: can Qt open a window here? (says which packages are missing)
check-desktop:
	@$(PYTHON) -m caseplan.desktop_check

run: check-desktop $(STAMP)
	$(BIN)/caseplan

# A PyInstaller bundle (one folder) for this platform: dist/caseplan/ (dist/Caseplan.app on macOS).
$(VENV)/.dist-installed: $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,dist]'
	touch $@

dist: $(VENV)/.dist-installed
	$(BIN)/python tools/collect_licences.py
	$(BIN)/pyinstaller packaging/caseplan.spec --noconfirm --clean --log-level WARN \
	  --distpath dist --workpath build/pyinstaller

# The launcher entry and icons for this user. It starts this checkout's venv, or what EXEC names
# (e.g. EXEC=$PWD/dist/caseplan/caseplan for the bundle).
DATA_HOME ?= $(or $(XDG_DATA_HOME),$(HOME)/.local/share)
APP_ID := org.example.caseplan.Caseplan
EXEC ?= $(abspath $(BIN))/caseplan
install-desktop:
	mkdir -p $(DATA_HOME)/applications $(DATA_HOME)/metainfo
	cp -r packaging/linux/icons $(DATA_HOME)/
	sed 's|^Exec=caseplan$$|Exec=$(EXEC)|' packaging/linux/$(APP_ID).desktop \
	  > $(DATA_HOME)/applications/$(APP_ID).desktop
	cp packaging/linux/$(APP_ID).metainfo.xml $(DATA_HOME)/metainfo/
	-update-desktop-database $(DATA_HOME)/applications 2>/dev/null
	-gtk-update-icon-cache -q $(DATA_HOME)/icons/hicolor 2>/dev/null

# The suite in WORKERS processes (pytest-xdist; WORKERS=0 runs it in this one process).
# Tests that share one thing (the CUPS test printer) stay in one worker: --dist loadgroup.
# A worker that dies ends the run at once (--max-worker-restart=0): with loadgroup, a replaced
# worker never got the dead one's tests and the run waited for ever.
WORKERS ?= 2
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n $(WORKERS) --dist loadgroup --max-worker-restart=0

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build dist *.egg-info
