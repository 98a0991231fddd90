"""The other sections as a person sees them: team, peer support, meetings, crisis plan, history."""

from __future__ import annotations

import unicodedata
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from caseplan.models import LifeDomain
from caseplan.services.context import Context
from caseplan.services.crisis import crisis
from caseplan.services.meetings import meetings
from caseplan.services.peers import contributions
from caseplan.services.people import people
from caseplan.services.plans import goals
from caseplan.services.security import audit
from caseplan.ui.widgets.whose_words import WorkerNoteEdit
from caseplan.ui.workspace import PersonWorkspace
from tests.support import spoken_name


def _rows(view: QAbstractItemView) -> list[list[str]]:
    model = view.model()
    return [
        [str(model.index(r, c).data() or "") for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_ctrl_number_opens_each_section(qtbot: Any, workspace: PersonWorkspace) -> None:
    workspace.activateWindow()
    workspace.about_me.fields["what_matters"].editor.setFocus()
    qtbot.waitUntil(workspace.about_me.fields["what_matters"].editor.hasFocus)
    for number in (7, 3, 6, 1):
        key = getattr(Qt.Key, f"Key_{number}")
        qtbot.keyClick(
            workspace.focusWidget() or workspace, key, Qt.KeyboardModifier.ControlModifier
        )
        assert workspace.current_section() == number - 1
        assert workspace.nav.currentIndex().row() == number - 1


def test_every_control_has_an_accessible_name(workspace: PersonWorkspace) -> None:
    for number in range(len(workspace.sections)):  # sections are built when first shown
        workspace.show_section(number)
    assert all(workspace.is_built(n) for n in range(len(workspace.sections)))
    kinds = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QAbstractItemView)
    unnamed = [
        f"{type(w).__name__} {w.objectName()}"
        for w in workspace.findChildren(QWidget)
        if isinstance(w, kinds)
        and not isinstance(w, QHeaderView)
        and not spoken_name(w)
        and not w.objectName().startswith("qt_")
        and w.window() is workspace
    ]
    assert unnamed == []


def test_team_table_shows_roles_phone_and_the_coordinator(
    qtbot: Any, workspace: PersonWorkspace, ctx: Context, kari: Any
) -> None:
    rows = _rows(workspace.team.table)
    assert rows[1][:4] == ["Coordinator · coordinator", "Ola Hansen", "", "22 00 00 01"]
    assert [r[1] for r in rows] == ["Kari Nordmann", "Ola Hansen", "Siri Å. Lie"]
    workspace.show_section(workspace.TEAM)
    workspace.team.start_add()
    dialog = workspace.team.dialog
    assert dialog is not None
    dialog.role.setCurrentIndex(dialog.role.findText("Other service"))
    dialog.name.setText("Dr. Nils Berg")
    dialog.organisation.setText("Legekontoret")
    dialog.phone.setText("22 00 00 09")
    dialog.accept()
    assert _rows(workspace.team.table)[3][:4] == [
        "Other service",
        "Dr. Nils Berg",
        "Legekontoret",
        "22 00 00 09",
    ]
    workspace.undo()
    assert len(_rows(workspace.team.table)) == 3


def test_peer_support_is_recorded_and_totalled(
    qtbot: Any, workspace: PersonWorkspace, ctx: Context, kari: Any
) -> None:
    workspace.show_section(workspace.PEER)
    workspace.peer.start_add()
    dialog = workspace.peer.dialog
    assert dialog is not None
    assert dialog.peer.currentText() == "Siri Å. Lie (Peer)"
    dialog.minutes.setValue(90)
    dialog.paid.setValue(60)
    dialog.note.setText("Gikk sammen til NAV.")
    dialog.accept()
    (row,) = _rows(workspace.peer.table)
    # Siri has no account and no team lead has verified her: her paid minutes are held
    assert row[1:] == ["Siri Å. Lie", "90", "Meeting", "Gikk sammen til NAV.", "60 (held)"]
    assert workspace.peer.total.text() == (
        "In total 90 minutes, 60 of them paid (60 held until a team lead verifies the peer)"
    )
    assert contributions.list_contributions(ctx, kari.plan_id)[0].paid_minutes == 60


def test_meeting_shared_notes_are_saved(
    qtbot: Any, workspace: PersonWorkspace, ctx: Context, kari: Any
) -> None:
    workspace.show_section(workspace.MEETINGS)
    workspace.meetings.add_button.click()
    assert len(_rows(workspace.meetings.table)) == 1
    notes = workspace.meetings.notes
    notes.editor.setFocus()
    qtbot.keyClicks(notes.editor, "Vi ble enige om å møtes igjen.")
    workspace.meetings.notes_binding.save_now()
    (meeting,) = meetings.list_meetings(ctx, kari.plan_id)
    assert meeting.shared_notes == "Vi ble enige om å møtes igjen."
    assert workspace.meetings.note.label.text().startswith("Worker's note · internal")


def test_crisis_plan_words_and_contacts(
    qtbot: Any, workspace: PersonWorkspace, ctx: Context, kari: Any
) -> None:
    workspace.show_section(workspace.CRISIS)
    field = workspace.crisis.fields["warning_signs"]
    assert field.label.text() == (
        "Signs that things are getting hard — In Kari's own words · shared and printed"
    )
    field.editor.setFocus()
    qtbot.keyClicks(field.editor, "Jeg slutter å sove.")
    workspace.crisis.bindings["warning_signs"].save_now()
    workspace.crisis.start_add_contact()
    dialog = workspace.crisis.dialog
    assert dialog is not None
    dialog.name.setText("Mamma")
    dialog.phone.setText("900 00 000")
    dialog.accept()
    stored = crisis.get_crisis_plan(ctx, kari.plan_id)
    assert stored is not None
    assert stored.warning_signs == "Jeg slutter å sove."
    assert [(c.name, c.phone) for c in stored.contacts] == [("Mamma", "900 00 000")]
    assert _rows(workspace.crisis.table) == [["Mamma", "", "900 00 000"]]
    workspace.undo()
    assert _rows(workspace.crisis.table) == []


def test_history_lists_the_plan(workspace: PersonWorkspace) -> None:
    (row,) = _rows(workspace.history.table)
    assert row[2] == "Draft"


def test_a_person_without_a_plan_can_start_one(qtbot: Any, ctx: Context) -> None:
    person = people.create_person(ctx, "Per Olsen")
    workspace = PersonWorkspace(ctx, person.id)
    qtbot.addWidget(workspace)
    assert workspace.plan_label.text() == "No plan yet."
    assert not workspace.goals.add_goal_button.isEnabled()
    workspace.start_plan_button.click()
    # Reviewed after the clinic's usual three months, with the person on the team.
    assert workspace.plan_label.text() == "Plan: Draft · from 2 Mar 2026 · next review 2 Jun 2026"
    assert [m.name for m in workspace.view.participants] == ["Per Olsen"]
    assert workspace.goals.add_goal_button.isEnabled()


def test_title_changed_names_the_person(qtbot: Any, ctx: Context, kari: Any) -> None:
    titles: list[str] = []
    workspace = PersonWorkspace.__new__(PersonWorkspace)
    PersonWorkspace.__init__(workspace, ctx, kari.person_id)
    qtbot.addWidget(workspace)
    workspace.title_changed.connect(titles.append)
    workspace.reload()
    assert titles == ["Kari Nordmann"]
    assert workspace.name_label.text() == "Kari (full name Kari Nordmann)"


def test_worker_note_is_grey_and_labelled_internal(qtbot: Any) -> None:
    note = WorkerNoteEdit()
    qtbot.addWidget(note)
    assert note.label.text() == "Worker's note · internal, never printed or shown in meeting mode"
    assert "#eceff1" in note.styleSheet()


def test_removing_a_team_member_can_be_undone(
    qtbot: Any, workspace: PersonWorkspace, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(
        QMessageBox, "question", lambda *_args, **_kw: QMessageBox.StandardButton.Yes
    )
    workspace.show_section(workspace.TEAM)
    workspace.team.table.selectRow(2)
    workspace.team.remove_button.click()
    assert [r[1] for r in _rows(workspace.team.table)] == ["Kari Nordmann", "Ola Hansen"]
    workspace.undo()
    assert [r[1] for r in _rows(workspace.team.table)] == [
        "Kari Nordmann",
        "Ola Hansen",
        "Siri Å. Lie",
    ]
    workspace.redo()
    assert len(_rows(workspace.team.table)) == 2


def test_opening_a_person_is_audited_once_not_on_every_save(
    qtbot: Any, ctx: Context, kari: Any
) -> None:
    from sqlalchemy import func, select

    from caseplan.models import AuditEvent

    def opened(action: str = audit.Action.OPEN_PERSON) -> int:
        with ctx.read() as session:
            return int(
                session.execute(
                    select(func.count()).select_from(AuditEvent).where(AuditEvent.action == action)
                ).scalar_one()
            )

    before, views = opened(), opened(audit.Action.VIEWED)
    workspace = PersonWorkspace(ctx, kari.person_id)
    qtbot.addWidget(workspace)
    assert opened() == before + 1
    for section in range(len(workspace.sections)):  # every part of the person, shown
        workspace.nav.setCurrentIndex(workspace.nav_model.index(section, 0))
    workspace.reload()
    workspace.reload()
    assert opened() == before + 1
    assert opened(audit.Action.VIEWED) == views  # the opening is the view; no row per part


def test_opening_a_person_builds_only_the_section_on_screen_and_the_rest_when_shown(
    qtbot: Any, workspace: PersonWorkspace, ctx: Context, kari: Any
) -> None:
    sections = len(workspace.sections)
    assert sections == 7
    assert [workspace.is_built(n) for n in range(sections)] == [True] + [False] * 6
    assert workspace.pages.currentWidget() is workspace.about_me
    # Written elsewhere after opening, read in again, then shown for the first time.
    goals.add_goal(ctx, kari.plan_id, LifeDomain.HOUSING, "Egen leilighet.")
    workspace.reload()
    workspace.nav.setCurrentIndex(workspace.nav_model.index(workspace.GOALS, 0))
    assert workspace.current_section() == workspace.GOALS
    assert workspace.is_built(workspace.GOALS)
    assert workspace.pages.currentWidget() is workspace.goals
    assert workspace.goals.isVisible()
    assert workspace.goals.accessibleName() == "Goals and steps"
    assert workspace.goals.model.visible_text() == ["Housing", "  Egen leilighet."]
    assert [workspace.is_built(n) for n in range(sections)] == [True, True] + [False] * 5
    # Asking for a section by name builds it too, filled, without moving the screen.
    assert "Ola Hansen" in [row[1] for row in _rows(workspace.team.table)]
    assert workspace.current_section() == workspace.GOALS
    assert workspace.pages.currentWidget() is workspace.goals


def test_undo_reaches_an_edit_made_before_another_section_was_first_shown(
    qtbot: Any, workspace: PersonWorkspace, ctx: Context, kari: Any
) -> None:
    field = workspace.about_me.fields["strengths"]
    field.editor.setFocus()
    qtbot.keyClicks(field.editor, "Sta.")
    workspace.flush()
    assert people.get_person(ctx, kari.person_id).strengths == "Sta."
    workspace.show_section(workspace.CRISIS)  # built now, after the edit
    assert workspace.is_built(workspace.CRISIS)
    workspace.undo()
    assert people.get_person(ctx, kari.person_id).strengths == ""
    assert workspace.about_me.fields["strengths"].text() == ""
    workspace.redo()
    assert people.get_person(ctx, kari.person_id).strengths == "Sta."


def test_what_we_agreed_today_prints_from_the_meeting(
    qtbot: Any, workspace: PersonWorkspace, ctx: Context, kari: Any, kari_goal: Any, tmp_path: Any
) -> None:
    from tests.reports.pdftools import pdf_text, squeeze

    workspace.show_section(workspace.MEETINGS)
    assert not workspace.meetings.summary_button.isEnabled()  # no meeting yet
    workspace.meetings.add_button.click()
    notes = workspace.meetings.notes
    notes.editor.setFocus()
    qtbot.keyClicks(notes.editor, "Vi ble enige om å møtes igjen.")
    workspace.meetings.notes_binding.save_now()
    workspace.meetings.note.editor.setPlainText("INTERNT: ikke for Kari")
    workspace.meetings.note_binding.save_now()
    assert workspace.meetings.summary_button.isEnabled()
    dialog = workspace.meetings.print_summary()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.kind.currentData() == "summary" and dialog.page_count == 1  # type: ignore[attr-defined]
    out = tmp_path / "summary.pdf"
    dialog.save_to(out)  # type: ignore[attr-defined]
    text = squeeze(pdf_text(out))
    assert squeeze("Dette ble vi enige om i dag") in text
    assert squeeze("Vi ble enige om å møtes igjen.") in text
    assert squeeze("Søke om startlån.") in text  # what happens next
    assert "INTERNT" not in text
    dialog.close()


def test_undoing_a_team_change_over_someone_elses_asks_and_can_keep_mine(
    qtbot: Any, workspace: PersonWorkspace, ctx: Context, kari: Any, db: Any
) -> None:
    from caseplan.services.team import team
    from caseplan.ui.workspace.conflict import ConflictDialog
    from tests.support import open_test_database

    workspace.show_section(workspace.TEAM)
    workspace.team.table.selectRow(1)
    workspace.team.start_edit()
    dialog = workspace.team.dialog
    assert dialog is not None
    dialog.phone.setText("22 00 00 02")
    dialog.accept()
    assert _rows(workspace.team.table)[1][3] == "22 00 00 02"
    other = open_test_database(db.location)
    try:
        other_ctx = Context(other.sessions)
        theirs = team.get_participant(other_ctx, kari.ola)
        team.update_participant(other_ctx, kari.ola, theirs.version, phone="99 99 99 99")
    finally:
        other.close()
    workspace.undo()
    question = next(d for d in workspace.window().findChildren(ConflictDialog) if d.isVisible())
    assert question.theirs.toPlainText() == "Phone: 99 99 99 99"
    assert question.mine.toPlainText() == "Phone: 22 00 00 01"
    assert team.get_participant(ctx, kari.ola).phone == "99 99 99 99"
    qtbot.mouseClick(question.keep_mine, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not question.isVisible())
    assert team.get_participant(ctx, kari.ola).phone == "22 00 00 01"
    assert _rows(workspace.team.table)[1][3] == "22 00 00 01"
    assert workspace.redo_button.isEnabled()


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_whatever_is_typed_is_stored_exactly_or_kept_with_the_reason(
    qtbot: Any, workspace: PersonWorkspace, ctx: Context, kari: Any, text: str
) -> None:
    field = workspace.about_me.fields["strengths"]
    binding = workspace.about_me.bindings["strengths"]
    before = people.get_person(ctx, kari.person_id).strengths
    field.editor.setPlainText(text)
    typed = field.text()  # what the editor made of it (its own line breaks and spaces)
    stored = binding.save_now()
    now = people.get_person(ctx, kari.person_id).strengths
    if stored:  # the editor's own line breaks are what is stored, in NFC (models/text.py):
        # canonically the same text (a compatibility ideograph such as U+FA2A is stored as
        # the ideograph it stands for)
        assert now == unicodedata.normalize("NFC", field.text()) and not field.error.isVisible()
        if now != before:
            workspace.undo()
            assert people.get_person(ctx, kari.person_id).strengths == before
            assert field.text() == before
    else:  # refused: one sentence, the words stay in the field, nothing half-written
        assert field.error.text() and field.text() == typed
        assert now == before
        field.set_text(before)
        binding.save_now()
