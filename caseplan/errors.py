"""Errors a person can cause, each carrying one plain sentence meant for that person.

This module sits below every layer so that models, storage, services and the UI can
share one family of exceptions. The message is kept as an English template plus its
parameters, so the UI can translate the template (context ``"errors"``) and the CLI
can print ``str(error)`` as it is.
"""

from __future__ import annotations

from typing import Any


def tr_noop(text: str) -> str:
    """Mark ``text`` for translation without translating it here (no Qt below the UI)."""
    return text


class CaseplanError(Exception):
    """Base of every error that is shown to a person as one sentence."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params) if params else template)

    @property
    def message(self) -> str:
        return str(self)


class InvalidInput(CaseplanError):
    """Text or values that cannot be stored as given."""


class NotFound(CaseplanError):
    """The record asked for does not exist (any more)."""


class Conflict(CaseplanError):
    """Somebody else changed the same record since it was read."""


class AlreadyExists(CaseplanError):
    """A record with the same identity is already stored."""


class StorageError(CaseplanError):
    """The database cannot be opened, read or written as asked."""


class AccessDenied(CaseplanError):
    """The signed-in account may not do this.

    Every refusal is kept in the audit trail (``caseplan.services.context``): ``action``
    and ``person_id`` say what was refused and about whom, ``recorded`` that it is kept.
    """

    action: str = ""
    person_id: str = ""
    recorded: bool = False
