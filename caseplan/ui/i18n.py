"""Translations: Qt's own (standard buttons, dialogs) and Caseplan's, for the UI language."""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator

from caseplan.errors import CaseplanError
from caseplan.resources import asset


def _translations_folder() -> str | None:
    try:
        return str(asset("translations"))
    except FileNotFoundError:
        return None


#: The languages the screens come in, and the locale whose dates and numbers go with each.
LANGUAGES = {
    "nb": QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def ui_language() -> str:
    """ "nb" or "en": the language of the screens (set by :func:`install_translators`)."""
    language = QLocale().language()
    if language in (QLocale.Language.NorwegianBokmal, QLocale.Language.NorwegianNynorsk):
        return "nb"
    return "en"


#: One way to write a date on every screen, per language of the screens: the Norwegian
#: numeric form, and an English form no reader can take for month-first.
DATE_FORMATS = {"nb": "dd.MM.yyyy", "en": "d MMM yyyy"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def date_format() -> str:
    """The display format for dates (also for date editors) in the language of the screens."""
    return DATE_FORMATS[ui_language()]


def date_text(day: date | None) -> str:
    """A date as the screens write it, or nothing."""
    if day is None:
        return ""
    return QLocale().toString(QDate(day.year, day.month, day.day), date_format())


def date_time_text(moment: datetime) -> str:
    """A moment in local time: the date as :func:`date_text` writes it, then the time."""
    local = moment.astimezone()
    return f"{date_text(local.date())} {local:%H:%M:%S}"


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Load and install what exists for ``locale`` (default: the system's UI languages).

    A missing translation is not an error: the text then stays in English. The
    translators are returned so the caller can keep them alive or remove them again.
    The default locale follows the language the screens got (bokmål or English), so
    dates and numbers read the same way as the words around them.
    """
    locale = locale if locale is not None else QLocale.system()
    sources = [
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        # Qt's own strings where Qt ships no catalogue (bokmål): standard buttons, dialogs.
        ("qt", _translations_folder()),
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
    screens = "nb" if any(t.language().startswith("nb") for t in installed) else "en"
    QLocale.setDefault(LANGUAGES[screens])
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale.system())


def error_text(error: CaseplanError) -> str:
    """The error's sentence in the UI language (context "errors"), its values filled in."""
    template = QCoreApplication.translate("errors", error.template)
    if not error.params:
        return template
    # Services put dates into their sentences as YYYY-MM-DD; on screen they read like every other.
    params = {
        key: date_text(date.fromisoformat(value))
        if isinstance(value, str) and ISO_DATE.match(value)
        else value
        for key, value in error.params.items()
    }
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return str(error)
