"""Help → About Caseplan: version, licence, and the licences of what Caseplan ships with."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caseplan import __version__
from caseplan.resources import asset
from caseplan.ui.widgets.plain_text import RICH

# One place for the project's address (pyproject.toml and the AppStream file say the same).
HOMEPAGE = "https://caseplan.example.org/"


def shipped_text(*parts: str) -> str:
    try:
        return asset(*parts).read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""


class AboutDialog(QDialog):
    """Three tabs a keyboard and a screen reader can read: about, licence, third parties."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Caseplan"))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._about_page(), self.tr("&About"))
        self.licence = self._text(shipped_text("licences", "LICENSE"), self.tr("Licence"))
        self.tabs.addTab(self.licence, self.tr("&Licence"))
        self.third_party = self._text(
            shipped_text("licences", "third-party.txt"), self.tr("Third-party software")
        )
        self.tabs.addTab(self.third_party, self.tr("&Third-party software"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.about_qt = QPushButton(self.tr("About &Qt"), self)
        self.about_qt.clicked.connect(lambda: QApplication.aboutQt())
        self.buttons.addButton(self.about_qt, QDialogButtonBox.ButtonRole.HelpRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.resize(720, 520)

    def _about_page(self) -> QWidget:
        page = QWidget(self)
        self.heading = QLabel(self.tr("Caseplan {version}").format(version=__version__), page)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel(
            self.tr(
                "Individual follow-up plans, made together with the person, for substance-use "
                "and dual-diagnosis services."
            ),
            page,
        )
        self.licence_note = QLabel(
            self.tr(
                "Caseplan is free software under the European Union Public Licence (EUPL) "
                "version 1.2: you may use, study, change and share it on its terms. It comes "
                "with no warranty. It is built on Qt, PySide6, SQLCipher, SQLAlchemy, "
                "ReportLab and other free software, listed with their licences under "
                "“Third-party software”."
            ),
            page,
        )
        self.homepage = QLabel(f'<a href="{HOMEPAGE}">{HOMEPAGE}</a>', page)
        self.homepage.setProperty(RICH, True)  # the program's own link, no one's words
        self.homepage.setOpenExternalLinks(True)
        self.homepage.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        layout = QVBoxLayout(page)
        for label in (self.heading, self.summary, self.licence_note, self.homepage):
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addStretch(1)
        return page

    def _text(self, text: str, name: str) -> QPlainTextEdit:
        view = QPlainTextEdit(self)
        view.setPlainText(text)
        view.setReadOnly(True)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # the texts keep their own lines
        view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        view.setAccessibleName(name)
        return view
