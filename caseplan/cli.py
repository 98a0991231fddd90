"""The command line (DESIGN.md §5): a stable contract that scripts and tests rely on.

Errors a person can cause are printed to stderr as one sentence with a non-zero exit.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

from caseplan.errors import CaseplanError, InvalidInput, tr_noop
from caseplan.services.context import Context
from caseplan.storage.database import Database, open_database
from caseplan.storage.files import read_limited, write_atomically
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


def _person_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError as error:
        raise InvalidInput(tr_noop("{text} is not a person id."), text=text[:60]) from error


def cmd_demo(args: argparse.Namespace) -> int:
    from caseplan.services.demo import create_demo

    if args.people < 0:
        raise InvalidInput(tr_noop("The number of people cannot be negative."))
    with _session(args, create=True) as ctx:
        added = create_demo(ctx, args.people, seed=args.seed)
        where = _location_text(args)
    sys.stderr.write(f"Added {added} fictional people to {where}.\n")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from caseplan.services.exchange import export_person

    person_id = _person_id(args.person_id)
    with _session(args) as ctx:
        data = export_person(ctx, person_id)
    write_atomically(Path(args.out), data)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from caseplan.services.exchange import MAX_DOCUMENT_BYTES, import_person

    data = read_limited(Path(args.file), MAX_DOCUMENT_BYTES)
    with _session(args) as ctx:
        person_id = import_person(ctx, data)
    sys.stdout.write(f"{person_id}\n")
    return 0


def _location_text(args: argparse.Namespace) -> str:
    return resolve(args.db).describe()


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

    demo = commands.add_parser("demo", help="create or fill a database with fictional people")
    demo.add_argument("--people", type=int, default=50, metavar="N", help="how many (default 50)")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="same seed, same people")
    demo.set_defaults(handler=cmd_demo)

    export = commands.add_parser("export", help="write one person's data as JSON")
    export.add_argument("person_id", metavar="PERSON_ID")
    export.add_argument("--out", required=True, metavar="FILE")
    export.add_argument("--format", choices=["json"], default="json")
    export.set_defaults(handler=cmd_export)

    import_ = commands.add_parser("import", help="add one person from a JSON file")
    import_.add_argument("file", metavar="FILE")
    import_.set_defaults(handler=cmd_import)
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
    except BrokenPipeError:
        # The reader (e.g. `head`) went away; stop quietly like other Unix tools.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
