"""Commands that look after the database itself: init, backup, restore, check."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from caseplan.cli.common import (
    account_name,
    add_common_options,
    location,
    password,
    say,
    signed_in,
)
from caseplan.errors import InvalidInput, StorageError, tr_noop
from caseplan.models import Role
from caseplan.services.clinic import backup, unlock
from caseplan.storage.faults import DB_DAMAGED


def cmd_init(args: argparse.Namespace) -> int:
    where = location(args)
    name = account_name(args)
    clinic, recovery = unlock.create_clinic(
        where,
        unlock.NewAccount(name, args.name or name, Role.ADMIN, password(confirm=True)),
    )
    clinic.close()
    say(f"Created a new Caseplan database at {where.describe()} with the administrator {name}.")
    if recovery:
        say("")
        say("Recovery key (shown only now; print it and keep it locked away):")
        sys.stdout.write(recovery + "\n")
        say("It unlocks the database if every password is lost.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    with signed_in(args) as clinic:
        target = backup.backup(clinic, Path(args.out))
    say(f"Backup written and verified: {target}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    where = location(args)
    if where.path is None:
        raise StorageError(
            tr_noop("On a PostgreSQL server, restore with the server's own tools (pg_restore).")
        )
    backup.restore(Path(args.file), where.path, account_name(args), password())
    say(f"Restored {args.file} to {where.path}.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from caseplan.services.security import chain

    expected = []
    for value in args.expect or []:
        head = chain.parse_head(value)
        if head is None:
            raise InvalidInput(
                tr_noop("--expect takes the head as check wrote it, like 1234:ab12cd34ef56ab78.")
            )
        expected.append(head)
    try:
        with signed_in(args) as clinic:
            report = backup.check(clinic, expected)
    except StorageError as error:
        if error.template != DB_DAMAGED:
            raise
        found = "Integrity check: the file cannot be opened far enough to sign in."
        report = backup.damaged_report(location(args).describe(), [found])
    for line in report.lines:
        sys.stdout.write(line + "\n")
    return 0 if report.ok else 1


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = commands.add_parser("init", help="create a new clinic database and its administrator")
    add_common_options(init)
    init.add_argument("--name", metavar="TEXT", help="the administrator's full name")
    init.set_defaults(handler=cmd_init)

    backup = commands.add_parser("backup", help="write a verified, encrypted backup")
    add_common_options(backup)
    backup.add_argument("--out", required=True, metavar="FILE")
    backup.set_defaults(handler=cmd_backup)

    restore = commands.add_parser("restore", help="restore a backup into a new, empty location")
    add_common_options(restore)
    restore.add_argument("file", metavar="FILE")
    restore.set_defaults(handler=cmd_restore)

    check = commands.add_parser("check", help="integrity check and audit-chain verification")
    add_common_options(check)
    check.add_argument(
        "--expect",
        action="append",
        metavar="SEQ:SEAL",
        help="a head of the audit trail written down from an earlier check (may be repeated)",
    )
    check.set_defaults(handler=cmd_check)
