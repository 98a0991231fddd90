"""One person's workspace: their plan in sections a person understands, saved as it is typed."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from caseplan.errors import CaseplanError
from caseplan.models import Role
from caseplan.services.agreement.changes import agreement_state
from caseplan.services.context import Context
from caseplan.services.people.people import EDITABLE as PERSON_FIELDS
from caseplan.services.plans.plan_view import PlanView
from caseplan.services.plans.plans import PlanDetails
from caseplan.services.security import access
from caseplan.ui.controllers.changes import Changes
from caseplan.ui.controllers.field_saver import Choice, Question
from caseplan.ui.controllers.plan_editor import PlanEditor
from caseplan.ui.controllers.records import Kind
from caseplan.ui.widgets.agreement_banner import AgreementBanner
from caseplan.ui.widgets.announce import announce
from caseplan.ui.widgets.dates import date_text
from caseplan.ui.widgets.save_indicator import SaveIndicator
from caseplan.ui.widgets.theme import error_style
from caseplan.ui.widgets.whose_words import WordsField, WorkerNoteEdit
from caseplan.ui.workspace import conflict, plan_line, read_only
from caseplan.ui.workspace.about_me import AboutMeSection
from caseplan.ui.workspace.autosave import FieldBinding
from caseplan.ui.workspace.crisis import CrisisSection
from caseplan.ui.workspace.goals import GoalsSection
from caseplan.ui.workspace.history import HistorySection
from caseplan.ui.workspace.keys import install_keys
from caseplan.ui.workspace.labels import plan_status_label
from caseplan.ui.workspace.meetings import MeetingsSection
from caseplan.ui.workspace.nav import SectionList, Sections, show_history
from caseplan.ui.workspace.peer import PeerSection
from caseplan.ui.workspace.section import Section
from caseplan.ui.workspace.team import TeamSection

#: what the header shows (name, plan status, review date, coordinator)
HEADER = frozenset({Kind.PERSON, Kind.PLAN, Kind.PARTICIPANT, Kind.WHOLE_PLAN})


class PersonWorkspace(QWidget):
    """One person's plan on screen, over a :class:`PlanEditor` that reads and changes it.

    Handed a context and a person's id it makes its own editor (as in the tests); the main
    window hands it the session's editor, whose undo history outlives a lock.
    """

    title_changed = Signal(str)
    #: the person's last plan is closed: the window asks which goals come along to the next
    next_plan_requested = Signal()

    ABOUT_ME, GOALS, TEAM, PEER, MEETINGS, CRISIS, HISTORY = range(7)

    def __init__(
        self,
        ctx: Context,
        person_id: uuid.UUID,
        parent: QWidget | None = None,
        *,
        editor: PlanEditor | None = None,
    ) -> None:
        super().__init__(parent)
        if editor is None:
            editor = PlanEditor(
                lambda: ctx,
                person_id,
                Changes(self),
                include_worker_notes=ctx.actor.role != Role.PEER_WORKER,
                parent=self,
            )
        if editor.person is None:
            editor.load()
        self.editor = editor
        editor.screen = self
        self.include_worker_notes = editor.include_worker_notes
        self.indicator = SaveIndicator(self)
        self.bindings: list[FieldBinding] = []
        saver = editor.saver
        saver.pending.connect(self.indicator.pending)
        saver.saved.connect(self.indicator.saved)
        saver.failed.connect(self.indicator.failed)

        self.name_label = QLabel(self)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setAccessibleDescription(self.tr("Person"))
        self.plan_label = QLabel(self)
        self.plan_label.setWordWrap(True)  # at 200 % text the line wraps, not the window
        self.plan_label.setAccessibleDescription(self.tr("Plan"))
        self.message = QLabel(self)
        self.message.setStyleSheet(error_style())
        self.message.setWordWrap(True)
        self.message.setAccessibleDescription(self.tr("Message"))
        self._earlier: PlanDetails | None = None  #: the last plan, when none is open
        self.start_plan_button = QPushButton(self.tr("Start a &plan"), self)
        self.start_plan_button.setAccessibleName(self.tr("Start a plan"))
        self.start_plan_button.clicked.connect(self.start_plan)
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.setAccessibleName(self.tr("Undo (Ctrl+Z)"))
        self.redo_button = QPushButton(self.tr("Redo"), self)
        self.redo_button.setAccessibleName(self.tr("Redo (Ctrl+Shift+Z)"))
        self.undo_button.clicked.connect(self.undo)
        self.redo_button.clicked.connect(self.redo)
        editor.history_changed.connect(self._history_changed)
        self._history_changed()

        names = [
            self.tr("About me"),
            self.tr("Goals and steps"),
            self.tr("Team"),
            self.tr("Peer support"),
            self.tr("Meetings"),
            self.tr("Crisis plan"),
            self.tr("History"),
        ]
        self.section_names = names
        # A section is built the first time it is shown (or asked for), so opening a
        # person builds only the one on screen; ``pages`` holds the sections built so far.
        self._built: list[Section | None] = [None] * len(names)
        self._current = -1
        self.sections = Sections(len(names), self.section)
        self.pages = QStackedWidget(self)
        self.nav = SectionList(names, self)
        self.nav_model = self.nav.items
        self.nav.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_page(current.row())
        )

        install_keys(self, self, len(names))

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.name_label)
        titles.addWidget(self.plan_label)
        header.addLayout(titles, 1)
        header.addWidget(self.start_plan_button)
        header.addWidget(self.indicator)
        header.addWidget(self.undo_button)
        header.addWidget(self.redo_button)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.pages, 1)
        self.agreement = AgreementBanner(self)
        # what this account may do, said before anyone types (a peer reads and records)
        self.may_change = access.can(self.ctx, access.Action.EDIT_PLAN, self.person_id)
        is_peer = self.ctx.actor.role is Role.PEER_WORKER and not self.ctx.actor.system
        self.read_only_note = read_only.note(self, self.may_change, is_peer)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.agreement)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)
        self.message.hide()
        self.setTabOrder(self.nav, self.pages)

        editor.changes.changed.connect(self._changed)
        self._show_header()
        self._show_agreement()
        self.show_section(self.ABOUT_ME)
        saver.settle(self.ask, self.report)  # words kept while the screen was locked

    # --- the sections, each built when first needed -----------------------------------

    @property
    def about_me(self) -> AboutMeSection:
        return self._section(self.ABOUT_ME, AboutMeSection)

    @property
    def goals(self) -> GoalsSection:
        return self._section(self.GOALS, GoalsSection)

    @property
    def team(self) -> TeamSection:
        return self._section(self.TEAM, TeamSection)

    @property
    def peer(self) -> PeerSection:
        return self._section(self.PEER, PeerSection)

    @property
    def meetings(self) -> MeetingsSection:
        return self._section(self.MEETINGS, MeetingsSection)

    @property
    def crisis(self) -> CrisisSection:
        return self._section(self.CRISIS, CrisisSection)

    @property
    def history(self) -> HistorySection:
        return self._section(self.HISTORY, HistorySection)

    def section(self, number: int) -> Section:
        """Section ``number`` (``ABOUT_ME`` … ``HISTORY``), built and filled if it was not yet."""
        kind = _KINDS[number]
        return self._section(number, kind)

    def is_built(self, number: int) -> bool:
        return self._built[number] is not None

    def _section(self, number: int, kind: type[_S]) -> _S:
        section = self._built[number]
        if section is None:
            section = kind(self)
            section.setAccessibleName(self.section_names[number])
            shown = self.pages.currentWidget()
            self.pages.addWidget(section)
            if shown is not None:
                self.pages.setCurrentWidget(shown)
            self._built[number] = section
            self._fill(number, section, self.view)
            if not self.include_worker_notes:
                for note in section.findChildren(WorkerNoteEdit):
                    note.hide()
            if not self.may_change:
                section.make_read_only(self.read_only_note.text())
        assert isinstance(section, kind)
        return section

    def _show_page(self, number: int) -> None:
        if 0 <= number < len(self._built):
            self.pages.setCurrentWidget(self.section(number))
            self._current = number

    def _fill(self, number: int, section: Section, view: PlanView | None) -> None:
        if number == self.ABOUT_ME:
            assert isinstance(section, AboutMeSection)
            person = self.editor.person
            if person is not None:
                name = person.preferred_name or person.full_name
                section.show_person(
                    name, {key: getattr(person, key) for key in PERSON_FIELDS}, person.version
                )
        else:
            section.show_view(view)

    # --- the host of the sections ------------------------------------------------------

    @property
    def ctx(self) -> Context:
        return self.editor.ctx

    @property
    def person_id(self) -> uuid.UUID:
        return self.editor.person_id

    @property
    def view(self) -> PlanView | None:
        return self.editor.view

    def bind(self, field: WordsField) -> FieldBinding:
        binding = FieldBinding(self.editor.saver, field)
        self.bindings.append(binding)
        return binding

    def reload(self) -> None:
        """Read the person's whole plan again (e.g. after it was agreed) and show it."""
        self.editor.changes.announce(Kind.WHOLE_PLAN, {self.person_id})

    def _changed(self, kind: Kind, _ids: frozenset[uuid.UUID]) -> None:
        """A change was announced: show again only what shows that kind of record."""
        if kind in HEADER:
            self._show_header()
        self._show_agreement()  # any change may make an agreed plan "changed since"
        for number, section in enumerate(self._built):
            if section is not None and (kind is Kind.WHOLE_PLAN or kind in section.SHOWS):
                self._fill(number, section, self.view)

    def _show_header(self) -> None:
        person, view = self.editor.person, self.view
        if person is None:
            return
        self.name_label.setText(
            person.full_name
            if not person.preferred_name or person.preferred_name == person.full_name
            else self.tr("{name} (full name {full_name})").format(
                name=person.preferred_name, full_name=person.full_name
            )
        )
        self._earlier = None
        if view is None:
            self._earlier = plan_line.last_plan(self.ctx, self.person_id)
            self.plan_label.setText(plan_line.no_open_plan(self._earlier))
        else:
            plan = view.plan
            parts = [plan_status_label(plan.status), plan_line.period(plan)]
            if plan.next_review is not None:
                parts.append(self.tr("next review {date}").format(date=date_text(plan.next_review)))
            coordinator = view.coordinator
            if coordinator is not None:
                parts.append(self.tr("coordinator {name}").format(name=coordinator.name))
            self.plan_label.setText(self.tr("Plan: ") + " · ".join(parts))
        self.start_plan_button.setVisible(view is None and self.may_change)
        self.start_plan_button.setText(
            self.tr("Start a &plan") if self._earlier is None else self.tr("Start the next &plan…")
        )
        self.title_changed.emit(person.full_name)

    def _show_agreement(self) -> None:
        """Agreed, or changed since version N (one query: the plan against its version)."""
        view = self.view
        try:
            state = None if view is None else agreement_state(self.ctx, view.plan.id)
        except CaseplanError:
            state = None
        self.agreement.show_state(state)

    def _history_changed(self) -> None:
        show_history(self.undo_button, self.redo_button, self.editor.history)

    def ask(self, question: Question, answer: Callable[[Choice], None]) -> None:
        """Someone else's change is in the way of an undo, a redo or a change: ask."""

        def name_of(participant_id: uuid.UUID) -> str:
            view = self.view
            found = view.participant(participant_id) if view is not None else None
            return found.name if found is not None else "…"

        conflict.ask(self, question, answer, name_of)

    def report(self, sentence: str) -> None:
        self.message.setText(sentence)
        announce(self, sentence, assertive=True)
        self.message.setVisible(bool(sentence))

    def release(self) -> None:
        """The workspace leaves the screen: save what was typed (kept if it cannot be) and
        stop showing the editor's changes."""
        for binding in self.bindings:
            binding.release()
        self.bindings.clear()
        self.editor.changes.changed.disconnect(self._changed)
        self.editor.history_changed.disconnect(self._history_changed)
        for signal, slot in (
            (self.editor.saver.pending, self.indicator.pending),
            (self.editor.saver.saved, self.indicator.saved),
            (self.editor.saver.failed, self.indicator.failed),
        ):
            signal.disconnect(slot)
        if self.editor.screen is self:
            self.editor.screen = None

    # --- what a person does ------------------------------------------------------------

    def show_section(self, number: int, *, focus: bool = False) -> None:
        section = self.section(number)
        self.nav.setCurrentIndex(self.nav_model.index(number, 0))
        self._show_page(number)
        if focus:
            section.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def current_section(self) -> int:
        return self._current

    def undo(self) -> None:
        self.editor.undo()

    def redo(self) -> None:
        self.editor.redo()

    def flush(self) -> bool:
        """Save what was typed now; False if some words could not be stored (they stay)."""
        return self.editor.saver.flush()

    def start_plan(self) -> None:
        if self._earlier is not None:
            self.next_plan_requested.emit()  # which goals come along: the window asks
            return
        self.editor.start_plan()


_S = TypeVar("_S", bound=Section)

_KINDS: tuple[type[Section], ...] = (
    AboutMeSection,
    GoalsSection,
    TeamSection,
    PeerSection,
    MeetingsSection,
    CrisisSection,
    HistorySection,
)
