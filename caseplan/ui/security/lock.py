"""The cover shown while the window is locked: no data at all, only a password field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseplan.ui.widgets.announce import announce
from caseplan.ui.widgets.theme import colours, error_style


class LockScreen(QWidget):
    """A calm full-window cover. Emits :attr:`unlock_requested` with the typed password."""

    unlock_requested = Signal(str)
    quit_requested = Signal()
    sign_out_requested = Signal()

    def __init__(self, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAutoFillBackground(True)
        theme = colours()
        self.setStyleSheet(
            f"#lockScreen {{ background: {theme.cover}; }}"
            f"#lockCard {{ background: {theme.card}; color: {theme.card_text};"
            f" border: 1px solid {theme.card_border}; border-radius: 8px; }}"
            f"#lockCard QLabel {{ color: {theme.card_text}; }}"
        )
        self.username = username

        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setAccessibleDescription(self.tr("Lock message"))

        self.account_label = QLabel(
            self.tr("Signed in as {account}. Type the password of this account.").format(
                account=username
            ),
            self,
        )
        self.account_label.setWordWrap(True)
        self.account_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.account_label.setAccessibleDescription(self.tr("Account"))

        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.returnPressed.connect(self._unlock)
        password_label = QLabel(self.tr("&Password:"), self)
        password_label.setBuddy(self.password)

        self.unlock_button = QPushButton(self.tr("&Unlock"), self)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._unlock)
        self.quit_button = QPushButton(self.tr("&Quit Caseplan"), self)
        self.quit_button.setAccessibleName(self.tr("Quit Caseplan"))
        self.quit_button.clicked.connect(self.quit_requested)
        self.sign_out_button = QPushButton(self.tr("&Sign out"), self)
        self.sign_out_button.setToolTip(self.tr("Someone else signs in on this computer"))
        self.sign_out_button.clicked.connect(self.sign_out_requested)

        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_label.setStyleSheet(error_style())
        self.error_label.setAccessibleDescription(self.tr("Problem"))

        card = QFrame(self)
        card.setObjectName("lockCard")
        card.setMaximumWidth(self.fontMetrics().averageCharWidth() * 70)
        row = QHBoxLayout()
        row.addWidget(password_label)
        row.addWidget(self.password, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 24, 24, 24)
        inner.setSpacing(14)
        inner.addWidget(self.heading)
        inner.addWidget(self.account_label)
        inner.addLayout(row)
        inner.addWidget(self.error_label)
        inner.addLayout(buttons)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(card, 3)
        middle.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(2)
        self.setFocusProxy(self.password)
        self.set_privacy(True)

    def set_privacy(self, privacy: bool) -> None:
        """Hidden on purpose (the privacy key) or locked after a time without use."""
        self.heading.setText(
            self.tr("Screen hidden — sign in to continue")
            if privacy
            else self.tr("Locked after a time without use — sign in to continue")
        )

    def show_problem(self, text: str) -> None:
        self.password.clear()
        self.error_label.setText(text)
        announce(self, text, assertive=True)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_busy(self, busy: bool) -> None:
        self.password.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)

    def _unlock(self) -> None:
        password = self.password.text()
        if not password:
            self.show_problem(self.tr("Please type your password."))
            return
        self.unlock_requested.emit(password)
