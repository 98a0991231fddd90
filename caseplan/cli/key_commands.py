"""The clinic's keys: reset a forgotten administrator password with the recovery key,
rotate the keys, replace the recovery key, and backups made with a retired key."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from caseplan.cli.account_commands import new_password
from caseplan.cli.common import (
    _interactive,
    account_name,
    add_common_options,
    location,
    say,
    signed_in,
)
from caseplan.errors import AccessDenied, tr_noop
from caseplan.services.clinic import backup_keys, clinic_keys, recovery

RECOVERY_ENV = "CASEPLAN_RECOVERY_KEY"


def _recovery_key() -> str:
    value = os.environ.get(RECOVERY_ENV)
    if value is not None:
        return value
    if not _interactive():
        raise AccessDenied(
            tr_noop(
                "No recovery key given: set CASEPLAN_RECOVERY_KEY or run the command in a terminal."
            )
        )
    return getpass.getpass("Recovery key: ")


def cmd_recover(args: argparse.Namespace) -> int:
    name = account_name(args)
    key = _recovery_key()
    clinic, shown = recovery.recover_admin(location(args), key, name, new_password())
    clinic.close()
    say(
        f"The password of {name} is reset, and the database has a new key: old key files and "
        "the forgotten password no longer open it."
    )
    if shown:
        _show_recovery(shown)
    return 0


def _show_recovery(text: str) -> None:
    say("")
    say(
        "New recovery key (shown only now; print it and keep it locked away; the old one no "
        "longer works):"
    )
    sys.stdout.write(text + "\n")


def cmd_rotate(args: argparse.Namespace) -> int:
    with signed_in(args) as clinic:
        rotation = clinic_keys.rotate_keys(clinic)
    say(
        f"The database has a new key (key number {rotation.epoch}, {rotation.seconds:.1f} s); "
        "old key files no longer open it. Backups made before: caseplan backups list."
    )
    return 0


def cmd_new_recovery_key(args: argparse.Namespace) -> int:
    with signed_in(args) as clinic:
        text = recovery.new_recovery_key(clinic)
    _show_recovery(text)
    return 0


def cmd_backups_list(args: argparse.Namespace) -> int:
    with signed_in(args) as clinic:
        found = backup_keys.list_backups(clinic)
    for info in found:
        made = info.made.astimezone().strftime("%Y-%m-%d %H:%M")
        sys.stdout.write(f"{made}  {info.state.value:24}  {info.path}\n")
    retired = sum(1 for info in found if info.state is backup_keys.KeyState.RETIRED)
    if retired:
        say(f"{retired} backup(s) made with a retired key: caseplan backups re-encrypt")
    return 0


def cmd_backups_re_encrypt(args: argparse.Namespace) -> int:
    with signed_in(args) as clinic:
        if args.files:
            targets = [Path(f) for f in args.files]
        else:
            targets = [
                info.path
                for info in backup_keys.list_backups(clinic)
                if info.state is backup_keys.KeyState.RETIRED
            ]
        for target in targets:
            backup_keys.re_encrypt(clinic, target)
            say(f"Re-encrypted with the current key: {target}")
    if not targets:
        say("No backup made with a retired key.")
    return 0


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    recover = commands.add_parser(
        "recover",
        help="reset a forgotten administrator password with the recovery key "
        f"({RECOVERY_ENV}, CASEPLAN_NEW_PASSWORD, or asked for)",
    )
    add_common_options(recover)
    recover.set_defaults(handler=cmd_recover)

    keys = commands.add_parser("keys", help="the clinic's keys (administrators)")
    actions = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    rotate = actions.add_parser("rotate", help="give the database a new key now")
    add_common_options(rotate)
    rotate.set_defaults(handler=cmd_rotate)
    new = actions.add_parser("new-recovery-key", help="replace the recovery key (shown once)")
    add_common_options(new)
    new.set_defaults(handler=cmd_new_recovery_key)

    backups = commands.add_parser("backups", help="backups and the keys they were made with")
    which = backups.add_subparsers(dest="backups_command", metavar="ACTION", required=True)
    listing = which.add_parser("list", help="every backup, and whether its key is retired")
    add_common_options(listing)
    listing.set_defaults(handler=cmd_backups_list)
    again = which.add_parser("re-encrypt", help="re-encrypt backups made with a retired key")
    add_common_options(again)
    again.add_argument("files", nargs="*", metavar="FILE", help="default: every one listed")
    again.set_defaults(handler=cmd_backups_re_encrypt)
