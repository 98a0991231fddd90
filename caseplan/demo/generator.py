"""Fictional demo people with whole plans, for trying Caseplan out and for measuring it.

Rows are computed up front (ids included) and written with Core bulk inserts in batches, so
ten thousand people take seconds. The same seed on the same starting database gives the same
content, ids included: every random choice comes from one seeded :class:`random.Random`.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from caseplan.demo import text as T
from caseplan.models import (
    Account,
    Base,
    ConsentScope,
    ContributionKind,
    GoalStatus,
    Language,
    LifeDomain,
    ParticipantRole,
    PeerEngagement,
    Person,
    PlanStatus,
    Role,
    Setting,
    StepStatus,
)
from caseplan.models.names import search_key, sort_key
from caseplan.services.clinic.settings import DEMO_KEY
from caseplan.services.context import Context

BATCH = 500  #: people per batch of inserts
CACHE_KIB = 262_144  #: SQLite page cache while filling (it only grows as far as it is used)

Row = dict[str, Any]
_T = TypeVar("_T")

_DOMAINS = [d for d in LifeDomain if d is not LifeDomain.OTHER]
_KINDS = list(ContributionKind)
_KIND_WEIGHTS = [40, 30, 15, 10, 5]
_MINUTES = {
    ContributionKind.MEETING: (30, 45, 60, 60, 90, 120),
    ContributionKind.PHONE_OR_MESSAGE: (5, 10, 15, 15, 20, 30),
    ContributionKind.ACCOMPANIMENT: (60, 90, 120, 180, 240),
    ContributionKind.GROUP: (60, 90, 120),
    ContributionKind.OTHER: (30, 60, 90, 120, 180),
}


def create_demo(
    ctx: Context,
    people: int,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Add ``people`` fictional people, each with an open plan, and mark the database as demo.

    Returns how many were added. ``progress(done, total)`` is called after every batch.
    ``people=0`` adds no one but still marks the database, so it can be filled later.
    Existing practitioner and peer-worker accounts become coordinators and peers of some of
    the new people, so that signing in with them shows a caseload.
    """
    if people < 0:
        raise ValueError("people must not be negative")
    with ctx.write() as session, _roomy_cache(session):
        existing = sorted(str(i) for i in session.scalars(select(Person.id)))
        fingerprint = hashlib.sha256("\n".join(existing).encode()).hexdigest()
        maker = _Maker(random.Random(f"caseplan-demo:{seed}:{fingerprint}"), ctx.today(), people)
        maker.link_accounts(session)
        done = 0
        while done < people:
            size = min(BATCH, people - done)
            rows: dict[str, list[Row]] = defaultdict(list)
            for _ in range(size):
                maker.person(rows)
            _add_versions(rows)
            _write(session, rows)
            done += size
            if progress is not None:
                progress(done, people)
        if session.get(Setting, DEMO_KEY) is None:
            session.add(Setting(key=DEMO_KEY, value="1"))
    return people


@contextmanager
def _roomy_cache(session: Session) -> Iterator[None]:
    """On SQLite, a big page cache while filling.

    Random ids put new rows all over every index; with a small cache each page is written
    out, read back and (SQLCipher) decrypted again many times over.
    """
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    before = int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())
    connection.exec_driver_sql(f"PRAGMA cache_size = -{CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {before}")


#: tables in an order that satisfies every foreign key
_TABLES = (
    "persons", "plans", "participants", "goals", "steps", "peer_contributions", "meetings",
    "meeting_attendees", "reviews", "review_ratings", "crisis_plans", "crisis_contacts",
    "plan_versions",
)  # fmt: skip


def _write(session: Session, rows: dict[str, list[Row]]) -> None:
    """Insert one batch; then point each plan at its coordinator (the keys are circular)."""
    for name in _TABLES:
        table = Base.metadata.tables[name]
        if rows[name]:
            session.execute(insert(table), rows[name])
        if name == "participants" and rows["plans"]:
            plans = Base.metadata.tables["plans"]
            session.execute(
                update(plans)
                .where(plans.c.id == bindparam("plan"))
                .values(coordinator_id=bindparam("coordinator")),
                rows["coordinators"],
            )


def _add_versions(rows: dict[str, list[Row]]) -> None:
    """Version 1 of each agreed plan, its snapshot made as agreeing makes it (the plan as
    written; signed on paper by those at the planning meeting)."""
    from caseplan.services.agreement.agreement import (
        PAPER,
        document_from_rows,
        snapshot_from_document,
    )

    def grouped(name: str, key: str) -> dict[Any, list[Row]]:
        found: dict[Any, list[Row]] = defaultdict(list)
        for row in rows[name]:
            found[row[key]].append(row)
        return found

    plans = {row["id"]: row for row in rows["plans"]}
    people = {row["id"]: row for row in rows["persons"]}
    coordinators = {row["plan"]: row["coordinator"] for row in rows["coordinators"]}
    team, goals = grouped("participants", "plan_id"), grouped("goals", "plan_id")
    steps, contacts = grouped("steps", "goal_id"), grouped("crisis_contacts", "crisis_plan_id")
    crisis = {row["plan_id"]: row for row in rows["crisis_plans"]}
    for agreed in rows["agreed"]:
        plan_id = agreed["plan_id"]
        plan = {**plans[plan_id], "coordinator_id": coordinators.get(plan_id)}
        plan_goals = goals[plan_id]
        found = crisis.get(plan_id)
        document = document_from_rows(
            people[plan["person_id"]],
            plan,
            team[plan_id],
            plan_goals,
            [step for goal in plan_goals for step in steps[goal["id"]]],
            found,
            contacts[found["id"]] if found is not None else [],
        )
        snapshot = snapshot_from_document(document, plan_id)
        snapshot["agreed_how"] = {str(p): PAPER for p in agreed["agreed_by"]}
        snapshot["signatures"] = {}
        rows["plan_versions"].append(
            {
                "id": uuid.uuid5(plan_id, "plan version 1"),
                "plan_id": plan_id,
                "number": 1,
                "agreed_on": agreed["agreed_on"],
                "agreed_by": [str(p) for p in agreed["agreed_by"]],
                "snapshot": snapshot,
                "created_at": _at(agreed["agreed_on"], 12),
            }
        )


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), UTC)


class _Maker:
    """Makes one person at a time, drawing every choice from one seeded generator.

    While a person is made, their rows, plan, language and team are kept on the maker.
    """

    def __init__(self, rng: random.Random, today: date, people: int) -> None:
        self.rng = rng
        self.today = today
        self.coordinators = self.staff(max(3, people // 25), "example.no")
        self.practitioners = self.staff(max(3, people // 20), "example.no")
        self.peers = self.staff(max(2, people // 40), "example.org")
        self.workers = {kind: self.staff(4, "example.org") for kind in T.SERVICES}
        self.rows: dict[str, list[Row]] = {}
        self.plan_id = uuid.UUID(int=0)
        self.lang = "nb"
        self.start = today
        self.called = ""
        #: the current team, keyed by what steps are assigned to (a role or a service kind)
        self.team: dict[str, uuid.UUID] = {}
        #: name, organisation and phone of each team member, for crisis contacts
        self.labels: dict[uuid.UUID, tuple[str, str, str]] = {}

    # --- small helpers -------------------------------------------------------------------

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
                pool[i] = T.Contact(account.display_name, pool[i].phone, account.email, account.id)

    def staff(self, count: int, domain: str) -> list[T.Contact]:
        return [T.contact(self.rng, domain) for _ in range(count)]

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

    # --- one person ----------------------------------------------------------------------

    def about(self, key: str, sami: bool) -> str:
        chosen = self.rng.sample(T.ABOUT[self.lang][key], self.num(1, 2))
        if sami and key == "what_matters" and self.lang == "nb" and self.chance(0.6):
            chosen.append(self.pick(T.SAMI_MATTERS))
        return " ".join(chosen)

    def person(self, rows: dict[str, list[Row]]) -> None:
        today = self.today
        full, preferred, self.lang, sami = T.person_name(self.rng)
        self.rows, self.called = rows, preferred or full.split()[0]
        person_id, self.plan_id = self.uid(), self.uid()
        status = PlanStatus.AGREED if self.chance(0.75) else PlanStatus.DRAFT
        recent = status is PlanStatus.DRAFT  # drafts are new plans
        self.start = start = today - (self.days(20, 120) if recent else self.days(60, 700))
        born = date(today.year - self.num(19, 72), 1, 1) + self.days(0, 364)
        rows["persons"].append(
            {
                "id": person_id,
                "full_name": full,
                "preferred_name": preferred,
                "date_of_birth": None if self.chance(0.03) else born,
                "preferred_language": Language(self.lang),
                **{key: self.about(key, sami) for key in T.ABOUT[self.lang]},
                "search_key": search_key(full, preferred),
                "sort_key": sort_key(full)[:200],
                "created_at": _at(start - self.days(0, 14), 10),
                "version": 1,
            }
        )
        roll = self.rng.random()
        next_review: date | None = today + self.days(31, 200)
        if status is PlanStatus.DRAFT and roll < 0.1:
            next_review = None
        elif roll < 0.25:  # overdue
            next_review = today - self.days(1, min(120, (today - start).days - 1))
        elif roll < 0.5:  # due within 30 days
            next_review = today + self.days(0, 30)
        rows["plans"].append(
            {
                "id": self.plan_id,
                "person_id": person_id,
                "status": status,
                "period_start": start,
                "period_end": None if self.chance(0.1) else today + self.days(30, 540),
                "next_review": next_review,
                "coordinator_id": None,
                "peer_consent_granted_on": None,
                "peer_consent_expires_on": None,
                "created_at": _at(start, 9),
                "version": 1,
            }
        )
        self.make_team(full)
        rows["coordinators"].append({"plan": self.plan_id, "coordinator": self.team["coordinator"]})
        goals = self.goals()
        if "peer" in self.team:
            self.contributions()
        self.meetings(status)
        if status is PlanStatus.AGREED:
            self.reviews(next_review, goals)
        if self.chance(0.85):
            self.crisis_plan()

    def join(
        self, key: str, role: ParticipantRole, who: T.Contact, org: str, scope: ConsentScope
    ) -> None:
        """Add a team member with the person's consent (some of it since expired)."""
        participant_id = self.uid()
        granted = self.start - self.days(0, 10)
        if role is ParticipantRole.PERSON or self.chance(0.3):
            expires = None
        else:  # mostly still valid; some have run out and need renewing
            expires = (
                self.today + self.days(30, 700)
                if self.chance(0.9)
                else granted + self.days(90, 300)
            )
        self.rows["participants"].append(
            {
                "id": participant_id,
                "plan_id": self.plan_id,
                "role": role,
                "name": who.name,
                "organisation": org,
                "phone": who.phone,
                "email": who.email,
                **self.peer_profile(role),
                "consent_granted_on": granted,
                "consent_expires_on": expires,
                "consent_scope": scope,
                "account_id": who.account_id,
                "position": len(self.labels),
                "version": 1,
            }
        )
        self.labels[participant_id] = (who.name, org, who.phone)
        self.team[key] = participant_id
        if role is ParticipantRole.PEER:
            plan = self.rows["plans"][-1]
            plan["peer_consent_granted_on"] = granted
            plan["peer_consent_expires_on"] = expires

    def peer_profile(self, role: ParticipantRole) -> dict[str, object]:
        """What a peer offers, when to reach them, and whether their time is paid."""
        if role is not ParticipantRole.PEER:
            return {"offers": "", "availability": "", "peer_engagement": PeerEngagement.NONE}
        return {
            "offers": ", ".join(self.rng.sample(T.PEER_OFFERS[self.lang], 2)),
            "availability": self.pick(T.PEER_AVAILABILITY[self.lang]),
            "peer_engagement": PeerEngagement.PAID
            if self.chance(0.8)
            else PeerEngagement.VOLUNTEER,
        }

    def make_team(self, full: str) -> None:
        lang, R, S = self.lang, ParticipantRole, ConsentScope
        self.team, self.labels = {}, {}
        email = f"{T.ascii_slug(full)}{self.num(1, 99)}@example.no" if self.chance(0.3) else ""
        me = T.Contact(full, T.phone(self.rng) if self.chance(0.85) else "", email)
        self.join("person", R.PERSON, me, "", S.FULL_PLAN)
        coordinator = self.pick(self.coordinators)
        self.join("coordinator", R.COORDINATOR, coordinator, T.COORDINATOR_ORG[lang], S.FULL_PLAN)
        for _ in range(self.pick((0, 1, 1, 2))):
            who, org = self.pick(self.practitioners), self.pick(T.PRACTITIONER_ORGS[lang])
            scope = S.FULL_PLAN if self.chance(0.6) else S.OWN_PART
            self.join("practitioner", R.PRACTITIONER, who, org, scope)
        if self.chance(0.75):
            scope = S.FULL_PLAN if self.chance(0.7) else S.OWN_PART
            self.join("peer", R.PEER, self.pick(self.peers), T.PEER_ORG[lang], scope)
        for kind in self.rng.sample(sorted(T.SERVICES), self.num(1, 3)):
            org = T.SERVICES[kind][0 if lang == "nb" else 1]
            scope = self.pick((S.OWN_PART, S.OWN_PART, S.CRISIS_PLAN, S.FULL_PLAN))
            self.join(kind, R.SERVICE, self.pick(self.workers[kind]), org, scope)
        for _ in range(self.pick((0, 0, 1, 1, 2))):
            relative = T.Contact(T.norwegian_name(self.rng)[1], T.phone(self.rng), "")
            scope = self.pick((S.CRISIS_PLAN, S.CRISIS_PLAN, S.NONE, S.OWN_PART))
            self.join("network", R.NETWORK, relative, self.pick(T.NETWORK[lang]), scope)

    def goals(self) -> list[uuid.UUID]:
        domains: list[LifeDomain] = self.rng.sample(_DOMAINS, self.num(2, 6))
        if self.chance(0.05):
            domains[-1] = LifeDomain.OTHER
        goal_ids = []
        for position, domain in enumerate(domains):
            goal_id = self.uid()
            goal_ids.append(goal_id)
            status = self.rng.choices(list(GoalStatus), (75, 12, 8, 5))[0]
            target = None if self.chance(0.15) else self.start + self.days(60, 450)
            self.rows["goals"].append(
                {
                    "id": goal_id,
                    "plan_id": self.plan_id,
                    "domain": domain,
                    "own_words": self.pick(T.GOALS[self.lang][domain]),
                    "worker_note": self.worker_note(0.2),
                    "status": status,
                    "target_date": target,
                    "priority": self.num(1, 3),
                    "position": position,
                    "version": 1,
                }
            )
            options = T.STEPS[self.lang][domain]
            chosen = self.rng.sample(options, self.num(1, min(4, len(options))))
            for step_position, (who, action) in enumerate(chosen):
                due = self.start + self.days(7, 300)
                weights = (60, 40, 0, 0) if due >= self.today else (10, 25, 55, 10)
                step_status = self.rng.choices(list(StepStatus), weights)[0]
                self.rows["steps"].append(
                    {
                        "id": self.uid(),
                        "goal_id": goal_id,
                        "action": action,
                        "responsible_id": self.team.get(who, self.team["coordinator"]),
                        "due": due,
                        "status": StepStatus.DONE if status is GoalStatus.ACHIEVED else step_status,
                        "worker_note": self.worker_note(0.1),
                        "position": step_position,
                        "version": 1,
                    }
                )
        return goal_ids

    def contributions(self) -> None:
        """What the peer did, over the last months of the plan, in the peer's words."""
        first = max(self.start, self.today - timedelta(days=270))
        dates = sorted(self.between(first, self.today) for _ in range(self.num(3, 18)))
        for day in dates:
            kind = self.rng.choices(_KINDS, _KIND_WEIGHTS)[0]
            minutes = self.pick(_MINUTES[kind])
            roll = self.rng.random()
            paid = minutes if roll < 0.75 else 0 if roll < 0.9 else self.num(0, minutes)
            self.rows["peer_contributions"].append(
                {
                    "id": self.uid(),
                    "plan_id": self.plan_id,
                    "peer_id": self.team["peer"],
                    "date": day,
                    "minutes": minutes,
                    "kind": kind,
                    "note": self.pick(T.PEER_NOTES[self.lang][kind.value]).format(name=self.called),
                    "paid_minutes": paid,
                    "created_at": _at(day, 16),
                    "version": 1,
                }
            )

    def meetings(self, status: PlanStatus) -> None:
        """The planning meeting on the first day of the plan, and a few since."""
        later = [self.between(self.start, self.today) for _ in range(self.num(0, 3))]
        others = [v for k, v in self.team.items() if k not in ("person", "coordinator")]
        for number, day in enumerate([self.start, *sorted(later)]):
            meeting_id = self.uid()
            self.rows["meetings"].append(
                {
                    "id": meeting_id,
                    "plan_id": self.plan_id,
                    "date": day,
                    "shared_notes": self.pick(T.MEETING_NOTES[self.lang]).format(name=self.called),
                    "worker_note": self.worker_note(0.35),
                    "agreed": number == 0 and status is PlanStatus.AGREED,
                    "version": 1,
                }
            )
            present = [self.team["person"], self.team["coordinator"]]
            present += self.rng.sample(others, self.num(0, min(2, len(others))))
            self.rows["meeting_attendees"] += [
                {"meeting_id": meeting_id, "participant_id": p} for p in present
            ]
            if number == 0 and status is PlanStatus.AGREED:
                self.rows["agreed"].append(
                    {"plan_id": self.plan_id, "agreed_on": day, "agreed_by": present}
                )

    def reviews(self, next_review: date | None, goals: list[uuid.UUID]) -> None:
        """Reviews spread over the plan so far; the person's ratings mostly go up."""
        span = (self.today - self.start).days
        count = 0 if span < 60 else self.num(0, min(3, span // 60))
        dates = [self.start + timedelta(days=span * (i + 1) // (count + 1)) for i in range(count)]
        scores = {goal: self.num(1, 6) for goal in goals}
        for i, day in enumerate(dates):
            review_id = self.uid()
            self.rows["reviews"].append(
                {
                    "id": review_id,
                    "plan_id": self.plan_id,
                    "date": day,
                    "what_helped": self.pick(T.HELPED[self.lang]),
                    "what_got_in_the_way": self.pick(T.GOT_IN_THE_WAY[self.lang]),
                    "next_review": dates[i + 1] if i + 1 < count else next_review,
                    "version": 1,
                }
            )
            raters = [self.team["person"]]
            if self.chance(0.15):
                raters.append(self.team["coordinator"])
            for goal, score in scores.items():
                scores[goal] = max(0, min(10, score + self.num(-1, 2)))
                self.rows["review_ratings"] += [
                    {"review_id": review_id, "goal_id": goal, "by_id": by, "score": scores[goal]}
                    for by in raters
                ]

    def crisis_plan(self) -> None:
        crisis_id = self.uid()
        fields = {
            key: "\n".join(self.rng.sample(options, self.num(1, 2)))
            for key, options in T.CRISIS[self.lang].items()
        }
        self.rows["crisis_plans"].append(
            {"id": crisis_id, "plan_id": self.plan_id, **fields, "version": 1}
        )
        contacts = [("coordinator", T.ROLE_LABEL["coordinator"][self.lang])]
        if "peer" in self.team:
            contacts.append(("peer", T.ROLE_LABEL["peer"][self.lang]))
        if "network" in self.team:
            contacts.append(("network", self.labels[self.team["network"]][1]))
        elif "mental_health" in self.team:
            label = T.SERVICES["mental_health"][2 if self.lang == "nb" else 3]
            contacts.append(("mental_health", label))
        for position, (key, role) in enumerate(contacts):
            name, _, phone = self.labels[self.team[key]]
            self.rows["crisis_contacts"].append(
                {
                    "id": self.uid(),
                    "crisis_plan_id": crisis_id,
                    "name": name,
                    "role": role,
                    "phone": phone,
                    "position": position,
                }
            )
