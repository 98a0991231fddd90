"""The first screen's way back in when the administrator's password is forgotten: the
recovery key sets a new one (docs/security.md §7); the database then gets a new key."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from caseplan.errors import CaseplanError
from caseplan.services.clinic import recovery
from caseplan.services.clinic.unlock import OpenClinic
from caseplan.storage.location import Location
from caseplan.ui.i18n import error_text
from caseplan.ui.start.fit import fit_to_text
from caseplan.ui.widgets.theme import error_style


class RecoverDialog(QDialog):
    """Accepted with :attr:`clinic` set: signed in as the administrator, with a new password."""

    def __init__(self, location: Location, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.location = location
        self.clinic: OpenClinic | None = None
        self.new_recovery_key = ""
        self.setWindowTitle(self.tr("Forgotten administrator password"))

        explanation = QLabel(
            self.tr(
                "Type the recovery key you stored when the clinic was created, the "
                "administrator's account and a new password. Afterwards the database has a "
                "new key: the forgotten password and old key files no longer open it."
            ),
            self,
        )
        explanation.setWordWrap(True)
        self.recovery_key = QLineEdit(self)
        self.recovery_key.setAccessibleName(self.tr("Recovery key"))
        self.recovery_key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.recovery_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.username = QLineEdit(self)
        self.username.setAccessibleName(self.tr("Administrator's account"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("New password"))
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(self.tr("New password again"))
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleDescription(self.tr("Problem"))
        self.error_label.setStyleSheet(error_style())
        self.error_label.setVisible(False)

        form = QFormLayout()
        form.addRow(self.tr("&Recovery key:"), self.recovery_key)
        form.addRow(self.tr("&Administrator:"), self.username)
        form.addRow(self.tr("&New password:"), self.password)
        form.addRow(self.tr("New password a&gain:"), self.again)
        buttons = QDialogButtonBox(self)
        self.reset_button = buttons.addButton(
            self.tr("&Set the new password"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.reset_button.setAccessibleName(self.tr("Set the new password"))
        self.reset_button.setDefault(True)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.recover)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.recovery_key.setFocus(Qt.FocusReason.OtherFocusReason)

    def recover(self) -> None:
        if not self.username.text().strip():
            self._problem(self.tr("Please type the administrator's account."), self.username)
            return
        if self.password.text() != self.again.text():
            self.again.clear()
            self._problem(self.tr("The two passwords are not the same."), self.password)
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            clinic, shown = recovery.recover_admin(
                self.location,
                self.recovery_key.text(),
                self.username.text().strip(),
                self.password.text(),
            )
        except CaseplanError as error:
            self._problem(error_text(error), self.recovery_key)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        for field in (self.recovery_key, self.password, self.again):
            field.clear()
        self.clinic, self.new_recovery_key = clinic, shown
        self.accept()

    def _problem(self, text: str, focus: QWidget) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(True)
        fit_to_text(self, 64)
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        fit_to_text(self, 64)
        super().showEvent(event)
