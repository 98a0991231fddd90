"""The overview's peer time pays as the peer hours report pays: an unverified peer's paid
minutes are held, and an imported contribution counts only once a team lead accepts it.

The world: team lead Lea, practitioner Kari, peer worker Sindre (an account). Ola Nordmann's
team has the peer Per Likeperson, with no account and not verified; Kari Nilsen's team has
Sindre, linked to his account. A file imported about "Ida Import" holds a peer's day of paid
time. All people are fictional.
"""

from __future__ import annotations

import re
import uuid
from datetime import date

import pytest

from caseplan.models import Account, ContributionKind, ParticipantRole, Role
from caseplan.services.context import Actor, Context
from caseplan.services.exchange import exchange
from caseplan.services.overview.counts import PeerTime, overview
from caseplan.services.peers import contributions, imported
from caseplan.services.peers.peer_hours import peer_hours
from caseplan.services.people import people
from caseplan.services.plans import plans
from caseplan.services.team import team
from caseplan.storage.database import Database

TODAY = date(2026, 4, 2)
MARCH = (date(2026, 3, 1), date(2026, 3, 31))
APRIL = (date(2026, 4, 1), TODAY)


def _account(ctx: Context, username: str, name: str, role: Role) -> Context:
    with ctx.write() as session:
        account = Account(username=username, display_name=name, role=role)
        session.add(account)
        session.flush()
        actor = Actor(account.id, username, role)
    return Context(ctx.sessions, actor=actor, today=lambda: TODAY)


def _with_peer(
    ctx: Context, person: str, peer: str, account_id: uuid.UUID | None = None
) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID]:
    found = people.create_person(ctx, person)
    plan = plans.open_plan(ctx, found.id, period_start=date(2026, 1, 1))
    plans.update_plan(ctx, plan.id, None, peer_consent_granted_on=date(2026, 1, 1))
    member = team.add_participant(
        ctx, plan.id, ParticipantRole.PEER, peer, account_id=account_id, peer_engagement="paid"
    )
    return found.id, plan.id, member.id


def _fresh_ids(data: bytes) -> bytes:
    """The same document under new ids, as if from another clinic."""
    text = data.decode("utf-8")
    ids = set(re.findall(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", text))
    for old in ids:
        text = text.replace(old, str(uuid.uuid4()))
    return text.encode("utf-8")


def _report(ctx: Context) -> PeerTime:
    """The overview's four figures as the peer hours report gives them."""
    march, april = peer_hours(ctx, *MARCH), peer_hours(ctx, *APRIL)
    return PeerTime(april.minutes, march.minutes, april.paid_minutes, march.paid_minutes)


@pytest.fixture
def lead(db: Database) -> Context:
    system = Context(db.sessions, today=lambda: TODAY)
    lea = _account(system, "lea", "Lea Leder", Role.TEAM_LEAD)
    kari = _account(system, "kari", "Kari Praksis", Role.PRACTITIONER)
    sindre = _account(system, "sindre", "Sindre Berg", Role.PEER_WORKER)
    add = contributions.add_contribution
    _ola, plan, per = _with_peer(system, "Ola Nordmann", "Per Likeperson")
    add(system, plan, per, date(2026, 3, 10), 90, ContributionKind.MEETING, paid_minutes=90)
    add(system, plan, per, date(2026, 4, 1), 60, ContributionKind.MEETING, paid_minutes=60)
    _kari, plan, member = _with_peer(system, "Kari Nilsen", "Sindre Berg", sindre.actor.account_id)
    add(system, plan, member, date(2026, 3, 17), 45, "phone_or_message", paid_minutes=30)
    ida, plan, member = _with_peer(system, "Ida Import", "Ivar Fil")
    add(system, plan, member, date(2026, 3, 20), 1440, "accompaniment", paid_minutes=1440)
    data = _fresh_ids(exchange.export_person(system, ida))
    people.delete_person(lea, ida, None)
    exchange.import_person(kari, data)
    return lea


def test_an_unverified_peers_paid_minutes_are_not_counted_on_the_overview(lead: Context) -> None:
    found = overview(lead).peer_time
    # time counts (the imported day not yet); paid time only Sindre's: Per is not known
    assert found == PeerTime(this_month=60, last_month=135, this_month_paid=0, last_month_paid=30)
    assert found == _report(lead)  # the same rule as the peer hours report
    (per,) = (p for p in peer_hours(lead, *MARCH).peers if p.name == "Per Likeperson")
    assert not per.known and per.held_minutes == 90

    imported.verify_peer(lead, uuid.UUID(per.key.removeprefix("member:")), None)
    found = overview(lead).peer_time
    assert found == PeerTime(this_month=60, last_month=135, this_month_paid=60, last_month_paid=120)
    assert found == _report(lead)


def test_an_imported_contribution_is_held_until_a_team_lead_accepts_it(lead: Context) -> None:
    (waiting,) = imported.waiting(lead, *MARCH)
    assert overview(lead).peer_time.last_month == 135
    imported.accept_imported(lead, waiting.id, waiting.version)
    found = overview(lead).peer_time
    # counted as time now, still held as pay: the imported peer is neither linked nor verified
    assert (found.last_month, found.last_month_paid) == (135 + 1440, 30)
    imported.verify_peer(lead, waiting.peer_id, None)
    assert overview(lead).peer_time.last_month_paid == 30 + 1440
    assert overview(lead).peer_time == _report(lead)
