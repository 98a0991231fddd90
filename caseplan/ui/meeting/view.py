"""Meeting mode: only this person's plan, in large friendly type, their own words first.

Nothing of any other person, no caseload, no worker's notes (they are taken out of the
plan before it is laid out) and no audit trail. The person's own words stay editable and
are saved through the person's plan editor (the same field saver and undo history as the
workspace), so whatever is typed here is stored, undoable and visible in the workspace as
in the printed plan. When a change is announced, the page takes the plan as the editor
holds it: the words in place if the layout is the same, laid out again if not.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
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
from caseplan.services.agreement.changes import agreement_state
from caseplan.services.plans.plan_view import PlanView
from caseplan.services.shared import without_worker_notes
from caseplan.ui.controllers.field_saver import Choice, Question
from caseplan.ui.controllers.first_plan import FirstPlanGuide, is_agreed
from caseplan.ui.controllers.plan_editor import EditorView, PlanEditor
from caseplan.ui.controllers.records import Kind
from caseplan.ui.meeting.consent import consent_row
from caseplan.ui.meeting.editing import MeetingEditing
from caseplan.ui.meeting.guide import GuideBar
from caseplan.ui.meeting.keys import MeetingKeys
from caseplan.ui.meeting.page import (
    SHOWS,
    Banner,
    ConsentLine,
    Item,
    Line,
    StepLine,
    Words,
    page_items,
    shape,
)
from caseplan.ui.widgets.agreement_banner import AgreementBanner
from caseplan.ui.widgets.announce import announce
from caseplan.ui.widgets.theme import colours, error_style
from caseplan.ui.widgets.whose_words import OwnWordsEdit
from caseplan.ui.workspace import conflict
from caseplan.ui.workspace.autosave import FieldBinding

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
        "QLabel[role='consent'] { font-weight: bold; }"
    )


class MeetingView(MeetingKeys):
    """The one person's plan for the shared screen; ``leave_requested`` and ``agree_requested``
    are for the window that hosts it (Escape or F11 leaves)."""

    leave_requested = Signal()
    zoom_changed = Signal(float)

    def __init__(
        self, editor: PlanEditor, zoom: float = 1.0, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("meeting_page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(page_style())
        self.setAccessibleName(self.tr("Meeting mode"))
        self.editor = editor
        self.person_id = editor.person_id
        self.person_name = ""
        self.zoom = _nearest(zoom)
        self._layout: tuple[object, ...] = ()
        self.agreement: AgreementBanner | None = None
        self.view: PlanView | None = None
        self.bindings: list[FieldBinding] = []
        self.fields: dict[str, OwnWordsEdit] = {}
        #: what takes the keyboard on the page, by key ("about_me.…", "goal.<id>", "step.<id>")
        self.focusables: dict[str, QWidget] = {}
        self._base_point_size = self.font().pointSizeF()
        self.guide = FirstPlanGuide()
        self.editing = MeetingEditing(
            editor, self, self.dialog_font, self.focus_key, lambda: self.person_name
        )

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

        self.guide_bar = GuideBar(self)
        self.guide_bar.next_button.clicked.connect(self.do_next)
        self.message = QLabel(self)
        self.message.setStyleSheet(error_style())
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleDescription(self.tr("Message"))
        self.message.hide()

        bar = QHBoxLayout()
        bar.addWidget(self.leave_button)
        bar.addStretch(1)
        bar.addWidget(self.smaller_button)
        bar.addWidget(self.larger_button)
        bar.addWidget(self.agree_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(bar)
        layout.addWidget(self.guide_bar)
        layout.addWidget(self.message)
        layout.addWidget(self.scroller, 1)

        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, lambda: self.step_zoom(1)),
            ("Ctrl+=", lambda: self.step_zoom(1)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.step_zoom(-1)),
            ("Ctrl+0", lambda: self.set_zoom(1.0)),
            ("Escape", self.leave_requested.emit),
            ("Ctrl+G", self.add_goal),
            ("Ctrl+T", self.add_step),
            ("Ctrl+M", self.add_member),
            ("Alt+Up", lambda: self.move_current(-1)),
            ("Alt+Down", lambda: self.move_current(1)),
            ("Ctrl+Z", self.undo),
            ("Ctrl+Shift+Z", self.redo),
            ("Ctrl+Y", self.redo),
            ("Ctrl+Return", self.do_next),
            ("Ctrl+Enter", self.do_next),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        self._screen_before: EditorView | None = editor.screen
        editor.screen = self  # refusals and someone else's change are shown here
        self.rebuild()
        self.guide.start(self.view, self._agreed())
        self._show_guide()
        self.apply_zoom()
        editor.changes.changed.connect(self._changed)

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
            self.guide_bar.next_button,
            self.guide_bar.stages,
            self.message,
        ):
            button.setFont(bar_font)
        for field in self.fields.values():
            self._fit(field)
        side = max(16, int(font.pointSizeF() * 1.2))
        accent = colours().heading
        for box in self.body.findChildren(QCheckBox):  # a box as large as the step's words
            box.setStyleSheet(
                f"QCheckBox::indicator {{ width: {side}px; height: {side}px; }}"
                f"QCheckBox:focus {{ border: 2px solid {accent}; border-radius: 3px; }}"
            )
        self.smaller_button.setEnabled(self.zoom > ZOOM_STEPS[0])
        self.larger_button.setEnabled(self.zoom < ZOOM_STEPS[-1])

    def dialog_font(self) -> QFont:
        """The type of the bar and of the dialogs opened here (large, yet fits the screen)."""
        font = QFont(self.font())
        font.setPointSizeF(self._base_point_size * min(BASE_SCALE * self.zoom, 2.0))
        return font

    # --- content ------------------------------------------------------------------------

    def release(self) -> None:
        """Save what was typed here (kept if it cannot be) and stop following changes."""
        self._unbind()
        self.editor.changes.changed.disconnect(self._changed)
        if self.editor.screen is self:
            self.editor.screen = self._screen_before

    def _unbind(self) -> None:
        for binding in self.bindings:
            binding.release()
        self.bindings.clear()

    def _changed(self, kind: Kind, _ids: frozenset[uuid.UUID]) -> None:
        """Show a change: the words in place if the page looks the same, else lay it out."""
        if kind not in SHOWS:
            return
        items = self._items()
        if tuple(shape(item) for item in items) != self._layout:
            self.rebuild()
        else:
            words = [item for item in items if isinstance(item, Words)]
            for binding, item in zip(self.bindings, words, strict=True):
                binding.set_target(item.field, item.value, item.version)
            self._show_agreement()
        self.guide.update(self.view, self._agreed())
        self._show_guide()

    def rebuild(self) -> None:
        """Lay the plan out again, as the editor holds it (without worker's notes); the
        keyboard stays on what it was on."""
        had_focus = self.focused_key()
        scrolled = self.scroller.verticalScrollBar().value()
        self._unbind()
        self.fields.clear()
        self.focusables.clear()
        while self.column.count():
            entry = self.column.takeAt(0)
            widget = entry.widget() if entry is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        items = self._items()
        self._layout = tuple(shape(item) for item in items)
        self.agreement = None
        for item in items:
            if isinstance(item, Line):
                if item.space:
                    self.column.addSpacing(10)
                self.column.addWidget(self._label(item.text, scale=item.scale, role=item.role))
            elif isinstance(item, Banner):
                self.agreement = AgreementBanner(self.body)
                self.column.addWidget(self.agreement)
                self._show_agreement()
            elif isinstance(item, StepLine):
                self.column.addWidget(self._step(item))
            elif isinstance(item, ConsentLine):
                row, self.focusables[item.key] = consent_row(item, self.body, self.editing)
                self.column.addWidget(row)
            else:
                field = self._field(item.key, item.title, self.person_name)
                self.bindings[-1].set_target(item.field, item.value, item.version)
                self.column.addWidget(field)
        self.column.addStretch(1)
        self.apply_zoom()
        if self.body.isVisible():  # at once, not after the next event (the keyboard goes there)
            for index in range(self.column.count()):
                entry = self.column.itemAt(index)
                shown = entry.widget() if entry is not None else None
                if shown is not None:
                    shown.show()
        self.body.adjustSize()
        self.scroller.verticalScrollBar().setValue(scrolled)  # the page stays where it was
        if had_focus is not None:
            self.focus_key(had_focus)

    def _show_agreement(self) -> None:
        """Agreed, or changed since version N, as in the workspace."""
        if self.agreement is None or self.view is None:
            return
        try:
            self.agreement.show_state(agreement_state(self.editor.ctx, self.view.plan.id))
        except CaseplanError:
            self.agreement.hide()

    def _agreed(self) -> bool:
        if self.view is None:
            return False
        try:
            return is_agreed(agreement_state(self.editor.ctx, self.view.plan.id))
        except CaseplanError:
            return False

    def _items(self) -> list[Item]:
        """What the page shows, from the plan as the editor holds it (no worker's notes)."""
        view = self.editor.view
        self.view = None if view is None else without_worker_notes(view)
        items, self.person_name = page_items(self.view, self.editor.ctx.today())
        return items

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

    def _field(self, key: str, title: str, name: str) -> OwnWordsEdit:
        field = OwnWordsEdit(title, name, self.body)
        field.set_whose(self.tr("in {name}'s own words").format(name=name))
        field.editor.setLineWrapMode(field.editor.LineWrapMode.WidgetWidth)
        field.editor.setPlaceholderText(self.tr("Nothing written yet. You can write it together."))
        field.editor.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = field.editor.document().documentLayout()
        layout.documentSizeChanged.connect(lambda _size, f=field: self._fit(f))
        self.bindings.append(FieldBinding(self.editor.saver, field))
        self.fields[key] = field
        self.focusables[key] = field.editor
        return field

    def _step(self, item: StepLine) -> QWidget:
        """A step: ticked when done (Space), its words beside the box, wrapped."""
        row = QWidget(self.body)
        box = QCheckBox(row)
        box.setChecked(item.done)
        box.setAccessibleName(item.text)
        box.setAccessibleDescription(
            self.tr("Step, done") if item.done else self.tr("Step, not done yet")
        )
        box.clicked.connect(lambda checked, i=item.step_id: self.editing.set_done(i, checked))
        label = self._label(item.text, role="step")
        label.setBuddy(box)
        line = QHBoxLayout(row)
        line.setContentsMargins(24, 0, 0, 0)
        line.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        line.addWidget(label, 1)
        box.setProperty("step", (item.step_id, item.goal_id))
        self.focusables[item.key] = box
        return row

    def _fit(self, field: OwnWordsEdit) -> None:
        """As tall as its words (at least two lines): no empty boxes, no scrolling inside."""
        editor = field.editor
        lines = int(editor.document().documentLayout().documentSize().height())
        field.set_lines(max(2, lines + 1))

    def first_field(self) -> OwnWordsEdit | None:
        return next(iter(self.fields.values()), None)

    # --- the editor's screen ------------------------------------------------------------

    def report(self, sentence: str) -> None:
        self.message.setText(sentence)
        self.message.setVisible(bool(sentence))
        announce(self, sentence, assertive=True)

    def ask(self, question: Question, answer: Callable[[Choice], None]) -> None:
        """Someone else changed what is being saved: both versions, only this plan's names."""

        def name_of(participant_id: uuid.UUID) -> str:
            found = self.view.participant(participant_id) if self.view is not None else None
            return found.name if found is not None else "…"

        conflict.ask(self, question, answer, name_of)


def _nearest(zoom: float) -> float:
    return min(ZOOM_STEPS, key=lambda step: abs(step - zoom))
