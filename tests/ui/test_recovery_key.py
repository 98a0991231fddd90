"""The recovery key on screen: copied for 30 seconds only, and a way back in from the first
screen when the administrator's password is forgotten."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from caseplan.errors import AccessDenied
from caseplan.models import Role
from caseplan.services.clinic import unlock
from caseplan.storage.keys import KdfParams
from caseplan.storage.location import resolve
from caseplan.ui.start import RecoveryKeyDialog, SignInDialog
from caseplan.ui.start.recover import RecoverDialog
from caseplan.ui.start.recovery import CLIPBOARD_SECONDS, copy_for_a_while

ADMIN = "tone keeps the keys safe"


def test_a_copied_recovery_key_leaves_the_clipboard_after_a_while(qtbot: Any) -> None:
    clipboard = QGuiApplication.clipboard()
    copy_for_a_while("ABCD-EFGH", seconds=0.05)
    assert clipboard.text() == "ABCD-EFGH"
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=2_000)
    # Something else copied meanwhile is left alone.
    copy_for_a_while("ABCD-EFGH", seconds=0.05)
    clipboard.setText("a shopping list")
    qtbot.wait(150)
    assert clipboard.text() == "a shopping list"


def test_the_copy_button_says_when_the_clipboard_is_cleared(qtbot: Any) -> None:
    dialog = RecoveryKeyDialog("ABCD-EFGH-JKLM")
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "ABCD-EFGH-JKLM"
    assert "cleared in 30 seconds" in dialog.copied_label.text()
    assert dialog.clipboard_timer.interval() == CLIPBOARD_SECONDS * 1000
    QGuiApplication.clipboard().clear()


@pytest.fixture
def clinic(tmp_path: Path, cheap_kdf: KdfParams) -> tuple[Path, str]:
    where = resolve(str(tmp_path / "clinic.db"))
    first = unlock.NewAccount("tone", "Tone", Role.ADMIN, ADMIN)
    opened, recovery = unlock.create_clinic(where, first, kdf=cheap_kdf)
    opened.close()
    assert where.path is not None
    return where.path, recovery


def test_the_first_screen_offers_the_recovery_key_and_it_sets_a_new_password(
    qtbot: Any, clinic: tuple[Path, str]
) -> None:
    database, recovery = clinic
    where = resolve(str(database))
    sign_in = SignInDialog(where)
    qtbot.addWidget(sign_in)
    sign_in.show()
    assert sign_in.forgot_button.isVisible()
    dialog = RecoverDialog(where, sign_in)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.recovery_key, "AAAA-" * 7 + "AAAA")
    qtbot.keyClicks(dialog.username, "tone")
    qtbot.keyClicks(dialog.password, "tone came back again")
    qtbot.keyClicks(dialog.again, "tone came back again")
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "The recovery key is wrong."
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.recovery_key.setText(recovery.lower())
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.clinic is not None and dialog.clinic.actor.username == "tone"
    assert dialog.recovery_key.text() == dialog.password.text() == ""
    dialog.clinic.close()
    with pytest.raises(AccessDenied):
        unlock.sign_in(where, "tone", ADMIN)
    unlock.sign_in(where, "tone", "tone came back again").close()
