"""One person's plan being edited: what is shown, the changes made to it, and their undo.

The editor holds the plan as last read (a :class:`PlanView`), performs every change through
the services, makes it undoable and announces it; on hearing of a change (its own or
another's) it re-reads only the part that changed. It holds no widget and no context: the
context comes from the session each time, so the editor and its undo history outlive a
lock, while the plan's text is forgotten (:meth:`forget`).
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal

from caseplan.errors import CaseplanError
from caseplan.models import LifeDomain
from caseplan.services.context import Context
from caseplan.services.crisis import crisis
from caseplan.services.meetings import meetings
from caseplan.services.peers import contributions
from caseplan.services.people import people
from caseplan.services.people.people import PersonDetails
from caseplan.services.plans import closing, goals, plans
from caseplan.services.plans.plan_view import PlanView, load_plan_view
from caseplan.services.shared import without_worker_notes
from caseplan.services.team import team
from caseplan.ui.controllers import records
from caseplan.ui.controllers.changes import Changes
from caseplan.ui.controllers.field_saver import (
    Choice,
    Clash,
    Field,
    FieldSaver,
    Question,
    Refused,
    Stored,
    store,
)
from caseplan.ui.controllers.records import IdAliases, Kind, Ref, Values
from caseplan.ui.controllers.undo import Added, Edit, Moved, Removed, UndoHistory
from caseplan.ui.i18n import error_text


class EditorView(Protocol):
    """The screen a plan editor works for (the workspace, meeting mode)."""

    def ask(self, question: Question, answer: Callable[[Choice], None]) -> None:
        """Someone else's change is in the way: show both, call ``answer`` with the choice."""

    def report(self, sentence: str) -> None:
        """A change was refused: say why (an empty sentence clears it)."""


class PlanEditor(QObject):
    """Reads, changes and undoes one person's plan; announces each change on ``changes``."""

    #: the undo history changed (what can be undone or redone, or why redo is off)
    history_changed = Signal()

    def __init__(
        self,
        ctx: Callable[[], Context],
        person_id: uuid.UUID,
        changes: Changes,
        *,
        include_worker_notes: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.person_id = person_id
        self.changes = changes
        self.include_worker_notes = include_worker_notes
        self.aliases = IdAliases()
        self.history = UndoHistory(ctx, self.aliases, self)
        self.saver = FieldSaver(ctx, self.aliases, self)
        self.view: PlanView | None = None
        self.person: PersonDetails | None = None
        self.screen: EditorView | None = None
        self.reads: list[Kind] = []  #: what was read again, in order (for tests and benchmarks)
        self._opened = False
        self._plan_id: uuid.UUID | None = None  #: the plan the undo history is about
        # Bound methods, not lambdas: a lambda holding ``self`` would keep the editor (and
        # the words in its undo history) alive after the person is closed.
        self.history.changed.connect(self.history_changed)
        self.history.applied.connect(self._announce)
        self.saver.stored.connect(self._field_stored)
        self.saver.taken.connect(self._taken)
        changes.before_others(self._refresh)

    @property
    def ctx(self) -> Context:
        return self._ctx()

    # -- reading ----------------------------------------------------------------------------

    def load(self) -> None:
        """Read the whole plan; the first read after opening (or unlocking) is audited."""
        view = load_plan_view(
            self.ctx,
            self.person_id,
            include_worker_notes=self.include_worker_notes,
            record_open=not self._opened,
        )
        self.person = (
            view.person
            if view is not None
            else people.get_person(self.ctx, self.person_id, record=False)
        )
        self.view = view
        self._opened = True
        self.reads.append(Kind.WHOLE_PLAN)
        plan_id = view.plan.id if view is not None else None
        if self._plan_id is not None and plan_id != self._plan_id:
            # The plan was closed (and maybe the next one started): a closed plan is not
            # changed any more, so nothing done to it can be undone or redone.
            self.history.clear()
        self._plan_id = plan_id

    def forget(self) -> None:
        """The screen locks: drop the plan's text; ids, versions and undo entries stay."""
        self.view = None
        self.person = None
        self._opened = False

    def close(self) -> None:
        """The person is closed for good: stop following changes."""
        self.changes.stop_following(self._refresh)
        self.forget()

    def _refresh(self, kind: Kind, ids: frozenset[uuid.UUID]) -> None:
        """Bring the part of the plan that changed up to date (one query, not the whole plan)."""
        if self.person is None:
            return  # locked, or not read yet
        view, ctx = self.view, self.ctx
        try:
            if kind is Kind.PERSON:
                if self.person_id not in ids:
                    return
                self.person = people.get_person(ctx, self.person_id, record=False)
                if view is not None:
                    view = dataclasses.replace(view, person=self.person)
            elif view is None or kind is Kind.WHOLE_PLAN:
                if kind is Kind.WHOLE_PLAN and self.person_id not in ids:
                    return
                self.load()
                return
            else:
                view = self._reread(view, kind, ctx)
        except CaseplanError as error:
            self.report(error_text(error))
            return
        if view is not None and not view.include_worker_notes:
            view = without_worker_notes(view)
        self.view = view
        self.reads.append(kind)

    @staticmethod
    def _reread(view: PlanView, kind: Kind, ctx: Context) -> PlanView:
        plan_id = view.plan.id
        part: dict[str, Any]
        if kind is Kind.PLAN:
            part = {"plan": plans.get_plan(ctx, plan_id, record=False)}
        elif kind in (Kind.GOAL, Kind.STEP):
            part = {"goals": tuple(goals.list_goals(ctx, plan_id, record=False))}
        elif kind is Kind.PARTICIPANT:
            part = {"participants": tuple(team.list_participants(ctx, plan_id, record=False))}
        elif kind is Kind.MEETING:
            part = {"meetings": tuple(meetings.list_meetings(ctx, plan_id, record=False))}
        elif kind is Kind.CONTRIBUTION:
            part = {
                "contributions": tuple(contributions.list_contributions(ctx, plan_id, record=False))
            }
        else:
            part = {"crisis_plan": crisis.get_crisis_plan(ctx, plan_id, record=False)}
        return dataclasses.replace(view, **part)

    # -- announcing -------------------------------------------------------------------------

    def _announce(self, ref: Ref) -> None:
        if ref.kind is Kind.PLAN and ref.parent == self.person_id:  # started or closed
            self.changes.announce(Kind.WHOLE_PLAN, {self.person_id})
        else:
            self.changes.announce(ref.kind, {self.aliases.resolve(ref.id)})

    def _taken(self, field: Field) -> None:
        self._announce(field.ref)

    def _field_stored(self, field: Field, old: str, new: str, version: int | None) -> None:
        text = QCoreApplication.translate("PlanEditor", "Edit “{field}”").format(field=field.title)
        self.history.push(
            Edit(text, field.ref, field.title, {field.name: old}, {field.name: new}, version)
        )
        self._announce(field.ref)

    def report(self, sentence: str) -> None:
        if self.screen is not None:
            self.screen.report(sentence)

    def ask(self, question: Question, answer: Callable[[Choice], None]) -> None:
        if self.screen is None:
            answer(Choice.LATER)
        else:
            self.screen.ask(question, answer)

    # -- undo -------------------------------------------------------------------------------

    def undo(self) -> None:
        self.saver.flush()
        self.history.undo(self.ask, self.report)

    def redo(self) -> None:
        self.saver.flush()
        self.history.redo(self.ask, self.report)

    # -- changes ----------------------------------------------------------------------------

    def _added(
        self, text: str, title: str, kind: Kind, parent: uuid.UUID, make: Callable[[], Any]
    ) -> uuid.UUID | None:
        """Add a record (``make`` calls the service) and make the addition undoable."""
        self.saver.flush()
        try:
            made = make()
            ref = Ref(kind, made.id, parent)
            values, version = records.read(self.ctx, self.aliases, ref)
        except CaseplanError as error:
            self.report(error_text(error))
            return None
        self.report("")
        self.history.push(Added(text, ref, title, values, version))
        self._announce(ref)
        made_id: uuid.UUID = made.id
        return made_id

    def change(
        self, text: str, ref: Ref, title: str, old: Values, new: Values, version: int | None
    ) -> bool:
        """Change fields of a record from ``old`` (as read, at ``version``) to ``new``."""
        if old == new:
            return False
        self.saver.flush()
        outcome = store(self.ctx, self.aliases, ref, new, old, version)
        return self._changed(text, ref, title, old, new, outcome)

    def _changed(
        self,
        text: str,
        ref: Ref,
        title: str,
        old: Values,
        new: Values,
        outcome: Stored | Clash | Refused,
    ) -> bool:
        if isinstance(outcome, Stored):
            self.report("")
            self.history.push(Edit(text, ref, title, old, new, outcome.version))
            self._announce(ref)
            return True
        if isinstance(outcome, Refused):
            self.report(outcome.sentence)
        else:

            def answer(choice: Choice) -> None:
                if choice is Choice.KEEP_MINE:
                    again = store(self.ctx, self.aliases, ref, new, outcome.theirs, outcome.version)
                    self._changed(text, ref, title, outcome.theirs, new, again)
                else:
                    self._announce(ref)  # show what is stored

            self.ask(Question("save", title, outcome.theirs, new), answer)
        self._announce(ref)  # the screen shows what is stored, not what was refused
        return False

    def start_plan(self) -> bool:
        made = self._added(
            QCoreApplication.translate("PlanEditor", "Start a plan"),
            QCoreApplication.translate("PlanEditor", "The plan"),
            Kind.PLAN,
            self.person_id,
            lambda: closing.start_plan(self.ctx, self.person_id),
        )
        return made is not None

    def add_goal(self, domain: LifeDomain, words: str) -> uuid.UUID | None:
        assert self.view is not None
        plan_id = self.view.plan.id
        return self._added(
            QCoreApplication.translate("PlanEditor", "Add a goal"),
            QCoreApplication.translate("PlanEditor", "The goal"),
            Kind.GOAL,
            plan_id,
            lambda: goals.add_goal(self.ctx, plan_id, domain, words),
        )

    def add_step(
        self, goal_id: uuid.UUID, action: str, responsible_id: uuid.UUID | None, due: date | None
    ) -> uuid.UUID | None:
        goal = self.aliases.resolve(goal_id)
        return self._added(
            QCoreApplication.translate("PlanEditor", "Add a step"),
            QCoreApplication.translate("PlanEditor", "The step"),
            Kind.STEP,
            goal,
            lambda: goals.add_step(self.ctx, goal, action, responsible_id=responsible_id, due=due),
        )

    def add_participant(self, values: Values) -> uuid.UUID | None:
        assert self.view is not None
        plan_id, rest = self.view.plan.id, dict(values)
        role, name = rest.pop("role"), rest.pop("name")
        return self._added(
            QCoreApplication.translate("PlanEditor", "Add a team member"),
            QCoreApplication.translate("PlanEditor", "The team member"),
            Kind.PARTICIPANT,
            plan_id,
            lambda: team.add_participant(self.ctx, plan_id, role, name, **rest),
        )

    def add_meeting(self, day: date) -> uuid.UUID | None:
        assert self.view is not None
        plan_id = self.view.plan.id
        return self._added(
            QCoreApplication.translate("PlanEditor", "New meeting"),
            QCoreApplication.translate("PlanEditor", "The meeting"),
            Kind.MEETING,
            plan_id,
            lambda: meetings.add_meeting(self.ctx, plan_id, day),
        )

    def add_contribution(self, values: Values) -> uuid.UUID | None:
        assert self.view is not None
        plan_id = self.view.plan.id
        return self._added(
            QCoreApplication.translate("PlanEditor", "Record peer support"),
            QCoreApplication.translate("PlanEditor", "The peer support"),
            Kind.CONTRIBUTION,
            plan_id,
            lambda: contributions.add_contribution(self.ctx, plan_id, **values),
        )

    def remove_participant(self, participant: team.ParticipantDetails) -> bool:
        """Take someone off the team (unless someone changed them since they were read)."""
        self.saver.flush()
        ref = Ref(Kind.PARTICIPANT, participant.id, participant.plan_id)
        values = {name: getattr(participant, name) for name in team.EDITABLE}
        entry = Removed(
            QCoreApplication.translate("PlanEditor", "Remove a team member"),
            ref,
            QCoreApplication.translate("PlanEditor", "The team member"),
            values,
            participant.version,
        )
        try:
            records.remove(self.ctx, self.aliases, ref, participant.version)
        except CaseplanError as error:
            self.report(error_text(error))
            self._announce(ref)
            return False
        self.report("")
        self.history.push(entry)
        self._announce(ref)
        return True

    def move(self, kind: Kind, record_id: uuid.UUID, parent: uuid.UUID, offset: int) -> bool:
        """Move a goal (within the plan, ``parent``) or a step (within its goal) ``offset``."""
        self.saver.flush()
        ref = Ref(kind, record_id, parent)
        try:
            before = records.order(self.ctx, self.aliases, kind, parent)
            records.move(self.ctx, self.aliases, kind, record_id, offset)
            after = records.order(self.ctx, self.aliases, kind, parent)
        except CaseplanError as error:
            self.report(error_text(error))
            return False
        if [i for i, _ in before] == [i for i, _ in after]:
            return False  # at the end already
        text = (
            QCoreApplication.translate("PlanEditor", "Move a goal")
            if kind is Kind.GOAL
            else QCoreApplication.translate("PlanEditor", "Move a step")
        )
        title = (
            QCoreApplication.translate("PlanEditor", "The order of the goals")
            if kind is Kind.GOAL
            else QCoreApplication.translate("PlanEditor", "The order of the steps")
        )
        entry = Moved(
            text, ref, title, offset, tuple(i for i, _ in before), tuple(i for i, _ in after)
        )
        self.report("")
        self.history.push(entry)
        self._announce(ref)
        return True
