"""Looking after the database: backup, restore and the integrity check, each audited."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from caseplan.errors import AccessDenied, CaseplanError, StorageError, tr_noop
from caseplan.models import Role
from caseplan.services.clinic import anchors, backup_keys, clinic_keys
from caseplan.services.clinic.unlock import OpenClinic as OpenClinic
from caseplan.services.clinic.unlock import sign_in
from caseplan.services.security import access, audit, chain
from caseplan.storage import keys
from caseplan.storage.backup import backup_database
from caseplan.storage.cipher import connect_for_reading, verify_encrypted
from caseplan.storage.faults import DB_DAMAGED
from caseplan.storage.files import check_output
from caseplan.storage.key_model import normalize_username
from caseplan.storage.location import resolve

DAMAGED = tr_noop(
    "The database at {path} is damaged: it cannot be read to the end. Caseplan changed "
    "nothing; restore the last good backup (caseplan restore)."
)
NOT_ALLOWED_TO_RESTORE = tr_noop(
    "Only a team lead or an administrator of the clinic in this backup can restore it."
)
WRITTEN_DOWN = "the head written down ({head})"
HEAD_LINE = (
    "Audit trail head: {head} (write it down with today's date; "
    "caseplan check --expect {head} compares it later)"
)
USE_PG_DUMP = tr_noop("On a PostgreSQL server, back up with the server's own tools (pg_dump).")


def backup(
    clinic: OpenClinic, target: Path, *, progress: Callable[[int, int], None] | None = None
) -> Path:
    """A verified, encrypted backup with its key file beside it; audited."""
    ctx = clinic.ctx
    access.require(ctx, access.Action.BACKUP)
    source = clinic.database.location.path
    if source is None or clinic.secret is None:
        raise StorageError(USE_PG_DUMP)
    target = check_output(target, databases=(source,), new_folder=True)
    check_output(keys.keys_path(target), databases=(source,), new_folder=True)
    clinic.anchor()  # the copy of the key file beside the backup carries the trail's head
    backup_database(source, clinic.secret.reveal(), target, progress=progress)
    with ctx.write() as session:
        audit.record(session, ctx.actor, audit.Action.BACKUP, "database", "", target.name)
        backup_keys.remember(session, target)
    clinic.anchor()
    return target


def restore(backup_file: Path, target: Path, username: str, password: str) -> OpenClinic:
    """Restore ``backup_file`` into ``target``, which must not exist yet; returns it signed in.

    The backup is unlocked with the account's password from its own key file and
    checked before anything is written at ``target``.
    """
    if not backup_file.exists():
        raise StorageError(tr_noop("There is no file at {path}."), path=str(backup_file))
    if target.exists() or keys.keys_path(target).exists():
        raise StorageError(
            tr_noop("A backup is only restored into an empty place; {path} exists."),
            path=str(target),
        )
    backup_keys_path = keys.keys_path(backup_file)
    if not backup_keys_path.exists():
        raise StorageError(
            tr_noop("The key file of this backup is missing ({path})."), path=str(backup_keys_path)
        )
    db_key = backup_keys.unlock_backup(backup_keys_path, username, password)
    verify_encrypted(backup_file, db_key)
    _may_restore(backup_file, db_key, username)
    backup_database(backup_file, db_key, target)
    clinic = sign_in(resolve(str(target)), username, password)
    try:
        with clinic.ctx.write() as session:
            audit.record(
                session, clinic.actor, audit.Action.RESTORE, "database", "", backup_file.name
            )
        # Whoever held the backup's key (a former colleague too) must not open the restored
        # database: it gets a key of its own at once.
        if clinic.holds_clinic_key:
            clinic_keys.rotate(clinic, "restored from a backup")
    except BaseException:
        clinic.close()
        raise
    return clinic


def _may_restore(backup_file: Path, db_key: bytes, username: str) -> None:
    """The role table holds for restoring too: the account, as it is in the backup, must be
    an active team lead or administrator (BACKUP); checked before anything is written."""
    connection = connect_for_reading(backup_file, db_key)
    try:
        rows = connection.execute("SELECT username, role, active FROM accounts").fetchall()
    finally:
        connection.close()
    wanted = normalize_username(username)
    for name, role, active in rows:
        if normalize_username(name) == wanted and active:
            if access.rule_for(Role(role), access.Action.BACKUP) is access.Rule.ALLOW:
                return
            break
    raise AccessDenied(NOT_ALLOWED_TO_RESTORE)


@dataclass(frozen=True)
class CheckReport:
    ok: bool
    lines: tuple[str, ...]


def check(clinic: OpenClinic, expected: Sequence[chain.Head] = ()) -> CheckReport:
    """The database's own integrity check, then the audit chain, link by link, and its
    head against every head kept outside the database (the key file, each backup's copy
    of it, and ``expected``: heads written down from an earlier check).

    Damage is part of the report, never a traceback: SQLCipher's page checksums first (a
    damaged page makes SQLite's own check fail oddly, so that runs only on a file whose
    pages are whole), then the sentence that says what to do.
    """
    ctx = clinic.ctx
    access.require(ctx, access.Action.VIEW_AUDIT)
    lines: list[str] = []
    try:
        recorded = _recorded_heads(clinic, expected)
        report = _check(clinic, lines, recorded)
    except (DBAPIError, MemoryError, StorageError) as error:
        if isinstance(error, StorageError) and error.template != DB_DAMAGED:
            raise
        return damaged_report(clinic.database.location.describe(), lines)
    with suppress(CaseplanError, DBAPIError), ctx.write() as session:  # what it found, kept
        detail = "ok" if report.ok else "problems found: " + "; ".join(report.lines)
        audit.record(session, ctx.actor, audit.Action.CHECKED, "database", "", detail[:2000])
    if report.ok:
        clinic.anchor()
        with suppress(CaseplanError, DBAPIError), ctx.read() as session:
            head = chain.head(session)
            lines = [*report.lines, HEAD_LINE.format(head=head.words)]
            report = CheckReport(ok=True, lines=tuple(lines))
    return report


def damaged_report(where: str, lines: Sequence[str] = ()) -> CheckReport:
    """A failed check: what was found, then the sentence saying the file is damaged."""
    return CheckReport(ok=False, lines=(*lines, DAMAGED.format(path=where)))


def _recorded_heads(
    clinic: OpenClinic, expected: Sequence[chain.Head]
) -> list[tuple[str, chain.Head]]:
    """Every head kept outside the database, with where it was kept."""
    found = [(WRITTEN_DOWN.format(head=head.words), head) for head in expected]
    if clinic.key_path is not None:
        kept = anchors.anchor_in(clinic.key_path)
        if kept is not None:
            found.append((anchors.THE_KEY_FILE, kept))
    on_server = anchors.server_anchor(clinic.database.location)
    if on_server is not None:
        found.append((anchors.THIS_COMPUTER, on_server))
    if clinic.holds_clinic_key:
        for info in backup_keys.list_backups(clinic):
            kept = anchors.anchor_in(keys.keys_path(info.path))
            if kept is not None and info.state is backup_keys.KeyState.CURRENT:
                found.append((anchors.A_BACKUP.format(name=info.path.name), kept))
    return found


def _check(
    clinic: OpenClinic, lines: list[str], recorded: Sequence[tuple[str, chain.Head]]
) -> CheckReport:
    ctx = clinic.ctx
    ok = True
    with ctx.read() as session:
        if clinic.database.location.is_sqlite:
            problems = _integrity(session)
            if problems:
                found = [f"Integrity check: {line}" for line in problems[:20]]
                return damaged_report(clinic.database.location.describe(), found)
            lines.append("Integrity check: ok")
            foreign = session.execute(text("PRAGMA foreign_key_check")).fetchall()
            if foreign:
                ok = False
                lines.append(f"Foreign keys: {len(foreign)} broken references")
        report = audit.verify_chain(session)
        outside = [
            (where, problem)
            for where, head in recorded
            if (problem := chain.compare_anchor(session, head, where))
        ]
    if report.ok:
        lines.append(f"Audit trail: ok ({report.checked} events, chain unbroken)")
    else:
        ok = False
        lines.append(f"Audit trail: broken at event {report.first_broken_seq}: {report.reason}")
    if outside:
        ok = False
        lines += [f"Audit trail: {problem}" for _where, problem in outside]
    elif recorded:
        lines.append(f"Audit trail: the head fits {', '.join(w for w, _h in recorded)}")
    return CheckReport(ok=ok, lines=tuple(lines))


def _integrity(session: Session) -> list[str]:
    pages = [str(row[0]) for row in session.execute(text("PRAGMA cipher_integrity_check"))]
    if pages:
        return pages
    rows = [str(row[0]) for row in session.execute(text("PRAGMA integrity_check"))]
    return [row for row in rows if row != "ok"]
