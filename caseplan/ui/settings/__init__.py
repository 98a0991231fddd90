"""Settings of this computer (QSettings): the language of the screens."""

from caseplan.ui.settings.language import LANGUAGE_KEY, LanguageDialog, chosen_language

__all__ = ["LANGUAGE_KEY", "LanguageDialog", "chosen_language"]
