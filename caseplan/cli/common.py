"""What every command shares: the database and account options, sign-in, and output files."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from caseplan.errors import AccessDenied, InvalidInput, StorageError, tr_noop
from caseplan.services.clinic import unlock
from caseplan.storage.files import EXISTS, check_output, write_output
from caseplan.storage.location import Location, resolve

ACCOUNT_ENV = "CASEPLAN_ACCOUNT"
#: Said once, after a file that leaves the encrypted database was written.
NOT_ENCRYPTED = (
    "{path} is not encrypted: anyone who can open the file can read it. "
    "Keep it safe, and delete it when it is no longer needed."
)
PASSWORD_ENV = "CASEPLAN_PASSWORD"


def add_common_options(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--db`` and ``--account``, accepted before or after the command's name."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=default,
        help="database file or postgresql:// URL (default: CASEPLAN_DB, then your data folder)",
    )
    parser.add_argument(
        "--account",
        metavar="NAME",
        default=default,
        help=f"the account to sign in with (default: {ACCOUNT_ENV})",
    )


def location(args: argparse.Namespace) -> Location:
    return resolve(args.db)


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def account_name(args: argparse.Namespace) -> str:
    name = args.account or os.environ.get(ACCOUNT_ENV, "")
    if not name and _interactive():
        name = input("Account: ").strip()
    if not name:
        raise InvalidInput(tr_noop("Say which account to use with --account or CASEPLAN_ACCOUNT."))
    return name


def password(prompt: str = "Password: ", *, confirm: bool = False) -> str:
    """The password from ``CASEPLAN_PASSWORD``, or asked for when a terminal is attached."""
    value = os.environ.get(PASSWORD_ENV)
    if value is not None:
        return value
    if not _interactive():
        raise AccessDenied(
            tr_noop("No password given: set CASEPLAN_PASSWORD or run the command in a terminal.")
        )
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Once more: ") != value:
        raise InvalidInput(tr_noop("The two passwords are not the same."))
    return value


@contextmanager
def signed_in(args: argparse.Namespace) -> Iterator[unlock.OpenClinic]:
    """Sign in for one command; the database is closed (and the key dropped) afterwards."""
    name = account_name(args)
    clinic = unlock.sign_in(location(args), name, password())
    if clinic.new_recovery_key:  # the key file was brought up to date: a new recovery key
        say(
            "This clinic's key file was brought up to date. New recovery key (shown only now; "
            "print it and keep it locked away):"
        )
        sys.stdout.write(clinic.new_recovery_key + "\n")
    try:
        yield clinic
    finally:
        clinic.close()


def person_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError as error:
        raise InvalidInput(tr_noop("{text} is not a person id."), text=text[:60]) from error


def say(text: str) -> None:
    """Progress and notes for the person at the terminal (stderr; stdout is for data)."""
    sys.stderr.write(text + "\n")


USE_FORCE = tr_noop(
    "A file already exists at {path}; choose another name, or add --force to replace it."
)


def add_out_option(parser: argparse.ArgumentParser, metavar: str = "FILE") -> None:
    """``--out FILE`` and ``--force`` (replace an existing file, never a database's)."""
    parser.add_argument("--out", required=True, metavar=metavar)
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace the file if it exists (never the database, its key file or a backup)",
    )


def output_path(args: argparse.Namespace) -> Path:
    """Where ``--out`` may write, checked before any work is done (one sentence if not)."""
    try:
        return check_output(args.out, replace=args.force, databases=(location(args).path,))
    except StorageError as error:
        if error.template == EXISTS:
            raise StorageError(USE_FORCE, **error.params) from error
        raise


def write_out(args: argparse.Namespace, data: bytes) -> Path:
    """Write ``data`` to ``--out`` atomically (mode 0600) and say it is not encrypted."""
    output_path(args)
    target = write_output(args.out, data, replace=args.force, databases=(location(args).path,))
    say(NOT_ENCRYPTED.format(path=target))
    return target
