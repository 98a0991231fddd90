"""Small keyboard-first dialogs to add a goal or a step."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from caseplan.models import LifeDomain
from caseplan.ui.widgets.dates import OptionalDateEdit, dates_ok
from caseplan.ui.widgets.keep_words import WordsDialog
from caseplan.ui.workspace.labels import domain_label
from caseplan.ui.workspace.team_model import ParticipantListModel


def domain_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for domain in LifeDomain:
        combo.addItem(domain_label(domain), domain)
    return combo


class AddGoalDialog(WordsDialog):
    """The goal in the person's words first, then its life domain; Enter adds it."""

    def __init__(self, domain: LifeDomain, person_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a goal"))
        self.words = QLineEdit(self)
        self.words.setAccessibleName(self.tr("The goal in the person's own words"))
        self.words.setPlaceholderText(
            self.tr("What {name} wants, in their own words").format(name=person_name)
        )
        self.domain = domain_combo(self)
        self.domain.setAccessibleName(self.tr("Life domain"))
        self.domain.setCurrentIndex(self.domain.findData(domain))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add goal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.cancel)
        form = QFormLayout(self)
        form.addRow(self.tr("&Goal:"), self.words)
        form.addRow(self.tr("&Life domain:"), self.domain)
        form.addRow(buttons)
        self.resize(520, self.sizeHint().height())

    def typed(self) -> str:
        return self.words.text()

    def chosen_domain(self) -> LifeDomain:
        return LifeDomain(self.domain.currentData())


class AddStepDialog(WordsDialog):
    """What, who (from the team) and by when."""

    def __init__(
        self, goal_words: str, team: ParticipantListModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a step towards “{goal}”").format(goal=goal_words))
        self.action = QLineEdit(self)
        self.action.setAccessibleName(self.tr("What the step is"))
        self.responsible = QComboBox(self)
        self.responsible.setModel(team)
        self.responsible.setAccessibleName(self.tr("Who is responsible"))
        self.due = OptionalDateEdit(self.tr("Due date"), self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add step"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.cancel)
        form = QFormLayout(self)
        form.addRow(self.tr("&What:"), self.action)
        form.addRow(self.tr("W&ho:"), self.responsible)
        form.addRow(self.tr("&By when:"), self.due)
        form.addRow(buttons)
        self.team = team
        self.resize(520, self.sizeHint().height())

    def typed(self) -> str:
        return self.action.text()

    def accept(self) -> None:
        if dates_ok(self):  # a date that is no date keeps the dialog open, with why
            super().accept()

    def responsible_id(self) -> uuid.UUID | None:
        return self.team.id_at(self.responsible.currentIndex())

    def due_date(self) -> date | None:
        return self.due.value()
