"""The command line (DESIGN.md §5): a stable contract that scripts and tests rely on.

Errors a person can cause are printed to stderr as one sentence with a non-zero exit.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from caseplan.errors import CaseplanError
from caseplan.services.context import Context
from caseplan.storage.database import Database, open_database
from caseplan.storage.location import resolve

EXIT_ERROR = 1
EXIT_USAGE = 2


def _open(args: argparse.Namespace, *, create: bool = False) -> Database:
    return open_database(resolve(args.db), create=create)


def cmd_people(args: argparse.Namespace) -> int:
    from caseplan.services.people import list_people

    with _session(args) as ctx:
        rows = list_people(ctx, args.search)
    if args.json:
        json.dump([row.to_json() for row in rows], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for row in rows:
            review = row.next_review.isoformat() if row.next_review else "-"
            sys.stdout.write(f"{row.id}  {review:10}  {row.full_name}\n")
    return 0


class _session:
    """Open the database for one command and hand out a :class:`Context`."""

    def __init__(self, args: argparse.Namespace, *, create: bool = False) -> None:
        self.database = _open(args, create=create)

    def __enter__(self) -> Context:
        return Context(self.database.sessions)

    def __exit__(self, *exc: object) -> None:
        self.database.close()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="caseplan",
        description="Plan follow-up together with the person. With no command, opens the app.",
    )
    parser.add_argument("--db", help="database file or postgresql:// URL (also CASEPLAN_DB)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    people = commands.add_parser("people", help="list people, optionally searching by name")
    people.add_argument("--search", metavar="TEXT", help="part of a name, any case")
    people.add_argument("--json", action="store_true", help="print JSON instead of lines")
    people.set_defaults(handler=cmd_people)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    try:
        if handler is None:
            from caseplan.app import run_app

            return run_app(args.db)
        return handler(args)
    except CaseplanError as error:
        sys.stderr.write(f"caseplan: {error}\n")
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
