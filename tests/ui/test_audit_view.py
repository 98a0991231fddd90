"""The audit trail view: its table model alone, and the dialog a team lead opens."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from hypothesis import assume, given
from hypothesis import settings as examples
from hypothesis import strategies as st
from PySide6.QtCore import QSettings, Qt

from caseplan.services.clinic import unlock
from caseplan.services.clinic.unlock import OpenClinic
from caseplan.services.people import people
from caseplan.services.security import audit
from caseplan.services.security.trail import AuditEntry
from caseplan.ui.audit import AuditDialog, AuditTableModel
from caseplan.ui.main_window import MainWindow


def entry(seq: int, action: str, account: str = "kari", detail: str = "") -> AuditEntry:
    return AuditEntry(
        seq=seq,
        at=datetime(2026, 3, 2, 9, 30, tzinfo=UTC),
        account=account,
        action=action,
        entity="session",
        entity_id="",
        detail=detail,
    )


def test_the_model_shows_events_in_words() -> None:
    model = AuditTableModel()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Time", "Who", "Action", "Person", "What", "Detail"]
    model.set_rows([entry(2, audit.Action.LOCK, detail="idle"), entry(1, audit.Action.SIGN_IN)])
    assert model.detail_text(audit.Action.SIGN_IN, "idle") == "idle"
    assert model.rowCount() == 2
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[1:] == ["kari", "Locked", "", "session", "after a time without use"]
    assert row[0].startswith("2 Mar 2026 ")
    assert model.index(1, AuditTableModel.COLUMN_ACTION).data() == "Signed in"
    assert model.index(0, 0).data(AuditTableModel.SeqRole) == 2
    assert model.index(5, 0).data() is None
    model.set_rows([])
    assert model.rowCount() == 0


@examples(max_examples=30, deadline=None)
@given(action=st.text(max_size=20), detail=st.text(max_size=40))
def test_any_stored_action_or_detail_is_shown_as_it_is(action: str, detail: str) -> None:
    """Only a lock's own reasons are put in words; every other detail is shown as stored."""
    assume(action != audit.Action.LOCK)
    model = AuditTableModel()
    model.set_rows([entry(1, action, detail=detail)])
    known = model.action_text(action)
    assert model.index(0, AuditTableModel.COLUMN_ACTION).data() == known
    assert model.index(0, AuditTableModel.COLUMN_DETAIL).data() == detail


def test_the_whole_database_lists_sign_ins_and_locks(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings, lead_password: str
) -> None:
    window = MainWindow(clinic_ws, settings, idle_timeout_ms=60_000)
    qtbot.addWidget(window)
    window.lock(privacy=False)
    window.unlock(lead_password)
    assert not window.locked

    dialog = AuditDialog(window.ctx, None, window)
    qtbot.addWidget(dialog)
    rows = dialog.visible_rows()
    actions = [(row[1], row[2]) for row in rows]
    assert ("Kari Team Lead (team lead)", "Signed in") in actions
    assert ("Kari Team Lead (team lead)", "Locked") in actions
    assert dialog.count_label.text() == f"Events shown: {len(rows)} of {len(rows)}"

    qtbot.keyClicks(dialog.filter, "LOCKED")
    assert [row[2] for row in dialog.visible_rows()] == ["Locked"]
    assert dialog.count_label.text() == f"Events shown: 1 of {len(rows)}"
    dialog.filter.clear()
    assert len(dialog.visible_rows()) == len(rows)


def test_a_persons_trail_is_offered_for_the_selected_person(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings
) -> None:
    added = people.create_person(clinic_ws.ctx, "Maja Sørli")
    window = MainWindow(clinic_ws, settings, idle_timeout_ms=60_000)
    qtbot.addWidget(window)
    assert window.caseload is not None and window.caseload_model is not None
    row = window.caseload_model.row_of(added.id)
    assert row is not None
    window.caseload.table.setCurrentIndex(window.caseload_model.index(row, 0))
    window.show_audit()
    dialog = window.findChild(AuditDialog)
    assert dialog is not None
    assert dialog.scope.currentText() == "This person: Maja Sørli"
    assert [(r[1], r[2], r[3], r[4]) for r in dialog.visible_rows()] == [
        ("Kari Team Lead (team lead)", "Created", "Maja Sørli", "person")
    ]
    dialog.scope.setCurrentIndex(1)
    whole = [r[2] for r in dialog.visible_rows()]
    assert "Signed in" in whole and "Created" in whole  # the whole database's trail


def test_the_audit_trail_is_only_for_team_leads_and_admins(
    qtbot: Any, clinic_ws: OpenClinic, settings: QSettings
) -> None:
    lead = MainWindow(clinic_ws, settings, idle_timeout_ms=60_000)
    qtbot.addWidget(lead)
    assert lead.audit_action.isVisible()
    assert lead.audit_action.text() == "&Audit trail…"
    assert lead.tools_menu.menuAction().isVisible()
    assert lead.peer_hours_action.isVisible()
    report = lead.show_peer_hours()
    assert report.isVisible() and report.windowTitle()
    lead.lock()
    assert not report.isVisible()  # the lock closes it with the other dialogs

    workspace = unlock.sign_in(clinic_ws.database.location, "per", "per password 1")
    try:
        practitioner = MainWindow(workspace, settings, idle_timeout_ms=60_000)
        qtbot.addWidget(practitioner)
        assert practitioner.windowTitle() == "Caseplan — per (practitioner)"
        assert not practitioner.audit_action.isVisible()
        assert not practitioner.peer_hours_action.isVisible()
        # Tools holds only the overview and the charts, of their own people; what people
        # say helps is a team lead's (the role table's WHAT_PEOPLE_SAY)
        shown = [a for a in practitioner.tools_menu.actions() if a.isVisible()]
        assert shown == [practitioner.overview_action, practitioner.charts_action]
        dialog = AuditDialog(workspace.ctx)  # even if opened some other way, it shows nothing
        qtbot.addWidget(dialog)
        assert dialog.visible_rows() == []
        assert dialog.problem_label.text() == (
            "Only a team lead or an administrator can read the audit trail."
        )
    finally:
        workspace.close()


def test_every_kind_of_record_the_services_audit_reads_as_words() -> None:
    """The entity names the services write (grep ``audit.record`` / ``record_change``)."""
    model = AuditTableModel()
    shown = {
        entity: model.entity_text(entity)
        for entity in (
            "account",
            "database",
            "person",
            "plan",
            "goal",
            "step",
            "participant",
            "peer_contribution",
            "meeting",
            "review",
            "crisis_plan",
            "peer_hours",
            "setting",
            "session",
        )
    }
    assert all("_" not in text for text in shown.values()), shown
    assert shown["peer_contribution"] == "peer contribution"
    assert shown["participant"] == "team member"
