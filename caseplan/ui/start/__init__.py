"""Start-up: first run (a new clinic or a demo), then sign-in, giving a signed-in OpenClinic."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from caseplan.services.clinic import unlock
from caseplan.storage import keys
from caseplan.storage.location import Location
from caseplan.ui.start.first_run import DEMO_PEOPLE, FirstRunDialog
from caseplan.ui.start.recovery import RecoveryKeyDialog
from caseplan.ui.start.sign_in import SignInDialog

__all__ = ["FirstRunDialog", "RecoveryKeyDialog", "SignInDialog", "demo_hint", "start_clinic"]


def demo_hint() -> str:
    return QCoreApplication.translate(
        "start",
        'This is a demo with fictional people. Sign in as "demo" (practitioner), "lead" '
        '(team lead), "peer" (peer worker) or "admin"; every demo account uses the '
        'password "demo".',
    )


def start_clinic(
    location: Location,
    parent: QWidget | None = None,
    *,
    kdf: keys.KdfParams = keys.DEFAULT_KDF,
    demo_people: int = DEMO_PEOPLE,
) -> unlock.OpenClinic | None:
    """Walk the person through first run and sign-in; None if they gave up."""
    hint, username = "", ""
    if unlock.is_new(location):
        first = FirstRunDialog(location, parent, kdf=kdf, demo_people=demo_people)
        if first.exec() != QDialog.DialogCode.Accepted:
            return None
        if first.clinic is not None:
            return first.clinic
        hint, username = demo_hint(), "demo"
    dialog = SignInDialog(location, parent, username=username, hint=hint)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.clinic
