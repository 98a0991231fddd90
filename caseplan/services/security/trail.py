"""Reading the audit trail: a person's trail, or the whole database's (team leads, admins)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from caseplan.models import AuditEvent, Person
from caseplan.services.context import Context
from caseplan.services.security import access, audit


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
    #: The account's full name and role when it acted ("" for events before schema 0013).
    actor_name: str = ""
    actor_role: str = ""
    #: The person the event is about, by their name now ("" if none, or no longer here).
    person: str = ""


def events_for(ctx: Context, entity_id: str | uuid.UUID, filter_text: str = "") -> list[AuditEntry]:
    """A person's trail, newest first, for a team lead or admin; ``filter_text`` narrows it.

    The filter matches (case-insensitively) the account, the action, the kind of entity
    or the detail.
    """
    return _read(
        ctx, AuditEvent.entity_id == str(entity_id), filter_text, limit=None, about=str(entity_id)
    )


def recent_events(ctx: Context, filter_text: str = "", *, limit: int = 1000) -> list[AuditEntry]:
    """The whole database's trail, newest first, at most ``limit`` events after filtering."""
    return _read(ctx, None, filter_text, limit=limit)


def _read(
    ctx: Context,
    where: ColumnElement[bool] | None,
    filter_text: str,
    limit: int | None,
    about: str = "",
) -> list[AuditEntry]:
    wanted = filter_text.strip().casefold()
    query = select(AuditEvent).order_by(AuditEvent.seq.desc())
    if where is not None:
        query = query.where(where)
    entries: list[AuditEntry] = []
    with ctx.write() as session:  # reading the trail is itself kept in it (after this read)
        access.require(ctx, access.Action.VIEW_AUDIT, session=session)
        for e in session.execute(query.execution_options(yield_per=500)).scalars():
            parts = (e.account, e.actor_name, e.action, e.entity, e.detail)
            if wanted and not any(wanted in part.casefold() for part in parts):
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
                    actor_name=e.actor_name,
                    actor_role=e.actor_role,
                )
            )
            if limit is not None and len(entries) >= limit:
                break
        names = _person_names(session, {e.entity_id for e in entries})
        audit.record(
            session,
            ctx.actor,
            audit.Action.VIEWED_AUDIT,
            "person" if about else "database",
            about,
            f"filter: {audit.safe_label(filter_text.strip(), 64)}" if filter_text.strip() else "",
        )
    return [replace(e, person=names.get(e.entity_id, "")) for e in entries]


def _person_names(session: Session, ids: set[str]) -> dict[str, str]:
    """The names of the people these events are about, read in one query (by id)."""
    wanted: dict[uuid.UUID, str] = {}
    for text in ids:
        try:
            wanted[uuid.UUID(text)] = text
        except ValueError:
            continue
    if not wanted:
        return {}
    rows = session.execute(select(Person.id, Person.full_name).where(Person.id.in_(wanted)))
    return {wanted[row.id]: row.full_name for row in rows}
