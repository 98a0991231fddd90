"""The audit trail view for team leads and administrators."""

from caseplan.ui.audit.dialog import AuditDialog, clinic_events, may_read_audit
from caseplan.ui.audit.model import AuditTableModel

__all__ = ["AuditDialog", "AuditTableModel", "clinic_events", "may_read_audit"]
