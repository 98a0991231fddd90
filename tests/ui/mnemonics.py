"""Alt+letter keys on one screen: each letter may do one thing only.

Collected from what a person can reach at the same time in one window: buttons and tick
boxes, labels that move to a field, group boxes, tabs, the menu bar's menus and shortcuts
of the form Alt+letter. A stacked page that is not shown does not count.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMainWindow,
    QTabBar,
    QWidget,
)


def letter(text: str) -> str | None:
    """The letter after a single ``&`` (``&&`` is a plain ampersand), lower case."""
    index = 0
    while index < len(text) - 1:
        if text[index] == "&":
            if text[index + 1] == "&":
                index += 2
                continue
            return text[index + 1].lower()
        index += 1
    return None


def _alt_letter(sequence: QKeySequence) -> str | None:
    if sequence.count() != 1:
        return None
    combination = sequence[0]
    if combination.keyboardModifiers() != Qt.KeyboardModifier.AltModifier:
        return None
    key = combination.key()
    name = QKeySequence(key).toString()
    return name.lower() if len(name) == 1 and name.isalnum() else None


def keys_on(root: QWidget) -> dict[str, list[str]]:
    """Alt+letter → what it reaches, for everything shown (or shown with ``root``)."""
    found: dict[str, list[str]] = defaultdict(list)
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if widget.window() is not root.window():
            continue  # another window (a dialog of its own)
        text = ""
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        elif isinstance(widget, QTabBar):
            for tab in range(widget.count()):
                if widget.isTabVisible(tab):
                    key = letter(widget.tabText(tab))
                    if key:
                        found[key].append(f"tab {widget.tabText(tab)!r}")
            continue
        key = letter(text)
        if key:
            found[key].append(f"{type(widget).__name__} {text!r}")
    if isinstance(root, QMainWindow) and root.menuBar().isVisible():
        for action in root.menuBar().actions():
            key = letter(action.text())
            if key and action.isVisible():
                found[key].append(f"menu {action.text()!r}")
    for shortcut in root.findChildren(QShortcut):
        parent = shortcut.parent()
        if not shortcut.isEnabled() or not isinstance(parent, QWidget):
            continue
        if parent is not root and not parent.isVisibleTo(root):
            continue
        key = _alt_letter(shortcut.key())
        if key:
            found[key].append(f"shortcut {shortcut.key().toString()}")
    actions = {a for w in [root, *root.findChildren(QWidget)] for a in w.actions()}
    for action in actions:
        if isinstance(action, QAction) and action.isEnabled():
            for sequence in action.shortcuts():
                key = _alt_letter(sequence)
                if key:
                    found[key].append(f"action {action.text()!r}")
    return found


def clashes(root: QWidget) -> list[str]:
    """Each Alt+letter that reaches more than one thing on ``root``'s screen, with what."""
    return [
        f"Alt+{key.upper()}: " + ", ".join(sorted(set(what)))
        for key, what in sorted(keys_on(root).items())
        if len(set(what)) > 1 or len(what) > 1
    ]


def dead_keys(root: QWidget) -> list[str]:
    """Labels whose Alt+letter would go nowhere: their field cannot take the focus."""
    dead = []
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is None or not label.isVisibleTo(root) or not letter(label.text()):
            continue
        target = buddy
        while target.focusProxy() is not None:
            target = target.focusProxy()
        if target.focusPolicy() == Qt.FocusPolicy.NoFocus or not target.isVisibleTo(root):
            dead.append(f"{label.text()!r} → {type(target).__name__}")
    return dead


def menu_clashes(window: QMainWindow) -> list[str]:
    """Within each menu of the menu bar, each letter opens one item."""
    found = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is None:
            continue
        letters: dict[str, list[str]] = defaultdict(list)
        for action in menu.actions():
            key = letter(action.text())
            if key and action.isVisible():
                letters[key].append(action.text())
        found += [
            f"{top.text()!r} Alt+{key.upper()}: {', '.join(items)}"
            for key, items in sorted(letters.items())
            if len(items) > 1
        ]
    return found
