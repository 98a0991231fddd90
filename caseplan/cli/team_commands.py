"""``caseplan team list|link|unlink``: a person's team, and which team member signs in with
which Caseplan account, as the team member dialog's "Their Caseplan account" does."""

from __future__ import annotations

import argparse
import json
import sys
import uuid

from caseplan.cli.common import add_common_options, person_id, say, signed_in
from caseplan.errors import InvalidInput, NotFound, tr_noop
from caseplan.services.context import Context
from caseplan.services.team.linking import LinkableAccount
from caseplan.services.team.team import ParticipantDetails


def _team(ctx: Context, person: uuid.UUID) -> list[ParticipantDetails]:
    from caseplan.services.plans.plans import get_open_plan
    from caseplan.services.team.team import list_participants

    plan = get_open_plan(ctx, person)
    if plan is None:
        raise NotFound(tr_noop("This person has no open plan."))
    return list_participants(ctx, plan.id, record=False)  # the plan's read was recorded


def _member(members: list[ParticipantDetails], wanted: str) -> ParticipantDetails:
    """The team member with this id, or with exactly this name (any case)."""
    said = " ".join(wanted.split())[:60]  # one line in the sentence, whatever was typed
    try:
        by_id = uuid.UUID(wanted)
    except ValueError:
        named = [m for m in members if m.name.casefold() == wanted.strip().casefold()]
        if len(named) > 1:
            raise InvalidInput(
                tr_noop(
                    "More than one team member is called {name}; give the member's id from "
                    "caseplan team list."
                ),
                name=said,
            ) from None
        if named:
            return named[0]
    else:
        found = [m for m in members if m.id == by_id]
        if found:
            return found[0]
    raise NotFound(
        tr_noop("{name} is not on this person's team (see caseplan team list)."),
        name=said,
    )


def _account_text(account: LinkableAccount | None) -> str:
    if account is None:
        return "-"
    off = "" if account.active else ", switched off"
    return f"{account.username} ({account.display_name}, {account.role.value}{off})"


def cmd_list(args: argparse.Namespace) -> int:
    from caseplan.services.team.linking import clinic_accounts

    wanted = person_id(args.person_id)
    with signed_in(args) as clinic:
        members = _team(clinic.ctx, wanted)
        accounts = {a.id: a for a in clinic_accounts(clinic.ctx)}
    if args.json:
        rows = [
            {
                "id": str(m.id),
                "role": m.role.value,
                "name": m.name,
                "account": accounts[m.account_id].username if m.account_id in accounts else None,
            }
            for m in members
        ]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for m in members:
        account = accounts.get(m.account_id) if m.account_id else None
        sys.stdout.write(f"{m.id}  {m.role.value:12}  {m.name}  {_account_text(account)}\n")
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    from caseplan.services.team.linking import find_account
    from caseplan.services.team.team import update_participant

    wanted = person_id(args.person_id)
    with signed_in(args) as clinic:
        member = _member(_team(clinic.ctx, wanted), args.member)
        account = find_account(clinic.ctx, args.username)
        update_participant(clinic.ctx, member.id, member.version, account_id=account.id)
    say(f"{member.name} signs in as {_account_text(account)}.")
    return 0


def cmd_unlink(args: argparse.Namespace) -> int:
    from caseplan.services.team.team import update_participant

    wanted = person_id(args.person_id)
    with signed_in(args) as clinic:
        member = _member(_team(clinic.ctx, wanted), args.member)
        if member.account_id is None:
            raise InvalidInput(
                tr_noop("{name} is not linked to an account."), name=member.name[:60]
            )
        update_participant(clinic.ctx, member.id, member.version, account_id=None)
    say(f"{member.name} is no longer linked to an account.")
    return 0


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    team = commands.add_parser(
        "team", help="a person's team: list it, link a member to a Caseplan account"
    )
    team_commands = team.add_subparsers(dest="team_command", metavar="list|link|unlink")
    team_commands.required = True

    listing = team_commands.add_parser(
        "list", help="the team of the person's open plan, with each member's account"
    )
    add_common_options(listing)
    listing.add_argument("person_id", metavar="PERSON_ID")
    listing.add_argument("--json", action="store_true", help="print JSON instead of lines")
    listing.set_defaults(handler=cmd_list)

    link = team_commands.add_parser(
        "link",
        help="let a team member sign in with an account (a peer: a peer worker's account; "
        "a practitioner or the coordinator: a practitioner's or team lead's)",
    )
    add_common_options(link)
    link.add_argument("person_id", metavar="PERSON_ID")
    link.add_argument("member", metavar="MEMBER", help="the member's id or name on the team")
    link.add_argument("username", metavar="USERNAME", help="the account's user name")
    link.set_defaults(handler=cmd_link)

    unlink = team_commands.add_parser("unlink", help="take a team member's account link away")
    add_common_options(unlink)
    unlink.add_argument("person_id", metavar="PERSON_ID")
    unlink.add_argument("member", metavar="MEMBER", help="the member's id or name on the team")
    unlink.set_defaults(handler=cmd_unlink)
