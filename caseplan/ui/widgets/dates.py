"""Dates as a person reads them, and a field to type one in (or pick it from a calendar).

A :class:`DateField` is a line to type in: ``14.03.2027``, ``14 mar``, ``+14`` (in 14 days)
and the other forms :func:`~caseplan.ui.widgets.typed_dates.parse_date` reads. On Enter or
on leaving it the typed text becomes exactly that date, written back as every screen
writes dates, or it is refused with a sentence under the field and the text stays as typed
(nothing is stored). No tick box, no sections to step through: empty means "no date" where
a date is optional.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from caseplan.ui.i18n import date_format, date_text
from caseplan.ui.widgets.announce import announce
from caseplan.ui.widgets.theme import error_style
from caseplan.ui.widgets.typed_dates import DateRefused, Direction, parse_date

__all__ = [
    "DateField",
    "Direction",
    "OptionalDateEdit",
    "RequiredDateEdit",
    "date_edit",
    "date_text",
    "dates_ok",
]


def date_edit(edit: QDateEdit) -> QDateEdit:
    """Make a date editor write dates as every screen does, with a calendar to pick from."""
    edit.setDisplayFormat(date_format())
    edit.setCalendarPopup(True)
    return edit


class DateField(QWidget):
    """A date typed by keyboard; ``changed`` when a new date (or no date) was taken."""

    changed = Signal()

    def __init__(
        self,
        name: str,
        parent: QWidget | None = None,
        *,
        optional: bool = True,
        way: Direction = Direction.FUTURE,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.optional = optional
        self.way = way
        self.today = today
        self._value: date | None = None
        self.line = QLineEdit(self)
        self.line.setAccessibleName(name)
        self.line.setPlaceholderText(self.tr("e.g. 14.03.2027, 14 mar or +14"))
        self.line.setAccessibleDescription(
            self.tr("Type a date: 14.03.2027, 14 mar, or +14 for in 14 days. Alt+Down: calendar.")
        )
        self.line.installEventFilter(self)
        self.pick = QToolButton(self)
        self.pick.setText("…")
        self.pick.setAccessibleName(self.tr("Choose {name} from a calendar").format(name=name))
        self.pick.setToolTip(self.pick.accessibleName() + " (Alt+Down)")
        self.pick.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down reaches it from the line
        self.pick.clicked.connect(self.open_calendar)
        self.problem = QLabel(self)
        self.problem.setStyleSheet(error_style())
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem with {name}").format(name=name))
        self.problem.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, 1)
        row.addWidget(self.pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        self.setFocusProxy(self.line)
        # A label's Alt+letter focuses its buddy only if the buddy itself takes focus.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.line.editingFinished.connect(self.commit)
        self.calendar: QCalendarWidget | None = None

    # --- value ---------------------------------------------------------------------------

    def value(self) -> date | None:
        """The date last taken (a refused text leaves it as it was)."""
        return self._value

    def set_value(self, day: date | None) -> None:
        """Show a stored date (not counted as the person's change)."""
        self._value = day
        self.line.setText(date_text(day))
        self._show_problem("")

    def text(self) -> str:
        return self.line.text()

    def problem_text(self) -> str:
        return self.problem.text() if self.problem.isVisibleTo(self) else ""

    def commit(self) -> bool:
        """Take what is typed: True if it is a date (or empty where that is allowed)."""
        typed = self.line.text()
        try:
            day = parse_date(typed, self.today(), self.way)
            if day is None and not self.optional:
                raise DateRefused(self.tr("Write a date, like 14.03.2027 or +14."))
        except DateRefused as refused:
            self._show_problem(refused.sentence)
            return False
        self._show_problem("")
        shown = date_text(day)
        if self.line.text() != shown:
            self.line.setText(shown)
        if day != self._value:
            self._value = day
            self.changed.emit()
        return True

    def _show_problem(self, sentence: str) -> None:
        self.problem.setText(sentence)
        self.problem.setVisible(bool(sentence))
        if sentence:
            announce(self.line, sentence, assertive=True)

    # --- calendar ------------------------------------------------------------------------

    def open_calendar(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setAccessibleName(self.pick.accessibleName())
        start = self._value or self.today()
        calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def chosen(day: QDate) -> None:
            self.line.setText(date_text(date(day.year(), day.month(), day.day())))
            menu.close()
            self.commit()
            self.line.setFocus(Qt.FocusReason.PopupFocusReason)

        calendar.activated.connect(chosen)
        calendar.clicked.connect(chosen)
        self.calendar = calendar
        menu.aboutToHide.connect(lambda: setattr(self, "calendar", None))
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)
        menu.popup(self.pick.mapToGlobal(self.pick.rect().bottomLeft()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            alt_down = (
                event.key() == Qt.Key.Key_Down
                and event.modifiers() & Qt.KeyboardModifier.AltModifier
            )
            if alt_down or event.key() == Qt.Key.Key_F4:
                self.open_calendar()
                return True
        return super().eventFilter(watched, event)


class OptionalDateEdit(DateField):
    """A date that may be left empty ("no date")."""

    def __init__(
        self,
        name: str,
        parent: QWidget | None = None,
        *,
        way: Direction = Direction.FUTURE,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(name, parent, optional=True, way=way, today=today)


class RequiredDateEdit(DateField):
    """A date that must be given (a review date, a report's period)."""

    def __init__(
        self,
        name: str,
        parent: QWidget | None = None,
        *,
        way: Direction = Direction.FUTURE,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(name, parent, optional=False, way=way, today=today)


def dates_ok(root: QWidget) -> bool:
    """Take every date typed under ``root``; False (the first refused one focused) if any
    is no date, so a dialog stays open with the sentence shown instead of storing half."""
    refused = [field for field in root.findChildren(DateField) if not field.commit()]
    if refused:
        refused[0].line.setFocus(Qt.FocusReason.OtherFocusReason)
        refused[0].line.selectAll()
    return not refused


def settle_dates(root: QWidget) -> bool:
    """Take every date typed under ``root`` but not taken yet (before leaving it): False,
    with the focus on it and its sentence shown, if one of them is refused."""
    for field in root.findChildren(DateField):
        if not field.isVisibleTo(root) or field.text() == date_text(field.value()):
            continue
        if not field.commit():
            field.line.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
    return True
