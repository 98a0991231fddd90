"""The overview's list handed over: printed, saved as PDF or CSV (read afresh and audited
once per person on it), and the reminder letters to people whose review is due.

The page (:class:`caseplan.ui.overview.page.OverviewPage`) holds the list shown and the
buttons; this is what its buttons do. Words keep the page's translation context.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from caseplan.errors import CaseplanError
from caseplan.services.clinic import settings as clinic_settings
from caseplan.services.context import Context
from caseplan.services.overview.lists import SignalList, hand_over
from caseplan.ui.i18n import error_text
from caseplan.ui.overview.letters import save_letters
from caseplan.ui.printing.printer import Printed, ask_printer, sent_text, start_print
from caseplan.ui.widgets.output import not_encrypted, save_output
from caseplan.ui.widgets.save_dialog import ask_save_path
from caseplan.ui.workers import Worker


class ListOutputs(QWidget):
    """Printing and saving the list shown (``current``); what is said goes to ``message``."""

    ctx: Context
    current: SignalList | None
    message: QLabel
    print_button: QPushButton
    worker: Worker | None

    def _language(self) -> str:
        return "nb" if QLocale().language() == QLocale.Language.NorwegianBokmal else "en"

    def _made(self, how: str) -> bytes:
        """The list shown, read afresh, as PDF or CSV (audited once per person on it)."""
        from caseplan.reports.overview_list import render_signal_list, signal_list_csv

        assert self.current is not None
        language = self._language()
        demo = clinic_settings.is_demo(self.ctx)
        made: list[bytes] = []

        def render(found: SignalList) -> bytes:
            if how == "csv":
                return signal_list_csv(found, language)
            return render_signal_list(found, language=language, demo=demo)

        hand_over(self.ctx, self.current.signal, how, render, made.append)
        return made[0]

    def ask_target(self, kind: str) -> None:
        if self.current is None:
            return
        suggested = f"overview-{self.current.signal.value}-{self.current.today.isoformat()}.{kind}"
        path = ask_save_path(
            self,
            QCoreApplication.translate("OverviewPage", "Save as CSV")
            if kind == "csv"
            else QCoreApplication.translate("OverviewPage", "Save as PDF"),
            suggested,
            QCoreApplication.translate("OverviewPage", "CSV files (*.csv)")
            if kind == "csv"
            else QCoreApplication.translate("OverviewPage", "PDF files (*.pdf)"),
        )
        if path is not None:
            self.save(path, kind)

    def save(self, path: Path, kind: str) -> bool:
        """Write the list shown to ``path`` as ``kind`` (audited); False if refused."""
        try:
            save_output(path, self._made(kind))
        except CaseplanError as error:
            self.message.setText(error_text(error))
            return False
        self.message.setText(not_encrypted(path))
        return True

    def ask_letters(self) -> None:
        path = ask_save_path(
            self,
            QCoreApplication.translate("OverviewPage", "Save the reminder letters as PDF"),
            f"reminder-letters-{self.ctx.today().isoformat()}.pdf",
        )
        if path is not None:
            self.save_letters(path)

    def save_letters(self, path: Path) -> bool:
        """Letters to everyone whose review is overdue or due within 30 days (audited)."""
        try:
            said = save_letters(self.ctx, path)
        except CaseplanError as error:
            self.message.setText(error_text(error))
            return False
        self.message.setText(said)
        return True

    def ask_print(self) -> None:
        if self.current is None:
            return
        printer = ask_printer(self, QCoreApplication.translate("OverviewPage", "Print the list"))
        if printer is None:
            return
        self.print_button.setEnabled(False)
        self.message.setText(QCoreApplication.translate("OverviewPage", "Printing…"))

        def done(printed: Printed) -> None:
            self.print_button.setEnabled(True)
            self.message.setText(sent_text(printed))

        def failed(error: BaseException) -> None:
            self.print_button.setEnabled(True)
            self.message.setText(
                error_text(error) if isinstance(error, CaseplanError) else str(error)
            )

        self.worker = start_print(
            lambda: self._made("pdf"), printer, self, on_done=done, on_failed=failed
        )
