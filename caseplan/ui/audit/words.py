"""The audit trail in words a team lead understands: what was done, to what, which fields.

The trail stores stable names ("changed: own_words, status", "refused", "export"); these
are their words on screen, in the language of the screens. Anything not named here is
shown as it is stored.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QObject

from caseplan.models import Role
from caseplan.services.clinic.unlock import LockReason
from caseplan.services.security.access import Action as Allowed
from caseplan.services.security.audit import Action

_CHANGED = re.compile(r"changed: ([a-z_]+(?:, [a-z_]+)*)")
_VERSION = re.compile(r"plan version (\d+)")


class AuditWords(QObject):
    """The words; a QObject so that they have their own catalogue context."""

    def action_text(self, action: str) -> str:
        words: dict[str, str] = {
            Action.SIGN_IN: self.tr("Signed in"),
            Action.SIGN_IN_FAILED: self.tr("Sign-in failed"),
            Action.SIGN_IN_THROTTLED: self.tr("Sign-in refused (too many tries)"),
            Action.OPEN_PERSON: self.tr("Opened"),
            Action.BREAK_GLASS: self.tr("Opened with a recorded reason"),
            Action.CREATE: self.tr("Created"),
            Action.CHANGE: self.tr("Changed"),
            Action.DELETE: self.tr("Deleted"),
            Action.PRINT: self.tr("Printed"),
            Action.EXPORT: self.tr("Exported"),
            Action.EXPORT_FAILED: self.tr("Export failed"),
            Action.IMPORT: self.tr("Imported"),
            Action.BACKUP: self.tr("Backed up"),
            Action.RESTORE: self.tr("Restored"),
            Action.LOCK: self.tr("Locked"),
            Action.ACCOUNT_CREATED: self.tr("Account created"),
            Action.PASSWORD_CHANGED: self.tr("Password changed"),
            Action.PASSWORD_RESET: self.tr("Password reset"),
            Action.ACCOUNT_DEACTIVATED: self.tr("Account switched off"),
            Action.ACCOUNT_REMOVED: self.tr("Account removed"),
            Action.ACCOUNT_LINKED: self.tr("Linked a team member to an account"),
            Action.ACCOUNT_UNLINKED: self.tr("Took a team member's account link away"),
            Action.REFUSED: self.tr("Refused"),
            Action.VIEWED_LIST: self.tr("Looked at a list"),
            Action.VIEWED: self.tr("Looked at"),
            Action.PREVIEWED: self.tr("Looked at a printout on screen"),
            Action.VIEWED_AUDIT: self.tr("Read the audit trail"),
            Action.CHECKED: self.tr("Checked the database"),
        }
        return words.get(action, action)

    def entity_text(self, entity: str) -> str:
        """What an event is about; for a refusal, what was asked for."""
        words: dict[str, str] = {
            "account": self.tr("account"),
            "session": self.tr("session"),
            "database": self.tr("database"),
            "person": self.tr("person"),
            "people": self.tr("people"),
            "overview": self.tr("overview"),
            "plan": self.tr("plan"),
            "goal": self.tr("goal"),
            "step": self.tr("step"),
            "participant": self.tr("team member"),
            "meeting": self.tr("meeting"),
            "review": self.tr("review"),
            "crisis_plan": self.tr("crisis plan"),
            "peer_contribution": self.tr("peer contribution"),
            "peer_hours": self.tr("peer hours report"),
            "setting": self.tr("clinic setting"),
            Allowed.VIEW_PERSON: self.tr("opening a person's plan"),
            Allowed.CREATE_PERSON: self.tr("adding a person"),
            Allowed.DELETE_PERSON: self.tr("removing a person"),
            Allowed.EDIT_PLAN: self.tr("changing a plan"),
            Allowed.VIEW_WORKER_NOTES: self.tr("reading workers' notes"),
            Allowed.ADD_CONTRIBUTION: self.tr("recording peer support"),
            Allowed.PRINT_PLAN: self.tr("printing a plan"),
            Allowed.EXPORT: self.tr("exporting a person's data"),
            Allowed.IMPORT: self.tr("importing a person's data"),
            Allowed.MANAGE_ACCOUNTS: self.tr("managing accounts"),
            Allowed.VIEW_AUDIT: self.tr("reading the audit trail"),
            Allowed.BACKUP: self.tr("a backup or a restore"),
            Allowed.PRINT_DUE: self.tr("printing the plans due"),
            Allowed.PEER_HOURS_REPORT: self.tr("the peer hours report"),
            Allowed.CLOSE_PLAN: self.tr("closing a plan"),
            Allowed.CLINIC_SETTINGS: self.tr("the clinic's settings"),
            Allowed.VIEW_OVERVIEW: self.tr("the overview"),
            Allowed.TEAM_FIGURES: self.tr("the team's figures"),
            Allowed.WHAT_PEOPLE_SAY: self.tr("what people say helps"),
        }
        return words.get(entity, entity)

    def role_text(self, role: str) -> str:
        words: dict[str, str] = {
            Role.PRACTITIONER: self.tr("practitioner"),
            Role.TEAM_LEAD: self.tr("team lead"),
            Role.PEER_WORKER: self.tr("peer worker"),
            Role.ADMIN: self.tr("administrator"),
        }
        return words.get(role, role)

    def who_text(self, account: str, name: str, role: str) -> str:
        """ "Kari Nordmann (team lead)" when the event kept them, else the account's user name."""
        if not name:
            return account
        return (
            self.tr("{name} ({role})").format(name=name, role=self.role_text(role))
            if role
            else name
        )

    def field_text(self, name: str) -> str:
        """A field of a person's record, as the screens call it."""
        words: dict[str, str] = {
            "full_name": self.tr("full name"),
            "preferred_name": self.tr("preferred name"),
            "date_of_birth": self.tr("date of birth"),
            "preferred_language": self.tr("language of the plan"),
            "what_matters": self.tr("what matters to me"),
            "strengths": self.tr("my strengths"),
            "what_helps": self.tr("what helps"),
            "what_does_not_help": self.tr("what does not help"),
            "how_i_want_to_be_met": self.tr("how I want to be met"),
            "period_start": self.tr("plan starts"),
            "period_end": self.tr("plan ends"),
            "next_review": self.tr("next review"),
            "status": self.tr("status"),
            "peer_consent_granted_on": self.tr("consent to peer involvement given"),
            "peer_consent_expires_on": self.tr("consent to peer involvement ends"),
            "role": self.tr("role"),
            "name": self.tr("name"),
            "organisation": self.tr("organisation"),
            "phone": self.tr("phone"),
            "email": self.tr("email"),
            "consent_granted_on": self.tr("consent given"),
            "consent_expires_on": self.tr("consent ends"),
            "consent_scope": self.tr("what the consent covers"),
            "account_id": self.tr("linked account"),
            "offers": self.tr("what they offer"),
            "availability": self.tr("when they can be reached"),
            "peer_engagement": self.tr("paid or volunteer"),
            "domain": self.tr("life domain"),
            "own_words": self.tr("the person's own words"),
            "worker_note": self.tr("worker's note"),
            "target_date": self.tr("target date"),
            "priority": self.tr("priority"),
            "action": self.tr("what the step is"),
            "responsible_id": self.tr("who is responsible"),
            "due": self.tr("due date"),
            "date": self.tr("date"),
            "attendee_ids": self.tr("who was there"),
            "shared_notes": self.tr("shared notes"),
            "agreed": self.tr("agreed"),
            "what_helped": self.tr("what helped"),
            "what_got_in_the_way": self.tr("what got in the way"),
            "ratings": self.tr("ratings"),
            "peer_id": self.tr("peer"),
            "minutes": self.tr("minutes"),
            "kind": self.tr("kind of support"),
            "note": self.tr("note"),
            "paid_minutes": self.tr("paid minutes"),
            "warning_signs": self.tr("warning signs"),
            "triggers": self.tr("triggers"),
            "what_i_do": self.tr("what I do"),
            "what_others_do": self.tr("what others do"),
            "treatment_wanted": self.tr("treatment I want"),
            "treatment_not_wanted": self.tr("treatment I do not want"),
            "contacts": self.tr("who to contact"),
        }
        return words.get(name, name.replace("_", " "))

    def detail_text(self, action: str, detail: str) -> str:
        """A stored detail in words where the program wrote it itself: a lock's reason,
        what a view read, the fields a change named (as the screens call them), a
        refusal's sentence. Anything else (a reason, a file name) as it was written."""
        if action == Action.LOCK:
            reasons: dict[str, str] = {
                LockReason.IDLE: self.tr("after a time without use"),
                LockReason.PRIVACY: self.tr("privacy screen (F12)"),
                LockReason.SIGN_OUT: self.tr("signed out"),
            }
            return reasons.get(detail, detail)
        if action in (Action.CREATE, Action.CHANGE, Action.DELETE):
            changed = _CHANGED.fullmatch(detail)
            if changed:
                names = changed.group(1).split(", ")
                fields = ", ".join(self.field_text(name) for name in names)
                return self.tr("changed: {fields}").format(fields=fields)
            return detail
        if action in (Action.VIEWED, Action.OPEN_PERSON):
            return self._view_text(detail)
        if action == Action.REFUSED:
            return QCoreApplication.translate("errors", detail) or detail  # its sentence
        if action in (Action.ACCOUNT_LINKED, Action.ACCOUNT_UNLINKED):
            name = detail.removeprefix("account: ")
            return self.tr("account {name}").format(name=name)
        return detail

    def _view_text(self, detail: str) -> str:
        words: dict[str, str] = {
            "with workers' notes": self.tr("with workers' notes"),
            "goals and steps": self.tr("goals and steps"),
            "goals and steps, with workers' notes": self.tr("goals and steps, with workers' notes"),
            "crisis plan": self.tr("crisis plan"),
            "meetings": self.tr("meetings"),
            "reviews": self.tr("reviews"),
            "peer contributions": self.tr("peer contributions"),
            "team": self.tr("team"),
            "a team member": self.tr("a team member"),
            "a goal": self.tr("a goal"),
            "a step": self.tr("a step"),
            "plan dates and status": self.tr("plan dates and status"),
            "plan versions": self.tr("plan versions"),
            "about the person": self.tr("about the person"),
            "plans over time": self.tr("plans over time"),
            "ratings over time": self.tr("ratings over time"),
        }
        version = _VERSION.fullmatch(detail)
        if version:
            return self.tr("plan version {number}").format(number=version.group(1))
        return words.get(detail, detail)
