"""File → Sign out and Switch account, Settings → Language, driven through ``main.run``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from caseplan.services.clinic import unlock
from caseplan.services.security import audit
from caseplan.services.security.trail import recent_events
from caseplan.storage.keys import KdfParams
from caseplan.ui import i18n
from caseplan.ui import main as ui_main
from caseplan.ui.main_window import APPLICATION, ORGANISATION, MainWindow
from caseplan.ui.settings import LANGUAGE_KEY, LanguageDialog
from caseplan.ui.start import FirstRunDialog, SignInDialog
from tests.ui.test_start import _drive, _LocalLoopApp, _visible, fill_create_page

PASSWORD = "long enough 1"


def _create_clinic(qtbot: Any) -> list[Any]:
    def choose_create() -> bool:
        dialog = _visible(FirstRunDialog)
        if dialog is None:
            return False
        dialog.create_choice.click()
        fill_create_page(qtbot, dialog, PASSWORD, PASSWORD)
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

    return [choose_create, store_key]


def _menu_action(window: MainWindow, menu: str, text: str) -> Any:
    found = next(a.menu() for a in window.menuBar().actions() if a.text() == menu)
    return next(a for a in found.actions() if a.text() == text)


@pytest.mark.parametrize(
    ("action", "outcome", "hint"),
    [
        ("S&witch account…", "switch", "kari has signed out. Sign in with another account."),
        ("Sign &out", "sign out", "kari has signed out. The next person signs in here."),
    ],
)
def test_switch_account_closes_everything_and_asks_for_a_sign_in(
    monkeypatch: pytest.MonkeyPatch,
    qtbot: Any,
    tmp_path: Path,
    cheap_kdf: KdfParams,
    action: str,
    outcome: str,
    hint: str,
) -> None:
    monkeypatch.setattr(ui_main, "install_translators", lambda _app, *_locale: [])
    app = _LocalLoopApp()
    monkeypatch.setattr(ui_main, "_application", lambda: app)
    seen: dict[str, Any] = {}

    def switch() -> bool:
        window = _visible(MainWindow)
        if window is None:
            return False
        seen["first"] = window
        _menu_action(window, "&File", action).trigger()
        assert not window.isVisible() and window.outcome == outcome
        assert window.caseload is None and window.person_workspace is None
        app.loop.quit()
        return True

    def sign_in_again() -> bool:
        dialog = _visible(SignInDialog)
        if dialog is None:
            return False
        seen["hint"] = dialog.hint_label.text()
        dialog.username.setText("kari")
        dialog.password.setText(PASSWORD)
        dialog.sign_in_button.click()
        return True

    def look_and_quit() -> bool:
        window = _visible(MainWindow)
        if window is None or window is seen["first"]:
            return False
        seen["title"] = window.windowTitle()
        seen["privacy button"] = window.toolbar.isVisible() and window.hide_action.isEnabled()
        seen["events"] = [(e.action, e.detail) for e in recent_events(window.ctx)]
        window.close()
        app.loop.quit()
        return True

    driver = _drive([*_create_clinic(qtbot), switch, sign_in_again, look_and_quit])
    assert ui_main.run(str(tmp_path / "new.db"), kdf=cheap_kdf) == 0
    driver.stop()
    assert seen["hint"] == hint
    assert seen["title"] == "Caseplan — kari (administrator)"
    assert seen["privacy button"], "Hide screen (F12) is gone after signing in again"
    assert (audit.Action.LOCK, unlock.LockReason.SIGN_OUT.value) in seen["events"]


def test_sign_out_from_the_lock_screen(qtbot: Any, clinic_ws: unlock.OpenClinic) -> None:
    window = MainWindow(clinic_ws, QSettings())
    qtbot.addWidget(window)
    window.show()
    window.lock(privacy=True)
    window.lock_screen.sign_out_button.click()
    assert window.outcome == "sign out" and not window.isVisible()
    assert window.session.ended


def test_the_language_setting_rebuilds_the_screens_in_bokmal(
    monkeypatch: pytest.MonkeyPatch, qtbot: Any, tmp_path: Path, cheap_kdf: KdfParams
) -> None:
    app = _LocalLoopApp()
    monkeypatch.setattr(ui_main, "_application", lambda: app)
    real = QApplication.instance()
    install, remove = i18n.install_translators, i18n.remove_translators
    monkeypatch.setattr(ui_main, "install_translators", lambda _app, *loc: install(real, *loc))
    monkeypatch.setattr(ui_main, "remove_translators", lambda _app, ts: remove(real, ts))
    seen: dict[str, Any] = {}

    def choose_bokmal() -> bool:
        window = _visible(MainWindow)
        if window is None or "dialog" in seen:
            return False
        seen["first"] = window
        seen["dialog"] = True
        _drive([pick_bokmal])  # the language dialog is modal: answer it from the next tick
        _menu_action(window, "S&ettings", "&Language…").trigger()
        app.loop.quit()
        return True

    def pick_bokmal() -> bool:
        dialog = _visible(LanguageDialog)
        if dialog is None:
            return False
        seen["options"] = [b.text() for b in dialog.options.values()]
        dialog.options["nb"].setChecked(True)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return True

    def look_and_quit() -> bool:
        window = _visible(MainWindow)
        if window is None or window is seen["first"]:
            return False
        seen["menus"] = [a.text() for a in window.menuBar().actions()]
        seen["signed in"] = not window.locked
        window.close()
        app.loop.quit()
        return True

    driver = _drive([*_create_clinic(qtbot), choose_bokmal, look_and_quit])
    assert ui_main.run(str(tmp_path / "new.db"), kdf=cheap_kdf) == 0
    driver.stop()
    assert seen["options"][1:] == ["Norsk bokmål (&nb)", "English (&en)"]
    assert seen["menus"] == ["&Fil", "&Person", "P&lan", "Verktø&y", "&Innstillinger", "&Hjelp"]
    assert seen["signed in"]
    assert QSettings(ORGANISATION, APPLICATION).value(LANGUAGE_KEY) == "nb"
