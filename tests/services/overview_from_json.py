"""The overview's figures worked out again from people's exported ``caseplan.person/1`` files.

Written from the words of the overview (docs/overview.md), with nothing from the code that
counts in SQL: plain Python over the JSON a person's export holds. Tests compare the two.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

SOON = timedelta(days=30)
OPEN_STEP = ("planned", "in_progress")

Doc = Mapping[str, Any]


def day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def open_plan(doc: Doc) -> Doc | None:
    return next((p for p in doc["plans"] if p["status"] != "closed"), None)


@dataclass
class Expected:
    """What each count and list must be: person ids per signal, and the items counted."""

    people: dict[str, set[str]] = field(default_factory=dict)
    items: Counter[str] = field(default_factory=Counter)
    #: coordinator's name -> [overdue, due soon]
    practitioners: dict[str, list[int]] = field(default_factory=dict)
    peer: Counter[str] = field(default_factory=Counter)

    def add(self, signal: str, person: str, items: int = 1) -> None:
        self.people.setdefault(signal, set()).add(person)
        self.items[signal] += items


def _coordinator(plan: Doc) -> str:
    chosen = plan.get("coordinator")
    found = next((p for p in plan["participants"] if p["id"] == chosen), None)
    return found["name"] if found else ""


def _ends(signal_day: date | None, today: date) -> str | None:
    if signal_day is None:
        return None
    if signal_day < today:
        return "consent_ended"
    if signal_day <= today + SOON:
        return "consent_ending"
    return None


def expected(
    documents: Iterable[Doc], today: date, weeks: int, known_peers: Iterable[str] = ()
) -> Expected:
    """``known_peers``: the team members linked to an account or verified by a team lead
    (not in an export); paid time counts only theirs, as the peer hours report pays it."""
    found = Expected()
    known = set(known_peers)
    since = today - timedelta(weeks=weeks)
    this_month = today.replace(day=1)
    last_end = this_month - timedelta(days=1)
    last_month = last_end.replace(day=1)
    for doc in documents:
        person = doc["person"]["id"]
        for plan in doc["plans"]:  # peer time: every plan, open or closed
            for contribution in plan["peer_contributions"]:
                when = day(contribution["date"])
                assert when is not None
                paid = contribution["paid_minutes"] if contribution["peer"] in known else 0
                if this_month <= when <= today:
                    found.peer["this"] += contribution["minutes"]
                    found.peer["this_paid"] += paid
                elif last_month <= when <= last_end:
                    found.peer["last"] += contribution["minutes"]
                    found.peer["last_paid"] += paid
        plan = open_plan(doc)
        if plan is None:
            if not doc["plans"]:
                found.add("no_plan", person)
            continue
        if not plan["goals"]:
            found.add("no_plan", person)
        review = day(plan["next_review"])
        coordinator = _coordinator(plan)
        if review is not None and review < today:
            found.add("review_overdue", person)
            found.practitioners.setdefault(coordinator, [0, 0])[0] += 1
        elif review is not None and review <= today + SOON:
            found.add("review_due_soon", person)
            found.practitioners.setdefault(coordinator, [0, 0])[1] += 1
        if plan["status"] == "draft":
            found.add("plan_changed" if plan["versions"] else "plan_never_agreed", person)
        for member in plan["participants"]:
            consent = member["consent"]
            signal = _ends(day(consent["expires_on"]), today)
            if consent["scope"] != "none" and signal:
                found.add(signal, person)
        if plan["peer_consent_granted_on"]:
            signal = _ends(day(plan["peer_consent_expires_on"]), today)
            if signal:
                found.add(signal, person)
        for goal in plan["goals"]:
            for step in goal["steps"]:
                due = day(step["due"])
                overdue = due is not None and due < today and step["status"] in OPEN_STEP
                if overdue and goal["status"] == "active":
                    found.add("steps_overdue", person)
        contacts = [
            day(x["date"])
            for key in ("meetings", "reviews", "peer_contributions")
            for x in plan[key]
        ]
        recent = any(c is not None and since <= c <= today for c in contacts)
        start = day(plan["period_start"])
        if start is not None and start < since and not recent:
            found.add("no_contact", person)
    return found
