"""Meeting mode, agreeing the plan, and the signature pad."""

from caseplan.ui.meeting.agreement import AgreementDialog
from caseplan.ui.meeting.signature import SignaturePad
from caseplan.ui.meeting.view import MeetingView

__all__ = ["AgreementDialog", "MeetingView", "SignaturePad"]
