"""Meeting mode: only this person's plan, in large friendly type, their own words first.

Nothing of any other person, no caseload, no worker's notes (the plan is read without
them) and no audit trail. The person's own words stay editable and are saved through the
workspace's own autosave (the same :class:`SaveCoordinator`), so whatever is typed here is
stored, undoable and visible in the workspace as in the printed plan.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from caseplan.errors import CaseplanError
from caseplan.models import GoalStatus, ParticipantRole, StepStatus
from caseplan.services.agreement.changes import agreement_state
from caseplan.services.context import Context
from caseplan.services.people.people import EDITABLE as PERSON_FIELDS
from caseplan.services.plans.goals import StepDetails
from caseplan.services.plans.plan_view import PlanView, load_plan_view
from caseplan.ui.i18n import error_text
from caseplan.ui.widgets.agreement_banner import AgreementBanner
from caseplan.ui.widgets.dates import date_text
from caseplan.ui.widgets.theme import colours
from caseplan.ui.widgets.whose_words import OwnWordsEdit
from caseplan.ui.workspace.autosave import FieldBinding, SaveCoordinator
from caseplan.ui.workspace.fields import crisis_field, goal_field, person_field
from caseplan.ui.workspace.labels import domain_label, goal_status_label, role_label
from caseplan.ui.workspace.undo import IdAliases

ZOOM_STEPS = (1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
#: Type size in meeting mode at zoom 1.0, relative to the application's normal size.
BASE_SCALE = 1.5


def page_style() -> str:
    """The page's own colours, with the text colour that goes on them (any desktop theme)."""
    theme = colours()
    return (
        f"QWidget#meeting_page {{ background: {theme.page}; color: {theme.text}; }}"
        f"QWidget#meeting_page QLabel {{ color: {theme.text}; }}"
        f"QLabel[role='heading'] {{ color: {theme.heading}; }}"
        f"QLabel[role='quiet'] {{ color: {theme.quiet}; }}"
    )


class MeetingView(QWidget):
    """The one person's plan for the shared screen; ``leave_requested`` and ``agree_requested``
    are for the window that hosts it (Escape or F11 leaves)."""

    leave_requested = Signal()
    agree_requested = Signal()
    zoom_changed = Signal(float)

    def __init__(
        self,
        ctx: Context,
        person_id: uuid.UUID,
        coordinator: SaveCoordinator,
        aliases: IdAliases,
        zoom: float = 1.0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("meeting_page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(page_style())
        self.setAccessibleName(self.tr("Meeting mode"))
        self.ctx = ctx
        self.person_id = person_id
        self.coordinator = coordinator
        self.aliases = aliases
        self.zoom = _nearest(zoom)
        self.view: PlanView | None = None
        self.bindings: list[FieldBinding] = []
        self.fields: dict[str, OwnWordsEdit] = {}
        self._base_point_size = self.font().pointSizeF()

        self.leave_button = QPushButton(self.tr("Leave meeting mode (Esc)"), self)
        self.leave_button.setAccessibleDescription(self.tr("Leave meeting mode"))
        self.leave_button.clicked.connect(self.leave_requested)
        self.smaller_button = QPushButton(self.tr("Smaller text"), self)
        self.smaller_button.setAccessibleName(self.tr("Smaller text (Ctrl+minus)"))
        self.smaller_button.clicked.connect(lambda: self.step_zoom(-1))
        self.larger_button = QPushButton(self.tr("Larger text"), self)
        self.larger_button.setAccessibleName(self.tr("Larger text (Ctrl+plus)"))
        self.larger_button.clicked.connect(lambda: self.step_zoom(1))
        self.agree_button = QPushButton(self.tr("Read it back and agree…"), self)
        self.agree_button.setAccessibleDescription(self.tr("Read the plan back and agree it"))
        self.agree_button.clicked.connect(self.agree_requested)
        for button in (self.leave_button, self.smaller_button, self.larger_button):
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.body = QWidget(self)
        self.body.setObjectName("meeting_page")
        self.column = QVBoxLayout(self.body)
        self.column.setContentsMargins(32, 16, 32, 32)
        self.column.setSpacing(14)
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(self.body)
        self.scroller.setAccessibleName(self.tr("The plan"))

        bar = QHBoxLayout()
        bar.addWidget(self.leave_button)
        bar.addStretch(1)
        bar.addWidget(self.smaller_button)
        bar.addWidget(self.larger_button)
        bar.addWidget(self.agree_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(bar)
        layout.addWidget(self.scroller, 1)

        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, lambda: self.step_zoom(1)),
            ("Ctrl+=", lambda: self.step_zoom(1)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.step_zoom(-1)),
            ("Ctrl+0", lambda: self.set_zoom(1.0)),
            ("Escape", self.leave_requested.emit),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        self.rebuild()
        self.apply_zoom()

    # --- zoom ---------------------------------------------------------------------------

    def step_zoom(self, direction: int) -> None:
        index = ZOOM_STEPS.index(self.zoom) + direction
        self.set_zoom(ZOOM_STEPS[max(0, min(len(ZOOM_STEPS) - 1, index))])

    def set_zoom(self, zoom: float) -> None:
        zoom = _nearest(zoom)
        if zoom == self.zoom:
            return
        self.zoom = zoom
        self.apply_zoom()
        self.zoom_changed.emit(zoom)

    def apply_zoom(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(self._base_point_size * BASE_SCALE * self.zoom)
        self.body.setFont(font)
        # Fields with a style sheet do not take their parent's font, so each is set.
        for widget in self.body.findChildren(QWidget):
            scale = widget.property("scale")
            if isinstance(scale, float):
                bigger = QFont(font)
                bigger.setPointSizeF(font.pointSizeF() * scale)
                bigger.setBold(True)
                widget.setFont(bigger)
            else:
                widget.setFont(font)
        bar_font = QFont(self.font())
        bar_font.setPointSizeF(self._base_point_size * min(1.25 * self.zoom, 2.0))
        for button in (
            self.leave_button,
            self.smaller_button,
            self.larger_button,
            self.agree_button,
        ):
            button.setFont(bar_font)
        for field in self.fields.values():
            self._fit(field)
        self.smaller_button.setEnabled(self.zoom > ZOOM_STEPS[0])
        self.larger_button.setEnabled(self.zoom < ZOOM_STEPS[-1])

    # --- content ------------------------------------------------------------------------

    def release(self) -> None:
        """Save what was typed here and unhook the fields from the workspace's autosave."""
        for binding in self.bindings:
            binding.save_now()
            if binding in self.coordinator.bindings:
                self.coordinator.bindings.remove(binding)
        self.bindings.clear()

    def rebuild(self) -> None:
        """Read the plan again (without worker's notes) and lay it out."""
        self.release()
        self.fields.clear()
        while self.column.count():
            item = self.column.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        try:
            view = load_plan_view(
                self.ctx, self.person_id, include_worker_notes=False, record_open=False
            )
        except CaseplanError as error:
            self.column.addWidget(self._label(error_text(error)))
            return
        self.view = view
        if view is None:
            self.column.addWidget(self._label(self.tr("There is no plan yet.")))
            return
        person = view.person
        name = person.preferred_name or person.full_name.split(" ")[0]
        self.person_name = name
        self.column.addWidget(
            self._label(self.tr("{name}'s plan").format(name=name), scale=1.6, role="heading")
        )
        if view.plan.next_review is not None:
            self.column.addWidget(
                self._label(
                    self.tr("We look at the plan again together on {date}.").format(
                        date=date_text(view.plan.next_review)
                    ),
                    role="quiet",
                )
            )
        banner = AgreementBanner(self.body)
        try:
            banner.show_state(agreement_state(self.ctx, view.plan.id))
        except CaseplanError:
            banner.hide()
        self.column.addWidget(banner)
        self._about_me(view, name)
        self._goals(view)
        self._team(view)
        self._crisis(view, name)
        self.column.addStretch(1)
        self.apply_zoom()

    def _label(self, text: str, *, scale: float | None = None, role: str = "") -> QLabel:
        label = QLabel(text, self.body)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        if scale is not None:
            label.setProperty("scale", scale)
        if role:
            label.setProperty("role", role)
        label.setAccessibleDescription(text)
        return label

    def _heading(self, text: str) -> None:
        self.column.addSpacing(10)
        self.column.addWidget(self._label(text, scale=1.3, role="heading"))

    def _field(self, key: str, title: str, name: str) -> OwnWordsEdit:
        field = OwnWordsEdit(title, name, self.body)
        field.set_whose(self.tr("in {name}'s own words").format(name=name))
        field.editor.setLineWrapMode(field.editor.LineWrapMode.WidgetWidth)
        field.editor.setPlaceholderText(self.tr("Nothing written yet. You can write it together."))
        field.editor.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = field.editor.document().documentLayout()
        layout.documentSizeChanged.connect(lambda _size, f=field: self._fit(f))
        binding = self.coordinator.bind(field)
        self.bindings.append(binding)
        self.fields[key] = field
        return field

    def _about_me(self, view: PlanView, name: str) -> None:
        titles = {
            "what_matters": self.tr("What matters to me"),
            "strengths": self.tr("What I am good at"),
            "what_helps": self.tr("What helps me"),
            "what_does_not_help": self.tr("What does not help me"),
            "how_i_want_to_be_met": self.tr("How I want to be met"),
        }
        self._heading(self.tr("About me"))
        person = view.person
        for key in PERSON_FIELDS:
            if key not in titles:
                continue
            field = self._field(f"about_me.{key}", titles[key], name)
            target = person_field(self.ctx, self.person_id, key, titles[key])
            self.bindings[-1].set_target(target, str(getattr(person, key)), person.version)
            self.column.addWidget(field)

    def _goals(self, view: PlanView) -> None:
        self._heading(self.tr("My goals"))
        shown = [g for g in view.goals if g.status != GoalStatus.CLOSED]
        if not shown:
            self.column.addWidget(self._label(self.tr("No goals written down yet.")))
        for number, goal in enumerate(shown, start=1):
            title = self.tr("Goal {number} · {domain}").format(
                number=number, domain=domain_label(goal.domain)
            )
            if goal.status != GoalStatus.ACTIVE:
                title += " · " + goal_status_label(goal.status)
            field = self._field(f"goal.{goal.id}", title, self.person_name)
            target = goal_field(self.ctx, self.aliases, goal.id, "own_words", title)
            self.bindings[-1].set_target(target, goal.own_words, goal.version)
            self.column.addWidget(field)
            steps = [s for s in goal.steps if s.status != StepStatus.DROPPED]
            if not steps:
                self.column.addWidget(self._label(self.tr("No steps yet."), role="quiet"))
            for step in steps:
                self.column.addWidget(self._label(self._step_text(view, step), role="step"))

    def _step_text(self, view: PlanView, step: StepDetails) -> str:
        who = view.participant(step.responsible_id)
        due = step.due
        done = step.status == StepStatus.DONE
        parts = [("✓ " if done else "• ") + step.action]
        if who is not None and who.role == ParticipantRole.PERSON:
            parts.append(self.tr("who: me"))
        elif who is not None:
            parts.append(self.tr("who: {name}").format(name=who.name))
        if due is not None:
            parts.append(self.tr("by {date}").format(date=date_text(due)))
        return "    " + " — ".join(parts)

    def _team(self, view: PlanView) -> None:
        self._heading(self.tr("My team"))
        for participant in view.participants:
            role = role_label(participant.role)
            if participant.id == view.plan.coordinator_id:
                role = self.tr("my coordinator")
            elif participant.role == ParticipantRole.PEER:
                role = self.tr("my peer supporter")
            elif participant.role == ParticipantRole.PERSON:
                role = self.tr("me")
            details = [participant.name, role]
            if participant.organisation:
                details.append(participant.organisation)
            if participant.phone:
                details.append(self.tr("phone {number}").format(number=participant.phone))
            self.column.addWidget(self._label(" · ".join(details)))

    def _crisis(self, view: PlanView, name: str) -> None:
        self._heading(self.tr("If things get hard"))
        titles = {
            "warning_signs": self.tr("Signs that things are getting hard"),
            "what_i_do": self.tr("What I do then"),
            "what_others_do": self.tr("What others can do"),
            "what_does_not_help": self.tr("What does not help then"),
        }
        crisis = view.crisis_plan
        for key, title in titles.items():
            field = self._field(f"crisis.{key}", title, name)
            target = crisis_field(self.ctx, view.plan.id, key, title)
            value = "" if crisis is None else str(getattr(crisis, key))
            self.bindings[-1].set_target(target, value, None if crisis is None else crisis.version)
            self.column.addWidget(field)
        if crisis is not None and crisis.contacts:
            self.column.addWidget(self._label(self.tr("Who to call"), role="heading"))
            for contact in crisis.contacts:
                parts = [contact.name] + [p for p in (contact.role, contact.phone) if p]
                self.column.addWidget(self._label("    " + " · ".join(parts)))

    def _fit(self, field: OwnWordsEdit) -> None:
        """As tall as its words (at least two lines): no empty boxes, no scrolling inside."""
        editor = field.editor
        lines = int(editor.document().documentLayout().documentSize().height())
        field.set_lines(max(2, lines + 1))

    def first_field(self) -> OwnWordsEdit | None:
        return next(iter(self.fields.values()), None)


def _nearest(zoom: float) -> float:
    return min(ZOOM_STEPS, key=lambda step: abs(step - zoom))
