"""Help: About (version, licences) and the user guide (F1) in the language of the screens."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from caseplan import __version__
from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.context import Context
from caseplan.storage.database import Database
from caseplan.ui import i18n
from caseplan.ui.help import AboutDialog, GuideDialog
from caseplan.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: Any, ctx: Context, db: Database, settings: QSettings) -> MainWindow:
    win = MainWindow(OpenClinic(db, ctx), settings)
    qtbot.addWidget(win)
    win.show()
    return win


def help_action(window: MainWindow, text: str) -> Any:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    return next(a for a in menu.actions() if a.text() == text)


def test_about_shows_version_licence_and_third_parties(qtbot: Any, window: MainWindow) -> None:
    help_action(window, "&About Caseplan").trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.heading.text() == f"Caseplan {__version__}"
    assert "European Union Public Licence (EUPL) version 1.2" in dialog.licence_note.text()
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs == ["&About", "&Licence", "&Third-party software"]
    assert "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in dialog.licence.toPlainText()
    third = dialog.third_party.toPlainText()
    for component in ("PySide6_Essentials", "SQLAlchemy", "reportlab", "SQLCipher", "LGPL-3.0"):
        assert component in third
    dialog.buttons.button(QDialogButtonBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_f1_opens_the_guide_in_the_language_of_the_screens(qtbot: Any, window: MainWindow) -> None:
    assert help_action(window, "&User guide").shortcut().toString() == "F1"
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.findChild(GuideDialog)
    assert guide is not None and guide.isVisible()
    assert guide.windowTitle() == "Caseplan user guide"
    text = guide.browser.toPlainText()
    assert text.startswith("Caseplan — user guide")
    assert "For peer workers" in text and "Ctrl+Shift+A" in text
    assert window.show_guide() is guide  # F1 again: the same window, brought forward
    guide.close()


def test_the_guide_in_bokmal(qtbot: Any, window: MainWindow) -> None:
    app = QApplication.instance()
    translators = i18n.install_translators(app, QLocale(QLocale.Language.NorwegianBokmal))
    try:
        guide = window.show_guide()
        assert guide.windowTitle() == "Brukerveiledning for Caseplan"
        assert guide.browser.toPlainText().startswith("Caseplan — brukerveiledning")
        guide.close()
    finally:
        i18n.remove_translators(app, translators)
