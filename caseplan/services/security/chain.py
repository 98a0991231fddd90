"""The keyed audit chain: a MAC over every event and the one before it, and its head.

Every event carries, besides its SHA-256 ``hash`` (which anyone can recompute), a ``mac``:
HMAC-SHA256 over its sequence number, its hash and the previous event's MAC, under the
database's own audit key. The key is 32 random bytes kept in the database's settings, so
on an embedded clinic only the database key opens it (the file is encrypted with it); a
peer store gets a key of its own (it never carries the clinic's). Editing, deleting,
renumbering, reordering or adding an event breaks the MACs from there on, unless whoever
did it holds the key too; then only the head written down outside the database shows it
(:func:`compare_anchor`): in the key file, in every backup's copy of it, on ``caseplan
check``'s output.

Events written before the chain was keyed (schema 0013) have no MAC; once one has, every
later one must.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from caseplan.errors import tr_noop
from caseplan.models import AuditEvent, Setting

#: The settings row that holds the audit key (hex); never copied into a peer store.
KEY_SETTING = "audit_chain_key"


@dataclass(frozen=True)
class Head:
    """The newest event: its sequence number and MAC (its hash if it was written before the
    chain was keyed; 0 and "" for an empty trail)."""

    seq: int
    mac: str
    #: When it was recorded as the newest (anchors only).
    at: datetime | None = None

    @property
    def words(self) -> str:
        """The head as a person can write it down: ``1234:ab12cd34ef56ab78``."""
        return f"{self.seq}:{self.mac[:16]}"

    def to_json(self) -> dict[str, object]:
        return {"seq": self.seq, "mac": self.mac}


def parse_head(value: str) -> Head | None:
    """``SEQ:MAC`` as :attr:`Head.words` writes it (the MAC may be given in full); None if
    it is not that."""
    seq, _, mac = value.strip().partition(":")
    mac = mac.strip().lower()
    if not seq.isdigit() or len(mac) < 8 or any(c not in "0123456789abcdef" for c in mac):
        return None
    return Head(int(seq), mac)


def head_from_json(value: object) -> Head | None:
    if not isinstance(value, dict):
        return None
    seq, mac, at = value.get("seq"), value.get("mac"), value.get("at")
    if not isinstance(seq, int) or not isinstance(mac, str):
        return None
    try:
        when = datetime.fromisoformat(at) if isinstance(at, str) else None
    except ValueError:
        when = None
    return Head(seq, mac, when)


def audit_key(session: Session, *, create: bool = True) -> bytes | None:
    """This database's audit key; made on the first event if there is none yet."""
    if session.get_bind().dialect.name == "postgresql":
        # Every account appends as itself; the key comes from a function (migration 0013).
        value = session.execute(text("SELECT caseplan_audit_key()")).scalar()
    else:
        row = session.get(Setting, KEY_SETTING)
        value = None if row is None else row.value
        if value is None and create:
            value = os.urandom(32).hex()
            session.add(Setting(key=KEY_SETTING, value=value))
            session.flush()
    return None if not value else bytes.fromhex(str(value))


def event_mac(key: bytes, seq: int, event_hash: str, prev_mac: str) -> str:
    message = json.dumps([seq, event_hash, prev_mac], separators=(",", ":")).encode("ascii")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def head(session: Session) -> Head:
    if session.get_bind().dialect.name == "postgresql":
        row = session.execute(text("SELECT seq, hash, mac FROM caseplan_audit_head()")).first()
    else:
        row = session.execute(
            select(AuditEvent.seq, AuditEvent.hash, AuditEvent.mac)
            .order_by(AuditEvent.seq.desc())
            .limit(1)
        ).first()
    if row is None or row.seq is None:
        return Head(0, "")
    return Head(int(row.seq), str(row.mac or row.hash))


def mac_problem(
    key: bytes | None, event: AuditEvent, prev_mac: str, keyed: bool
) -> tuple[str, bool]:
    """One event's MAC checked: (the sentence, or ""; whether the chain is keyed from here)."""
    if not event.mac:
        if keyed:
            return (
                tr_noop(
                    "Audit event {seq} has no seal though the ones before it have: it was "
                    "added or changed outside Caseplan."
                ).format(seq=event.seq),
                keyed,
            )
        return "", False
    if key is None:
        return (
            tr_noop(
                "The audit trail's key is missing from the database, so no event can be "
                "proven (first sealed event: {seq})."
            ).format(seq=event.seq),
            True,
        )
    expected = event_mac(key, event.seq, event.hash, prev_mac)
    if not hmac.compare_digest(expected, event.mac):
        return (
            tr_noop(
                "Audit event {seq} does not carry the seal Caseplan gave it: it was added, "
                "changed, moved or renumbered outside Caseplan."
            ).format(seq=event.seq),
            True,
        )
    return "", True


def compare_anchor(session: Session, anchor: Head, where: str) -> str:
    """The head written down at ``where`` against the trail now; "" when it fits."""
    if anchor.seq <= 0:
        return ""
    newest = head(session)
    if newest.seq == 0:
        return tr_noop(
            "The audit trail is empty, but {where} recorded event {seq}: its events were deleted."
        ).format(where=where, seq=anchor.seq)
    # Anchors recorded before 2026-12 carry a time cut to the second (later ones the head
    # event's own time): read such a time as the end of its second.
    until = anchor.at
    if until is not None and until.microsecond == 0:
        until += timedelta(microseconds=999_999)
    if (
        until is not None
        and not session.execute(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.at <= until)
        ).scalar()
    ):
        return tr_noop(
            "The audit trail was emptied: none of its events is as old as event {seq}, which "
            "{where} recorded."
        ).format(seq=anchor.seq, where=where)
    if newest.seq < anchor.seq:
        return tr_noop(
            "The audit trail ends at event {head}, but {where} recorded event {seq}: its "
            "newest events were deleted, or the database was replaced by an older copy of "
            "itself."
        ).format(head=newest.seq, where=where, seq=anchor.seq)
    row = session.execute(
        select(AuditEvent.mac, AuditEvent.hash, AuditEvent.at).where(AuditEvent.seq == anchor.seq)
    ).first()
    if row is None:
        return tr_noop(
            "Audit event {seq}, which {where} recorded, is missing: events were deleted or "
            "renumbered."
        ).format(seq=anchor.seq, where=where)
    if not anchor.mac or not str(row.mac or row.hash).startswith(anchor.mac):
        if until is not None and row.at > until:
            return tr_noop(
                "Audit event {seq} was written after {where} recorded event {seq} as the "
                "newest: the events up to it were deleted (or the database was replaced by "
                "an older copy of itself) and new ones were written since."
            ).format(seq=anchor.seq, where=where)
        return tr_noop(
            "Audit event {seq} is not the one {where} recorded: the trail up to it was "
            "rewritten, or the database was replaced by another copy of itself."
        ).format(seq=anchor.seq, where=where)
    return ""
