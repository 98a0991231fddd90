"""One fictional demo person at a time: their plan, team, goals, meetings and crisis plan.

Every choice is drawn from one seeded :class:`random.Random`, so the same seed gives the same
people, ids included. :mod:`caseplan.demo.generator` writes the rows in batches.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta

from caseplan.demo import names as N
from caseplan.demo import text as T
from caseplan.demo import words as W
from caseplan.demo.draws import Draws, Row
from caseplan.models import (
    ConsentScope,
    ContributionKind,
    GoalStatus,
    Language,
    LifeDomain,
    ParticipantRole,
    PeerEngagement,
    PlanStatus,
    StepStatus,
)
from caseplan.models.names import search_key, sort_key
from caseplan.services.review_dates import months_after

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


def at_hour(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), UTC)


class Maker(Draws):
    """Makes one person at a time, drawing every choice from one seeded generator.

    While a person is made, their rows, plan, language and team are kept on the maker.
    """

    def about(self, key: str, sami: bool) -> str:
        chosen = self.rng.sample(T.ABOUT[self.lang][key], self.num(1, 2))
        if sami and key == "what_matters" and self.lang == "nb" and self.chance(0.6):
            chosen.append(self.pick(T.SAMI_MATTERS))
        return " ".join(chosen)

    def person(self, rows: dict[str, list[Row]]) -> None:
        today = self.today
        full, preferred, self.lang, sami = N.person_name(self.rng)
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
                "address": self.address(),
                "search_key": search_key(full, preferred),
                "sort_key": sort_key(full)[:200],
                "created_at": at_hour(start - self.days(0, 14), 10),
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
                "created_at": at_hour(start, 9),
                "version": 1,
            }
        )
        self.make_team(full)
        rows["coordinators"].append({"plan": self.plan_id, "coordinator": self.team["coordinator"]})
        if status is PlanStatus.DRAFT and self.more.random() < 0.25:
            return  # registered, and the plan not begun: no goal written yet
        goals = self.goals()
        if status is PlanStatus.AGREED and self.more.random() < 0.15:
            # Changed since it was agreed: a goal came after version 1 (not in its snapshot).
            rows["plans"][-1]["status"] = PlanStatus.DRAFT
            rows["changed_after"].append({"plan_id": self.plan_id, "goal_id": goals[-1]})
        if "peer" in self.team:
            self.contributions()
        agreed = status is PlanStatus.AGREED
        self.meetings(status)
        if agreed:
            self.reviews(next_review, goals)
        if self.chance(0.85):
            self.crisis_plan()

    def address(self) -> str:
        if self.more.random() < 0.12:
            return ""  # not known
        postcode, town = W.TOWNS[int(self.more.random() * len(W.TOWNS))]
        street = W.STREETS[int(self.more.random() * len(W.STREETS))]
        return f"{street} {1 + int(self.more.random() * 60)}\n{postcode} {town}"

    def join(
        self, key: str, role: ParticipantRole, who: N.Contact, org: str, scope: ConsentScope
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
        email = f"{N.ascii_slug(full)}{self.num(1, 99)}@example.no" if self.chance(0.3) else ""
        me = N.Contact(full, N.phone(self.rng) if self.chance(0.85) else "", email)
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
            relative = N.Contact(N.norwegian_name(self.rng)[1], N.phone(self.rng), "")
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
                    "created_at": at_hour(day, 16),
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
        """Reviews spread over the plan so far; the person's ratings mostly go up.

        Each review answers the date the one before set (the first: three months after the
        start); some are held late. About half of the people said their words may be shared.
        """
        span = (self.today - self.start).days
        count = 0 if span < 60 else self.num(0, min(3, span // 60))
        dates = [self.start + timedelta(days=span * (i + 1) // (count + 1)) for i in range(count)]
        scores = {goal: self.num(1, 6) for goal in goals}
        due: date | None = months_after(self.start, 3)
        for i, day in enumerate(dates):
            review_id = self.uid()
            set_next = next_review
            if i + 1 < count:  # some reviews are held later than the one before set
                set_next = max(day, dates[i + 1] - timedelta(days=self.more.randint(-5, 19)))
            self.rows["reviews"].append(
                {
                    "id": review_id,
                    "plan_id": self.plan_id,
                    "date": day,
                    "what_helped": self.pick(T.HELPED[self.lang]),
                    "what_got_in_the_way": self.pick(T.GOT_IN_THE_WAY[self.lang]),
                    "next_review": set_next,
                    "due_on": due,
                    "words_shared": self.more.random() < 0.55,
                    "version": 1,
                }
            )
            due = set_next
            raters = [self.team["person"]]
            if self.chance(0.15):
                raters.append(self.team["coordinator"])
            for goal, score in scores.items():
                scores[goal] = max(0, min(10, score + self.num(-1, 2)))
                self.rows["review_ratings"] += [
                    {"review_id": review_id, "goal_id": goal, "by_id": by, "score": scores[goal]}
                    for by in raters
                ]
                if self.more.random() < 0.6:
                    self.review_goal(review_id, goal)

    def review_goal(self, review_id: uuid.UUID, goal: uuid.UUID) -> None:
        """What the person said about one goal in one review."""
        helped = W.GOAL_HELPED[self.lang]
        in_the_way = W.GOAL_IN_THE_WAY[self.lang]
        self.rows["review_goals"].append(
            {
                "review_id": review_id,
                "goal_id": goal,
                "what_helped": helped[int(self.more.random() * len(helped))],
                "what_got_in_the_way": in_the_way[int(self.more.random() * len(in_the_way))]
                if self.more.random() < 0.5
                else "",
                "decision": None,
            }
        )

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
