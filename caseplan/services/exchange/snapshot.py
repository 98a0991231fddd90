"""The agreed plan as a snapshot, and whether the plan still is as it was agreed.

A plan version's snapshot is the plan's part of the person's ``caseplan.person/1``
document: the person's "about me", the goals with their steps, the team, the crisis plan,
the period and the next review, without any worker's note (they are never part of the
shared plan). Beside that content a version keeps how it was agreed (``agreed_how``,
``signatures``), whose plan it was (``person``), and the reviews and peer contacts its
printed copy showed (``reviews``, ``peer_contributions``); those are not compared.

After any change to the agreed parts of a plan, :func:`refresh_agreed_status` compares the
plan as it now stands with its latest version: the same content is ``agreed``, anything else
is ``draft`` ("changed since version N was agreed"). Changing a word back makes it agreed
again, so the status never claims a change that is not there.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from caseplan.models import Plan, PlanStatus, PlanVersion
from caseplan.services.exchange.differences import differences
from caseplan.services.exchange.document import build_document, to_plain

#: The parts of the plan's document that make up the agreed plan.
PLAN_KEYS = (
    "id",
    "status",
    "period_start",
    "period_end",
    "next_review",
    "coordinator",
    "participants",
    "goals",
    "crisis_plan",
)


def _without_notes(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_notes(v) for k, v in value.items() if k != "worker_note"}
    if isinstance(value, list):
        return [_without_notes(item) for item in value]
    return value


def snapshot_from_document(document: Mapping[str, Any], plan_id: uuid.UUID) -> dict[str, Any]:
    """The agreed part of plan ``plan_id`` in a person's document, without worker's notes."""
    plan = next(p for p in document["plans"] if p["id"] == str(plan_id))
    snapshot: dict[str, Any] = {"about_me": dict(document["person"]["about_me"])}
    snapshot.update({key: plan[key] for key in PLAN_KEYS})
    snapshot["status"] = PlanStatus.AGREED.value
    return dict(_without_notes(snapshot))


def plan_snapshot(session: Session, person_id: uuid.UUID, plan_id: uuid.UUID) -> dict[str, Any]:
    """The snapshot of the plan as it stands in ``session`` (the one way versions are made)."""
    return snapshot_from_document(to_plain(build_document(session, person_id)), plan_id)


def latest_version(session: Session, plan_id: uuid.UUID) -> PlanVersion | None:
    return session.scalars(
        select(PlanVersion)
        .where(PlanVersion.plan_id == plan_id)
        .order_by(PlanVersion.number.desc())
        .limit(1)
    ).first()


def is_as_agreed(session: Session, plan: Plan, version: PlanVersion) -> bool:
    """No difference a person would see between the plan now and the version."""
    return not differences(version.snapshot, plan_snapshot(session, plan.person_id, plan.id))


def refresh_agreed_status(session: Session, person_id: uuid.UUID) -> None:
    """Set the open plan's status to ``agreed`` if it is as its latest version says, else
    ``draft``; a plan never agreed, or closed, is left as it is.

    Written without touching the plan's version counter: the status follows from the
    content, so it must not turn someone else's open edit of the plan into a conflict.
    """
    session.flush()
    plan = session.scalars(
        select(Plan).where(Plan.person_id == person_id, Plan.status != PlanStatus.CLOSED)
    ).one_or_none()
    if plan is None:
        return
    version = latest_version(session, plan.id)
    if version is None:
        return
    status = PlanStatus.AGREED if is_as_agreed(session, plan, version) else PlanStatus.DRAFT
    if plan.status != status:
        session.execute(
            update(Plan)
            .where(Plan.id == plan.id)
            .values(status=status)
            .execution_options(synchronize_session="evaluate")
        )
