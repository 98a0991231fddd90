"""What assistive technology gets, checked on every screen inside the app (the AT-SPI test in
tests/desktop checks the same from outside, as Orca and voice control see it).

- A label's name is its text: screen readers read what is on screen ("names only where
  there is no text").
- A control's name contains its visible label (voice control: "click Keep mine").
- Errors, "saved" and conflicts are announced.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from caseplan.services.clinic.unlock import OpenClinic
from caseplan.storage.location import resolve
from caseplan.ui.controllers.field_saver import Question
from caseplan.ui.start import SignInDialog
from caseplan.ui.widgets import announce
from caseplan.ui.widgets.save_indicator import SaveIndicator
from caseplan.ui.workspace.conflict import ConflictDialog
from tests.ui.test_meeting_mode import CTRL, enter_meeting, mari, open_window  # noqa: F401


def words(text: str) -> str:
    """A label as spoken: no mnemonic, no arrows or colons, one space between words."""
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(re.findall(r"[\w'’]+", text.casefold()))


def problems(root: QWidget) -> list[str]:
    found = []
    for label in root.findChildren(QLabel):
        if label.isVisibleTo(root) and label.text() and label.accessibleName():
            found.append(f"label {label.text()!r} is read as {label.accessibleName()!r}")
        buddy = label.buddy()
        name = buddy.accessibleName() if buddy is not None else ""
        if label.isVisibleTo(root) and name and words(label.text()) not in words(name):
            found.append(f"{type(buddy).__name__} labelled {label.text()!r} is named {name!r}")
    for button in root.findChildren(QAbstractButton):
        name, text = button.accessibleName(), words(button.text())
        if button.isVisibleTo(root) and name and text and text not in words(name):
            found.append(f"button {button.text()!r} is named {name!r}")
    return found


def test_every_screen_of_a_person_speaks_its_labels(
    qtbot: Any,
    clinic_ws: OpenClinic,
    settings: QSettings,
    mari: dict[str, uuid.UUID],  # noqa: F811
) -> None:
    window = open_window(qtbot, clinic_ws, settings)
    seen = problems(window)
    window.show_person(mari["person"])
    workspace = window.person_workspace
    assert workspace is not None
    for number in range(len(workspace.sections)):
        workspace.show_section(number)
        seen += problems(window)
    meeting = enter_meeting(qtbot, window, mari["person"])
    seen += problems(meeting)
    window.leave_meeting()
    dialog = window.agree_plan()
    assert dialog is not None
    seen += problems(dialog)
    dialog.reject()
    window.lock(privacy=True)
    seen += problems(window.lock_screen)
    assert seen == [], "\n".join(seen)


def test_a_wrong_password_is_read_and_announced(qtbot: Any, tmp_path: Any) -> None:
    dialog = SignInDialog(resolve(str(tmp_path / "x.db")))
    qtbot.addWidget(dialog)
    dialog._problem("The account or the password is not right.", dialog.password)
    spoken = QAccessible.queryAccessibleInterface(dialog.error_label)
    assert spoken is not None
    assert spoken.text(QAccessible.Text.Name) == "The account or the password is not right."
    assert announce.RECENT[-1] == ("The account or the password is not right.", True)


def test_saved_and_not_saved_are_announced(qtbot: Any) -> None:
    indicator = SaveIndicator()
    qtbot.addWidget(indicator)
    indicator.saved()
    assert announce.RECENT[-1][0].startswith("Saved ") and not announce.RECENT[-1][1]
    indicator.failed("The disk is full.")
    assert announce.RECENT[-1] == ("Not saved: The disk is full.", True)


def test_a_conflict_is_announced_when_it_shows(qtbot: Any) -> None:
    question = Question(
        "save", "What matters to me", {"what_matters": "Theirs."}, {"what_matters": "Mine."}
    )
    dialog = ConflictDialog(question)
    qtbot.addWidget(dialog)
    dialog.show()
    text, assertive = announce.RECENT[-1]
    assert text.startswith("While you were writing “What matters to me”") and assertive
    dialog.reject()


@pytest.mark.parametrize("name", ["sign-in"])
def test_sign_in_has_no_label_read_as_a_name(qtbot: Any, tmp_path: Any, name: str) -> None:
    dialog = SignInDialog(resolve(str(tmp_path / "x.db")), hint="A hint.")
    qtbot.addWidget(dialog)
    assert problems(dialog) == []


def test_the_read_back_offers_the_plan_as_text(
    qtbot: Any,
    clinic_ws: OpenClinic,
    settings: QSettings,
    mari: dict[str, uuid.UUID],  # noqa: F811
) -> None:
    window = open_window(qtbot, clinic_ws, settings)
    window.show_person(mari["person"])
    dialog = window.agree_plan()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.pages.text.toPlainText() != "", timeout=20000)
    text = dialog.pages.text.toPlainText()
    assert text.startswith("Page 1 of ")
    assert "Jeg vil ha min egen leilighet." in text
    assert [dialog.pages.tabText(i) for i in range(2)] == ["As it will print", "As text"]
    dialog.reject()
    preview = window.show_preview()
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pages.text.toPlainText() != "", timeout=20000)
    assert "Jeg vil ha min egen leilighet." in preview.pages.text.toPlainText()
    preview.reject()


def test_tab_reaches_every_button_of_every_section(
    qtbot: Any,
    clinic_ws: OpenClinic,
    settings: QSettings,
    mari: dict[str, uuid.UUID],  # noqa: F811
) -> None:
    window = open_window(qtbot, clinic_ws, settings)
    window.show_person(mari["person"])
    workspace = window.person_workspace
    assert workspace is not None
    unreached = []
    for number in range(len(workspace.sections)):
        workspace.show_section(number)
        workspace.nav.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is workspace.nav)
        reached = set()
        for _ in range(120):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            reached.add(QApplication.focusWidget())
        page = workspace.pages.currentWidget()
        for button in page.findChildren(QAbstractButton):
            wants = button.focusPolicy() & Qt.FocusPolicy.TabFocus
            if button.isVisible() and button.isEnabled() and wants and button not in reached:
                unreached.append(f"section {number + 1}: {button.text()!r}")
    assert unreached == []


def test_section_keys_work_from_the_top_bar(
    qtbot: Any,
    clinic_ws: OpenClinic,
    settings: QSettings,
    mari: dict[str, uuid.UUID],  # noqa: F811
) -> None:
    window = open_window(qtbot, clinic_ws, settings)
    window.show_person(mari["person"])
    workspace, page = window.person_workspace, window.person_page
    assert workspace is not None and page is not None
    for number in range(1, len(workspace.sections) + 1):
        page.back_button.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is page.back_button)
        qtbot.keyClick(page.back_button, Qt.Key(Qt.Key.Key_0 + number), CTRL)
        assert workspace.current_section() == number - 1
