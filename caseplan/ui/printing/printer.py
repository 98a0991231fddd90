"""Printing a finished PDF on the printer chosen in Qt's print dialog, off the UI thread.

Three ways, chosen by what the dialog returned:

* "Print to file" (PDF): the selected pages of the PDF are written as they are.
* A CUPS printer (Linux, macOS): the PDF itself is queued with ``lp`` — copies, page
  ranges and two-sided printing are CUPS's job, and fonts and text reach the printer.
* Anything else (Windows): each selected page is rendered at the printer's resolution,
  at most :data:`MAX_DPI`, and painted on the printer.

All of it runs in a :class:`~caseplan.ui.workers.Worker`: the window never waits for a
printer, and a long job reports progress per page and can be cancelled.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QObject,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrintEngine, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from caseplan.errors import tr_noop
from caseplan.reports.spool import PrintFailed, PrintJob, cups_printers, send_pdf
from caseplan.storage.files import write_output
from caseplan.ui.workers import Progress, Worker

#: Pages rendered for a printer that cannot take a PDF never exceed this resolution.
MAX_DPI = 600

_SIDES = {
    QPrinter.DuplexMode.DuplexNone: "one-sided",
    QPrinter.DuplexMode.DuplexAuto: "two-sided-long-edge",
    QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
    QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge",
}


@dataclass(frozen=True)
class Printed:
    """What happened: how many pages went out, and how."""

    pages: int
    way: str  # "file", "cups" or "rendered"


#: Where Qt's print dialog leaves the options it passes to CUPS as they are (for example the
#: "Pages" field, which it does not turn into a page range of the QPrinter).
CUPS_OPTIONS = QPrintEngine.PrintEnginePropertyKey(0xFE00)
#: Options that Caseplan sets itself from the dialog's choices.
OWN_OPTIONS = frozenset({"page-ranges", "copies", "sides", "collate"})


def cups_options(printer: QPrinter) -> dict[str, str]:
    """The CUPS options the print dialog chose (name -> value)."""
    values = printer.printEngine().property(CUPS_OPTIONS) or []
    return {str(k): str(v) for k, v in zip(values[::2], values[1::2], strict=False)}


def _parse_ranges(text: str) -> list[tuple[int, int]]:
    ranges = []
    for part in text.replace(" ", "").split(","):
        first, _, last = part.partition("-")
        if first.isdigit() and (not last or last.isdigit()):
            ranges.append((int(first), int(last or first)))
    return ranges


def chosen_pages(printer: QPrinter, count: int) -> list[int]:
    """The 1-based pages the print dialog asked for, within 1..count."""
    ranges: list[tuple[int, int]] = _parse_ranges(cups_options(printer).get("page-ranges", ""))
    if not ranges and printer.printRange() == QPrinter.PrintRange.PageRange:
        for span in printer.pageRanges().toRangeList():
            ranges.append((span.from_, span.to))
        if not ranges and printer.fromPage() > 0:
            ranges.append((printer.fromPage(), printer.toPage() or printer.fromPage()))
    if not ranges:
        return list(range(1, count + 1))
    pages: list[int] = []
    for first, last in ranges:
        pages += [p for p in range(first, last + 1) if 1 <= p <= count and p not in pages]
    return pages


def _ranges(pages: list[int]) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for page in pages:
        if out and out[-1][1] == page - 1:
            out[-1] = (out[-1][0], page)
        else:
            out.append((page, page))
    return tuple(out)


def _write_pages(data: bytes, pages: list[int], path: str) -> None:
    reader = PdfReader(io.BytesIO(data))
    if len(pages) == len(reader.pages):
        write_output(Path(path), data, replace=True)
        return
    writer = PdfWriter()
    for page in pages:
        writer.add_page(reader.pages[page - 1])
    writer.add_metadata(dict(reader.metadata or {}))
    buffer = io.BytesIO()
    writer.write(buffer)
    write_output(Path(path), buffer.getvalue(), replace=True)


def render_on(printer: QPrinter, data: bytes, pages: list[int], progress: Progress | None) -> int:
    """Paint ``pages`` of the PDF on ``printer``, each rendered at no more than MAX_DPI."""
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    dpi = min(printer.resolution(), MAX_DPI)
    copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        raise PrintFailed(
            tr_noop("The printer {printer} did not take the job: {reason}"),
            printer=printer.printerName() or "?",
            reason="QPainter",
        )
    total = len(pages) * copies
    done = 0
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for _copy in range(copies):
            for page in pages:
                if done:
                    printer.newPage()
                points = document.pagePointSize(page - 1)
                scale = min(area.width() / points.width(), area.height() / points.height())
                target = QRect(0, 0, int(points.width() * scale), int(points.height() * scale))
                factor = dpi / printer.resolution()
                size = QSize(int(target.width() * factor), int(target.height() * factor))
                painter.drawImage(target, _opaque(document.render(page - 1, size)))
                done += 1
                if progress is not None:
                    progress.report(done, total)
    finally:
        painter.end()
        document.close()
    return done


def _opaque(image: QImage) -> QImage:
    """The page on white, without an alpha channel: nothing transparent goes to a printer."""
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(Qt.GlobalColor.white)
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat


def print_pdf(data: bytes, printer: QPrinter, progress: Progress | None = None) -> Printed:
    """Print ``data`` the best way ``printer`` allows (see the module's docstring)."""
    count = len(PdfReader(io.BytesIO(data)).pages)
    pages = chosen_pages(printer, count)
    if not pages:
        return Printed(0, "file")
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        _write_pages(data, pages, printer.outputFileName())
        return Printed(len(pages), "file")
    name = printer.printerName()
    if name and name in cups_printers():
        extra = tuple(
            (key, value) for key, value in cups_options(printer).items() if key not in OWN_OPTIONS
        )
        job = PrintJob(
            name,
            copies=max(printer.copyCount(), 1),
            pages=() if len(pages) == count else _ranges(pages),
            sides=_SIDES.get(printer.duplex(), "one-sided"),
            options=extra,
        )
        send_pdf(data, job)
        if progress is not None:
            progress.report(1, 1)
        return Printed(len(pages) * job.copies, "cups")
    return Printed(render_on(printer, data, pages, progress), "rendered")


def sent_text(printed: Printed) -> str:
    """What to say once the pages have gone to the printer."""
    if printed.pages == 1:
        return QCoreApplication.translate("Printing", "Sent 1 page to the printer.")
    return QCoreApplication.translate("Printing", "Sent {count} pages to the printer.").format(
        count=printed.pages
    )


def ask_printer(parent: QWidget, title: str, pages: int = 0) -> QPrinter | None:
    """Qt's print dialog, with page ranges, copies and two-sided; ``None`` when cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
    if pages > 0:
        dialog.setMinMax(1, pages)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def start_print(
    make: Callable[[], bytes],
    printer: QPrinter,
    parent: QObject,
    *,
    on_done: Callable[[Printed], None],
    on_failed: Callable[[BaseException], None],
    on_progress: Callable[[int, int], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
) -> Worker:
    """Make the PDF and print it on a worker thread (see :func:`print_pdf`)."""

    def work(progress: Progress) -> Printed:
        return print_pdf(make(), printer, progress)

    return Worker(
        work,
        on_success=on_done,
        on_failure=on_failed,
        on_progress=on_progress,
        on_cancelled=on_cancelled,
        parent=parent,
    ).start()
