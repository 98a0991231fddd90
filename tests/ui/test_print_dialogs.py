"""The print preview and the batch-print dialog, as a person uses them."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import select

from caseplan.models import AuditEvent, Goal, LifeDomain, Person, Plan, PlanStatus, Step
from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.context import Context
from caseplan.services.crisis import crisis
from caseplan.ui.printing import BatchPrintDialog, PlanPreviewDialog
from tests.reports.pdftools import page_count, pdf_text, squeeze
from tests.ui.conftest import CLINIC_PEOPLE


def _give_plans(workspace: OpenClinic, steps: int = 3) -> list[uuid.UUID]:
    """Each of the clinic's people gets an open plan due within the fortnight."""
    ctx = Context(workspace.database.sessions)
    today = workspace.ctx.today()
    with ctx.write() as session:
        ids = list(session.scalars(select(Person.id).order_by(Person.full_name)))
        for n, person_id in enumerate(ids):
            plan = Plan(
                person_id=person_id,
                status=PlanStatus.DRAFT,
                period_start=date(2026, 1, 5),
                next_review=today + timedelta(days=n),
            )
            session.add(plan)
            session.flush()
            goal = Goal(plan_id=plan.id, domain=LifeDomain.HOUSING, own_words="Eget hjem")
            session.add(goal)
            session.flush()
            for s in range(steps):
                session.add(Step(goal_id=goal.id, action=f"Tiltak {s}", position=s))
    return ids


def _plan_of(workspace: OpenClinic, person_id: uuid.UUID) -> uuid.UUID:
    with workspace.database.sessions() as session:
        return session.scalars(select(Plan.id).where(Plan.person_id == person_id)).one()


def _prints(workspace: OpenClinic) -> int:
    with workspace.database.sessions() as session:
        return len(list(session.scalars(select(AuditEvent).where(AuditEvent.action == "print"))))


def test_preview_shows_the_pages_and_printing_and_saving_are_audited(
    qtbot: Any, clinic_ws: OpenClinic, tmp_path: Path
) -> None:
    person = _give_plans(clinic_ws)[0]
    dialog = PlanPreviewDialog(clinic_ws.ctx, person)
    qtbot.addWidget(dialog)
    saved = tmp_path / "plan.pdf"
    dialog.save_to(saved)
    assert dialog.page_count == page_count(saved) >= 1
    assert "page" in dialog.message.text()
    assert _prints(clinic_ws) == 1  # the preview itself is not a print

    dialog.choose("crisis_card")  # no crisis plan yet: said, not an empty card
    assert dialog.page_count == 0
    assert dialog.message.text() == (
        "There is no crisis plan for this person yet, so there is no card to print."
    )
    assert not dialog.print_button.isEnabled()
    crisis.save_crisis_plan(
        Context(clinic_ws.database.sessions),
        _plan_of(clinic_ws, person),
        None,
        warning_signs="Jeg sover dårlig.",
    )
    dialog.choose("plan")
    dialog.choose("crisis_card")
    assert dialog.page_count == 1
    assert dialog.print_button.isEnabled()
    dialog.choose("easy_read")
    easy = dialog.page_count
    dialog.choose("summary")  # no meeting yet
    assert dialog.message.text() == (
        "There is no meeting in this plan yet, so there is no summary to print."
    )
    dialog.choose("plan")
    assert easy >= page_count(saved)

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert dialog.print_to(printer) == page_count(saved) == page_count(printed)
    assert _prints(clinic_ws) == 2
    for widget in (dialog.language, dialog.kind, dialog.view):
        assert widget.accessibleName()


def test_preview_in_english_says_so(qtbot: Any, clinic_ws: OpenClinic, tmp_path: Path) -> None:
    person = _give_plans(clinic_ws)[0]
    dialog = PlanPreviewDialog(clinic_ws.ctx, person)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.save_to(tmp_path / "plan.pdf")
    assert "Page 1 of" in pdf_text(tmp_path / "plan.pdf")


def test_batch_print_counts_prints_and_reaches_the_end(
    qtbot: Any, clinic_ws: OpenClinic, tmp_path: Path
) -> None:
    _give_plans(clinic_ws)
    dialog = BatchPrintDialog(clinic_ws.ctx)
    qtbot.addWidget(dialog)
    assert dialog.chosen_date() == clinic_ws.ctx.today() + timedelta(days=14)
    assert dialog.due == 3 and "3" in dialog.count_label.text()
    assert [dialog.practitioner.itemText(i) for i in range(dialog.practitioner.count())] == [
        "Everyone",
        "Per Practitioner",
    ]
    dialog.practitioner.setCurrentIndex(1)
    assert dialog.due == 0 and not dialog.print_button.isEnabled()
    dialog.practitioner.setCurrentIndex(0)
    target = tmp_path / "due.pdf"
    dialog.start(target)
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert dialog.result_path == target and target.exists()
    assert dialog.bar.value() == dialog.bar.maximum() == 3
    text = squeeze(pdf_text(target))
    assert all(squeeze(name) in text for name in CLINIC_PEOPLE)
    assert _prints(clinic_ws) == 3


@pytest.mark.parametrize("steps", [40])
def test_cancelled_batch_leaves_no_file(
    qtbot: Any, clinic_ws: OpenClinic, tmp_path: Path, steps: int
) -> None:
    _give_plans(clinic_ws, steps)
    dialog = BatchPrintDialog(clinic_ws.ctx)
    qtbot.addWidget(dialog)
    folder = tmp_path / "out"
    folder.mkdir()
    dialog.start(folder / "due.pdf")
    dialog.cancel()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert "cancelled" in dialog.message.text()
    assert list(folder.iterdir()) == []
    assert _prints(clinic_ws) == 0


def test_printing_runs_off_the_window_and_honours_the_page_range(
    qtbot: Any, clinic_ws: OpenClinic, tmp_path: Path
) -> None:
    person = _give_plans(clinic_ws, steps=40)[0]
    dialog = PlanPreviewDialog(clinic_ws.ctx, person)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("nn"))
    assert dialog.page_count >= 3
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    dialog.start_printing(printer)
    assert dialog.printing and not dialog.print_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.printing, timeout=60_000)
    assert dialog.message.text() == "Sent 2 pages to the printer."
    assert page_count(printed) == 2
    assert "Side 2 av" in pdf_text(printed, 1)  # nynorsk, and the pages asked for
    assert dialog.print_button.isEnabled()
    assert _prints(clinic_ws) == 1


def test_a_printer_that_takes_no_pdf_gets_pages_rendered_at_600_dpi_at_most(
    qtbot: Any, tmp_path: Path
) -> None:
    import subprocess

    from caseplan.reports.shared_plan import PlanOptions, render_shared_plan
    from caseplan.ui.printing.printer import render_on
    from tests.reports.plan_documents import rich_document

    source = tmp_path / "plan.pdf"
    render_shared_plan(rich_document(), source, PlanOptions())
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # 1200 dpi
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "rendered.pdf"
    printer.setOutputFileName(str(out))
    assert printer.resolution() > 600
    assert render_on(printer, source.read_bytes(), [2, 4], None) == 2
    assert page_count(out) == 2
    rows = subprocess.run(
        ["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(rows) == 2
    assert all(row.split()[2] == "image" for row in rows), rows  # no soft mask: opaque
    assert all(int(row.split()[12]) <= 601 for row in rows), rows  # x-ppi
