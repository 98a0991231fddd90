"""What changed since the plan was last agreed (see :mod:`caseplan.services.exchange.differences`
for how two versions are compared)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from caseplan.services.context import Context
from caseplan.services.exchange.differences import KINDS, Difference, differences

__all__ = ["KINDS", "AgreementState", "Difference", "agreement_state", "differences"]
from caseplan.services.exchange.snapshot import latest_version, plan_snapshot
from caseplan.services.security.access import Action
from caseplan.services.shared import load_plan, require


@dataclass(frozen=True)
class AgreementState:
    """Whether the plan is as it was last agreed, and if not, what changed."""

    plan_id: uuid.UUID
    version: int | None  #: the latest agreed version's number; None if never agreed
    agreed_on: date | None
    differences: tuple[Difference, ...] = ()
    #: the latest version was read from a file (when, by whom): it was not agreed here
    imported_on: date | None = None
    imported_by: str = ""

    @property
    def changed(self) -> bool:
        return self.version is not None and bool(self.differences)


def agreement_state(ctx: Context, plan_id: uuid.UUID) -> AgreementState:
    """The plan's latest agreed version, and what has changed since it was agreed."""
    with ctx.read() as session:
        plan = load_plan(session, plan_id)
        require(session, ctx, Action.VIEW_PERSON, plan.person_id)
        version = latest_version(session, plan.id)
        if version is None:
            return AgreementState(plan.id, None, None)
        now = plan_snapshot(session, plan.person_id, plan.id)
        return AgreementState(
            plan.id,
            version.number,
            version.agreed_on,
            tuple(differences(version.snapshot, now)),
            version.imported_on,
            version.imported_by,
        )
