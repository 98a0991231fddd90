"""The command line (docs/design.md §5): a stable contract that scripts and tests rely on.

Errors a person can cause are printed to stderr as one sentence with a non-zero exit.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from caseplan import __version__
from caseplan.cli import (
    account_commands,
    admin_commands,
    key_commands,
    people_commands,
    person_commands,
    print_commands,
    report_commands,
    settings_commands,
    team_commands,
)
from caseplan.cli.common import add_common_options
from caseplan.errors import CaseplanError
from caseplan.storage.process import harden_process

EXIT_ERROR = 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="caseplan",
        description="Plan follow-up together with the person. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"caseplan {__version__}")
    add_common_options(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    people_commands.add_commands(commands)
    person_commands.add_commands(commands)
    admin_commands.add_commands(commands)
    print_commands.add_commands(commands)
    report_commands.add_commands(commands)
    account_commands.add_commands(commands)
    key_commands.add_commands(commands)
    settings_commands.add_commands(commands)
    team_commands.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    try:
        if handler is None:
            from caseplan.app import run_app

            return run_app(args.db)
        return handler(args)
    except CaseplanError as error:
        sys.stderr.write(f"caseplan: {error}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("caseplan: stopped.\n")
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader (e.g. `head`) went away; stop quietly like other Unix tools.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_ERROR


def entry() -> int:
    """The installed ``caseplan`` command: the process is hardened first (no core dumps, no
    debugger attaching: docs/security.md §7), then :func:`main`."""
    harden_process()
    return main()


if __name__ == "__main__":
    sys.exit(entry())
