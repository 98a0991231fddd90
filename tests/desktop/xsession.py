"""A real X server (Xvfb) for tests that start the real program, not Qt's offscreen platform.

Under ``CI=true`` a missing Xvfb or xdotool fails the test instead of skipping it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest

#: Only a guard against a hang; nothing here measures speed.
PATIENCE_S = 180.0


def require(*programs: str) -> None:
    missing = [name for name in programs if shutil.which(name) is None]
    if not missing:
        return
    reason = f"needs {', '.join(missing)} (Debian: apt-get install xvfb xdotool)"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@contextmanager
def xvfb(size: str = "1366x768x24") -> Iterator[str]:
    """Start Xvfb on a free display number; yields ``":N"``."""
    require("Xvfb")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", size, "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        if not number:
            pytest.fail("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait()


def app_environment(display: str, **extra: str) -> dict[str, str]:
    """The test's environment for a real X11 app: no offscreen platform, this display."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND_"))}
    env["DISPLAY"] = display
    env.update(extra)
    return env


def visible_window(display: str, title: str, process: subprocess.Popen[bytes]) -> str:
    """Wait until a mapped window named exactly ``title`` exists; its X id."""
    require("xdotool")
    deadline = time.monotonic() + PATIENCE_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the program ended ({process.returncode}) before showing {title!r}")
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", f"^{title}$"],
            env={**os.environ, "DISPLAY": display},
            capture_output=True,
            text=True,
            check=False,
        )
        if found.stdout.strip():
            return found.stdout.split()[0]
        time.sleep(0.3)
    pytest.fail(f"no window {title!r} appeared")


def press(display: str, window: str, *keys: str) -> None:
    """Give ``window`` the keyboard focus and press ``keys`` (xdotool key names)."""
    env = {**os.environ, "DISPLAY": display}
    subprocess.run(["xdotool", "windowfocus", "--sync", window], env=env, check=True)
    subprocess.run(["xdotool", "key", "--clearmodifiers", *keys], env=env, check=True)


def screenshot(display: str, target: Path) -> None:
    if shutil.which("import") is None:
        return
    subprocess.run(
        ["import", "-display", display, "-window", "root", str(target)],
        check=False,
        capture_output=True,
    )


def start(command: Sequence[str], env: Mapping[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        list(command), env=dict(env), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def finish(process: subprocess.Popen[bytes]) -> tuple[int, str]:
    """Wait for the program to end by itself; (exit status, what it wrote to stderr)."""
    try:
        _out, err = process.communicate(timeout=PATIENCE_S)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        _out, err = process.communicate()
        pytest.fail("the program did not end after its window was closed")
    return process.returncode, err.decode(errors="replace")
