"""A small DEMO database made through the CLI itself, shared by the command-line tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import run_cli


@pytest.fixture
def demo_db(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Twelve fictional people (seed 3); CASEPLAN_PASSWORD is the demo accounts' "demo"."""
    path = tmp_path / "demo.db"
    code, _out, err = run_cli(capsys, "demo", "--people", "12", "--seed", "3", "--db", str(path))
    assert code == 0, err
    assert "Added 12 fictional people" in err
    monkeypatch.setenv("CASEPLAN_PASSWORD", "demo")
    return path
