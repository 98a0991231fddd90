"""One list of keyboard shortcuts: the guide's keyboard part, shown by Help → Keyboard shortcuts.

The list and the program's keys are compared both ways: every key the window, the
workspace or meeting mode answers to is in the list (in English and bokmål alike), and
every key in the list is one the program has.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from caseplan.services.clinic.unlock import OpenClinic
from caseplan.ui import i18n
from caseplan.ui.help.guide import GuideDialog, guide_text, shortcuts_text
from tests.ui.test_meeting_mode import enter_meeting, mari, open_window  # noqa: F401

#: keys the guide names that are no shortcut of the program's (Qt's own behaviour)
WIDGET_KEYS = {"Enter", "Tab", "Shift+Tab"}
#: second keys for the same thing, not listed (a habit from other programs)
ALTERNATES = {"Ctrl+Y", "Ctrl+=", "Ctrl+Shift+S", "Ctrl+Return"}  # Return: the main Enter key
#: key names in the bokmål guide
NORWEGIAN = {"Venstre": "Left", "Opp": "Up", "Ned": "Down", "pluss": "plus"}


def listed(language: str) -> list[set[str]]:
    """The keys of each row of the guide's keyboard table, as Qt writes them."""
    rows = []
    for line in shortcuts_text(language).splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 2 or not cells[0] or set(cells[0]) <= {"-"}:
            continue
        keys: set[str] = set()
        for key in cells[0].split(", "):
            for word, english in NORWEGIAN.items():
                key = re.sub(rf"\b{word}\b", english, key)
            key = key.replace("plus", "+").replace("minus", "-")
            key = {"Escape": "Esc", "Delete": "Del"}.get(key, key)
            ranged = re.fullmatch(r"(.*\+)(\d) … (.*\+)(\d)", key)
            if ranged:
                keys |= {
                    f"{ranged.group(1)}{n}"
                    for n in range(int(ranged.group(2)), int(ranged.group(4)) + 1)
                }
            else:
                keys.add(key)
        rows.append(keys)
    return rows[1:]  # without the header row


def program_keys(*roots: QWidget) -> set[str]:
    """Every shortcut the given screens answer to."""
    keys: set[str] = set()
    for root in roots:
        widgets = [root, *root.findChildren(QWidget)]
        actions = {a for w in widgets for a in w.actions() if isinstance(a, QAction)}
        for action in actions:
            keys |= {s.toString() for s in action.shortcuts() if not s.isEmpty()}
        for shortcut in root.findChildren(QShortcut):
            if not shortcut.key().isEmpty():
                keys.add(shortcut.key().toString())
    keys.discard("")
    return {QKeySequence(k).toString(QKeySequence.SequenceFormat.PortableText) for k in keys}


@pytest.fixture
def everything(
    qtbot: Any,
    clinic_ws: OpenClinic,
    settings: QSettings,
    mari: dict[str, uuid.UUID],  # noqa: F811
) -> Iterator[set[str]]:
    """The keys of the people list, every section of the workspace and meeting mode."""
    window = open_window(qtbot, clinic_ws, settings)
    keys = program_keys(window)
    window.show_person(mari["person"])
    workspace = window.person_workspace
    assert workspace is not None
    for number in range(len(workspace.sections)):
        workspace.show_section(number)
    keys |= program_keys(window)
    enter_meeting(qtbot, window, mari["person"])
    keys |= program_keys(window)
    yield keys


def test_every_key_of_the_program_is_in_the_list_and_every_listed_key_works(
    everything: set[str],
) -> None:
    documented = set().union(*listed("en"))
    assert everything - documented - ALTERNATES == set(), "keys the guide does not list"
    assert documented - everything - WIDGET_KEYS == set(), "keys the guide lists in vain"


def test_the_bokmal_list_names_the_same_keys_row_by_row() -> None:
    assert listed("nb") == listed("en")
    assert len(listed("en")) >= 15


@pytest.mark.parametrize("language", ["en", "nb"])
def test_ctrl_f1_shows_the_guides_keyboard_part_even_in_meeting_mode(
    qtbot: Any,
    qapp: QApplication,
    clinic_ws: OpenClinic,
    settings: QSettings,
    mari: dict[str, uuid.UUID],  # noqa: F811
    language: str,
) -> None:
    translators = (
        i18n.install_translators(qapp, QLocale(QLocale.Language.NorwegianBokmal))
        if language == "nb"
        else []
    )
    try:
        window = open_window(qtbot, clinic_ws, settings)
        meeting = enter_meeting(qtbot, window, mari["person"])
        field = meeting.first_field()
        assert field is not None
        qtbot.keyClick(field.editor, Qt.Key.Key_F1, Qt.KeyboardModifier.ControlModifier)
        shown = [d for d in window.findChildren(GuideDialog) if d.isVisible()]
        assert len(shown) == 1 and shown[0].shortcuts
        text = shown[0].browser.toPlainText()
        heading = "Tastatur" if language == "nb" else "Keyboard"
        assert text.startswith(heading)
        assert "Ctrl+G" in text and "F12" in text
        assert "Starting" not in text and "Start" not in text.split("\n")[0]
        assert shortcuts_text(language) in guide_text(language)  # one source, not a copy
        shown[0].close()
    finally:
        i18n.remove_translators(qapp, translators)
