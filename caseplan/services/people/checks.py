"""The rules for a person's own details, checked the same way on adding and on editing.

Each refusal is one sentence a person can act on; nothing is written when one is raised.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import select

from caseplan.errors import InvalidInput, tr_noop
from caseplan.models import ConsentGiven, Language, Person
from caseplan.models.names import fold_query, sort_key
from caseplan.services.context import Context
from caseplan.services.security import access
from caseplan.services.security.access import Action

#: Nobody alive was born before this; an earlier date is a typing mistake.
EARLIEST_BIRTH = date(1900, 1, 1)
LANGUAGES = tuple(language.value for language in Language)


def language(value: object) -> Language:
    try:
        return Language(str(value))
    except ValueError:
        raise InvalidInput(
            tr_noop(
                "{value} is not a language Caseplan can print a plan in; use one of: {choices}."
            ),
            value=str(value)[:40],
            choices=", ".join(LANGUAGES),
        ) from None


def consent_given(value: object) -> ConsentGiven | None:
    if value is None or value == "":
        return None
    try:
        return ConsentGiven(str(value))
    except ValueError:
        raise InvalidInput(
            tr_noop("Say whether the person consented on the screen or on paper."),
        ) from None


def normalised(values: Mapping[str, Any]) -> dict[str, Any]:
    """The values with the closed vocabularies turned into their enums (or a sentence)."""
    result = dict(values)
    if "preferred_language" in result:
        result["preferred_language"] = language(result["preferred_language"])
    if "plan_consent_how" in result:
        result["plan_consent_how"] = consent_given(result["plan_consent_how"])
    return result


def check(details: Any, today: date) -> None:
    """Refuse details that cannot be right: no name, born in the future, consent ahead."""
    if not details.full_name.strip():
        raise InvalidInput(tr_noop("Please write the person's name."))
    born = details.date_of_birth
    if born is not None:
        if born > today:
            raise InvalidInput(tr_noop("The date of birth cannot be in the future."))
        if born < EARLIEST_BIRTH:
            raise InvalidInput(
                tr_noop("The date of birth cannot be before {earliest}; please check it."),
                earliest=EARLIEST_BIRTH.isoformat(),
            )
    consent_on, consent_how = details.plan_consent_on, details.plan_consent_how
    if consent_on is not None and consent_on > today:
        raise InvalidInput(tr_noop("The person cannot have consented on a day still to come."))
    if consent_on is not None and consent_how is None:
        raise InvalidInput(tr_noop("Say whether the person consented on the screen or on paper."))
    if consent_how is not None and consent_on is None:
        raise InvalidInput(tr_noop("Please give the date the person consented to the plan."))


def same_name_and_birth(
    ctx: Context,
    full_name: str,
    date_of_birth: date | None,
    *,
    leaving_out: uuid.UUID | None = None,
) -> int:
    """How many people already have this name (any case) and no other date of birth.

    Counted over everyone, not only the people the account may see: a second record of
    the same person is the mistake this guards against. Only a number is handed back,
    never who they are. A missing date of birth, on either side, is not a difference.
    """
    access.require(ctx, Action.CREATE_PERSON)
    wanted = " ".join(fold_query(full_name).split())
    if not wanted:
        return 0
    query = select(Person.id, Person.full_name, Person.date_of_birth).where(
        Person.sort_key == sort_key(" ".join(full_name.split()))[:200]
    )
    found = 0
    with ctx.read() as session:
        for row in session.execute(query):
            if row.id == leaving_out or " ".join(fold_query(row.full_name).split()) != wanted:
                continue
            if None in (date_of_birth, row.date_of_birth) or row.date_of_birth == date_of_birth:
                found += 1
    return found
