"""Commands about people: list, export, import, and demo data."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from caseplan.cli.common import (
    NOT_ENCRYPTED,
    add_common_options,
    add_out_option,
    location,
    output_path,
    person_id,
    say,
    signed_in,
)
from caseplan.demo import clinic as demo_clinic
from caseplan.errors import InvalidInput, tr_noop
from caseplan.services.clinic import unlock
from caseplan.storage.files import read_limited, staged


def cmd_people(args: argparse.Namespace) -> int:
    from caseplan.services.people.people import list_people

    with signed_in(args) as clinic:
        rows = list_people(clinic.ctx, args.search)
    if args.json:
        json.dump([row.to_json() for row in rows], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for row in rows:
            review = row.next_review.isoformat() if row.next_review else "-"
            sys.stdout.write(f"{row.id}  {review:10}  {row.full_name}\n")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from caseplan.services.exchange.exchange import export_person_to

    wanted = person_id(args.person_id)
    target = output_path(args)
    with signed_in(args) as clinic:
        export_person_to(clinic.ctx, wanted, lambda data: staged(target, data))
    say(NOT_ENCRYPTED.format(path=target))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from caseplan.services.exchange.exchange import MAX_DOCUMENT_BYTES, import_person

    data = read_limited(Path(args.file), MAX_DOCUMENT_BYTES)
    with signed_in(args) as clinic:
        added = import_person(clinic.ctx, data)
    sys.stdout.write(f"{added}\n")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    if args.people < 0:
        raise InvalidInput(tr_noop("The number of people cannot be negative."))
    where = location(args)
    fresh = unlock.is_new(where)
    if fresh:
        demo_clinic.create_demo_clinic(where, args.people, seed=args.seed).close()
        added = args.people
    else:
        with signed_in(args) as clinic:
            added = demo_clinic.add_people(clinic, args.people, seed=args.seed)
    say(f"Added {added} fictional people to {where.describe()}.")
    if fresh:
        say("Accounts: admin, demo, lead and peer, each with the password 'demo'.")
    return 0


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    people = commands.add_parser("people", help="list the people your account may see")
    add_common_options(people)
    people.add_argument("--search", metavar="TEXT", help="part of a name, any case")
    people.add_argument("--json", action="store_true", help="print JSON instead of lines")
    people.set_defaults(handler=cmd_people)

    demo = commands.add_parser("demo", help="create or fill a database with fictional people")
    add_common_options(demo)
    demo.add_argument("--people", type=int, default=50, metavar="N", help="how many (default 50)")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="same seed, same people")
    demo.set_defaults(handler=cmd_demo)

    export = commands.add_parser("export", help="write one person's data as JSON")
    add_common_options(export)
    export.add_argument("person_id", metavar="PERSON_ID")
    add_out_option(export)
    export.add_argument("--format", choices=["json"], default="json")
    export.set_defaults(handler=cmd_export)

    import_ = commands.add_parser("import", help="add one person from a JSON file")
    add_common_options(import_)
    import_.add_argument("file", metavar="FILE")
    import_.set_defaults(handler=cmd_import)
