"""Meeting mode is where the plan is made: goals, steps, team members, a step done, the
order, undo and redo, by keyboard, through the real shortcuts and dialogs."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QCheckBox

from caseplan.models import LifeDomain, ParticipantRole, StepStatus
from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.plans import goals, plans
from caseplan.services.team import team
from tests.ui.test_keyboard_flow import make_mari, visible_texts
from tests.ui.test_meeting_mode import enter_meeting, open_window

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focused(qtbot: Any = None) -> Any:
    if qtbot is not None:
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(
    qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(qtbot), key, modifier)


def write(qtbot: Any, text: str) -> None:
    qtbot.keyClicks(focused(qtbot), text)


@pytest.fixture
def mari(clinic_ws: OpenClinic) -> dict[str, uuid.UUID]:
    return make_mari(clinic_ws.ctx)


def wait_dialog(qtbot: Any, meeting: Any) -> Any:
    qtbot.waitUntil(
        lambda: meeting.editing.dialog is not None and meeting.editing.dialog.isVisible()
    )
    return meeting.editing.dialog


def test_goals_steps_team_done_order_and_undo_in_meeting_mode(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings, mari: dict[str, uuid.UUID]
) -> None:
    ctx = clinic_ws.ctx
    window = open_window(qtbot, clinic_ws, settings)
    meeting = enter_meeting(qtbot, window, mari["person"])
    qtbot.waitUntil(lambda: meeting.isAncestorOf(QApplication.focusWidget()))

    # Ctrl+G: a second housing goal, in large type.
    meeting.focus_key(next(k for k in meeting.fields if k.startswith("goal.")))
    press(qtbot, Qt.Key.Key_G, CTRL)
    dialog = wait_dialog(qtbot, meeting)
    assert dialog.font().pointSizeF() > QApplication.font().pointSizeF()
    qtbot.waitUntil(lambda: focused() is dialog.words)
    write(qtbot, "Jeg vil ha en hund.")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(goals.list_goals(ctx, mari["plan"])) == 2)
    first, second = goals.list_goals(ctx, mari["plan"])
    assert (second.own_words, second.domain) == ("Jeg vil ha en hund.", LifeDomain.HOUSING)
    assert meeting.focused_key() == f"goal.{second.id}"

    # Alt+Up: the new goal before the first; the page follows.
    press(qtbot, Qt.Key.Key_Up, ALT)
    assert [g.id for g in goals.list_goals(ctx, mari["plan"])] == [second.id, first.id]
    titles = [f.text() for k, f in meeting.fields.items() if k.startswith("goal.")]
    assert titles == ["Jeg vil ha en hund.", "Jeg vil ha min egen leilighet."]
    assert meeting.focused_key() == f"goal.{second.id}"

    # Ctrl+T: a step whose "who" is someone not yet on the team.
    press(qtbot, Qt.Key.Key_T, CTRL)
    step_dialog = wait_dialog(qtbot, meeting)
    qtbot.waitUntil(lambda: focused() is step_dialog.action)
    write(qtbot, "Ringe dyrebeskyttelsen.")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_End)  # "Someone not yet on the team…"
    assert step_dialog.wants_someone_new()
    press(qtbot, Qt.Key.Key_Return)
    member = wait_dialog(qtbot, meeting)
    assert member is not step_dialog
    qtbot.waitUntil(lambda: focused() is member.name)
    write(qtbot, "Kari Nordli")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(goals.list_goals(ctx, mari["plan"])[0].steps))
    (step,) = goals.list_goals(ctx, mari["plan"])[0].steps
    kari = next(p for p in team.list_participants(ctx, mari["plan"]) if p.name == "Kari Nordli")
    assert (step.action, step.responsible_id, kari.role) == (
        "Ringe dyrebeskyttelsen.",
        kari.id,
        ParticipantRole.NETWORK,
    )
    assert meeting.focused_key() == f"step.{step.id}"
    seen = "\n".join(visible_texts(window))
    assert "Ringe dyrebeskyttelsen. — who: Kari Nordli" in seen, seen
    assert "Kari Nordli · Network" in seen or "Kari Nordli · " in seen

    # Space: done; Ctrl+Z: not done again; Ctrl+Shift+Z: done.
    assert isinstance(focused(qtbot), QCheckBox)
    press(qtbot, Qt.Key.Key_Space)
    assert goals.list_goals(ctx, mari["plan"])[0].steps[0].status == StepStatus.DONE
    assert focused(qtbot).isChecked()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert goals.list_goals(ctx, mari["plan"])[0].steps[0].status == StepStatus.PLANNED
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert goals.list_goals(ctx, mari["plan"])[0].steps[0].status == StepStatus.DONE

    # Undo in a field of the person's words undoes the words typed, through the history.
    field = meeting.fields["about_me.what_matters"].editor
    meeting.focus_key("about_me.what_matters")
    field.moveCursor(field.textCursor().MoveOperation.End)
    write(qtbot, " Og en hund.")
    press(qtbot, Qt.Key.Key_Z, CTRL)  # the field saves first, then the edit is undone
    assert meeting.fields["about_me.what_matters"].text() == "Å ha et trygt sted å bo."
    assert window.meeting is meeting and window.isFullScreen()


def test_a_peer_joins_after_the_persons_consent_asked_on_the_way(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings, mari: dict[str, uuid.UUID]
) -> None:
    ctx = clinic_ws.ctx
    plan = plans.get_plan(ctx, mari["plan"])
    plans.update_plan(ctx, plan.id, plan.version, peer_consent_granted_on=None)
    window = open_window(qtbot, clinic_ws, settings)
    meeting = enter_meeting(qtbot, window, mari["person"])
    qtbot.waitUntil(lambda: meeting.isAncestorOf(QApplication.focusWidget()))
    press(qtbot, Qt.Key.Key_M, CTRL)
    member = wait_dialog(qtbot, meeting)
    qtbot.waitUntil(lambda: focused() is member.name)
    write(qtbot, "Sindre Bakken")
    press(qtbot, Qt.Key.Key_Tab, SHIFT)  # to the role
    assert focused() is member.role
    press(qtbot, Qt.Key.Key_Up)  # from network to peer
    assert member.is_peer()
    press(qtbot, Qt.Key.Key_Return)
    consent = wait_dialog(qtbot, meeting)
    assert consent is not member
    assert consent.granted.value() == ctx.today()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: any(p.name == "Sindre Bakken" for p in team.list_participants(ctx, mari["plan"]))
    )
    assert plans.get_plan(ctx, mari["plan"]).peer_consent_granted_on == ctx.today()
    assert "Sindre Bakken · my peer supporter" in "\n".join(visible_texts(meeting))
