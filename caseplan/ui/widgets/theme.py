"""The program's own colours, chosen to go with the desktop's light, dark or high-contrast theme.

Every style sheet that sets a background also sets the text colour that goes on it (a
background of our own with the desktop's text colour is how dark themes made meeting mode
unreadable). In a high-contrast theme the program adds no colours at all: backgrounds,
text and borders are the theme's own, so its contrast holds.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette


@dataclass(frozen=True)
class Colours:
    page: str  #: meeting mode's page
    text: str  #: text on the page
    heading: str
    quiet: str  #: less important text (still 4.5:1 on the page)
    own_back: str  #: the person's own words: warm paper
    own_border: str
    own_label: str
    note_back: str  #: a worker's note: cool grey
    note_border: str
    note_label: str
    error: str  #: a problem, on the window's own background
    saved: str
    pending: str
    nav_back: str  #: the workspace's list of sections
    nav_text: str
    nav_chosen_back: str
    nav_chosen_text: str
    cover: str  #: the lock screen
    card: str
    card_text: str
    card_border: str
    hint_back: str
    hint_border: str
    changed_border: str  #: "changed since agreed"
    row_border: str  #: a row in the agree dialog
    high_contrast: bool = False


LIGHT = Colours(
    page="#fffdf8",
    text="#1f1a12",
    heading="#4a3200",
    quiet="#5b5346",
    own_back="#fff7e8",
    own_border="#e2c48f",
    own_label="#7a4b00",
    note_back="#eceff1",
    note_border="#90a4ae",
    note_label="#455a64",
    error="#b00020",
    saved="#2e7d32",
    pending="#5f6b73",
    nav_back="#f4f1ec",
    nav_text="#1f1a12",
    nav_chosen_back="#ffe2b3",
    nav_chosen_text="#3d2a00",
    cover="#e9eef2",
    card="#ffffff",
    card_text="#1a1f24",
    card_border="#c9d3db",
    hint_back="#eef4fa",
    hint_border="#b9cde0",
    changed_border="#b45309",
    row_border="#eadcc3",
)

DARK = Colours(
    page="#1d1a16",
    text="#f2ece2",
    heading="#f3c772",
    quiet="#cfc5b4",
    own_back="#33291b",
    own_border="#8a6a36",
    own_label="#f3c772",
    note_back="#2a3034",
    note_border="#78909c",
    note_label="#b8c7cf",
    error="#ff8a80",
    saved="#81c784",
    pending="#b8c2c8",
    nav_back="#24211d",
    nav_text="#f2ece2",
    nav_chosen_back="#5a4215",
    nav_chosen_text="#fff3dc",
    cover="#1b1f23",
    card="#2a2f34",
    card_text="#eef2f5",
    card_border="#4a5560",
    hint_back="#22303d",
    hint_border="#4f6b85",
    changed_border="#f59e0b",
    row_border="#5a4a33",
)


def _contrast(one: QColor, other: QColor) -> float:
    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def is_high_contrast(palette: QPalette) -> bool:
    """The desktop asks for high contrast, or its theme is (nearly) black and white."""
    hints = QGuiApplication.styleHints()
    if hints is not None and hasattr(hints, "accessibility"):
        accessibility = hints.accessibility()  # kept: a temporary is deleted under us
        if accessibility.contrastPreference() == Qt.ContrastPreference.HighContrast:
            return True
    pairs = (
        (QPalette.ColorRole.Window, QPalette.ColorRole.WindowText),
        (QPalette.ColorRole.Base, QPalette.ColorRole.Text),
    )
    # Pure black and white (a usual light theme's grey window stays under 20:1).
    return all(_contrast(palette.color(back), palette.color(fore)) >= 20 for back, fore in pairs)


def is_dark(palette: QPalette) -> bool:
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightnessF() < text.lightnessF()


def _high_contrast(palette: QPalette) -> Colours:
    back = palette.color(QPalette.ColorRole.Window).name()
    fore = palette.color(QPalette.ColorRole.WindowText).name()
    base = palette.color(QPalette.ColorRole.Base).name()
    text = palette.color(QPalette.ColorRole.Text).name()
    chosen_back = palette.color(QPalette.ColorRole.Highlight).name()
    chosen_text = palette.color(QPalette.ColorRole.HighlightedText).name()
    return Colours(
        page=back,
        text=fore,
        heading=fore,
        quiet=fore,
        own_back=base,
        own_border=text,
        own_label=text,
        note_back=base,
        note_border=text,
        note_label=text,
        error=fore,
        saved=fore,
        pending=fore,
        nav_back=back,
        nav_text=fore,
        nav_chosen_back=chosen_back,
        nav_chosen_text=chosen_text,
        cover=back,
        card=back,
        card_text=fore,
        card_border=fore,
        hint_back=back,
        hint_border=fore,
        changed_border=fore,
        row_border=fore,
        high_contrast=True,
    )


def colours(palette: QPalette | None = None) -> Colours:
    """The colours for the desktop's theme as it is now (the application's palette)."""
    if palette is None:
        palette = QGuiApplication.palette()
    if is_high_contrast(palette):
        return _high_contrast(palette)
    return DARK if is_dark(palette) else LIGHT


def error_style() -> str:
    """A sentence about a problem: in the theme's colour for problems, and bold."""
    return f"color: {colours().error}; font-weight: bold;"


__all__ = ["DARK", "LIGHT", "Colours", "colours", "error_style", "is_dark", "is_high_contrast"]
