"""Locking: after a time without use, or at once with F12; nothing of any person stays on screen."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QWidget,
)

from caseplan.errors import AccessDenied, InvalidInput
from caseplan.services.clinic.settings import idle_lock_minutes, set_idle_lock_minutes
from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.context import Context
from caseplan.services.security import audit
from caseplan.ui.audit import AuditDialog, clinic_events
from caseplan.ui.main_window import MainWindow
from caseplan.ui.security import IdleWatcher

NEVER = 60 * 60 * 1000


def visible_texts(root: QWidget) -> list[str]:
    """Every piece of text a person could read in ``root`` and its open windows."""
    texts = [root.windowTitle()]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    windows = [root] + [w for w in app.topLevelWidgets() if w.isVisible() and w is not root]
    for window in windows:
        for widget in [window, *window.findChildren(QWidget)]:
            if not widget.isVisible():
                continue
            if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
                texts.append(widget.text())
            if isinstance(widget, QAbstractItemView) and widget.model() is not None:
                model = widget.model()
                texts += [
                    str(model.index(row, col).data() or "")
                    for row in range(model.rowCount())
                    for col in range(model.columnCount())
                ]
            texts.append(widget.toolTip())
            texts.append(widget.accessibleName())
    return texts


def shows_a_person(window: MainWindow, names: tuple[str, ...]) -> bool:
    text = "\n".join(visible_texts(window))
    return any(name in text for name in names)


def make_window(
    qtbot: Any, workspace: OpenClinic, settings: QSettings, idle_ms: int = NEVER
) -> MainWindow:
    window = MainWindow(workspace, settings, idle_timeout_ms=idle_ms)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    window.show_caseload(None)  # a team lead starts on the overview; these are about people
    return window


def test_idle_lock_hides_every_person_and_the_password_brings_them_back(
    qtbot: Any,
    clinic_ws: OpenClinic,
    settings: QSettings,
    lead_password: str,
    clinic_people: tuple[str, ...],
) -> None:
    window = make_window(qtbot, clinic_ws, settings, idle_ms=300)
    assert window.windowTitle() == "Caseplan — kari (team lead)"
    assert shows_a_person(window, clinic_people)  # the check below can fail

    qtbot.waitUntil(lambda: window.locked, timeout=5_000)
    assert not shows_a_person(window, clinic_people)
    assert window.caseload is None and window.caseload_model is None
    assert window.lock_screen.heading.text() == (
        "Locked after a time without use — sign in to continue"
    )
    assert window.clinic.closed and (window.clinic.secret is None or window.clinic.secret.forgotten)
    assert not window.menuBar().isVisible()

    qtbot.keyClicks(window.lock_screen.password, "not it")
    qtbot.keyClick(window.lock_screen.password, Qt.Key.Key_Return)
    assert window.locked
    assert window.lock_screen.error_label.text() == "The user name or password is wrong."
    assert window.lock_screen.password.text() == ""
    assert not shows_a_person(window, clinic_people)

    qtbot.keyClicks(window.lock_screen.password, lead_password)
    qtbot.mouseClick(window.lock_screen.unlock_button, Qt.MouseButton.LeftButton)
    assert not window.locked
    assert window.caseload is not None
    qtbot.waitUntil(lambda: shows_a_person(window, clinic_people), timeout=2_000)
    rows = window.caseload.model
    assert sorted(rows.display_name(r) for r in range(rows.rowCount())) == sorted(clinic_people)
    assert window.menuBar().isVisible()
    assert window.idle_watcher.active  # and it locks again when left alone


def test_using_the_app_keeps_it_open(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings
) -> None:
    window = make_window(qtbot, clinic_ws, settings, idle_ms=600)
    assert window.caseload is not None
    for _ in range(12):
        qtbot.keyClick(window.caseload.search, Qt.Key.Key_Shift)
        qtbot.wait(100)
    assert not window.locked
    qtbot.waitUntil(lambda: window.locked, timeout=5_000)


def test_f12_hides_the_screen_at_once_and_the_lock_is_audited(
    qtbot: Any,
    clinic_ws: OpenClinic,
    settings: QSettings,
    lead_password: str,
    clinic_people: tuple[str, ...],
) -> None:
    window = make_window(qtbot, clinic_ws, settings)
    assert window.caseload is not None
    window.caseload.table.setCurrentIndex(window.caseload.model.index(0, 0))
    first = window.caseload.model.person_id(0)
    assert first is not None
    window.show_person(first)  # a name in the status bar
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window.caseload.table, Qt.Key.Key_F12)
    assert window.locked  # at once, no waiting
    assert window.lock_screen.heading.text() == "Screen hidden — sign in to continue"
    assert not shows_a_person(window, clinic_people)
    assert window.statusBar().currentMessage() == ""

    window.unlock(lead_password)
    assert not window.locked
    events = clinic_events(window.ctx)
    locks = [e for e in events if e.action == audit.Action.LOCK]
    assert [(e.account, e.entity, e.detail) for e in locks] == [
        ("kari", "session", "privacy screen")
    ]


def test_hide_screen_is_a_toolbar_and_menu_action(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings
) -> None:
    window = make_window(qtbot, clinic_ws, settings)
    assert window.hide_action.shortcut().toString() == "F12"
    assert window.toolbar.isVisible()
    assert window.hide_action in window.toolbar.actions()
    button = window.toolbar.widgetForAction(window.hide_action)
    assert isinstance(button, QAbstractButton)
    button.click()
    assert window.locked


def test_locking_closes_an_open_audit_trail(
    qtbot: Any,
    clinic_ws: OpenClinic,
    settings: QSettings,
    clinic_people: tuple[str, ...],
) -> None:
    window = make_window(qtbot, clinic_ws, settings)
    assert window.caseload is not None
    window.caseload.table.setCurrentIndex(window.caseload.model.index(0, 0))
    window.show_audit()
    dialog = window.findChild(AuditDialog)
    assert dialog is not None and dialog.isVisible()
    assert any(name in "\n".join(visible_texts(dialog)) for name in clinic_people)
    window.lock(privacy=False)
    assert not shows_a_person(window, clinic_people)
    assert not any(
        isinstance(w, AuditDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )


def test_the_idle_time_is_a_clinic_setting(clinic_ws: OpenClinic, settings: QSettings) -> None:
    assert idle_lock_minutes(clinic_ws.ctx) == 5.0
    with pytest.raises(AccessDenied, match="Only an administrator"):
        set_idle_lock_minutes(clinic_ws.ctx, 2)  # kari is a team lead
    ctx = Context(clinic_ws.database.sessions)  # the program itself, as an admin's tool would
    set_idle_lock_minutes(ctx, 2)
    assert idle_lock_minutes(ctx) == 2.0
    with pytest.raises(InvalidInput, match=r"between 0\.5 and 240 minutes"):
        set_idle_lock_minutes(ctx, 0)  # never a lock that fires at once
    assert idle_lock_minutes(ctx) == 2.0
    set_idle_lock_minutes(ctx, 0.5)
    window = MainWindow(clinic_ws, settings)
    try:
        assert window.idle_watcher.timeout_ms == 30_000
    finally:
        window.idle_watcher.stop()
        window.deleteLater()


def test_the_idle_watcher_alone(qtbot: Any) -> None:
    watcher = IdleWatcher(200)
    watcher.start()
    try:
        with qtbot.waitSignal(watcher.idle, timeout=3_000):
            pass
        assert not watcher.active
    finally:
        watcher.stop()


@pytest.mark.parametrize("value", ["ten", "nan", ""])
def test_a_setting_that_is_not_a_number_means_the_default(
    clinic_ws: OpenClinic, value: str
) -> None:
    from caseplan.models import Setting

    with clinic_ws.ctx.write() as session:
        session.merge(Setting(key="idle_lock_minutes", value=value))
    assert idle_lock_minutes(clinic_ws.ctx) == 5.0


def test_the_program_itself_never_locks(
    qtbot: Any, ctx: Context, db: Any, settings: QSettings
) -> None:
    window = MainWindow(OpenClinic(db, ctx), settings, idle_timeout_ms=50)
    qtbot.addWidget(window)
    window.lock()
    assert not window.locked and not window.idle_watcher.active
