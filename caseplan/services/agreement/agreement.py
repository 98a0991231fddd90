"""Agreeing a plan: the immutable plan version, the meeting that agreed it, and the signatures.

A plan version's snapshot is the plan's part of the person's ``caseplan.person/1``
document (:func:`caseplan.services.exchange.exchange.build_document`): the person's "about
me", the goals with their steps, the team and the crisis plan, plus the period and the next
review. It is what
was read back and agreed, so it leaves out every worker's note (they are never part of the
shared plan). The demo uses the same :func:`plan_snapshot`, so demo versions look the same.

Signatures drawn on screen are kept *in the snapshot*, as base64 PNG under
``"signatures"`` (participant id -> text), beside ``"agreed_how"`` (participant id ->
``"signature"`` or ``"paper"``). Keeping them means the agreed copy can be printed again with
the same signatures, and the export carries them; nothing is added to the schema. A snapshot
string must stay within the text limit that export and import hold it to (20,000
characters), so a signature larger than that is refused with a sentence rather than
silently dropped; the signature pad writes small one-bit PNGs that stay far below it.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseplan.errors import InvalidInput, tr_noop
from caseplan.models import Meeting, Participant, ParticipantRole, Plan, PlanStatus, PlanVersion
from caseplan.models.text import LONG
from caseplan.services.context import Context, check_version
from caseplan.services.exchange import model
from caseplan.services.exchange.document import (
    ATTRIBUTE,
    build_document,
    ordered_rows,
    part,
    to_plain,
)
from caseplan.services.exchange.snapshot import (
    PLAN_KEYS,
    plan_snapshot,
    snapshot_from_document,
)
from caseplan.services.security import audit
from caseplan.services.security.access import Action
from caseplan.services.shared import (
    load_plan,
    peer_scope,
    reading,
    record,
    record_view,
    require,
    sees_only,
    team_member,
)

__all__ = [
    "PlanVersionDetails",
    "agree_plan",
    "document_from_rows",
    "list_versions",
    "plan_snapshot",
    "snapshot_from_document",
]

SIGNATURE = "signature"
PAPER = "paper"
HOW = (SIGNATURE, PAPER)
#: The longest text a snapshot may hold (export and import refuse longer ones).
MAX_SNAPSHOT_TEXT = LONG
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class PlanVersionDetails:
    """One agreed version of a plan; ``agreed_by`` holds the ids of those present."""

    id: uuid.UUID
    plan_id: uuid.UUID
    number: int
    agreed_on: date
    agreed_by: tuple[str, ...]
    snapshot: Mapping[str, Any]
    created_at: datetime
    #: A version read from a file was not agreed here: when, and by whom, it was imported.
    imported_on: date | None = None
    imported_by: str = ""

    @property
    def agreed_how(self) -> dict[str, str]:
        how = self.snapshot.get("agreed_how")
        return {str(k): str(v) for k, v in how.items()} if isinstance(how, Mapping) else {}

    @property
    def signatures(self) -> dict[str, bytes]:
        """The drawn signatures as PNG bytes, by participant id (those that decode)."""
        found = self.snapshot.get("signatures")
        result: dict[str, bytes] = {}
        if isinstance(found, Mapping):
            for key, value in found.items():
                try:
                    result[str(key)] = base64.b64decode(str(value), validate=True)
                except (binascii.Error, ValueError):
                    continue
        return result


def version_details(version: PlanVersion) -> PlanVersionDetails:
    return PlanVersionDetails(
        id=version.id,
        plan_id=version.plan_id,
        number=version.number,
        agreed_on=version.agreed_on,
        agreed_by=tuple(str(i) for i in version.agreed_by),
        snapshot=dict(version.snapshot),
        created_at=version.created_at,
        imported_on=version.imported_on,
        imported_by=version.imported_by,
    )


def document_from_rows(
    person: Mapping[str, Any],
    plan: Mapping[str, Any],
    participants: Sequence[Mapping[str, Any]],
    goals: Sequence[Mapping[str, Any]],
    steps: Sequence[Mapping[str, Any]],
    crisis: Mapping[str, Any] | None,
    contacts: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    """The parts of a person's document that a snapshot takes, from plain rows (column ->
    value) not yet read back from the database, by the same serialiser and in the same order
    as :func:`build_document`: for making many versions at once (the demo).

    Only the fields the snapshot takes are filled in (the rest of the plan is left out).
    """
    team = ordered_rows([SimpleNamespace(**p) for p in participants], "position")
    by_goal: dict[Any, list[Any]] = {}
    for step in steps:
        by_goal.setdefault(step["goal_id"], []).append(SimpleNamespace(**step))
    plan_doc: dict[str, Any] = {
        key: to_plain(plan.get(ATTRIBUTE.get(key, key))) for key in PLAN_KEYS[:6]
    }
    plan_doc["participants"] = [
        to_plain(part(model.Participant, p, consent=part(model.Consent, p))) for p in team
    ]
    plan_doc["goals"] = [
        to_plain(
            part(
                model.Goal,
                g,
                steps=[
                    part(model.Step, s) for s in ordered_rows(by_goal.get(g.id, []), "position")
                ],
            )
        )
        for g in ordered_rows(
            [SimpleNamespace(**{"carried_from_id": None, **g}) for g in goals], "position"
        )
    ]
    plan_doc["crisis_plan"] = None
    if crisis is not None:
        found = ordered_rows([SimpleNamespace(**c) for c in contacts], "position")
        plan_doc["crisis_plan"] = to_plain(
            part(
                model.CrisisPlan,
                SimpleNamespace(**crisis),
                contacts=[part(model.Contact, c) for c in found],
            )
        )
    about = to_plain(part(model.AboutMe, SimpleNamespace(**person)))
    return {"person": {"about_me": about}, "plans": [plan_doc]}


def _encoded_signature(name: str, png: bytes) -> str:
    if not png.startswith(_PNG_MAGIC):
        raise InvalidInput(
            tr_noop("{name}'s signature is not a picture Caseplan can keep; please sign again."),
            name=name,
        )
    text = base64.b64encode(png).decode("ascii")
    if len(text) > MAX_SNAPSHOT_TEXT:
        raise InvalidInput(
            tr_noop(
                "{name}'s signature is too large to keep; please clear it and sign again "
                "more simply, or choose signs on paper."
            ),
            name=name,
        )
    return text


def agree_plan(
    ctx: Context,
    plan_id: uuid.UUID,
    expected_version: int | None,
    present: Sequence[uuid.UUID],
    how: Mapping[uuid.UUID, str],
    signatures: Mapping[uuid.UUID, bytes],
    on: date,
) -> PlanVersionDetails:
    """Agree the plan as it stands: a new immutable version, the plan agreed, the meeting kept.

    ``present`` are the team members at the meeting; for each, ``how`` says whether they
    signed on screen (``"signature"``, with the PNG in ``signatures``) or sign on paper.
    Needs EDIT_PLAN. Everything happens in one transaction, audited.
    """
    with ctx.write() as session:
        plan = load_plan(session, plan_id)
        require(session, ctx, Action.EDIT_PLAN, plan.person_id)
        check_version("plan", plan.version, expected_version)
        if plan.status == PlanStatus.CLOSED:
            raise InvalidInput(tr_noop("A closed plan cannot be agreed."))
        if not present:
            raise InvalidInput(tr_noop("Tick who is present before agreeing the plan."))
        if len(set(present)) != len(present):
            raise InvalidInput(tr_noop("Each team member can be present only once."))
        attendees = [team_member(session, plan.id, pid) for pid in present]
        _require_the_person(session, plan, set(present))
        agreed_how: dict[str, str] = {}
        drawn: dict[str, str] = {}
        for participant in attendees:
            way = how.get(participant.id)
            if way not in HOW:
                raise InvalidInput(
                    tr_noop("Say whether {name} signs on the screen or on paper."),
                    name=participant.name,
                )
            agreed_how[str(participant.id)] = way
            if way == SIGNATURE:
                png = signatures.get(participant.id)
                if not png:
                    raise InvalidInput(
                        tr_noop("{name} has not signed yet; sign on the screen or choose paper."),
                        name=participant.name,
                    )
                drawn[str(participant.id)] = _encoded_signature(participant.name, png)

        plan.status = PlanStatus.AGREED
        session.flush()
        document = to_plain(build_document(session, plan.person_id))
        snapshot = snapshot_from_document(document, plan.id)
        snapshot["agreed_how"] = agreed_how
        snapshot["signatures"] = drawn
        snapshot.update(_as_printed(document, plan.id))
        last = session.scalar(
            select(func.max(PlanVersion.number)).where(PlanVersion.plan_id == plan.id)
        )
        version = PlanVersion(
            plan_id=plan.id,
            number=(last or 0) + 1,
            agreed_on=on,
            agreed_by=[str(p.id) for p in attendees],
            snapshot=snapshot,
        )
        session.add(version)
        session.add(
            Meeting(
                plan_id=plan.id,
                date=on,
                shared_notes="",
                worker_note="",
                agreed=True,
                attendees=attendees,
            )
        )
        session.flush()
        audit.record(
            session,
            ctx.actor,
            audit.Action.CREATE,
            "plan_version",
            str(plan.person_id),
            f"version {version.number}, present {len(attendees)}, signed {len(drawn)}",
        )
        record(session, ctx, audit.Action.CHANGE, "plan", plan.person_id, ["status"])
        return version_details(version)


def _as_printed(document: dict[str, Any], plan_id: uuid.UUID) -> dict[str, Any]:
    """What the copy printed at the agreement showed beside the plan: whose plan it is and
    how it was going (the reviews so far) and the peer's contacts, so the version reprints
    as it was."""
    person = document["person"]
    plan = next(p for p in document["plans"] if p["id"] == str(plan_id))
    return {
        "person": {"full_name": person["full_name"], "preferred_name": person["preferred_name"]},
        "reviews": plan["reviews"],
        # only who and when: the printed plan counts a peer's contacts, it prints no notes
        "peer_contributions": [
            {"peer": c["peer"], "date": c["date"]} for c in plan["peer_contributions"]
        ],
    }


def _require_the_person(session: Session, plan: Plan, present: set[uuid.UUID]) -> None:
    """The plan is the person's: it is agreed with them, never about them in their absence."""
    people = session.scalars(
        select(Participant).where(
            Participant.plan_id == plan.id, Participant.role == ParticipantRole.PERSON
        )
    ).all()
    if people and not any(p.id in present for p in people):
        raise InvalidInput(
            tr_noop("{name} must be present to agree their plan."), name=people[0].name
        )


def list_versions(
    ctx: Context, plan_id: uuid.UUID, *, record: bool = True
) -> list[PlanVersionDetails]:
    """Every agreed version of the plan, oldest first (audited as a view)."""
    with reading(ctx, record=record) as session:
        plan = load_plan(session, plan_id)
        require(session, ctx, Action.VIEW_PERSON, plan.person_id)
        record_view(session, ctx, plan.person_id, "plan versions", record=record)
        if sees_only(peer_scope(session, ctx, plan_id)):
            return []  # each version is the whole plan as agreed
        rows = session.scalars(
            select(PlanVersion).where(PlanVersion.plan_id == plan_id).order_by(PlanVersion.number)
        )
        return [version_details(v) for v in rows]
