"""The team member dialog's "Their Caseplan account": Kari (practitioner) adds the peer Sindre
to Ola's team linked to Sindre's own account, with consent to his own part only; Sindre
signs in and sees Ola's plan as far as that consent goes. Fictional people."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from caseplan.models import ConsentScope, LifeDomain, ParticipantRole, Role
from caseplan.services.clinic import unlock
from caseplan.services.clinic.unlock import NewAccount
from caseplan.services.people import people
from caseplan.services.people.people import list_people
from caseplan.services.plans import goals, plans
from caseplan.services.plans.plan_view import load_plan_view
from caseplan.services.team import team
from caseplan.storage.location import Location
from caseplan.ui.workspace import PersonWorkspace
from caseplan.ui.workspace.member_dialogs import ParticipantDialog
from caseplan.ui.workspace.team_model import SIGNS_IN_AS
from tests.ui.conftest import CHEAP_KDF

KARI, SINDRE = "kari walks the long road", "sindre knows the way back"
HIS_STEP = "Følge Ola til boligkontoret"


def _clinic(where: Location) -> None:
    created, _recovery = unlock.create_clinic(
        where,
        NewAccount("root", "Clinic Administrator", Role.ADMIN, "admin password 1"),
        more=[
            NewAccount("kari", "Kari Lund", Role.PRACTITIONER, KARI),
            NewAccount("sberg", "Sindre Berg", Role.PEER_WORKER, SINDRE),
            NewAccount("lars", "Lars Leder", Role.TEAM_LEAD, "lars reads every plan"),
        ],
        kdf=CHEAP_KDF,
    )
    created.close()


def _ok(qtbot: Any, dialog: ParticipantDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _items(dialog: ParticipantDialog) -> list[str]:
    return [dialog.account.itemText(i) for i in range(dialog.account.count())]


def test_a_peer_linked_in_the_dialog_signs_in_and_sees_their_part(
    qtbot: Any, new_location: Location
) -> None:
    _clinic(new_location)
    kari = unlock.sign_in(new_location, "kari", KARI)
    try:
        ola = people.create_person(kari.ctx, "Ola Nordmann").id
        plan = plans.get_open_plan(kari.ctx, ola)
        assert plan is not None
        today = kari.ctx.today()
        plans.update_plan(kari.ctx, plan.id, None, peer_consent_granted_on=today)
        ws = PersonWorkspace(kari.ctx, ola)
        qtbot.addWidget(ws)
        ws.resize(1200, 800)
        ws.show()
        section = ws.team
        assert not section.table.isColumnHidden(SIGNS_IN_AS)
        assert [section.model.index(1, c).data() for c in (1, 5)] == [
            "Kari Lund",
            "kari (Kari Lund)",
        ]

        section.add_button.click()
        dialog = section.dialog
        assert isinstance(dialog, ParticipantDialog)
        assert dialog.account.currentText() == "No account"
        # a family member never has an account; a practitioner is offered staff accounts
        dialog.role.setCurrentIndex(dialog.role.findData(ParticipantRole.NETWORK))
        assert _items(dialog) == ["No account"] and not dialog.account.isEnabled()
        dialog.role.setCurrentIndex(dialog.role.findData(ParticipantRole.PRACTITIONER))
        assert _items(dialog) == [
            "No account",
            "Kari Lund (kari, practitioner)",
            "Lars Leder (lars, team lead)",
        ]
        dialog.role.setCurrentIndex(dialog.role.findData(ParticipantRole.PEER))
        assert _items(dialog) == ["No account", "Sindre Berg (sberg, peer worker)"]
        # by the keyboard: Alt+A goes to the choice, Down picks the peer worker's account
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
        assert dialog.focusWidget() is dialog.account
        qtbot.keyClick(dialog.account, Qt.Key.Key_Down)
        assert dialog.account.currentText() == "Sindre Berg (sberg, peer worker)"
        assert dialog.name.text() == "Sindre Berg"  # starts as the account holder's name
        dialog.name.setText("Sindre fra LMS")  # and may differ
        dialog.scope.setCurrentIndex(dialog.scope.findData(ConsentScope.OWN_PART))
        _ok(qtbot, dialog)
        qtbot.waitUntil(lambda: section.model.rowCount() == 3)
        row = [section.model.index(2, c).data() for c in (1, 5)]
        assert row == ["Sindre fra LMS", "sberg (Sindre Berg)"]
        member = team.list_participants(kari.ctx, plan.id)[-1]
        assert (member.name, member.consent_scope) == ("Sindre fra LMS", ConsentScope.OWN_PART)
        assert member.account_id is not None

        # Change…: the account is shown as chosen, and other changes keep it
        section.table.selectRow(2)
        section.edit_button.click()
        edit = section.dialog
        assert isinstance(edit, ParticipantDialog) and edit is not dialog
        assert edit.account.currentText() == "Sindre Berg (sberg, peer worker)"
        edit.phone.setText("900 11 222")
        _ok(qtbot, edit)
        qtbot.waitUntil(lambda: team.list_participants(kari.ctx, plan.id)[-1].phone != "")
        assert team.list_participants(kari.ctx, plan.id)[-1].account_id == member.account_id

        housing = goals.add_goal(kari.ctx, plan.id, LifeDomain.HOUSING, "Et eget sted å bo")
        goals.add_step(kari.ctx, housing.id, HIS_STEP, responsible_id=member.id)
        goals.add_step(kari.ctx, housing.id, "Søke bostøtte hos NAV")
        goals.add_goal(kari.ctx, plan.id, LifeDomain.LEISURE, "Begynne å svømme igjen")
        ws.close()
    finally:
        kari.close()  # signing out brings the peer's own view up to date

    sindre = unlock.sign_in(new_location, "sberg", SINDRE)
    try:
        assert [p.full_name for p in list_people(sindre.ctx)] == ["Ola Nordmann"]
        mine = PersonWorkspace(sindre.ctx, ola)
        qtbot.addWidget(mine)
        assert mine.team.model.rowCount() == 3  # the person, the coordinator, himself
        assert mine.team.table.isColumnHidden(SIGNS_IN_AS)  # no account names for a peer
        mine.close()
        view = load_plan_view(sindre.ctx, ola)
        assert view is not None
        assert [(g.own_words, [s.action for s in g.steps]) for g in view.goals] == [
            ("Et eget sted å bo", [HIS_STEP])
        ]
    finally:
        sindre.close()


def test_no_account_in_the_dialog_takes_the_link_away(qtbot: Any, new_location: Location) -> None:
    _clinic(new_location)
    kari = unlock.sign_in(new_location, "kari", KARI)
    try:
        ola = people.create_person(kari.ctx, "Ola Nordmann").id
        plan = plans.get_open_plan(kari.ctx, ola)
        assert plan is not None
        plans.update_plan(kari.ctx, plan.id, None, peer_consent_granted_on=kari.ctx.today())
        sindre_id = next(uuid.UUID(str(a.id)) for a in _accounts(kari) if a.username == "sberg")
        team.add_participant(
            kari.ctx, plan.id, ParticipantRole.PEER, "Sindre", account_id=sindre_id,
            consent_scope=ConsentScope.FULL_PLAN, consent_granted_on=date.today(),
        )  # fmt: skip
        ws = PersonWorkspace(kari.ctx, ola)
        qtbot.addWidget(ws)
        ws.show()
        section = ws.team
        section.table.selectRow(2)
        section.edit_button.click()
        edit = section.dialog
        assert isinstance(edit, ParticipantDialog)
        edit.account.setFocus()
        qtbot.keyClick(edit.account, Qt.Key.Key_Up)
        assert edit.account.currentText() == "No account"
        _ok(qtbot, edit)
        qtbot.waitUntil(lambda: team.list_participants(kari.ctx, plan.id)[-1].account_id is None)
        assert section.model.index(2, 5).data() == ""
        ws.close()
    finally:
        kari.close()
    sindre = unlock.sign_in(new_location, "sberg", SINDRE)
    try:
        assert list_people(sindre.ctx) == []
    finally:
        sindre.close()


def _accounts(clinic: unlock.OpenClinic) -> list[Any]:
    from caseplan.services.team.linking import clinic_accounts

    return clinic_accounts(clinic.ctx)


def test_without_the_clinics_accounts_there_is_nothing_to_choose(qtbot: Any) -> None:
    """Meeting mode (a shared screen) and a peer worker give the dialog no accounts: the
    choice is greyed at "No account" and a new member is saved unlinked."""
    dialog = ParticipantDialog(None)
    qtbot.addWidget(dialog)
    dialog.role.setCurrentIndex(dialog.role.findData(ParticipantRole.PEER))
    assert _items(dialog) == ["No account"] and not dialog.account.isEnabled()
    assert dialog.values()["account_id"] is None
