"""The plan's own life: its period and review date, closing it and starting the next."""

from caseplan.ui.plan.closing import ClosePlanDialog, NextPlanDialog
from caseplan.ui.plan.dates import PlanDatesDialog

__all__ = ["ClosePlanDialog", "NextPlanDialog", "PlanDatesDialog"]
