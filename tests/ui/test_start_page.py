"""Where signing in lands: a team lead on the overview, a practitioner on their caseload; the
way between the two by their keys; and a lock returns to the page that was shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog

from caseplan.services.clinic.unlock import OpenClinic
from caseplan.ui.main_window import MainWindow
from caseplan.ui.start import SignInDialog

NEVER = 60 * 60 * 1000
ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def sign_in(qtbot: Any, clinic_ws: OpenClinic, username: str, password: str) -> OpenClinic:
    """Through the real sign-in screen, as a person types it."""
    dialog = SignInDialog(clinic_ws.database.location)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error_label.text()
    assert dialog.clinic is not None
    return dialog.clinic


def open_window(qtbot: Any, clinic: OpenClinic, settings: QSettings) -> MainWindow:
    window = MainWindow(clinic, settings, idle_timeout_ms=NEVER)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def key(qtbot: Any, window: MainWindow, code: Qt.Key, modifiers: Any) -> None:
    target = window.focusWidget() or window
    qtbot.keyClick(target, code, modifiers)


def test_a_team_lead_starts_on_the_overview_and_goes_to_the_people_and_back(
    qtbot: Any,
    clinic_ws: OpenClinic,
    settings: QSettings,
    lead_password: str,
    clinic_people: tuple[str, ...],
) -> None:
    window = open_window(qtbot, sign_in(qtbot, clinic_ws, "kari", lead_password), settings)
    try:
        assert window.overview is not None
        assert window.showing_overview()
        assert window.overview.isVisible()
        assert window.back_action.isEnabled()

        # Alt+Left ("Back to people"): the caseload, with everyone on it
        key(qtbot, window, Qt.Key.Key_Left, ALT)
        assert window.caseload is not None
        assert window.pages.currentWidget() is window.caseload
        rows = window.caseload.model
        assert sorted(rows.display_name(r) for r in range(rows.rowCount())) == sorted(clinic_people)
        assert not window.back_action.isEnabled()  # nothing further back

        # Ctrl+Shift+O: the overview again
        key(qtbot, window, Qt.Key.Key_O, CTRL_SHIFT)
        assert window.showing_overview()
    finally:
        window.clinic.close()


def test_after_a_lock_the_team_lead_is_back_where_they_were(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings, lead_password: str
) -> None:
    window = open_window(qtbot, sign_in(qtbot, clinic_ws, "kari", lead_password), settings)
    try:
        assert window.showing_overview()
        for start_on_people in (False, True):
            if start_on_people:
                key(qtbot, window, Qt.Key.Key_Left, ALT)
                assert window.pages.currentWidget() is window.caseload
            key(qtbot, window, Qt.Key.Key_F12, Qt.KeyboardModifier.NoModifier)
            assert window.locked
            assert window.overview is None and window.caseload is None
            qtbot.keyClicks(window.lock_screen.password, lead_password)
            qtbot.keyClick(window.lock_screen.password, Qt.Key.Key_Return)
            assert not window.locked
            assert window.showing_overview() is not start_on_people
            if start_on_people:
                assert window.pages.currentWidget() is window.caseload
    finally:
        window.clinic.close()


def test_a_practitioner_starts_on_their_caseload(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings
) -> None:
    window = open_window(qtbot, sign_in(qtbot, clinic_ws, "per", "per password 1"), settings)
    try:
        assert window.caseload is not None
        assert window.pages.currentWidget() is window.caseload
        assert window.overview is None
        # the overview is still theirs to open (their own people), and Alt+Left leaves it
        key(qtbot, window, Qt.Key.Key_O, CTRL_SHIFT)
        assert window.showing_overview()
        key(qtbot, window, Qt.Key.Key_Left, ALT)
        assert window.pages.currentWidget() is window.caseload
    finally:
        window.clinic.close()


def test_the_overview_shows_the_way_to_the_people(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings, lead_password: str
) -> None:
    window = open_window(qtbot, sign_in(qtbot, clinic_ws, "kari", lead_password), settings)
    try:
        overview = window.overview
        assert overview is not None and overview.people_button is not None
        assert overview.people_button.isVisible()
        assert overview.people_button.text() == "People (Alt+Left)"
        qtbot.mouseClick(overview.people_button, Qt.MouseButton.LeftButton)
        assert window.caseload is not None
        assert window.pages.currentWidget() is window.caseload
    finally:
        window.clinic.close()
