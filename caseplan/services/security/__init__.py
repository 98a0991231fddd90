"""Who may do what, the audit trail, and accounts."""
