"""A lock in the middle of a review (the idle lock while the person talks, or F12) closes the
review at once, and the same account's unlock brings it back with everything said so far."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from caseplan.models import GoalDecision, LifeDomain
from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.meetings import reviews
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.services.plans.plan_view import load_plan_view
from caseplan.ui.main_window import MainWindow
from caseplan.ui.review import ReviewDialog
from tests.ui.test_lock import NEVER, visible_texts

WORDS = "Samtalene med Tone på tirsdager."


def _forget_reviews() -> None:
    """A failing test leaves the review open; closing the window would then ask and wait."""
    for dialog in QApplication.topLevelWidgets():
        if isinstance(dialog, ReviewDialog):
            dialog.review = object()  # type: ignore[assignment]
            dialog.reject()


def _window(qtbot: Any, clinic: OpenClinic, settings: QSettings) -> MainWindow:
    window = MainWindow(clinic, settings, idle_timeout_ms=NEVER)
    qtbot.addWidget(window, before_close_func=lambda _window: _forget_reviews())
    with qtbot.waitExposed(window):
        window.show()
    return window


def _open_review(qtbot: Any, window: MainWindow) -> ReviewDialog:
    window.review_action.trigger()
    [dialog] = [d for d in window.findChildren(ReviewDialog) if d.isVisible()]
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_a_lock_keeps_the_review_and_unlocking_brings_it_back(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings, lead_password: str
) -> None:
    ctx = clinic_ws.ctx
    ola = people.create_person(ctx, "Ola Fjell", preferred_name="Ola")
    plans.open_plan(ctx, ola.id)
    view = load_plan_view(ctx, ola.id)
    assert view is not None
    goal = goals.add_goal(ctx, view.plan.id, LifeDomain.HOUSING, "Egen leilighet.")
    window = _window(qtbot, clinic_ws, settings)
    window.show_person(ola.id)
    dialog = _open_review(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Next: the goal
    page = dialog.goal_pages[0]
    qtbot.waitUntil(page.scale.hasFocus)
    qtbot.keyClick(page.scale, Qt.Key.Key_6)
    page.helped.editor.setFocus()
    qtbot.keyClicks(page.helped.editor, WORDS)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.decision() is GoalDecision.KEEP)

    qtbot.keyClick(page.helped.editor, Qt.Key.Key_F12)  # the privacy key, from the review
    assert window.locked
    assert not dialog.isVisible()
    assert not any(WORDS in text for text in visible_texts(window))

    window.unlock(lead_password)
    assert not window.locked
    assert reviews.list_reviews(window.ctx, view.plan.id) == []  # nothing saved by the lock
    [again] = [d for d in window.findChildren(ReviewDialog) if d.isVisible()]
    assert again is not dialog
    back = again.goal_pages[0]
    assert back.scale.rating() == 6
    assert back.helped.text() == WORDS
    assert back.decision() is GoalDecision.KEEP
    assert again.pages.currentIndex() == 1  # on the goal's page, where it was left
    assert again.notice.isVisible()
    assert "locked during the review" in again.notice.text()

    again.go(1)
    with qtbot.waitSignal(again.saved):
        qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    [review] = reviews.list_reviews(window.ctx, view.plan.id)
    notes = review.notes_for(goal.id)
    assert notes is not None and notes.what_helped == WORDS
    assert {(r.goal_id, r.score) for r in review.ratings} >= {(goal.id, 6)}


def test_a_review_with_nothing_said_is_not_reopened_after_a_lock(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings, lead_password: str
) -> None:
    ctx = clinic_ws.ctx
    ola = people.create_person(ctx, "Ola Fjell", preferred_name="Ola")
    plans.open_plan(ctx, ola.id)
    view = load_plan_view(ctx, ola.id)
    assert view is not None
    goals.add_goal(ctx, view.plan.id, LifeDomain.HOUSING, "Egen leilighet.")
    window = _window(qtbot, clinic_ws, settings)
    window.show_person(ola.id)
    _open_review(qtbot, window)
    window.lock()
    window.unlock(lead_password)
    assert not window.locked
    assert not [d for d in window.findChildren(ReviewDialog) if d.isVisible()]
