"""The Team section says whose consent ends within two weeks or has ended, marks them in the
team, and renews a consent with the person ("Renew consent…"). Fictional people."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from caseplan.models import ConsentScope, ParticipantRole
from caseplan.services.context import Context
from caseplan.services.people import people
from caseplan.services.plans import plans
from caseplan.services.team import team
from caseplan.ui.workspace import PersonWorkspace
from caseplan.ui.workspace.consent_renewal import RenewConsentDialog


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
