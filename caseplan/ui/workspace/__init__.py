"""The person workspace: one person's plan, in sections, saved as it is typed."""

from caseplan.ui.workspace.workspace import PersonWorkspace

__all__ = ["PersonWorkspace"]
