"""The app's File → Print plans due… starts the PDF with the cover list, in the screens'
language: exactly the people in the batch, their coordinator and why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from caseplan.models import Person
from caseplan.services.clinic.unlock import OpenClinic
from caseplan.ui.main_window import MainWindow
from caseplan.ui.printing import BatchPrintDialog
from tests.reports.pdftools import squeeze
from tests.reports.test_cover_page import cover_names, cover_pages
from tests.ui.conftest import CLINIC_PEOPLE
from tests.ui.test_print_dialogs import _give_plans
from tests.ui.test_save_dialog import answer_save_dialog


def test_print_plans_due_from_the_menu_starts_with_the_cover_list(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings
) -> None:
    ids = _give_plans(clinic_ws)  # everyone due within the fortnight, one day apart
    with clinic_ws.database.sessions() as session:
        by_id = {
            row.id: row.full_name for row in session.execute(select(Person.id, Person.full_name))
        }
    in_order = [by_id[i] for i in ids]
    window = MainWindow(clinic_ws, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.batch_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, BatchPrintDialog))
    assert dialog.due == 3
    seen: list[str] = []
    answer_save_dialog(qtbot, "batch", seen)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=60_000)
    target = dialog.result_path
    assert target is not None and target == Path(seen[0]) / "batch.pdf"

    pages = cover_pages(target)
    assert len(pages) == 1 and "Cover list:" in pages[0]  # the screens are in English here
    assert sorted(in_order) == sorted(CLINIC_PEOPLE)
    assert cover_names(pages, in_order) == in_order
    cover = squeeze(pages[0])
    assert squeeze("Review due today; draft, never agreed") in cover
    assert cover.count(squeeze("no coordinator")) == 3
    assert dialog.message.text().startswith("Printed 3 plans. ")
    dialog._done(target, 1)  # the same sentence for a batch of one
    assert dialog.message.text().startswith("Printed 1 plan. ")
