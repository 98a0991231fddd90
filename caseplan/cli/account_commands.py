"""Accounts: list them, add one, change or reset a password, switch one off (admins)."""

from __future__ import annotations

import argparse
import os
import sys

from caseplan.cli.common import add_common_options, password, say, signed_in
from caseplan.models import Role
from caseplan.services.clinic import unlock
from caseplan.services.security import accounts

NEW_PASSWORD_ENV = "CASEPLAN_NEW_PASSWORD"


def new_password() -> str:
    """The new password from ``CASEPLAN_NEW_PASSWORD``, or asked for twice in a terminal."""
    value = os.environ.get(NEW_PASSWORD_ENV)
    if value is not None:
        return value
    return _ask_twice()


def _ask_twice() -> str:
    saved = os.environ.pop("CASEPLAN_PASSWORD", None)
    try:
        return password("New password: ", confirm=True)
    finally:
        if saved is not None:
            os.environ["CASEPLAN_PASSWORD"] = saved


def cmd_list(args: argparse.Namespace) -> int:
    with signed_in(args) as clinic:
        rows = accounts.list_accounts(clinic.ctx)
    for row in rows:
        state = "" if row.active else "  (switched off)"
        sys.stdout.write(f"{row.username:20} {row.role.value:12} {row.display_name}{state}\n")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    with signed_in(args) as clinic:
        new = new_password()
        info = accounts.create_account(
            clinic.ctx,
            args.username,
            args.name,
            Role(args.role),
            new,
            email=args.email or "",
            slots=unlock.key_slots(clinic),
        )
    say(f"Added the account {info.username} ({info.role.value}).")
    return 0


def cmd_password(args: argparse.Namespace) -> int:
    with signed_in(args) as clinic:
        old = password()
        new = new_password()
        accounts.change_password(
            clinic.ctx, clinic.actor.username, old, new, slots=unlock.key_slots(clinic)
        )
    say("The password is changed.")
    return 0


def cmd_reset(args: argparse.Namespace) -> int:
    with signed_in(args) as clinic:
        new = new_password()
        accounts.reset_password(clinic.ctx, args.username, new, slots=unlock.key_slots(clinic))
    say(
        f"The password of {args.username} is reset, and the database has a new key: the old "
        "password opens nothing, not even with an old key file."
    )
    return 0


def cmd_deactivate(args: argparse.Namespace) -> int:
    with signed_in(args) as clinic:
        accounts.deactivate_account(clinic.ctx, args.username, slots=unlock.key_slots(clinic))
    say(
        f"The account {args.username} is switched off, and the database has a new key: its "
        "password opens nothing, not even with an old key file (backups made before: "
        "caseplan backups list)."
    )
    return 0


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "accounts",
        help="manage accounts (administrators); new passwords come from CASEPLAN_NEW_PASSWORD "
        "or are asked for",
    )
    actions = parser.add_subparsers(dest="accounts_command", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="every account with its role")
    add_common_options(listing)
    listing.set_defaults(handler=cmd_list)

    add = actions.add_parser("add", help="add an account")
    add_common_options(add)
    add.add_argument("username", metavar="USERNAME")
    add.add_argument("--role", required=True, choices=[role.value for role in Role])
    add.add_argument("--name", required=True, metavar="TEXT", help="the person's full name")
    add.add_argument("--email", metavar="ADDRESS")
    add.set_defaults(handler=cmd_add)

    change = actions.add_parser("password", help="change your own password")
    add_common_options(change)
    change.set_defaults(handler=cmd_password)

    reset = actions.add_parser("reset-password", help="give an account a new password (admins)")
    add_common_options(reset)
    reset.add_argument("username", metavar="USERNAME")
    reset.set_defaults(handler=cmd_reset)

    off = actions.add_parser("deactivate", help="switch an account off and remove its key slot")
    add_common_options(off)
    off.add_argument("username", metavar="USERNAME")
    off.set_defaults(handler=cmd_deactivate)
