"""The state and the small random draws the demo's person maker works with."""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseplan.demo import names as N
from caseplan.demo import text as T
from caseplan.models import Account, Role

Row = dict[str, Any]
_T = TypeVar("_T")


class Draws:
    """Every choice comes from one seeded generator; while a person is made, their rows,
    plan, language and team are kept here."""

    def __init__(self, rng: random.Random, today: date, people: int) -> None:
        self.rng = rng
        self.today = today
        self.coordinators = self.staff(max(3, people // 25), "example.no")
        self.practitioners = self.staff(max(3, people // 20), "example.no")
        self.peers = self.staff(max(2, people // 40), "example.org")
        self.workers = {kind: self.staff(4, "example.org") for kind in T.SERVICES}
        #: Draws for what came later (addresses, changed plans, words shared in reviews): a
        #: stream of their own, so the rest of each person stays as the same seed made it.
        self.more = random.Random(rng.random())
        self.rows: dict[str, list[Row]] = {}
        self.plan_id = uuid.UUID(int=0)
        self.lang = "nb"
        self.start = today
        self.called = ""
        #: the current team, keyed by what steps are assigned to (a role or a service kind)
        self.team: dict[str, uuid.UUID] = {}
        #: name, organisation and phone of each team member, for crisis contacts
        self.labels: dict[uuid.UUID, tuple[str, str, str]] = {}

    def link_accounts(self, session: Session) -> None:
        """Let the first coordinators and peers be the accounts that can sign in."""
        accounts = session.execute(
            select(Account.id, Account.display_name, Account.email, Account.role)
            .where(Account.active, Account.role.in_([Role.PRACTITIONER, Role.PEER_WORKER]))
            .order_by(Account.username)
        ).all()
        for role, pool in ((Role.PRACTITIONER, self.coordinators), (Role.PEER_WORKER, self.peers)):
            mine = [a for a in accounts if a.role is role][: len(pool)]
            for i, account in enumerate(mine):
                pool[i] = N.Contact(account.display_name, pool[i].phone, account.email, account.id)

    def staff(self, count: int, domain: str) -> list[N.Contact]:
        return [N.contact(self.rng, domain) for _ in range(count)]

    def uid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def pick(self, options: Sequence[_T]) -> _T:
        return options[int(self.rng.random() * len(options))]

    def num(self, low: int, high: int) -> int:
        """Like ``randint``, several times faster (it matters for 10,000 people)."""
        return low + int(self.rng.random() * (high - low + 1))

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def days(self, low: int, high: int) -> timedelta:
        return timedelta(days=self.num(low, high))

    def between(self, start: date, end: date) -> date:
        return start + self.days(0, max(0, (end - start).days))

    def worker_note(self, p: float) -> str:
        return self.pick(T.WORKER_NOTES) if self.chance(p) else ""
