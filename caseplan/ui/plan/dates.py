"""Plan → Plan period and review date…: when the plan starts, ends (if it does) and is next
looked at together. Large in meeting mode.

Moving the period never moves a step's date by itself: once saved, the dialog says which
steps and goals are now dated outside the period, so the people at the meeting decide.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListView,
    QPushButton,
    QWidget,
)

from caseplan.errors import CaseplanError, NotFound, tr_noop
from caseplan.services.clinic.settings import review_interval_months
from caseplan.services.context import Context
from caseplan.services.plans import period, plans
from caseplan.services.plans.period import OutsidePeriod
from caseplan.services.plans.plans import PlanDetails
from caseplan.ui.i18n import error_text
from caseplan.ui.widgets.dates import Direction, OptionalDateEdit, RequiredDateEdit, dates_ok
from caseplan.ui.widgets.dates import date_text as shown_date
from caseplan.ui.widgets.large_type import enlarge, fit_to_screen


class PlanDatesDialog(QDialog):
    """``saved`` carries the plan once its new dates are stored (``zoom``: meeting mode)."""

    saved = Signal(object)

    def __init__(
        self,
        ctx: Context,
        person_id: uuid.UUID,
        parent: QWidget | None = None,
        *,
        zoom: float | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        plan = plans.get_open_plan(ctx, person_id, record=False)
        if plan is None:
            raise NotFound(tr_noop("This person has no open plan."))
        self.plan: PlanDetails = plan
        self.outside: tuple[OutsidePeriod, ...] = ()
        self.setWindowTitle(self.tr("Plan period and review date"))

        months = review_interval_months(ctx)
        intro = QLabel(
            self.tr(
                "The plan runs from its first day to its last; leave the last day empty if it "
                "runs until further notice. At the next review you look at it together."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.start = RequiredDateEdit(
            self.tr("From (the plan starts)"), self, way=Direction.PAST, today=ctx.today
        )
        self.end = OptionalDateEdit(self.tr("To (if it ends)"), self, today=ctx.today)
        self.end.line.setPlaceholderText(self.tr("until further notice"))
        self.next_review = RequiredDateEdit(self.tr("Next review"), self, today=ctx.today)
        self.hint = QLabel(
            self.tr(
                "Plans here are usually reviewed every {months} months; +{months}m is "
                "{months} months from today."
            ).format(months=months)
            if months != 1
            else self.tr("Plans here are usually reviewed every month; +1m is a month from today."),
            self,
        )
        self.hint.setWordWrap(True)
        self.start.set_value(plan.period_start)
        self.end.set_value(plan.period_end)
        self.next_review.set_value(plan.next_review)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.outside_model = QStringListModel(self)
        self.outside_list = QListView(self)
        self.outside_list.setModel(self.outside_model)
        self.outside_list.setAccessibleName(self.tr("Dated outside the plan period"))
        self.outside_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.outside_list.setWordWrap(True)
        self.outside_list.hide()

        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setDefault(True)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("&From:"), self.start)
        form.addRow(self.tr("&To (if it ends):"), self.end)
        form.addRow(self.tr("&Next review:"), self.next_review)
        form.addRow(self.hint)
        form.addRow(self.message)
        form.addRow(self.outside_list)
        form.addRow(self.buttons)
        if zoom is not None:
            enlarge(self, zoom)
        fit_to_screen(self, 560)
        self.start.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        if not dates_ok(self):
            return
        start = self.start.value()
        assert start is not None
        try:
            change = period.set_period(
                self.ctx,
                self.plan.id,
                self.plan.version,
                period_start=start,
                period_end=self.end.value(),
                next_review=self.next_review.value(),
            )
        except CaseplanError as error:
            self.message.setText(error_text(error))
            return
        self.plan, self.outside = change.plan, change.outside
        self.saved.emit(change.plan)
        if not change.outside:
            self.accept()
            return
        # Saved; the dialog stays to say which dates now fall outside, and may save again.
        self.message.setText(
            self.tr(
                "Saved. These are now dated outside the plan period; change them in Goals "
                "and steps if they should move:"
            )
            if len(change.outside) > 1
            else self.tr(
                "Saved. This is now dated outside the plan period; change it in Goals "
                "and steps if it should move:"
            )
        )
        self.outside_model.setStringList([self.outside_text(item) for item in change.outside])
        self.outside_list.show()
        self.close_button.setText(self.tr("Close"))
        self.outside_list.setFocus(Qt.FocusReason.OtherFocusReason)
        self.outside_list.setCurrentIndex(self.outside_model.index(0, 0))

    def outside_text(self, item: OutsidePeriod) -> str:
        when = shown_date(item.when)
        if item.kind == "goal":
            if item.before_start:
                text = self.tr("Goal “{words}”: aimed at {date}, before the plan starts")
            else:
                text = self.tr("Goal “{words}”: aimed at {date}, after the plan ends")
        elif item.before_start:
            text = self.tr("Step “{words}”: due {date}, before the plan starts")
        else:
            text = self.tr("Step “{words}”: due {date}, after the plan ends")
        return text.format(words=item.words, date=when)
