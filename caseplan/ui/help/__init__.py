"""Help: the About box with the licences, and the user guide."""

from caseplan.ui.help.about import AboutDialog

__all__ = ["AboutDialog"]
