"""Agreed versions read back: one version as it was agreed, and as a document to reprint.

A version reprints from its snapshot alone — the plan, the team, the crisis plan and the
reviews exactly as they were when it was agreed, with the signatures given then — never from
the plan as it stands now.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseplan.errors import AccessDenied, NotFound, tr_noop
from caseplan.models import Person, PlanVersion
from caseplan.services.agreement.agreement import PlanVersionDetails, version_details
from caseplan.services.context import Context
from caseplan.services.exchange import model
from caseplan.services.exchange.document import part, to_plain
from caseplan.services.exchange.model import FORMAT
from caseplan.services.exchange.snapshot import PLAN_KEYS
from caseplan.services.security.access import Action
from caseplan.services.shared import (
    load_plan,
    peer_scope,
    reading,
    record_view,
    require,
    sees_only,
)

WHOLE_PLAN_ONLY = tr_noop(
    "An agreed version is the whole plan; the person's consent lets you see only a part of it."
)


#: Print-only keys a version of a document to print carries when it was read from a file
#: (never in an export: the format does not have them, and the typed model ignores them).
IMPORTED_ON, IMPORTED_BY = "imported_on", "imported_by"


def _imported(version: PlanVersion, plain: dict[str, Any]) -> dict[str, Any]:
    if version.imported_on is not None:
        plain[IMPORTED_ON] = version.imported_on.isoformat()
        plain[IMPORTED_BY] = version.imported_by
    return plain


def mark_imported(session: Session, document: dict[str, Any]) -> dict[str, Any]:
    """``document`` (plain values, to print) with each version read from a file marked as
    such, so the paper says "imported, not agreed here" as the screens do."""
    for plan in document.get("plans") or ():
        versions = plan.get("versions") or []
        ids = []
        for version in versions:
            try:
                ids.append(uuid.UUID(str(version.get("id"))))
            except ValueError:
                continue
        if not ids:
            continue
        rows = session.scalars(
            select(PlanVersion).where(PlanVersion.id.in_(ids), PlanVersion.imported_on.is_not(None))
        ).all()
        found = {str(row.id): row for row in rows}
        plan["versions"] = [
            _imported(found[str(v.get("id"))], dict(v)) if str(v.get("id")) in found else v
            for v in versions
        ]
    return document


def load_version(session: Session, version_id: uuid.UUID) -> PlanVersion:
    version = session.get(PlanVersion, version_id)
    if version is None:
        raise NotFound(tr_noop("This plan version is not in the database."))
    return version


def get_version(ctx: Context, version_id: uuid.UUID, *, record: bool = True) -> PlanVersionDetails:
    """One agreed version, read-only (audited as a view)."""
    with reading(ctx, record=record) as session:
        version = load_version(session, version_id)
        person_id = load_plan(session, version.plan_id).person_id
        require(session, ctx, Action.VIEW_PERSON, person_id)
        record_view(session, ctx, person_id, f"plan version {version.number}", record=record)
        if sees_only(peer_scope(session, ctx, version.plan_id)):
            raise AccessDenied(WHOLE_PLAN_ONLY)
        return version_details(version)


def version_document(session: Session, version: PlanVersion) -> dict[str, Any]:
    """A ``caseplan.person/1``-shaped document whose one plan is this version as agreed.

    The person's name is the one the version was agreed under (when the version kept it);
    the language is the person's as it is now, so a reprint is in a language they read.
    The earlier versions come along, so the reprint says what changed since the one before,
    as the copy printed at the agreement did. Neither checks access nor audits.
    """
    plan = load_plan(session, version.plan_id)
    person = session.get(Person, plan.person_id)
    if person is None:
        raise NotFound(tr_noop("This person is not in the database."))
    snapshot = dict(version.snapshot)
    about = model.AboutMe.model_construct(**(snapshot.get("about_me") or {}))
    person_doc = to_plain(part(model.Person, person, about_me=about))
    named = snapshot.get("person")
    if isinstance(named, dict):
        person_doc.update({k: named[k] for k in ("full_name", "preferred_name") if k in named})
    earlier = session.scalars(
        select(PlanVersion)
        .where(PlanVersion.plan_id == plan.id, PlanVersion.number <= version.number)
        .order_by(PlanVersion.number)
    ).all()
    plan_doc: dict[str, Any] = {key: snapshot.get(key) for key in PLAN_KEYS}
    plan_doc.update(
        {
            "status": "agreed",
            "participants": snapshot.get("participants") or [],
            "goals": snapshot.get("goals") or [],
            "peer_contributions": snapshot.get("peer_contributions") or [],
            "meetings": [
                {
                    "date": version.agreed_on.isoformat(),
                    "attendees": list(version.agreed_by),
                    "agreed": True,
                }
            ],
            "reviews": snapshot.get("reviews") or [],
            "versions": [
                _imported(
                    v, to_plain(part(model.Version, v, agreed_by=[str(i) for i in v.agreed_by]))
                )
                for v in earlier
            ],
        }
    )
    return {"format": FORMAT, "person": person_doc, "plans": [plan_doc]}
