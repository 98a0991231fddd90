"""Saving the person's copy: a fresh folder, no other file's name, and the button works."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QWidget,
)

from caseplan.services.clinic.unlock import OpenClinic
from caseplan.ui.meeting import AgreementDialog
from caseplan.ui.widgets import save_dialog
from caseplan.ui.widgets.save_dialog import FreshSaveDialog, ask_save_path, documents
from tests.reports.pdftools import pdf_text
from tests.ui.test_keyboard_flow import make_mari

OTHER_COPY = "Øystein Berg plan.pdf"


def everything_shown(dialog: QWidget) -> str:
    """Every text the dialog shows or offers: fields, lists, combo boxes, their names."""
    texts: list[str] = []
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, QLineEdit):
            texts.append(widget.text())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model, root = widget.model(), widget.rootIndex()
            for row in range(model.rowCount(root)):
                texts.append(str(model.index(row, 0, root).data()))
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
    return "\n".join(texts)


def answer_save_dialog(qtbot: Any, name: str | None, seen: list[str]) -> None:
    """When the save dialog comes, note what it shows, then type ``name`` and press Enter
    (or Escape for None), as a person does."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, FreshSaveDialog):
            QTimer.singleShot(20, act)
            return
        QApplication.processEvents()
        seen.append(dialog.directory().absolutePath())
        seen.append(everything_shown(dialog))
        field = dialog.findChild(QLineEdit, "fileNameEdit")
        assert field is not None
        if name is None:
            qtbot.keyClick(field, Qt.Key.Key_Escape)
            return
        field.selectAll()
        qtbot.keyClicks(field, name)
        qtbot.keyClick(field, Qt.Key.Key_Return)

    QTimer.singleShot(0, act)


@pytest.fixture
def earlier_copy() -> Path:
    """A copy saved earlier for someone else, where copies usually go."""
    folder = documents()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / OTHER_COPY).write_bytes(b"%PDF-1.4\n")
    home_copy = Path.home() / OTHER_COPY
    home_copy.write_bytes(b"%PDF-1.4\n")
    return folder / OTHER_COPY


def test_the_save_dialog_opens_in_a_fresh_folder_and_names_no_other_file(
    qtbot: Any, earlier_copy: Path
) -> None:
    seen: list[str] = []
    answer_save_dialog(qtbot, "copy", seen)
    path = ask_save_path(None, "Save the plan as PDF", "plan.pdf")
    folder, shown = Path(seen[0]), seen[1]
    assert folder.parent == documents() and folder != earlier_copy.parent
    assert "Øystein" not in shown and "Berg" not in shown
    assert path == folder / "copy.pdf"  # the suffix is added when none is typed


def test_a_cancelled_save_leaves_no_empty_folder_behind(qtbot: Any, earlier_copy: Path) -> None:
    before = sorted(documents().iterdir())
    seen: list[str] = []
    answer_save_dialog(qtbot, None, seen)
    assert ask_save_path(None, "Save the plan as PDF", "plan.pdf") is None
    assert sorted(documents().iterdir()) == before


def test_two_saves_in_the_same_second_get_two_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = save_dialog.fresh_folder(), save_dialog.fresh_folder()
    assert first != second and first.parent == second.parent == documents()
    assert not any(first.iterdir()) and not any(second.iterdir())
    assert oct(first.stat().st_mode & 0o777) == "0o700"


def test_save_the_copy_as_pdf_after_agreeing_really_saves_it(
    qtbot: Any, clinic_ws: OpenClinic, earlier_copy: Path, settings: QSettings
) -> None:
    """Alt+S on the last page opens the real save dialog; Enter writes the signed copy."""
    ids: dict[str, uuid.UUID] = make_mari(clinic_ws.ctx)
    dialog = AgreementDialog(clinic_ws.ctx, ids["person"])  # the program's own save dialog
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.go_present()
    dialog.agree()
    assert dialog.steps.currentIndex() == dialog.DONE
    seen: list[str] = []
    answer_save_dialog(qtbot, "mari", seen)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.saved_path is not None)
    assert dialog.saved_path == Path(seen[0]) / "mari.pdf"
    assert "Øystein" not in seen[1]
    text = pdf_text(dialog.saved_path)
    assert "Jeg vil ha min egen leilighet." in text
    assert "Saved to" in dialog.done_label.text() and "not encrypted" in dialog.done_label.text()
