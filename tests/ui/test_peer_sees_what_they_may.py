"""A peer worker sees only what they may do, before anyone types.

Signed in as a peer on a clinic made from nothing (an administrator, a team lead and a peer,
as ``caseplan init`` and ``caseplan accounts`` make them), the peer opens the one person who
consented: no button that changes the plan is there, every field is read only and every
choice closed (each saying why), the keys that add or change do nothing, and a line above
the plan says what the peer can do; "Record peer support" and saving an agreed version stay.
The team lead, on the same screens, has the buttons, so the walk can tell the difference.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from caseplan.models import Role
from caseplan.services.clinic import unlock
from caseplan.services.clinic.unlock import NewAccount, OpenClinic
from caseplan.services.people import people
from caseplan.storage.location import Location
from caseplan.ui.main_window import MainWindow
from caseplan.ui.workspace import PersonWorkspace
from caseplan.ui.workspace.read_only import reason
from tests.ui.conftest import CHEAP_KDF
from tests.ui.test_peer_worker import PEER_PASSWORD, _account_id, _person_with_siv

LEAD_PASSWORD = "lea password 1"
CTRL = Qt.KeyboardModifier.ControlModifier
#: what a peer may still press in the workspace (besides the section list and tables)
PEER_BUTTONS = {
    "&Record peer support",
    "&Open this version…",
    "Save this &version as PDF…",
    "Print &what we agreed…",
    "Undo",
    "Redo",
}


@pytest.fixture
def clinic(new_location: Location) -> Iterator[tuple[Location, uuid.UUID]]:
    """A new clinic with a team lead and a peer; Kari consented to Siv as her peer."""
    admin = NewAccount("root", "Clinic Administrator", Role.ADMIN, "admin password 1")
    lead = NewAccount("lea", "Lea Leder", Role.TEAM_LEAD, LEAD_PASSWORD)
    siv = NewAccount("siv", "Siv Peer", Role.PEER_WORKER, PEER_PASSWORD)
    created, _recovery = unlock.create_clinic(new_location, admin, more=[lead, siv], kdf=CHEAP_KDF)
    created.close()
    as_lead = unlock.sign_in(new_location, "lea", LEAD_PASSWORD)
    try:
        kari = _person_with_siv(as_lead, "Kari Nordmann", _account_id(as_lead, "siv"), True)
        people.update_person(as_lead.ctx, kari, None, what_matters="Å gå tur.")
    finally:
        as_lead.close()
    yield new_location, kari


def _open(qtbot: Any, signed_in: OpenClinic, settings: QSettings, person: uuid.UUID) -> Any:
    window = MainWindow(signed_in, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_person(person)
    workspace = window.person_workspace
    assert isinstance(workspace, PersonWorkspace)
    return window, workspace


def _walk(workspace: PersonWorkspace) -> Iterator[tuple[str, QWidget]]:
    """Each section in turn, with the goal's and the step's page of the goals section."""
    for number, name in enumerate(workspace.section_names):
        workspace.show_section(number)
        QApplication.processEvents()
        yield name, workspace
        if number == workspace.GOALS:
            goals = workspace.goals
            goal = goals.model.index(0, 0, goals.model.index(0, 0))
            goals.tree.setCurrentIndex(goal)
            yield f"{name}: a goal", workspace
            goals.tree.setCurrentIndex(goals.model.index(0, 0, goal))
            yield f"{name}: a step", workspace


def _shown(root: QWidget) -> list[QWidget]:
    return [
        w
        for w in root.findChildren(QWidget)
        if w.isVisibleTo(root) and not isinstance(w.parentWidget(), QAbstractItemView)
    ]


def _buttons(root: QWidget) -> set[str]:
    return {
        w.text()
        for w in _shown(root)
        if isinstance(w, QAbstractButton) and w.isEnabled() and w.text()
        and type(w).__name__ != "QTableCornerButton"
    }  # fmt: skip


def test_a_peer_is_offered_no_change_to_the_plan_and_is_told_why(
    qtbot: Any, clinic: tuple[Location, uuid.UUID], settings: QSettings
) -> None:
    location, kari = clinic
    signed_in = unlock.sign_in(location, "siv", PEER_PASSWORD)
    try:
        window, workspace = _open(qtbot, signed_in, settings, kari)
        why = reason(role_is_peer=True)
        assert workspace.read_only_note.isVisibleTo(window)
        assert workspace.read_only_note.text() == why
        offered: set[str] = set()
        for name, root in _walk(workspace):
            offered |= _buttons(root)
            for widget in _shown(root):
                if isinstance(widget, QLineEdit | QPlainTextEdit | QAbstractSpinBox):
                    assert widget.isReadOnly(), (name, widget.accessibleName())
                    field = widget.parentWidget() if isinstance(widget, QPlainTextEdit) else widget
                    assert why in (widget.toolTip(), field.toolTip()), name
                elif isinstance(widget, QComboBox):
                    assert not widget.isEnabled() and widget.toolTip() == why, name
        assert offered - PEER_BUTTONS == set(), "a peer is offered a change"
        assert "&Record peer support" in offered

        # The keys that add or change do nothing either.
        goals = workspace.goals
        workspace.show_section(workspace.GOALS, focus=True)
        for key in (Qt.Key.Key_G, Qt.Key.Key_T):
            qtbot.keyClick(goals.tree, key, CTRL)
        assert goals.add_goal_dialog is None and goals.add_step_dialog is None
        team = workspace.team
        workspace.show_section(workspace.TEAM, focus=True)
        members = team.model.rowCount()
        team.table.setCurrentIndex(team.model.index(0, 0))
        qtbot.keyClick(team.table, Qt.Key.Key_Return)
        qtbot.keyClick(team.table, Qt.Key.Key_Delete)
        assert team.dialog is None and team.model.rowCount() == members
        assert QApplication.activeModalWidget() is None
        # Typing into the person's words changes nothing.
        workspace.show_section(workspace.ABOUT_ME)
        words = workspace.about_me.findChildren(QPlainTextEdit)[0]
        qtbot.keyClicks(words, "Hei")
        assert "Hei" not in words.toPlainText()
        window.close()
    finally:
        signed_in.close()


def test_the_team_lead_is_offered_the_changes_on_the_same_screens(
    qtbot: Any, clinic: tuple[Location, uuid.UUID], settings: QSettings
) -> None:
    location, kari = clinic
    signed_in = unlock.sign_in(location, "lea", LEAD_PASSWORD)
    try:
        window, workspace = _open(qtbot, signed_in, settings, kari)
        assert not workspace.read_only_note.isVisibleTo(window)
        offered: set[str] = set()
        for _name, root in _walk(workspace):
            offered |= _buttons(root)
        for change in ("Add &goal", "Add &step", "&Add team member", "Chan&ge…", "&Remove",
                       "Peer co&nsent…", "Add &contact", "&New meeting today"):  # fmt: skip
            assert change in offered, change
        window.close()
    finally:
        signed_in.close()


def test_in_meeting_mode_a_peer_reads_in_large_type_and_changes_nothing(
    qtbot: Any, clinic: tuple[Location, uuid.UUID], settings: QSettings
) -> None:
    location, kari = clinic
    signed_in = unlock.sign_in(location, "siv", PEER_PASSWORD)
    try:
        window, workspace = _open(qtbot, signed_in, settings, kari)
        for hidden in (window.new_person_action, window.batch_action, window.audit_action):
            assert not hidden.isVisible()
        assert not window.agree_action.isEnabled() and not window.edit_person_action.isEnabled()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F11)
        qtbot.waitUntil(lambda: window.meeting is not None)
        meeting = window.meeting
        fields = [f for f in meeting.findChildren(QPlainTextEdit) if f.isVisibleTo(meeting)]
        assert fields and all(f.isReadOnly() for f in fields)
        assert fields[0].parentWidget().toolTip() == reason(role_is_peer=True)
        qtbot.keyClicks(fields[0], "Hei")
        assert "Hei" not in fields[0].toPlainText()
        offered = _buttons(meeting)
        assert offered <= {b.text() for b in (meeting.leave_button, meeting.smaller_button,
                                               meeting.larger_button)}, offered  # fmt: skip
        qtbot.keyClick(fields[0], Qt.Key.Key_Plus, CTRL)  # its keys for the view still work
        assert meeting.zoom > 1.0
        for key in (Qt.Key.Key_G, Qt.Key.Key_T, Qt.Key.Key_M):  # adding does nothing
            qtbot.keyClick(fields[0], key, CTRL)
        assert QApplication.activeModalWidget() is None
        assert not [d for d in window.findChildren(QDialog) if d.isVisible()]
        window.leave_meeting()
        assert window.meeting is None
        assert people.get_person(signed_in.ctx, kari).what_matters == "Å gå tur."
        assert not workspace.may_change
        window.close()
    finally:
        signed_in.close()
