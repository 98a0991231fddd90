"""Every window fits a 1366 × 768 laptop screen: at normal text, at 200 % text, and the
agreement at meeting mode's largest type.

Each screen and dialog a practitioner or team lead reaches (the same walk as the mnemonics
test) is opened and measured: the size it opens at lies within the screen's free area, and
the least size its layout allows fits 1366 × 728 (768 less a panel), so nothing is cut off
that cannot be scrolled to. 200 % text is the application's font at twice its size, as
``QT_FONT_DPI=192`` gives.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.people import people
from caseplan.ui.main_window import MainWindow
from caseplan.ui.meeting.view import ZOOM_STEPS
from tests.ui.test_keyboard_flow import make_mari
from tests.ui.test_mnemonics import screens

#: a 1366 × 768 screen less a 40 pixel panel
LAPTOP = QSize(1366, 728)


@pytest.fixture(params=[1.0, 2.0], ids=["normal text", "200 % text"])
def text_size(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[float]:
    before = QFont(qapp.font())
    font = QFont(before)
    font.setPointSizeF(before.pointSizeF() * request.param)
    qapp.setFont(font)
    yield request.param
    qapp.setFont(before)


def _problems(name: str, root: QWidget) -> list[str]:
    found = []
    free: QRect = root.screen().availableGeometry()
    if isinstance(root, QDialog):
        frame = root.frameGeometry()
        if frame.width() > free.width() or frame.height() > free.height():
            found.append(f"{name}: opens at {frame.width()}×{frame.height()}, the screen is "
                         f"{free.width()}×{free.height()}")  # fmt: skip
    least = root.minimumSizeHint().expandedTo(root.minimumSize())
    if least.width() > LAPTOP.width() or least.height() > LAPTOP.height():
        found.append(f"{name}: needs at least {least.width()}×{least.height()}")
    return found


def _window(qtbot: Any, clinic_ws: OpenClinic, settings: QSettings) -> tuple[MainWindow, Any]:
    ids = make_mari(clinic_ws.ctx)
    people.update_person(clinic_ws.ctx, ids["person"], None, what_matters="Å bo trygt.")
    window = MainWindow(clinic_ws, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_caseload(None)  # a team lead starts on the overview; these are about people
    return window, ids


def test_every_screen_and_dialog_fits_a_laptop_screen(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings, text_size: float, tmp_path: Path
) -> None:
    window, ids = _window(qtbot, clinic_ws, settings)
    found: list[str] = []
    seen = 0
    for name, root in screens(qtbot, window, ids["person"], tmp_path):
        QApplication.processEvents()
        seen += 1
        found += _problems(f"{text_size:.0%} · {name}", root)
    assert seen > 30
    assert found == [], "\n".join(found)


def test_the_agreement_fits_at_meeting_modes_largest_type(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings, text_size: float
) -> None:
    window, ids = _window(qtbot, clinic_ws, settings)
    person: uuid.UUID = ids["person"]
    window.show_person(person)
    window.enter_meeting()
    meeting = window.meeting
    assert meeting is not None
    meeting.set_zoom(ZOOM_STEPS[-1])
    found = _problems("meeting mode", window)
    dialog = window.agree_plan()
    assert dialog is not None
    qtbot.addWidget(dialog)
    QApplication.processEvents()
    found += _problems("agree: read back", dialog)
    dialog.go_present()
    found += _problems("agree: who is here", dialog)
    dialog.reject()
    assert found == [], "\n".join(found)
