"""What a peer worker wrote in their peer store, brought into the clinic database.

The store is attached as ``peer`` on the connection ``sessions`` is bound to, inside one
transaction (:func:`caseplan.services.clinic.peer_store.rebuild`). Each change goes
through the same service a peer uses in the app, acting as that peer, so the role ×
action table and consent are checked again and the change is audited. The store is not
trusted: it is only a list of requests. A change the services refuse, or one made to a
field someone else changed meanwhile, is not applied; the refusal is audited (naming the
fields, never the words). A bookkeeping setting remembers how far each build of the
store was merged, so a crash between the two databases' commits never applies a change
twice.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from caseplan.errors import CaseplanError
from caseplan.models import PeerContribution, Setting, Step
from caseplan.services.context import Actor, Context
from caseplan.services.peers.contributions import add_contribution, update_contribution
from caseplan.services.plans.goals import update_step
from caseplan.services.security import audit

BUILD_KEY = "peer_store.build"
MERGED_KEY = "peer_store.merged."
REFUSED = "peer_change_refused"


@dataclass(frozen=True)
class Change:
    seq: int
    at: datetime
    entity: str
    row_id: str
    field: str
    old: str | None
    new: str | None


def fixed_time(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


def _when(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return datetime.now(UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def merge(sessions: sessionmaker[Session], actor: Actor, store: str) -> int:
    """Apply what the attached store holds that was not merged before; returns the count."""
    with sessions() as session:
        build = _build_id(session)
        done = _merged(session, store)
        if done.get("build") != build:
            done = {"build": build, "journal": 0, "audit": 0}
        changes = _changes(session, int(done["journal"]))
        events = session.execute(
            text(
                "SELECT seq, at, action, entity, entity_id, detail FROM peer.audit_events "
                "WHERE seq > :after ORDER BY seq"
            ),
            {"after": int(done["audit"])},
        ).all()
    for change in changes:
        _apply(sessions, actor, change)
    with sessions.begin() as session:
        for _seq, at, action, entity, entity_id, detail in events:
            moment = at.replace(tzinfo=UTC) if isinstance(at, datetime) else _when(str(at))
            audit.record(
                session,
                actor,
                str(action)[:64],
                str(entity)[:64],
                str(entity_id)[:64],
                f"{detail} (in the peer's own store)".strip()[: audit.DETAIL_LIMIT],
                now=fixed_time(moment),
            )
        last_journal = changes[-1].seq if changes else int(done["journal"])
        last_audit = events[-1][0] if events else int(done["audit"])
        value = json.dumps({"build": build, "journal": last_journal, "audit": last_audit})
        setting = session.get(Setting, MERGED_KEY + store)
        if setting is None:
            session.add(Setting(key=MERGED_KEY + store, value=value))
        else:
            setting.value = value
    return len(changes) + len(events)


def _build_id(session: Session) -> str:
    row = session.execute(
        text("SELECT value FROM peer.settings WHERE key = :key"), {"key": BUILD_KEY}
    ).first()
    try:
        return str(json.loads(row[0])["build"]) if row else ""
    except (ValueError, KeyError, TypeError):
        return ""


def _merged(session: Session, store: str) -> dict[str, Any]:
    setting = session.get(Setting, MERGED_KEY + store)
    try:
        return dict(json.loads(setting.value)) if setting is not None else {}
    except ValueError:
        return {}


def _changes(session: Session, after: int) -> list[Change]:
    exists = session.execute(
        text("SELECT 1 FROM peer.sqlite_master WHERE type = 'table' AND name = 'peer_journal'")
    ).first()
    if exists is None:
        return []
    rows = session.execute(
        text(
            "SELECT seq, at, entity, row_id, field, old, new FROM peer.peer_journal "
            "WHERE seq > :after ORDER BY seq"
        ),
        {"after": after},
    ).all()
    return [
        Change(r[0], _when(str(r[1])), str(r[2]), str(r[3]), str(r[4]), r[5], r[6]) for r in rows
    ]


def _apply(sessions: sessionmaker[Session], actor: Actor, change: Change) -> None:
    day = change.at.astimezone().date()
    ctx = Context(sessions, actor=actor, today=lambda: day)
    try:
        if change.entity == "contribution" and change.field == "added":
            _add_contribution(ctx, sessions, change)
        elif change.entity == "contribution" and change.field == "note":
            _update(ctx, sessions, PeerContribution, change, update_contribution)
        elif change.entity == "step" and change.field in ("action", "status"):
            _update(ctx, sessions, Step, change, update_step)
    except CaseplanError as refusal:
        _refuse(sessions, actor, change, refusal.template)


def _add_contribution(ctx: Context, sessions: sessionmaker[Session], change: Change) -> None:
    with sessions() as session:
        row = session.execute(
            text(
                "SELECT plan_id, peer_id, date, minutes, kind, note, paid_minutes "
                "FROM peer.peer_contributions WHERE id = :id"
            ),
            {"id": change.row_id},
        ).first()
        exists = session.get(PeerContribution, _uuid(change.row_id)) is not None
    if row is None or exists:
        return  # removed again in the store, or already in the clinic database
    plan_id, peer_id = _uuid(row[0]), _uuid(row[1])
    if plan_id is None or peer_id is None:
        return
    add_contribution(
        ctx,
        plan_id,
        peer_id,
        date.fromisoformat(str(row[2])),
        int(row[3]),
        str(row[4]),
        str(row[5]),
        int(row[6]),
    )


def _update(
    ctx: Context,
    sessions: sessionmaker[Session],
    model: type[Any],
    change: Change,
    service: Callable[..., Any],
) -> None:
    row_id = _uuid(change.row_id)
    with sessions() as session:
        row = session.get(model, row_id) if row_id is not None else None
        current = None if row is None else getattr(row, change.field)
    if row is None or current == change.new:
        return  # gone (or not the clinic's row), or already so
    if current != change.old:
        _refuse(sessions, ctx.actor, change, "changed by someone else meanwhile")
        return
    service(ctx, row_id, None, **{change.field: change.new})


def _refuse(sessions: sessionmaker[Session], actor: Actor, change: Change, why: str) -> None:
    with sessions.begin() as session:
        audit.record(
            session,
            actor,
            REFUSED,
            change.entity,
            change.row_id[:64],
            f"{change.field} not applied: {why}"[: audit.DETAIL_LIMIT],
        )
