"""What every workspace section is handed: the person's plan editor, and its own fields."""

from __future__ import annotations

import uuid
from typing import ClassVar, Protocol

from PySide6.QtWidgets import QWidget

from caseplan.services.context import Context
from caseplan.services.plans.plan_view import PlanView
from caseplan.services.security import access
from caseplan.services.security.access import Action
from caseplan.ui.controllers.plan_editor import PlanEditor
from caseplan.ui.controllers.records import Kind
from caseplan.ui.widgets.whose_words import WordsField
from caseplan.ui.workspace.autosave import FieldBinding
from caseplan.ui.workspace.read_only import make_read_only


class Host(Protocol):
    @property
    def ctx(self) -> Context: ...

    @property
    def person_id(self) -> uuid.UUID: ...

    @property
    def editor(self) -> PlanEditor: ...

    def bind(self, field: WordsField) -> FieldBinding:
        """Save what is typed into ``field`` through the editor's field saver."""
        ...

    def report(self, sentence: str) -> None: ...


class Section(QWidget):
    """One page of the workspace; shown again with the plan as read when a change it shows
    is announced (:attr:`SHOWS`)."""

    #: the kinds of change this section shows
    SHOWS: ClassVar[frozenset[Kind]] = frozenset()
    #: controls (attribute names) that stay for an account that may read the plan but not
    #: change it, when it may do what they need
    STILL_ALLOWED: ClassVar[tuple[tuple[str, Action], ...]] = ()

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host

    @property
    def editor(self) -> PlanEditor:
        return self.host.editor

    def show_view(self, view: PlanView | None) -> None:
        raise NotImplementedError

    def make_read_only(self, reason: str) -> None:
        """For an account that may not change the plan: nothing here offers a change."""
        ctx, person_id = self.host.ctx, self.host.person_id
        keep = [
            getattr(self, name)
            for name, action in self.STILL_ALLOWED
            if access.can(ctx, action, person_id)
        ]
        make_read_only(self, reason, keep)
