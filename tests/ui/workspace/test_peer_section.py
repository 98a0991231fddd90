"""The Team section edits the peer profile and the consent to peer involvement; the Peer
support section shows the peers, what we do together, and the log. Fictional people."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest

from caseplan.models import LifeDomain, ParticipantRole, PeerEngagement
from caseplan.services.context import Context
from caseplan.services.meetings import meetings
from caseplan.services.peers import contributions
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.services.team import team
from caseplan.ui.reports import PeerHoursDialog
from caseplan.ui.workspace import PersonWorkspace
from caseplan.ui.workspace.member_dialogs import ParticipantDialog, PeerConsentDialog
from tests.support import verify_peer

NO_CONSENT = "The person has not consented to peer involvement, so no peer can join the team."


@pytest.fixture
def person(ctx: Context) -> tuple[uuid.UUID, uuid.UUID]:
    person = people.create_person(ctx, "Kari Nordmann")
    plan = plans.open_plan(ctx, person.id, period_start=date(2026, 1, 1))
    team.add_participant(ctx, plan.id, ParticipantRole.PERSON, "Kari Nordmann")
    return person.id, plan.id


def _workspace(qtbot: Any, ctx: Context, person_id: uuid.UUID) -> PersonWorkspace:
    widget = PersonWorkspace(ctx, person_id)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_team_section_records_peer_consent_then_a_peer_with_their_profile(
    qtbot: Any, ctx: Context, person: tuple[uuid.UUID, uuid.UUID]
) -> None:
    person_id, plan_id = person
    ws = _workspace(qtbot, ctx, person_id)
    section = ws.team
    assert section.peer_consent.text() == (
        "Consent to peer involvement: not given. No peer can join the team."
    )
    dialog = ParticipantDialog(None, section)
    dialog.role.setCurrentIndex(dialog.role.findData(ParticipantRole.NETWORK))
    assert not dialog.offers.isEnabled() and not dialog.engagement.isEnabled()
    dialog.role.setCurrentIndex(dialog.role.findData(ParticipantRole.PEER))
    assert dialog.offers.isEnabled() and dialog.availability.isEnabled()
    dialog.name.setText("Máret Sara")
    dialog.offers.setPlainText("Å være forelder")
    dialog.availability.setText("Kvelder")
    dialog.engagement.setCurrentIndex(dialog.engagement.findData(PeerEngagement.VOLUNTEER))
    values = dialog.values()
    section._save(None, values)  # refused: no consent yet
    assert ws.message.text() == NO_CONSENT
    assert team.list_participants(ctx, plan_id)[-1].name == "Kari Nordmann"

    section.start_peer_consent()
    consent = section.consent_dialog
    assert isinstance(consent, PeerConsentDialog)
    consent.granted.set_value(date(2026, 3, 1))
    consent.expires.set_value(date(2026, 12, 31))
    consent.accept()
    qtbot.waitUntil(lambda: "until" in section.peer_consent.text())
    assert plans.get_plan(ctx, plan_id).peer_consent_granted_on == date(2026, 3, 1)
    section._save(None, values)
    qtbot.waitUntil(lambda: section.model.rowCount() == 2)
    peer = team.list_participants(ctx, plan_id)[-1]
    assert (peer.offers, peer.availability, peer.peer_engagement) == (
        "Å være forelder",
        "Kvelder",
        PeerEngagement.VOLUNTEER,
    )
    assert str(section.model.index(1, 0).data()) == "Peer · Volunteer"


def test_peer_support_shows_peers_what_we_do_together_and_meetings(
    qtbot: Any, ctx: Context, person: tuple[uuid.UUID, uuid.UUID]
) -> None:
    person_id, plan_id = person
    plans.update_plan(ctx, plan_id, None, peer_consent_granted_on=date(2026, 1, 1))
    peer = team.add_participant(
        ctx, plan_id, ParticipantRole.PEER, "Máret Sara", phone="900 00 001",
        organisation="Likepersonsenteret", offers="Har vært gjennom LAR",
        availability="Hverdager", peer_engagement="paid",
    )  # fmt: skip
    goal = goals.add_goal(ctx, plan_id, LifeDomain.HOUSING, "Egen leilighet")
    goals.add_step(ctx, goal.id, "Se på leiligheter sammen", responsible_id=peer.id)
    goals.add_step(ctx, goal.id, "Søke bostøtte")  # nobody's: not listed
    meetings.add_meeting(ctx, plan_id, date(2026, 2, 3), attendee_ids=[peer.id])
    contributions.add_contribution(
        ctx, plan_id, peer.id, date(2026, 2, 3), 90, "meeting", "Fint", 60
    )
    ws = _workspace(qtbot, ctx, person_id)
    section = ws.peer
    peers = [
        str(section.peer_model.index(0, c).data()) for c in range(section.peer_model.columnCount())
    ]
    assert peers == [
        "Máret Sara",
        "Likepersonsenteret",
        "Har vært gjennom LAR",
        "900 00 001 · Hverdager",
        "Paid by the service",
    ]
    together = [str(section.together_model.index(r, 0).data()) for r in range(2)]
    assert together == ["Housing: Egen leilighet", "    • Se på leiligheter sammen"]
    assert section.together_model.rowCount() == 2
    assert str(section.together_model.index(1, 1).data()) == "Máret Sara"
    assert section.met.text().startswith("Meetings with a peer present: 3 Feb 2026")
    assert section.total.text() == (  # Máret has no account and is not verified yet
        "In total 90 minutes, 60 of them paid (60 held until a team lead verifies the peer)"
    )
    assert "consented to peer involvement on 1 Jan 2026" in section.consent.text()


def test_the_peer_hours_dialog_shows_the_numbers_and_refuses_a_backwards_period(
    qtbot: Any, ctx: Context, person: tuple[uuid.UUID, uuid.UUID], tmp_path: Any
) -> None:
    _person_id, plan_id = person
    plans.update_plan(ctx, plan_id, None, peer_consent_granted_on=date(2026, 1, 1))
    peer = team.add_participant(ctx, plan_id, ParticipantRole.PEER, "Máret Sara")
    verify_peer(ctx, peer.id)
    for day, minutes, paid in ((1, 95, 95), (20, 50, 45)):
        contributions.add_contribution(
            ctx, plan_id, peer.id, date(2026, 2, day), minutes, "group", "", paid
        )
    dialog = PeerHoursDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.set_period(date(2026, 2, 1), date(2026, 2, 28))
    rows = [
        [str(dialog.model.index(r, c).data()) for c in range(dialog.model.columnCount())]
        for r in range(dialog.model.rowCount())
    ]
    assert rows[0][2] == "No account, verified by a team lead"
    assert rows[0][4:] == ["Kari Nordmann", "2", "2:25", "2:20", "140"]
    assert rows[-1][4:] == ["People supported: 1", "2", "2:25", "2:20", "140"]
    assert dialog.summary.text().startswith("Peers: 1 · People supported: 1 · Contributions: 2")
    assert dialog.save(tmp_path / "h.csv", "csv") and (tmp_path / "h.csv").read_bytes()
    assert dialog.message.text() == (
        f"Saved to {tmp_path / 'h.csv'}. The file is not encrypted: keep it safe, and delete "
        "it when it is no longer needed."
    )
    dialog.set_period(date(2026, 2, 28), date(2026, 2, 1))
    assert dialog.summary.text() == "The period cannot end before it starts."
    assert dialog.model.rowCount() == 0 and not dialog.pdf_button.isEnabled()


HELD = (
    "Máret Sara is not linked to an account or verified by a team lead, so paid minutes are "
    "held, not paid, until a team lead verifies who they are."
)


def test_paid_minutes_for_an_unknown_peer_are_said_to_be_held_when_entered(
    qtbot: Any, ctx: Context, person: tuple[uuid.UUID, uuid.UUID]
) -> None:
    """A peer with no account whom no team lead has verified: "paid" is recorded as held,
    and the dialog says so as the minutes are typed, before OK, not only on payday."""
    person_id, plan_id = person
    plans.update_plan(ctx, plan_id, None, peer_consent_granted_on=date(2026, 1, 1))
    team.add_participant(ctx, plan_id, ParticipantRole.PEER, "Máret Sara")
    ws = _workspace(qtbot, ctx, person_id)
    section = ws.peer
    ws.show_section(ws.sections.index(section))
    section.add_button.click()
    dialog = section.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.held.isHidden()  # nothing paid yet, nothing to say
    dialog.minutes.setValue(90)
    dialog.paid.setValue(60)
    assert not dialog.held.isHidden() and dialog.held.text() == HELD
    dialog.accept()
    qtbot.waitUntil(lambda: section.model.rowCount() == 1)
    assert str(section.model.index(0, 5).data()) == "60 (held)"
    report = PeerHoursDialog(ctx)
    qtbot.addWidget(report)
    report.set_period(date(2026, 1, 1), date(2026, 12, 31))
    assert report.report is not None
    (counted,) = report.report.peers
    assert (counted.paid_minutes, counted.held_minutes) == (0, 60)

    peer_id = team.list_participants(ctx, plan_id)[-1].id
    verify_peer(ctx, peer_id)  # as a team lead does, having checked who she is
    ws.reload()
    qtbot.waitUntil(lambda: str(section.model.index(0, 5).data()) == "60")
    section.add_button.click()
    again = section.dialog
    assert again is not None and again is not dialog
    again.peer.setCurrentIndex(again.peers.row_of(peer_id))
    again.paid.setValue(30)
    assert again.held.isHidden()  # a verified peer's paid minutes are paid
    again.reject()
