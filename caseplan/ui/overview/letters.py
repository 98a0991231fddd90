"""Reminder letters from the overview: made, saved and audited; the sentence to say after."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from caseplan.services.clinic import settings as clinic_settings
from caseplan.services.context import Context
from caseplan.services.overview.letters import reminder_letters
from caseplan.ui.widgets.output import not_encrypted, save_output


def save_letters(ctx: Context, path: Path) -> str:
    """Write the letters to ``path`` (each person audited as printed); what to tell the user.

    Raises :class:`~caseplan.errors.CaseplanError` with its sentence when it may not.
    """
    from caseplan.reports.reminder_letter import render_letters

    demo = clinic_settings.is_demo(ctx)

    def write(data: bytes) -> None:
        save_output(path, data)

    found = reminder_letters(ctx, lambda letters: render_letters(letters, demo=demo), write)
    said = QCoreApplication.translate("OverviewPage", "Letters: {count}.").format(
        count=len(found.letters)
    )
    if found.without_address:
        said += " " + QCoreApplication.translate(
            "OverviewPage", "No address on record for {count} people: reach them another way."
        ).format(count=found.without_address)
    return said + " " + not_encrypted(path)
