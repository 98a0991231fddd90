"""What differs between two snapshots of the same plan, as a short list a person can read.

Two snapshots (:mod:`caseplan.services.exchange.snapshot`) are compared part by part:
"about me", the period and review date, the coordinator, the team, each goal and step
(matched by id, so new words for the same goal are a change, not a new goal), and the
crisis plan. Each difference is a code and what it is about (a goal's words, a step's
action, a team member's name, a field's name); the screen and the paper turn the code
into a sentence in their language. Only what the person agreed to counts: a field the
document gained later, or a worker's note, is no difference.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

#: Every kind of difference (the screen and the paper have a sentence for each).
KINDS = (
    "about_me",  # subject: the field's name
    "period",
    "next_review",
    "coordinator",
    "member_added",  # subject: the team member's name
    "member_removed",
    "member_changed",
    "goal_added",  # subject: the goal's words (now, or when removed, then)
    "goal_removed",
    "goal_words",
    "goal_reached",
    "goal_let_go",
    "goal_status",
    "goal_changed",  # domain, target date or priority
    "goal_order",
    "step_added",  # subject: the step's action
    "step_removed",
    "step_changed",
    "step_done",
    "crisis_plan",  # subject: the field's name, or "contacts"
)
_GOAL_DETAILS = ("domain", "target_date", "priority")
_STEP_DETAILS = ("action", "responsible", "due", "status")


#: Keys a version keeps beside the agreed content: how it was agreed, and by whom.
AGREEMENT_KEYS = frozenset(
    {"agreed_how", "signatures", "person", "reviews", "peer_contributions", "status"}
)


def agreed_content(snapshot: Mapping[str, Any]) -> dict[str, Any]:
    """What was agreed in a snapshot, without how it was agreed (for comparing)."""
    return {k: v for k, v in snapshot.items() if k not in AGREEMENT_KEYS}


@dataclass(frozen=True)
class Difference:
    kind: str
    subject: str = ""
    #: for words put anew: what they were when agreed
    before: str = ""


def _by_id(items: object) -> dict[str, Mapping[str, Any]]:
    if not isinstance(items, Sequence):
        return {}
    return {str(i.get("id")): i for i in items if isinstance(i, Mapping)}


def _members(then: Mapping[str, Any], now: Mapping[str, Any]) -> list[Difference]:
    found: list[Difference] = []
    old, new = _by_id(then.get("participants")), _by_id(now.get("participants"))
    for key, member in new.items():
        if key not in old:
            found.append(Difference("member_added", str(member.get("name", ""))))
        elif member != old[key]:
            found.append(Difference("member_changed", str(member.get("name", ""))))
    for key, member in old.items():
        if key not in new:
            found.append(Difference("member_removed", str(member.get("name", ""))))
    return found


def _goal(old: Mapping[str, Any], goal: Mapping[str, Any]) -> list[Difference]:
    words = str(goal.get("own_words", ""))
    found: list[Difference] = []
    if old.get("own_words") != goal.get("own_words"):
        found.append(Difference("goal_words", words, str(old.get("own_words", ""))))
    if old.get("status") != goal.get("status"):
        kind = {"achieved": "goal_reached", "closed": "goal_let_go"}.get(
            str(goal.get("status")), "goal_status"
        )
        found.append(Difference(kind, words))
    if any(old.get(k) != goal.get(k) for k in _GOAL_DETAILS):
        found.append(Difference("goal_changed", words))
    before, after = _by_id(old.get("steps")), _by_id(goal.get("steps"))
    for key, step in after.items():
        action = str(step.get("action", ""))
        if key not in before:
            found.append(Difference("step_added", action))
        elif any(before[key].get(k) != step.get(k) for k in _STEP_DETAILS):
            done = step.get("status") == "done" and before[key].get("status") != "done"
            found.append(Difference("step_done" if done else "step_changed", action))
    for key, step in before.items():
        if key not in after:
            found.append(Difference("step_removed", str(step.get("action", ""))))
    if [k for k in after if k in before] != [k for k in before if k in after]:
        found.append(Difference("goal_order", words))
    return found


def _goals(then: Mapping[str, Any], now: Mapping[str, Any]) -> list[Difference]:
    found: list[Difference] = []
    old, new = _by_id(then.get("goals")), _by_id(now.get("goals"))
    for key, goal in new.items():
        if key not in old:
            found.append(Difference("goal_added", str(goal.get("own_words", ""))))
        else:
            found += _goal(old[key], goal)
    for key, goal in old.items():
        if key not in new:
            found.append(Difference("goal_removed", str(goal.get("own_words", ""))))
    if [k for k in new if k in old] != [k for k in old if k in new]:
        found.append(Difference("goal_order"))
    return found


def _contacts(crisis: Mapping[str, Any]) -> list[tuple[object, object, object]]:
    items = crisis.get("contacts")
    if not isinstance(items, Sequence):
        return []
    return [(c.get("name"), c.get("role"), c.get("phone")) for c in items if isinstance(c, Mapping)]


def _crisis(then: Mapping[str, Any], now: Mapping[str, Any]) -> list[Difference]:
    old = then.get("crisis_plan") or {}
    new = now.get("crisis_plan") or {}
    found = [
        Difference("crisis_plan", key)
        for key in sorted(set(old) | set(new))
        if key not in ("id", "contacts") and (old.get(key) or "") != (new.get(key) or "")
    ]
    if _contacts(old) != _contacts(new):
        found.append(Difference("crisis_plan", "contacts"))
    return found


def differences(then: Mapping[str, Any], now: Mapping[str, Any]) -> list[Difference]:
    """What differs between two snapshots of the same plan, in the plan's order."""
    then, now = agreed_content(then), agreed_content(now)
    found: list[Difference] = []
    old_me, new_me = then.get("about_me") or {}, now.get("about_me") or {}
    keys = [*new_me, *(k for k in old_me if k not in new_me)]
    found += [
        Difference("about_me", key)
        for key in keys
        if (old_me.get(key) or "") != (new_me.get(key) or "")
    ]
    if (then.get("period_start"), then.get("period_end")) != (
        now.get("period_start"),
        now.get("period_end"),
    ):
        found.append(Difference("period"))
    if then.get("next_review") != now.get("next_review"):
        found.append(Difference("next_review"))
    if then.get("coordinator") != now.get("coordinator"):
        found.append(Difference("coordinator"))
    found += _goals(then, now)
    found += _members(then, now)
    found += _crisis(then, now)
    return found
