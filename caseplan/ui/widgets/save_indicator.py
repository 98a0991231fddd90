"""A quiet line that says whether the latest words are stored."""

from __future__ import annotations

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QLabel, QWidget

from caseplan.ui.widgets.announce import announce
from caseplan.ui.widgets.theme import colours, error_style


class SaveIndicator(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleDescription(self.tr("Save status"))
        self.setStyleSheet(f"color: {colours().pending};")
        self.state = "idle"

    def pending(self) -> None:
        self.state = "pending"
        self.setStyleSheet(f"color: {colours().pending};")
        self.setText(self.tr("Saving…"))

    def saved(self) -> None:
        self.state = "saved"
        self.setStyleSheet(f"color: {colours().saved};")
        now = QTime.currentTime().toString("HH:mm")
        self.setText(self.tr("Saved {time}").format(time=now))
        announce(self, self.text())

    def failed(self, sentence: str) -> None:
        self.state = "failed"
        self.setStyleSheet(error_style())
        self.setText(self.tr("Not saved: {reason}").format(reason=sentence))
        announce(self, self.text(), assertive=True)
