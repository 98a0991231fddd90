"""Translations: Qt's own (standard buttons, dialogs) and Caseplan's, for the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from caseplan.errors import CaseplanError
from caseplan.resources import asset


def _translations_folder() -> str | None:
    try:
        return str(asset("translations"))
    except FileNotFoundError:
        return None


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Load and install what exists for ``locale`` (default: the system's UI languages).

    A missing translation is not an error: the text then stays in English. The
    translators are returned so the caller can keep them alive or remove them again.
    """
    locale = locale if locale is not None else QLocale()
    sources = [
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ("caseplan", _translations_folder()),
    ]
    installed: list[QTranslator] = []
    for name, folder in sources:
        if not folder:
            continue
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder) and app.installTranslator(translator):
            installed.append(translator)
        else:
            translator.deleteLater()
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()


def error_text(error: CaseplanError) -> str:
    """The error's sentence in the UI language (context "errors"), its values filled in."""
    template = QCoreApplication.translate("errors", error.template)
    if not error.params:
        return template
    try:
        return template.format(**error.params)
    except (KeyError, IndexError, ValueError):
        return str(error)
