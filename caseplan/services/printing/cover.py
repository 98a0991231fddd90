"""What the cover list of a print-due batch says about each plan in it: whose plan, whose care
it is in (the coordinator), and why it is in the batch (print-due picks open plans by their
next review date), in the order the plans are printed.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from caseplan.models import Participant, Plan, PlanStatus
from caseplan.services.account_names import account_names
from caseplan.services.context import Context
from caseplan.services.overview.signals import has_version
from caseplan.services.people.people import PersonSummary
from caseplan.services.security import access
from caseplan.services.security.access import Action

#: people looked up per query (well under any database's limit on bound values)
CHUNK = 500


@dataclass(frozen=True)
class CoverRow:
    """One plan of the batch, as the team lead's cover list shows it."""

    person_id: uuid.UUID
    full_name: str
    preferred_name: str
    #: the coordinator's name (their account's, or as written on the team); "" if none
    coordinator: str
    next_review: date | None
    #: agreed, draft never agreed, or draft changed since an agreed version
    status: PlanStatus | None
    changed_since_agreed: bool


def cover_rows(ctx: Context, people: Sequence[PersonSummary]) -> list[CoverRow]:
    """The cover list's rows for ``people`` (as :func:`due_people` gave them), in their order."""
    access.require(ctx, Action.PRINT_DUE)
    coordinator = aliased(Participant)
    account = account_names()
    name = func.coalesce(account.c.display_name, coordinator.name, "")
    found: dict[uuid.UUID, tuple[str, bool]] = {}
    ids = [person.id for person in people]
    with ctx.read() as session:
        for start in range(0, len(ids), CHUNK):
            query = (
                select(Plan.person_id, name, has_version())
                .select_from(Plan)
                .outerjoin(coordinator, coordinator.id == Plan.coordinator_id)
                .outerjoin(account, account.c.id == coordinator.account_id)
                .where(Plan.person_id.in_(ids[start : start + CHUNK]))
                .where(Plan.status != PlanStatus.CLOSED)
            )
            for person_id, who, versioned in session.execute(query):
                found[person_id] = (str(who or ""), bool(versioned))
    rows = []
    for person in people:
        who, versioned = found.get(person.id, ("", False))
        rows.append(
            CoverRow(
                person_id=person.id,
                full_name=person.full_name,
                preferred_name=person.preferred_name,
                coordinator=who,
                next_review=person.next_review,
                status=person.plan_status,
                changed_since_agreed=person.plan_status is PlanStatus.DRAFT and versioned,
            )
        )
    return rows
