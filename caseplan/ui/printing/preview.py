"""Preview what a person takes home — the plan, easy-read, the crisis card or "what we agreed
today" — in any of the printed plan's languages, exactly as it prints; then print or save it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseplan.errors import CaseplanError
from caseplan.reports.printing import (
    PlanOptions,
    crisis_card_pdf,
    meeting_summary_pdf,
    plan_pdf,
)
from caseplan.services.context import Context
from caseplan.ui.i18n import error_text
from caseplan.ui.printing.printer import Printed, ask_printer, print_pdf, sent_text, start_print
from caseplan.ui.widgets.output import not_encrypted, save_output
from caseplan.ui.widgets.plan_text import PagesAndText
from caseplan.ui.widgets.save_dialog import ask_save_path
from caseplan.ui.workers import Worker

#: What the dialog can print.
PLAN, EASY_READ, CRISIS_CARD, MEETING_SUMMARY = "plan", "easy_read", "crisis_card", "summary"
#: asks where to save (parent, title, suggested name); None if cancelled
ChoosePath = Callable[[QWidget, str, str], Path | None]


class PlanPreviewDialog(QDialog):
    """The person's papers as they will print, with language and kind to choose.

    Showing them is not a print; Print… and Save as PDF… are, and each is audited.
    """

    def __init__(
        self,
        ctx: Context,
        person_id: uuid.UUID,
        parent: QWidget | None = None,
        *,
        kind: str = PLAN,
        meeting_id: uuid.UUID | None = None,
        choose_path: ChoosePath = ask_save_path,
        for_participant: tuple[uuid.UUID, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.choose_path = choose_path
        self.ctx = ctx
        self.person_id = person_id
        self.meeting_id = meeting_id
        #: a copy for a team member (id, name): the shared plan as their consent covers it
        self.for_participant = for_participant
        self.worker: Worker | None = None
        self.setWindowTitle(self.tr("Print preview"))
        if for_participant is not None:
            self.setWindowTitle(self.tr("A copy for {name}").format(name=for_participant[1]))
        self.setAccessibleName(self.tr("Print preview of the person's papers"))

        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("What to print"))
        self.kind.addItem(self.tr("The shared plan"), PLAN)
        self.kind.addItem(self.tr("Easy-read plan"), EASY_READ)
        self.kind.addItem(self.tr("Crisis card"), CRISIS_CARD)
        self.kind.addItem(self.tr("What we agreed today (a meeting)"), MEETING_SUMMARY)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        if for_participant is not None:  # a copy is the shared plan, cut to their consent
            self.kind.setCurrentIndex(self.kind.findData(PLAN))
            self.kind.setEnabled(False)
        kind_label = QLabel(self.tr("&What to print:"), self)
        kind_label.setBuddy(self.kind)
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language of the printed papers"))
        self.language.addItem(self.tr("The person's own language"), None)
        self.language.addItem(self.tr("Norwegian (bokmål)"), "nb")
        self.language.addItem(self.tr("Norwegian (nynorsk)"), "nn")
        self.language.addItem(self.tr("Northern Sámi"), "se")
        self.language.addItem(self.tr("English"), "en")
        language_label = QLabel(self.tr("&Language:"), self)
        language_label.setBuddy(self.language)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleDescription(self.tr("Preview status"))
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setAccessibleName(self.tr("Pages as they will print"))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self._buffer: QBuffer | None = None

        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setAccessibleName(self.tr("Print these pages"))
        self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
        self.save_button.setAccessibleName(self.tr("Save these pages as a PDF file"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.ask_print)
        self.save_button.clicked.connect(self.ask_save)

        choices = QHBoxLayout()
        choices.addWidget(kind_label)
        choices.addWidget(self.kind)
        choices.addWidget(language_label)
        choices.addWidget(self.language)
        choices.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(self.message)
        self.pages = PagesAndText(self.view, self.document, self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(buttons)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(860, screen.width()), min(1000, int(screen.height() * 0.92)))

        self.language.currentIndexChanged.connect(self.refresh)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.refresh()

    # --- what to print ------------------------------------------------------------------

    def options(self) -> PlanOptions:
        return PlanOptions(
            language=self.language.currentData(), easy_read=self.kind.currentData() == EASY_READ
        )

    def choose(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def pdf_bytes(self, *, audited: bool) -> bytes:
        kind, options = self.kind.currentData(), self.options()
        if kind == CRISIS_CARD:
            return crisis_card_pdf(self.ctx, self.person_id, options, audited=audited)
        if kind == MEETING_SUMMARY:
            return meeting_summary_pdf(
                self.ctx, self.person_id, options, self.meeting_id, audited=audited
            )
        member = None if self.for_participant is None else self.for_participant[0]
        return plan_pdf(self.ctx, self.person_id, options, audited=audited, for_participant=member)

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
        # A new document each time: the view keeps its rendered pages per document, and would
        # go on showing the old language or kind when only the contents changed.
        old_document, old_buffer = self.document, self._buffer
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.view.setDocument(self.document)  # before loading, so the view sees it change
        self.document.load(buffer)
        old_document.close()
        old_document.deleteLater()
        if old_buffer is not None:
            old_buffer.deleteLater()
        self._buffer = buffer
        pages = self.document.pageCount()
        if pages == 1:
            self.message.setText(self.tr("1 page, exactly as it will print."))
        else:
            self.message.setText(
                self.tr("{count} pages, exactly as they will print.").format(count=pages)
            )
        self._busy(False)

    def _show_error(self, error: CaseplanError) -> None:
        self.document.close()
        self.message.setText(error_text(error))
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)

    def _busy(self, busy: bool) -> None:
        self.print_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy)
        self.kind.setEnabled(not busy and self.for_participant is None)
        self.language.setEnabled(not busy)

    # --- print and save -----------------------------------------------------------------

    def print_to(self, printer: QPrinter) -> int:
        """Print (audited) on ``printer``, here and now; returns the number of pages sent."""
        return print_pdf(self.pdf_bytes(audited=True), printer).pages

    @property
    def printing(self) -> bool:
        return self.worker is not None and self.worker.running

    def start_printing(self, printer: QPrinter) -> None:
        """Print (audited) on ``printer`` off the UI thread; the dialog says how it went."""
        self.message.setText(self.tr("Printing…"))
        self._busy(True)
        self.worker = start_print(
            lambda: self.pdf_bytes(audited=True),
            printer,
            self,
            on_done=self._printed,
            on_failed=self._print_failed,
        )

    def _printed(self, printed: Printed) -> None:
        self._busy(False)
        self.message.setText(sent_text(printed))

    def _print_failed(self, error: BaseException) -> None:
        self._busy(False)
        text = error_text(error) if isinstance(error, CaseplanError) else str(error)
        self.message.setText(self.tr("Printing failed: {reason}").format(reason=text))

    def save_to(self, path: Path) -> Path:
        """Save the PDF (audited), replacing ``path`` only once it is complete."""
        return save_output(path, self.pdf_bytes(audited=True))

    def ask_print(self) -> None:
        printer = ask_printer(self, self.tr("Print"), self.page_count)
        if printer is not None:
            self.start_printing(printer)

    def ask_save(self) -> None:
        names = {
            PLAN: self.tr("plan.pdf"),
            EASY_READ: self.tr("plan-easy-read.pdf"),
            CRISIS_CARD: self.tr("crisis-card.pdf"),
            MEETING_SUMMARY: self.tr("what-we-agreed.pdf"),
        }
        name = names.get(self.kind.currentData(), "plan.pdf")
        if self.for_participant is not None:
            name = self.tr("plan-copy-for-a-team-member.pdf")
        path = self.choose_path(self, self.tr("Save as PDF"), name)
        if path is None:
            return
        try:
            path = self.save_to(path)
        except CaseplanError as error:
            self.message.setText(error_text(error))
            return
        self.message.setText(not_encrypted(path))

    def reject(self) -> None:
        if self.printing and self.worker is not None:
            self.worker.wait()
        super().reject()
