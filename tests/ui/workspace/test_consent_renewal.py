"""The Team section says whose consent ends within two weeks or has ended, marks them in the
team, and renews a consent with the person ("Renew consent…"). Fictional people."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from caseplan.models import AuditEvent, ConsentScope, ParticipantRole
from caseplan.services.context import Context
from caseplan.services.crisis import crisis
from caseplan.services.people import people
from caseplan.services.plans import plans
from caseplan.services.team import team
from caseplan.ui.printing.preview import PlanPreviewDialog
from caseplan.ui.workspace import PersonWorkspace
from caseplan.ui.workspace.consent_renewal import RenewConsentDialog
from tests.reports.pdftools import pdf_text, squeeze


def test_ending_and_ended_consents_are_said_and_a_consent_is_renewed(
    qtbot: Any, ctx: Context, today: date
) -> None:
    person = people.create_person(ctx, "Kari Nordmann", preferred_name="Kari")
    plan = plans.open_plan(ctx, person.id, period_start=today - timedelta(days=200))
    team.add_participant(ctx, plan.id, ParticipantRole.PERSON, "Kari Nordmann")
    since = today - timedelta(days=180)
    nav = team.add_participant(
        ctx, plan.id, ParticipantRole.SERVICE, "NAV Sentrum", consent_scope="crisis_plan",
        consent_granted_on=since, consent_expires_on=today + timedelta(days=14),
    )  # fmt: skip
    team.add_participant(
        ctx, plan.id, ParticipantRole.NETWORK, "Anne Nordmann", consent_scope="full_plan",
        consent_granted_on=since, consent_expires_on=today - timedelta(days=3),
    )  # fmt: skip
    ws = PersonWorkspace(ctx, person.id)
    qtbot.addWidget(ws)
    ws.resize(1100, 760)
    ws.show()
    qtbot.waitExposed(ws)
    section = ws.team
    notice = section.consent_notice.text()
    assert "NAV Sentrum: consent ends in 14 days" in notice
    assert "Anne Nordmann: consent ended on" in notice and "see nothing" in notice
    assert not section.consent_notice.isHidden()
    consents = [str(section.model.index(r, 4).data()) for r in range(section.model.rowCount())]
    assert consents[1].endswith("ends in 14 days") and consents[2].endswith("ENDED: no access")

    section.table.selectRow(1)
    section.renew_button.click()
    dialog = section.renew_dialog
    assert isinstance(dialog, RenewConsentDialog)
    assert (
        "Ask Kari: may NAV Sentrum see the plan"
        in dialog.findChildren(type(section.consent_notice))[0].text()
    )
    dialog.scope.setCurrentIndex(dialog.scope.findData(ConsentScope.OWN_PART))
    dialog.until.set_value(today + timedelta(days=365))
    dialog.accept()
    qtbot.waitUntil(lambda: "NAV Sentrum" not in section.consent_notice.text())
    renewed = team.get_participant(ctx, nav.id)
    assert (renewed.consent_scope, renewed.consent_granted_on, renewed.consent_expires_on) == (
        ConsentScope.OWN_PART,
        today,
        today + timedelta(days=365),
    )
    assert "Anne Nordmann: consent ended" in section.consent_notice.text()


def test_a_copy_for_a_team_member_is_printed_from_the_team_and_refused_when_consent_ended(
    qtbot: Any, ctx: Context, today: date, tmp_path: Path
) -> None:
    person = people.create_person(ctx, "Kari Nordmann", preferred_name="Kari")
    plan = plans.open_plan(ctx, person.id, period_start=today - timedelta(days=200))
    team.add_participant(ctx, plan.id, ParticipantRole.PERSON, "Kari Nordmann")
    since = today - timedelta(days=180)
    team.add_participant(
        ctx, plan.id, ParticipantRole.SERVICE, "NAV Sentrum", consent_scope="crisis_plan",
        consent_granted_on=since, consent_expires_on=today + timedelta(days=14),
    )  # fmt: skip
    team.add_participant(
        ctx, plan.id, ParticipantRole.NETWORK, "Anne Nordmann", consent_scope="full_plan",
        consent_granted_on=since, consent_expires_on=today - timedelta(days=3),
    )  # fmt: skip
    crisis.save_crisis_plan(ctx, plan.id, None, warning_signs="Jeg sover dårlig")
    ws = PersonWorkspace(ctx, person.id)
    qtbot.addWidget(ws)
    ws.resize(1100, 760)
    ws.show()
    qtbot.waitExposed(ws)
    section = ws.team
    ws.show_section(ws.sections.index(section))

    section.table.selectRow(2)  # Anne: her consent ended three days ago
    section.copy_button.click()
    assert section.copy_dialog is None
    assert ws.message.text() == (
        "Anne Nordmann has no valid consent to see this plan (none given, or it has ended), "
        "so no copy can be made for them."
    )
    with ctx.read() as session:  # the refusal is kept in the audit trail
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
        assert last is not None and (last.action, last.entity) == ("refused", "print_plan")
    section.table.selectRow(0)  # the person herself
    section.copy_button.click()
    assert section.copy_dialog is None and ws.message.text().startswith("Kari Nordmann is the")

    section.table.selectRow(1)  # NAV: the crisis plan only
    section.copy_button.click()  # Print their cop&y…
    dialog = section.copy_dialog
    assert isinstance(dialog, PlanPreviewDialog) and dialog.isVisible()
    assert ws.message.isHidden()
    assert dialog.windowTitle() == "A copy for NAV Sentrum" and not dialog.kind.isEnabled()
    saved = tmp_path / "copy.pdf"
    dialog.choose_path = lambda *_args: saved
    dialog.save_button.click()
    assert "not encrypted" in dialog.message.text()
    text = squeeze(pdf_text(saved))
    assert squeeze("Kopi til NAV Sentrum: bare kriseplanen") in text  # Kari's bokmål
    assert squeeze("Jeg sover dårlig") in text and squeeze("Ikke med i denne kopien") in text
    assert squeeze("Ikke skrevet ennå") not in text
    with ctx.read() as session:
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
        assert last is not None and last.action == "print"
        assert last.detail.endswith("copy for a team member (crisis_plan)")
