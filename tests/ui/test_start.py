"""Start-up as a person meets it: first run (a clinic or a demo), the recovery key, sign-in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QDialog, QLineEdit

from caseplan.models import Role
from caseplan.services.clinic import unlock
from caseplan.storage.keys import KdfParams
from caseplan.storage.location import Location, resolve
from caseplan.ui import main as ui_main
from caseplan.ui.main_window import MainWindow
from caseplan.ui.start import FirstRunDialog, RecoveryKeyDialog, SignInDialog, demo_hint

WRONG = "The user name or password is wrong."


def fill_create_page(qtbot: Any, dialog: FirstRunDialog, password: str, again: str) -> None:
    for field, text in (
        (dialog.username, "kari"),
        (dialog.full_name, "Kari Nordmann"),
        (dialog.password, password),
        (dialog.password_again, again),
    ):
        field.clear()
        qtbot.keyClicks(field, text)


def test_first_run_creates_a_clinic_shows_the_recovery_key_and_signs_in(
    qtbot: Any, new_location: Location, settings: QSettings, cheap_kdf: KdfParams
) -> None:
    dialog = FirstRunDialog(new_location, kdf=cheap_kdf)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.create_choice, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == FirstRunDialog.PAGE_CREATE
    assert dialog.focusWidget() is dialog.username

    fill_create_page(qtbot, dialog, "long enough 1", "long enough 1")
    dialog.username.setText("kari nordmann")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.create_error.text().startswith("A user name is 1 to 64 letters or digits")

    fill_create_page(qtbot, dialog, "long enough 1", "long enough 2")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.create_error.text() == "The two passwords are not the same."
    assert dialog.password_again.text() == ""

    fill_create_page(qtbot, dialog, "short", "short")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.create_error.text() == "A password needs at least 12 characters."
    assert unlock.is_new(new_location)  # nothing was half-made

    fill_create_page(qtbot, dialog, "long enough 1", "long enough 1")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    if new_location.path is None:  # PostgreSQL: the server keeps the keys, no recovery key
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20_000)
        assert dialog.recovery_dialog is None
        assert dialog.clinic is not None
        dialog.clinic.close()
        return
    qtbot.waitUntil(lambda: dialog.recovery_dialog is not None, timeout=20_000)
    recovery = dialog.recovery_dialog
    assert isinstance(recovery, RecoveryKeyDialog)
    assert recovery.isVisible()
    assert "shown only now" in " ".join(
        label.text() for label in recovery.findChildren(type(recovery.copied_label))
    )
    assert recovery.key_field.text() == recovery.recovery_key != ""
    assert recovery.key_field.isReadOnly()
    assert not recovery.continue_button.isEnabled()
    recovery.reject()  # Escape does not skip the key
    assert recovery.isVisible()

    qtbot.mouseClick(recovery.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == recovery.recovery_key
    assert "recovery key" in recovery.document().toPlainText().lower()
    recovery.stored.setChecked(True)
    assert recovery.continue_button.isEnabled()
    qtbot.mouseClick(recovery.continue_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    workspace = dialog.clinic
    assert workspace is not None
    try:
        assert workspace.actor.username == "kari"
        window = MainWindow(workspace, settings)
        qtbot.addWidget(window)
        assert window.windowTitle() == "Caseplan — kari (administrator)"
    finally:
        workspace.close()
    assert not unlock.is_new(new_location)


def test_the_demo_is_made_in_the_background_then_signed_in_with_demo(
    qtbot: Any, new_location: Location, settings: QSettings, cheap_kdf: KdfParams
) -> None:
    dialog = FirstRunDialog(new_location, kdf=cheap_kdf, demo_people=6)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.demo_choice, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == FirstRunDialog.PAGE_BUSY
    assert dialog.busy_label.text() == "Creating a demo with 6 fictional people…"
    assert dialog.busy_bar.maximum() == 0  # a busy indicator
    dialog.reject()  # Escape while it is being made does not leave a half-made database
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=60_000)
    assert dialog.demo_created and dialog.clinic is None

    sign_in = SignInDialog(new_location, username="demo", hint=demo_hint())
    qtbot.addWidget(sign_in)
    sign_in.show()
    assert sign_in.hint_label.isVisible()
    assert 'password "demo"' in sign_in.hint_label.text()
    assert sign_in.username.text() == "demo"
    sign_in.username.clear()
    qtbot.keyClicks(sign_in.username, "lead")
    qtbot.keyClicks(sign_in.password, "demo")
    qtbot.keyClick(sign_in.password, Qt.Key.Key_Return)
    workspace = sign_in.clinic
    assert workspace is not None
    try:
        window = MainWindow(workspace, settings)
        qtbot.addWidget(window)
        assert window.windowTitle() == "Caseplan — lead (team lead) — DEMO"
        assert window.caseload_model is not None and window.caseload_model.total() == 6
    finally:
        workspace.close()


def test_a_wrong_password_is_said_cleared_and_focused(
    qtbot: Any, clinic_ws: unlock.OpenClinic
) -> None:
    location = clinic_ws.database.location
    dialog = SignInDialog(location, username="kari")
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    qtbot.keyClicks(dialog.password, "not the password")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == WRONG
    assert dialog.password.text() == ""
    assert dialog.focusWidget() is dialog.password
    assert dialog.clinic is None and dialog.isVisible()

    for _ in range(6):
        qtbot.keyClicks(dialog.password, "still wrong")
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text().startswith("Too many wrong passwords: please wait ")
    assert dialog.error_label.text().endswith(" seconds and try again.")


def test_the_right_password_signs_in(
    qtbot: Any, clinic_ws: unlock.OpenClinic, lead_password: str
) -> None:
    dialog = SignInDialog(clinic_ws.database.location)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password, lead_password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "Please type the name of your account."
    assert dialog.focusWidget() is dialog.username
    assert dialog.password.text() == lead_password  # kept: only the name was missing
    qtbot.keyClicks(dialog.username, "kari")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.clinic is not None
    assert dialog.clinic.actor.username == "kari"
    dialog.clinic.close()


class RecordingKeyring(KeyringBackend):
    """A keyring that would be taken for a real one: it notes whatever is put in it."""

    priority = 10  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.stored: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.stored[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.stored.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        self.stored.pop((service, username), None)


def test_the_key_is_never_kept_in_the_keyring_and_nothing_offers_to(
    qtbot: Any, tmp_path: Path, cheap_kdf: KdfParams
) -> None:
    """docs/security.md §7: remembering the clinic key would hand it to anyone who can use
    this computer's account, a peer worker too; so there is no such option."""
    where = resolve(str(tmp_path / "clinic.db"))
    unlock.create_clinic(
        where,
        unlock.NewAccount("kari", "Kari", Role.ADMIN, "kari has a green bicycle"),
        kdf=cheap_kdf,
    )[0].close()
    previous = keyring.get_keyring()
    recording = RecordingKeyring()
    keyring.set_keyring(recording)
    try:
        dialog = SignInDialog(where, username="kari")
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.findChildren(QCheckBox) == []
        dialog.password.setText("kari has a green bicycle")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert dialog.clinic is not None
        dialog.clinic.close()
    finally:
        keyring.set_keyring(previous)
    assert recording.stored == {}


def test_every_start_control_has_a_name(qtbot: Any, tmp_path: Path, cheap_kdf: KdfParams) -> None:
    location = resolve(str(tmp_path / "new.db"))
    first = FirstRunDialog(location, kdf=cheap_kdf)
    sign_in = SignInDialog(location)
    recovery = RecoveryKeyDialog("ABCD-EFGH")
    for dialog in (first, sign_in, recovery):
        qtbot.addWidget(dialog)
        for widget in dialog.findChildren(QLineEdit) + dialog.findChildren(QAbstractButton):
            assert widget.accessibleName() or widget.text(), widget


class _LocalLoopApp:
    """The test's application, but ``exec`` runs a local loop: the real one may run only once."""

    def __init__(self) -> None:
        self._app = QApplication.instance()
        self.loop = QEventLoop()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._app, name)

    def exec(self) -> int:
        return self.loop.exec()


def _drive(steps: list[Callable[[], bool]]) -> QTimer:
    """Poll the screen; each step acts once its dialog is there and returns True."""
    timer = QTimer()
    timer.setInterval(50)

    def tick() -> None:
        if steps and steps[0]():
            steps.pop(0)
        if not steps:
            timer.stop()

    timer.timeout.connect(tick)
    timer.start()
    return timer


def _visible(kind: type) -> Any:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for widget in app.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


def test_run_starts_with_the_first_run_choice_and_ends_in_the_window(
    monkeypatch: pytest.MonkeyPatch, qtbot: Any, tmp_path: Path, cheap_kdf: KdfParams
) -> None:
    monkeypatch.setattr(ui_main, "install_translators", lambda _app: [])
    app = _LocalLoopApp()
    monkeypatch.setattr(ui_main, "_application", lambda: app)
    seen: list[str] = []

    def choose_create() -> bool:
        dialog = _visible(FirstRunDialog)
        if dialog is None:
            return False
        dialog.create_choice.click()
        fill_create_page(qtbot, dialog, "long enough 1", "long enough 1")
        dialog.create_button.click()
        return True

    def store_key() -> bool:
        dialog = _visible(FirstRunDialog)
        recovery = dialog.recovery_dialog if dialog is not None else None
        if recovery is None or not recovery.isVisible():
            return False
        recovery.stored.setChecked(True)
        recovery.continue_button.click()
        return True

    def look_and_quit() -> bool:
        window = _visible(MainWindow)
        if window is None:
            return False
        seen.append(window.windowTitle())
        window.close()
        app.loop.quit()
        return True

    driver = _drive([choose_create, store_key, look_and_quit])
    assert ui_main.run(str(tmp_path / "new.db"), kdf=cheap_kdf) == 0
    driver.stop()
    assert seen == ["Caseplan — kari (administrator)"]
    assert (tmp_path / "new.db").exists()


def test_giving_up_at_the_first_run_starts_nothing(
    monkeypatch: pytest.MonkeyPatch, qtbot: Any, tmp_path: Path, cheap_kdf: KdfParams
) -> None:
    monkeypatch.setattr(ui_main, "install_translators", lambda _app: [])

    def cancel() -> bool:
        dialog = _visible(FirstRunDialog)
        if dialog is None:
            return False
        dialog.reject()
        return True

    driver = _drive([cancel])
    assert ui_main.run(str(tmp_path / "new.db"), kdf=cheap_kdf) == 0
    driver.stop()
    assert not (tmp_path / "new.db").exists()


def test_sign_in_speaks_norwegian(qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import QLocale

    from caseplan.ui import i18n

    app = QApplication.instance()
    assert app is not None
    translators = i18n.install_translators(app, QLocale(QLocale.Language.NorwegianBokmal))
    try:
        dialog = SignInDialog(resolve(str(tmp_path / "x.db")))
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Logg inn i Caseplan"
        assert dialog.sign_in_button.text() == "&Logg inn"
    finally:
        i18n.remove_translators(app, translators)
