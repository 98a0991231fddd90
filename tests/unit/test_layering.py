"""The layers of DESIGN.md §3 hold: nothing below the UI imports Qt, and imports point down."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BELOW_UI = ["caseplan.models", "caseplan.storage", "caseplan.services", "caseplan.reports"]


def test_import_linter_contracts_are_kept() -> None:
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint_imports is not None, "import-linter is part of the test extras"
    result = subprocess.run([lint_imports], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_no_layer_below_the_ui_loads_pyside6_at_run_time() -> None:
    """Also catches imports hidden from static analysis (importlib, __import__)."""
    modules = [
        path.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".")
        for package in BELOW_UI
        for path in (ROOT / package.replace(".", "/")).rglob("*.py")
        if "migrations" not in path.parts
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name.removesuffix('.__init__'))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'PySide6'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
