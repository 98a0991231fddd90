"""The real program, started as a person starts it, on a real X server (Xvfb, not offscreen).

It must reach the first-run screen of a new database and close cleanly with Escape. The
same test starts the PyInstaller bundle when ``CASEPLAN_BUNDLE`` names its executable
(``make dist`` builds it; CI sets the variable).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from caseplan import __version__
from tests.desktop import xsession

BUNDLE_ENV = "CASEPLAN_BUNDLE"


def _installed() -> list[str]:
    return [str(Path(sys.executable).with_name("caseplan"))]


def _bundle() -> list[str]:
    path = os.environ.get(BUNDLE_ENV)
    if not path:
        reason = f"{BUNDLE_ENV} is not set (make dist builds the bundle)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return [path]


PROGRAMS = {"installed": _installed, "bundle": _bundle}


@pytest.fixture(params=sorted(PROGRAMS))
def program(request: pytest.FixtureRequest) -> list[str]:
    return PROGRAMS[request.param]()


def test_version(program: list[str]) -> None:
    done = subprocess.run([*program, "--version"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"caseplan {__version__}"


def test_first_run_screen_on_x11(program: list[str], tmp_path: Path) -> None:
    database = tmp_path / "new-clinic.db"
    with xsession.xvfb() as display:
        env = xsession.app_environment(display, HOME=str(tmp_path), LANG="en_GB.UTF-8")
        process = xsession.start([*program, "--db", str(database)], env)
        window = xsession.visible_window(display, "Welcome to Caseplan", process)
        xsession.screenshot(display, tmp_path / "first-run.png")
        xsession.press(display, window, "Escape")
        code, err = xsession.finish(process)
    assert code == 0, err
    assert "qt.qpa" not in err, err
    assert not database.exists()  # choosing nothing creates nothing


def test_demo_and_every_printout(program: list[str], tmp_path: Path) -> None:
    """Migrations, fonts, pictograms and catalogues travel with the program (the bundle too)."""
    env = {**os.environ, "HOME": str(tmp_path), "CASEPLAN_ACCOUNT": "lead"}
    env["CASEPLAN_PASSWORD"] = "demo"
    database = str(tmp_path / "demo.db")

    def run(*argv: str) -> str:
        done = subprocess.run(
            [*program, *argv, "--db", database], env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    run("demo", "--people", "2", "--seed", "1")
    person = run("people").split()[0]
    for variant in ([], ["--easy-read"], ["--crisis-card"], ["--bilingual"], ["--language", "en"]):
        out = tmp_path / f"plan{'-'.join(variant)}.pdf"
        run("pdf", person, "--out", str(out), *variant)
        assert out.read_bytes().startswith(b"%PDF")
    assert "chain unbroken" in run("check")
