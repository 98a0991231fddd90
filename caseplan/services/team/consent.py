"""Consent, enforced: to peer involvement, and each team member's consent to sharing.

A team member's consent has a scope (the whole plan, their own part, the crisis plan only)
and an end. A peer worker sees, and prints, only what the consent of their own team
member row covers; a "copy for a participant" printed for a team member follows that team
member's consent. When the consent has ended (or was never given) they see nothing: the
role × action table refuses them (:mod:`caseplan.services.security.access`).

"Their own part" is what they do: the goals with a step they are responsible for (only
those steps), their own contributions, and who to turn to (the person, the coordinator,
themself). The person's own "about me" words, meetings, reviews, the crisis plan and the
agreed versions (each a snapshot of the whole plan) are not part of it. "The crisis plan
only" is the crisis plan with the same few names, and their own contributions.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, TypeVar

from caseplan.errors import tr_noop
from caseplan.models import ConsentScope, ParticipantRole
from caseplan.services.security.consent_rules import (
    ENDING_SOON,
    ConsentState,
    consent_state,
    days_left,
    effective_scope,
    peer_consent_valid,
)

__all__ = [
    "ENDING_SOON",
    "ConsentState",
    "consent_state",
    "days_left",
    "effective_scope",
    "peer_consent_valid",
    "scoped_document",
    "scoped_view",
]

NO_PEER_CONSENT = tr_noop(
    "The person has not consented to peer involvement, so no peer can join the team."
)
NO_SHARING_CONSENT = tr_noop(
    "{name} has no valid consent to see this plan (none given, or it has ended), so no copy "
    "can be made for them."
)
V = TypeVar("V")


# --- a plan view cut to a scope -------------------------------------------------------------


def _kept_names(view: Any, own_id: uuid.UUID) -> tuple[Any, ...]:
    coordinator = view.plan.coordinator_id
    return tuple(
        p
        for p in view.participants
        if p.id in (own_id, coordinator) or p.role == ParticipantRole.PERSON
    )


def _person_without_about_me(person: V) -> V:
    return replace(
        person,  # type: ignore[type-var]
        what_matters="",
        strengths="",
        what_helps="",
        what_does_not_help="",
        how_i_want_to_be_met="",
        address="",
        date_of_birth=None,
    )


def scoped_view(view: V, own_id: uuid.UUID, scope: ConsentScope) -> V:
    """``view`` (a :class:`~caseplan.services.plans.plan_view.PlanView`) cut to what the
    team member ``own_id`` may see under ``scope``."""
    if scope == ConsentScope.FULL_PLAN:
        return view
    v: Any = view
    own_contributions = tuple(c for c in v.contributions if c.peer_id == own_id)
    common = {
        "person": _person_without_about_me(v.person),
        "participants": _kept_names(v, own_id),
        "contributions": own_contributions,
        "meetings": (),
        "reviews": (),
    }
    if scope == ConsentScope.CRISIS_PLAN:
        return replace(v, goals=(), **common)  # type: ignore[no-any-return]
    if scope == ConsentScope.OWN_PART:
        goals = []
        for goal in v.goals:
            steps = tuple(s for s in goal.steps if s.responsible_id == own_id)
            if steps:
                goals.append(replace(goal, steps=steps))
        return replace(v, goals=tuple(goals), crisis_plan=None, **common)  # type: ignore[no-any-return]
    return replace(  # type: ignore[no-any-return]
        v, goals=(), crisis_plan=None, **common
    )


# --- a person's document cut to a scope -----------------------------------------------------

_ABOUT_ME = (
    "what_matters",
    "strengths",
    "what_helps",
    "what_does_not_help",
    "how_i_want_to_be_met",
)


def scoped_document(
    document: Mapping[str, Any], own: Mapping[str, tuple[str, ConsentScope]]
) -> dict[str, Any]:
    """A ``caseplan.person/1`` document (plain values) cut to one team member's consent.

    ``own`` maps a plan's id to (that member's participant id in the plan, the scope that
    holds today). A plan without an entry (one they are not on), or with scope "none",
    is left out entirely.
    """
    result = dict(document)
    plans = []
    cut_person = False
    for plan in document.get("plans") or ():
        entry = own.get(str(plan.get("id")))
        if entry is None or entry[1] == ConsentScope.NONE:
            continue
        member, scope = entry
        if scope == ConsentScope.FULL_PLAN:
            plans.append(plan)
            continue
        cut_person = True
        plans.append(_scoped_plan(plan, member, scope))
    result["plans"] = plans
    if cut_person or not plans:
        person = dict(document.get("person") or {})
        about = person.get("about_me")
        if isinstance(about, Mapping):
            person["about_me"] = {k: ("" if k in _ABOUT_ME else v) for k, v in about.items()}
        for key in ("address", "date_of_birth"):
            if key in person:
                person[key] = "" if key == "address" else None
        result["person"] = person
    return result


def _scoped_plan(plan: Mapping[str, Any], member: str, scope: ConsentScope) -> dict[str, Any]:
    cut = dict(plan)
    coordinator = plan.get("coordinator")
    cut["participants"] = [
        p
        for p in plan.get("participants") or ()
        if p.get("id") in (member, coordinator) or p.get("role") == ParticipantRole.PERSON
    ]
    cut["peer_contributions"] = [
        c for c in plan.get("peer_contributions") or () if c.get("peer") == member
    ]
    cut["meetings"] = []
    cut["reviews"] = []
    cut["versions"] = []
    goals = []
    if scope == ConsentScope.OWN_PART:
        for goal in plan.get("goals") or ():
            steps = [s for s in goal.get("steps") or () if s.get("responsible") == member]
            if steps:
                goals.append({**goal, "steps": steps})
    cut["goals"] = goals
    if scope != ConsentScope.CRISIS_PLAN:
        cut["crisis_plan"] = None
    return cut
