"""The overview: what needs attention across a team lead's clinic or a practitioner's people."""

from caseplan.ui.overview.page import OverviewPage

__all__ = ["OverviewPage"]
