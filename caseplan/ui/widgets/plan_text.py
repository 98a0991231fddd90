"""The printed pages beside the same pages as text, for a screen reader or a magnifier.

A PDF view is a picture to assistive technology; the text tab holds every word the pages
hold, page by page, read-only and selectable by keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QPlainTextEdit, QTabWidget, QWidget


class PagesAndText(QTabWidget):
    def __init__(self, view: QPdfView, document: QPdfDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: QPdfDocument | None
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.text.setAccessibleName(self.tr("The pages as text"))
        self.addTab(view, self.tr("As it will print"))
        self.addTab(self.text, self.tr("As text"))
        self.setTabToolTip(1, self.tr("Every word of the pages, for a screen reader"))
        self.document = None
        self._follow(document)
        view.documentChanged.connect(self._follow)  # a new render may bring a new document

    def _follow(self, document: QPdfDocument | None) -> None:
        if self.document is not None:
            self.document.statusChanged.disconnect(self._status)
        self.document = document
        if document is None:
            self.text.clear()
            return
        document.statusChanged.connect(self._status)
        self._status(document.status())

    def _status(self, status: QPdfDocument.Status) -> None:
        if status == QPdfDocument.Status.Ready:
            self.text.setPlainText(self.pages_text())
        elif status in (QPdfDocument.Status.Null, QPdfDocument.Status.Unloading):
            self.text.clear()

    def pages_text(self) -> str:
        if self.document is None:
            return ""
        total = self.document.pageCount()
        pages = []
        for number in range(total):
            heading = self.tr("Page {number} of {total}").format(number=number + 1, total=total)
            pages.append(f"{heading}\n\n{self.document.getAllText(number).text().strip()}")
        return "\n\n".join(pages)
