"""The peer hours dialog lists imported contributions apart; a team lead accepts one, then
verifies who an unknown peer is, and only then is their paid time counted. Fictional people."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QMessageBox

from caseplan.models import Account, ContributionKind, ParticipantRole, Role
from caseplan.services.context import Actor, Context
from caseplan.services.peers import contributions
from caseplan.services.people import people
from caseplan.services.plans import plans
from caseplan.services.team import team
from caseplan.ui.reports import PeerHoursDialog


def test_a_team_lead_accepts_an_imported_day_then_verifies_the_peer(
    qtbot: Any, ctx: Context, monkeypatch: Any
) -> None:
    with ctx.write() as session:
        lead_account = Account(username="lars", display_name="Lars Leder", role=Role.TEAM_LEAD)
        session.add(lead_account)
        session.flush()
        lead = Context(
            ctx.sessions, actor=Actor(lead_account.id, "lars", Role.TEAM_LEAD), today=ctx.today
        )
    person = people.create_person(ctx, "Per Import")
    plan = plans.open_plan(ctx, person.id, period_start=date(2026, 1, 1))
    plans.update_plan(ctx, plan.id, None, peer_consent_granted_on=date(2026, 1, 1))
    peer = team.add_participant(
        ctx, plan.id, ParticipantRole.PEER, "Sindre Berg", peer_engagement="paid"
    )
    for day in (2, 3):
        contributions.add_contribution(
            ctx, plan.id, peer.id, date(2026, 2, day), 1440, ContributionKind.OTHER,
            paid_minutes=1440,
        )  # fmt: skip
    with ctx.write() as session:  # as `caseplan import` leaves them
        from caseplan.models import PeerContribution

        for row in session.query(PeerContribution):
            row.imported_on = date(2026, 3, 1)
            row.imported_by = "Kari Praksis (kari)"
    dialog = PeerHoursDialog(lead)
    qtbot.addWidget(dialog)
    dialog.set_period(date(2026, 2, 1), date(2026, 2, 28))
    assert dialog.model.rowCount() == 0
    panel = dialog.imported
    assert panel.model.rowCount() == 2 and not panel.isHidden()
    assert panel.heading.text().startswith("Imported from a file, waiting for a team lead: 2")
    assert str(panel.model.index(0, 6).data()) == (
        "Imported from a file on 1 Mar 2026 by Kari Praksis (kari)"
    )
    panel.table.selectRow(0)
    panel.accept_button.click()
    assert panel.model.rowCount() == 1
    rows = [
        [str(dialog.model.index(r, c).data()) for c in range(dialog.model.columnCount())]
        for r in range(dialog.model.rowCount())
    ]
    assert rows[0][2] == "No account, not verified: paid time held (1440 minutes)"
    assert rows[0][5:] == ["1", "24:00", "0:00", "0"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.table.selectRow(0)
    assert dialog.verify_button.isEnabled()
    dialog.verify_button.click()
    assert dialog.message.text() == "Sindre Berg is verified; their paid time is counted."
    assert str(dialog.model.index(0, 2).data()) == "No account, verified by a team lead"
    assert str(dialog.model.index(0, 8).data()) == "1440"


def test_the_banner_says_an_imported_version_was_not_agreed_here(qtbot: Any) -> None:
    import uuid

    from caseplan.services.agreement.changes import AgreementState
    from caseplan.ui.widgets.agreement_banner import AgreementBanner

    banner = AgreementBanner()
    qtbot.addWidget(banner)
    state = AgreementState(uuid.uuid4(), 1, date(2026, 2, 1), (), date(2026, 3, 1), "Kari (kari)")
    banner.show_state(state)
    assert banner.headline.text() == (
        "Plan version 1 was imported from a file on 1 Mar 2026 by Kari (kari): it was not "
        "agreed here."
    )
    banner.show_state(AgreementState(uuid.uuid4(), 1, date(2026, 2, 1)))
    assert banner.headline.text() == "Agreed: plan version 1, agreed 1 Feb 2026."
