"""The person's team: who takes part, how to reach them, and the person's consent to share.

A peer (role ``peer``) also has what they offer, when they can be reached, and whether
their time is paid by the service or volunteered. No one joins the team as a peer unless
the plan holds the person's valid consent to peer involvement (see
:func:`caseplan.services.plans.plans.update_plan`).

A team member may be linked to an account (``account_id``): that is what puts the
account on the person's team, and so what lets a practitioner or a consenting peer
worker open the plan.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypedDict, Unpack

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseplan.errors import InvalidInput, tr_noop
from caseplan.models import (
    ConsentScope,
    Meeting,
    Participant,
    ParticipantRole,
    PeerContribution,
    PeerEngagement,
    Plan,
    ReviewRating,
    Step,
    meeting_attendees,
)
from caseplan.services.context import Context, check_version
from caseplan.services.security import audit
from caseplan.services.security.access import Action
from caseplan.services.shared import (
    as_enum,
    check_permutation,
    check_unknown,
    delete_record,
    load,
    load_plan,
    reading,
    record,
    record_change,
    record_view,
    require,
    require_text,
    set_fields,
    set_positions,
)
from caseplan.services.team import linking
from caseplan.services.team.consent import NO_PEER_CONSENT, peer_consent_valid


@dataclass(frozen=True)
class ParticipantDetails:
    """One member of the person's team."""

    id: uuid.UUID
    version: int
    plan_id: uuid.UUID
    role: ParticipantRole
    name: str
    organisation: str = ""
    phone: str = ""
    email: str = ""
    consent_granted_on: date | None = None
    consent_expires_on: date | None = None
    consent_scope: ConsentScope = ConsentScope.NONE
    position: int = 0
    #: the account of this team member, if they sign in to Caseplan
    account_id: uuid.UUID | None = None
    #: for a peer: what they offer, in their own words ("has been through LAR")
    offers: str = ""
    #: for a peer: when they can be reached ("weekdays 9–15")
    availability: str = ""
    #: for a peer: paid by the service or a volunteer
    peer_engagement: PeerEngagement = PeerEngagement.NONE
    #: for a peer without an account: when a team lead verified who they are
    peer_verified_on: date | None = None


class ParticipantFields(TypedDict, total=False):
    """What :func:`add_participant` takes besides the role and the name."""

    organisation: str
    phone: str
    email: str
    consent_granted_on: date | None
    consent_expires_on: date | None
    consent_scope: ConsentScope | str
    account_id: uuid.UUID | None
    offers: str
    availability: str
    peer_engagement: PeerEngagement | str


class ParticipantChanges(ParticipantFields, total=False):
    """What :func:`update_participant` may change."""

    role: ParticipantRole | str
    name: str


EDITABLE = (
    "role",
    "name",
    "organisation",
    "phone",
    "email",
    "consent_granted_on",
    "consent_expires_on",
    "consent_scope",
    "account_id",
    "offers",
    "availability",
    "peer_engagement",
)


def participant_details(participant: Participant) -> ParticipantDetails:
    return ParticipantDetails(
        id=participant.id,
        version=participant.version,
        plan_id=participant.plan_id,
        role=participant.role,
        name=participant.name,
        organisation=participant.organisation,
        phone=participant.phone,
        email=participant.email,
        consent_granted_on=participant.consent_granted_on,
        consent_expires_on=participant.consent_expires_on,
        consent_scope=participant.consent_scope,
        position=participant.position,
        account_id=participant.account_id,
        offers=participant.offers,
        availability=participant.availability,
        peer_engagement=participant.peer_engagement,
        peer_verified_on=participant.peer_verified_on,
    )


def _team_ids(session: Session, plan_id: uuid.UUID) -> list[uuid.UUID]:
    query = (
        select(Participant.id)
        .where(Participant.plan_id == plan_id)
        .order_by(Participant.position, Participant.id)
    )
    return list(session.scalars(query))


def _apply(session: Session, participant: Participant, changes: Mapping[str, Any]) -> None:
    for key, value in changes.items():
        if key == "role":
            value = as_enum(ParticipantRole, value, "team role")
        elif key == "consent_scope":
            value = as_enum(ConsentScope, value, "consent scope")
        elif key == "peer_engagement":
            value = as_enum(PeerEngagement, value, "kind of peer engagement")
        setattr(participant, key, value)
    require_text(participant.name, tr_noop("Please write the team member's name."))
    granted, expires = participant.consent_granted_on, participant.consent_expires_on
    if granted is not None and expires is not None and expires < granted:
        raise InvalidInput(tr_noop("Consent cannot expire before it was given."))


def _require_peer_consent(ctx: Context, plan: Plan) -> None:
    """Refuse a new peer on the team unless the person's consent to peer involvement holds."""
    if not peer_consent_valid(
        plan.peer_consent_granted_on, plan.peer_consent_expires_on, ctx.today()
    ):
        raise InvalidInput(NO_PEER_CONSENT)


def _count(session: Session, query: Any) -> int:
    return int(session.execute(select(func.count()).select_from(query.subquery())).scalar_one())


def _has_contributions(session: Session, participant_id: uuid.UUID) -> bool:
    query = select(PeerContribution.id).where(PeerContribution.peer_id == participant_id)
    return _count(session, query) > 0


def add_participant(
    ctx: Context,
    plan_id: uuid.UUID,
    role: ParticipantRole | str,
    name: str,
    **details: Unpack[ParticipantFields],
) -> ParticipantDetails:
    """Add someone to the end of the team; their role and name are required.

    A peer joins only while the plan holds the person's consent to peer involvement.
    """
    check_unknown("participant", details, EDITABLE)
    with ctx.write() as session:
        plan = load_plan(session, plan_id)
        require(session, ctx, Action.EDIT_PLAN, plan.person_id)
        participant = Participant(plan_id=plan.id, position=len(_team_ids(session, plan.id)))
        _apply(session, participant, {"role": role, "name": name, **details})
        if participant.role == ParticipantRole.PEER:
            _require_peer_consent(ctx, plan)
        linked = linking.check_link(session, participant, None)
        session.add(participant)
        session.flush()
        created = participant_details(participant)
        names = set_fields(created, EDITABLE)
        record(session, ctx, audit.Action.CREATE, "participant", plan.person_id, names)
        linking.record_link(session, ctx, plan.person_id, None, linked)
        return created


def get_participant(
    ctx: Context, participant_id: uuid.UUID, *, record: bool = True
) -> ParticipantDetails:
    """One team member (audited as a view)."""
    with reading(ctx, record=record) as session:
        participant = load(session, Participant, participant_id)
        person_id = load_plan(session, participant.plan_id).person_id
        require(session, ctx, Action.VIEW_PERSON, person_id)
        record_view(session, ctx, person_id, "a team member", record=record)
        return participant_details(participant)


def list_participants(
    ctx: Context, plan_id: uuid.UUID, *, record: bool = True
) -> list[ParticipantDetails]:
    """The plan's team (audited as a view)."""
    query = (
        select(Participant)
        .where(Participant.plan_id == plan_id)
        .order_by(Participant.position, Participant.id)
    )
    with reading(ctx, record=record) as session:
        person_id = load_plan(session, plan_id).person_id
        require(session, ctx, Action.VIEW_PERSON, person_id)
        record_view(session, ctx, person_id, "team", record=record)
        return [participant_details(p) for p in session.scalars(query)]


def update_participant(
    ctx: Context,
    participant_id: uuid.UUID,
    expected_version: int | None,
    **changes: Unpack[ParticipantChanges],
) -> ParticipantDetails:
    check_unknown("participant", changes, EDITABLE)
    with ctx.write() as session:
        participant = load(session, Participant, participant_id)
        plan = load_plan(session, participant.plan_id)
        person_id = plan.person_id
        require(session, ctx, Action.EDIT_PLAN, person_id)
        check_version("team member", participant.version, expected_version)
        before = participant_details(participant)
        was_peer = participant.role == ParticipantRole.PEER
        _apply(session, participant, changes)
        relinked = "account_id" in changes or "role" in changes
        linked = linking.check_link(session, participant, before.account_id) if relinked else None
        if not was_peer and participant.role == ParticipantRole.PEER:
            _require_peer_consent(ctx, plan)
        if (
            was_peer
            and participant.role != ParticipantRole.PEER
            and _has_contributions(session, participant.id)
        ):
            raise InvalidInput(
                tr_noop("{name} has recorded peer contributions, so their role must stay peer."),
                name=participant.name,
            )
        session.flush()
        after = participant_details(participant)
        record_change(session, ctx, "participant", person_id, before, after, EDITABLE)
        if relinked:
            linking.record_link(session, ctx, person_id, before.account_id, linked)
        return after


def remove_participant(
    ctx: Context, participant_id: uuid.UUID, expected_version: int | None
) -> None:
    """Take someone off the team, unless the plan's record still depends on them."""
    with ctx.write() as session:
        participant = load(session, Participant, participant_id)
        plan = load_plan(session, participant.plan_id)
        linked = participant.account_id
        delete_record(
            session,
            ctx,
            participant,
            plan.person_id,
            expected_version,
            entity="participant",
            kind="team member",
            refuse=lambda: _refuse_removal(session, plan, participant),
        )
        set_positions(session, Participant, _team_ids(session, plan.id))
        linking.record_link(session, ctx, plan.person_id, linked, None)  # no longer signs in


def _refuse_removal(session: Session, plan: Plan, participant: Participant) -> None:
    """Refuse to take someone off the team while the plan's record still names them."""
    name = participant.name
    if plan.coordinator_id == participant.id:
        raise InvalidInput(
            tr_noop("{name} is the coordinator; choose another coordinator first."), name=name
        )
    steps = select(Step.id).where(Step.responsible_id == participant.id)
    if _count(session, steps):
        raise InvalidInput(
            tr_noop(
                "{name} is responsible for steps in the plan; give them to someone else first."
            ),
            name=name,
        )
    if _has_contributions(session, participant.id):
        raise InvalidInput(
            tr_noop(
                "{name} has recorded peer contributions; they cannot be removed from the team."
            ),
            name=name,
        )
    ratings = select(ReviewRating.review_id).where(ReviewRating.by_id == participant.id)
    if _count(session, ratings):
        raise InvalidInput(
            tr_noop("{name} has rated goals in a review, which is kept; they cannot be removed."),
            name=name,
        )
    attended = (
        select(meeting_attendees.c.meeting_id)
        .join(Meeting, Meeting.id == meeting_attendees.c.meeting_id)
        .where(meeting_attendees.c.participant_id == participant.id)
    )
    if _count(session, attended):
        raise InvalidInput(
            tr_noop("{name} attended meetings, which are kept; they cannot be removed."),
            name=name,
        )


def reorder_participants(
    ctx: Context, plan_id: uuid.UUID, ordered_ids: Sequence[uuid.UUID]
) -> list[ParticipantDetails]:
    """Put the team in the given order (every member exactly once)."""
    with ctx.write() as session:
        person_id = load_plan(session, plan_id).person_id
        require(session, ctx, Action.EDIT_PLAN, person_id)
        existing = _team_ids(session, plan_id)
        check_permutation(ordered_ids, existing)
        set_positions(session, Participant, ordered_ids)
        if list(ordered_ids) != existing:
            record(session, ctx, audit.Action.CHANGE, "participant", person_id, ["position"])
    return list_participants(ctx, plan_id, record=False)
