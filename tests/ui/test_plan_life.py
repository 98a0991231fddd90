"""The plan's life on screen: its period and review date, closing it and starting the next,
an agreed version opened as it was agreed, and the clinic's settings — each pressed as a
practitioner, a team lead, an administrator or a peer worker would, on both databases."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import select

from caseplan.models import (
    Account,
    AuditEvent,
    CloseReason,
    ConsentScope,
    GoalStatus,
    LifeDomain,
    ParticipantRole,
    PlanStatus,
    Role,
)
from caseplan.reports.printing import version_pdf
from caseplan.services.agreement import agreement
from caseplan.services.clinic import settings as clinic_settings
from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.context import Actor, Context
from caseplan.services.people import people
from caseplan.services.plans import goals, plans
from caseplan.services.team import team
from caseplan.storage.database import Database
from caseplan.ui.main_window import MainWindow
from caseplan.ui.plan import ClosePlanDialog, NextPlanDialog, PlanDatesDialog
from caseplan.ui.printing.version import VersionDialog
from caseplan.ui.settings.clinic import ClinicSettingsDialog
from tests.reports.pdftools import pdf_text, squeeze
from tests.ui.conftest import TODAY
from tests.ui.test_keyboard_flow import ALT, CTRL, SHIFT, focused, key, type_text


def _actor(db: Database, username: str, name: str, role: Role) -> Context:
    with db.sessions.begin() as session:
        account = Account(username=username, display_name=name, role=role)
        session.add(account)
        session.flush()
        actor = Actor(account.id, username, role)
    return Context(db.sessions, actor=actor, today=lambda: TODAY)


@dataclass(frozen=True)
class Ola:
    person: uuid.UUID
    plan: uuid.UUID
    house: uuid.UUID
    rus: uuid.UUID
    me: uuid.UUID


@pytest.fixture
def kari(db: Database) -> Context:
    return _actor(db, "kari", "Kari Lund", Role.PRACTITIONER)


@pytest.fixture
def ola(kari: Context) -> Ola:
    """Ola, added by Kari: his first plan (from today, review in three months), two goals."""
    person = people.create_person(kari, "Ola Nordmann", preferred_name="Ola")
    plan = plans.get_open_plan(kari, person.id)
    assert plan is not None
    house = goals.add_goal(
        kari, plan.id, LifeDomain.HOUSING, "Få egen leilighet.", target_date=date(2026, 9, 1)
    )
    goals.add_step(kari, house.id, "Søke kommunal bolig.", due=date(2026, 5, 1))
    rus = goals.add_goal(kari, plan.id, LifeDomain.SUBSTANCE_USE, "Færre dager med rus.")
    goals.add_step(kari, rus.id, "Snakke med fastlegen.", due=date(2026, 3, 20))
    me = next(
        p.id for p in team.list_participants(kari, plan.id) if p.role == ParticipantRole.PERSON
    )
    return Ola(person.id, plan.id, house.id, rus.id, me)


def _window(qtbot: Any, db: Database, ctx: Context, tmp_path: Path) -> MainWindow:
    window = MainWindow(
        OpenClinic(db, ctx), QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _open(qtbot: Any, window: MainWindow, person: uuid.UUID) -> Any:
    window.show_person(person)
    qtbot.waitUntil(lambda: window.person_workspace is not None)
    ws = window.person_workspace
    qtbot.waitUntil(lambda: ws is not None and ws.isAncestorOf(QApplication.focusWidget()))
    return ws


def _dialog(qtbot: Any, window: MainWindow, kind: type[QDialog]) -> Any:
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(kind)))
    dialog = next(d for d in window.findChildren(kind) if d.isVisible())
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    return dialog


def _changes(db: Database, entity: str) -> list[str]:
    with db.sessions() as session:
        query = select(AuditEvent.detail).where(
            AuditEvent.action == "change", AuditEvent.entity == entity
        )
        return list(session.scalars(query))


# --- the plan period and the next review -------------------------------------------------


def test_moving_the_period_by_keyboard_says_what_now_falls_outside(
    qtbot: Any, db: Database, kari: Context, ola: Ola, tmp_path: Path
) -> None:
    window = _window(qtbot, db, kari, tmp_path)
    ws = _open(qtbot, window, ola.person)
    assert ws.plan_label.text() == (
        "Plan: Draft · from 2 Mar 2026 · next review 2 Jun 2026 · coordinator Kari Lund"
    )
    key(qtbot, Qt.Key.Key_D, CTRL | SHIFT)
    dialog = _dialog(qtbot, window, PlanDatesDialog)
    assert focused() is dialog.start.line and dialog.start.text() == "2 Mar 2026"
    assert dialog.end.text() == "" and dialog.next_review.text() == "2 Jun 2026"
    assert "usually reviewed every 3 months" in dialog.hint.text()
    key(qtbot, Qt.Key.Key_T, ALT)
    assert focused() is dialog.end.line
    type_text(qtbot, "30.04.2026")
    key(qtbot, Qt.Key.Key_N, ALT)
    assert focused() is dialog.next_review.line
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "+1m")
    key(qtbot, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: dialog.outside_list.isVisible())  # it stays to say what is outside
    assert dialog.message.text().startswith("Saved. These are now dated outside the plan period")
    assert dialog.outside_model.stringList() == [
        "Goal “Få egen leilighet.”: aimed at 1 Sep 2026, after the plan ends",
        "Step “Søke kommunal bolig.”: due 1 May 2026, after the plan ends",
    ]
    assert dialog.close_button.text() == "Close"
    plan = plans.get_plan(kari, ola.plan)
    assert (plan.period_end, plan.next_review) == (date(2026, 4, 30), date(2026, 4, 2))
    assert any("period_end" in d and "next_review" in d for d in _changes(db, "plan"))
    qtbot.waitUntil(
        lambda: (
            ws.plan_label.text()
            == "Plan: Draft · 2 Mar 2026 to 30 Apr 2026 · next review 2 Apr 2026"
            " · coordinator Kari Lund"
        )
    )
    dialog.close_button.click()
    qtbot.waitUntil(lambda: not window.findChildren(PlanDatesDialog))


def test_dates_that_do_not_fit_are_one_sentence_and_nothing_is_saved(
    qtbot: Any, db: Database, kari: Context, ola: Ola
) -> None:
    dialog = PlanDatesDialog(kari, ola.person)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.end.line.setText("1.1.2026")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.message.text() == "The plan period cannot end before it starts."
    dialog.end.line.clear()
    dialog.next_review.line.setText("31.02.2026")
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.next_review.problem_text()
    dialog.next_review.line.clear()
    dialog.save_button.click()
    assert dialog.next_review.problem_text() == "Write a date, like 14.03.2027 or +14."
    plan = plans.get_plan(kari, ola.plan)
    assert (plan.period_end, plan.next_review) == (None, date(2026, 6, 2))
    assert not any("period_end" in d for d in _changes(db, "plan"))


def test_in_meeting_mode_the_dates_open_in_large_type_and_enter_saves(
    qtbot: Any, db: Database, kari: Context, ola: Ola, tmp_path: Path
) -> None:
    window = _window(qtbot, db, kari, tmp_path)
    _open(qtbot, window, ola.person)
    key(qtbot, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.meeting is not None and window.isFullScreen())
    key(qtbot, Qt.Key.Key_D, CTRL | SHIFT)
    dialog = _dialog(qtbot, window, PlanDatesDialog)
    assert dialog.start.line.font().pointSizeF() >= window.font().pointSizeF() * 1.4
    key(qtbot, Qt.Key.Key_N, ALT)
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "1.6.2026")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.findChildren(PlanDatesDialog))
    assert plans.get_plan(kari, ola.plan).next_review == date(2026, 6, 1)
    assert window.meeting is not None  # still with the person


# --- closing a plan and the next one ------------------------------------------------------


def test_close_with_a_reason_and_carry_over_the_goals_the_person_chooses(
    qtbot: Any, db: Database, kari: Context, ola: Ola, tmp_path: Path
) -> None:
    window = _window(qtbot, db, kari, tmp_path)
    ws = _open(qtbot, window, ola.person)
    plan_menu = next(m for m in window.menuBar().actions() if m.text() == "P&lan").menu()
    assert [a.text() for a in plan_menu.actions() if not a.isSeparator()] == [
        "&Review the plan…",
        "Plan &period and review date…",
        "&Agree the plan…",
        "&Close the plan…",
        "&Start the next plan…",
    ]
    assert not window.next_plan_action.isEnabled()
    assert window.next_plan_action.toolTip() == "This person's plan is still open; close it first."
    window.close_plan_action.trigger()
    dialog = _dialog(qtbot, window, ClosePlanDialog)
    assert not dialog.goal_list.isVisible()
    dialog.close_plan_button.click()
    assert dialog.message.text() == "Please choose why the plan ends."
    assert plans.get_plan(kari, ola.plan).status == PlanStatus.DRAFT

    key(qtbot, Qt.Key.Key_G, ALT)  # the goals are reached
    qtbot.waitUntil(lambda: dialog.reason() == CloseReason.GOALS_REACHED)
    assert dialog.start_next.isChecked()
    assert dialog.goal_list.isVisible()
    assert dialog.close_plan_button.text() == "C&lose and start the next plan"
    key(qtbot, Qt.Key.Key_W, ALT)
    assert focused() is dialog.goal_list
    assert [dialog.choice.item(r).text() for r in range(2)] == [
        "Få egen leilighet. (Housing; Working on it)",
        "Færre dager med rus. (Substance use; Working on it)",
    ]
    dialog.goal_list.setCurrentIndex(dialog.choice.index(1, 0))
    key(qtbot, Qt.Key.Key_Space)  # Ola lets this one go
    assert dialog.choice.chosen() == [ola.house]
    key(qtbot, Qt.Key.Key_L, ALT)
    qtbot.waitUntil(lambda: not window.findChildren(ClosePlanDialog))

    old = plans.get_plan(kari, ola.plan)
    assert (old.status, old.closed_on, old.closed_reason) == (
        PlanStatus.CLOSED,
        TODAY,
        CloseReason.GOALS_REACHED,
    )
    new = plans.get_open_plan(kari, ola.person)
    assert new is not None and new.next_review == date(2026, 6, 2)
    carried = goals.list_goals(kari, new.id)
    assert [(g.own_words, [s.action for s in g.steps]) for g in carried] == [
        ("Få egen leilighet.", ["Søke kommunal bolig."])
    ]
    qtbot.waitUntil(lambda: ws.view is not None and ws.view.plan.id == new.id)
    assert ws.plan_label.text().startswith("Plan: Draft · from 2 Mar 2026")
    key(qtbot, Qt.Key.Key_7, CTRL)
    history = ws.history
    rows = [
        [history.model.index(r, c).data() for c in range(history.model.columnCount())]
        for r in range(history.model.rowCount())
    ]
    assert [row[2] for row in rows] == ["Draft", "Closed"]
    assert rows[1][-1] == "2 Mar 2026: goals reached"


def test_moved_away_then_the_next_plan_from_the_workspace_button(
    qtbot: Any, db: Database, kari: Context, ola: Ola, tmp_path: Path
) -> None:
    window = _window(qtbot, db, kari, tmp_path)
    ws = _open(qtbot, window, ola.person)
    window.close_plan_action.trigger()
    dialog = _dialog(qtbot, window, ClosePlanDialog)
    key(qtbot, Qt.Key.Key_M, ALT)  # moved: no next plan unless asked
    qtbot.waitUntil(lambda: dialog.reason() == CloseReason.MOVED)
    assert not dialog.start_next.isChecked() and not dialog.goal_list.isVisible()
    assert dialog.close_plan_button.text() == "C&lose the plan"
    key(qtbot, Qt.Key.Key_L, ALT)
    qtbot.waitUntil(lambda: not window.findChildren(ClosePlanDialog))
    qtbot.waitUntil(lambda: ws.view is None)
    assert ws.plan_label.text() == "No open plan: the last one was closed on 2 Mar 2026 (moved)."
    assert ws.start_plan_button.text() == "Start the next &plan…"
    assert not window.close_plan_action.isEnabled() and not window.period_action.isEnabled()
    assert window.period_action.toolTip() == "This person has no open plan."
    assert window.next_plan_action.isEnabled()

    ws.start_plan_button.click()
    dialog = _dialog(qtbot, window, NextPlanDialog)
    assert "closed on 2 Mar 2026 (moved)" in dialog.intro.text()
    assert focused() is dialog.goal_list
    key(qtbot, Qt.Key.Key_Space)  # not the first goal
    assert dialog.choice.chosen() == [ola.rus]
    key(qtbot, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: not window.findChildren(NextPlanDialog))
    new = plans.get_open_plan(kari, ola.person)
    assert new is not None
    assert [g.own_words for g in goals.list_goals(kari, new.id)] == ["Færre dager med rus."]
    qtbot.waitUntil(lambda: ws.view is not None and ws.view.plan.id == new.id)
    assert window.close_plan_action.isEnabled() and not window.next_plan_action.isEnabled()


def test_a_peer_worker_is_offered_no_plan_change_and_is_told_why(
    qtbot: Any, db: Database, kari: Context, ola: Ola, tmp_path: Path
) -> None:
    peer = _actor(db, "sindre", "Sindre Likeperson", Role.PEER_WORKER)
    plans.update_plan(kari, ola.plan, None, peer_consent_granted_on=TODAY)
    team.add_participant(
        kari, ola.plan, ParticipantRole.PEER, "Sindre Likeperson",
        account_id=peer.actor.account_id, consent_scope=ConsentScope.FULL_PLAN,
        consent_granted_on=TODAY,
    )  # fmt: skip
    window = _window(qtbot, db, peer, tmp_path)
    _open(qtbot, window, ola.person)
    for action in (window.period_action, window.close_plan_action):
        assert not action.isEnabled()
    assert window.close_plan_action.toolTip() == (
        "Only the person's practitioners or a team lead can close a plan."
    )
    assert window.period_action.toolTip() == (
        "Only the person's practitioners or a team lead can change the dates."
    )
    assert not window.clinic_settings_action.isVisible()
    assert window.close_plan() is None and window.change_plan_dates() is None
    assert plans.get_plan(kari, ola.plan).status != PlanStatus.CLOSED


# --- an agreed version, opened as it was agreed -------------------------------------------


def test_a_version_opens_read_only_as_agreed_and_prints_and_saves_from_there(
    qtbot: Any,
    db: Database,
    kari: Context,
    ola: Ola,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    agreement.agree_plan(kari, ola.plan, None, [ola.me], {ola.me: "paper"}, {}, TODAY)
    goals.update_goal(kari, ola.house, None, own_words="Få egen leilighet før jul.")
    window = _window(qtbot, db, kari, tmp_path)
    ws = _open(qtbot, window, ola.person)
    key(qtbot, Qt.Key.Key_7, CTRL)
    history = ws.history
    qtbot.waitUntil(history.version_table.hasFocus)
    assert history.open_button.isEnabled()
    key(qtbot, Qt.Key.Key_Return)  # Enter opens the chosen version
    dialog = _dialog(qtbot, window, VersionDialog)
    assert dialog.windowTitle() == "Plan version 1, agreed 2 Mar 2026"
    assert dialog.heading.text().startswith("Read-only: version 1 exactly as it was agreed")
    qtbot.waitUntil(lambda: dialog.page_count > 0)
    shown = squeeze(dialog.pages.text.toPlainText())
    assert squeeze("Planversjon 1, avtalt") in shown  # Ola's plan prints in bokmål
    assert squeeze("Få egen leilighet.") in shown and "førjul" not in shown

    prints_before = _prints(db)
    saved = tmp_path / "v1.pdf"
    dialog.choose_path = lambda _parent, _title, _name: saved
    dialog.save_button.click()
    assert saved.exists() and dialog.message.text().startswith(f"Saved to {saved}.")
    assert pdf_text(saved) == pdf_text_of(version_pdf(kari, dialog.version.id, audited=False))

    printed = tmp_path / "printed.pdf"

    def pdf_printer(*_args: Any) -> QPrinter:
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    monkeypatch.setattr("caseplan.ui.printing.version.ask_printer", pdf_printer)
    dialog.print_button.click()
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Sent"), timeout=15000)
    assert squeeze("Få egen leilighet.") in squeeze(pdf_text(printed))
    assert _prints(db) == prints_before + 2  # showing it is not a print; saving and printing are
    dialog.reject()

    # Closed, its versions are still there: the closed plan chosen above shows them.
    plans.close_plan(kari, ola.plan, None, CloseReason.MOVED)
    ws.reload()
    assert history.model.rowCount() == 1 and history.versions.rowCount() == 1
    assert history.versions_label.text().startswith("&Agreed versions of the closed plan")
    history.open_button.click()
    assert _dialog(qtbot, window, VersionDialog).version.number == 1


def _prints(db: Database) -> int:
    with db.sessions() as session:
        return len(list(session.scalars(select(AuditEvent).where(AuditEvent.action == "print"))))


def pdf_text_of(data: bytes) -> str:
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(data)
        file.flush()
        return pdf_text(Path(file.name))


# --- the clinic's settings ----------------------------------------------------------------


def test_a_team_lead_sets_the_review_interval_and_new_plans_follow(
    qtbot: Any, db: Database, tmp_path: Path
) -> None:
    lead = _actor(db, "lars", "Lars Leder", Role.TEAM_LEAD)
    window = _window(qtbot, db, lead, tmp_path)
    settings_menu = next(m for m in window.menuBar().actions() if m.text() == "S&ettings").menu()
    assert "&Clinic settings…" in [a.text() for a in settings_menu.actions() if a.isVisible()]
    window.clinic_settings_action.trigger()
    dialog = _dialog(qtbot, window, ClinicSettingsDialog)
    assert focused() is dialog.review_months.lineEdit() or focused() is dialog.review_months
    assert dialog.review_months.value() == 3
    assert not dialog.idle_minutes.isEnabled()
    assert dialog.idle_note.text() == "Only an administrator can change when the window locks."
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "6")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.findChildren(ClinicSettingsDialog))
    assert clinic_settings.review_interval_months(lead) == 6
    assert any("review_interval_months" in d for d in _changes(db, "setting"))
    person = people.create_person(lead, "Åse Nilsen", with_plan=True)
    plan = plans.get_open_plan(lead, person.id)
    assert plan is not None and plan.next_review == date(2026, 9, 2)


def test_an_administrator_sets_the_idle_lock_and_the_window_follows_at_once(
    qtbot: Any, db: Database, tmp_path: Path
) -> None:
    admin = _actor(db, "tone", "Tone Admin", Role.ADMIN)
    window = _window(qtbot, db, admin, tmp_path)
    window.clinic_settings_action.trigger()
    dialog = _dialog(qtbot, window, ClinicSettingsDialog)
    assert dialog.idle_minutes.isEnabled()
    key(qtbot, Qt.Key.Key_L, ALT)
    qtbot.waitUntil(
        lambda: dialog.idle_minutes.isAncestorOf(focused()) or focused() is dialog.idle_minutes
    )
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "10")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert clinic_settings.idle_lock_minutes(admin) == 10.0
    assert window.idle_watcher.timeout_ms == 600_000


def test_a_practitioner_is_not_offered_the_clinic_settings(
    qtbot: Any, db: Database, kari: Context, tmp_path: Path
) -> None:
    window = _window(qtbot, db, kari, tmp_path)
    assert not window.clinic_settings_action.isVisible()
    assert window.show_clinic_settings() is None


def test_goal_statuses_decide_what_is_ticked_to_come_along(
    qtbot: Any, kari: Context, ola: Ola
) -> None:
    goals.close_goal(kari, ola.rus, None, GoalStatus.ACHIEVED)
    dialog = ClosePlanDialog(kari, ola.person)
    qtbot.addWidget(dialog)
    assert dialog.choice.chosen() == [ola.house]  # a goal reached stays behind unless ticked
