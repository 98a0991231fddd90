"""The real app through AT-SPI, the way Orca (a screen reader) and voice control see it.

Sign-in, caseload, the workspace's seven sections, meeting mode and the agreement dialog:
no control without a name, every field's name contains its visible label, and what a
person reads on screen (the database, an error, the person's name) reaches the screen
reader. pyatspi comes from Debian (python3-pyatspi), so the audit runs in the system's
Python (``atspi_audit.py``) against the app started from this venv.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.desktop import xsession

SYSTEM_PYTHON = "/usr/bin/python3"
AUDIT = Path(__file__).with_name("atspi_audit.py")


def _require_atspi() -> None:
    missing = [p for p in ("dbus-run-session", "xdotool") if shutil.which(p) is None]
    probe = (
        subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False)
        if Path(SYSTEM_PYTHON).exists()
        else None
    )
    if probe is None or probe.returncode != 0:
        missing.append("python3-pyatspi")
    if not missing:
        return
    reason = f"needs {', '.join(missing)} (Debian: apt-get install at-spi2-core python3-pyatspi)"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def test_every_screen_speaks(tmp_path: Path) -> None:
    _require_atspi()
    caseplan = str(Path(sys.executable).with_name("caseplan"))
    database = tmp_path / "demo.db"
    env = {**os.environ, "HOME": str(tmp_path), "LANG": "en_GB.UTF-8", "LANGUAGE": "en"}
    made = subprocess.run(
        [caseplan, "demo", "--people", "5", "--seed", "2", "--db", str(database)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    with xsession.xvfb() as display:
        run_env = xsession.app_environment(display, HOME=str(tmp_path), LANG="en_GB.UTF-8")
        run_env["LANGUAGE"] = "en"
        done = subprocess.run(
            ["dbus-run-session", "--", SYSTEM_PYTHON, str(AUDIT), caseplan, "--db", str(database)],
            env=run_env,
            capture_output=True,
            text=True,
            timeout=xsession.PATIENCE_S * 4,
            check=False,
        )
    assert done.returncode == 0, done.stdout + done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("atspi-audit-json: "))
    screens = json.loads(line.split(": ", 1)[1])
    checked = sum(s["checked"] for s in screens)
    unnamed = [f"{s['screen']}: {u}" for s in screens for u in s["unnamed"]]
    mismatched = [f"{s['screen']}: {m}" for s in screens for m in s["mismatched"]]
    unheard = [f"{s['screen']}: {u}" for s in screens for u in s["unheard"]]
    print(
        f"\nAT-SPI: {len(screens)} screens, {checked} controls checked, {len(unnamed)} unnamed, "
        f"{len(mismatched)} names without their visible label, "
        f"{sum(s['labels'] for s in screens)} labels, {len(unheard)} sentences not heard, "
        f"{sum(s['combo_boxes_labelled_by_relation'] for s in screens)} combo boxes named by "
        "their value with their label by relation (Qt)"
    )
    names = {s["screen"] for s in screens}
    walked = {"sign-in", "overview", "caseload", "meeting mode", "agreement (the plan as text)"}
    assert walked <= names
    assert checked > 100
    assert unnamed == []
    assert mismatched == []
    assert unheard == []
