"""Start the desktop app: translations, first run or sign-in, then the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from caseplan import __version__
from caseplan.errors import CaseplanError
from caseplan.storage import keys
from caseplan.storage.location import resolve
from caseplan.ui.i18n import error_text, install_translators
from caseplan.ui.main_window import APPLICATION, ORGANISATION, MainWindow, app_icon
from caseplan.ui.start import start_clinic

DESKTOP_ID = "org.example.caseplan.Caseplan"


def show_error(parent: QWidget | None, error: CaseplanError) -> None:
    """Say in one sentence why Caseplan cannot start."""
    QMessageBox.critical(
        parent,
        QCoreApplication.translate("main", "Caseplan cannot start"),
        error_text(error),
    )


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    return QApplication(sys.argv)


def run(
    db: str | None,
    *,
    kdf: keys.KdfParams = keys.DEFAULT_KDF,
    idle_timeout_ms: int | None = None,
) -> int:
    """Open the database at ``db`` (or the default), sign in, and run until the window closes.

    A new location starts with the first-run choice (a clinic database or a demo).
    """
    app = _application()
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setWindowIcon(app_icon())
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_ID)  # the launcher entry (packaging/linux), for Wayland docks
    install_translators(app)  # parented to app, so they live as long as it

    try:
        location = resolve(db)
        clinic = start_clinic(location, kdf=kdf)
    except CaseplanError as error:
        show_error(None, error)
        return 1
    if clinic is None:
        return 0  # the person chose not to go on
    window: MainWindow | None = None
    try:
        try:
            window = MainWindow(clinic, idle_timeout_ms=idle_timeout_ms)
        except CaseplanError as error:
            show_error(None, error)
            return 1
        window.show()
        return app.exec()
    finally:
        (window.clinic if window is not None else clinic).close()
