"""The recovery key, shown once when a clinic database is created.

Copying it puts it on the clipboard for :data:`CLIPBOARD_SECONDS` only: then it is
cleared, unless something else was copied meanwhile (docs/security.md §7).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QShowEvent, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseplan.ui.start.fit import fit_to_text

#: How long a copied recovery key stays on the clipboard.
CLIPBOARD_SECONDS = 30


def copy_for_a_while(text: str, seconds: float = CLIPBOARD_SECONDS) -> QTimer:
    """Put ``text`` on the clipboard and take it off again after ``seconds`` (if still there).

    The timer belongs to the application, so it fires even after the dialog has closed.
    """
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(text)
    timer = QTimer(QCoreApplication.instance())
    timer.setSingleShot(True)

    def clear() -> None:
        if clipboard.text() == text:
            clipboard.clear()
        timer.deleteLater()

    timer.timeout.connect(clear)
    timer.start(int(seconds * 1000))
    return timer


class RecoveryKeyDialog(QDialog):
    """Says plainly what the key is; Continue only after "I have stored the recovery key"."""

    def __init__(self, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recovery_key = recovery_key
        self.setWindowTitle(self.tr("Your recovery key"))
        self.setModal(True)

        heading = QLabel(self.tr("Store this recovery key somewhere safe"), self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)

        explanation = QLabel(
            self.tr(
                "The recovery key opens this clinic's database if every password is lost. "
                "It is shown only now and cannot be shown again. Print it or write it down, "
                "and keep it locked away, apart from this computer: anyone who has it can "
                "read every plan."
            ),
            self,
        )
        explanation.setWordWrap(True)

        self.key_field = QLineEdit(recovery_key, self)
        self.key_field.setReadOnly(True)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), QFont().pointSizeF()) * 1.2)
        self.key_field.setFont(mono)
        self.key_field.setAccessibleName(self.tr("Recovery key"))
        self.key_field.setMinimumWidth(
            self.key_field.fontMetrics().horizontalAdvance(recovery_key) + 24
        )
        key_label = QLabel(self.tr("Recovery &key:"), self)
        key_label.setBuddy(self.key_field)

        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.copy_button.setAccessibleName(self.tr("Copy the recovery key"))
        self.copy_button.clicked.connect(self.copy)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setAccessibleName(self.tr("Print the recovery key"))
        self.print_button.clicked.connect(self.print_key)
        self.copied_label = QLabel(self)
        self.copied_label.setAccessibleDescription(self.tr("Copy status"))

        self.stored = QCheckBox(self.tr("I have &stored the recovery key"), self)
        self.stored.setAccessibleName(self.tr("I have stored the recovery key"))
        self.buttons = QDialogButtonBox(self)
        self.continue_button = self.buttons.addButton(
            self.tr("C&ontinue"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.continue_button.setAccessibleName(self.tr("Continue"))
        self.continue_button.setEnabled(False)
        self.stored.toggled.connect(self.continue_button.setEnabled)
        self.buttons.accepted.connect(self.accept)

        row = QHBoxLayout()
        row.addWidget(key_label)
        row.addWidget(self.key_field, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.copy_button)
        actions.addWidget(self.print_button)
        actions.addWidget(self.copied_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addLayout(row)
        layout.addLayout(actions)
        layout.addSpacing(12)
        layout.addWidget(self.stored)
        layout.addWidget(self.buttons)
        self.key_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def copy(self) -> None:
        self.clipboard_timer = copy_for_a_while(self.recovery_key)
        self.copied_label.setText(
            self.tr("Copied. Paste it where it is safe: the clipboard is cleared in 30 seconds.")
        )

    def document(self) -> QTextDocument:
        """What a printout says: the key and what it is for."""
        document = QTextDocument(self)
        document.setPlainText(
            self.tr(
                "Caseplan recovery key\n\n{key}\n\n"
                "This key opens the clinic's database if every password is lost. "
                "Keep it locked away, apart from the computer."
            ).format(key=self.recovery_key)
        )
        return document

    def print_key(self) -> None:
        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.document().print_(printer)

    def reject(self) -> None:
        """Escape does not skip the key: it must be stored before going on."""
        if self.stored.isChecked():
            self.accept()

    def showEvent(self, event: QShowEvent) -> None:
        fit_to_text(self, 64)
        super().showEvent(event)
