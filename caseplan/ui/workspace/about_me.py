"""About me: what matters to the person, in their own words."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from caseplan.services.plans.plan_view import PlanView
from caseplan.ui.controllers.records import Kind
from caseplan.ui.widgets.whose_words import OwnWordsEdit
from caseplan.ui.workspace.autosave import FieldBinding
from caseplan.ui.workspace.fields import person_field
from caseplan.ui.workspace.section import Host, Section


class AboutMeSection(Section):
    SHOWS = frozenset({Kind.PERSON})

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.titles = {
            "what_matters": self.tr("What matters to me"),
            "strengths": self.tr("My strengths"),
            "what_helps": self.tr("What helps me"),
            "what_does_not_help": self.tr("What does not help me"),
            "how_i_want_to_be_met": self.tr("How I want to be met"),
        }
        inner = QWidget(self)
        column = QVBoxLayout(inner)
        intro = QLabel(self.tr("About me — written together, in the person's own words."), inner)
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.fields: dict[str, OwnWordsEdit] = {}
        self.bindings: dict[str, FieldBinding] = {}
        for name, title in self.titles.items():
            field = OwnWordsEdit(title, "", inner)
            field.set_lines(5)
            column.addWidget(field)
            self.fields[name] = field
            self.bindings[name] = host.bind(field)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.setFocusProxy(self.fields["what_matters"])

    def show_person(self, person_name: str, values: dict[str, str], version: int) -> None:
        for name, field in self.fields.items():
            field.set_person(person_name)
            target = person_field(self.host.person_id, name, self.titles[name])
            self.bindings[name].set_target(target, values[name], version)

    def show_view(self, view: PlanView | None) -> None:
        """About me belongs to the person, not the plan: see :meth:`show_person`."""
