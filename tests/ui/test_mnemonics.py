"""No Alt+letter does two things on one screen, in English or in bokmål, and none goes nowhere.

Every screen a practitioner or team lead reaches is walked: the people, each section of a
person's workspace (a goal's page and a step's page both), meeting mode, and each dialog
(every page of the ones with pages), with the menu bar where it shows.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.people import people
from caseplan.storage.location import resolve
from caseplan.ui import i18n
from caseplan.ui.controllers.field_saver import Question
from caseplan.ui.help.about import AboutDialog
from caseplan.ui.main_window import MainWindow
from caseplan.ui.settings.language import LanguageDialog
from caseplan.ui.start import FirstRunDialog, SignInDialog
from caseplan.ui.start.recover import RecoverDialog
from caseplan.ui.start.recovery import RecoveryKeyDialog
from caseplan.ui.workspace.conflict import ConflictDialog
from tests.ui.mnemonics import clashes, dead_keys, keys_on, menu_clashes
from tests.ui.test_keyboard_flow import make_mari

Screen = tuple[str, QWidget]


def _question(why: str) -> Question:
    return Question(why, "What matters", {"what_matters": "Theirs."}, {"what_matters": "Mine."})


@pytest.fixture(params=["en", "nb"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translators = (
        i18n.install_translators(qapp, QLocale(QLocale.Language.NorwegianBokmal))
        if request.param == "nb"
        else []
    )
    yield request.param
    i18n.remove_translators(qapp, translators)


def _dialog(qtbot: Any, dialog: QDialog | None) -> QDialog:
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    return dialog


def _person_screens(qtbot: Any, window: MainWindow) -> Iterator[Screen]:
    ws = window.person_workspace
    assert ws is not None
    for number, name in enumerate(ws.section_names):
        ws.show_section(number)
        yield f"section {name}", window
    goals = ws.goals
    ws.show_section(ws.GOALS)
    goal = goals.model.index(0, 0, goals.model.index(0, 0))
    goals.tree.setCurrentIndex(goal)
    yield "a goal's page", window
    goals.tree.setCurrentIndex(goals.model.index(0, 0, goal))
    yield "a step's page", window
    goals.tree.setCurrentIndex(goal)
    goals.start_add_goal()
    yield "add a goal", _dialog(qtbot, goals.add_goal_dialog)
    goals.add_goal_dialog.reject()
    goals.start_add_step()
    yield "add a step", _dialog(qtbot, goals.add_step_dialog)
    goals.add_step_dialog.reject()
    team = ws.team
    ws.show_section(ws.TEAM)
    team.start_add()
    dialog = _dialog(qtbot, team.dialog)
    yield "add to the team", dialog
    dialog.role.setCurrentIndex(dialog.role.findText(dialog.role.itemText(3)))
    yield "add to the team (a peer)", dialog
    dialog.reject()
    team.start_peer_consent()
    yield "peer consent", _dialog(qtbot, team.consent_dialog)
    team.consent_dialog.reject()
    ws.show_section(ws.CRISIS)
    ws.crisis.start_add_contact()
    yield "crisis contact", _dialog(qtbot, ws.crisis.dialog)
    ws.crisis.dialog.reject()
    ws.show_section(ws.PEER)
    ws.peer.start_add()
    if ws.peer.dialog is not None:
        yield "record peer support", _dialog(qtbot, ws.peer.dialog)
        ws.peer.dialog.reject()
    yield "edit details", _dialog(qtbot, window.edit_person())
    QApplication.activeModalWidget().reject() if QApplication.activeModalWidget() else None
    preview = _dialog(qtbot, window.show_preview())
    yield "print preview", preview
    preview.reject()
    review = _dialog(qtbot, window.review_plan())
    for page in range(review.pages.count()):
        review.go(page - review.pages.currentIndex())
        yield f"review page {page + 1}", review
    review.reject()
    agree = _dialog(qtbot, window.agree_plan())
    yield "agree: read back", agree
    agree.go_present()
    yield "agree: who is here", agree
    agree.agree()
    yield "agree: agreed", agree
    agree.reject()
    meeting_dialogs = window.enter_meeting()
    del meeting_dialogs
    assert window.meeting is not None
    yield "meeting mode", window
    window.leave_meeting()


def screens(qtbot: Any, window: MainWindow, person_id: uuid.UUID, tmp: Path) -> Iterator[Screen]:
    yield "the people", window
    window.show_overview()  # the team lead's start page
    yield "the overview", window
    window.show_caseload(None)
    yield "new person", _dialog(qtbot, window.new_person())
    QApplication.activeModalWidget().reject() if QApplication.activeModalWidget() else None
    for opener, name in (
        (window.print_due, "print plans due"),
        (window.show_peer_hours, "peer hours"),
        (window.show_about, "about"),
        (window.show_charts, "charts"),
    ):
        dialog = _dialog(qtbot, opener())
        yield name, dialog
        dialog.reject()
    window.show_audit()
    audit = [d for d in window.findChildren(QDialog) if d.isVisible()]
    yield "audit trail", audit[-1]
    audit[-1].reject()
    guide = window.show_guide()
    yield "user guide", guide
    guide.close()
    for name, make in (
        ("language", lambda: LanguageDialog("nb")),
        *(
            (f"conflict ({why})", lambda why=why: ConflictDialog(_question(why)))
            for why in ("save", "undo", "redo")
        ),
        ("sign in", lambda: SignInDialog(resolve(str(tmp / "x.db")))),
        ("first run", lambda: FirstRunDialog(resolve(str(tmp / "y.db")))),
        ("recover", lambda: RecoverDialog(resolve(str(tmp / "z.db")))),
        ("recovery key", lambda: RecoveryKeyDialog("ABCD-EFGH-IJKL-MNOP")),
        ("about", lambda: AboutDialog()),
    ):
        dialog = _dialog(qtbot, make())
        yield name, dialog
        dialog.reject()
    window.show_person(person_id)
    yield from _person_screens(qtbot, window)


def test_no_alt_letter_does_two_things_on_any_screen(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings, language: str, tmp_path: Path
) -> None:
    ids = make_mari(clinic_ws.ctx)
    people.update_person(clinic_ws.ctx, ids["person"], None, what_matters="Å bo trygt.")
    window = MainWindow(clinic_ws, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_caseload(None)  # a team lead starts on the overview; these are about people
    found: list[str] = []
    seen: list[str] = []
    for name, root in screens(qtbot, window, ids["person"], tmp_path):
        QApplication.processEvents()
        seen.append(name)
        found += [f"{language} · {name} · {clash}" for clash in clashes(root)]
        found += [f"{language} · {name} · goes nowhere: {dead}" for dead in dead_keys(root)]
        if os.environ.get("SHOW_KEYS"):
            print(language, name, dict(sorted(keys_on(root).items())))
    found += [f"{language} · menu · {clash}" for clash in menu_clashes(window)]
    assert len(seen) > 30
    assert found == [], "\n".join(found)


__all__ = ["Callable", "screens"]
