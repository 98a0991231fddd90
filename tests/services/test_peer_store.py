"""Peer stores: built from the role × action table, and what a peer writes merged back once."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from sqlalchemy import func, select

from caseplan.models import (
    AuditEvent,
    Base,
    ConsentScope,
    Participant,
    PeerContribution,
    Person,
    Step,
)
from caseplan.services.clinic import peer_store, unlock
from caseplan.services.context import Context
from caseplan.services.peers.contributions import add_contribution, update_contribution
from caseplan.services.plans.goals import update_step
from caseplan.storage import keyfile, keys
from caseplan.storage.location import Location, resolve
from caseplan.storage.secret import Secret
from tests.security.test_files_and_one_password import PASSWORDS, Clinic
from tests.security.test_files_and_one_password import clinic as clinic  # the fixture

PEER = PASSWORDS["sindre"]


def test_every_table_has_a_place_in_a_peer_store() -> None:
    """A new table must be placed (copied per person, the own account, settings, or left
    out) before a peer store can be built: nothing reaches a peer by accident."""
    placed = set(peer_store.PER_PERSON) | {peer_store.OWN_ACCOUNT, peer_store.SETTINGS}
    assert placed | peer_store.LEFT_OUT == set(Base.metadata.tables)
    assert not placed & peer_store.LEFT_OUT


def _where(clinic: Clinic) -> Location:
    return resolve(str(clinic.database))


def _count(where: Location, model: type, *conditions: object) -> int:
    staff = unlock.sign_in(where, "lars", PASSWORDS["lars"])
    with staff.ctx.read() as session:
        found = session.scalar(select(func.count()).select_from(model).where(*conditions))
    staff.close()
    return int(found or 0)


def test_a_peers_note_change_and_audit_rows_reach_the_clinic_database(clinic: Clinic) -> None:
    where = _where(clinic)
    peer = unlock.sign_in(where, "sindre", PEER)
    added = add_contribution(
        peer.ctx, clinic.ola_plan, clinic.sindre_on_ola, date(2026, 3, 2), 30, "meeting", "Først"
    )
    update_contribution(peer.ctx, added.id, added.version, note="Møtte Ola på kafé")
    peer.close()
    assert _count(where, PeerContribution, PeerContribution.note == "Møtte Ola på kafé") == 1
    assert _count(where, PeerContribution, PeerContribution.note == "Først") == 0
    staff = unlock.sign_in(where, "lars", PASSWORDS["lars"])
    with staff.ctx.read() as session:
        rows = session.scalars(select(AuditEvent).where(AuditEvent.account == "sindre")).all()
    staff.close()
    assert any(r.action == "sign_in" and "peer's own store" in r.detail for r in rows)
    assert any(r.action == "create" and r.entity == "peer_contribution" for r in rows)


@contextmanager
def _clinic_database_without_a_merge(clinic: Clinic) -> Iterator[Context]:
    """The clinic database opened with a staff key but no sign-in (so no merge runs)."""
    current = keyfile.load(keys.keys_path(clinic.database))
    staff_key = keys.open_grant(current, keys.unlock_account(current, "kari", PASSWORDS["kari"]))
    assert staff_key is not None
    opened = unlock.open_with_key(_where(clinic), Secret(staff_key))
    try:
        yield Context(opened.database.sessions)
    finally:
        opened.database.close()


def _refusals(where: Location) -> list[AuditEvent]:
    staff = unlock.sign_in(where, "lars", PASSWORDS["lars"])
    with staff.ctx.read() as session:
        refused = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "peer_change_refused")
        ).all()
    staff.close()
    return list(refused)


def test_a_change_someone_else_made_meanwhile_wins_and_the_refusal_is_audited(
    clinic: Clinic,
) -> None:
    where = _where(clinic)
    peer = unlock.sign_in(where, "sindre", PEER)
    update_step(peer.ctx, clinic.sindre_step, None, action="Sindre sin endring")
    peer.close()
    with _clinic_database_without_a_merge(clinic) as ctx, ctx.write() as session:
        session.get(Step, clinic.sindre_step).action = "Kari sin endring"
    refused = _refusals(where)  # this sign-in merges the peer's store
    assert [(r.account, r.entity, r.detail) for r in refused] == [
        ("sindre", "step", "action not applied: changed by someone else meanwhile")
    ]
    staff = unlock.sign_in(where, "lars", PASSWORDS["lars"])
    with staff.ctx.read() as session:
        assert session.get(Step, clinic.sindre_step).action == "Kari sin endring"
    staff.close()


def test_consent_withdrawn_before_the_merge_refuses_the_peers_contribution(
    clinic: Clinic,
) -> None:
    where = _where(clinic)
    peer = unlock.sign_in(where, "sindre", PEER)
    add_contribution(
        peer.ctx,
        clinic.ola_plan,
        clinic.sindre_on_ola,
        date(2026, 3, 3),
        20,
        "phone_or_message",
        "Etter samtykket",
    )
    peer.close()
    # Meanwhile the consent ends in the clinic database (no merge has run yet).
    with _clinic_database_without_a_merge(clinic) as ctx, ctx.write() as session:
        session.get(Participant, clinic.sindre_on_ola).consent_scope = ConsentScope.NONE
    assert _count(where, PeerContribution, PeerContribution.note == "Etter samtykket") == 0
    refused = _refusals(where)
    assert [(r.account, r.entity) for r in refused] == [("sindre", "contribution")]
    assert refused[0].detail.startswith("added not applied: ")
    # And Ola has left the peer's store.
    peer = unlock.sign_in(where, "sindre", PEER)
    with peer.ctx.read() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 0
    peer.close()


def test_a_store_whose_commit_was_lost_is_never_merged_twice(clinic: Clinic) -> None:
    """As if the clinic database committed the merge and the store's commit was lost."""
    where = _where(clinic)
    peer = unlock.sign_in(where, "sindre", PEER)
    add_contribution(
        peer.ctx,
        clinic.ola_plan,
        clinic.sindre_on_ola,
        date(2026, 3, 4),
        15,
        "accompaniment",
        "Én gang",
    )
    store = peer.database.location.path
    peer.close()
    assert store is not None
    kept = {p: p.read_bytes() for p in store.parent.iterdir() if p.name.startswith(store.name)}
    assert _count(where, PeerContribution, PeerContribution.note == "Én gang") == 1
    for path in list(store.parent.iterdir()):
        if path.name.startswith(store.name):
            path.unlink()
    for path, data in kept.items():
        path.write_bytes(data)  # the store as it was before the merge, journal and all
    assert _count(where, PeerContribution, PeerContribution.note == "Én gang") == 1


def test_a_peers_store_holds_only_what_their_consent_covers(clinic: Clinic) -> None:
    """Consent for "their own part only": the peer's own encrypted store holds their step
    and its goal, but no other goal, no meeting, no agreed version and no "about me" words
    (what someone holding the store and the peer's password could read)."""
    from caseplan.models import CrisisPlan, Goal, Meeting, PlanVersion
    from caseplan.services.plans.goals import add_goal
    from caseplan.services.team.team import get_participant, update_participant

    where = _where(clinic)
    lead = unlock.sign_in(where, "lars", PASSWORDS["lars"])
    member = get_participant(lead.ctx, clinic.sindre_on_ola)
    update_participant(lead.ctx, member.id, member.version, consent_scope=ConsentScope.OWN_PART)
    add_goal(lead.ctx, clinic.ola_plan, "leisure", "Gå på fotballkamp med broren min")
    lead.close()
    lead = unlock.sign_in(where, "lars", PASSWORDS["lars"])  # a staff session rebuilds stores
    with lead.ctx.read() as session:
        assert session.scalar(select(func.count()).select_from(Goal)) > 1
        assert session.scalar(select(func.count()).select_from(Meeting)) > 0
    lead.close()
    peer = unlock.sign_in(where, "sindre", PEER)
    with peer.ctx.read() as session:  # the store's own rows, not a service's answer
        goals = session.scalars(select(Goal.own_words)).all()
        steps = session.scalars(select(Step.responsible_id)).all()
        words = session.scalars(select(Person.what_matters)).all()
        meetings = session.scalar(select(func.count()).select_from(Meeting))
        versions = session.scalar(select(func.count()).select_from(PlanVersion))
        crisis = session.scalar(select(func.count()).select_from(CrisisPlan))
    peer.close()
    assert goals == ["Ola Nordmann: egen bolig"]
    assert steps == [clinic.sindre_on_ola]
    assert words == [""]
    assert (meetings, versions, crisis) == (0, 0, 0)
