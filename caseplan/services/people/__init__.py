"""The people list (caseload) and a person's own details."""
