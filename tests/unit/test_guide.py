"""The user guide: one source for Help → User guide and the README's tour, in both languages."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "caseplan" / "resources" / "guide"


def test_the_readme_tour_is_the_english_guide() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "sync_guide.py"), "--check"], check=False
    )
    assert done.returncode == 0, "run tools/sync_guide.py"


def _shape(text: str) -> tuple[int, int]:
    headings = len(re.findall(r"^## ", text, flags=re.MULTILINE))
    keys = len(re.findall(r"^\| [^-]", text, flags=re.MULTILINE))
    return headings, keys


def test_bokmal_and_english_guides_have_the_same_sections_and_keys() -> None:
    english = (GUIDE / "en.md").read_text(encoding="utf-8")
    bokmal = (GUIDE / "nb.md").read_text(encoding="utf-8")
    assert _shape(english) == _shape(bokmal)
    for heading in ("## For practitioners", "## For peer workers", "## For team leads"):
        assert heading in english
    for heading in ("## For behandlere", "## For likepersoner", "## For teamledere"):
        assert heading in bokmal
    assert "| F1 |" in english and "| F1 |" in bokmal
