"""The audit chain's head kept outside the database (docs/security.md §3, ``anchors``).

The key file holds ``{"anchors": {"audit": {"seq": N, "mac": "…", "at": "…"}}}``: the
newest event when a staff session last closed, backed up or checked. Every backup's copy
of the key file carries the head of its moment. ``caseplan check`` compares the trail with
each of them (and with a head written down by hand), so deleting the newest events,
emptying the table or putting an older copy of the database in its place is found even by
someone who could recompute every seal.

The head never moves backwards here: a trail shorter than its anchor, or one whose event
at the anchor is not the one recorded, leaves the anchor as it is for the check to report.
(The operating system's keyring is not used: the key design keeps no secret there,
docs/design.md §4; a head written down from ``caseplan check`` stands in for it.)

A clinic on a PostgreSQL server has no key file: each computer that works with it keeps
the head in a small file of its own, in the user's data folder (``anchors/``, one file per
server address, mode 0600), written when a team lead's or an administrator's session
closes or checks (they may read the trail, so they can first see that it still fits).
A server database put back as an older copy of itself is then found by ``caseplan check``
on any such computer, as the key file finds it for an embedded one.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from caseplan.errors import CaseplanError
from caseplan.models import AuditEvent
from caseplan.services.context import Context
from caseplan.services.security import chain
from caseplan.storage import keyfile
from caseplan.storage.files import write_atomically
from caseplan.storage.key_model import KeyFile
from caseplan.storage.location import Location, default_database_path

AUDIT = "audit"
THE_KEY_FILE = "the key file"
A_BACKUP = "the backup {name}"
THIS_COMPUTER = "this computer's record of the server"


def anchor_in(path: Path) -> chain.Head | None:
    """The head recorded in the key file at ``path`` (None if none, or no such file)."""
    try:
        data = keyfile.load(path)
    except CaseplanError:
        return None
    return _anchor(data)


def _anchor(data: KeyFile) -> chain.Head | None:
    anchors = data.extra.get("anchors")
    return chain.head_from_json(anchors.get(AUDIT)) if isinstance(anchors, dict) else None


def write_anchor(path: Path, ctx: Context) -> chain.Head | None:
    """Record the trail's head in the clinic's key file at ``path`` (staff sessions on an
    embedded database: :meth:`OpenClinic.anchor`).

    Never fails: an anchor not written now is written at the next close.
    """
    try:
        with ctx.read() as session:
            head = chain.head(session)
            kept = anchor_in(path)
            if kept is not None and chain.compare_anchor(session, kept, ""):
                return None  # the trail does not fit what was recorded: leave it for check
            written = session.scalar(select(AuditEvent.at).where(AuditEvent.seq == head.seq))
        if head.seq == 0 or written is None:
            return None

        def change(data: KeyFile) -> KeyFile:
            kept = _anchor(data)
            if kept is not None and kept.seq > head.seq:
                return data  # another program recorded a newer head meanwhile
            anchors = dict(data.extra.get("anchors") or {})
            # the head event's own time: a time cut to the second made a young trail (all
            # its events in that second) look emptied to the next check
            anchors[AUDIT] = {**head.to_json(), "at": written.isoformat()}
            return dataclasses.replace(data, extra={**data.extra, "anchors": anchors})

        keyfile.update(path, change)
    except (CaseplanError, DBAPIError, OSError):
        return None
    return head


# --- a clinic on a server: the head kept on this computer ----------------------------------


def _server_name(location: Location) -> str:
    url = location.url
    return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def server_record(location: Location) -> Path | None:
    """Where this computer keeps the head of the server clinic at ``location`` (None for
    an embedded database): one file per server address, never with a user or password."""
    if location.path is not None:
        return None
    digest = hashlib.sha256(_server_name(location).encode("utf-8")).hexdigest()[:32]
    return default_database_path().parent / "anchors" / f"{digest}.json"


def server_anchor(location: Location) -> chain.Head | None:
    """The head this computer recorded for the server clinic (None if none yet)."""
    path = server_record(location)
    if path is None:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return chain.head_from_json(data.get(AUDIT)) if isinstance(data, dict) else None


def write_server_anchor(location: Location, ctx: Context) -> chain.Head | None:
    """Record the server clinic's head on this computer; as :func:`write_anchor`, it never
    moves backwards, is left as it is when the trail does not fit it, and never fails."""
    path = server_record(location)
    if path is None:
        return None
    try:
        with ctx.read() as session:
            head = chain.head(session)
            kept = server_anchor(location)
            if kept is not None and chain.compare_anchor(session, kept, ""):
                return None  # the trail does not fit what was recorded: leave it for check
            # The head event's own time, not this computer's clock (which may differ from
            # the one that wrote it): the events up to it are never younger than this.
            written = session.scalar(select(AuditEvent.at).where(AuditEvent.seq == head.seq))
        if head.seq == 0 or written is None:
            return None
        record = {
            "server": _server_name(location),
            AUDIT: {**head.to_json(), "at": written.isoformat()},
        }
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomically(path, json.dumps(record, indent=1).encode("utf-8"))
    except (CaseplanError, DBAPIError, OSError):
        return None
    return head
