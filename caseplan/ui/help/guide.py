"""Help → User guide (F1): the short guide in the language of the screens.

The guide is Markdown in ``caseplan/resources/guide/<language>.md``; the English one is also
the README's tour (``tools/sync_guide.py``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from caseplan.resources import asset
from caseplan.ui.i18n import ui_language


def guide_text(language: str) -> str:
    """The guide in ``language``, or in English when there is none in that language."""
    for name in (language, "en"):
        try:
            return asset("guide", f"{name}.md").read_text(encoding="utf-8")
        except FileNotFoundError:
            continue
    return ""


class GuideDialog(QDialog):
    """A window beside the main one (not modal), so the guide can stay open while working."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Caseplan user guide"))
        self.language = ui_language()
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(guide_text(self.language))
        self.browser.setAccessibleName(self.tr("User guide"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(self.buttons)
        self.resize(720, 640)
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)
