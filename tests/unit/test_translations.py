"""The compiled translations are the ones in the sources, and every UI string is translated."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "caseplan" / "resources" / "translations"
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"


@pytest.mark.parametrize("source", sorted(FOLDER.glob("*_*.ts")), ids=lambda p: p.stem)
def test_compiled_catalogue_matches_its_source(source: Path, tmp_path: Path) -> None:
    if not LRELEASE.exists():
        pytest.skip("pyside6-lrelease is not installed beside this Python")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([str(LRELEASE), str(source), "-qm", str(fresh)], check=True, capture_output=True)
    compiled = source.with_suffix(".qm")
    assert compiled.read_bytes() == fresh.read_bytes(), (
        f"{compiled.name} is older than {source.name}: run tools/update_translations.sh --release"
    )


@pytest.mark.parametrize("source", sorted(FOLDER.glob("caseplan_*.ts")), ids=lambda p: p.stem)
def test_every_message_is_translated(source: Path, tmp_path: Path) -> None:
    """Collect the UI's strings afresh (as tools/update_translations.sh does) into a copy of
    the catalogue: every one of them must already be there, translated."""
    if not LUPDATE.exists():
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    copy = tmp_path / source.name
    copy.write_bytes(source.read_bytes())
    sources = sorted(str(p) for p in (ROOT / "caseplan" / "ui").rglob("*.py"))
    subprocess.run(
        [str(LUPDATE), "-no-obsolete", "-locations", "none", *sources, "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    untranslated = [
        message.findtext("source")
        for message in ET.parse(copy).getroot().iter("message")
        if (t := message.find("translation")) is None
        or t.get("type") == "unfinished"
        or not ((t.text or "").strip() or len(t))
    ]
    assert untranslated == [], "translate these, then run tools/update_translations.sh"
