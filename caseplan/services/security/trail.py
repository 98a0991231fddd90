"""Reading the audit trail: a person's trail, or the whole database's (team leads, admins)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, select

from caseplan.models import AuditEvent
from caseplan.services.context import Context
from caseplan.services.security import access


@dataclass(frozen=True)
class AuditEntry:
    """One line of a person's trail, as the app lists it."""

    seq: int
    at: datetime
    account: str
    action: str
    entity: str
    entity_id: str
    detail: str


def events_for(ctx: Context, entity_id: str | uuid.UUID, filter_text: str = "") -> list[AuditEntry]:
    """A person's trail, newest first, for a team lead or admin; ``filter_text`` narrows it.

    The filter matches (case-insensitively) the account, the action, the kind of entity
    or the detail.
    """
    return _read(ctx, AuditEvent.entity_id == str(entity_id), filter_text, limit=None)


def recent_events(ctx: Context, filter_text: str = "", *, limit: int = 1000) -> list[AuditEntry]:
    """The whole database's trail, newest first, at most ``limit`` events after filtering."""
    return _read(ctx, None, filter_text, limit=limit)


def _read(
    ctx: Context, where: ColumnElement[bool] | None, filter_text: str, limit: int | None
) -> list[AuditEntry]:
    wanted = filter_text.strip().casefold()
    query = select(AuditEvent).order_by(AuditEvent.seq.desc())
    if where is not None:
        query = query.where(where)
    entries: list[AuditEntry] = []
    with ctx.read() as session:
        access.require(ctx, access.Action.VIEW_AUDIT, session=session)
        for e in session.execute(query.execution_options(yield_per=500)).scalars():
            if wanted and not any(
                wanted in part.casefold() for part in (e.account, e.action, e.entity, e.detail)
            ):
                continue
            entries.append(
                AuditEntry(
                    seq=e.seq,
                    at=e.at,
                    account=e.account,
                    action=e.action,
                    entity=e.entity,
                    entity_id=e.entity_id,
                    detail=e.detail,
                )
            )
            if limit is not None and len(entries) >= limit:
                break
    return entries
