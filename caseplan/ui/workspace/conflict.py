"""When someone else changed the same thing: show both versions and let the person choose.

The same dialog answers a save and an undo or redo over someone else's newer change
(a :class:`Question` from the controllers); only the sentence at the top differs.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from enum import Enum
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseplan.models import (
    ConsentScope,
    ContributionKind,
    GoalStatus,
    LifeDomain,
    ParticipantRole,
    PeerEngagement,
    PlanStatus,
    StepStatus,
)
from caseplan.services.crisis import crisis
from caseplan.ui.controllers.field_saver import Choice, Question
from caseplan.ui.controllers.records import Values
from caseplan.ui.widgets.announce import announce
from caseplan.ui.widgets.dates import date_text
from caseplan.ui.workspace import labels
from caseplan.ui.workspace.peer_model import engagement_label

KEEP_MINE = 1
TAKE_THEIRS = 2

Names = Callable[[uuid.UUID], str]

# Fields of words, shown as they are (other values are shown with their name).
WORDS = frozenset(
    {
        "what_matters",
        "strengths",
        "what_helps",
        "what_does_not_help",
        "how_i_want_to_be_met",
        *crisis.TEXT_FIELDS,
        "own_words",
        "action",
        "worker_note",
        "shared_notes",
        "note",
    }
)


class ConflictDialog(QDialog):
    """Their stored version beside ours; the choice is in :attr:`choice` (0: not chosen)."""

    def __init__(
        self,
        question: Question,
        parent: QWidget | None = None,
        names: Names | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Someone else changed this"))
        self.question = question
        self.choice = 0
        field = question.title
        if question.why == "save":
            intro = self.tr(
                "While you were writing “{field}”, someone else saved a different text. "
                "Nothing has been overwritten. Which text should be kept?"
            ).format(field=field)
            mine_title = self.tr("&Your version (typed here)")
        elif question.why == "undo":
            intro = self.tr(
                "Someone else changed “{field}” after your change. Undo would replace their "
                "version. Nothing has been overwritten. Which version should be kept?"
            ).format(field=field)
            mine_title = self.tr("&Your version (what undo puts back)")
        else:
            intro = self.tr(
                "Someone else changed “{field}” after your undo. Redo would replace their "
                "version. Nothing has been overwritten. Which version should be kept?"
            ).format(field=field)
            mine_title = self.tr("&Your version (what redo puts back)")
        label = QLabel(intro, self)
        label.setWordWrap(True)
        self.intro = label
        self.theirs = QPlainTextEdit(self.describe(question.theirs, names), self)
        self.theirs.setReadOnly(True)
        self.theirs.setAccessibleName(self.tr("Their version"))
        self.mine = QPlainTextEdit(self.describe(question.mine, names), self)
        self.mine.setReadOnly(True)
        self.mine.setAccessibleName(self.tr("Your version"))
        theirs_label = QLabel(self.tr("T&heir version (saved)"), self)
        theirs_label.setBuddy(self.theirs)
        mine_label = QLabel(mine_title, self)
        mine_label.setBuddy(self.mine)
        self.keep_mine = QPushButton(self.tr("&Keep mine"), self)
        self.keep_mine.setAccessibleName(self.tr("Keep my version"))
        self.take_theirs = QPushButton(self.tr("&Take theirs"), self)
        self.take_theirs.setAccessibleName(self.tr("Take their version"))
        self.keep_mine.setDefault(True)
        self.keep_mine.clicked.connect(lambda: self._choose(KEEP_MINE))
        self.take_theirs.clicked.connect(lambda: self._choose(TAKE_THEIRS))

        columns = QHBoxLayout()
        for title, editor in ((theirs_label, self.theirs), (mine_label, self.mine)):
            column = QVBoxLayout()
            column.addWidget(title)
            column.addWidget(editor)
            columns.addLayout(column)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.take_theirs)
        buttons.addWidget(self.keep_mine)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)
        self.resize(640, 320)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        announce(self, self.intro.text(), assertive=True)

    def _choose(self, choice: int) -> None:
        self.choice = choice
        self.accept()

    def chosen(self) -> Choice:
        return {KEEP_MINE: Choice.KEEP_MINE, TAKE_THEIRS: Choice.TAKE_THEIRS}.get(
            self.choice, Choice.LATER
        )

    # --- a version as a person reads it ---------------------------------------------------

    def describe(self, values: Values, names: Names | None) -> str:
        if not values:
            return self.tr("(removed)")
        if len(values) == 1:
            ((name, value),) = values.items()
            if name in WORDS and isinstance(value, str):
                return value
            if name == "order":
                return "\n".join(f"{n}. {words}" for n, words in enumerate(value, start=1))
        return "\n".join(
            f"{self._field_name(name)}: {self._value(value, names)}"
            for name, value in values.items()
            if name != "step_ids"
        )

    def _value(self, value: Any, names: Names | None) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, date):
            return date_text(value)
        if isinstance(value, uuid.UUID):
            return names(value) if names is not None else "…"
        if isinstance(value, Enum):
            return _enum_label(value)
        if isinstance(value, tuple | list):
            return "; ".join(
                " · ".join(
                    p
                    for p in (
                        getattr(v, "name", ""),
                        getattr(v, "role", ""),
                        getattr(v, "phone", ""),
                    )
                    if p
                )
                or self._value(v, names)
                for v in value
            )
        return str(value)

    def _field_name(self, name: str) -> str:
        return {
            "domain": self.tr("Life domain"),
            "status": self.tr("Status"),
            "target_date": self.tr("Target date"),
            "priority": self.tr("Priority"),
            "responsible_id": self.tr("Who"),
            "due": self.tr("By when"),
            "coordinator_id": self.tr("Coordinator"),
            "peer_consent_granted_on": self.tr("Consent to peer involvement given on"),
            "peer_consent_expires_on": self.tr("Consent to peer involvement expires on"),
            "role": self.tr("Role"),
            "name": self.tr("Name"),
            "organisation": self.tr("Organisation"),
            "phone": self.tr("Phone"),
            "email": self.tr("Email"),
            "consent_scope": self.tr("Consent to share"),
            "consent_granted_on": self.tr("Consent given on"),
            "consent_expires_on": self.tr("Consent expires on"),
            "offers": self.tr("What they offer"),
            "availability": self.tr("Availability"),
            "peer_engagement": self.tr("Paid or volunteer"),
            "contacts": self.tr("Who to contact"),
            "own_words": self.tr("The goal"),
            "action": self.tr("The step"),
            "worker_note": self.tr("Worker's note"),
            "shared_notes": self.tr("Shared notes"),
            "date": self.tr("Date"),
            "minutes": self.tr("Minutes"),
            "paid_minutes": self.tr("Paid minutes"),
            "kind": self.tr("Kind"),
            "note": self.tr("Note"),
        }.get(name, name)


def _enum_label(value: Enum) -> str:
    if isinstance(value, LifeDomain):
        return labels.domain_label(value)
    if isinstance(value, GoalStatus):
        return labels.goal_status_label(value)
    if isinstance(value, StepStatus):
        return labels.step_status_label(value)
    if isinstance(value, ParticipantRole):
        return labels.role_label(value)
    if isinstance(value, ConsentScope):
        return labels.scope_label(value)
    if isinstance(value, ContributionKind):
        return labels.kind_label(value)
    if isinstance(value, PlanStatus):
        return labels.plan_status_label(value)
    if isinstance(value, PeerEngagement):
        return engagement_label(value)
    return str(value.value)


def ask(
    parent: QWidget,
    question: Question,
    answer: Callable[[Choice], None],
    names: Names | None = None,
) -> ConflictDialog:
    """Open the dialog beside ``parent`` and call ``answer`` when it closes."""
    dialog = ConflictDialog(question, parent.window(), names)

    def done() -> None:
        dialog.deleteLater()
        answer(dialog.chosen())

    dialog.finished.connect(done)
    dialog.open()
    return dialog
