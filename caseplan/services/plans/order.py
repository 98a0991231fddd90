"""One order for a plan's goals and steps: in the workspace, in meeting mode and on paper.

Goals are grouped by life domain, the domains in the fixed order of :class:`LifeDomain`,
and keep the plan's own order (their position) inside a domain; steps keep their goal's
order. "Goal 1" on the screen is then goal 1 on paper. Every screen and every printed
plan sorts with :func:`in_plan_order`, so the order cannot drift apart again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from caseplan.models import LifeDomain

G = TypeVar("G")

#: each life domain's place; a domain this program does not know comes last
DOMAIN_ORDER: dict[str, int] = {domain.value: index for index, domain in enumerate(LifeDomain)}


def domain_rank(domain: str) -> int:
    """Where goals of ``domain`` come (an unknown domain after every known one)."""
    return DOMAIN_ORDER.get(str(domain), len(DOMAIN_ORDER))


def in_plan_order(goals: Iterable[G], domain: Callable[[G], str]) -> list[G]:
    """``goals`` (given in the plan's order) grouped by life domain in the domains' order.

    The sort is stable, so inside a domain the goals keep the order they were given in
    (the plan's: by position).
    """
    return sorted(goals, key=lambda goal: domain_rank(domain(goal)))
