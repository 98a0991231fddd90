"""Sign in: the account's password unlocks the database and signs the account in."""

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

from caseplan.errors import AccessDenied, CaseplanError
from caseplan.services.clinic import unlock
from caseplan.storage.location import Location
from caseplan.ui.i18n import error_text
from caseplan.ui.start.fit import fit_to_text
from caseplan.ui.start.recover import RecoverDialog
from caseplan.ui.widgets.announce import announce
from caseplan.ui.widgets.theme import colours, error_style


class SignInDialog(QDialog):
    """Accepted with :attr:`clinic` set; a wrong password is said in the dialog."""

    def __init__(
        self,
        location: Location,
        parent: QWidget | None = None,
        *,
        username: str = "",
        hint: str = "",
    ) -> None:
        super().__init__(parent)
        self.location = location
        self.clinic: unlock.OpenClinic | None = None
        self.setWindowTitle(self.tr("Sign in to Caseplan"))

        where = QLabel(self.tr("Database: {where}").format(where=location.describe()), self)
        where.setWordWrap(True)
        where.setAccessibleDescription(self.tr("Database location"))
        self.hint_label = QLabel(hint, self)
        self.hint_label.setWordWrap(True)
        self.hint_label.setObjectName("hint")
        theme = colours()
        self.hint_label.setStyleSheet(
            f"#hint {{ background: {theme.hint_back}; color: {theme.card_text};"
            f" border: 1px solid {theme.hint_border}; border-radius: 4px; padding: 8px; }}"
        )
        self.hint_label.setAccessibleDescription(self.tr("Hint"))
        self.hint_label.setVisible(bool(hint))

        self.username = QLineEdit(username, self)
        self.username.setAccessibleName(self.tr("Account"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))

        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleDescription(self.tr("Problem"))
        self.error_label.setStyleSheet(error_style())
        self.error_label.setVisible(False)

        form = QFormLayout()
        form.addRow(self.tr("&Account:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        buttons = QDialogButtonBox(self)
        self.sign_in_button = buttons.addButton(
            self.tr("&Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_in_button.setAccessibleName(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.sign_in)
        buttons.rejected.connect(self.reject)
        self.forgot_button = buttons.addButton(
            self.tr("&Forgot the administrator password?"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.forgot_button.setAccessibleName(
            self.tr("Forgot the administrator password? Use the recovery key")
        )
        self.forgot_button.setVisible(location.path is not None)
        self.forgot_button.clicked.connect(self.recover)

        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(self.hint_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus(Qt.FocusReason.OtherFocusReason)

    def sign_in(self) -> None:
        username = self.username.text().strip()
        if not username:
            self._problem(self.tr("Please type the name of your account."), self.username)
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            clinic = unlock.sign_in(self.location, username, self.password.text())
        except AccessDenied as error:  # wrong password, or too many tries (says the wait)
            self.password.clear()
            self._problem(error_text(error), self.password)
            return
        except CaseplanError as error:
            self._problem(error_text(error), self.username)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.password.clear()
        self.clinic = clinic
        self.accept()

    def recover(self) -> None:
        """The recovery key sets a new administrator password, and signs them in."""
        dialog = RecoverDialog(self.location, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.clinic is None:
            return
        self.clinic = dialog.clinic
        self.accept()

    def _problem(self, text: str, focus: QWidget) -> None:
        self.error_label.setText(text)
        announce(self, text, assertive=True)
        self.error_label.setVisible(True)
        fit_to_text(self, 64)
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        fit_to_text(self, 64)
        super().showEvent(event)
