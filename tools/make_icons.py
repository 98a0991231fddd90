"""Render the app icon (caseplan/resources/icons/caseplan.svg) for every platform.

Writes the freedesktop sizes (packaging/linux/icons/hicolor/NxN/apps/ID.png and the scalable
SVG), a Windows .ico and a macOS .icns. Run after changing the SVG:
``.venv/bin/python tools/make_icons.py``.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "caseplan" / "resources" / "icons" / "caseplan.svg"
APP_ID = "org.example.caseplan.Caseplan"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
HICOLOR = ROOT / "packaging" / "linux" / "icons" / "hicolor"


def render(renderer: QSvgRenderer, size: int, target: Path) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(target), "PNG")


def main() -> int:
    _app = QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(SOURCE))
    pngs = []
    for size in SIZES:
        target = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        render(renderer, size, target)
        pngs.append(target)
    scalable = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    largest = Image.open(pngs[-1])
    largest.save(
        ROOT / "packaging" / "windows" / "caseplan.ico",
        sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)],
    )
    largest.save(ROOT / "packaging" / "macos" / "caseplan.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
