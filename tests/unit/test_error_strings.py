"""Every sentence a person can be shown from below the UI reaches the translators."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_error_sentences_file_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, "tools/extract_error_strings.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
