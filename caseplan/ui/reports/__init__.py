"""Reports for team leads: the peer hours report (paying peers for their time)."""

from caseplan.ui.reports.peer_hours import PeerHoursDialog, PeerHoursModel

__all__ = ["PeerHoursDialog", "PeerHoursModel"]
