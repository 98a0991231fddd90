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
from caseplan.services.agreement.changes import agreement_state
from caseplan.services.plans.plan_view import PlanView
from caseplan.services.shared import without_worker_notes
from caseplan.ui.controllers.plan_editor import PlanEditor
from caseplan.ui.controllers.records import Kind
from caseplan.ui.meeting.page import SHOWS, Banner, Line, Words, page_items, shape
from caseplan.ui.widgets.agreement_banner import AgreementBanner
from caseplan.ui.widgets.theme import colours
from caseplan.ui.widgets.whose_words import OwnWordsEdit
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
    )


class MeetingView(QWidget):
    """The one person's plan for the shared screen; ``leave_requested`` and ``agree_requested``
    are for the window that hosts it (Escape or F11 leaves)."""

    leave_requested = Signal()
    agree_requested = Signal()
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
        ):
            button.setFont(bar_font)
        for field in self.fields.values():
            self._fit(field)
        self.smaller_button.setEnabled(self.zoom > ZOOM_STEPS[0])
        self.larger_button.setEnabled(self.zoom < ZOOM_STEPS[-1])

    # --- content ------------------------------------------------------------------------

    def release(self) -> None:
        """Save what was typed here (kept if it cannot be) and stop following changes."""
        self._unbind()
        self.editor.changes.changed.disconnect(self._changed)

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
            return
        words = [item for item in items if isinstance(item, Words)]
        for binding, item in zip(self.bindings, words, strict=True):
            binding.set_target(item.field, item.value, item.version)
        self._show_agreement()

    def rebuild(self) -> None:
        """Lay the plan out again, as the editor holds it (without worker's notes)."""
        self._unbind()
        self.fields.clear()
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
            else:
                field = self._field(item.key, item.title, self.person_name)
                self.bindings[-1].set_target(item.field, item.value, item.version)
                self.column.addWidget(field)
        self.column.addStretch(1)
        self.apply_zoom()

    def _show_agreement(self) -> None:
        """Agreed, or changed since version N, as in the workspace."""
        if self.agreement is None or self.view is None:
            return
        try:
            self.agreement.show_state(agreement_state(self.editor.ctx, self.view.plan.id))
        except CaseplanError:
            self.agreement.hide()

    def _items(self) -> list[Line | Words | Banner]:
        """What the page shows, from the plan as the editor holds it (no worker's notes)."""
        view = self.editor.view
        self.view = None if view is None else without_worker_notes(view)
        items, self.person_name = page_items(self.view)
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
        return field

    def _fit(self, field: OwnWordsEdit) -> None:
        """As tall as its words (at least two lines): no empty boxes, no scrolling inside."""
        editor = field.editor
        lines = int(editor.document().documentLayout().documentSize().height())
        field.set_lines(max(2, lines + 1))

    def first_field(self) -> OwnWordsEdit | None:
        return next(iter(self.fields.values()), None)


def _nearest(zoom: float) -> float:
    return min(ZOOM_STEPS, key=lambda step: abs(step - zoom))
