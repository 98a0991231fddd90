"""Agreeing the plan together: read it back exactly as it prints, say who is here and how
each agrees (a signature on the screen, or on paper), agree, then print the person's copy."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from caseplan.errors import CaseplanError
from caseplan.models import ParticipantRole
from caseplan.reports.printing import PlanOptions, plan_pdf
from caseplan.services.agreement import agreement
from caseplan.services.agreement.agreement import PAPER, SIGNATURE, PlanVersionDetails
from caseplan.services.context import Context
from caseplan.services.plans.plan_view import PlanView, load_plan_view
from caseplan.services.team.team import ParticipantDetails
from caseplan.ui.i18n import error_text
from caseplan.ui.meeting.signature import SignaturePad
from caseplan.ui.printing.printer import Printed, ask_printer, sent_text, start_print
from caseplan.ui.widgets.announce import announce
from caseplan.ui.widgets.dates import date_text
from caseplan.ui.widgets.output import not_encrypted, save_output
from caseplan.ui.widgets.plan_text import PagesAndText
from caseplan.ui.widgets.save_dialog import ask_save_path
from caseplan.ui.widgets.theme import colours, error_style
from caseplan.ui.workspace.labels import role_label

ChoosePath = Callable[[QWidget, str], Path | None]


def ask_pdf_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to save the person's copy: a fresh folder that shows no other file's name."""
    title = QCoreApplication.translate("AgreementDialog", "Save the plan as PDF")
    return ask_save_path(parent, title, suggested)


class PresentRow(QFrame):
    """One team member: here or not, and how they agree."""

    def __init__(
        self,
        participant: ParticipantDetails,
        parent: QWidget | None = None,
        *,
        signed_in: uuid.UUID | None = None,
    ) -> None:
        super().__init__(parent)
        self.participant = participant
        self.setObjectName("present_row")
        self.setStyleSheet(
            f"QFrame#present_row {{ border: 1px solid {colours().row_border};"
            " border-radius: 8px; }"
        )
        name = participant.name
        if participant.role == ParticipantRole.PERSON:
            role = self.tr("whose plan this is")
        else:
            role = role_label(participant.role)
        self.present = QCheckBox(self.tr("{name} · {role}").format(name=name, role=role), self)
        self.present.setAccessibleName(self.tr("{name} is here").format(name=name))
        self.on_screen = QRadioButton(self.tr("signs here on the screen"), self)
        self.on_screen.setAccessibleName(self.tr("{name} signs on the screen").format(name=name))
        self.on_paper = QRadioButton(self.tr("signs on paper"), self)
        self.on_paper.setAccessibleName(self.tr("{name} signs on paper").format(name=name))
        self.group = QButtonGroup(self)
        self.group.addButton(self.on_screen)
        self.group.addButton(self.on_paper)
        self.on_paper.setChecked(True)
        self.pad = SignaturePad(name, self)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.setAccessibleName(
            self.tr("Clear the signature of {name}").format(name=name)
        )
        self.clear_button.clicked.connect(self.pad.clear)
        ways = QHBoxLayout()
        ways.addSpacing(24)
        ways.addWidget(self.on_screen)
        ways.addWidget(self.on_paper)
        ways.addStretch(1)
        signing = QHBoxLayout()
        signing.addSpacing(24)
        signing.addWidget(self.pad, 1)
        signing.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addWidget(self.present)
        layout.addLayout(ways)
        layout.addLayout(signing)
        self.present.toggled.connect(self._update)
        self.on_screen.toggled.connect(self._update)
        # The person, and whoever is signed in (they are at the screen): as the review does.
        self.present.setChecked(
            participant.role == ParticipantRole.PERSON
            or (signed_in is not None and participant.account_id == signed_in)
        )
        self._update()

    def _update(self) -> None:
        here = self.present.isChecked()
        self.on_screen.setVisible(here)
        self.on_paper.setVisible(here)
        signing = here and self.on_screen.isChecked()
        self.pad.setVisible(signing)
        self.clear_button.setVisible(signing)

    def how(self) -> str:
        return SIGNATURE if self.on_screen.isChecked() else PAPER


class AgreementDialog(QDialog):
    """Three steps: read back, who is here, agreed (and print the person's copy)."""

    READ_BACK, PRESENT, DONE = range(3)

    def __init__(
        self,
        ctx: Context,
        person_id: uuid.UUID,
        parent: QWidget | None = None,
        *,
        choose_path: ChoosePath = ask_pdf_path,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.choose_path = choose_path
        self.version: PlanVersionDetails | None = None
        self.signatures: dict[uuid.UUID, bytes] = {}
        self.saved_path: Path | None = None
        self.setWindowTitle(self.tr("Agree the plan"))
        self.setAccessibleName(self.tr("Agree the plan"))
        self.view: PlanView | None = load_plan_view(
            ctx, person_id, include_worker_notes=False, record_open=False
        )
        name = ""
        if self.view is not None:
            person = self.view.person
            name = person.preferred_name or person.full_name
        self.person_name = name

        self.steps = QStackedWidget(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(error_style())
        self.message.setAccessibleDescription(self.tr("Message"))
        self.message.hide()

        # 1. read back
        read_back = QWidget(self)
        intro = QLabel(
            self.tr(
                "Step 1 of 2 · Read the plan through together, exactly as it will be printed. "
                "Anything to change? Go back and change it first."
            ),
            read_back,
        )
        intro.setWordWrap(True)
        self.document = QPdfDocument(self)
        self.pdf_view = QPdfView(read_back)
        self.pdf_view.setAccessibleName(self.tr("The plan as it will print"))
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_view.setDocument(self.document)
        self._buffer: QBuffer | None = None
        self.back_button = QPushButton(self.tr("Not yet — go back"), read_back)
        self.back_button.setAccessibleName(self.tr("Not yet, go back to the plan"))
        self.back_button.clicked.connect(self.reject)
        self.next_button = QPushButton(self.tr("It is right — &next"), read_back)
        self.next_button.setAccessibleDescription(self.tr("The plan is right, go to who is here"))
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.go_present)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.next_button)
        column = QVBoxLayout(read_back)
        column.addWidget(intro)
        self.pages = PagesAndText(self.pdf_view, self.document, read_back)
        column.addWidget(self.pages, 1)
        column.addLayout(row)
        self.steps.addWidget(read_back)

        # 2. who is here
        present = QWidget(self)
        ask = QLabel(
            self.tr(
                "Step 2 of 2 · Who is here today? Tick each one, and choose whether they "
                "sign here on the screen or on the printed paper."
            ),
            present,
        )
        ask.setWordWrap(True)
        self.rows: list[PresentRow] = []
        inner = QWidget(present)
        rows = QVBoxLayout(inner)
        for participant in self.view.participants if self.view is not None else ():
            item = PresentRow(participant, inner, signed_in=ctx.actor.account_id)
            self.rows.append(item)
            rows.addWidget(item)
        rows.addStretch(1)
        scroll = QScrollArea(present)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setAccessibleName(self.tr("Who is here"))
        self.previous_button = QPushButton(self.tr("&Back to reading"), present)
        self.previous_button.setAccessibleName(self.tr("Back to reading the plan"))
        self.previous_button.clicked.connect(lambda: self.steps.setCurrentIndex(self.READ_BACK))
        self.agree_button = QPushButton(self.tr("We &agree this plan"), present)
        self.agree_button.setAccessibleName(self.tr("We agree this plan"))
        self.agree_button.clicked.connect(self.agree)
        row = QHBoxLayout()
        row.addWidget(self.previous_button)
        row.addStretch(1)
        row.addWidget(self.agree_button)
        column = QVBoxLayout(present)
        column.addWidget(ask)
        column.addWidget(scroll, 1)
        column.addLayout(row)
        self.steps.addWidget(present)

        # 3. agreed
        done = QWidget(self)
        self.done_label = QLabel(done)
        self.done_label.setWordWrap(True)
        self.done_label.setAccessibleDescription(self.tr("The plan is agreed"))
        self.print_button = QPushButton(self.tr("&Print the copy…"), done)
        self.print_button.setAccessibleName(self.tr("Print the person's copy"))
        self.print_button.clicked.connect(self.ask_print)
        self.save_button = QPushButton(self.tr("&Save the copy as PDF…"), done)
        self.save_button.setAccessibleName(self.tr("Save the person's copy as a PDF file"))
        self.save_button.clicked.connect(self.ask_save)
        self.close_button = QPushButton(self.tr("&Done"), done)
        self.close_button.setAccessibleName(self.tr("Done"))
        self.close_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        column = QVBoxLayout(done)
        column.addWidget(self.done_label)
        column.addStretch(1)
        column.addLayout(row)
        self.steps.addWidget(done)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.steps, 1)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.setFont(font)
        for child in self.findChildren(QWidget):  # rows with a style sheet keep their own
            child.setFont(font)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(1000, int(screen.width() * 0.9)), min(1000, int(screen.height() * 0.9)))
        self.show_read_back()

    # --- the steps ----------------------------------------------------------------------

    def show_read_back(self) -> None:
        self.steps.setCurrentIndex(self.READ_BACK)
        if self.view is None:
            self._problem(self.tr("There is no plan to agree yet."))
            self.next_button.setEnabled(False)
            return
        try:
            data = plan_pdf(self.ctx, self.person_id, PlanOptions(), audited=False)
        except CaseplanError as error:
            self._problem(error_text(error))
            self.next_button.setEnabled(False)
            return
        self._load_pdf(data)
        self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _load_pdf(self, data: bytes) -> None:
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def go_present(self) -> None:
        self.steps.setCurrentIndex(self.PRESENT)
        if self.rows:
            self.rows[0].present.setFocus(Qt.FocusReason.OtherFocusReason)

    def _problem(self, sentence: str) -> None:
        self.message.setText(sentence)
        announce(self, sentence, assertive=True)
        self.message.setVisible(bool(sentence))

    def agree(self) -> None:
        if self.view is None:
            return
        present = [row.participant.id for row in self.rows if row.present.isChecked()]
        how = {row.participant.id: row.how() for row in self.rows if row.present.isChecked()}
        signatures = {
            row.participant.id: row.pad.png()
            for row in self.rows
            if row.present.isChecked() and row.how() == SIGNATURE and not row.pad.is_empty()
        }
        try:
            plan = self.view.plan
            from caseplan.services.plans.plans import get_plan

            current = get_plan(self.ctx, plan.id, record=False)
            self.version = agreement.agree_plan(
                self.ctx, plan.id, current.version, present, how, signatures, self.ctx.today()
            )
        except CaseplanError as error:
            self._problem(error_text(error))
            return
        self._problem("")
        self.signatures = signatures
        self.done_label.setText(
            self.tr(
                "The plan is agreed: version {number}, {date}.\n\n"
                "{name} can take their own copy home, with today's signatures. "
                "Print it now, or save it as a PDF."
            ).format(
                number=self.version.number,
                date=date_text(self.version.agreed_on),
                name=self.person_name,
            )
        )
        self.steps.setCurrentIndex(self.DONE)
        self.print_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- the person's copy ----------------------------------------------------------------

    def copy_pdf(self) -> bytes:
        """The agreed plan with the signatures drawn today (audited as a print)."""
        options = PlanOptions(signatures={str(k): v for k, v in self.signatures.items()})
        return plan_pdf(self.ctx, self.person_id, options, audited=True)

    def ask_print(self) -> None:
        """Print the person's copy on a worker thread: the window never waits for a printer."""
        printer = ask_printer(self, self.tr("Print the person's copy"))
        if printer is None:
            return
        self.print_button.setEnabled(False)
        self.print_worker = start_print(
            self.copy_pdf,
            printer,
            self,
            on_done=self._printed,
            on_failed=self._print_failed,
        )

    def _printed(self, printed: Printed) -> None:
        self.print_button.setEnabled(True)
        self.done_label.setText(self.done_label.text() + "\n\n" + sent_text(printed))

    def _print_failed(self, error: BaseException) -> None:
        self.print_button.setEnabled(True)
        if isinstance(error, CaseplanError):
            self._problem(error_text(error))
        else:
            self._problem(self.tr("Printing failed: {reason}").format(reason=str(error)))

    def ask_save(self) -> None:
        path = self.choose_path(self, self.tr("plan.pdf"))
        if path is None:
            return
        try:
            path = save_output(path, self.copy_pdf())
        except CaseplanError as error:
            self._problem(error_text(error))
            return
        self.saved_path = path
        self.done_label.setText(self.done_label.text() + "\n\n" + not_encrypted(path))
