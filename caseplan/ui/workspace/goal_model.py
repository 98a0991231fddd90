"""Goals grouped by life domain, each with its steps: a tree model over GoalDetails/StepDetails."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from caseplan.models import GoalStatus, LifeDomain
from caseplan.services.plans.goal_details import GoalDetails, StepDetails
from caseplan.services.plans.order import in_plan_order
from caseplan.ui.widgets.dates import date_text
from caseplan.ui.widgets.record_model import ID_ROLE, ROW_ROLE
from caseplan.ui.workspace.labels import domain_label, goal_status_label, step_status_label

AnyIndex = QModelIndex | QPersistentModelIndex
KIND_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass(eq=False)
class _Node:
    kind: str  # "domain", "goal" or "step"
    value: Any
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)

    def row(self, siblings: Sequence[_Node]) -> int:
        return next(i for i, n in enumerate(siblings) if n is self)


class GoalTreeModel(QAbstractItemModel):
    COLUMN_WHAT, COLUMN_WHO, COLUMN_WHEN, COLUMN_STATUS = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[_Node] = []
        self._who: Callable[[uuid.UUID | None], str] = lambda _id: ""

    def set_goals(
        self, goals: Sequence[GoalDetails], who: Callable[[uuid.UUID | None], str]
    ) -> None:
        """Group by life domain in the plan's one order (:func:`in_plan_order`), as meeting
        mode and the printed plan show them."""
        self.beginResetModel()
        self._who = who
        self._groups = []
        for goal in in_plan_order(goals, lambda g: g.domain):
            if not self._groups or self._groups[-1].value != goal.domain:
                self._groups.append(_Node("domain", goal.domain))
            group = self._groups[-1]
            node = _Node("goal", goal, group)
            node.children = [_Node("step", step, node) for step in goal.steps]
            group.children.append(node)
        self.endResetModel()

    # --- finding rows ----------------------------------------------------------------

    def index_of(self, record_id: uuid.UUID) -> QModelIndex:
        for group in self._groups:
            for r, goal in enumerate(group.children):
                if goal.value.id == record_id:
                    return self.createIndex(r, 0, goal)
                for s, step in enumerate(goal.children):
                    if step.value.id == record_id:
                        return self.createIndex(s, 0, step)
        return QModelIndex()

    def domain_index(self, domain: LifeDomain) -> QModelIndex:
        for g, group in enumerate(self._groups):
            if group.value == domain:
                return self.createIndex(g, 0, group)
        return QModelIndex()

    def goal_of(self, index: AnyIndex) -> GoalDetails | None:
        node = self._node(index)
        while node is not None and node.kind != "goal":
            node = node.parent if node.kind == "step" else None
        return None if node is None else node.value

    def visible_text(self) -> list[str]:
        """What a person reads, top to bottom, indented by level (for tests and checks)."""
        lines = []
        for group in self._groups:
            lines.append(self._text(group, 0))
            for goal in group.children:
                lines.append("  " + self._text(goal, 0))
                for step in goal.children:
                    cells = [self._text(step, c) for c in range(4)]
                    lines.append("    " + " | ".join(cells))
        return lines

    # --- the model -------------------------------------------------------------------

    def _node(self, index: AnyIndex) -> _Node | None:
        return index.internalPointer() if index.isValid() else None

    def _children(self, node: _Node | None) -> list[_Node]:
        return self._groups if node is None else node.children

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        children = self._children(self._node(parent))
        if 0 <= row < len(children) and 0 <= column < 4:
            return self.createIndex(row, column, children[row])
        return QModelIndex()

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        up = node.parent
        siblings = self._children(up.parent)
        return self.createIndex(up.row(siblings), 0, up)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(self._node(parent)))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("Goal or step"),
            self.tr("Who"),
            self.tr("By when"),
            self.tr("Status"),
        ][section]

    def _text(self, node: _Node, column: int) -> str:
        value = node.value
        if node.kind == "domain":
            return domain_label(value) if column == 0 else ""
        if node.kind == "goal":
            goal: GoalDetails = value
            return [
                goal.own_words,
                "",
                date_text(goal.target_date),
                goal_status_label(goal.status),
            ][column]
        step: StepDetails = value
        return [
            step.action,
            self._who(step.responsible_id),
            date_text(step.due),
            step_status_label(step.status),
        ][column]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(node, index.column())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            prefix = {
                "domain": self.tr("Life domain"),
                "goal": self.tr("Goal"),
                "step": self.tr("Step"),
            }
            text = self._text(node, index.column())
            return f"{prefix[node.kind]}: {text}" if index.column() == 0 else text
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if node.kind == "domain":
                font.setBold(True)
            if node.kind == "goal" and node.value.status in (
                GoalStatus.CLOSED,
                GoalStatus.ACHIEVED,
            ):
                font.setStrikeOut(node.value.status == GoalStatus.CLOSED)
            return font
        if role == ID_ROLE:
            return None if node.kind == "domain" else node.value.id
        if role == ROW_ROLE:
            return node.value
        if role == KIND_ROLE:
            return node.kind
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
