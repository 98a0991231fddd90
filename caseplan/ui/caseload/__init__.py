"""The caseload: the list of people a practitioner follows up."""

from caseplan.ui.caseload.model import CaseloadModel
from caseplan.ui.caseload.view import CaseloadView

__all__ = ["CaseloadModel", "CaseloadView"]
