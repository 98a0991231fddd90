"""``caseplan person add`` and ``caseplan person edit``: register a person or change their
details from a script, as Person → New person… and Edit details… do in the app."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from caseplan.cli.common import add_common_options, person_id, say, signed_in
from caseplan.cli.print_commands import parse_day
from caseplan.services.people.people import PersonDetails


def _details(args: argparse.Namespace) -> dict[str, Any]:
    """The details given on the command line (an option left out is not changed)."""
    given: dict[str, Any] = {}
    for option, field in (
        ("preferred_name", "preferred_name"),
        ("language", "preferred_language"),
        ("phone", "phone"),
        ("address", "address"),
        ("consent_how", "plan_consent_how"),
    ):
        value = getattr(args, option)
        if value is not None:
            given[field] = value
    if args.born is not None:
        given["date_of_birth"] = parse_day(args.born) if args.born else None
    if args.consent_on is not None:
        given["plan_consent_on"] = parse_day(args.consent_on) if args.consent_on else None
    return given


def _as_json(person: PersonDetails, plan: Any) -> dict[str, Any]:
    def day(value: date | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "id": str(person.id),
        "full_name": person.full_name,
        "preferred_name": person.preferred_name,
        "date_of_birth": day(person.date_of_birth),
        "preferred_language": person.preferred_language.value,
        "phone": person.phone,
        "address": person.address,
        "plan_id": str(plan.id) if plan is not None else None,
        "next_review": day(plan.next_review) if plan is not None else None,
    }


def _print(args: argparse.Namespace, person: PersonDetails, plan: Any) -> None:
    if args.json:
        json.dump(_as_json(person, plan), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(f"{person.id}\n")


def cmd_add(args: argparse.Namespace) -> int:
    from caseplan.services.people import checks, people
    from caseplan.services.people.first_plan import find_practitioner
    from caseplan.services.plans.plans import get_open_plan

    details = _details(args)
    with signed_in(args) as clinic:
        ctx = clinic.ctx
        practitioner = find_practitioner(ctx, args.practitioner) if args.practitioner else None
        twins = checks.same_name_and_birth(ctx, args.name, details.get("date_of_birth"))
        person = people.create_person(
            ctx, args.name, practitioner_id=practitioner, with_plan=True, **details
        )
        plan = get_open_plan(ctx, person.id, record=False)  # what was just written
    if twins:
        say(
            "Note: someone with the same name and date of birth was already registered; "
            "check that this is not the same person twice."
        )
    _print(args, person, plan)
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    from caseplan.services.people import people
    from caseplan.services.plans.plans import get_open_plan

    wanted = person_id(args.person_id)
    details = _details(args)
    if args.name is not None:
        details["full_name"] = args.name
    with signed_in(args) as clinic:
        person = people.update_person(clinic.ctx, wanted, None, **details)
        plan = get_open_plan(clinic.ctx, person.id, record=False)
    _print(args, person, plan)
    return 0


def _options(parser: argparse.ArgumentParser, *, name_required: bool) -> None:
    add_common_options(parser)
    parser.add_argument("--name", required=name_required, metavar="TEXT", help="full name")
    parser.add_argument("--preferred-name", metavar="TEXT", help="what they like to be called")
    parser.add_argument("--born", metavar="YYYY-MM-DD", help="date of birth ('' to clear)")
    parser.add_argument(
        "--language",
        metavar="nb|nn|se|en",
        help="the language their plan is printed in (bokmål, nynorsk, Northern Sámi, English)",
    )
    parser.add_argument("--phone", metavar="TEXT")
    parser.add_argument(
        "--address", metavar="TEXT", help="postal address for letters (lines apart by newlines)"
    )
    parser.add_argument(
        "--consent-on", metavar="YYYY-MM-DD", help="the day they consented to the plan"
    )
    parser.add_argument("--consent-how", metavar="screen|paper", help="how they consented")
    parser.add_argument("--json", action="store_true", help="print the person as JSON")


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    person = commands.add_parser("person", help="add a person or change their details")
    person_commands = person.add_subparsers(dest="person_command", metavar="add|edit")
    person_commands.required = True

    add = person_commands.add_parser(
        "add", help="register a person and open their first plan; prints the new id"
    )
    _options(add, name_required=True)
    add.add_argument(
        "--practitioner", metavar="USERNAME", help="team leads: the person's practitioner"
    )
    add.set_defaults(handler=cmd_add)

    edit = person_commands.add_parser("edit", help="change a person's details")
    edit.add_argument("person_id", metavar="ID")
    _options(edit, name_required=False)
    edit.set_defaults(handler=cmd_edit)
