"""A new person's first plan: a draft that starts today, is reviewed after the clinic's usual
time, and has the person and their practitioner on its team from the start."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseplan.errors import InvalidInput, tr_noop
from caseplan.models import (
    Account,
    ConsentScope,
    Participant,
    ParticipantRole,
    Person,
    Plan,
    PlanStatus,
    Role,
)
from caseplan.services.context import Context
from caseplan.services.review_dates import first_review
from caseplan.services.security import access, audit
from caseplan.services.security.access import Action
from caseplan.services.team.linking import LinkableAccount, directory


def practitioner_account(session: Session, account_id: uuid.UUID) -> LinkableAccount:
    """The practitioner a new person is given to (read through the account directory: on a
    server a team lead's own login sees no other account's row)."""
    found = directory(session, account_id)
    if not found or not found[0].active or found[0].role is not Role.PRACTITIONER:
        raise InvalidInput(tr_noop("Choose an active practitioner account for this person."))
    return found[0]


def open_first_plan(
    session: Session, ctx: Context, person: Person, practitioner: LinkableAccount | None
) -> Plan:
    """Open the person's first plan, with the person on the team and, if given, their
    practitioner as a team member and coordinator. Audited in the caller's transaction."""
    start = ctx.today()
    plan = Plan(
        person_id=person.id,
        status=PlanStatus.DRAFT,
        period_start=start,
        next_review=first_review(session, start),
    )
    session.add(plan)
    session.flush()
    consent = person.plan_consent_on
    scope = ConsentScope.FULL_PLAN if consent is not None else ConsentScope.NONE
    team = [
        Participant(
            plan_id=plan.id,
            role=ParticipantRole.PERSON,
            name=person.full_name,
            phone=person.phone,
            consent_scope=ConsentScope.FULL_PLAN,
            consent_granted_on=consent,
            position=0,
        )
    ]
    if practitioner is not None:
        team.append(
            Participant(
                plan_id=plan.id,
                role=ParticipantRole.PRACTITIONER,
                name=practitioner.display_name or practitioner.username,
                # where this login may read it (on a server: one's own account only)
                email=session.scalar(select(Account.email).where(Account.id == practitioner.id))
                or "",
                account_id=practitioner.id,
                consent_scope=scope,
                consent_granted_on=consent,
                position=1,
            )
        )
    session.add_all(team)
    session.flush()
    if practitioner is not None:
        plan.coordinator_id = team[1].id
        session.flush()
    audit.record(
        session,
        ctx.actor,
        audit.Action.CREATE,
        "plan",
        str(person.id),
        audit.changed_fields(["next_review", "period_start", "status"]),
    )
    for member in team:
        audit.record(
            session,
            ctx.actor,
            audit.Action.CREATE,
            "participant",
            str(person.id),
            audit.changed_fields(
                ["account_id", "name", "role"] if member.account_id else ["name", "role"]
            ),
        )
    return plan


def find_practitioner(ctx: Context, username: str) -> uuid.UUID:
    """The active practitioner account called ``username`` (any case), for assigning a new
    person to them; one sentence if there is none."""
    access.require(ctx, Action.CREATE_PERSON)
    wanted = username.strip().casefold()
    with ctx.read() as session:
        found = next(
            (
                a.id
                for a in directory(session)
                if a.username.casefold() == wanted and a.active and a.role is Role.PRACTITIONER
            ),
            None,
        )
    if found is None:
        raise InvalidInput(
            tr_noop("There is no practitioner account called {name}."), name=username.strip()[:64]
        )
    return found
