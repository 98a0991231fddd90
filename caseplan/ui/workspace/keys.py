"""The person's workspace's own keys: Ctrl+1 … Ctrl+7 for its sections, undo and redo, and
adding a goal or a step from anywhere in it (the Goals section comes up first)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


class _Goals(Protocol):
    def start_add_goal(self) -> None: ...
    def start_add_step(self) -> None: ...


class Workspace(Protocol):
    """What the keys ask of the person's workspace."""

    GOALS: int
    may_change: bool

    @property
    def goals(self) -> _Goals: ...
    def show_section(self, number: int, *, focus: bool = False) -> None: ...
    def current_section(self) -> int: ...
    def undo(self) -> None: ...
    def redo(self) -> None: ...


def install_keys(widget: QWidget, workspace: Workspace, sections: int) -> None:
    """The keys, on ``widget`` and its children (the workspace itself)."""
    for number in range(sections):
        key = QShortcut(QKeySequence(f"Ctrl+{number + 1}"), widget)
        key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        key.activated.connect(lambda n=number: workspace.show_section(n, focus=True))
    for keys, slot in (
        ("Ctrl+Z", workspace.undo),
        ("Ctrl+Shift+Z", workspace.redo),
        ("Ctrl+Y", workspace.redo),
        # anywhere in the workspace, as the Goals section's empty page says
        ("Ctrl+G", lambda: add_in_goals(workspace, step=False)),
        ("Ctrl+T", lambda: add_in_goals(workspace, step=True)),
        ("Ctrl+Shift+S", lambda: add_in_goals(workspace, step=True)),
    ):
        key = QShortcut(QKeySequence(keys), widget)
        key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        key.activated.connect(slot)


def add_in_goals(workspace: Workspace, *, step: bool) -> None:
    """Add a goal or a step, from any section: the Goals section comes up first."""
    if not workspace.may_change:
        return
    goals = workspace.goals
    if workspace.current_section() != workspace.GOALS:
        workspace.show_section(workspace.GOALS)
    if step:
        goals.start_add_step()
    else:
        goals.start_add_goal()
