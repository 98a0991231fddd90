"""What Caseplan ships with is listed with its licence, and the package carries its own licence."""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "caseplan" / "resources" / "licences"


def _tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "collect_licences", ROOT / "tools" / "collect_licences.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_package_carries_the_licence_of_the_repository() -> None:
    assert (FOLDER / "LICENSE").read_bytes() == (ROOT / "LICENSE").read_bytes()
    assert "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "EUPL-1.2"
    assert project["urls"]["Homepage"]
    assert any(c.startswith("Intended Audience") for c in project["classifiers"])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the list is made on Linux")
def test_every_runtime_dependency_is_listed_with_its_licence() -> None:
    tool = _tool()
    shipped = (FOLDER / "third-party.txt").read_text(encoding="utf-8")
    contents = shipped[: shipped.index("=" * 78)]
    for dist in tool.runtime_distributions():
        line = f"  {dist.metadata['Name']} — {tool.licence_of(dist)}"
        assert line in contents, f"run tools/collect_licences.py ({dist.metadata['Name']})"
    for notice in (ROOT / "packaging" / "licences").glob("*.txt"):
        assert notice.read_text(encoding="utf-8").strip() in shipped
