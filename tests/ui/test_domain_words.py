"""One set of words for each life domain: the screens and the printed plan say the same, in
bokmål and in English (the screens' words are the Qt catalogue's, the paper's the print
catalogue's)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale

from caseplan.models import LifeDomain
from caseplan.reports.i18n import t
from caseplan.ui import i18n
from caseplan.ui.workspace.labels import domain_label


def test_screen_and_paper_use_the_same_words_for_every_life_domain(qapp: Any) -> None:
    for domain in LifeDomain:
        assert domain_label(domain) == t(domain.value, "en"), domain
    translators = i18n.install_translators(qapp, QLocale(QLocale.Language.NorwegianBokmal))
    try:
        for domain in LifeDomain:
            assert domain_label(domain) == t(domain.value, "nb"), domain
        assert domain_label(LifeDomain.SUBSTANCE_USE) == "Rusmidler"
    finally:
        i18n.remove_translators(qapp, translators)
