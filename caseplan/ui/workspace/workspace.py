"""One person's workspace: their plan in sections a person understands, saved as it is typed."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import TypeVar, overload

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont,
    QKeySequence,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
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
from caseplan.services.people.people import PersonDetails
from caseplan.services.plans import plans
from caseplan.services.plans.plan_view import PlanView, load_plan_view
from caseplan.ui.i18n import error_text
from caseplan.ui.widgets.agreement_banner import AgreementBanner
from caseplan.ui.widgets.announce import announce
from caseplan.ui.widgets.dates import date_text
from caseplan.ui.widgets.save_indicator import SaveIndicator
from caseplan.ui.widgets.theme import colours, error_style
from caseplan.ui.widgets.whose_words import WorkerNoteEdit
from caseplan.ui.workspace.about_me import AboutMeSection
from caseplan.ui.workspace.autosave import SaveCoordinator
from caseplan.ui.workspace.crisis import CrisisSection
from caseplan.ui.workspace.goals import GoalsSection
from caseplan.ui.workspace.history import HistorySection
from caseplan.ui.workspace.labels import plan_status_label
from caseplan.ui.workspace.meetings import MeetingsSection
from caseplan.ui.workspace.peer import PeerSection
from caseplan.ui.workspace.section import Section
from caseplan.ui.workspace.team import TeamSection
from caseplan.ui.workspace.undo import IdAliases, ServiceCommand


class PersonWorkspace(QWidget):
    """Handed a context and a person's id; reads and writes only through the services."""

    title_changed = Signal(str)

    ABOUT_ME, GOALS, TEAM, PEER, MEETINGS, CRISIS, HISTORY = range(7)

    def __init__(self, ctx: Context, person_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.view: PlanView | None = None
        self._person: PersonDetails | None = None
        self.include_worker_notes = ctx.actor.role != Role.PEER_WORKER
        self.aliases = IdAliases()
        self.undo_stack = QUndoStack(self)
        self.indicator = SaveIndicator(self)
        self.coordinator = SaveCoordinator(self.undo_stack, self.indicator, self)
        self._reload_soon = QTimer(self)
        self._reload_soon.setSingleShot(True)
        self._reload_soon.setInterval(0)
        self._reload_soon.timeout.connect(self.reload)
        self.coordinator.stored.connect(lambda _key: self._reload_soon.start())

        self.name_label = QLabel(self)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setAccessibleDescription(self.tr("Person"))
        self.plan_label = QLabel(self)
        self.plan_label.setAccessibleDescription(self.tr("Plan"))
        self.message = QLabel(self)
        self.message.setStyleSheet(error_style())
        self.message.setWordWrap(True)
        self.message.setAccessibleDescription(self.tr("Message"))
        self.start_plan_button = QPushButton(self.tr("Start a &plan"), self)
        self.start_plan_button.setAccessibleName(self.tr("Start a plan"))
        self.start_plan_button.clicked.connect(self.start_plan)
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.setAccessibleName(self.tr("Undo (Ctrl+Z)"))
        self.redo_button = QPushButton(self.tr("Redo"), self)
        self.redo_button.setAccessibleName(self.tr("Redo (Ctrl+Shift+Z)"))
        self.undo_button.clicked.connect(self.undo)
        self.redo_button.clicked.connect(self.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)

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
        self.sections = _Sections(self)
        self.pages = QStackedWidget(self)
        self.nav_model = QStandardItemModel(self)
        for number, name in enumerate(names, start=1):
            item = QStandardItem(name)
            item.setToolTip(
                self.tr("{section} (Ctrl+{number})").format(section=name, number=number)
            )
            item.setEditable(False)
            self.nav_model.appendRow(item)
        self.nav = QListView(self)
        self.nav.setModel(self.nav_model)
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.setAccessibleDescription(self.tr("Ctrl+1 to Ctrl+7 open a section."))
        self.nav.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.nav.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.nav.setSpacing(2)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widest = max(self.fontMetrics().horizontalAdvance(name) for name in names)
        self.nav.setFixedWidth(widest + self.fontMetrics().averageCharWidth() * 8)
        theme = colours()
        self.nav.setStyleSheet(
            f"QListView {{ background: {theme.nav_back}; color: {theme.nav_text};"
            " border: none; padding: 6px; }"
            "QListView::item { padding: 8px 6px; border-radius: 4px; }"
            f"QListView::item:selected {{ background: {theme.nav_chosen_back};"
            f" color: {theme.nav_chosen_text}; }}"
        )
        self.nav.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_page(current.row())
        )

        for number in range(len(names)):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number + 1}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=number: self.show_section(n, focus=True))
        for keys, slot in (
            ("Ctrl+Z", self.undo),
            ("Ctrl+Shift+Z", self.redo),
            ("Ctrl+Y", self.redo),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

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
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.agreement)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)
        self.message.hide()
        self.setTabOrder(self.nav, self.pages)

        self._opened = False
        self.reload()
        self.show_section(self.ABOUT_ME)

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
            if self._opened:
                self._fill(number, section, self.view)
            if not self.include_worker_notes:
                for note in section.findChildren(WorkerNoteEdit):
                    note.hide()
        assert isinstance(section, kind)
        return section

    def _show_page(self, number: int) -> None:
        if 0 <= number < len(self._built):
            self.pages.setCurrentWidget(self.section(number))
            self._current = number

    def _fill(self, number: int, section: Section, view: PlanView | None) -> None:
        if number == self.ABOUT_ME:
            assert isinstance(section, AboutMeSection)
            person = self._person
            if person is not None:
                name = person.preferred_name or person.full_name
                section.show_person(
                    name, {key: getattr(person, key) for key in PERSON_FIELDS}, person.version
                )
        else:
            section.show_view(view)

    # --- the host of the sections ------------------------------------------------------

    def reload(self) -> None:
        """Read the person's plan again and show it everywhere (typing in progress is kept)."""
        self._reload_soon.stop()
        try:
            # Opening the person is audited once; reloads after our own saves are not.
            view = load_plan_view(
                self.ctx,
                self.person_id,
                include_worker_notes=self.include_worker_notes,
                record_open=not self._opened,
            )
            person = view.person if view is not None else None
            if person is None:
                from caseplan.services.people.people import get_person

                person = get_person(self.ctx, self.person_id)
        except CaseplanError as error:
            self.report(error_text(error))
            return
        self.view = view
        self._opened = True
        self.name_label.setText(
            person.full_name
            if not person.preferred_name or person.preferred_name == person.full_name
            else self.tr("{name} (full name {full_name})").format(
                name=person.preferred_name, full_name=person.full_name
            )
        )
        self._person = person
        if view is None:
            self.plan_label.setText(self.tr("No plan yet."))
        else:
            plan = view.plan
            parts = [plan_status_label(plan.status)]
            if plan.next_review is not None:
                parts.append(self.tr("next review {date}").format(date=date_text(plan.next_review)))
            coordinator = view.coordinator
            if coordinator is not None:
                parts.append(self.tr("coordinator {name}").format(name=coordinator.name))
            self.plan_label.setText(self.tr("Plan: ") + " · ".join(parts))
        self.start_plan_button.setVisible(view is None)
        try:
            state = None if view is None else agreement_state(self.ctx, view.plan.id)
        except CaseplanError:
            state = None
        self.agreement.show_state(state)
        for number, section in enumerate(self._built):
            if section is not None:
                self._fill(number, section, view)
        self.title_changed.emit(person.full_name)

    def perform(self, text: str, do: Callable[[], object], undo: Callable[[], object]) -> bool:
        try:
            do()
        except CaseplanError as error:
            self.report(error_text(error))
            self.reload()
            return False
        self.message.hide()
        self.undo_stack.push(ServiceCommand(text, do, undo, self.reload, self.report))
        self.indicator.saved()
        self.reload()
        return True

    def report(self, sentence: str) -> None:
        self.message.setText(sentence)
        announce(self, sentence, assertive=True)
        self.message.setVisible(bool(sentence))

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
        self.coordinator.flush()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.coordinator.flush()
        self.undo_stack.redo()

    def flush(self) -> None:
        """Save what was typed now (e.g. before the window closes or another person opens)."""
        self.coordinator.flush()

    def start_plan(self) -> None:
        ctx, person_id = self.ctx, self.person_id
        made: list[uuid.UUID] = []

        def do() -> None:
            made.append(plans.open_plan(ctx, person_id).id)

        def undo() -> None:
            plan = plans.get_plan(ctx, made[-1])
            plans.close_plan(ctx, plan.id, plan.version)

        self.perform(self.tr("Start a plan"), do, undo)


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


class _Sections(Sequence[Section]):
    """The workspace's sections in order; one is built when it is first taken from here."""

    def __init__(self, workspace: PersonWorkspace) -> None:
        self._workspace = workspace

    def __len__(self) -> int:
        return len(_KINDS)

    @overload
    def __getitem__(self, index: int) -> Section: ...

    @overload
    def __getitem__(self, index: slice) -> list[Section]: ...

    def __getitem__(self, index: int | slice) -> Section | list[Section]:
        if isinstance(index, slice):
            return [self._workspace.section(n) for n in range(len(_KINDS))[index]]
        if not -len(_KINDS) <= index < len(_KINDS):
            raise IndexError(index)
        return self._workspace.section(index % len(_KINDS))
