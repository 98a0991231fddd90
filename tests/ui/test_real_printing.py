"""Printing on a real print system: CUPS with a CUPS-PDF printer (started by .ci/start-cups).

The PDF itself reaches the printer: the printed file keeps the plan's text and fonts, holds no
page-sized picture, honours the page range, and is small. The virtual printer goes through
PostScript, which keeps the letters on paper but loses which Unicode letter some glyphs are;
so words are compared with letters outside ASCII set aside, and the fonts are checked too.
"""

from __future__ import annotations

import os
import pwd
import re
import subprocess
import time
import unicodedata
import uuid
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import select

from caseplan.demo.clinic import create_demo_clinic
from caseplan.models import Person
from caseplan.reports.spool import PrintJob, lp_command
from caseplan.services.clinic.unlock import OpenClinic, sign_in
from caseplan.storage.location import resolve
from caseplan.ui.printing import PlanPreviewDialog
from tests.reports.pdftools import page_count, pdf_text
from tests.ui.conftest import CHEAP_KDF
from tests.ui.test_print_dialogs import _give_plans

#: One CUPS-PDF printer and one output folder: under pytest-xdist these tests run in one
#: worker (``--dist loadgroup``), so a job never lands among another test's jobs.
pytestmark = pytest.mark.xdist_group("cups")


@pytest.fixture(scope="module")
def cups_printer() -> str:
    name = os.environ.get("CASEPLAN_TEST_PRINTER", "")
    if not name:
        if os.environ.get("CI") == "true":
            pytest.fail("CASEPLAN_TEST_PRINTER is not set: .ci/start-cups should have set it")
        pytest.skip("no CUPS test printer: run .ci/start-cups and set CASEPLAN_TEST_PRINTER")
    done = subprocess.run(["lpstat", "-p", name], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return name


def _out_folder() -> Path:
    """Where CUPS-PDF writes a job of this user (its Out setting)."""
    out = "${HOME}/PDF"
    for line in Path("/etc/cups/cups-pdf.conf").read_text().splitlines():
        if line.startswith("Out "):
            out = line.split(None, 1)[1].strip()
    user = pwd.getpwuid(os.getuid())
    return Path(out.replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name))


def _job_number(path: Path) -> int:
    """CUPS-PDF names a file after the job's title and number: "…-job_104.pdf"."""
    found = re.search(r"job_(\d+)", path.name)
    return int(found.group(1)) if found else -1


def _printed(before: set[Path], words: list[str]) -> Path:
    """The file CUPS-PDF wrote for the job just sent (waits for it to be complete).

    Every job here has the same title, and a test in another worker may print on the same
    (default) printer, so the job is known by its words: the newest new file that holds the
    first of ``words``, once the queue is empty."""
    folder = _out_folder()
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        new = set(folder.glob("*.pdf")) - before if folder.is_dir() else set()
        jobs = subprocess.run(["lpstat", "-o"], capture_output=True, text=True).stdout
        if new and not jobs.strip():
            time.sleep(0.5)
            mine = [p for p in new if _ascii(words[0]) in _ascii(pdf_text(p))]
            if mine:
                return max(mine, key=_job_number)
        time.sleep(0.3)
    raise AssertionError(f"nothing with {words[0]!r} was printed into {folder}")


def _existing() -> set[Path]:
    folder = _out_folder()
    return set(folder.glob("*.pdf")) if folder.is_dir() else set()


def _ascii(text: str) -> str:
    """Letters and digits that survive any print path, without spaces."""
    return re.sub(r"[^A-Za-z0-9]", "", unicodedata.normalize("NFC", text))


def _page_sized_images(path: Path) -> list[str]:
    out = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    return [row for row in out if int(row.split()[3]) > 1000 or int(row.split()[4]) > 1000]


def _printer(name: str, first: int = 0, last: int = 0) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(name)
    if first:
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(first, last)
    return printer


def _check_printed(path: Path, expected_pages: int, words: list[str]) -> None:
    assert page_count(path) == expected_pages
    assert path.stat().st_size < 1_000_000, path.stat().st_size
    assert _page_sized_images(path) == []
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "DejaVuSans" in fonts  # our fonts reached the printer, not pictures of pages
    text = _ascii(pdf_text(path))
    for word in words:
        assert _ascii(word) in text, word


def test_a_clinic_plan_prints_as_text_with_its_page_range(
    qtbot: Any, clinic_ws: OpenClinic, cups_printer: str
) -> None:
    person = _give_plans(clinic_ws, steps=40)[0]
    dialog = PlanPreviewDialog(clinic_ws.ctx, person)
    qtbot.addWidget(dialog)
    assert dialog.page_count >= 3
    before = _existing()
    assert dialog.print_to(_printer(cups_printer, 2, 2)) == 1
    second_page = pdf_text_of_preview(dialog, 2)
    _check_printed(_printed(before, second_page), 1, second_page)


def pdf_text_of_preview(dialog: PlanPreviewDialog, page: int) -> list[str]:
    """Some lines of one page of the plan as the preview makes it."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.pdf"
        path.write_bytes(dialog.pdf_bytes(audited=False))
        lines = [line for line in pdf_text(path, page).splitlines() if len(line) > 12]
    assert len(lines) > 5
    return lines[:8]


def test_a_demo_plan_with_its_demo_mark_prints_as_text(
    qtbot: Any, tmp_path: Path, cups_printer: str
) -> None:
    """The DEMO mark used to be transparent, which turned every page into a picture."""
    where = resolve(str(tmp_path / "demo.db"))
    create_demo_clinic(where, 6, kdf=CHEAP_KDF).close()
    workspace = sign_in(where, "lead", "demo")
    try:
        with workspace.database.sessions() as session:
            person: uuid.UUID = session.scalars(select(Person.id).order_by(Person.id)).first()
        dialog = PlanPreviewDialog(workspace.ctx, person)
        qtbot.addWidget(dialog)
        pages = dialog.page_count
        before = _existing()
        assert dialog.print_to(_printer(cups_printer)) == pages
        words = [*pdf_text_of_preview(dialog, 1), "DEMO"]
        _check_printed(_printed(before, words), pages, words)
    finally:
        workspace.close()


def test_pages_typed_in_the_print_dialog_reach_cups(
    qtbot: Any, clinic_ws: OpenClinic, cups_printer: str
) -> None:
    """Qt's dialog hands a typed "Pages" field to CUPS as an option, not as a page range."""
    from PySide6.QtPrintSupport import QPrintEngine

    person = _give_plans(clinic_ws, steps=40)[0]
    dialog = PlanPreviewDialog(clinic_ws.ctx, person)
    qtbot.addWidget(dialog)
    printer = _printer(cups_printer)
    key = QPrintEngine.PrintEnginePropertyKey(0xFE00)
    printer.printEngine().setProperty(key, ["page-ranges", "1,3", "media", "A4"])
    before = _existing()
    assert dialog.print_to(printer) == 2
    lines = pdf_text_of_preview(dialog, 1)[:3] + pdf_text_of_preview(dialog, 3)[:3]
    _check_printed(_printed(before, lines), 2, lines)


def test_lp_gets_copies_pages_and_sides_and_never_a_name() -> None:
    job = PrintJob("office", copies=2, pages=((1, 1), (3, 4)), sides="two-sided-long-edge")
    command = lp_command(job)
    assert command[:3] == ["lp", "-d", "office"]
    assert command[command.index("-n") : command.index("-n") + 2] == ["-n", "2"]
    assert "page-ranges=1,3-4" in command and "sides=two-sided-long-edge" in command
    assert command[command.index("-t") + 1] == "Caseplan"
    odd = lp_command(PrintJob("office", options=(("page-set", "odd"), ("bad key", "x"))))
    assert "page-set=odd" in odd and not any("bad key" in part for part in odd)
