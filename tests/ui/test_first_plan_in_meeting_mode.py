"""The meeting at one screen, from a new clinic's empty list of people to the agreed copy
on paper, by keyboard alone in meeting mode; and a lock that keeps the person's view."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from caseplan.models import ParticipantRole, PlanStatus, Role
from caseplan.services.agreement import agreement
from caseplan.services.clinic import unlock
from caseplan.services.clinic.unlock import NewAccount, OpenClinic
from caseplan.services.meetings import meetings
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.services.plans.order import in_plan_order
from caseplan.services.plans.plan_view import load_plan_view
from caseplan.storage.location import Location
from caseplan.ui.main_window import MainWindow
from tests.reports.pdftools import pdf_text
from tests.ui.conftest import CHEAP_KDF
from tests.ui.first_plan_script import ABOUT_ME, CRISIS, GOALS, NAME, SISTER, Keys, first_plan
from tests.ui.test_keyboard_flow import WORKER_NOTE, make_mari, visible_texts
from tests.ui.test_meeting_mode import MEETING_NOTE, STEP_NOTE

PASSWORD = "kari password 1"


@pytest.fixture
def new_clinic(new_location: Location) -> Iterator[OpenClinic]:
    """A clinic as ``caseplan init`` makes it (its administrator), with the practitioner
    Kari's account added; Kari signed in. No people, no demo data."""
    admin = NewAccount("tone", "Tone Administrator", Role.ADMIN, "admin password 1")
    kari = NewAccount("kari", "Kari Practitioner", Role.PRACTITIONER, PASSWORD)
    created, _recovery = unlock.create_clinic(new_location, admin, more=[kari], kdf=CHEAP_KDF)
    created.close()
    clinic = unlock.sign_in(new_location, "kari", PASSWORD)
    yield clinic
    clinic.close()


def open_window(qtbot: Any, clinic: OpenClinic, settings: QSettings) -> MainWindow:
    window = MainWindow(clinic, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.caseload is not None and window.caseload.search.hasFocus())
    return window


def test_a_first_plan_made_in_meeting_mode_by_keyboard_alone(
    qtbot: Any, new_clinic: OpenClinic, settings: QSettings, tmp_path: Path
) -> None:
    assert people.list_people(new_clinic.ctx) == []
    window = open_window(qtbot, new_clinic, settings)
    keys = Keys()
    pdf = tmp_path / "ola.pdf"
    first_plan(keys, window, pdf)

    # Still in meeting mode, and the guide says the plan is agreed and may be printed.
    meeting = window.meeting
    assert meeting is not None and window.isFullScreen()
    assert "Agree ✓" in meeting.guide_bar.stages.text()
    assert meeting.guide_bar.next_button.text() == "Next: print the plan (Ctrl+Enter)"

    # What was stored: all of it, in the plan's one order.
    ctx = new_clinic.ctx
    (ola,) = people.list_people(ctx)
    view = load_plan_view(ctx, ola.id)
    assert view is not None
    assert (view.person.what_matters, view.person.strengths) == ABOUT_ME
    assert [g.own_words for g in in_plan_order(view.goals, lambda g: g.domain)] == [
        words for words, _d, _s in GOALS
    ]
    for goal, (_words, _domain, steps) in zip(view.goals, GOALS, strict=True):
        assert [s.action for s in goal.steps] == [action for action, _who in steps]
    names = {p.name: p.role for p in view.participants}
    assert names == {
        NAME: ParticipantRole.PERSON,
        "Kari Practitioner": ParticipantRole.PRACTITIONER,
        "NAV Sagene": ParticipantRole.SERVICE,
        "Sindre Bakken": ParticipantRole.PEER,
        SISTER[0]: ParticipantRole.NETWORK,
    }
    assert view.plan.peer_consent_granted_on == ctx.today()
    assert view.crisis_plan is not None and view.crisis_plan.warning_signs == CRISIS[0]
    assert view.crisis_plan.what_i_do == CRISIS[1]
    assert plans.get_plan(ctx, view.plan.id).status == PlanStatus.AGREED
    (version,) = agreement.list_versions(ctx, view.plan.id)
    assert len(version.agreed_by) == 2

    # The person's copy, as a person reads it.
    text = pdf_text(pdf)
    for expected in (
        NAME,
        *ABOUT_ME,
        *(words for words, _d, _s in GOALS),
        *(action for _w, _d, steps in GOALS for action, _who in steps),
        "NAV Sagene",
        "Sindre Bakken",
        *SISTER,
        *CRISIS,
        "Planversjon 1, avtalt",
    ):
        assert expected in text, expected
    order = [text.index(words) for words, _d, _s in GOALS]
    assert order == sorted(order)
    assert keys.presses < 120


# -- the lock keeps the person's view -----------------------------------------------------


def accessible_texts(root: QWidget) -> list[str]:
    """Every name, description and value in the accessibility tree under ``root``."""
    found = []
    seen = set()

    def walk(node: Any, depth: int) -> None:
        if node is None or not node.isValid() or depth > 60 or id(node) in seen:
            return
        seen.add(id(node))
        if node.state().invisible:
            return
        for kind in (QAccessible.Text.Name, QAccessible.Text.Description, QAccessible.Text.Value):
            text = node.text(kind)
            if text:
                found.append(text)
        for index in range(node.childCount()):
            walk(node.child(index), depth + 1)

    walk(QAccessible.queryAccessibleInterface(root), 0)
    return found


def everything_shown() -> str:
    """What every visible window and dialog shows or tells assistive technology, with the
    items of every list and combo box."""
    texts = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        texts += visible_texts(top) + accessible_texts(top)
        for combo in top.findChildren(QComboBox):
            if combo.isVisible():
                texts += [combo.itemText(i) for i in range(combo.count())]
    return "\n".join(texts)


@pytest.mark.parametrize("privacy", [True, False], ids=["F12", "idle"])
def test_unlocking_returns_to_meeting_mode_with_no_workers_note_anywhere(
    qtbot: Any,
    clinic_ws: OpenClinic,
    settings: QSettings,
    lead_password: str,
    clinic_people: tuple[str, ...],
    privacy: bool,
) -> None:
    mari = make_mari(clinic_ws.ctx)
    window = MainWindow(clinic_ws, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_person(mari["person"])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    ws = window.person_workspace
    assert ws is not None
    ws.show_section(ws.GOALS)
    ws.goals.select(next(iter(ws.goals.view.goals)).id)  # type: ignore[union-attr]
    assert WORKER_NOTE in "\n".join(visible_texts(window))  # the worker's view shows it
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.meeting is not None and window.isFullScreen())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    meeting = window.meeting
    assert meeting is not None
    goal_key = next(k for k in meeting.fields if k.startswith("goal."))
    meeting.focus_key(goal_key)  # the keyboard on the goal when someone knocks
    qtbot.waitUntil(lambda: meeting.focused_key() == goal_key)
    if privacy:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F12)
    else:
        window.idle_watcher.idle.emit()
    assert window.locked and window.meeting is None

    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.lock_screen.password)
    qtbot.keyClicks(window.lock_screen.password, lead_password)
    qtbot.keyClick(window.lock_screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked)
    qtbot.waitUntil(lambda: window.meeting is not None and window.meeting.isVisible())
    assert window.pages.currentWidget() is window.meeting and window.isFullScreen()
    assert window.meeting.focused_key() == goal_key  # exactly where it was
    assert not window.menuBar().isVisible()
    shown = everything_shown()
    assert "Jeg vil ha min egen leilighet." in shown
    for hidden in (WORKER_NOTE, "Worker's note", *clinic_people, "kari"):
        assert hidden not in shown, hidden
    # Alt+Left (back to people) does not leave the person's view either.
    qtbot.keyClick(
        QApplication.focusWidget() or window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier
    )
    assert window.meeting is not None and window.pages.currentWidget() is window.meeting


# -- nothing of anyone else, no worker's note: every widget and dialog of meeting mode ----

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
#: the keys that open a dialog from meeting mode, and the dialog's class name
DIALOG_KEYS = (
    (Qt.Key.Key_G, CTRL, "AddGoalDialog"),
    (Qt.Key.Key_T, CTRL, "StepDialog"),
    (Qt.Key.Key_M, CTRL, "ParticipantDialog"),
    (Qt.Key.Key_A, CTRL | SHIFT, "AgreementDialog"),
    (Qt.Key.Key_P, CTRL, "PlanPreviewDialog"),
    (Qt.Key.Key_R, CTRL | SHIFT, "ReviewDialog"),
    (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier, "GuideDialog"),
    (Qt.Key.Key_F1, CTRL, "GuideDialog"),
)


def test_no_workers_note_and_no_other_name_in_any_widget_or_dialog_of_meeting_mode(
    qtbot: Any,
    clinic_ws: OpenClinic,
    settings: QSettings,
    clinic_people: tuple[str, ...],
) -> None:
    ids = make_mari(clinic_ws.ctx)
    ctx = clinic_ws.ctx
    (goal,) = goals.list_goals(ctx, ids["plan"])
    step = goals.add_step(ctx, goal.id, "Søke kommunal bolig.", responsible_id=ids["ola"])
    goals.update_step(ctx, step.id, step.version, worker_note=STEP_NOTE)
    meetings.add_meeting(ctx, ids["plan"], ctx.today(), worker_note=MEETING_NOTE)
    hidden = (WORKER_NOTE, STEP_NOTE, MEETING_NOTE, "Worker's note", *clinic_people, "kari")

    window = MainWindow(clinic_ws, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_person(ids["person"])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.meeting is not None and window.isFullScreen())
    meeting = window.meeting
    assert meeting is not None
    for zoom in (1.0, 3.0):
        meeting.set_zoom(zoom)
        shown = everything_shown()
        assert "Søke kommunal bolig." in shown and "Jeg vil ha min egen leilighet." in shown
        for text in hidden:
            assert text not in shown, text
    meeting.set_zoom(1.0)

    opened = []
    for key, modifier, name in DIALOG_KEYS:
        meeting.focus_key(next(k for k in meeting.fields if k.startswith("goal.")))
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)

        def new_dialog(n: str = name, seen: set[int] = before) -> QWidget | None:
            for top in QApplication.topLevelWidgets():
                if top.isVisible() and id(top) not in seen and type(top).__name__ == n:
                    return top
            return None

        qtbot.waitUntil(lambda: new_dialog() is not None, timeout=15_000)
        dialog = new_dialog()
        assert dialog is not None
        QApplication.processEvents()
        shown = everything_shown()
        for text in hidden:
            assert text not in shown, (name, text)
        opened.append(name)
        dialog.close()
        qtbot.waitUntil(lambda d=dialog: not d.isVisible())
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        assert window.meeting is meeting  # each dialog leaves the person in meeting mode
    assert len(opened) == len(DIALOG_KEYS)
