"""The crisis plan: what the person wants to happen when things get hard, and who to call."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseplan.services.crisis.crisis import CrisisContactDetails, CrisisContactInput
from caseplan.services.plans.plan_view import PlanView
from caseplan.ui.controllers.records import Kind, Ref
from caseplan.ui.widgets.keep_words import WordsDialog
from caseplan.ui.widgets.record_model import Column, RecordTableModel
from caseplan.ui.widgets.whose_words import OwnWordsEdit
from caseplan.ui.workspace.autosave import FieldBinding
from caseplan.ui.workspace.fields import crisis_field
from caseplan.ui.workspace.section import Host, Section


class CrisisContactModel(RecordTableModel[CrisisContactDetails]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(QCoreApplication.translate("CrisisContactModel", "Name"), lambda c: c.name),
                Column(
                    QCoreApplication.translate("CrisisContactModel", "Who they are"),
                    lambda c: c.role,
                ),
                Column(
                    QCoreApplication.translate("CrisisContactModel", "Phone"), lambda c: c.phone
                ),
            ],
            parent,
        )


class ContactDialog(WordsDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a crisis contact"))
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Name"))
        self.role = QLineEdit(self)
        self.role.setAccessibleName(self.tr("Who they are"))
        self.phone = QLineEdit(self)
        self.phone.setAccessibleName(self.tr("Phone"))
        form = QFormLayout(self)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Who they are:"), self.role)
        form.addRow(self.tr("&Phone:"), self.phone)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.cancel)
        form.addRow(buttons)


class CrisisSection(Section):
    SHOWS = frozenset({Kind.CRISIS, Kind.PERSON})

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.view: PlanView | None = None
        self.titles = {
            "warning_signs": self.tr("Signs that things are getting hard"),
            "triggers": self.tr("What can set it off"),
            "what_i_do": self.tr("What I do"),
            "what_others_do": self.tr("What others can do"),
            "what_does_not_help": self.tr("What does not help"),
            "treatment_wanted": self.tr("Treatment I want"),
            "treatment_not_wanted": self.tr("Treatment I do not want"),
        }
        inner = QWidget(self)
        grid = QGridLayout(inner)
        self.fields: dict[str, OwnWordsEdit] = {}
        self.bindings: dict[str, FieldBinding] = {}
        for number, (name, title) in enumerate(self.titles.items()):
            field = OwnWordsEdit(title, "", inner)
            field.set_lines(5)
            grid.addWidget(field, number // 2, number % 2)
            self.fields[name] = field
            self.bindings[name] = host.bind(field)
        self.contacts = CrisisContactModel(self)
        self.table = QTableView(inner)
        self.table.setModel(self.contacts)
        self.table.setAccessibleName(self.tr("Who to contact in a crisis"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(120)
        self.add_button = QPushButton(self.tr("Add &contact"), inner)
        self.add_button.setAccessibleDescription(self.tr("Add crisis contact"))
        self.remove_button = QPushButton(self.tr("Remove contact"), inner)
        self.remove_button.setAccessibleDescription(self.tr("Remove crisis contact"))
        self.add_button.clicked.connect(self.start_add_contact)
        self.remove_button.clicked.connect(self.remove_contact)
        self.dialog: ContactDialog | None = None
        contacts = QVBoxLayout()
        contacts_label = QLabel(self.tr("Who to contact"), inner)
        contacts_label.setBuddy(self.table)
        buttons = QHBoxLayout()
        buttons.addWidget(contacts_label)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        contacts.addLayout(buttons)
        contacts.addWidget(self.table)
        row = (len(self.titles) + 1) // 2
        grid.addLayout(contacts, row - 1 if len(self.titles) % 2 else row, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.setFocusProxy(self.fields["warning_signs"])

    def show_view(self, view: PlanView | None) -> None:
        self.view = view
        self.setEnabled(view is not None)
        if view is None:
            for binding in self.bindings.values():
                binding.set_target(None)
            self.contacts.set_rows(())
            return
        name = view.person.preferred_name or view.person.full_name
        plan = view.crisis_plan
        for key, field in self.fields.items():
            field.set_person(name)
            self.bindings[key].set_target(
                crisis_field(view.plan.id, key, self.titles[key]),
                "" if plan is None else getattr(plan, key),
                None if plan is None else plan.version,
            )
        self.contacts.set_rows(() if plan is None else plan.contacts)

    def _save_contacts(self, text: str, new: list[CrisisContactInput]) -> None:
        assert self.view is not None
        plan = self.view.crisis_plan
        old = [CrisisContactInput(c.name, c.role, c.phone) for c in self.contacts.rows()]
        self.editor.change(
            text,
            Ref(Kind.CRISIS, self.view.plan.id),
            self.tr("Who to contact"),
            {"contacts": tuple(old)},
            {"contacts": tuple(new)},
            None if plan is None else plan.version,
        )

    def start_add_contact(self) -> None:
        if self.view is None:
            return
        dialog = ContactDialog(self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._add_contact(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _add_contact(self, dialog: ContactDialog) -> None:
        new = [CrisisContactInput(c.name, c.role, c.phone) for c in self.contacts.rows()]
        new.append(CrisisContactInput(dialog.name.text(), dialog.role.text(), dialog.phone.text()))
        self._save_contacts(self.tr("Add a crisis contact"), new)

    def remove_contact(self) -> None:
        row = self.table.currentIndex().row()
        rows = self.contacts.rows()
        if not 0 <= row < len(rows):
            return
        new = [CrisisContactInput(c.name, c.role, c.phone) for i, c in enumerate(rows) if i != row]
        self._save_contacts(self.tr("Remove a crisis contact"), new)
