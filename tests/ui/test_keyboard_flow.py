"""The whole co-production flow with the keyboard alone, through the real widgets.

Sign in, find a person by typing, open them, add a goal with two steps, enter meeting mode
(type in the person's own words there), read back and agree, save the person's copy as a
PDF, leave meeting mode; asserting what a person sees at every step.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from caseplan.models import LifeDomain, ParticipantRole, Plan, PlanStatus
from caseplan.services.agreement import agreement
from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.context import Context
from caseplan.services.meetings import meetings
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.services.team import team
from caseplan.ui.main_window import MainWindow
from caseplan.ui.start import SignInDialog
from tests.reports.pdftools import pdf_text

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier

WORKER_NOTE = "Internt: sjekk husleierestansen før møtet."


def make_mari(ctx: Context) -> dict[str, uuid.UUID]:
    """A fictional person with a plan, a team (peer included) and a worker's note."""
    person = people.create_person(
        ctx, "Mari Solberg", preferred_name="Mari", what_matters="Å ha et trygt sted å bo."
    )
    plan = plans.open_plan(ctx, person.id, next_review=date(2031, 6, 1))
    with ctx.write() as session:
        row = session.get(Plan, plan.id)
        assert row is not None
        row.peer_consent_granted_on = date(2020, 1, 1)
    me = team.add_participant(ctx, plan.id, ParticipantRole.PERSON, "Mari Solberg")
    ola = team.add_participant(
        ctx, plan.id, ParticipantRole.COORDINATOR, "Ola Hansen", phone="22 00 00 01"
    )
    siri = team.add_participant(ctx, plan.id, ParticipantRole.PEER, "Siri Lie", phone="900 11 222")
    plans.set_coordinator(ctx, plan.id, None, ola.id)
    goals.add_goal(
        ctx, plan.id, LifeDomain.HOUSING, "Jeg vil ha min egen leilighet.", worker_note=WORKER_NOTE
    )
    return {"person": person.id, "plan": plan.id, "me": me.id, "ola": ola.id, "siri": siri.id}


def focused() -> Any:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def key(qtbot: Any, k: Qt.Key, modifier: Qt.KeyboardModifier = NONE) -> None:
    qtbot.keyClick(focused(), k, modifier)


def type_text(qtbot: Any, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def visible_texts(root: QWidget) -> list[str]:
    """Every text a person could see or hear on the visible widgets under ``root``."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            texts += [
                str(model.index(row, col).data() or "")
                for row in range(model.rowCount())
                for col in range(model.columnCount())
            ]
    return [t for t in texts if t]


def caseload_rows(window: MainWindow) -> list[str]:
    assert window.caseload is not None
    model = window.caseload.table.model()
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def test_the_whole_flow_with_the_keyboard_alone(
    qtbot: Any,
    clinic_ws: OpenClinic,
    lead_password: str,
    clinic_people: tuple[str, ...],
    tmp_path: Path,
) -> None:
    mari = make_mari(clinic_ws.ctx)
    location = clinic_ws.database.location

    # Sign in.
    sign_in = SignInDialog(location, username="kari")
    qtbot.addWidget(sign_in)
    sign_in.show()
    qtbot.waitExposed(sign_in)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is sign_in.password)
    type_text(qtbot, lead_password)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sign_in.clinic is not None, timeout=10_000)
    workspace = sign_in.clinic
    assert workspace is not None

    window = MainWindow(workspace, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    # A team lead starts on the overview; Alt+Left ("Back to people") shows the people.
    qtbot.waitUntil(lambda: window.overview is not None and window.overview.table.hasFocus())
    key(qtbot, Qt.Key.Key_Left, ALT)
    qtbot.waitUntil(lambda: window.caseload is not None and window.caseload.search.hasFocus())
    assert sorted(caseload_rows(window)) == sorted([*clinic_people, "Mari Solberg"])

    # Find Mari by typing, and open her.
    type_text(qtbot, "mari")
    key(qtbot, Qt.Key.Key_Return)  # filters now and moves to the table
    assert caseload_rows(window) == ["Mari Solberg"]
    assert window.caseload is not None
    qtbot.waitUntil(window.caseload.table.hasFocus)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.person_workspace is not None)
    ws = window.person_workspace
    assert ws is not None and window.pages.currentWidget() is window.person_page
    assert ws.name_label.text() == "Mari (full name Mari Solberg)"
    assert window.windowTitle().startswith("Mari Solberg — Caseplan")

    # A goal with two steps.
    qtbot.waitUntil(lambda: ws.isAncestorOf(QApplication.focusWidget()))
    key(qtbot, Qt.Key.Key_2, CTRL)
    assert ws.current_section() == ws.GOALS
    key(qtbot, Qt.Key.Key_G, CTRL)
    dialog = ws.goals.add_goal_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.words)
    type_text(qtbot, "Jeg vil få meg jobb i en butikk.")
    key(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Work")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(ws.goals.tree.hasFocus)
    for action in ("Skrive CV.", "Besøke NAV sammen."):
        key(qtbot, Qt.Key.Key_T, CTRL)
        step = ws.goals.add_step_dialog
        assert step is not None
        qtbot.waitUntil(lambda d=step: QApplication.focusWidget() is d.action)
        type_text(qtbot, action)
        key(qtbot, Qt.Key.Key_Tab)
        key(qtbot, Qt.Key.Key_Down)  # who: from "no one yet" past Mari…
        key(qtbot, Qt.Key.Key_Down)  # …to the coordinator, Ola Hansen
        key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda d=step: not d.isVisible())
        qtbot.waitUntil(ws.goals.tree.hasFocus)
    assert "    Besøke NAV sammen. | Ola Hansen |  | Planned" in ws.goals.model.visible_text()

    # Meeting mode: only Mari's plan, in her words, no worker's note, nobody else.
    key(qtbot, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.meeting is not None and window.meeting.isVisible())
    meeting = window.meeting
    assert meeting is not None
    qtbot.waitUntil(window.isFullScreen)
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    seen = "\n".join(visible_texts(window))
    for expected in (
        "Mari's plan",
        "What matters to me",
        "Å ha et trygt sted å bo.",
        "My goals",
        "Jeg vil få meg jobb i en butikk.",
        "Skrive CV. — who: Ola Hansen",
        "Besøke NAV sammen. — who: Ola Hansen",
        "My team",
        "Ola Hansen · my coordinator · phone 22 00 00 01",
        "Siri Lie · my peer supporter · phone 900 11 222",
        "If things get hard",
    ):
        assert expected in seen
    assert WORKER_NOTE not in seen
    assert "Worker's note" not in seen
    for other in clinic_people:
        assert other not in seen
    assert "Audit" not in seen and "kari" not in seen

    # Mari adds to her own words; it is stored within two seconds, through the autosave.
    qtbot.waitUntil(lambda: meeting.isAncestorOf(QApplication.focusWidget()))
    first = meeting.fields["about_me.what_matters"].editor
    assert focused() is first
    first.moveCursor(first.textCursor().MoveOperation.End)
    type_text(qtbot, " Og å se datteren min.")
    qtbot.waitUntil(
        lambda: (
            people.get_person(clinic_ws.ctx, mari["person"]).what_matters
            == "Å ha et trygt sted å bo. Og å se datteren min."
        ),
        timeout=2500,
    )

    # Read it back and agree: everyone here signs on paper (the keyboard way).
    key(qtbot, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.agreement_dialog is not None)
    agree = window.agreement_dialog
    assert agree is not None
    saved = tmp_path / "mari.pdf"
    agree.choose_path = lambda _parent, _suggested: saved
    qtbot.waitUntil(agree.isVisible)
    assert agree.page_count >= 1
    qtbot.waitUntil(lambda: QApplication.focusWidget() is agree.next_button)
    key(qtbot, Qt.Key.Key_Return)
    assert agree.steps.currentIndex() == agree.PRESENT
    rows = {row.participant.name: row for row in agree.rows}
    qtbot.waitUntil(lambda: QApplication.focusWidget() is rows["Mari Solberg"].present)
    assert rows["Mari Solberg"].present.isChecked()
    assert rows["Mari Solberg"].on_paper.isChecked()
    key(qtbot, Qt.Key.Key_Tab)  # to how Mari signs
    key(qtbot, Qt.Key.Key_Tab)  # to Ola
    assert focused() is rows["Ola Hansen"].present
    key(qtbot, Qt.Key.Key_Space)
    assert rows["Ola Hansen"].present.isChecked()
    key(qtbot, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: agree.steps.currentIndex() == agree.DONE)
    assert "The plan is agreed: version 1" in agree.done_label.text()
    key(qtbot, Qt.Key.Key_S, ALT)  # save the person's copy
    qtbot.waitUntil(saved.exists)
    key(qtbot, Qt.Key.Key_D, ALT)
    qtbot.waitUntil(lambda: window.agreement_dialog is None)

    text = pdf_text(saved)
    for expected in (
        "Mari",
        "Å ha et trygt sted å bo. Og å se datteren min.",
        "Jeg vil få meg jobb i en butikk.",
        "Skrive CV.",
        "Besøke NAV sammen.",
        "Ola Hansen",
        "22 00 00 01",
        "Planversjon 1, avtalt",  # printed in Mari's language, Norwegian
    ):
        assert expected in text
    assert WORKER_NOTE not in text

    (version,) = agreement.list_versions(clinic_ws.ctx, mari["plan"])
    assert version.agreed_by == (str(mari["me"]), str(mari["ola"]))
    assert plans.get_plan(clinic_ws.ctx, mari["plan"]).status == PlanStatus.AGREED
    agreed = [m for m in meetings.list_meetings(clinic_ws.ctx, mari["plan"]) if m.agreed]
    assert [set(m.attendee_ids) for m in agreed] == [{mari["me"], mari["ola"]}]

    # Leave meeting mode: back to Mari's workspace, the window as it was.
    qtbot.waitUntil(lambda: window.isActiveWindow())
    key(qtbot, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.meeting is None and not window.isFullScreen())
    assert window.pages.currentWidget() is window.person_page
    assert window.menuBar().isVisible()
    assert ws.plan_label.text().startswith("Plan: Agreed")

    # And back to the people.
    key(qtbot, Qt.Key.Key_Left, ALT)
    qtbot.waitUntil(lambda: window.person_workspace is None)
    assert window.pages.currentWidget() is window.caseload
