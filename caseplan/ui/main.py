"""Start the desktop app: translations, first run or sign-in, then the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from caseplan import __version__
from caseplan.errors import CaseplanError
from caseplan.services.clinic.unlock import OpenClinic
from caseplan.storage import keys
from caseplan.storage.location import Location, resolve
from caseplan.ui.i18n import LANGUAGES, error_text, install_translators, remove_translators
from caseplan.ui.main_window import APPLICATION, ORGANISATION, MainWindow, app_icon
from caseplan.ui.settings import chosen_language
from caseplan.ui.start import SignInDialog, demo_hint, start_clinic
from caseplan.ui.widgets.alt_keys import guard_alt_letters
from caseplan.ui.widgets.fit_screen import guard_screen_fit
from caseplan.ui.widgets.plain_text import guard_plain_text
from caseplan.ui.window.account import LANGUAGE, SIGN_OUT, SWITCH

DESKTOP_ID = "org.example.caseplan.Caseplan"


def show_error(parent: QWidget | None, error: CaseplanError) -> None:
    """Say in one sentence why Caseplan cannot start."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("main", "Caseplan cannot start"),
        error_text(error),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)  # the sentence may quote a path or a name
    box.exec()


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    return QApplication(sys.argv)


def _translate(app: QApplication, settings: QSettings) -> list[QTranslator]:
    """Qt's and Caseplan's catalogues for the language chosen on this computer (or its own)."""
    language = chosen_language(settings)
    if not language:
        return install_translators(app)
    return install_translators(app, LANGUAGES[language])


def _sign_in_again(location: Location, outcome: str, account: str, demo: bool) -> OpenClinic | None:
    """After File → Sign out or Switch account: the sign-in screen, with a word on why."""
    if outcome == SWITCH:
        hint = QCoreApplication.translate(
            "start", "{account} has signed out. Sign in with another account."
        ).format(account=account)
    else:
        hint = QCoreApplication.translate(
            "start", "{account} has signed out. The next person signs in here."
        ).format(account=account)
    if demo:
        hint += " " + demo_hint()
    dialog = SignInDialog(location, hint=hint)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.clinic
    finally:
        dialog.deleteLater()


def run(
    db: str | None,
    *,
    kdf: keys.KdfParams = keys.DEFAULT_KDF,
    idle_timeout_ms: int | None = None,
) -> int:
    """Open the database at ``db`` (or the default), sign in, and run until the window closes.

    A new location starts with the first-run choice (a clinic database or a demo). After
    File → Sign out or Switch account the sign-in screen comes back; after Settings →
    Language a new window opens on the same signed-in clinic, in the new language.
    """
    app = _application()
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setWindowIcon(app_icon())
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_ID)  # the launcher entry (packaging/linux), for Wayland docks
    guard_plain_text(app)  # before the first screen: names and words are shown as typed
    guard_alt_letters(app)  # and Alt+letter never types a letter into a field
    guard_screen_fit(app)  # and no dialog runs off the screen
    settings = QSettings(ORGANISATION, APPLICATION)
    translators = _translate(app, settings)  # parented to app, so they live as long as it

    try:
        location = resolve(db)
        clinic = start_clinic(location, kdf=kdf)
    except CaseplanError as error:
        show_error(None, error)
        return 1
    code = 0
    while clinic is not None:
        try:
            window = MainWindow(clinic, idle_timeout_ms=idle_timeout_ms)
        except CaseplanError as error:
            clinic.close()
            show_error(None, error)
            return 1
        try:
            window.show()
            code = app.exec()
        finally:
            clinic = window.clinic
            outcome, account, demo = window.outcome, clinic.actor.username, window.demo
            if outcome != LANGUAGE:
                clinic.close()
            window.deleteLater()
        if outcome == LANGUAGE:
            remove_translators(app, translators)
            translators = _translate(app, settings)
            continue  # the same clinic, still signed in, in a window built in the new language
        if outcome not in (SIGN_OUT, SWITCH):
            break
        clinic = _sign_in_again(location, outcome, account, demo)
    remove_translators(app, translators)
    return code
