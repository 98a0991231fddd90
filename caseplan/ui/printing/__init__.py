"""Printing in the app: preview a plan exactly as it prints, and batch-print the due plans.

For the main window's menus: ``PlanPreviewDialog(ctx, person_id, parent)`` (File → Print
preview…, any account that may print the person's plan) and ``BatchPrintDialog(ctx, parent)``
(File → Print plans due…, shown when :func:`may_print_due` is true).
"""

from caseplan.ui.printing.batch import BatchPrintDialog, may_print_due
from caseplan.ui.printing.preview import PlanPreviewDialog
from caseplan.ui.printing.printer import ask_printer, print_pdf, start_print

__all__ = [
    "BatchPrintDialog",
    "PlanPreviewDialog",
    "ask_printer",
    "may_print_due",
    "print_pdf",
    "start_print",
]
