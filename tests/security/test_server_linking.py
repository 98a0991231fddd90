"""Team mode: a practitioner's own login can choose a peer worker's account for a peer on the
team (migration 0016), and the peer worker's own login then sees that person as their
consent says; no login learns anything secret about another account.
"""

from __future__ import annotations

from datetime import date

import pytest

from caseplan.models import ConsentScope, LifeDomain, ParticipantRole, Role
from caseplan.services.clinic import unlock
from caseplan.services.people import people
from caseplan.services.people.people import list_people
from caseplan.services.plans import goals, plans
from caseplan.services.plans.plan_view import load_plan_view
from caseplan.services.printing import printing
from caseplan.services.team import linking, team
from tests.security.test_files_and_one_password import PASSWORDS
from tests.security.test_server_roles import Server, _connect, _denied
from tests.security.test_server_roles import server as server  # the fixture

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.parametrize("location", ["postgres"], indirect=True),
]


def test_a_practitioners_login_links_a_peer_and_the_peers_login_sees_their_part(
    server: Server,
) -> None:
    names = server.names
    kari = unlock.sign_in(server.accounts, names["kari"], PASSWORDS["kari"])
    try:
        every = linking.clinic_accounts(kari.ctx)
        assert {a.username: a.role for a in every} == {
            names["tone"]: Role.ADMIN,
            names["kari"]: Role.PRACTITIONER,
            names["lars"]: Role.TEAM_LEAD,
            names["sindre"]: Role.PEER_WORKER,
            names["siri"]: Role.PEER_WORKER,
        }
        peers = linking.linkable_accounts(every, ParticipantRole.PEER)
        assert sorted(a.username for a in peers) == sorted([names["sindre"], names["siri"]])
        sindre = next(a for a in peers if a.username == names["sindre"])
        person = people.create_person(kari.ctx, "Mona Lenket")
        plan = plans.get_open_plan(kari.ctx, person.id)
        assert plan is not None
        plans.update_plan(kari.ctx, plan.id, None, peer_consent_granted_on=date(2026, 1, 1))
        member = team.add_participant(
            kari.ctx, plan.id, ParticipantRole.PEER, "Sindre fra brukerorganisasjonen",
            account_id=sindre.id, consent_scope=ConsentScope.OWN_PART,
            consent_granted_on=date(2026, 1, 1),
        )  # fmt: skip
        goal = goals.add_goal(kari.ctx, plan.id, LifeDomain.HOUSING, "Et trygt sted å bo")
        goals.add_step(kari.ctx, goal.id, "Følge Mona til boligkontoret", responsible_id=member.id)
        goals.add_goal(kari.ctx, plan.id, LifeDomain.LEISURE, "Begynne å svømme igjen")
    finally:
        kari.close()
    peer = unlock.sign_in(server.accounts, names["sindre"], PASSWORDS["sindre"])
    try:
        assert "Mona Lenket" in [p.full_name for p in list_people(peer.ctx)]
        view = load_plan_view(peer.ctx, person.id)
        assert view is not None
        assert [(g.own_words, [s.action for s in g.steps]) for g in view.goals] == [
            ("Et trygt sted å bo", ["Følge Mona til boligkontoret"])
        ]
    finally:
        peer.close()


def test_the_account_list_on_the_server_holds_no_secret_and_no_peer_reads_it(
    server: Server,
) -> None:
    kari = _connect(server, "kari")
    cursor = kari.execute("SELECT * FROM caseplan_account_directory()")
    assert [column.name for column in cursor.description or ()] == [
        "id", "username", "display_name", "role", "active",
    ]  # fmt: skip
    assert len(cursor.fetchall()) == 5
    # the table itself still shows Kari only her own row
    assert kari.execute("SELECT count(*) FROM accounts").fetchone() == (1,)
    kari.close()
    for who in ("sindre", "siri"):
        peer = _connect(server, who)
        assert _denied(peer, "SELECT * FROM caseplan_account_directory()"), who
        peer.close()


def test_a_team_leads_login_gives_a_new_person_to_a_practitioner(server: Server) -> None:
    """It said "There is no practitioner account called kari_…": the login saw no account."""
    from caseplan.services.people.first_plan import find_practitioner

    lars = unlock.sign_in(server.accounts, server.names["lars"], PASSWORDS["lars"])
    try:
        # the choice of practitioner (new person, print-due) lists them from the directory
        assert [p.username for p in printing.practitioners(lars.ctx)] == [server.names["kari"]]
        kari = find_practitioner(lars.ctx, server.names["kari"])
        person = people.create_person(lars.ctx, "Nora Ny", practitioner_id=kari, with_plan=True)
        plan = plans.get_open_plan(lars.ctx, person.id)
        assert plan is not None
        (member,) = [m for m in team.list_participants(lars.ctx, plan.id) if m.account_id]
        assert (member.account_id, member.name) == (kari, "Kari")
    finally:
        lars.close()
