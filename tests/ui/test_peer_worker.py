"""A peer worker signs in: sees only the people who consented, records their own support,
and never sees a worker's note anywhere on screen. All people are fictional."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from sqlalchemy import select

from caseplan.models import Account, ConsentScope, LifeDomain, ParticipantRole, Role
from caseplan.services.clinic import unlock
from caseplan.services.clinic.unlock import NewAccount, OpenClinic
from caseplan.services.meetings import meetings
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.services.team import team
from caseplan.storage.location import Location
from caseplan.ui.main_window import MainWindow
from caseplan.ui.workspace.peer import ContributionDialog, PeerSection
from tests.ui.conftest import CHEAP_KDF

SECRET = "WORKER-SECRET"
PEER_PASSWORD = "siv password 1"


def _person_with_siv(ws: OpenClinic, name: str, siv: uuid.UUID, consent: bool) -> uuid.UUID:
    ctx = ws.ctx
    person = people.create_person(ctx, name)
    plan = plans.open_plan(ctx, person.id, period_start=date(2026, 1, 1))
    plans.update_plan(ctx, plan.id, None, peer_consent_granted_on=date(2026, 1, 1))
    me = team.add_participant(ctx, plan.id, ParticipantRole.PERSON, name)
    peer = team.add_participant(
        ctx, plan.id, ParticipantRole.PEER, "Siv Peer", account_id=siv,
        consent_scope=ConsentScope.FULL_PLAN, phone="900 11 222",
        offers="Har vært gjennom LAR", availability="Hverdager 9–15", peer_engagement="paid",
    )  # fmt: skip
    goal = goals.add_goal(
        ctx, plan.id, LifeDomain.LEISURE, "Gå tur i skogen", worker_note=f"{SECRET} goal"
    )
    goals.add_step(
        ctx, goal.id, "Gå tur hver lørdag", responsible_id=peer.id, worker_note=f"{SECRET} step"
    )
    meetings.add_meeting(
        ctx, plan.id, date(2026, 2, 1), attendee_ids=[me.id, peer.id],
        shared_notes="Vi ble enige om turene", worker_note=f"{SECRET} meeting",
    )  # fmt: skip
    if not consent:  # the person withdrew consent to peer involvement
        plans.update_plan(ctx, plan.id, None, peer_consent_granted_on=None)
    return person.id


def _account_id(ws: OpenClinic, username: str) -> uuid.UUID:
    with ws.ctx.read() as session:
        return session.scalars(select(Account.id).where(Account.username == username)).one()


@pytest.fixture
def peer_ws(new_location: Location) -> Iterator[tuple[OpenClinic, uuid.UUID]]:
    admin = NewAccount("root", "Clinic Administrator", Role.ADMIN, "admin password 1")
    lead = NewAccount("lea", "Lea Leder", Role.TEAM_LEAD, "lea password 1")
    siv = NewAccount("siv", "Siv Peer", Role.PEER_WORKER, PEER_PASSWORD)
    created, _recovery = unlock.create_clinic(new_location, admin, more=[lead, siv], kdf=CHEAP_KDF)
    created.close()
    as_lead = unlock.sign_in(new_location, "lea", "lea password 1")
    try:
        siv_id = _account_id(as_lead, "siv")
        kari = _person_with_siv(as_lead, "Kari Nordmann", siv_id, consent=True)
        _person_with_siv(as_lead, "Ola Uten Samtykke", siv_id, consent=False)
        people.create_person(as_lead.ctx, "Åse Ikke På Teamet")
    finally:
        as_lead.close()
    workspace = unlock.sign_in(new_location, "siv", PEER_PASSWORD)
    yield workspace, kari
    workspace.close()


def _texts(root: QWidget) -> list[str]:
    """Every text a person can see in ``root``: labels, fields, buttons, lists and tables."""
    out: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            out.append(widget.text())
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            out.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            out += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount()):
                for col in range(model.columnCount()):
                    out.append(str(model.index(row, col).data() or ""))
        out.append(widget.toolTip())
    return out


def test_a_peer_worker_sees_consented_people_records_support_and_no_worker_notes(
    qtbot: Any, peer_ws: tuple[OpenClinic, uuid.UUID], settings: QSettings
) -> None:
    workspace, kari = peer_ws
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.caseload is not None
    model = window.caseload.table.model()
    names = [str(model.index(row, 0).data()) for row in range(model.rowCount())]
    assert names == ["Kari Nordmann"]  # not Ola (no consent), not Åse (not on the team)

    window.caseload.table.setCurrentIndex(model.index(0, 0))
    window.caseload.table.activated.emit(model.index(0, 0))
    person = window.person_workspace
    assert person is not None and person.person_id == kari
    section: PeerSection = person.peer
    person.show_section(person.sections.index(section))
    qtbot.waitExposed(section)
    shown = "\n".join(_texts(section))
    for expected in ("Siv Peer", "Har vært gjennom LAR", "900 11 222 · Hverdager 9–15",
                     "Paid by the service", "Gå tur hver lørdag", "Gå tur i skogen"):  # fmt: skip
        assert expected in shown, expected
    assert "Meetings with a peer present:" in section.met.text()

    assert section.add_button.isEnabled()
    section.add_button.click()
    dialog = section.dialog
    assert isinstance(dialog, ContributionDialog)
    assert dialog.peer.count() == 1 and dialog.peer.itemText(0).startswith("Siv Peer")
    dialog.minutes.setValue(75)
    dialog.note.setText("Vi gikk til Storvatnet sammen")
    dialog.paid.setValue(60)
    dialog.accept()
    qtbot.waitUntil(lambda: section.model.rowCount() == 1)
    row = [str(section.model.index(0, c).data()) for c in range(section.model.columnCount())]
    assert row[1:] == ["Siv Peer", "75", "Meeting", "Vi gikk til Storvatnet sammen", "60"]
    assert section.total.text() == "In total 75 minutes, 60 of them paid"

    for number in range(len(person.sections)):  # every section, every visible text
        person.show_section(number)
        qtbot.wait(10)
        assert not [t for t in _texts(window) if SECRET in t], person.section_names[number]

    goals_section = person.goals
    person.show_section(person.sections.index(goals_section))
    assert goals_section.empty.text() == "Choose a goal or a step to see it."  # no "add" offered


def test_a_peer_workers_window_names_the_clinics_database_not_their_store(
    qtbot: Any, peer_ws: tuple[OpenClinic, uuid.UUID], settings: QSettings
) -> None:
    workspace, _kari = peer_ws
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    window.show()
    shown = window.database_label.text()
    if workspace.database.location.path is None:
        pytest.skip("a server has no peer stores")
    clinic = workspace.database.location.path.parent.parent / "caseplan.db"
    assert shown == f"Database: {clinic}"
    assert ".peers" not in shown and workspace.peer_store not in shown
