"""Meeting mode says whose consent ends soon, and the consent is renewed there, with the
person, through the real dialog in large type, by keyboard. Fictional people."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton

from caseplan.models import ConsentScope, ParticipantRole
from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.team import team
from caseplan.ui.workspace.consent_renewal import RenewConsentDialog
from tests.ui.test_keyboard_flow import make_mari
from tests.ui.test_meeting_mode import enter_meeting, open_window


@pytest.fixture
def mari(clinic_ws: OpenClinic) -> dict[str, uuid.UUID]:
    ctx = clinic_ws.ctx
    made = make_mari(ctx)
    today = ctx.today()
    nav = team.add_participant(
        ctx, made["plan"], ParticipantRole.SERVICE, "NAV Sentrum", consent_scope="own_part",
        consent_granted_on=today - timedelta(days=170), consent_expires_on=today + timedelta(14),
    )  # fmt: skip
    return {**made, "nav": nav.id}


def test_consent_that_ends_is_said_and_renewed_in_meeting_mode(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings, mari: dict[str, uuid.UUID]
) -> None:
    ctx = clinic_ws.ctx
    today = ctx.today()
    window = open_window(qtbot, clinic_ws, settings)
    meeting = enter_meeting(qtbot, window, mari["person"])
    key = f"consent.{mari['nav']}"
    button = meeting.focusables[key]
    assert isinstance(button, QPushButton) and button.text() == "Renew consent…"
    line = button.parentWidget().findChildren(type(meeting.message))[0]
    assert line.text().startswith("NAV Sentrum: consent ends in 14 days")
    assert line.isVisible() and button.isVisible()
    # large type, like the rest of the page
    assert button.font().pointSizeF() > QApplication.font().pointSizeF() * 1.4
    assert line.font().pointSizeF() == button.font().pointSizeF()

    # on the Tab path: from the last goal's words, Tab comes to it (nothing else focusable
    # lies between the goals and the team but the steps and the add buttons of the page)
    goal = next(k for k in meeting.fields if k.startswith("goal."))
    meeting.focus_key(goal)
    for _ in range(10):
        if QApplication.focusWidget() is button:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is button

    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: isinstance(meeting.editing.dialog, RenewConsentDialog))
    dialog = meeting.editing.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.font().pointSizeF() > QApplication.font().pointSizeF()
    assert dialog.windowTitle() == "Renew consent"
    dialog.scope.setCurrentIndex(dialog.scope.findData(ConsentScope.CRISIS_PLAN))
    dialog.until.set_value(today + timedelta(days=180))
    renew = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert renew.text() == "Renew"
    renew.click()
    qtbot.waitUntil(lambda: key not in meeting.focusables)
    member = team.get_participant(ctx, mari["nav"])
    assert (member.consent_scope, member.consent_granted_on, member.consent_expires_on) == (
        ConsentScope.CRISIS_PLAN,
        today,
        today + timedelta(days=180),
    )
    # the keyboard is not lost with the button: it goes on to the crisis plan below
    qtbot.waitUntil(lambda: meeting.focused_key() == "crisis.warning_signs")
    shown = [w.text() for w in meeting.body.findChildren(type(meeting.message)) if w.isVisible()]
    assert not [t for t in shown if "consent ends" in t]
    # the workspace says the same: nothing ends soon any more; and it can be undone
    qtbot.keyClick(
        QApplication.focusWidget() or meeting, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.waitUntil(lambda: key in meeting.focusables)
    assert team.get_participant(ctx, mari["nav"]).consent_expires_on == today + timedelta(14)
