"""For team leads: print, into one PDF, every plan due for review by a date, off the UI thread."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseplan.errors import CaseplanError
from caseplan.reports.printing import print_due
from caseplan.services.context import Context
from caseplan.services.printing.printing import count_due, practitioners
from caseplan.services.security import access
from caseplan.ui.i18n import error_text, ui_language
from caseplan.ui.printing.printer import Printed, ask_printer, print_pdf
from caseplan.ui.widgets.dates import RequiredDateEdit, dates_ok
from caseplan.ui.widgets.output import not_encrypted
from caseplan.ui.widgets.save_dialog import ask_save_path
from caseplan.ui.workers import Progress, Worker

DEFAULT_DAYS = 14


def may_print_due(ctx: Context) -> bool:
    return access.can(ctx, access.Action.PRINT_DUE)


class BatchPrintDialog(QDialog):
    """Choose a date and maybe a practitioner, see how many plans are due, print them."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.worker: Worker | None = None
        self.result_path: Path | None = None
        self.setWindowTitle(self.tr("Print plans due for review"))

        self.until = RequiredDateEdit(self.tr("Due for review by"), self, today=ctx.today)
        self.until.set_value(ctx.today() + timedelta(days=DEFAULT_DAYS))
        self.practitioner = QComboBox(self)
        self.practitioner.setAccessibleName(self.tr("Practitioner"))
        self.practitioner.addItem(self.tr("Everyone"), None)
        for account in practitioners(ctx):
            self.practitioner.addItem(account.display_name or account.username, account.id)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleDescription(self.tr("Plans due"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleDescription(self.tr("Printing status"))
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(self.tr("Printing progress"))
        self.bar.setRange(0, 1)
        self.bar.setValue(0)

        self.printer_button = QPushButton(self.tr("&Print…"), self)
        self.printer_button.setAccessibleName(self.tr("Print the due plans on a printer"))
        self.print_button = QPushButton(self.tr("Print to a PDF &file…"), self)
        self.print_button.setAccessibleName(self.tr("Print the due plans to a PDF file"))
        self.cancel_button = QPushButton(self.tr("&Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel printing"))
        self.cancel_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("C&lose"), self)
        self.close_button.setAccessibleName(self.tr("Close"))
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.printer_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.ask_target)
        self.printer_button.clicked.connect(self.ask_printer)
        self.cancel_button.clicked.connect(self.cancel)

        form = QFormLayout()
        form.addRow(self.tr("&Due for review by:"), self.until)
        form.addRow(self.tr("P&ractitioner:"), self.practitioner)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.count_label)
        layout.addWidget(self.bar)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

        self.until.changed.connect(self.update_count)
        self.practitioner.currentIndexChanged.connect(self.update_count)
        self.update_count()

    # --- what is due ----------------------------------------------------------------------

    def chosen_date(self) -> date:
        chosen = self.until.value()
        assert chosen is not None  # a required date keeps its last good value
        return chosen

    def chosen_practitioner(self) -> uuid.UUID | None:
        value = self.practitioner.currentData()
        return value if isinstance(value, uuid.UUID) else None

    def update_count(self) -> None:
        self.due = count_due(self.ctx, self.chosen_date(), self.chosen_practitioner())
        if self.due == 1:
            self.count_label.setText(self.tr("1 plan is due for review by then."))
        else:
            self.count_label.setText(
                self.tr("{count} plans are due for review by then.").format(count=self.due)
            )
        self.print_button.setEnabled(self.due > 0 and not self.running)
        self.printer_button.setEnabled(self.due > 0 and not self.running)

    @property
    def running(self) -> bool:
        return self.worker is not None and self.worker.running

    # --- printing ------------------------------------------------------------------------

    def ask_target(self) -> None:
        if not dates_ok(self):
            return
        suggested = self.tr("plans-due-{date}.pdf").format(date=self.chosen_date().isoformat())
        path = ask_save_path(self, self.tr("Print to PDF"), suggested)
        if path is not None:
            self.start(path)

    def start(self, target: Path) -> None:
        """Print every due plan into ``target`` on a worker thread."""
        until, practitioner, ctx = self.chosen_date(), self.chosen_practitioner(), self.ctx
        language = ui_language()  # the cover list is the team lead's: the screens' language

        def work(progress: Progress) -> int:
            return print_due(
                ctx,
                until,
                target,
                progress=progress.report,
                cancelled=lambda: progress.cancelled,
                practitioner=practitioner,
                language=language,
            )

        self.result_path = None
        self.bar.setRange(0, max(self.due, 1))
        self.bar.setValue(0)
        self.message.setText(self.tr("Printing…"))
        self._busy(True)
        self.worker = Worker(
            work,
            on_success=lambda count: self._done(target, count),
            on_failure=self._failed,
            on_progress=self._progress,
            on_cancelled=self._cancelled,
            parent=self,
        ).start()

    def ask_printer(self) -> None:
        if not dates_ok(self):
            return
        printer = ask_printer(self, self.tr("Print the plans due"))
        if printer is not None:
            self.start_on_printer(printer)

    def start_on_printer(self, printer: QPrinter) -> None:
        """Print every due plan on ``printer``: made into one PDF first, then sent, both on a
        worker thread; the progress bar counts plans, then pages where pages are rendered."""
        until, practitioner, ctx = self.chosen_date(), self.chosen_practitioner(), self.ctx
        language = ui_language()  # the cover list is the team lead's: the screens' language

        def work(progress: Progress) -> Printed:
            made: list[bytes] = []  # the pages stay in memory, never in a temporary file
            print_due(
                ctx,
                until,
                made.append,
                progress=progress.report,
                cancelled=lambda: progress.cancelled,
                practitioner=practitioner,
                language=language,
            )
            return print_pdf(made[0], printer, progress)

        self.result_path = None
        self.bar.setRange(0, max(self.due, 1))
        self.bar.setValue(0)
        self.message.setText(self.tr("Printing…"))
        self._busy(True)
        self.worker = Worker(
            work,
            on_success=self._sent,
            on_failure=self._failed,
            on_progress=self._progress,
            on_cancelled=self._cancelled,
            parent=self,
        ).start()

    def _sent(self, printed: Printed) -> None:
        self.bar.setValue(self.bar.maximum())
        self._busy(False)
        if self.due == 1:
            text = self.tr("Sent 1 plan ({pages} pages) to the printer.")
        else:
            text = self.tr("Sent {count} plans ({pages} pages) to the printer.")
        self.message.setText(text.format(count=self.due, pages=printed.pages))
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def cancel(self) -> None:
        if self.worker is not None and self.worker.running:
            self.worker.cancel()
            self.message.setText(self.tr("Stopping…"))
            self.cancel_button.setEnabled(False)

    def _busy(self, busy: bool) -> None:
        self.print_button.setEnabled(not busy and self.due > 0)
        self.printer_button.setEnabled(not busy and self.due > 0)
        self.cancel_button.setEnabled(busy)
        self.close_button.setEnabled(not busy)
        self.until.setEnabled(not busy)
        self.practitioner.setEnabled(not busy)

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.message.setText(self.tr("Printing {done} of {total}…").format(done=done, total=total))

    def _done(self, target: Path, count: int) -> None:
        self.result_path = target
        self.bar.setValue(self.bar.maximum())
        self._busy(False)
        self.message.setText(
            (
                self.tr("Printed 1 plan.")
                if count == 1
                else self.tr("Printed {count} plans.").format(count=count)
            )
            + " "
            + not_encrypted(target)
        )
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        if isinstance(error, CaseplanError):
            self.message.setText(error_text(error))
        else:
            self.message.setText(self.tr("Printing failed: {reason}").format(reason=str(error)))

    def _cancelled(self) -> None:
        self._busy(False)
        self.bar.setValue(0)
        self.message.setText(self.tr("Printing was cancelled; no file was written."))

    def reject(self) -> None:
        if self.running:
            self.cancel()
            return
        super().reject()

    def stop_and_wait(self) -> None:
        """Before the window locks: cancel, wait for the work to stop, and close."""
        if self.worker is not None and self.worker.running:
            self.worker.cancel()
            self.worker.wait()
        super().reject()
