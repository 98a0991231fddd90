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
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from caseplan.errors import CaseplanError
from caseplan.services.context import Context
from caseplan.services.security import chain
from caseplan.storage import keyfile
from caseplan.storage.key_model import KeyFile

AUDIT = "audit"
THE_KEY_FILE = "the key file"
A_BACKUP = "the backup {name}"


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
        if head.seq == 0:
            return None

        def change(data: KeyFile) -> KeyFile:
            kept = _anchor(data)
            if kept is not None and kept.seq > head.seq:
                return data  # another program recorded a newer head meanwhile
            anchors = dict(data.extra.get("anchors") or {})
            at = datetime.now(UTC).isoformat(timespec="seconds")
            anchors[AUDIT] = {**head.to_json(), "at": at}
            return dataclasses.replace(data, extra={**data.extra, "anchors": anchors})

        keyfile.update(path, change)
    except (CaseplanError, DBAPIError, OSError):
        return None
    return head
