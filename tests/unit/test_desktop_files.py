"""The launcher entry, icons and AppStream file a Linux desktop reads, checked by its tools."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from caseplan import __version__

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.example.caseplan.Caseplan"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        reason = f"{name} is not installed (Debian: apt-get install {package})"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return path


def test_desktop_file_validates() -> None:
    done = subprocess.run(
        [_tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error:" not in done.stdout


def test_appstream_metainfo_validates() -> None:
    done = subprocess.run(
        [_tool("appstreamcli", "appstream"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_launcher_starts_the_command_with_an_icon_at_every_size() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"
    ]
    assert desktop["Exec"] in scripts
    assert desktop["Icon"] == APP_ID
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        icon = LINUX / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert icon.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = (int.from_bytes(icon.read_bytes()[16 + i : 20 + i]) for i in (0, 4))
        assert (width, height) == (size, size)
    assert (LINUX / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").exists()


def test_metainfo_names_this_release_and_the_launcher() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("project_license") == "EUPL-1.2"
    releases = [r.get("version") for r in root.iter("release")]
    assert releases[0] == __version__, "add a <release> for the new version"


def test_windows_installer_and_mac_bundle_follow_the_version() -> None:
    script = (ROOT / "packaging" / "windows" / "caseplan.iss").read_text(encoding="utf-8")
    assert f'#define AppVersion "{__version__}"' in script
    assert (ROOT / "packaging" / "windows" / "caseplan.ico").exists()
    assert (ROOT / "packaging" / "macos" / "caseplan.icns").exists()
    spec = (ROOT / "packaging" / "caseplan.spec").read_text(encoding="utf-8")
    assert f'APP_ID = "{APP_ID}"' in spec
