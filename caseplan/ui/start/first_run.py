"""First run: create a clinic database, or open a demo full of fictional people."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from caseplan.demo import clinic as demo_clinic
from caseplan.errors import CaseplanError
from caseplan.models import Role
from caseplan.services.clinic import unlock
from caseplan.services.security import accounts
from caseplan.storage import keys
from caseplan.storage.location import Location
from caseplan.ui.i18n import error_text
from caseplan.ui.start.fit import fit_to_text
from caseplan.ui.start.recovery import RecoveryKeyDialog
from caseplan.ui.widgets.announce import announce
from caseplan.ui.widgets.theme import error_style
from caseplan.ui.workers import Progress, Worker

DEMO_PEOPLE = 200


class FirstRunDialog(QDialog):
    """Accepted with :attr:`clinic` set (a new clinic, signed in as its admin) or with
    :attr:`demo_created` True (a demo database; the caller then asks for a sign-in)."""

    PAGE_CHOICE, PAGE_CREATE, PAGE_BUSY = range(3)

    def __init__(
        self,
        location: Location,
        parent: QWidget | None = None,
        *,
        kdf: keys.KdfParams = keys.DEFAULT_KDF,
        demo_people: int = DEMO_PEOPLE,
    ) -> None:
        super().__init__(parent)
        self.location = location
        self.kdf = kdf
        self.demo_people = demo_people
        self.clinic: unlock.OpenClinic | None = None
        self.demo_created = False
        self.recovery_dialog: RecoveryKeyDialog | None = None
        self.worker: Worker | None = None
        self.setWindowTitle(self.tr("Welcome to Caseplan"))

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._choice_page())
        self.pages.addWidget(self._create_page())
        self.pages.addWidget(self._busy_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.create_choice.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- pages ------------------------------------------------------------------------

    def _choice_page(self) -> QWidget:
        page = QWidget(self)
        heading = QLabel(self.tr("Welcome to Caseplan"), page)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(
            self.tr(
                "There is no Caseplan database here yet ({where}). What would you like to do?"
            ).format(where=self.location.describe()),
            page,
        )
        intro.setWordWrap(True)
        self.create_choice = QCommandLinkButton(
            self.tr("&Create a clinic database"),
            self.tr("For real work: you become its first administrator."),
            page,
        )
        self.create_choice.setAccessibleName(self.tr("Create a clinic database"))
        self.create_choice.clicked.connect(self.show_create)
        self.demo_choice = QCommandLinkButton(
            self.tr("Open a &demo with fictional people"),
            self.tr("To try Caseplan out. Nobody in it is real."),
            page,
        )
        self.demo_choice.setAccessibleName(self.tr("Open a demo with fictional people"))
        self.demo_choice.clicked.connect(self.create_demo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, page)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(page)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.create_choice)
        layout.addWidget(self.demo_choice)
        layout.addStretch(1)
        layout.addWidget(buttons)
        return page

    def _create_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "The first account is the clinic's administrator. It manages accounts; "
                "team leads and practitioners get their own accounts later."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.username = QLineEdit(page)
        self.username.setAccessibleName(self.tr("User name"))
        self.full_name = QLineEdit(page)
        self.full_name.setAccessibleName(self.tr("Full name"))
        self.password = QLineEdit(page)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password_again = QLineEdit(page)
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again.setAccessibleName(self.tr("Password again"))
        self.create_error = QLabel(page)
        self.create_error.setWordWrap(True)
        self.create_error.setAccessibleDescription(self.tr("Problem"))
        self.create_error.setStyleSheet(error_style())

        form = QFormLayout()
        for label, field in (
            (self.tr("&User name:"), self.username),
            (self.tr("&Full name:"), self.full_name),
            (self.tr("&Password:"), self.password),
            (self.tr("Password &again:"), self.password_again),
        ):
            form.addRow(label, field)

        buttons = QDialogButtonBox(page)
        self.create_button = buttons.addButton(
            self.tr("C&reate"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setAccessibleName(self.tr("Create the clinic database"))
        self.create_button.setDefault(True)
        back = buttons.addButton(self.tr("&Back"), QDialogButtonBox.ButtonRole.RejectRole)
        back.setAccessibleName(self.tr("Back"))
        buttons.accepted.connect(self.create_clinic)
        buttons.rejected.connect(self.show_choice)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.create_error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        return page

    def _busy_page(self) -> QWidget:
        page = QWidget(self)
        self.busy_label = QLabel(page)
        self.busy_label.setWordWrap(True)
        self.busy_label.setAccessibleDescription(self.tr("What is happening"))
        self.busy_bar = QProgressBar(page)
        self.busy_bar.setAccessibleName(self.tr("Progress"))
        self.busy_bar.setRange(0, 0)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy_bar)
        layout.addStretch(1)
        return page

    # -- actions ----------------------------------------------------------------------

    def show_choice(self) -> None:
        self.pages.setCurrentIndex(self.PAGE_CHOICE)
        self.create_choice.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_create(self) -> None:
        self.pages.setCurrentIndex(self.PAGE_CREATE)
        self.username.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_busy(self, text: str) -> None:
        self.busy_label.setText(text)
        self.busy_bar.setRange(0, 0)
        self.pages.setCurrentIndex(self.PAGE_BUSY)

    def create_clinic(self) -> None:
        username = self.username.text().strip()
        full_name = self.full_name.text().strip()
        password = self.password.text()
        if not username or not full_name:
            self._create_problem(self.tr("Please fill in a user name and a full name."))
            return
        try:
            accounts.clean_username(username)
        except CaseplanError as error:
            self._create_problem(error_text(error))
            return
        if password != self.password_again.text():
            self.password_again.clear()
            self._create_problem(self.tr("The two passwords are not the same."), self.password)
            return
        # Checked here too: the service writes the key file before it checks the password.
        try:
            accounts.check_password(password, about=(username, full_name))
        except CaseplanError as error:
            self._create_problem(error_text(error), self.password)
            return
        first = unlock.NewAccount(username, full_name, Role.ADMIN, password)
        location, kdf = self.location, self.kdf

        def work(_progress: Progress) -> tuple[unlock.OpenClinic, str]:
            return unlock.create_clinic(location, first, kdf=kdf)

        self._show_busy(self.tr("Creating the clinic database…"))
        self.worker = Worker(
            work, on_success=self._created, on_failure=self._create_failed, parent=self
        ).start()

    def _create_problem(self, text: str, focus: QWidget | None = None) -> None:
        self.pages.setCurrentIndex(self.PAGE_CREATE)
        self.create_error.setText(text)
        announce(self, text, assertive=True)
        fit_to_text(self, 72)
        (focus or self.username).setFocus(Qt.FocusReason.OtherFocusReason)

    def _create_failed(self, error: BaseException) -> None:
        if not isinstance(error, CaseplanError):
            raise error
        self._create_problem(error_text(error))

    def _created(self, result: tuple[unlock.OpenClinic, str]) -> None:
        self.clinic, recovery = result
        self.password.clear()
        self.password_again.clear()
        if not recovery:  # a shared server keeps its own keys: there is nothing to show
            self.accept()
            return
        self.recovery_dialog = RecoveryKeyDialog(recovery, self)
        self.recovery_dialog.accepted.connect(self.accept)
        self.recovery_dialog.open()

    def create_demo(self) -> None:
        location, people, kdf = self.location, self.demo_people, self.kdf

        def work(progress: Progress) -> None:
            demo = demo_clinic.create_demo_clinic(location, people, kdf=kdf)
            demo.close()  # the demo is entered by signing in, like any other database

        self._show_busy(
            self.tr("Creating a demo with {count} fictional people…").format(count=people)
        )
        self.worker = Worker(
            work, on_success=self._demo_done, on_failure=self._demo_failed, parent=self
        ).start()

    def _demo_done(self, _result: object) -> None:
        self.demo_created = True
        self.accept()

    def _demo_failed(self, error: BaseException) -> None:
        if not isinstance(error, CaseplanError):
            raise error
        self.show_choice()
        self.busy_label.setText("")
        self.demo_problem = error_text(error)
        self.demo_choice.setDescription(self.demo_problem)

    def reject(self) -> None:
        if self.worker is not None and self.worker.running:
            return  # a database half made is worse than waiting a few seconds
        super().reject()

    def showEvent(self, event: QShowEvent) -> None:
        fit_to_text(self, 72)
        super().showEvent(event)
