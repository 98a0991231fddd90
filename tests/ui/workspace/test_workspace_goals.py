"""Goals and steps as a person sees them: grouped by life domain, added and moved by keyboard."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from caseplan.models import GoalStatus, LifeDomain
from caseplan.services.context import Context
from caseplan.services.plans import goals
from caseplan.ui.workspace import PersonWorkspace
from caseplan.ui.workspace.goal_model import GoalTreeModel

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def _key(
    qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, key, modifier)


def _type(qtbot: Any, text: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, text)


def test_add_a_goal_with_two_steps_with_the_keyboard_only(
    qtbot: Any, workspace: PersonWorkspace, ctx: Context, kari: Any
) -> None:
    workspace.activateWindow()
    workspace.about_me.fields["what_matters"].editor.setFocus()
    _key(qtbot, Qt.Key.Key_2, CTRL)
    assert workspace.current_section() == workspace.GOALS
    _key(qtbot, Qt.Key.Key_G, CTRL)
    dialog = workspace.goals.add_goal_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.words)
    _type(qtbot, "Jeg vil få meg jobb i en butikk.")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "Work")
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(workspace.goals.tree.hasFocus)

    for action, who_key_presses in (("Skrive CV.", 2), ("Besøke NAV sammen.", 3)):
        _key(qtbot, Qt.Key.Key_T, CTRL)
        step_dialog = workspace.goals.add_step_dialog
        assert step_dialog is not None and step_dialog.isVisible()
        qtbot.waitUntil(lambda d=step_dialog: QApplication.focusWidget() is d.action)
        _type(qtbot, action)
        _key(qtbot, Qt.Key.Key_Tab)
        for _ in range(who_key_presses):
            _key(qtbot, Qt.Key.Key_Down)
        _key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda d=step_dialog: not d.isVisible())
        qtbot.waitUntil(workspace.goals.tree.hasFocus)

    assert workspace.goals.model.visible_text() == [
        "Work and activity",
        "  Jeg vil få meg jobb i en butikk.",
        "    Skrive CV. | Ola Hansen |  | Planned",
        "    Besøke NAV sammen. | Siri Å. Lie |  | Planned",
    ]
    (goal,) = goals.list_goals(ctx, kari.plan_id)
    assert goal.domain == LifeDomain.WORK_AND_ACTIVITY
    assert [(s.action, s.responsible_id) for s in goal.steps] == [
        ("Skrive CV.", kari.ola),
        ("Besøke NAV sammen.", kari.siri),
    ]


def _goal_ids(ctx: Context, plan_id: uuid.UUID) -> list[str]:
    return [g.own_words for g in goals.list_goals(ctx, plan_id)]


def test_reorder_goals_within_their_domain_with_alt_arrows(
    qtbot: Any, ctx: Context, kari: Any
) -> None:
    first = goals.add_goal(ctx, kari.plan_id, LifeDomain.HOUSING, "Egen leilighet.")
    goals.add_goal(ctx, kari.plan_id, LifeDomain.LEISURE, "Spille gitar.")
    goals.add_goal(ctx, kari.plan_id, LifeDomain.HOUSING, "Rydde hjemme.")
    workspace = PersonWorkspace(ctx, kari.person_id)
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.show_section(workspace.GOALS)
    workspace.goals.select(first.id)
    workspace.activateWindow()
    workspace.goals.tree.setFocus()
    qtbot.waitUntil(workspace.goals.tree.hasFocus)
    qtbot.keyClick(workspace.goals.tree, Qt.Key.Key_Down, ALT)
    assert workspace.goals.model.visible_text() == [
        "Housing",
        "  Rydde hjemme.",
        "  Egen leilighet.",
        "Leisure",
        "  Spille gitar.",
    ]
    assert _goal_ids(ctx, kari.plan_id) == ["Spille gitar.", "Rydde hjemme.", "Egen leilighet."]
    assert workspace.goals.current_id() == first.id  # the moved goal stays selected
    qtbot.keyClick(workspace.goals.tree, Qt.Key.Key_Up, ALT)
    assert _goal_ids(ctx, kari.plan_id) == ["Spille gitar.", "Egen leilighet.", "Rydde hjemme."]
    assert workspace.goals.model.visible_text()[1:3] == ["  Egen leilighet.", "  Rydde hjemme."]
    qtbot.keyClick(workspace.goals.tree, Qt.Key.Key_Z, CTRL)
    assert _goal_ids(ctx, kari.plan_id) == ["Spille gitar.", "Rydde hjemme.", "Egen leilighet."]


def test_a_steps_responsible_is_picked_from_the_team(
    qtbot: Any, workspace: PersonWorkspace, ctx: Context, kari: Any, kari_goal: uuid.UUID
) -> None:
    workspace.reload()
    step = goals.get_goal(ctx, kari_goal).steps[0]
    workspace.show_section(workspace.GOALS)
    workspace.goals.select(step.id)
    combo = workspace.goals.step_responsible
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names == [
        "Nobody yet",
        "Kari Nordmann (The person)",
        "Ola Hansen (Coordinator)",
        "Siri Å. Lie (Peer)",
    ]
    assert combo.currentText() == "Ola Hansen (Coordinator)"
    workspace.activateWindow()
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert goals.get_step(ctx, step.id).responsible_id == kari.siri
    assert "Siri Å. Lie" in workspace.goals.model.visible_text()[2]
    workspace.undo()
    assert goals.get_step(ctx, step.id).responsible_id == kari.ola


def test_worker_notes_carry_the_internal_label(
    qtbot: Any, workspace: PersonWorkspace, kari_goal: uuid.UUID
) -> None:
    workspace.reload()
    workspace.show_section(workspace.GOALS)
    workspace.goals.select(kari_goal)
    note = workspace.goals.goal_note
    assert note.isVisible()
    assert note.label.text() == ("Worker's note · internal, never printed or shown in meeting mode")
    assert note.text() == "Husbanken-søknad er sendt."
    words = workspace.goals.goal_words
    assert words.label.text() == "The goal — In Kari's own words · shared and printed"
    assert words.text() == "Jeg vil ha min egen leilighet."


def test_undo_and_redo_adding_and_closing_a_goal(
    qtbot: Any, workspace: PersonWorkspace, ctx: Context, kari: Any
) -> None:
    workspace.show_section(workspace.GOALS)
    workspace.goals.start_add_goal()
    dialog = workspace.goals.add_goal_dialog
    assert dialog is not None
    dialog.words.setText("Slutte å røyke.")
    dialog.accept()
    (goal,) = goals.list_goals(ctx, kari.plan_id)
    workspace.goals.close_button.click()
    assert goals.get_goal(ctx, goal.id).status == GoalStatus.CLOSED
    assert workspace.goals.model.visible_text()[1] == "  Slutte å røyke."
    workspace.undo()
    assert goals.get_goal(ctx, goal.id).status == GoalStatus.ACTIVE
    workspace.undo()
    assert goals.list_goals(ctx, kari.plan_id) == []
    assert workspace.goals.model.visible_text() == []
    workspace.redo()
    workspace.redo()
    (again,) = goals.list_goals(ctx, kari.plan_id)
    assert (again.own_words, again.status) == ("Slutte å røyke.", GoalStatus.CLOSED)


def test_goal_tree_model_groups_by_domain_in_a_fixed_order(ctx: Context, kari: Any) -> None:
    goals.add_goal(ctx, kari.plan_id, LifeDomain.LEISURE, "Fiske.")
    goals.add_goal(ctx, kari.plan_id, LifeDomain.HOUSING, "Bo trygt.")
    model = GoalTreeModel()
    model.set_goals(goals.list_goals(ctx, kari.plan_id), lambda _id: "")
    assert model.rowCount() == 2
    assert [model.index(r, 0).data() for r in range(2)] == ["Housing", "Leisure"]
    housing = model.index(0, 0)
    assert model.index(0, 0, housing).data() == "Bo trygt."
    assert model.parent(model.index(0, 0, housing)) == housing


def test_undo_over_someone_elses_newer_change_shows_the_conflict_choice(
    qtbot: Any, workspace: PersonWorkspace, ctx: Context, kari: Any, db: Any
) -> None:
    """Two programs on one database: undo never overwrites the other's newer change unseen."""
    from caseplan.ui.workspace.conflict import ConflictDialog
    from tests.support import open_test_database

    goal = goals.add_goal(ctx, kari.plan_id, LifeDomain.HOUSING, "Egen leilighet.")
    workspace.reload()
    workspace.show_section(workspace.GOALS)
    workspace.goals.select(goal.id)
    status = workspace.goals.goal_status
    status.setCurrentIndex(status.findData(GoalStatus.ACHIEVED))
    status.activated.emit(status.currentIndex())
    assert goals.get_goal(ctx, goal.id).status == GoalStatus.ACHIEVED
    other = open_test_database(db.location)
    try:
        other_ctx = Context(other.sessions)
        theirs = goals.get_goal(other_ctx, goal.id)
        goals.update_goal(other_ctx, goal.id, theirs.version, status=GoalStatus.CLOSED)
    finally:
        other.close()
    workspace.activateWindow()
    workspace.goals.tree.setFocus()
    qtbot.waitUntil(workspace.goals.tree.hasFocus)
    qtbot.keyClick(workspace.goals.tree, Qt.Key.Key_Z, CTRL)
    dialog = next(d for d in workspace.window().findChildren(ConflictDialog) if d.isVisible())
    assert dialog.theirs.toPlainText() == "Status: Closed"
    assert dialog.mine.toPlainText() == "Status: Working on it"
    assert "Undo would replace their version" in dialog.findChild(QLabel).text()
    assert goals.get_goal(ctx, goal.id).status == GoalStatus.CLOSED  # nothing overwritten
    assert not workspace.undo_button.isEnabled()  # one question at a time
    qtbot.mouseClick(dialog.take_theirs, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert goals.get_goal(ctx, goal.id).status == GoalStatus.CLOSED
    assert workspace.goals.goal_status.currentData() == GoalStatus.CLOSED
    assert (
        workspace.message.text()
        == "Their version was kept, so this was not undone: Change the goal."
    )
    assert not workspace.redo_button.isEnabled()
    assert workspace.redo_button.toolTip().startswith("Redo is off: someone else changed this")
    assert not workspace.undo_button.isEnabled()  # the change was the only one of this session


def test_ctrl_g_from_the_list_of_sections_brings_up_goals_and_adds_one(
    qtbot: Any, workspace: PersonWorkspace
) -> None:
    """The empty Goals page says "add a goal (Ctrl+G)": the key works wherever the person's
    workspace has the focus, not only inside that section (it did nothing from the list)."""
    workspace.activateWindow()
    workspace.show_section(workspace.ABOUT_ME)
    workspace.nav.setFocus()
    _key(qtbot, Qt.Key.Key_G, CTRL)
    assert workspace.current_section() == workspace.GOALS
    dialog = workspace.goals.add_goal_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.reject()
