"""The append-only, hash-chained audit trail.

Each event is written with :func:`record` in the same session (so the same transaction)
as the change it records: if the change is rolled back, so is its event. Every row
carries the SHA-256 of its own fields and of the row before it, and a MAC under the
database's audit key over that and the MAC before it (:mod:`.chain`), so editing,
deleting, renumbering or adding a row breaks the chain, which :func:`verify_chain`
reports; deleting the newest rows is found against the head kept outside the database.

What goes into ``detail`` says *what* happened ("changed: own_words, status"), never the
person's words themselves. For everything in a person's record, ``entity_id`` is the
person's id (``entity`` says what kind of thing changed), so the person's trail finds it.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from caseplan.errors import AccessDenied, tr_noop
from caseplan.models import Account, AuditEvent
from caseplan.models.text import BIDI_CONTROLS, clean_text
from caseplan.services.context import Actor, Context, on_refusal
from caseplan.services.security import chain

#: Any constant will do: it names "the audit chain" among PostgreSQL's advisory locks.
_PG_LOCK_ID = 0x43_41_53_45_41_55_44  # "CASEAUD"
DETAIL_LIMIT = 2_000


class Action:
    """Names of audited actions (stored as they are; keep them stable)."""

    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_IN_THROTTLED = "sign_in_throttled"
    OPEN_PERSON = "open_person"
    BREAK_GLASS = "break_glass"
    CREATE = "create"
    CHANGE = "change"
    DELETE = "delete"
    PRINT = "print"
    EXPORT = "export"
    EXPORT_FAILED = "export_failed"
    IMPORT = "import"
    BACKUP = "backup"
    RESTORE = "restore"
    LOCK = "lock"
    ACCOUNT_CREATED = "account_created"
    PASSWORD_CHANGED = "password_changed"
    PASSWORD_RESET = "password_reset"
    ACCOUNT_DEACTIVATED = "account_deactivated"
    ACCOUNT_REMOVED = "account_removed"
    #: A team member was linked to an account, or the link undone (``detail``: its user name).
    ACCOUNT_LINKED = "account_linked"
    ACCOUNT_UNLINKED = "account_unlinked"
    #: Something the role table (or a rule) refused; ``entity`` names what was asked for.
    REFUSED = "refused"
    #: A list of people was shown (the caseload, a search): one event per query.
    VIEWED_LIST = "viewed_list"
    #: A part of a person's record was read on its own (``detail`` says which part).
    VIEWED = "viewed"
    #: A printout was shown on screen (not printed).
    PREVIEWED = "previewed"
    #: The audit trail itself was read.
    VIEWED_AUDIT = "viewed_audit"
    #: The integrity check and the audit chain were verified.
    CHECKED = "checked"


@dataclass(frozen=True)
class ChainReport:
    """The result of checking the chain; ``reason`` is one sentence when ``ok`` is False."""

    ok: bool
    checked: int
    first_broken_seq: int | None = None
    reason: str = ""


def _canonical_time(at: datetime) -> str:
    return at.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")


def event_hash(
    seq: int,
    at: datetime,
    account: str,
    action: str,
    entity: str,
    entity_id: str,
    detail: str,
    prev_hash: str,
    actor_name: str = "",
    actor_role: str = "",
) -> str:
    """SHA-256 over a canonical JSON array of the row's fields and the previous hash.

    The account's name and role (kept since schema 0013) are part of it when known, so an
    event written before then hashes as it did.
    """
    fields: list[object] = [
        seq,
        _canonical_time(at),
        account,
        action,
        entity,
        entity_id,
        detail,
        prev_hash,
    ]
    if actor_name or actor_role:
        fields += [actor_name, actor_role]
    encoded = json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


def changed_fields(names: Iterable[str]) -> str:
    """A detail naming what changed, never the new or old words."""
    return "changed: " + ", ".join(sorted(set(names)))


def safe_label(text: str, limit: int = 64) -> str:
    """``text`` (say, a user name someone typed) made safe to store: NFC, hidden and
    control characters replaced by U+FFFD, at most ``limit`` characters."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        hidden = char in BIDI_CONTROLS or unicodedata.category(char) in ("Cc", "Cs", "Cn")
        out.append("\ufffd" if hidden else char)
    return "".join(out)[:limit]


def _lock_chain(session: Session) -> None:
    """Serialise writers of the chain until this transaction ends.

    PostgreSQL: a transaction-scoped advisory lock. SQLite allows one writer at a time
    anyway; a second writer that read an older last row fails to commit, so the chain
    cannot fork there either.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _PG_LOCK_ID})


def record(
    session: Session,
    actor: Actor | str,
    action: str,
    entity: str = "",
    entity_id: str | uuid.UUID = "",
    detail: str = "",
    *,
    now: Callable[[], datetime] | None = None,
) -> int:
    """Append one event to the chain in ``session``'s transaction; returns its ``seq``."""
    return record_many(session, actor, action, entity, [entity_id], detail, now=now)


def record_many(
    session: Session,
    actor: Actor | str,
    action: str,
    entity: str,
    entity_ids: Iterable[str | uuid.UUID],
    detail: str = "",
    *,
    now: Callable[[], datetime] | None = None,
) -> int:
    """Append one event per id, in order, as :func:`record` would one by one, with one look
    at the chain's head and one write (a batch of a thousand printed plans); returns the
    ``seq`` of the last.

    For an :class:`Actor` the events keep the account's full name and role as they are now.
    """
    account = safe_label(actor if isinstance(actor, str) else actor.username)
    actor_name, actor_role = ("", "") if isinstance(actor, str) else _who(session, actor)
    detail = clean_text(detail, field="Detail", max_length=DETAIL_LIMIT, multiline=True)
    _lock_chain(session)
    if session.get_bind().dialect.name == "postgresql":
        # Every account may append; only some may read the rows (row-level security), so
        # the head comes from a function that shows nothing else (migration 0006).
        last = session.execute(text("SELECT seq, hash, mac FROM caseplan_audit_head()")).first()
    else:
        last = session.execute(
            select(AuditEvent.seq, AuditEvent.hash, AuditEvent.mac)
            .order_by(AuditEvent.seq.desc())
            .limit(1)
        ).first()
    if last is None or last.seq is None:
        seq, prev_hash, prev_mac = 0, "", ""
    else:
        seq, prev_hash, prev_mac = last.seq, last.hash, last.mac or ""
    key = chain.audit_key(session)
    at = (now or (lambda: datetime.now(UTC)))()
    for entity_id in entity_ids:
        seq += 1
        event = AuditEvent(
            seq=seq,
            at=at,
            account=account,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            detail=detail,
            prev_hash=prev_hash,
            actor_name=actor_name,
            actor_role=actor_role,
        )
        event.hash = event_hash(
            seq,
            at,
            event.account,
            action,
            entity,
            event.entity_id,
            detail,
            prev_hash,
            actor_name,
            actor_role,
        )
        if key is not None:
            event.mac = chain.event_mac(key, seq, event.hash, prev_mac)
        session.add(event)
        prev_hash, prev_mac = event.hash, event.mac
    session.flush()
    return seq


def _who(session: Session, actor: Actor) -> tuple[str, str]:
    """The account's full name and role at this moment ("" for the program itself)."""
    if actor.system or actor.account_id is None:
        return "", ""
    account = session.get(Account, actor.account_id)
    name = account.display_name if account is not None else ""
    return safe_label(name, 200), str(actor.role)


def record_refusal(ctx: Context, refusal: AccessDenied) -> None:
    """A refusal, in a transaction of its own: what was asked for, about whom, and why."""
    with ctx.sessions.begin() as session:
        record(
            session,
            ctx.actor,
            Action.REFUSED,
            refusal.action,
            refusal.person_id,
            str(refusal)[:DETAIL_LIMIT],
        )


on_refusal(record_refusal)


def verify_chain(session: Session) -> ChainReport:
    """Walk the whole chain in order and report the first row that does not fit."""
    rows = session.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars()
    key = chain.audit_key(session, create=False)
    expected_seq = 1
    prev_hash = prev_mac = ""
    keyed = False
    checked = 0
    for event in rows:
        if event.seq != expected_seq or event.prev_hash != prev_hash:
            return ChainReport(
                ok=False,
                checked=checked,
                first_broken_seq=event.seq,
                reason=tr_noop(
                    "Audit event {seq} does not follow the one before it: "
                    "an event was deleted or changed."
                ).format(seq=event.seq),
            )
        recomputed = event_hash(
            event.seq,
            event.at,
            event.account,
            event.action,
            event.entity,
            event.entity_id,
            event.detail,
            event.prev_hash,
            event.actor_name,
            event.actor_role,
        )
        if recomputed != event.hash:
            return ChainReport(
                ok=False,
                checked=checked,
                first_broken_seq=event.seq,
                reason=tr_noop("Audit event {seq} was changed after it was written.").format(
                    seq=event.seq
                ),
            )
        problem, keyed = chain.mac_problem(key, event, prev_mac, keyed)
        if problem:
            return ChainReport(
                ok=False, checked=checked, first_broken_seq=event.seq, reason=problem
            )
        checked += 1
        expected_seq = event.seq + 1
        prev_hash, prev_mac = event.hash, event.mac
    return ChainReport(ok=True, checked=checked)


def count_events(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(AuditEvent)).scalar_one())
