"""Start the desktop app: translations, the database, then the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from caseplan.errors import CaseplanError
from caseplan.services.context import Context
from caseplan.storage.database import open_database
from caseplan.storage.location import resolve
from caseplan.ui.i18n import error_text, install_translators
from caseplan.ui.main_window import APPLICATION, ORGANISATION, MainWindow, app_icon


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


def run(db: str | None) -> int:
    """Open the database at ``db`` (or the default) and run the app until it is closed."""
    app = _application()
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setWindowIcon(app_icon())
    install_translators(app)  # parented to app, so they live as long as it

    # The database first: a clear message beats a half-built window.
    try:
        database = open_database(resolve(db))
    except CaseplanError as error:
        show_error(None, error)
        return 1
    try:
        try:
            window = MainWindow(Context(database.sessions), database.location)
        except CaseplanError as error:
            show_error(None, error)
            return 1
        window.show()
        return app.exec()
    finally:
        database.close()
