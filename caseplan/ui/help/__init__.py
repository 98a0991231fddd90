"""Help: the About box with the licences, and the user guide."""

from caseplan.ui.help.about import AboutDialog
from caseplan.ui.help.guide import GuideDialog

__all__ = ["AboutDialog", "GuideDialog"]
