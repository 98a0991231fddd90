"""The words of the printed plan: gettext catalogues, one ``.po`` file per language.

The plan prints in the *person's* language, whatever language the screens use, so these are
not Qt translations. ``caseplan/resources/print/caseplan-print.pot`` is the template: each
message has a key as its context (``msgctxt``) and the English words as its ``msgid``;
``nb.po``, ``nn.po`` and ``se.po`` hold the translations, with plural forms where a number
is printed. Adding a language is adding a ``.po`` file (and its code to :data:`LANGUAGES`);
``tests/reports/test_catalogues.py`` checks every catalogue is complete. Dates come from
Babel's CLDR data for the language.
"""

from __future__ import annotations

import gettext
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Final

from babel.dates import format_date as babel_format_date
from babel.messages.pofile import read_po

from caseplan.resources import asset

#: Languages the plan prints in: bokmål, nynorsk, Northern Sámi, English.
LANGUAGES: Final = ("nb", "nn", "se", "en")
DEFAULT_LANGUAGE: Final = "nb"
SOURCE_LANGUAGE: Final = "en"
#: Babel locale for each language's dates (English dates are written the British way).
_DATE_LOCALES: Final = {"nb": "nb", "nn": "nn", "se": "se", "en": "en_GB"}
#: The second language of a two-language print.
_SECOND: Final = {"nb": "en", "nn": "nb", "se": "nb", "en": "nb"}


@dataclass(frozen=True)
class _Catalogue:
    singular: dict[str, str]
    plural: dict[str, tuple[str, ...]]
    choose: Callable[[int], int]


_lock = threading.Lock()


def catalogue_path(language: str) -> Path:
    name = "caseplan-print.pot" if language == SOURCE_LANGUAGE else f"{language}.po"
    return asset("print", name)


def _plural_chooser(header: str | None, fallback: str) -> Callable[[int], int]:
    expression = fallback
    for part in (header or "").split(";"):
        if part.strip().startswith("plural="):
            expression = part.strip()[len("plural=") :]
    chooser: Callable[[int], int] = gettext.c2py(expression)
    return chooser


@cache
def _load(language: str) -> _Catalogue:
    with _lock, catalogue_path(language).open("rb") as handle:
        catalog = read_po(handle, locale=None if language == SOURCE_LANGUAGE else language)
    singular: dict[str, str] = {}
    plural: dict[str, tuple[str, ...]] = {}
    source = language == SOURCE_LANGUAGE
    for message in catalog:
        if not message.context:
            continue
        if isinstance(message.id, tuple | list):
            forms = message.id if source else message.string
            plural[message.context] = tuple(str(f) for f in forms or ())
        else:
            text = message.id if source else message.string
            singular[message.context] = str(text)
    header = catalog.mime_headers
    plural_header = next((v for k, v in header if k.lower() == "plural-forms"), None)
    return _Catalogue(singular, plural, _plural_chooser(plural_header, "(n != 1)"))


def normalise_language(language: str | None) -> str:
    """One of :data:`LANGUAGES`; anything else (or nothing) prints in Norwegian bokmål."""
    if language in LANGUAGES:
        return language
    if language in ("no", "nob"):
        return "nb"
    if language == "nno":
        return "nn"
    if language == "sme":
        return "se"
    return DEFAULT_LANGUAGE


def other_language(language: str) -> str:
    """The second language of a two-language print (bokmål next to Sámi and nynorsk)."""
    return _SECOND.get(language, "nb")


def _text(key: str, language: str) -> str:
    found = _load(language).singular.get(key)
    if found:
        return found
    return _load(SOURCE_LANGUAGE).singular[key]  # KeyError for a key nobody wrote


def t(key: str, language: str, **params: object) -> str:
    """The text of ``key`` in ``language`` with ``params`` filled in."""
    text = _text(key, normalise_language(language))
    return text.format(**params) if params else text


def tn(key: str, language: str, count: int, **params: object) -> str:
    """The plural form of ``key`` for ``count``, with ``count`` and ``params`` filled in."""
    catalogue = _load(normalise_language(language))
    forms = catalogue.plural.get(key)
    index = catalogue.choose(count)
    if not forms or index >= len(forms) or not forms[index]:
        english = _load(SOURCE_LANGUAGE)
        forms, index = english.plural[key], english.choose(count)
    return forms[index].format(count=count, **params)


def has(key: str) -> bool:
    return key in _load(SOURCE_LANGUAGE).singular


def keys() -> tuple[set[str], set[str]]:
    """Every singular and plural key of the template."""
    source = _load(SOURCE_LANGUAGE)
    return set(source.singular), set(source.plural)


@lru_cache(maxsize=4096)
def format_date(value: date, language: str) -> str:
    """A date written out in ``language``: ``22. november 2026``, ``22 November 2026``."""
    return babel_format_date(value, "long", locale=_DATE_LOCALES[normalise_language(language)])


@lru_cache(maxsize=4096)
def format_short_date(value: date, language: str) -> str:
    """A date in few characters, for a chart's axis: ``22.11.2026``, ``22/11/2026``."""
    return babel_format_date(value, "short", locale=_DATE_LOCALES[normalise_language(language)])


#: A team lead's report's own words: each key in English and in bokmål (the two languages of
#: the screens, which these reports follow; the person's plan has its catalogues instead).
ScreenWords = Mapping[str, tuple[str, str]]


def screen_word(words: ScreenWords, key: str, language: str, **params: object) -> str:
    """``key`` in English for "en", in bokmål otherwise, with ``params`` filled in."""
    english, norwegian = words[key]
    text = english if language == "en" else norwegian
    return text.format(**params) if params else text
