"""The crisis plan, a sub-plan of the individual plan, in the person's own words."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypedDict, Unpack

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from caseplan.errors import Conflict, tr_noop
from caseplan.models import ConsentScope, CrisisContact, CrisisPlan
from caseplan.services.context import Context, check_version
from caseplan.services.security import audit
from caseplan.services.security.access import Action
from caseplan.services.shared import (
    check_unknown,
    load_plan,
    peer_scope,
    reading,
    record,
    record_view,
    require,
    require_text,
    sees_only,
)


@dataclass(frozen=True)
class CrisisContactInput:
    """Someone to contact in a crisis, as the caller gives them (order is the list's order)."""

    name: str
    role: str = ""
    phone: str = ""


@dataclass(frozen=True)
class CrisisContactDetails:
    id: uuid.UUID
    name: str
    role: str
    phone: str
    position: int


@dataclass(frozen=True)
class CrisisPlanDetails:
    id: uuid.UUID
    version: int
    plan_id: uuid.UUID
    warning_signs: str = ""
    triggers: str = ""
    what_i_do: str = ""
    what_others_do: str = ""
    what_does_not_help: str = ""
    treatment_wanted: str = ""
    treatment_not_wanted: str = ""
    contacts: tuple[CrisisContactDetails, ...] = ()


class CrisisTexts(TypedDict, total=False):
    """The crisis plan's texts, each in the person's own words."""

    warning_signs: str
    triggers: str
    what_i_do: str
    what_others_do: str
    what_does_not_help: str
    treatment_wanted: str
    treatment_not_wanted: str


TEXT_FIELDS = (
    "warning_signs",
    "triggers",
    "what_i_do",
    "what_others_do",
    "what_does_not_help",
    "treatment_wanted",
    "treatment_not_wanted",
)


def crisis_plan_details(row: CrisisPlan) -> CrisisPlanDetails:
    return CrisisPlanDetails(
        id=row.id,
        version=row.version,
        plan_id=row.plan_id,
        **{name: getattr(row, name) for name in TEXT_FIELDS},
        contacts=tuple(
            CrisisContactDetails(
                id=c.id, name=c.name, role=c.role, phone=c.phone, position=c.position
            )
            for c in row.contacts
        ),
    )


def _row(session: Session, plan_id: uuid.UUID) -> CrisisPlan | None:
    return session.scalars(select(CrisisPlan).where(CrisisPlan.plan_id == plan_id)).one_or_none()


def get_crisis_plan(
    ctx: Context, plan_id: uuid.UUID, *, record: bool = True
) -> CrisisPlanDetails | None:
    """The plan's crisis plan, or None if none has been written yet (audited as a view)."""
    with reading(ctx, record=record) as session:
        person_id = load_plan(session, plan_id).person_id
        require(session, ctx, Action.VIEW_PERSON, person_id)
        record_view(session, ctx, person_id, "crisis plan", record=record)
        if sees_only(peer_scope(session, ctx, plan_id), ConsentScope.CRISIS_PLAN):
            return None  # not in what the person's consent to this peer covers
        row = _row(session, plan_id)
        return None if row is None else crisis_plan_details(row)


def save_crisis_plan(
    ctx: Context,
    plan_id: uuid.UUID,
    expected_version: int | None,
    *,
    contacts: Sequence[CrisisContactInput] | None = None,
    **texts: Unpack[CrisisTexts],
) -> CrisisPlanDetails:
    """Write the crisis plan, creating it the first time.

    Only the text fields given change. ``contacts``, when given, replace the contact list
    in that order. ``expected_version`` is the version read (None to skip the check).
    """
    check_unknown("crisis plan", texts, TEXT_FIELDS)
    with ctx.write() as session:
        plan = load_plan(session, plan_id)
        require(session, ctx, Action.EDIT_PLAN, plan.person_id)
        row = _row(session, plan.id)
        created = row is None
        before = None if row is None else crisis_plan_details(row)
        if row is None:
            if expected_version is not None:
                raise Conflict(
                    tr_noop(
                        "Someone else removed this crisis plan in the meantime; please look again."
                    )
                )
            row = CrisisPlan(plan_id=plan.id, contacts=[])
            session.add(row)
        else:
            check_version("crisis plan", row.version, expected_version)
        for name, value in texts.items():
            setattr(row, name, value)
        if contacts is not None:
            new = []
            for position, contact in enumerate(contacts):
                require_text(contact.name, tr_noop("Please write the name of each crisis contact."))
                new.append(
                    CrisisContact(
                        name=contact.name, role=contact.role, phone=contact.phone, position=position
                    )
                )
            row.contacts = new
            if not created:
                flag_modified(row, "warning_signs")  # a new contact list is a change of the plan
        session.flush()
        after = crisis_plan_details(row)
        changed = [
            name for name in TEXT_FIELDS if getattr(after, name) != getattr(before, name, "")
        ]
        if _contact_list(after) != (() if before is None else _contact_list(before)):
            changed.append("contacts")
        if created:
            record(session, ctx, audit.Action.CREATE, "crisis_plan", plan.person_id, changed)
        elif changed:
            record(session, ctx, audit.Action.CHANGE, "crisis_plan", plan.person_id, changed)
        return after


def _contact_list(details: CrisisPlanDetails) -> tuple[tuple[str, str, str], ...]:
    return tuple((c.name, c.role, c.phone) for c in details.contacts)
