"""A new team member sees nothing until the person says otherwise, and a consent has its day.

Found living the first plan in meeting mode: the dialog offered "Whole plan" first, with no
day, so the printed plan told the person that everyone on the team could read all of it.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from caseplan.models import ConsentScope, ParticipantRole
from caseplan.services.context import Context
from caseplan.services.people import people
from caseplan.services.plans import plans
from caseplan.services.team import team
from caseplan.ui.workspace import PersonWorkspace


@pytest.fixture
def plan_id(ctx: Context) -> tuple[uuid.UUID, uuid.UUID]:
    person = people.create_person(ctx, "Kari Nordmann")
    plan = plans.open_plan(ctx, person.id, period_start=date(2026, 1, 1))
    team.add_participant(ctx, plan.id, ParticipantRole.PERSON, "Kari Nordmann")
    return person.id, plan.id


def _open_add(qtbot: Any, ctx: Context, person_id: uuid.UUID) -> Any:
    ws = PersonWorkspace(ctx, person_id)
    qtbot.addWidget(ws)
    ws.resize(1100, 760)
    ws.show()
    qtbot.waitExposed(ws)
    qtbot.mouseClick(ws.team.add_button, Qt.MouseButton.LeftButton)
    dialog = ws.team.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _ok(qtbot: Any, dialog: Any) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_a_new_member_sees_nothing_unless_the_person_says_so(
    qtbot: Any, ctx: Context, plan_id: tuple[uuid.UUID, uuid.UUID]
) -> None:
    person_id, plan = plan_id
    dialog = _open_add(qtbot, ctx, person_id)
    assert dialog.scope.currentData() == ConsentScope.NONE
    assert dialog.scope.currentText() == "No consent"
    assert dialog.granted.value() is None
    dialog.role.setCurrentIndex(dialog.role.findData(ParticipantRole.NETWORK))
    qtbot.keyClicks(dialog.name, "Anne Hansen")
    _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    member = team.list_participants(ctx, plan)[-1]
    assert (member.name, member.consent_scope) == ("Anne Hansen", ConsentScope.NONE)
    assert member.consent_granted_on is None


def test_choosing_what_they_see_gives_the_day_and_a_consent_without_its_day_is_refused(
    qtbot: Any, ctx: Context, plan_id: tuple[uuid.UUID, uuid.UUID]
) -> None:
    person_id, plan = plan_id
    dialog = _open_add(qtbot, ctx, person_id)
    dialog.role.setCurrentIndex(dialog.role.findData(ParticipantRole.NETWORK))
    qtbot.keyClicks(dialog.name, "Anne Hansen")
    dialog.scope.setCurrentIndex(dialog.scope.findData(ConsentScope.OWN_PART))
    assert dialog.granted.value() == ctx.today()  # consent given now, at the meeting
    dialog.granted.set_value(None)  # the practitioner takes the day away
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.message.text() == (
        "Please give the day the person agreed to share their plan with this team member, "
        "or choose that they see nothing."
    )
    assert [p.name for p in team.list_participants(ctx, plan)] == ["Kari Nordmann"]
    dialog.granted.set_value(date(2026, 1, 2))
    _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    member = team.list_participants(ctx, plan)[-1]
    assert (member.consent_scope, member.consent_granted_on) == (
        ConsentScope.OWN_PART,
        date(2026, 1, 2),
    )
