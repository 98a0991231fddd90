"""Preview a person's shared plan (or crisis card) inside the window, exactly as it prints."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseplan.errors import CaseplanError
from caseplan.reports.printing import PlanOptions, crisis_card_pdf, plan_pdf
from caseplan.services.context import Context
from caseplan.storage.files import write_atomically
from caseplan.ui.i18n import error_text


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Send a PDF to ``printer`` page by page, at the printer's resolution; pages printed."""
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        return 0
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for page in range(pages):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            scale = min(area.width() / points.width(), area.height() / points.height())
            size = QSize(int(points.width() * scale), int(points.height() * scale))
            painter.drawImage(0, 0, document.render(page, size))
    finally:
        painter.end()
        document.close()
    return pages


class PlanPreviewDialog(QDialog):
    """The plan as it will print, with language, easy-read and crisis-card choices.

    Showing it is not a print; Print… and Save as PDF… are, and each is audited.
    """

    def __init__(self, ctx: Context, person_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.setWindowTitle(self.tr("Print preview"))
        self.setAccessibleName(self.tr("Print preview of the shared plan"))

        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language of the printed plan"))
        self.language.addItem(self.tr("The person's own language"), None)
        self.language.addItem(self.tr("Norwegian (bokmål)"), "nb")
        self.language.addItem(self.tr("English"), "en")
        language_label = QLabel(self.tr("&Language:"), self)
        language_label.setBuddy(self.language)
        self.easy_read = QCheckBox(self.tr("&Easy read (larger type)"), self)
        self.easy_read.setAccessibleName(self.tr("Easy read"))
        self.crisis_card = QCheckBox(self.tr("&Crisis card"), self)
        self.crisis_card.setAccessibleName(self.tr("Crisis card instead of the plan"))

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Preview status"))
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setAccessibleName(self.tr("Pages as they will print"))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self._buffer: QBuffer | None = None

        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setAccessibleName(self.tr("Print the plan"))
        self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
        self.save_button.setAccessibleName(self.tr("Save the plan as a PDF file"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.ask_print)
        self.save_button.clicked.connect(self.ask_save)

        choices = QHBoxLayout()
        choices.addWidget(language_label)
        choices.addWidget(self.language)
        choices.addWidget(self.easy_read)
        choices.addWidget(self.crisis_card)
        choices.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(860, 1000)

        self.language.currentIndexChanged.connect(self.refresh)
        self.easy_read.toggled.connect(self.refresh)
        self.crisis_card.toggled.connect(self.refresh)
        self.refresh()

    # --- what to print ------------------------------------------------------------------

    def options(self) -> PlanOptions:
        return PlanOptions(
            language=self.language.currentData(), easy_read=self.easy_read.isChecked()
        )

    def pdf_bytes(self, *, audited: bool) -> bytes:
        printer = crisis_card_pdf if self.crisis_card.isChecked() else plan_pdf
        return printer(self.ctx, self.person_id, self.options(), audited=audited)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def refresh(self) -> None:
        """Render again with the current choices (not audited: it stays on screen)."""
        try:
            data = self.pdf_bytes(audited=False)
        except CaseplanError as error:
            self._show_error(error)
            return
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        pages = self.document.pageCount()
        if pages == 1:
            self.message.setText(self.tr("1 page, exactly as it will print."))
        else:
            self.message.setText(
                self.tr("{count} pages, exactly as they will print.").format(count=pages)
            )
        self.print_button.setEnabled(True)
        self.save_button.setEnabled(True)

    def _show_error(self, error: CaseplanError) -> None:
        self.document.close()
        self.message.setText(error_text(error))
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)

    # --- print and save -----------------------------------------------------------------

    def print_to(self, printer: QPrinter) -> int:
        """Print (audited) on ``printer``; returns the number of pages sent."""
        return print_pdf(self.pdf_bytes(audited=True), printer)

    def save_to(self, path: Path) -> None:
        """Save the PDF (audited), replacing ``path`` only once it is complete."""
        write_atomically(path, self.pdf_bytes(audited=True))

    def ask_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the plan"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.print_to(printer)
        except CaseplanError as error:
            QMessageBox.warning(self, self.tr("Printing failed"), error_text(error))

    def ask_save(self) -> None:
        suggested = (
            self.tr("plan.pdf") if not self.crisis_card.isChecked() else self.tr("crisis-card.pdf")
        )
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            self.save_to(path)
        except CaseplanError as error:
            QMessageBox.warning(self, self.tr("Saving failed"), error_text(error))
            return
        self.message.setText(self.tr("Saved to {path}.").format(path=str(path)))
