"""The line under the person's name that says where their plan stands: its period, or,
when no plan is open, when and why the last one closed."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication

from caseplan.models import CloseReason
from caseplan.services.context import Context
from caseplan.services.plans import plans
from caseplan.services.plans.plans import PlanDetails
from caseplan.ui.widgets.dates import date_text
from caseplan.ui.workspace.labels import close_reason_label


def last_plan(ctx: Context, person_id: uuid.UUID) -> PlanDetails | None:
    """The person's newest plan (all are closed when this is asked), or None."""
    found = plans.list_plans(ctx, person_id, record=False)
    return max(found, key=lambda p: p.created_at) if found else None


def period(plan: PlanDetails) -> str:
    """ "from 02.03.2026" or "02.03.2026 to 31.12.2026"."""
    if plan.period_end is None:
        return QCoreApplication.translate("PersonWorkspace", "from {start}").format(
            start=date_text(plan.period_start)
        )
    return QCoreApplication.translate("PersonWorkspace", "{start} to {end}").format(
        start=date_text(plan.period_start), end=date_text(plan.period_end)
    )


def no_open_plan(last: PlanDetails | None) -> str:
    if last is None:
        return QCoreApplication.translate("PersonWorkspace", "No plan yet.")
    if last.closed_on is None:
        return QCoreApplication.translate("PersonWorkspace", "No open plan.")
    return QCoreApplication.translate(
        "PersonWorkspace", "No open plan: the last one was closed on {date} ({reason})."
    ).format(
        date=date_text(last.closed_on),
        reason=close_reason_label(last.closed_reason or CloseReason.OTHER),
    )
