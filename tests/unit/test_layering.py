"""The layers hold: nothing below the UI imports Qt, imports point down, no import cycles."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BELOW_UI = [
    "caseplan.models",
    "caseplan.storage",
    "caseplan.services",
    "caseplan.reports",
    "caseplan.demo",
]


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


def test_the_controllers_load_no_widgets_and_no_gui() -> None:
    """Controllers hold screen logic with QtCore at most, so they are tested without a screen
    (the controller tests also assert that they make no QWidget)."""
    modules = [
        path.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".")
        for path in (ROOT / "caseplan/ui/controllers").rglob("*.py")
    ]
    assert len(modules) > 1
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name.removesuffix('.__init__'))\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6.Qt')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "['PySide6.QtCore']"


def test_no_module_of_caseplan_imports_itself_in_a_circle() -> None:
    """A cycle between modules, even one hidden in a function-level import, is a knot a
    newcomer has to untie before changing either side."""
    import grimp

    graph = grimp.build_graph("caseplan", exclude_type_checking_imports=False)
    cycles = set()
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            if graph.chain_exists(importer=imported, imported=module):
                cycles.add(tuple(sorted((module, imported))))
    assert cycles == set()
