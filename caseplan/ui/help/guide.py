"""Help → User guide (F1) and Help → Keyboard shortcuts (Ctrl+F1), in the language of the screens.

The guide is Markdown in ``caseplan/resources/guide/<language>.md``; the English one is also
the README's tour (``tools/sync_guide.py``). Its keyboard part (after :data:`KEYS_MARK`) is
the one list of shortcuts: Help → Keyboard shortcuts shows that part alone, and a test
checks it against the keys the program really has.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from caseplan.resources import asset
from caseplan.ui.i18n import ui_language

# the line before the guide's keyboard part (an HTML comment: not shown)
KEYS_MARK = "<!-- keyboard shortcuts -->"


def guide_text(language: str) -> str:
    """The guide in ``language``, or in English when there is none in that language."""
    for name in (language, "en"):
        try:
            return asset("guide", f"{name}.md").read_text(encoding="utf-8")
        except FileNotFoundError:
            continue
    return ""


def shortcuts_text(language: str) -> str:
    """The guide's keyboard part: its heading and table, up to the next part."""
    text = guide_text(language)
    if KEYS_MARK not in text:
        return ""
    part = text.split(KEYS_MARK, 1)[1].lstrip("\n")
    heading, _, rest = part.partition("\n")
    return heading + "\n" + rest.split("\n## ", 1)[0]


class GuideDialog(QDialog):
    """A window beside the main one (not modal), so the guide can stay open while working;
    with ``shortcuts`` only its keyboard part."""

    def __init__(self, parent: QWidget | None = None, *, shortcuts: bool = False) -> None:
        super().__init__(parent)
        self.shortcuts = shortcuts
        self.language = ui_language()
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        if shortcuts:
            self.setWindowTitle(self.tr("Keyboard shortcuts"))
            self.browser.setMarkdown(shortcuts_text(self.language))
            self.browser.setAccessibleName(self.tr("Keyboard shortcuts"))
        else:
            self.setWindowTitle(self.tr("Caseplan user guide"))
            self.browser.setMarkdown(guide_text(self.language))
            self.browser.setAccessibleName(self.tr("User guide"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(self.buttons)
        self.resize(720, 640)
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)
