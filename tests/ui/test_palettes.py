"""The system's dark and high-contrast themes: every text stays readable (4.5:1 at least)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from caseplan.services.clinic.unlock import OpenClinic
from tests.ui.contrast import dark_palette, high_contrast_palette, low_contrast
from tests.ui.test_meeting_mode import enter_meeting, mari, open_window  # noqa: F401

PALETTES = {
    "light": None,
    "dark": dark_palette,
    "high contrast black": lambda: high_contrast_palette(dark=True),
    "high contrast white": lambda: high_contrast_palette(dark=False),
}


@pytest.fixture(params=list(PALETTES))
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The application follows this theme from the start, as it would the desktop's."""
    before = QPalette(qapp.palette())
    make = PALETTES[request.param]
    if make is not None:
        qapp.setPalette(make())
    yield request.param
    qapp.setPalette(before)


def test_every_text_is_readable_in_the_workspace_and_meeting_mode(
    qtbot: Any,
    clinic_ws: OpenClinic,
    settings: QSettings,
    mari: dict[str, uuid.UUID],  # noqa: F811
    theme: str,
) -> None:
    window = open_window(qtbot, clinic_ws, settings)
    found = [f"caseload: {line}" for line in low_contrast(window)]
    window.show_person(mari["person"])
    workspace = window.person_workspace
    assert workspace is not None
    for number, name in enumerate(workspace.section_names):
        workspace.show_section(number)
        found += [f"{name}: {line}" for line in low_contrast(window)]
    meeting = enter_meeting(qtbot, window, mari["person"])
    for zoom in (1.0, 3.0):
        meeting.set_zoom(zoom)
        found += [f"meeting mode ×{zoom}: {line}" for line in low_contrast(window)]
    window.leave_meeting()
    dialog = window.agree_plan()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    found += [f"agree: {line}" for line in low_contrast(dialog)]
    dialog.go_present()
    found += [f"who is here: {line}" for line in low_contrast(dialog)]
    dialog.reject()
    window.lock(privacy=True)
    found += [f"lock: {line}" for line in low_contrast(window)]
    assert found == [], "\n".join(found)
