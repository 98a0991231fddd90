"""Dates as a person reads them, and an editor for a date that may be left empty."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from caseplan.ui.i18n import date_format, date_text

__all__ = ["OptionalDateEdit", "date_edit", "date_text"]


def date_edit(edit: QDateEdit) -> QDateEdit:
    """Make a date editor write dates as every screen does, with a calendar to pick from."""
    edit.setDisplayFormat(date_format())
    edit.setCalendarPopup(True)
    return edit


class OptionalDateEdit(QWidget):
    """A date with a tick box: unticked means "no date"."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(self)
        self.enabled.setAccessibleName(self.tr("{name}: has a date").format(name=name))
        self.edit = date_edit(QDateEdit(self))
        self.edit.setAccessibleName(name)
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)
        self._quiet = False
        self.enabled.toggled.connect(self._toggled)
        self.edit.editingFinished.connect(self._emit)
        self.setFocusProxy(self.enabled)

    def value(self) -> date | None:
        if not self.enabled.isChecked():
            return None
        qdate = self.edit.date()
        return date(qdate.year(), qdate.month(), qdate.day())

    def set_value(self, day: date | None) -> None:
        self._quiet = True
        try:
            self.enabled.setChecked(day is not None)
            if day is not None:
                self.edit.setDate(QDate(day.year, day.month, day.day))
            self.edit.setEnabled(day is not None)
        finally:
            self._quiet = False

    def _toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        self._emit()

    def _emit(self) -> None:
        if not self._quiet:
            self.changed.emit()
