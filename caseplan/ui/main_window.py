"""The main window: the caseload in the middle, where the database is in the status bar."""

from __future__ import annotations

import importlib
import uuid

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from caseplan import __version__
from caseplan.resources import asset
from caseplan.services.context import Context
from caseplan.storage.location import Location
from caseplan.ui.caseload import CaseloadModel, CaseloadView

ORGANISATION = "Caseplan"
APPLICATION = "Caseplan"
GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"


def app_icon() -> QIcon:
    try:
        return QIcon(str(asset("icons", "caseplan.svg")))
    except FileNotFoundError:
        return QIcon()


def is_demo(ctx: Context) -> bool:
    """Whether this is a demo database full of fictional people (says so in the title)."""
    try:
        demo = importlib.import_module("caseplan.services.demo")
    except ImportError:
        return False
    return bool(demo.is_demo(ctx))


class MainWindow(QMainWindow):
    """Handed its context and location; it never opens a database itself."""

    def __init__(
        self,
        ctx: Context,
        location: Location,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.location = location
        self.settings = settings if settings is not None else QSettings(ORGANISATION, APPLICATION)

        title = self.tr("Caseplan")
        if is_demo(ctx):
            title += " — " + self.tr("DEMO")
        self.setWindowTitle(title)
        self.setWindowIcon(app_icon())

        self.caseload_model = CaseloadModel(ctx, self)
        self.caseload = CaseloadView(self.caseload_model, self)
        self.caseload.person_activated.connect(self.show_person)
        self.setCentralWidget(self.caseload)

        self.database_label = QLabel(self.tr("Database: {where}").format(where=location.describe()))
        self.database_label.setAccessibleName(self.tr("Database location"))
        self.statusBar().addPermanentWidget(self.database_label)

        self._build_menus()
        self._restore_geometry()
        self.caseload.focus_search()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About Caseplan"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def show_person(self, person_id: uuid.UUID) -> None:
        """For now only says who was chosen; the person's workspace comes later."""
        row = self.caseload_model.row_of(person_id)
        if row is None:
            return
        name = self.caseload_model.display_name(row)
        self.statusBar().showMessage(self.tr("Selected: {name}").format(name=name))

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Caseplan"), self.about_text())

    def about_text(self) -> str:
        return self.tr(
            "Caseplan {version}\n\nIndividual follow-up plans, made together with the person."
        ).format(version=__version__)

    def _restore_geometry(self) -> None:
        geometry = self.settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            state = self.settings.value(STATE_KEY)
            if isinstance(state, QByteArray):
                self.restoreState(state)
        else:
            # First start: a comfortable size that still fits a small or zoomed screen.
            available = self.screen().availableGeometry()
            self.resize(
                min(960, int(available.width() * 0.9)), min(640, int(available.height() * 0.9))
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.settings.setValue(STATE_KEY, self.saveState())
        self.settings.sync()
        super().closeEvent(event)
