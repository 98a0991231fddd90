"""New person, Edit details, the review together, the 0–10 scale, the progress chart and the
"changed since agreed" banner, driven by keyboard as a practitioner would."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication

from caseplan.models import Account, GoalDecision, GoalStatus, LifeDomain, Role
from caseplan.services.agreement import agreement, changes
from caseplan.services.context import Actor, Context
from caseplan.services.meetings import progress, reviews
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.services.plans.plan_view import load_plan_view
from caseplan.storage.database import Database
from caseplan.ui.caseload.person_dialog import PersonDialog
from caseplan.ui.review import RatingScale, ReviewDialog
from caseplan.ui.widgets.agreement_banner import AgreementBanner
from caseplan.ui.widgets.progress_chart import ProgressChart

TODAY = date(2026, 3, 2)


@pytest.fixture
def kari(db: Database) -> Context:
    with db.sessions.begin() as session:
        account = Account(username="kari", display_name="Kari Lund", role=Role.PRACTITIONER)
        session.add(account)
        session.flush()
        actor = Actor(account.id, "kari", Role.PRACTITIONER)
    return Context(db.sessions, actor=actor, today=lambda: TODAY)


def _alt(qtbot: Any, key: Qt.Key) -> None:
    """A mnemonic, pressed where the focus is (as a person would)."""
    qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.AltModifier)


def _type(qtbot: Any, widget: Any, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def test_new_person_by_keyboard_warns_about_a_twin_once(qtbot: Any, kari: Context) -> None:
    people.create_person(kari, "Ola Nordmann")
    dialog = PersonDialog(kari)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # the last test's dialog may still hold the focus offscreen
    qtbot.waitUntil(dialog.full_name.hasFocus)
    _type(qtbot, dialog.full_name, "ola nordmann")
    _type(qtbot, dialog.preferred_name, "Ola")
    dialog.language.setFocus()
    for _ in range(3):
        qtbot.keyClick(dialog.language, Qt.Key.Key_Down)  # past nynorsk and Sámi: English
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "same name and date of birth" in dialog.message.text()
    assert dialog.ok_button.text() == "Add anyway"
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert dialog.saved is not None and dialog.saved.preferred_language.value == "en"
    assert people.count_people(kari) == 2
    plan = plans.get_open_plan(kari, dialog.saved.id)
    assert plan is not None and plan.next_review == date(2026, 6, 2)


def test_bad_details_are_one_sentence_in_the_dialog(qtbot: Any, kari: Context) -> None:
    dialog = PersonDialog(kari)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.message.text() == "Please write the person's name."
    assert people.count_people(kari) == 0


def test_edit_details_saves_only_what_changed(qtbot: Any, kari: Context) -> None:
    person = people.create_person(kari, "Åse Nilsen", phone="400 00 000")
    dialog = PersonDialog(kari, people.get_person(kari, person.id))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Edit details"
    dialog.phone.selectAll()
    _type(qtbot, dialog.phone, "401 11 111")
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert people.get_person(kari, person.id).phone == "401 11 111"


def test_the_scale_starts_unrated_and_answers_digits_arrows_and_clicks(qtbot: Any) -> None:
    scale = RatingScale("Ola's rating")
    qtbot.addWidget(scale)
    scale.resize(scale.sizeHint())
    scale.show()
    assert scale.rating() is None and "Not rated yet" in scale.accessibleDescription()
    qtbot.keyClick(scale, Qt.Key.Key_Right)
    assert scale.rating() == 5  # the first arrow lands in the middle
    qtbot.keyClick(scale, Qt.Key.Key_7)
    assert scale.rating() == 7 and scale.accessibleDescription() == "7 of 10"
    qtbot.keyClick(scale, Qt.Key.Key_End)
    assert scale.rating() == 10
    cell = scale.width() / 11
    qtbot.mouseClick(scale, Qt.MouseButton.LeftButton, pos=QPoint(int(cell * 2.5), 10))
    assert scale.rating() == 2


def test_the_review_together_by_keyboard(qtbot: Any, kari: Context) -> None:
    ola = people.create_person(kari, "Ola Nordmann", preferred_name="Ola")
    view = load_plan_view(kari, ola.id)
    assert view is not None
    house = goals.add_goal(kari, view.plan.id, LifeDomain.HOUSING, "Egen leilighet.")
    work = goals.add_goal(kari, view.plan.id, LifeDomain.WORK_AND_ACTIVITY, "Arbeidstrening.")
    dialog = ReviewDialog(kari, ola.id, zoom=2.0)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.font().pointSizeF() > QApplication.font().pointSizeF() * 2
    assert [box.isChecked() for box in dialog.present.values()] == [True, True]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Next: the first goal
    first = dialog.goal_pages[0]
    qtbot.waitUntil(first.scale.hasFocus)
    qtbot.keyClick(first.scale, Qt.Key.Key_7)
    first.helped.editor.setFocus()
    qtbot.keyClicks(first.helped.editor, "At Kari ringte med meg.")
    _alt(qtbot, Qt.Key.Key_Q)  # no such key here: nothing happens, nothing is typed
    _alt(qtbot, Qt.Key.Key_K)  # Keep working on it
    qtbot.waitUntil(lambda: first.decision() is GoalDecision.KEEP)
    assert first.helped.text() == "At Kari ringte med meg."
    assert list(first.others) and first.others_box.isVisibleTo(first)
    box = next(iter(first.others.values()))
    box.setFocus()
    box.selectAll()  # as Tab into it does
    qtbot.keyClicks(box, "6")
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    second = dialog.goal_pages[1]
    qtbot.keyClick(second.scale, Qt.Key.Key_3)
    _alt(qtbot, Qt.Key.Key_L)  # Let it go
    qtbot.waitUntil(lambda: second.decision() is GoalDecision.LET_GO)
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert dialog.save_button.isVisible()
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    [review] = reviews.list_reviews(kari, view.plan.id)
    scores = {(r.goal_id, r.score) for r in review.ratings}
    assert scores == {(house.id, 7), (house.id, 6), (work.id, 3)}
    assert review.notes_for(house.id).what_helped == "At Kari ringte med meg."  # type: ignore[union-attr]
    assert goals.get_goal(kari, work.id).status is GoalStatus.CLOSED
    assert plans.get_plan(kari, view.plan.id).next_review == date(2026, 6, 2)


def test_the_chart_is_one_point_per_review_and_says_them_in_words(qtbot: Any) -> None:
    chart = ProgressChart(
        "Egen leilighet.", [progress.Point(date(2026, 3, 2), 3), progress.Point(TODAY, 7)]
    )
    qtbot.addWidget(chart)
    chart.show()
    assert chart.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert chart.accessibleDescription() == "2 Mar 2026: 3 of 10; 2 Mar 2026: 7 of 10"
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    assert chart.accessibleDescription() == "2 Mar 2026: 3 of 10"
    one = ProgressChart("Arbeidstrening.", [progress.Point(TODAY, 6)])
    assert one.summary() == "2 Mar 2026: 6 of 10"
    assert ProgressChart("Nytt mål.", []).summary() == "Not rated yet."


def test_the_banner_says_changed_since_version_one_and_what(qtbot: Any, kari: Context) -> None:
    ola = people.create_person(kari, "Ola Nordmann")
    view = load_plan_view(kari, ola.id)
    assert view is not None
    goal = goals.add_goal(kari, view.plan.id, LifeDomain.HOUSING, "Egen leilighet.")
    me = view.participants[0].id
    agreement.agree_plan(kari, view.plan.id, None, [me], {me: "paper"}, {}, TODAY)
    banner = AgreementBanner()
    qtbot.addWidget(banner)
    banner.show_state(changes.agreement_state(kari, view.plan.id))
    assert banner.headline.text() == "Agreed: plan version 1, agreed 2 Mar 2026."
    goals.update_goal(kari, goal.id, None, own_words="Egen leilighet før jul.")
    banner.show_state(changes.agreement_state(kari, view.plan.id))
    assert "Changed since version 1 was agreed" in banner.headline.text()
    assert banner.details.text() == "• A goal has new words: “Egen leilighet før jul.”."


def test_tab_goes_from_the_decision_to_the_others_ratings_and_shows_them(
    qtbot: Any, kari: Context
) -> None:
    """In meeting mode's large type the others' ratings lie below the screen's edge: Tab from
    the decision reaches them (not an invisible stop) and scrolls them into view."""
    ola = people.create_person(kari, "Ola Nordmann", preferred_name="Ola")
    view = load_plan_view(kari, ola.id)
    assert view is not None
    goals.add_goal(kari, view.plan.id, LifeDomain.HOUSING, "Egen leilighet.")
    dialog = ReviewDialog(kari, ola.id, zoom=2.0)
    qtbot.addWidget(dialog)
    dialog.resize(1300, 700)  # a 1366×768 screen
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Next: the goal
    page = dialog.goal_pages[0]
    qtbot.waitUntil(page.scale.hasFocus)
    _alt(qtbot, Qt.Key.Key_K)  # Keep working on it
    qtbot.waitUntil(page.decision_buttons[GoalDecision.KEEP].hasFocus)
    box = next(iter(page.others.values()))
    qtbot.waitUntil(box.isVisible)  # shown by the event loop, as on screen
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is box
    area = dialog.pages.currentWidget()
    corner = box.mapTo(area.viewport(), QPoint(0, box.height()))
    assert 0 <= corner.y() <= area.viewport().height(), "the rating box is off screen"
    assert box.font().pointSizeF() == page.helped.editor.font().pointSizeF()  # large type
    qtbot.keyClicks(box, "6")
    assert box.value() == 6
    qtbot.keyClick(box, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is page.decision_buttons[GoalDecision.KEEP]


def test_escape_asks_before_a_review_with_words_in_it_is_thrown_away(
    qtbot: Any, kari: Context
) -> None:
    ola = people.create_person(kari, "Ola Nordmann", preferred_name="Ola")
    view = load_plan_view(kari, ola.id)
    assert view is not None
    goals.add_goal(kari, view.plan.id, LifeDomain.HOUSING, "Egen leilighet.")
    dialog = ReviewDialog(kari, ola.id, zoom=2.0)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Next: the goal
    page = dialog.goal_pages[0]
    qtbot.waitUntil(page.scale.hasFocus)
    qtbot.keyClick(page.scale, Qt.Key.Key_7)
    asked: list[str] = []
    sizes: list[tuple[float, float]] = []

    def answer(press: str) -> None:
        box = dialog.leave_box
        if box is None or not box.isVisible():
            QTimer.singleShot(10, lambda: answer(press))
            return
        asked.append(box.text())
        sizes.append((box.font().pointSizeF(), dialog.font().pointSizeF()))
        sizes.extend((b.font().pointSizeF(), dialog.font().pointSizeF()) for b in box.buttons())
        if press == "stay":
            qtbot.keyClick(box, Qt.Key.Key_Escape)
        else:
            leave = next(b for b in box.buttons() if b.text() == "&Leave without saving")
            qtbot.keyClick(leave, Qt.Key.Key_Space)

    QTimer.singleShot(0, lambda: answer("stay"))
    qtbot.keyClick(page.scale, Qt.Key.Key_Escape)
    assert asked == [
        "Leave the review without saving it? What was rated and said today is not kept."
    ]
    assert dialog.isVisible() and page.scale.rating() == 7
    assert all(mine == review for mine, review in sizes)  # as large as the review

    QTimer.singleShot(0, lambda: answer("leave"))
    qtbot.keyClick(page.scale, Qt.Key.Key_Escape)
    assert len(asked) == 2 and not dialog.isVisible()
    assert dialog.result() == dialog.DialogCode.Rejected
    assert reviews.list_reviews(kari, view.plan.id) == []


def test_a_review_with_nothing_said_or_a_lock_closes_without_asking(
    qtbot: Any, kari: Context
) -> None:
    ola = people.create_person(kari, "Ola Nordmann", preferred_name="Ola")
    view = load_plan_view(kari, ola.id)
    assert view is not None
    goals.add_goal(kari, view.plan.id, LifeDomain.HOUSING, "Egen leilighet.")
    for said in (False, True):
        dialog = ReviewDialog(kari, ola.id)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        if said:
            dialog.go(1)
            qtbot.keyClick(dialog.goal_pages[0].scale, Qt.Key.Key_4)
            dialog.reject()  # what a lock does to every open dialog: no question in its way
        else:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        assert dialog.leave_box is None and not dialog.isVisible()


def test_the_last_page_fits_the_screen_in_large_type_and_its_words_tick_the_box(
    qtbot: Any, kari: Context
) -> None:
    """At 200 % on a 1366×768 screen the person's yes to sharing their words is read whole
    (it wraps) and the date's calendar button is not cut off at the edge."""
    ola = people.create_person(kari, "Ola Nordmann", preferred_name="Ola")
    view = load_plan_view(kari, ola.id)
    assert view is not None
    goals.add_goal(kari, view.plan.id, LifeDomain.HOUSING, "Egen leilighet.")
    dialog = ReviewDialog(kari, ola.id, zoom=2.0)
    qtbot.addWidget(dialog)
    dialog.show()
    # the laptop's width, after the screen guard (when an earlier test installed it) has
    # fitted the dialog to the test platform's smaller screen on show
    dialog.resize(1300, 700)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.go(2)
    area = dialog.pages.currentWidget()
    qtbot.waitUntil(lambda: area.widget().width() <= area.viewport().width())
    label = dialog.share_label
    assert label.geometry().right() <= area.viewport().width()
    lines = label.height() // label.fontMetrics().lineSpacing()
    assert lines >= 2, "the sentence should wrap onto more lines"
    assert "may be shared without their name" in label.text()
    assert not dialog.share.isChecked()
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    assert dialog.share.isChecked()
    qtbot.keyClick(dialog.next_review, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.share.hasFocus)
    qtbot.keyClick(dialog.share, Qt.Key.Key_Space)
    assert not dialog.share.isChecked()


def test_in_large_type_the_goals_words_and_the_scale_are_seen_together(
    qtbot: Any, kari: Context
) -> None:
    """At the second review the chart of the first is there too; at 200 % on a 1366×768
    screen the goal's words must not be scrolled away to show the scale."""
    ola = people.create_person(kari, "Ola Nordmann", preferred_name="Ola")
    view = load_plan_view(kari, ola.id)
    assert view is not None
    goals.add_goal(kari, view.plan.id, LifeDomain.HOUSING, "Egen leilighet før sommeren.")
    first = ReviewDialog(kari, ola.id)
    qtbot.addWidget(first)
    first.go(1)
    qtbot.keyClick(first.goal_pages[0].scale, Qt.Key.Key_6)
    first.go(1)
    with qtbot.waitSignal(first.saved):
        first.save()
    dialog = ReviewDialog(kari, ola.id, zoom=2.0)
    qtbot.addWidget(dialog)
    dialog.resize(1300, 700)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Next: the goal
    page = dialog.goal_pages[0]
    qtbot.waitUntil(page.scale.hasFocus)
    assert page.chart is not None
    area = dialog.pages.currentWidget()
    for shown in (page.words, page.scale):
        top = shown.mapTo(area.viewport(), QPoint(0, 0)).y()
        assert top >= 0 and top + shown.height() <= area.viewport().height(), shown
