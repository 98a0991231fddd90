"""Before Qt: a missing X11 library is one sentence naming the packages, not a core dump."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from caseplan import desktop_check
from caseplan.cli import main

X11 = {"DISPLAY": ":0"}


def _without(*names: str):  # type: ignore[no-untyped-def]
    return lambda name: name not in names


def test_all_there_is_no_problem() -> None:
    assert desktop_check.problem(X11, "linux", lambda _name: True) is None


def test_missing_libraries_name_their_debian_packages_in_one_sentence() -> None:
    sentence = desktop_check.problem(
        X11, "linux", _without("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1")
    )
    assert sentence is not None
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1`" in sentence
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4, libxcb-keysyms.so.1" in sentence
    assert sentence.count(". ") == 0 and sentence.endswith(".")


def test_no_display_says_so() -> None:
    sentence = desktop_check.problem({}, "linux", lambda _name: True)
    assert sentence is not None and "DISPLAY is not set" in sentence


@pytest.mark.parametrize(
    ("environ", "platform"),
    [
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux"),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux"),
        ({}, "win32"),
        ({}, "darwin"),
    ],
)
def test_other_platforms_need_no_x11(environ: dict[str, str], platform: str) -> None:
    assert desktop_check.problem(environ, platform, lambda _name: False) is None


def test_explicit_xcb_is_checked_even_on_wayland() -> None:
    environ = {"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "w", **X11}
    assert desktop_check.problem(environ, "linux", _without("libxcb-cursor.so.0")) is not None


def test_the_app_stops_with_the_sentence_before_qt(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(desktop_check, "_loads", _without("libxcb-cursor.so.0"))
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(sys, "platform", "linux")
    assert main([]) == 1
    err = capsys.readouterr().err
    assert err.startswith("caseplan: Caseplan's window cannot open")
    assert "sudo apt-get install libxcb-cursor0" in err


def test_make_run_checks_with_the_system_python_before_installing() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "caseplan.desktop_check"],
        env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "xcb"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "DISPLAY is not set" in done.stderr


def test_the_readme_lists_every_package_the_check_may_ask_for() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    setup = readme[readme.index("sudo apt-get install python3") :]
    setup = setup[: setup.index("```")]
    listed = set(setup.replace("\\", " ").split())
    assert set(desktop_check.XCB_LIBRARIES.values()) <= listed
    assert {"python3-venv", "make"} <= listed
