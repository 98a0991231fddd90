"""Sending a finished PDF to a printer through the print system, without turning it into pictures.

Where CUPS runs (Linux, macOS) the PDF itself goes to the queue with ``lp``: CUPS applies
copies, page ranges and two-sided printing, and keeps fonts and text. The job's title in the
queue is always "Caseplan" — never a person's name, since anyone who can list a shared print
queue can read job titles. Elsewhere the UI renders pages itself (see
``caseplan/ui/printing/printer.py``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass

from caseplan.errors import CaseplanError, tr_noop

JOB_TITLE = "Caseplan"
SIDES = ("one-sided", "two-sided-long-edge", "two-sided-short-edge")
OPTION_NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9_-]{0,63}")
OPTION_VALUE = re.compile(r"[^\x00-\x1f\x7f]{0,200}")


class PrintFailed(CaseplanError):
    """The print system did not take the job."""


@dataclass(frozen=True)
class PrintJob:
    """Where and how to print. ``pages`` is a list of (first, last) pages, 1-based; empty
    means every page."""

    printer: str
    copies: int = 1
    pages: tuple[tuple[int, int], ...] = ()
    sides: str = "one-sided"
    options: tuple[tuple[str, str], ...] = ()  # more CUPS options chosen in the print dialog

    def page_ranges(self) -> str:
        return ",".join(f"{a}-{b}" if a != b else str(a) for a, b in self.pages)


def cups_available() -> bool:
    """Whether this computer prints through CUPS (its ``lp`` and ``lpstat`` commands)."""
    return sys.platform != "win32" and bool(shutil.which("lp")) and bool(shutil.which("lpstat"))


def cups_printers() -> list[str]:
    """The CUPS queues this computer knows, or an empty list."""
    if not cups_available():
        return []
    try:
        done = subprocess.run(
            ["lpstat", "-e"], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    return [line.strip() for line in done.stdout.splitlines() if line.strip()]


def lp_command(job: PrintJob) -> list[str]:
    """The ``lp`` command line for ``job``; the PDF comes on standard input."""
    if job.copies < 1 or job.sides not in SIDES or any(a < 1 or b < a for a, b in job.pages):
        raise PrintFailed(tr_noop("These print settings cannot be used; please choose again."))
    command = ["lp", "-d", job.printer, "-t", JOB_TITLE, "-n", str(job.copies)]
    command += ["-o", f"sides={job.sides}"]
    if job.pages:
        command += ["-o", f"page-ranges={job.page_ranges()}"]
    for key, value in job.options:
        if OPTION_NAME.fullmatch(key) and OPTION_VALUE.fullmatch(value):
            command += ["-o", f"{key}={value}"]
    return command


def send_pdf(data: bytes, job: PrintJob) -> str:
    """Queue ``data`` (a PDF) on ``job.printer``; returns the print system's job id."""
    try:
        done = subprocess.run(
            lp_command(job), input=data, capture_output=True, timeout=120, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PrintFailed(
            tr_noop("The printer {printer} did not take the job: {reason}"),
            printer=job.printer,
            reason=str(error)[:200],
        ) from error
    if done.returncode != 0:
        raise PrintFailed(
            tr_noop("The printer {printer} did not take the job: {reason}"),
            printer=job.printer,
            reason=done.stderr.decode("utf-8", "replace").strip()[:200] or str(done.returncode),
        )
    words = done.stdout.decode("utf-8", "replace").split()
    return next((w for w in words if w.startswith(job.printer + "-")), "")
