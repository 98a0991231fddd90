"""Settings → Clinic settings…: choices that hold for the whole clinic, kept in its database.

How long until a new plan is first reviewed (a team lead or an administrator decides), and
after how many idle minutes the window locks (an administrator decides). What an account
may not change is shown, disabled, with the reason; every change is audited by the services.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from caseplan.errors import CaseplanError
from caseplan.services.clinic import settings
from caseplan.services.context import Context
from caseplan.services.review_dates import MAX_REVIEW_MONTHS, MIN_REVIEW_MONTHS
from caseplan.services.security import access
from caseplan.ui.i18n import error_text


def may_change_clinic_settings(ctx: Context) -> bool:
    """Whether this account may change any clinic setting (else the menu entry is hidden)."""
    return access.can(ctx, access.Action.CLINIC_SETTINGS)


class ClinicSettingsDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Clinic settings"))
        intro = QLabel(self.tr("These hold for everyone who uses this clinic's database."), self)
        intro.setWordWrap(True)

        self.review_months = QSpinBox(self)
        self.review_months.setRange(MIN_REVIEW_MONTHS, MAX_REVIEW_MONTHS)
        self.review_months.setSuffix(self.tr(" months"))
        self.review_months.setAccessibleName(self.tr("First review of a new plan after"))
        self._months = settings.review_interval_months(ctx)
        self.review_months.setValue(self._months)
        self.review_months.setEnabled(access.can(ctx, access.Action.CLINIC_SETTINGS))
        review_note = QLabel(
            self.tr(
                "A new plan gets this review date; each plan's own date can be changed, and "
                "a review sets the next one."
            ),
            self,
        )
        review_note.setWordWrap(True)

        self.idle_minutes = QDoubleSpinBox(self)
        self.idle_minutes.setDecimals(1)
        self.idle_minutes.setRange(settings.MIN_MINUTES, settings.MAX_MINUTES)
        self.idle_minutes.setSingleStep(1.0)
        self.idle_minutes.setSuffix(self.tr(" minutes"))
        self.idle_minutes.setAccessibleName(self.tr("Lock the window when idle for"))
        self._minutes = settings.idle_lock_minutes(ctx)
        self.idle_changed = False
        self.idle_minutes.setValue(self._minutes)
        may_lock = access.can(ctx, access.Action.MANAGE_ACCOUNTS)
        self.idle_minutes.setEnabled(may_lock)
        self.idle_note = QLabel(
            self.tr("On this computer at once; on others the next time someone signs in.")
            if may_lock
            else self.tr("Only an administrator can change when the window locks."),
            self,
        )
        self.idle_note.setWordWrap(True)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("First &review of a new plan after:"), self.review_months)
        form.addRow(review_note)
        form.addRow(self.tr("&Lock the window when idle for:"), self.idle_minutes)
        form.addRow(self.idle_note)
        form.addRow(self.message)
        form.addRow(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        self.review_months.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        try:
            if self.review_months.isEnabled() and self.review_months.value() != self._months:
                settings.set_review_interval_months(self.ctx, self.review_months.value())
                self._months = self.review_months.value()
            minutes = self.idle_minutes.value()
            if self.idle_minutes.isEnabled() and abs(minutes - self._minutes) > 1e-9:
                settings.set_idle_lock_minutes(self.ctx, minutes)
                self._minutes = minutes
                self.idle_changed = True
        except CaseplanError as error:
            self.message.setText(error_text(error))
            return
        self.accept()
