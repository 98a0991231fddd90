"""Tools → What people say helps…: for a period, the groups (themes and life domains) with
their counts, the words of the group chosen, and the short report as PDF or on paper.

Everything shown comes from :func:`caseplan.services.overview.voices.what_helps`: only words
people agreed to share, no names, no group of fewer than five people.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseplan.errors import CaseplanError
from caseplan.models import LifeDomain
from caseplan.services.clinic import settings as clinic_settings
from caseplan.services.context import Context
from caseplan.services.overview.voices import WHOLE_PLAN, Group, Said, Theme, Voices, what_helps
from caseplan.ui.i18n import error_text
from caseplan.ui.overview.page import list_table
from caseplan.ui.printing.printer import Printed, ask_printer, sent_text, start_print
from caseplan.ui.widgets.dates import Direction, RequiredDateEdit, dates_ok
from caseplan.ui.widgets.output import not_encrypted, save_output
from caseplan.ui.widgets.record_model import Column, RecordTableModel
from caseplan.ui.widgets.save_dialog import ask_save_path
from caseplan.ui.workers import Worker
from caseplan.ui.workspace.labels import domain_label


def theme_label(theme: str) -> str:
    return {
        Theme.RELATION: QCoreApplication.translate("WhatHelps", "Relation"),
        Theme.MUTUALITY: QCoreApplication.translate("WhatHelps", "Mutuality, doing it together"),
        Theme.CHOICE: QCoreApplication.translate("WhatHelps", "Choice"),
        Theme.TIME: QCoreApplication.translate("WhatHelps", "Time"),
        Theme.KNOWLEDGE: QCoreApplication.translate("WhatHelps", "Knowledge"),
        Theme.NETWORKS: QCoreApplication.translate("WhatHelps", "Networks"),
        Theme.OTHER: QCoreApplication.translate("WhatHelps", "Other"),
    }[Theme(theme)]


@dataclass(frozen=True)
class GroupRow:
    id: str
    kind: str
    name: str
    group: Group


def group_rows(voices: Voices) -> list[GroupRow]:
    theme = QCoreApplication.translate("WhatHelps", "Theme")
    rows = [GroupRow(f"t/{g.key}", theme, theme_label(g.key), g) for g in voices.by_theme]
    for g in voices.by_domain:
        name = (
            QCoreApplication.translate("WhatHelps", "The plan as a whole")
            if g.key == WHOLE_PLAN
            else domain_label(LifeDomain(g.key))
        )
        rows.append(
            GroupRow(f"d/{g.key}", QCoreApplication.translate("WhatHelps", "Life domain"), name, g)
        )
    return rows


def _figure(group: Group, value: int) -> str:
    if group.suppressed:
        return QCoreApplication.translate("WhatHelps", "fewer than 5")
    return str(value)


class WhatHelpsDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.voices: Voices | None = None
        self.worker: Worker | None = None
        self.setWindowTitle(self.tr("What people say helps"))
        today = ctx.today()
        self.start = RequiredDateEdit(self.tr("From"), self, way=Direction.PAST, today=ctx.today)
        self.end = RequiredDateEdit(self.tr("To"), self, way=Direction.PAST, today=ctx.today)
        self.start.set_value(today.replace(year=today.year - 1))
        self.end.set_value(today)
        for edit in (self.start, self.end):
            edit.changed.connect(self.refresh)
        start_label = QLabel(self.tr("&From:"), self)
        start_label.setBuddy(self.start)
        end_label = QLabel(self.tr("&To:"), self)
        end_label.setBuddy(self.end)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleDescription(self.tr("Reviews and shared words"))
        self.groups = RecordTableModel[GroupRow](
            [
                Column(self.tr("Group"), lambda r: r.kind),
                Column(self.tr("Name"), lambda r: r.name),
                Column(self.tr("People"), lambda r: _figure(r.group, r.group.people)),
                Column(self.tr("Helped"), lambda r: _figure(r.group, r.group.helped)),
                Column(self.tr("Got in the way"), lambda r: _figure(r.group, r.group.in_the_way)),
            ],
            self,
        )
        self.group_table = list_table(self, self.tr("Groups"))
        self.group_table.setModel(self.groups)
        self.group_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.show_words(current.row())
        )
        self.words = RecordTableModel[Said](
            [
                Column(self.tr("In their words"), lambda s: s.text),
                Column(
                    self.tr("Helped or in the way"),
                    lambda s: self.tr("helped") if s.helped else self.tr("got in the way"),
                ),
                Column(self.tr("People"), lambda s: str(s.people)),
            ],
            self,
        )
        self.word_table = list_table(self, self.tr("What people said"))
        self.word_table.setModel(self.words)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleDescription(self.tr("Message"))
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"), self)
        self.print_button = QPushButton(self.tr("P&rint…"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        for button in (self.pdf_button, self.print_button, self.close_button):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        self.pdf_button.clicked.connect(self.ask_target)
        self.print_button.clicked.connect(self.ask_print)
        self.close_button.clicked.connect(self.reject)
        period = QHBoxLayout()
        for widget in (start_label, self.start, end_label, self.end):
            period.addWidget(widget)
        period.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        for button in (self.pdf_button, self.print_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(self.summary)
        layout.addWidget(self.group_table, 1)
        layout.addWidget(self.word_table, 1)
        layout.addLayout(buttons)
        self.resize(1000, 700)
        self.refresh()

    def refresh(self) -> None:
        start, end = self.start.value(), self.end.value()
        assert start is not None and end is not None
        try:
            self.voices = what_helps(self.ctx, start, end)
        except CaseplanError as error:
            self.voices = None
            self.groups.set_rows([])
            self.words.set_rows([])
            self.summary.setText(error_text(error))
            return
        voices = self.voices
        self.summary.setText(
            self.tr(
                "Reviews held: {reviews}. Words shared from {shared} reviews, {people} people. "
                "Only words people agreed to share, never a name; groups of fewer than 5 people "
                "are not shown."
            ).format(reviews=voices.reviews, shared=voices.shared, people=voices.people)
        )
        self.groups.set_rows(group_rows(voices))
        shown = next(
            (
                n
                for n, r in enumerate(self.groups.rows())
                if not r.group.suppressed and r.group.words
            ),
            0,
        )
        self.group_table.selectRow(shown)
        self.show_words(shown)

    def show_words(self, row: int) -> None:
        found = self.groups.row_at(row)
        self.words.set_rows(found.group.words if found is not None else ())

    def _pdf(self) -> bytes:
        from caseplan.reports.what_helps import render_what_helps

        assert self.voices is not None
        language = "nb" if QLocale().language() == QLocale.Language.NorwegianBokmal else "en"
        return render_what_helps(
            self.voices, language=language, demo=clinic_settings.is_demo(self.ctx)
        )

    def ask_target(self) -> None:
        if self.voices is None or not dates_ok(self):
            return
        suggested = f"what-helps-{self.voices.start.isoformat()}-{self.voices.end.isoformat()}.pdf"
        path = ask_save_path(self, self.tr("Save as PDF"), suggested)
        if path is not None:
            self.save(path)

    def save(self, path: Path) -> bool:
        try:
            save_output(path, self._pdf())
        except CaseplanError as error:
            self.message.setText(error_text(error))
            return False
        self.message.setText(not_encrypted(path))
        return True

    def ask_print(self) -> None:
        if self.voices is None or not dates_ok(self):
            return
        printer = ask_printer(self, self.tr("Print what people say helps"))
        if printer is None:
            return
        self.print_button.setEnabled(False)

        def done(printed: Printed) -> None:
            self.print_button.setEnabled(True)
            self.message.setText(sent_text(printed))

        def failed(error: BaseException) -> None:
            self.print_button.setEnabled(True)
            self.message.setText(
                error_text(error) if isinstance(error, CaseplanError) else str(error)
            )

        self.worker = start_print(self._pdf, printer, self, on_done=done, on_failed=failed)
