"""The plan's new dialogs and menu entries, in English and in bokmål: every Alt+letter is
taken once per window (counting the mnemonics a GNOME desktop gives Qt's standard buttons),
nothing is left untranslated, and every label is read as its text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QWidget,
)

from caseplan.models import Role
from caseplan.services.agreement import agreement
from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.context import Context
from caseplan.services.plans import plans
from caseplan.storage.database import Database
from caseplan.ui import i18n
from caseplan.ui.main_window import MainWindow
from caseplan.ui.plan import ClosePlanDialog, NextPlanDialog, PlanDatesDialog
from caseplan.ui.printing.version import VersionDialog
from caseplan.ui.settings.clinic import ClinicSettingsDialog
from tests.ui.test_accessibility import problems
from tests.ui.test_plan_life import TODAY, Ola, _actor
from tests.ui.test_plan_life import kari as kari
from tests.ui.test_plan_life import ola as ola

Button = QDialogButtonBox.StandardButton
#: What Qt's standard buttons are called on a GNOME desktop (the only theme that gives them keys).
GNOME = {
    "en": {
        Button.Ok: "&OK",
        Button.Save: "&Save",
        Button.Cancel: "&Cancel",
        Button.Close: "&Close",
    },
    "nb": {
        Button.Ok: "&OK",
        Button.Save: "&Lagre",
        Button.Cancel: "&Avbryt",
        Button.Close: "&Lukk",
    },
}


@pytest.fixture(params=["en", "nb"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    installed = []
    if request.param == "nb":
        installed = i18n.install_translators(qapp, QLocale(QLocale.Language.NorwegianBokmal))
    yield request.param
    i18n.remove_translators(qapp, installed)


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def keys_in(root: QWidget, language: str) -> list[str]:
    """Every Alt+letter a person can press in ``root`` as it is shown."""
    found: list[str | None] = []
    for label in root.findChildren(QLabel):
        if label.isVisibleTo(root) and label.buddy() is not None:
            found.append(mnemonic(label.text()))
    for button in root.findChildren(QAbstractButton):
        if not button.isVisibleTo(root):
            continue
        box = button.parent()
        standard = box.standardButton(button) if isinstance(box, QDialogButtonBox) else None
        gnome = GNOME[language].get(standard) if standard else None
        found.append(mnemonic(gnome or button.text()))
    return [k for k in found if k is not None]


def assert_keys_once(root: QWidget, language: str) -> None:
    keys = keys_in(root, language)
    twice = [k for k, n in Counter(keys).items() if n > 1]
    assert not twice, f"{type(root).__name__} ({language}) uses Alt+{twice} twice: {keys}"
    assert len(keys) >= 2


def assert_translated(root: QWidget, language: str, english: list[str]) -> None:
    if language == "nb":
        shown = [b.text() for b in root.findChildren(QAbstractButton) if b.isVisibleTo(root)]
        shown += [lab.text() for lab in root.findChildren(QLabel) if lab.isVisibleTo(root)]
        assert not set(english) & set(shown), set(english) & set(shown)


def test_plan_dialogs_take_each_key_once_in_both_languages(
    qtbot: Any,
    db: Database,
    kari: Context,
    ola: Ola,
    language: str,
) -> None:
    agreement.agree_plan(kari, ola.plan, None, [ola.me], {ola.me: "paper"}, {}, TODAY)
    dates = PlanDatesDialog(kari, ola.person)
    close = ClosePlanDialog(kari, ola.person)
    close.start_next.setChecked(True)  # the goal list shows
    version = VersionDialog(kari, agreement.list_versions(kari, ola.plan)[0])
    admin = _actor(db, "tone", "Tone Admin", Role.ADMIN)
    clinic = ClinicSettingsDialog(admin)
    for dialog in (dates, close, version, clinic):
        qtbot.addWidget(dialog)
        dialog.show()
        assert_keys_once(dialog, language)
        assert problems(dialog) == [], problems(dialog)
    assert_translated(dates, language, ["&Save", "&From:", "&Next review:"])
    assert_translated(close, language, ["C&lose and start the next plan", "&Other reason"])
    assert_translated(clinic, language, ["&Lock the window when idle for:"])

    plans.close_plan(kari, ola.plan, None)
    after = NextPlanDialog(kari, ola.person)
    qtbot.addWidget(after)
    after.show()
    assert_keys_once(after, language)
    assert problems(after) == []
    assert_translated(after, language, ["&Start the next plan"])


def test_the_plan_and_settings_menus_take_each_key_once(
    qtbot: Any, db: Database, tmp_path: Path, language: str
) -> None:
    lead = _actor(db, "lars", "Lars Leder", Role.TEAM_LEAD)
    window = MainWindow(
        OpenClinic(db, lead), QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    menus: dict[str, QMenu] = {}
    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        menus[action.text()] = menu
    assert len({mnemonic(t) for t in menus}) == len(menus)
    for title, menu in menus.items():
        keys = [mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
        assert len(keys) == len(set(keys)), f"{title}: {keys}"
        assert None not in keys, f"{title}: {[a.text() for a in menu.actions()]}"
    plan = menus["P&lan"]
    texts = [a.text() for a in plan.actions() if not a.isSeparator()]
    if language == "nb":
        assert "&Lukk planen …" in texts and "Plan&periode og evalueringsdato …" in texts
    else:
        assert "&Close the plan…" in texts
    window.close()
