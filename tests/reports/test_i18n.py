"""Dates and words of the printed plan, in the person's language."""

from __future__ import annotations

from datetime import date

from caseplan.reports.i18n import format_date, normalise_language, t


def test_dates_follow_the_language() -> None:
    assert format_date(date(2026, 11, 22), "nb") == "22. november 2026"
    assert format_date(date(2026, 11, 22), "en") == "22 November 2026"
    assert format_date(date(2027, 5, 1), "nb") == "1. mai 2027"


def test_unknown_languages_print_in_norwegian_bokmal() -> None:
    assert normalise_language("en") == "en"
    assert normalise_language("nn") == "nb"
    assert normalise_language("se") == "nb"
    assert normalise_language(None) == "nb"


def test_every_word_has_both_languages_and_they_differ_where_they_should() -> None:
    assert t("about_me", "nb") == "Om meg" and t("about_me", "en") == "About me"
    assert t("footer_page", "nb", page=2, pages=5) == "Side 2 av 5"
    assert t("footer_page", "en", page=2, pages=5) == "Page 2 of 5"
