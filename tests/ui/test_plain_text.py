"""Markup in every field a person can type is shown as typed, on every screen.

A name like ``<img src="…/local.png"><b>X</b>`` once showed the local picture in seven
labels. Here every user field of a fictional person (and an account's name) holds markup;
the team lead then walks through the caseload, every section of the workspace, every
dialog and meeting mode, and nowhere may a label, a tooltip or a message box interpret it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QMessageBox,
    QTextBrowser,
    QTextEdit,
    QToolTip,
    QWidget,
)
from sqlalchemy import update

from caseplan.models import (
    Account,
    ConsentScope,
    ContributionKind,
    LifeDomain,
    ParticipantRole,
    PeerEngagement,
)
from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.crisis import crisis
from caseplan.services.meetings import meetings, reviews
from caseplan.services.peers import contributions
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.services.team import team
from caseplan.ui.main_window import MainWindow


def markup(field: str) -> str:
    """Markup that would show a local picture and bold text if it were interpreted."""
    return f'<img src="/x.png"><b>{field}</b>'


@pytest.fixture
def marked(clinic_ws: OpenClinic) -> uuid.UUID:
    """One fictional person with markup in every field a person can type."""
    ctx = clinic_ws.ctx

    def m(field: str) -> str:
        return markup(field)

    with ctx.write() as session:  # the team lead's own name, as an administrator typed it
        session.execute(
            update(Account).where(Account.username == "kari").values(display_name=m("lead"))
        )
    person = people.create_person(
        ctx, m("full name"), preferred_name=m("preferred"), what_matters=m("what matters"),
        strengths=m("strengths"), what_helps=m("what helps"),
        what_does_not_help=m("does not help"), how_i_want_to_be_met=m("how met"),
    )  # fmt: skip
    plan = plans.open_plan(ctx, person.id, period_start=date(2026, 1, 1))
    plans.update_plan(ctx, plan.id, None, peer_consent_granted_on=date(2026, 1, 1))
    me = team.add_participant(ctx, plan.id, ParticipantRole.PERSON, m("person on team"))
    coordinator = team.add_participant(
        ctx, plan.id, ParticipantRole.COORDINATOR, m("coordinator"), organisation=m("org"),
        phone=m("phone"), email="a@example.org", consent_scope=ConsentScope.FULL_PLAN,
    )  # fmt: skip
    peer = team.add_participant(
        ctx, plan.id, ParticipantRole.PEER, m("peer"), organisation=m("peer org"),
        offers=m("offers"), availability=m("availability"),
        peer_engagement=PeerEngagement.PAID, consent_scope=ConsentScope.FULL_PLAN,
    )  # fmt: skip
    plans.set_coordinator(ctx, plan.id, None, coordinator.id)
    goal = goals.add_goal(ctx, plan.id, LifeDomain.HOUSING, m("goal"), worker_note=m("goal note"))
    goals.add_step(ctx, goal.id, m("step"), responsible_id=peer.id, worker_note=m("step note"))
    meetings.add_meeting(
        ctx, plan.id, date(2026, 2, 1), attendee_ids=[me.id, peer.id],
        shared_notes=m("shared notes"), worker_note=m("meeting note"),
    )  # fmt: skip
    reviews.add_review(
        ctx, plan.id, date(2026, 2, 2), what_helped=m("helped"),
        what_got_in_the_way=m("in the way"),
    )  # fmt: skip
    contributions.add_contribution(
        ctx, plan.id, peer.id, date(2026, 2, 3), 60, ContributionKind.MEETING,
        note=m("contribution note"), paid_minutes=60,
    )  # fmt: skip
    crisis.save_crisis_plan(
        ctx, plan.id, None, warning_signs=m("warning"), triggers=m("triggers"),
        what_i_do=m("i do"), what_others_do=m("others do"),
        what_does_not_help=m("crisis not help"), treatment_wanted=m("wanted"),
        treatment_not_wanted=m("not wanted"),
        contacts=[crisis.CrisisContactInput(m("contact"), m("contact role"), m("contact phone"))],
    )  # fmt: skip
    return person.id


def _windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def _shown_tooltip(widget: QWidget, at: QPoint) -> str:
    QToolTip.hideText()
    event = QHelpEvent(QEvent.Type.ToolTip, at, widget.mapToGlobal(at))
    QApplication.sendEvent(widget, event)
    return QToolTip.text()


def interpreted(marker: str) -> Iterator[str]:
    """Every place, on every visible window, where text holding ``marker`` is taken as HTML."""
    for window in _windows():
        for widget in [window, *window.findChildren(QWidget)]:
            if not widget.isVisible():
                continue
            name = f"{type(widget).__name__} {widget.objectName()!r}"
            if isinstance(widget, QLabel) and marker in widget.text():
                plain = widget.textFormat() == Qt.TextFormat.PlainText
                if not plain and QtGui.Qt.mightBeRichText(widget.text()):
                    yield f"label {name}: {widget.text()[:60]}"
            if isinstance(widget, QTextEdit) and not isinstance(widget, QTextBrowser):
                yield f"rich text editor {name}"  # people's words go into plain-text editors
            if marker in widget.toolTip():
                shown = _shown_tooltip(widget, QPoint(2, 2))
                if marker in shown:  # the escaped form has &lt;b&gt;, never <b>
                    yield f"tooltip of {name}"
            if isinstance(widget, QAbstractItemView) and widget.model() is not None:
                yield from _item_tooltips(widget, marker, name)


def _item_tooltips(view: QAbstractItemView, marker: str, name: str) -> Iterator[str]:
    model = view.model()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if not isinstance(tip, str) or marker not in tip:
                continue
            rect = view.visualRect(index)
            if rect.isEmpty() or not view.viewport().rect().intersects(rect):
                continue
            if marker in _shown_tooltip(view.viewport(), rect.center()):
                yield f"item tooltip in {name} row {row} column {column}"


def seen_texts() -> str:
    out: list[str] = []
    for window in _windows():
        for widget in [window, *window.findChildren(QWidget)]:
            if widget.isVisible() and isinstance(widget, QLabel):
                out.append(widget.text())
            if widget.isVisible() and isinstance(widget, QAbstractItemView) and widget.model():
                model = widget.model()
                for row in range(model.rowCount()):
                    for column in range(model.columnCount()):
                        out.append(str(model.index(row, column).data() or ""))
    return "\n".join(out)


def test_markup_in_every_field_is_shown_as_typed_everywhere(
    qtbot: Any,
    clinic_ws: OpenClinic,
    marked: uuid.UUID,
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    marker = "<b>"
    window = MainWindow(clinic_ws, settings)
    qtbot.addWidget(window)
    window.resize(1300, 900)
    window.show()
    qtbot.waitExposed(window)
    window.show_caseload(None)  # a team lead starts on the overview; these are about people
    places: list[str] = []

    def look(where: str) -> None:
        qtbot.wait(20)
        places.extend(f"{where}: {found}" for found in interpreted(marker))

    look("caseload")
    assert "<b>full name</b>" in seen_texts()

    window.show_person(marked)
    qtbot.waitUntil(lambda: window.person_workspace is not None)
    workspace = window.person_workspace
    assert workspace is not None
    shown: list[str] = []
    for number, section_name in enumerate(workspace.section_names):
        workspace.show_section(number)
        look(f"section {section_name}")
        shown.append(seen_texts())
    everything = "\n".join(shown)
    for field in ("full name", "goal", "step", "peer", "coordinator", "contribution note"):
        assert f"<b>{field}</b>" in everything, field  # shown, and shown as typed

    team_section = workspace.team
    workspace.show_section(workspace.sections.index(team_section))
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    team_section.table.selectRow(0)
    team_section.remove_current()
    assert asked and "<b>" not in asked[0] and "&lt;b&gt;" in asked[0]

    agreement = window.agree_plan()
    assert agreement is not None
    look("agreeing the plan")
    assert "<b>coordinator</b>" in seen_texts()
    agreement.close()
    window.show_audit()
    look("audit trail")
    window.show_peer_hours()
    look("peer hours")
    for dialog in [w for w in QApplication.topLevelWidgets() if w is not window]:
        dialog.close()

    window.enter_meeting()
    qtbot.waitUntil(lambda: window.meeting is not None)
    look("meeting mode")
    assert "<b>preferred</b>" in seen_texts()
    window.leave_meeting()

    window.lock(privacy=True)
    look("lock screen")
    assert places == []


@pytest.mark.parametrize("tip", ["Hide screen (F12)", markup("name")])
def test_a_tooltip_reads_as_its_words_not_as_markup(qtbot: Any, tip: str) -> None:
    """What the tooltip shows is the tooltip's own text: no ``<p>`` around an ordinary one,
    and a person's markup shown as typed."""
    from caseplan.ui.widgets.plain_text import guard_plain_text

    guard_plain_text()
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.setToolTip(tip)
    widget.show()
    _shown_tooltip(widget, QPoint(2, 2))
    labels = [w for w in QApplication.topLevelWidgets() if w.objectName() == "qtooltip_label"]
    qtbot.waitUntil(lambda: any(label.isVisible() for label in labels), timeout=2000)
    label = next(label for label in labels if label.isVisible())
    assert isinstance(label, QLabel)
    assert label.textFormat() != Qt.TextFormat.PlainText
    shown = QtGui.QTextDocument()
    shown.setHtml(label.text())
    assert shown.toPlainText() == tip
    QToolTip.hideText()
