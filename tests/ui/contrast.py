"""Text contrast as a person sees it: measured on the rendered window, not on style sheets.

Each visible label, button and text field is cut out of a screenshot of its window; its
background is the commonest colour there, its text the colour farthest from it (the inside
of a glyph reaches the true colour), and the WCAG contrast ratio is taken between them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)


def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def ratio(one: QColor, other: QColor) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def measured(image: QImage, area: QRect) -> float | None:
    """The contrast of the text in ``area`` of ``image`` (None if nothing is drawn there)."""
    area = area.intersected(image.rect())
    if area.width() < 2 or area.height() < 2:
        return None
    counts: Counter[int] = Counter()
    for y in range(area.top(), area.bottom() + 1):
        for x in range(area.left(), area.right() + 1):
            counts[image.pixel(x, y)] += 1
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    if len(counts) == 1:
        return None
    best = max(ratio(background, QColor.fromRgb(rgb)) for rgb in counts)
    return best


def _inside_scrolled(widget: QWidget, root: QWidget) -> bool:
    """Whether ``widget`` sits in a scroll area's page below ``root`` (measured on its own)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent.parentWidget(), QWidget) and isinstance(
            parent.parentWidget().parentWidget(), QAbstractScrollArea
        ):
            scroll = parent.parentWidget().parentWidget()
            if isinstance(scroll, QScrollArea) and scroll.widget() is parent:
                return True
        parent = parent.parentWidget()
    return False


def texts(root: QWidget) -> Iterator[tuple[QWidget, str, QRect]]:
    """Every visible widget that shows text under ``root`` (not in a scroll area's page below
    it), with the text and where it is in ``root``."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget.width() < 4 or widget.height() < 4:
            continue
        if _inside_scrolled(widget, root):
            continue
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit) and widget.text().strip():
            text = widget.text()
        elif isinstance(widget, QPlainTextEdit) and widget.toPlainText().strip():
            text, widget = widget.toPlainText(), widget.viewport()
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            yield from _items(widget, root)
            continue
        else:
            continue
        top_left = widget.mapTo(root, QPoint(0, 0))
        area = QRect(top_left, widget.size())
        if isinstance(widget, QAbstractButton):
            area = area.adjusted(4, 4, -4, -4)  # inside the frame (a focus ring is not text)
        yield widget, text, area


def _items(view: QAbstractItemView, root: QWidget) -> Iterator[tuple[QWidget, str, QRect]]:
    """The rows of a list, table or tree that are not selected (selection has its colours)."""
    model, viewport = view.model(), view.viewport()
    selected = view.selectionModel()
    offset = viewport.mapTo(root, QPoint(0, 0))
    for row in range(min(model.rowCount(view.rootIndex()), 30)):
        for column in range(model.columnCount(view.rootIndex())):
            index = model.index(row, column, view.rootIndex())
            text = str(index.data() or "").strip()
            if not text or (selected is not None and selected.isSelected(index)):
                continue
            if index == view.currentIndex():
                continue
            area = view.visualRect(index).intersected(viewport.rect())
            if area.width() > 4 and area.height() > 4:
                yield view, text, area.translated(offset)


def low_contrast(window: QWidget, minimum: float = 4.5) -> list[str]:
    """Texts in ``window`` whose contrast on screen is under ``minimum``, as readable lines.

    A scroll area's page is measured whole, scrolled out of sight or not."""
    QApplication.processEvents()
    found = _low_contrast(window, minimum)
    for scroll in window.findChildren(QScrollArea):
        page = scroll.widget()
        if page is not None and scroll.isVisibleTo(window) and page.isVisibleTo(window):
            found += _low_contrast(page, minimum)
    return found


def _low_contrast(root: QWidget, minimum: float) -> list[str]:
    image = root.grab().toImage()
    scale = image.devicePixelRatio()
    found = []
    for widget, text, area in texts(root):
        if not widget.isEnabled():
            continue  # a disabled control says so by being faint
        scaled = QRect(
            int(area.x() * scale),
            int(area.y() * scale),
            int(area.width() * scale),
            int(area.height() * scale),
        )
        value = measured(image, scaled)
        if value is not None and value < minimum:
            found.append(f"{type(widget).__name__} {text[:40]!r}: {value:.2f}:1")
    return found


def dark_palette() -> QPalette:
    """A dark desktop theme, as GNOME's or KDE's dark themes hand it to Qt."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#eeeeee",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.Text: "#eeeeee",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#eeeeee",
        QPalette.ColorRole.Highlight: "#3d7bd9",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#eeeeee",
        QPalette.ColorRole.PlaceholderText: "#a0a0a0",
        QPalette.ColorRole.Link: "#8ab4f8",
        QPalette.ColorRole.Light: "#4a4a4a",
        QPalette.ColorRole.Midlight: "#3a3a3a",
        QPalette.ColorRole.Mid: "#5a5a5a",
        QPalette.ColorRole.Dark: "#1a1a1a",
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.BrightText: "#ffffff",
    }
    for role, name in colours.items():
        palette.setColor(role, QColor(name))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#808080"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#808080"))
    return palette


def high_contrast_palette(*, dark: bool = True) -> QPalette:
    """Windows' "High contrast black" (or white): pure black and white, yellow selection."""
    fore, back = ("#ffffff", "#000000") if dark else ("#000000", "#ffffff")
    palette = QPalette(QColor(back))
    for role in (
        QPalette.ColorRole.Window,
        QPalette.ColorRole.Base,
        QPalette.ColorRole.AlternateBase,
        QPalette.ColorRole.Button,
        QPalette.ColorRole.ToolTipBase,
    ):
        palette.setColor(role, QColor(back))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.ToolTipText,
        QPalette.ColorRole.PlaceholderText,
        QPalette.ColorRole.BrightText,
    ):
        palette.setColor(role, QColor(fore))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#ffff00" if dark else "#37006e"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor(back if dark else "#ffffff"))
    palette.setColor(QPalette.ColorRole.Link, QColor("#ffff00" if dark else "#00009f"))
    for role in (QPalette.ColorRole.Light, QPalette.ColorRole.Midlight, QPalette.ColorRole.Mid):
        palette.setColor(role, QColor(fore))
    palette.setColor(QPalette.ColorRole.Dark, QColor(fore))
    return palette
