"""Settings → Language: the language of the screens on this computer.

Kept per computer in QSettings (not in the clinic's database): two people may share a
database and not a language. The printed plan keeps the person's own language.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from caseplan.ui.i18n import LANGUAGES

LANGUAGE_KEY = "ui/language"  #: "nb", "en", or "" for the computer's own language
#: Each language is named in itself, so it can be found whatever the screens are in now.
NAMES = {"nb": "Norsk bokmål", "en": "English"}


def chosen_language(settings: QSettings) -> str:
    """The language chosen on this computer, or "" to follow the computer's."""
    value = str(settings.value(LANGUAGE_KEY, "") or "")
    return value if value in LANGUAGES else ""


class LanguageDialog(QDialog):
    """Accepted with :attr:`choice` set ("nb", "en", or "" for the computer's language)."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Language"))
        self.heading = QLabel(self.tr("The language of the screens on this computer:"), self)
        self.heading.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.options: dict[str, QRadioButton] = {
            "": QRadioButton(self.tr("&Follow this computer's language"), self),
            "nb": QRadioButton(NAMES["nb"] + " (&nb)", self),
            "en": QRadioButton(NAMES["en"] + " (&en)", self),
        }
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        for button in self.options.values():
            self.group.addButton(button)
            layout.addWidget(button)
        self.options.get(current, self.options[""]).setChecked(True)
        self.note = QLabel(
            self.tr(
                "Printed plans are always in the person's own language, whatever the screens "
                "use. The screens change as soon as you choose OK; what you typed is kept."
            ),
            self,
        )
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.choice = current
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def accept(self) -> None:
        self.choice = next(code for code, b in self.options.items() if b.isChecked())
        super().accept()
