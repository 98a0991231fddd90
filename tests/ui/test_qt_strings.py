"""Qt's own words in bokmål: standard buttons, text-field menus, message boxes, the file dialog.

Qt ships no bokmål catalogue, so Caseplan carries these strings itself (qt_nb.ts). Each test
reads what a person sees once in English and once under the bokmål catalogue.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from caseplan.ui import i18n

Button = QDialogButtonBox.StandardButton
#: Every standard button a dialog can show, and what it says in bokmål.
BOKMAL = {
    Button.Ok: "OK",
    Button.Save: "Lagre",
    Button.SaveAll: "Lagre alle",
    Button.Open: "Åpne",
    Button.Yes: "Ja",
    Button.YesToAll: "Ja til alle",
    Button.No: "Nei",
    Button.NoToAll: "Nei til alle",
    Button.Abort: "Avbryt",
    Button.Retry: "Prøv igjen",
    Button.Ignore: "Ignorer",
    Button.Close: "Lukk",
    Button.Cancel: "Avbryt",
    Button.Discard: "Forkast",
    Button.Help: "Hjelp",
    Button.Apply: "Bruk",
    Button.Reset: "Nullstill",
    Button.RestoreDefaults: "Tilbakestill til standard",
}


@pytest.fixture
def in_bokmal(qapp: QApplication) -> Callable[[], Any]:
    installed: list[Any] = []

    def switch() -> None:
        installed.extend(i18n.install_translators(qapp, QLocale(QLocale.Language.NorwegianBokmal)))

    yield switch
    i18n.remove_translators(qapp, installed)


@pytest.fixture
def parent(qtbot: Any) -> Iterator[QWidget]:
    widget = QWidget()
    qtbot.addWidget(widget)
    yield widget


def plain(text: str) -> str:
    return text.replace("&", "")


def button_texts(parent: QWidget) -> dict[Button, str]:
    box = QDialogButtonBox(parent)
    for button in BOKMAL:
        box.addButton(button)
    return {button: plain(box.button(button).text()) for button in BOKMAL}


def menu_texts(widget: QLineEdit | QPlainTextEdit) -> list[str]:
    menu = widget.createStandardContextMenu()
    texts = [plain(a.text()).split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    menu.deleteLater()
    return texts


def test_no_standard_button_reads_english_in_bokmal(parent: QWidget, in_bokmal: Any) -> None:
    english = button_texts(parent)
    in_bokmal()
    bokmal = button_texts(parent)
    assert bokmal == {button: BOKMAL[button] for button in BOKMAL}
    still_english = [english[b] for b in BOKMAL if b != Button.Ok and bokmal[b] == english[b]]
    assert still_english == []


def test_message_box_buttons_in_bokmal(parent: QWidget, in_bokmal: Any) -> None:
    in_bokmal()
    box = QMessageBox(QMessageBox.Icon.Question, "?", "?", parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    texts = sorted(plain(b.text()) for b in box.buttons())
    assert texts == ["Ja", "Nei"]


def test_text_field_menus_in_bokmal(parent: QWidget, in_bokmal: Any) -> None:
    line, text = QLineEdit(parent), QPlainTextEdit(parent)
    line.setText("Ola"), text.setPlainText("Ola")
    english = set(menu_texts(line) + menu_texts(text))
    assert {"Undo", "Copy", "Paste", "Select All"} <= english
    in_bokmal()
    bokmal = menu_texts(line) + menu_texts(text)
    assert {"Angre", "Gjør om", "Klipp ut", "Kopier", "Lim inn", "Slett", "Merk alt"} <= set(bokmal)
    assert not english & set(bokmal)


def test_the_file_dialog_in_bokmal(parent: QWidget, in_bokmal: Any) -> None:
    in_bokmal()
    dialog = QFileDialog(parent, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    labels = {plain(label.text()) for label in dialog.findChildren(QLabel) if label.text()}
    assert {"Se i:", "Filnavn:", "Filer av typen:"} <= labels
    buttons = {plain(b.text()) for b in dialog.findChildren(QPushButton) if b.text()}
    assert {"Lagre", "Avbryt"} <= buttons


def test_key_names_in_menus_in_bokmal(in_bokmal: Any) -> None:
    key = QKeySequence("Alt+Left")
    assert key.toString(QKeySequence.SequenceFormat.NativeText) == "Alt+Left"
    in_bokmal()
    assert key.toString(QKeySequence.SequenceFormat.NativeText) == "Alt+Venstre"
