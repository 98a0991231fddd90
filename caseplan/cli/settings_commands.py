"""``caseplan settings``: the clinic's settings from a script, as Settings → Clinic settings…
shows and changes them in the app (the idle lock for administrators, the time to a new
plan's first review for team leads and administrators)."""

from __future__ import annotations

import argparse
import json
import math
import sys

from caseplan.cli.common import add_common_options, signed_in
from caseplan.errors import InvalidInput, tr_noop


def _minutes(text: str) -> float:
    try:
        minutes = float(text.replace(",", "."))
    except ValueError:
        minutes = math.nan
    if math.isnan(minutes):
        raise InvalidInput(tr_noop("{text} is not a number of minutes."), text=text[:60])
    return minutes


def _months(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise InvalidInput(
            tr_noop("{text} is not a whole number of months."), text=text[:60]
        ) from None


def cmd_settings(args: argparse.Namespace) -> int:
    from caseplan.services.clinic import settings
    from caseplan.services.security import access

    minutes = _minutes(args.idle_lock) if args.idle_lock is not None else None
    months = _months(args.first_review) if args.first_review is not None else None
    with signed_in(args) as clinic:
        ctx = clinic.ctx
        # Everything is checked before anything is stored: one change is never half made.
        if months is not None:
            access.require(ctx, access.Action.CLINIC_SETTINGS)
            settings.check_review_interval_months(months)
        if minutes is not None:
            settings.require_idle_lock_right(ctx)
            settings.check_idle_lock_minutes(minutes)
        if months is not None:
            settings.set_review_interval_months(ctx, months)
        if minutes is not None:
            settings.set_idle_lock_minutes(ctx, minutes)
        shown = {
            "first_review_months": settings.review_interval_months(ctx),
            "idle_lock_minutes": settings.idle_lock_minutes(ctx),
        }
    if args.json:
        json.dump(shown, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(
            f"First review of a new plan after: {shown['first_review_months']} months\n"
            f"Lock the window when idle for: {shown['idle_lock_minutes']:g} minutes\n"
        )
    return 0


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "settings", help="show or change the clinic's settings (idle lock, first review)"
    )
    add_common_options(parser)
    parser.add_argument(
        "--idle-lock",
        metavar="MINUTES",
        help="lock the window after this many idle minutes, 0.5 to 240 (administrators)",
    )
    parser.add_argument(
        "--first-review",
        metavar="MONTHS",
        help="months from a new plan's start to its first review (team leads, administrators)",
    )
    parser.add_argument("--json", action="store_true", help="print the settings as JSON")
    parser.set_defaults(handler=cmd_settings)
