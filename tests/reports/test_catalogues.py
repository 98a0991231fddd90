"""The printed plan's words: gettext catalogues for bokmål, nynorsk and Northern Sámi, complete,
with the same placeholders and the plural forms each language has; dates from Babel."""

from __future__ import annotations

import re
from datetime import date

import pytest
from babel.messages.pofile import read_po

from caseplan.reports.i18n import (
    LANGUAGES,
    SOURCE_LANGUAGE,
    catalogue_path,
    format_date,
    keys,
    normalise_language,
    t,
    tn,
)

TRANSLATED = [language for language in LANGUAGES if language != SOURCE_LANGUAGE]
PLACEHOLDER = re.compile(r"\{(\w+)\}")
#: How many plural forms each language has (CLDR): Sámi has a dual.
PLURAL_FORMS = {"nb": 2, "nn": 2, "se": 3}


def _catalog(language: str):  # type: ignore[no-untyped-def]
    with catalogue_path(language).open("rb") as handle:
        return read_po(handle)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated_with_the_same_placeholders(language: str) -> None:
    template = {m.context: m for m in _catalog(SOURCE_LANGUAGE) if m.context}
    catalog = {m.context: m for m in _catalog(language) if m.context}
    assert set(catalog) == set(template), set(template) ^ set(catalog)
    for key, message in catalog.items():
        assert not message.fuzzy, key
        assert message.id == template[key].id, f"{key}: the English text differs from the template"
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        sources = template[key].id if isinstance(template[key].id, tuple) else (template[key].id,)
        assert all(s.strip() for s in strings), f"{key} is not translated into {language}"
        wanted = set(PLACEHOLDER.findall(sources[-1])) - {"count"}
        for string in strings:
            assert set(PLACEHOLDER.findall(string)) - {"count"} == wanted, (language, key, string)


@pytest.mark.parametrize("language", TRANSLATED)
def test_plural_forms_match_the_language(language: str) -> None:
    catalog = _catalog(language)
    assert catalog.num_plurals == PLURAL_FORMS[language]
    plurals = [m for m in catalog if m.context and isinstance(m.id, tuple)]
    assert plurals, "the catalogue has no plural messages"
    for message in plurals:
        assert len(message.string) == PLURAL_FORMS[language], message.context


def test_the_code_reads_every_key_in_every_language() -> None:
    singular, plural = keys()
    assert len(singular) > 150 and plural == {"peer_contacts"}
    for language in LANGUAGES:
        for key in singular:
            assert t(key, language)
    english = {key: t(key, "en") for key in singular}
    for language in TRANSLATED:
        same = [k for k in singular if t(k, language) == english[k]]
        # a few words are the same in every language (DEMO, Status, placeholders only)
        assert len(same) < 12, (language, same)


@pytest.mark.parametrize(
    ("language", "one", "two", "five"),
    [
        ("nb", "én gang", "2 ganger", "5 ganger"),
        ("nn", "éin gong", "2 gonger", "5 gonger"),
        ("se", "oktii", "guktii", "5 geardde"),
        ("en", "once", "2 times", "5 times"),
    ],
)
def test_plural_forms_are_chosen_by_number(language: str, one: str, two: str, five: str) -> None:
    assert one in tn("peer_contacts", language, 1, date="x")
    assert two in tn("peer_contacts", language, 2, date="x")
    assert five in tn("peer_contacts", language, 5, date="x")


def test_dates_follow_the_language() -> None:
    assert format_date(date(2026, 11, 22), "nb") == "22. november 2026"
    assert format_date(date(2026, 11, 22), "nn") == "22. november 2026"
    assert format_date(date(2026, 11, 22), "en") == "22 November 2026"
    assert "skábmamánnu" in format_date(date(2026, 11, 22), "se")
    assert format_date(date(2027, 5, 1), "nb") == "1. mai 2027"


def test_languages_and_unknown_ones() -> None:
    for language in ("nb", "nn", "se", "en"):
        assert normalise_language(language) == language
    assert normalise_language("no") == "nb"
    assert normalise_language("fr") == "nb"
    assert normalise_language(None) == "nb"
    assert t("about_me", "nn") == "Om meg" and t("about_me", "se") == "Mu birra"
    assert t("footer_page", "nb", page=2, pages=5) == "Side 2 av 5"
    assert t("footer_page", "en", page=2, pages=5) == "Page 2 of 5"
