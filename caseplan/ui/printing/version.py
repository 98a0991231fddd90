"""History → Open this version…: one agreed version on screen, read-only, exactly as it was
agreed — the pages its reprint has, signatures included — with Print… and Save as PDF….

What is shown is rendered from the version's own snapshot, never from the plan as it is now.
Showing it is not a print; Print… and Save as PDF… are, and each is audited.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from caseplan.errors import CaseplanError
from caseplan.reports.printing import version_pdf
from caseplan.services.agreement.agreement import PlanVersionDetails
from caseplan.services.context import Context
from caseplan.ui.i18n import error_text
from caseplan.ui.printing.preview import ChoosePath
from caseplan.ui.printing.printer import Printed, ask_printer, sent_text, start_print
from caseplan.ui.widgets.dates import date_text
from caseplan.ui.widgets.output import not_encrypted, save_output
from caseplan.ui.widgets.plan_text import PagesAndText
from caseplan.ui.widgets.save_dialog import ask_save_path
from caseplan.ui.workers import Worker


class VersionDialog(QDialog):
    def __init__(
        self,
        ctx: Context,
        version: PlanVersionDetails,
        parent: QWidget | None = None,
        *,
        choose_path: ChoosePath = ask_save_path,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.version = version
        self.choose_path = choose_path
        self.worker: Worker | None = None
        self.setWindowTitle(
            self.tr("Plan version {number}, agreed {date}").format(
                number=version.number, date=date_text(version.agreed_on)
            )
        )
        self.heading = QLabel(
            self.tr(
                "Read-only: version {number} exactly as it was agreed on {date}, with the "
                "signatures given then. Changes made since are not in it."
            ).format(number=version.number, date=date_text(version.agreed_on)),
            self,
        )
        self.heading.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setAccessibleName(self.tr("The version's pages"))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.pages = PagesAndText(self.view, self.document, self)

        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setAccessibleName(self.tr("Print this version"))
        self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
        self.save_button.setAccessibleName(self.tr("Save as PDF: this version, as a file"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.ask_print)
        self.save_button.clicked.connect(self.ask_save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addWidget(self.pages, 1)
        layout.addWidget(buttons)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(860, screen.width()), min(1000, int(screen.height() * 0.92)))

        self._buffer: QBuffer | None = None
        self._show()

    def pdf_bytes(self, *, audited: bool) -> bytes:
        return version_pdf(self.ctx, self.version.id, audited=audited)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def _show(self) -> None:
        try:
            data = self.pdf_bytes(audited=False)
        except CaseplanError as error:
            self.message.setText(error_text(error))
            self.print_button.setEnabled(False)
            self.save_button.setEnabled(False)
            return
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        self._buffer = buffer

    def ask_save(self) -> None:
        name = self.tr("plan-version-{number}.pdf").format(number=self.version.number)
        path = self.choose_path(self, self.tr("Save as PDF"), name)
        if path is None:
            return
        self.save_to(path)

    def save_to(self, path: Path) -> None:
        """Save the version (audited as a print of it), replacing ``path`` once complete."""
        try:
            written = save_output(path, self.pdf_bytes(audited=True))
        except CaseplanError as error:
            self.message.setText(error_text(error))
            return
        self.message.setText(not_encrypted(written))

    def ask_print(self) -> None:
        printer = ask_printer(self, self.tr("Print"), self.page_count)
        if printer is None:
            return
        self.message.setText(self.tr("Printing…"))
        self.print_button.setEnabled(False)
        self.worker = start_print(
            lambda: self.pdf_bytes(audited=True),
            printer,
            self,
            on_done=self._printed,
            on_failed=self._print_failed,
        )

    def _printed(self, printed: Printed) -> None:
        self.print_button.setEnabled(True)
        self.message.setText(sent_text(printed))

    def _print_failed(self, error: BaseException) -> None:
        self.print_button.setEnabled(True)
        text = error_text(error) if isinstance(error, CaseplanError) else str(error)
        self.message.setText(self.tr("Printing failed: {reason}").format(reason=text))

    def reject(self) -> None:
        if self.worker is not None and self.worker.running:
            self.worker.wait()
        super().reject()
