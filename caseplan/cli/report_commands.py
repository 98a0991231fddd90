"""Reports for the team: the peer hours report, for paying peers for their time."""

from __future__ import annotations

import argparse
from pathlib import Path

from caseplan.cli.common import (
    NOT_ENCRYPTED,
    add_common_options,
    add_out_option,
    location,
    output_path,
    say,
    signed_in,
)
from caseplan.cli.print_commands import parse_day
from caseplan.errors import InvalidInput, tr_noop
from caseplan.storage.files import write_output

FORMATS = ("csv", "pdf")


def file_format(path: Path) -> str:
    """``csv`` or ``pdf`` from the file's ending; anything else is refused with a sentence."""
    kind = path.suffix.lower().lstrip(".")
    if kind not in FORMATS:
        raise InvalidInput(
            tr_noop("Save the peer hours report as a file ending in .csv or .pdf, not {name}."),
            name=path.name[:80],
        )
    return kind


def cmd_peer_hours(args: argparse.Namespace) -> int:
    from caseplan.reports.peer_hours import render_peer_hours
    from caseplan.reports.peer_hours_csv import peer_hours_csv
    from caseplan.services.clinic.settings import is_demo
    from caseplan.services.peers.peer_hours import PeerHoursReport, export_peer_hours

    start, end = parse_day(args.start), parse_day(args.end)
    kind = file_format(Path(args.out))
    out = output_path(args)
    databases = (location(args).path,)
    with signed_in(args) as clinic:
        ctx = clinic.ctx
        demo = is_demo(ctx)

        def render(report: PeerHoursReport) -> bytes:
            if kind == "csv":
                return peer_hours_csv(report, args.language)
            return render_peer_hours(report, language=args.language, demo=demo)

        def write(data: bytes) -> None:
            write_output(out, data, replace=args.force, databases=databases)

        report = export_peer_hours(ctx, start, end, kind, render, write)
    say(
        f"Wrote peer hours for {len(report.peers)} peers and "
        f"{report.people_supported} people to {out}."
    )
    say(NOT_ENCRYPTED.format(path=out))
    return 0


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    hours = commands.add_parser(
        "peer-hours",
        help="peer time per peer and person in a period, as CSV or PDF (team leads)",
        description="Peer time per peer and per person in a period (both days included), "
        "with totals, as CSV (UTF-8 with BOM, ';'-separated) or as a PDF to sign off.",
    )
    add_common_options(hours)
    hours.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    hours.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")
    add_out_option(hours, "FILE.csv|FILE.pdf")
    hours.add_argument(
        "--language",
        choices=["nb", "en"],
        default="nb",
        help="language of the headers (CSV) or the whole report (PDF); default nb",
    )
    hours.set_defaults(handler=cmd_peer_hours)
