"""Never lose a word: typing is stored within two seconds, at once on leaving, conflicts shown."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt

from caseplan.services.context import Context
from caseplan.services.people import people
from caseplan.storage.database import Database
from caseplan.ui.workspace import PersonWorkspace
from tests.support import open_test_database


def _type_into(qtbot: Any, workspace: PersonWorkspace, name: str, text: str) -> None:
    field = workspace.about_me.fields[name]
    field.editor.setFocus()
    field.editor.moveCursor(field.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(field.editor, text)


def test_own_words_field_says_whose_words_and_saves_after_typing(
    qtbot: Any, workspace: PersonWorkspace, ctx: Context, kari: Any
) -> None:
    field = workspace.about_me.fields["what_matters"]
    assert field.label.text() == ("What matters to me — In Kari's own words · shared and printed")
    assert field.text() == "Å ha et sted å bo."
    _type_into(qtbot, workspace, "what_matters", " Og å se barna mine.")
    assert workspace.indicator.text() == "Saving…"
    qtbot.waitUntil(
        lambda: (
            people.get_person(ctx, kari.person_id).what_matters
            == "Å ha et sted å bo. Og å se barna mine."
        ),
        timeout=5000,
    )
    assert workspace.indicator.text().startswith("Saved")


def test_leaving_a_field_saves_at_once(
    qtbot: Any, workspace: PersonWorkspace, ctx: Context, kari: Any
) -> None:
    _type_into(qtbot, workspace, "strengths", "Jeg er sta.")
    assert people.get_person(ctx, kari.person_id).strengths == ""  # not yet: still typing
    qtbot.keyClick(workspace.about_me.fields["strengths"].editor, Qt.Key.Key_Tab)
    assert people.get_person(ctx, kari.person_id).strengths == "Jeg er sta."
    assert workspace.about_me.fields["what_helps"].editor.hasFocus()


def test_typing_is_in_the_database_within_two_seconds(
    qtbot: Any, workspace: PersonWorkspace, db: Database, kari: Any
) -> None:
    """What a second program would find if this one were killed two seconds after typing."""
    other = open_test_database(db.location)
    try:
        other_ctx = Context(other.sessions)
        _type_into(qtbot, workspace, "what_helps", "Turer med hunden.")
        typed = time.monotonic()
        qtbot.waitUntil(
            lambda: people.get_person(other_ctx, kari.person_id).what_helps == "Turer med hunden.",
            timeout=2000,
        )
        assert time.monotonic() - typed < 2.0
    finally:
        other.close()


def test_a_conflict_shows_both_texts_and_keeps_mine(
    qtbot: Any, workspace: PersonWorkspace, ctx: Context, kari: Any
) -> None:
    stored = people.get_person(ctx, kari.person_id)
    people.update_person(ctx, kari.person_id, stored.version, what_matters="Deres tekst.")
    _type_into(qtbot, workspace, "what_matters", " Min tekst.")
    binding = workspace.about_me.bindings["what_matters"]
    binding.save_now()
    dialog = binding.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.theirs.toPlainText() == "Deres tekst."
    assert dialog.mine.toPlainText() == "Å ha et sted å bo. Min tekst."
    assert people.get_person(ctx, kari.person_id).what_matters == "Deres tekst."  # not overwritten
    qtbot.mouseClick(dialog.keep_mine, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: binding.dialog is None)
    assert people.get_person(ctx, kari.person_id).what_matters == "Å ha et sted å bo. Min tekst."
    assert workspace.about_me.fields["what_matters"].text() == "Å ha et sted å bo. Min tekst."


def test_a_conflict_can_take_theirs(
    qtbot: Any, workspace: PersonWorkspace, ctx: Context, kari: Any
) -> None:
    stored = people.get_person(ctx, kari.person_id)
    people.update_person(ctx, kari.person_id, stored.version, what_matters="Deres tekst.")
    _type_into(qtbot, workspace, "what_matters", " Min tekst.")
    binding = workspace.about_me.bindings["what_matters"]
    qtbot.waitUntil(lambda: binding.dialog is not None, timeout=5000)
    assert binding.dialog is not None
    qtbot.mouseClick(binding.dialog.take_theirs, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: binding.dialog is None)
    assert workspace.about_me.fields["what_matters"].text() == "Deres tekst."
    assert people.get_person(ctx, kari.person_id).what_matters == "Deres tekst."


def test_someone_changing_another_field_is_not_a_conflict(
    qtbot: Any, workspace: PersonWorkspace, ctx: Context, kari: Any
) -> None:
    stored = people.get_person(ctx, kari.person_id)
    people.update_person(ctx, kari.person_id, stored.version, strengths="Modig.")
    _type_into(qtbot, workspace, "what_matters", "!")
    workspace.about_me.bindings["what_matters"].save_now()
    assert workspace.about_me.bindings["what_matters"].dialog is None
    after = people.get_person(ctx, kari.person_id)
    assert (after.what_matters, after.strengths) == ("Å ha et sted å bo.!", "Modig.")


def test_a_refused_text_is_kept_and_the_reason_shown(
    qtbot: Any, workspace: PersonWorkspace, ctx: Context, kari: Any
) -> None:
    field = workspace.about_me.fields["what_helps"]
    field.editor.setFocus()
    field.editor.insertPlainText("Musikk \u202e baklengs")
    workspace.about_me.bindings["what_helps"].save_now()
    assert field.error.isVisible()
    assert field.error.text()
    assert field.text() == "Musikk \u202e baklengs"
    assert people.get_person(ctx, kari.person_id).what_helps == ""


def test_undo_and_redo_restore_the_stored_words(
    qtbot: Any, workspace: PersonWorkspace, ctx: Context, kari: Any
) -> None:
    _type_into(qtbot, workspace, "what_matters", " Jobb.")
    editor = workspace.about_me.fields["what_matters"].editor
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert people.get_person(ctx, kari.person_id).what_matters == "Å ha et sted å bo."
    assert workspace.about_me.fields["what_matters"].text() == "Å ha et sted å bo."
    qtbot.keyClick(
        editor,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert people.get_person(ctx, kari.person_id).what_matters == "Å ha et sted å bo. Jobb."
    assert workspace.about_me.fields["what_matters"].text() == "Å ha et sted å bo. Jobb."
