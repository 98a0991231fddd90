"""Commands that print: one person's plan or crisis card, and every plan due for review."""

from __future__ import annotations

import argparse
from datetime import date

from caseplan.cli.common import (
    NOT_ENCRYPTED,
    add_common_options,
    add_out_option,
    output_path,
    person_id,
    say,
    signed_in,
    write_out,
)
from caseplan.errors import InvalidInput, tr_noop

COPY_IS_THE_SHARED_PLAN = tr_noop(
    "A copy for a team member is the shared plan as their consent covers it; it cannot be "
    "combined with --easy-read, --crisis-card or --meeting-summary."
)


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise InvalidInput(
            tr_noop("{text} is not a date; write it as YYYY-MM-DD, for example 2026-03-31."),
            text=text[:40],
        ) from error


def cmd_pdf(args: argparse.Namespace) -> int:
    from caseplan.reports.printing import (
        PlanOptions,
        crisis_card_pdf,
        meeting_summary_pdf,
        plan_pdf,
    )

    wanted = person_id(args.person_id)
    options = PlanOptions(
        language=args.language, easy_read=args.easy_read, bilingual=args.bilingual
    )
    if args.for_participant is not None and (
        args.easy_read or args.crisis_card or args.meeting_summary
    ):
        raise InvalidInput(COPY_IS_THE_SHARED_PLAN)
    output_path(args)
    with signed_in(args) as clinic:
        if args.for_participant is not None:
            from caseplan.services.printing.printing import find_member

            member = find_member(clinic.ctx, wanted, args.for_participant)
            data = plan_pdf(clinic.ctx, wanted, options, for_participant=member)
            write_out(args, data)
            return 0
        printer = crisis_card_pdf if args.crisis_card else plan_pdf
        if args.meeting_summary:
            printer = meeting_summary_pdf
        data = printer(clinic.ctx, wanted, options)
    write_out(args, data)
    return 0


def cmd_print_due(args: argparse.Namespace) -> int:
    from caseplan.reports.printing import print_due
    from caseplan.services.printing.printing import find_practitioner

    until = parse_day(args.until)
    out = output_path(args)
    shown = -1

    def progress(done: int, total: int) -> None:
        nonlocal shown
        if done != shown:
            shown = done
            say(f"Printing {done}/{total}…")

    with signed_in(args) as clinic:
        practitioner = None
        if args.practitioner:
            practitioner = find_practitioner(clinic.ctx, args.practitioner).id
        count = print_due(
            clinic.ctx,
            until,
            out,
            progress=progress,
            practitioner=practitioner,
            language=args.language,
        )
    say(f"Printed 1 plan to {out}." if count == 1 else f"Printed {count} plans to {out}.")
    say(NOT_ENCRYPTED.format(path=out))
    return 0


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    pdf = commands.add_parser("pdf", help="print one person's shared plan (or crisis card) as PDF")
    add_common_options(pdf)
    pdf.add_argument("person_id", metavar="PERSON_ID")
    add_out_option(pdf)
    pdf.add_argument(
        "--language",
        choices=["nb", "nn", "se", "en"],
        help="default: the person's preferred language",
    )
    pdf.add_argument(
        "--easy-read",
        action="store_true",
        help="easy-read: short sentences, one goal per page, pictograms",
    )
    pdf.add_argument("--crisis-card", action="store_true", help="wallet-size crisis cards")
    pdf.add_argument(
        "--meeting-summary",
        action="store_true",
        help='"what we agreed today" for the latest meeting, on one page',
    )
    pdf.add_argument("--bilingual", action="store_true", help="headings in both languages")
    pdf.add_argument(
        "--for-participant",
        metavar="NAME_OR_ID",
        help="a copy for this team member: only what their consent covers (refused when "
        "they have none, or it has ended)",
    )
    pdf.set_defaults(handler=cmd_pdf)

    due = commands.add_parser(
        "print-due", help="print, into one PDF, every plan due for review by a date"
    )
    add_common_options(due)
    due.add_argument("--until", required=True, metavar="YYYY-MM-DD")
    add_out_option(due)
    due.add_argument(
        "--practitioner", metavar="USERNAME", help="only people on this practitioner's teams"
    )
    due.add_argument(
        "--language",
        choices=["nb", "en"],
        default="nb",
        help="language of the cover list (each plan prints in its person's language); default nb",
    )
    due.set_defaults(handler=cmd_print_due)
