"""A person's data as one JSON document, ``caseplan.person/1`` (docs/json-format.md).

Export writes everything Caseplan stores about the person, all plans open and closed, as
deterministic bytes, so export → import into an empty database → export gives the same
file. Import is all or nothing: the whole document is checked before anything is written,
and then written in one transaction.

The document is one typed model (:mod:`~caseplan.services.exchange.model`), read and checked
by :mod:`~caseplan.services.exchange.reading`, made from the stored records by
:mod:`~caseplan.services.exchange.document` and turned into new records by
:mod:`~caseplan.services.exchange.records`.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseplan.errors import AlreadyExists, CaseplanError, tr_noop
from caseplan.models import (
    Base,
    CrisisContact,
    CrisisPlan,
    Goal,
    Meeting,
    Participant,
    PeerContribution,
    Person,
    Plan,
    PlanVersion,
    Review,
    Step,
)
from caseplan.models.names import set_name_keys
from caseplan.services.context import Context
from caseplan.services.exchange.document import build_document, to_plain
from caseplan.services.exchange.model import FORMAT
from caseplan.services.exchange.reading import MAX_DOCUMENT_BYTES, Ids
from caseplan.services.exchange.records import read_document
from caseplan.services.security import access, audit
from caseplan.services.security.access import Action
from caseplan.services.security.who import account_label
from caseplan.storage.faults import fault_kind

__all__ = [
    "FORMAT",
    "MAX_DOCUMENT_BYTES",
    "export_person",
    "export_person_to",
    "import_person",
    "read_document",
]

MODELS: dict[str, type[Base]] = {
    "person": Person,
    "plan": Plan,
    "participant": Participant,
    "goal": Goal,
    "step": Step,
    "peer_contribution": PeerContribution,
    "meeting": Meeting,
    "review": Review,
    "crisis_plan": CrisisPlan,
    "contact": CrisisContact,
    "version": PlanVersion,
}
_CHUNK = 500


def export_person(ctx: Context, person_id: uuid.UUID) -> bytes:
    """The person's whole record as UTF-8 JSON bytes; the same data always gives the same bytes.

    Audited as an export when it is returned: for a file, use :func:`export_person_to`.
    """
    with ctx.write() as session:  # writes only the audit event
        access.require(ctx, Action.EXPORT, person_id, session=session)
        document = build_document(session, person_id)
        detail = _count(document.plans)
        audit.record(session, ctx.actor, audit.Action.EXPORT, "person", person_id, detail)
    return _encode(document)


def export_person_to(
    ctx: Context, person_id: uuid.UUID, stage: Callable[[bytes], AbstractContextManager[Any]]
) -> None:
    """Export the person's record into a file, audited as an export only once it is written.

    ``stage(data)`` writes the file beside its place and puts it there when its block ends
    (:func:`caseplan.storage.files.staged`); the audit event is committed inside that block,
    so a file that could not be written (a full disk, a read-only place) is never recorded
    as exported. Such an export is audited as failed, with what went wrong (never a path).
    """
    with ctx.read() as session:
        access.require(ctx, Action.EXPORT, person_id, session=session)
        document = build_document(session, person_id)
    detail = _count(document.plans)
    try:
        with stage(_encode(document)), ctx.write() as session:
            audit.record(session, ctx.actor, audit.Action.EXPORT, "person", person_id, detail)
    except CaseplanError as error:
        with contextlib.suppress(CaseplanError), ctx.write() as session:
            failed = f"{detail}; not written: {fault_kind(error)}"
            action = audit.Action.EXPORT_FAILED
            audit.record(session, ctx.actor, action, "person", person_id, failed)
        raise


def _encode(document: Any) -> bytes:
    return (json.dumps(to_plain(document), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def import_person(ctx: Context, data: bytes) -> uuid.UUID:
    """Add the person in ``data`` with all their plans, or refuse and write nothing."""
    access.require(ctx, Action.IMPORT)
    document = read_document(data)
    with ctx.write() as session:
        _refuse_known_ids(session, document.ids)
        set_name_keys(document.person)
        # Contributions and agreed versions were not recorded or agreed here: they say so.
        mark_imported(session, ctx, document.records)
        # In stages: several foreign keys have no relationship for the ORM to order inserts by.
        for stage in document.stages:
            session.add_all(stage)
            session.flush()
        for plan, coordinator in document.coordinators:
            plan.coordinator_id = coordinator
        session.flush()
        detail = _count(document.plans)
        audit.record(session, ctx.actor, audit.Action.IMPORT, "person", document.person.id, detail)
        return document.person.id


def mark_imported(session: Session, ctx: Context, rows: list[Base]) -> None:
    """Mark every peer contribution and agreed version among ``rows`` as imported now: they
    were not recorded or agreed here (a contribution waits for a team lead to accept it)."""
    by = account_label(session, ctx)
    today = ctx.today()
    for row in rows:
        if isinstance(row, PeerContribution | PlanVersion):
            row.imported_on = today
            row.imported_by = by


def _count(plans: list[Any]) -> str:
    return f"plans: {len(plans)}"


def _refuse_known_ids(session: Session, ids: Ids) -> None:
    """Refuse ids that are already stored, naming the first one found."""
    by_kind: dict[str, list[uuid.UUID]] = {}
    for ident, (_, kind) in ids.items():
        by_kind.setdefault(kind, []).append(ident)
    for kind, idents in by_kind.items():
        column = MODELS[kind].__table__.c.id
        for start in range(0, len(idents), _CHUNK):
            chunk = idents[start : start + _CHUNK]
            known = set(session.scalars(select(column).where(column.in_(chunk))))
            for ident in chunk:
                if ident not in known:
                    continue
                if kind == "person":
                    raise AlreadyExists(tr_noop("This person is already in the database."))
                raise AlreadyExists(
                    tr_noop("{field} is already in the database, under another person."),
                    field=ids[ident][0],
                )
