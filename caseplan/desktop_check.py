"""Before the window opens: can Qt's X11 platform plugin load on this computer?

Without a few system libraries Qt aborts with a long, technical message (and a core
dump) when the first window is made. This check runs first and says in one sentence
which packages to install. It imports no Qt and needs nothing but the standard library,
so ``make run`` can run it before installing anything (``python3 -m caseplan.desktop_check``).
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

#: What Qt's xcb plugin (libqxcb.so and libQt6XcbQpa.so.6) loads, and the Debian/Ubuntu
#: package that ships each library. Read off ``ldd`` for PySide6 6.7 to 6.12.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def _bundled(name: str) -> bool:
    """A frozen build (PyInstaller) may carry the library itself."""
    root: str | None = getattr(sys, "_MEIPASS", None)
    return root is not None and any(Path(root).rglob(name))


def uses_xcb(environ: Mapping[str, str]) -> bool:
    """Whether Qt will open its window through X11 (not Wayland, offscreen or another)."""
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def missing_libraries(load: Callable[[str], bool] | None = None) -> list[str]:
    """The libraries of :data:`XCB_LIBRARIES` that cannot be loaded, in that order."""
    load = _loads if load is None else load
    return [name for name in XCB_LIBRARIES if not (load(name) or _bundled(name))]


def problem(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    load: Callable[[str], bool] | None = None,
) -> str | None:
    """One sentence saying why the window cannot open here, or None when it can."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux") or not uses_xcb(environ):
        return None
    if not environ.get("DISPLAY"):
        return (
            "Caseplan's window needs a desktop session, and none is running here (DISPLAY is "
            "not set); on a server, use the commands instead (caseplan --help)."
        )
    missing = missing_libraries(load)
    if not missing:
        return None
    packages = " ".join(XCB_LIBRARIES[name] for name in missing)
    return (
        f"Caseplan's window cannot open because Qt needs system libraries that are missing "
        f"({', '.join(missing)}): on Debian or Ubuntu, install them with "
        f"`sudo apt-get install {packages}` and start Caseplan again."
    )


def main() -> int:
    sentence = problem()
    if sentence is None:
        return 0
    sys.stderr.write(f"caseplan: {sentence}\n")
    return 1


if __name__ == "__main__":
    sys.exit(main())
