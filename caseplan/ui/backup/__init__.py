"""Backing up the database from the app."""

from caseplan.ui.backup.dialog import BackupDialog, ask_backup_target, may_back_up

__all__ = ["BackupDialog", "ask_backup_target", "may_back_up"]
