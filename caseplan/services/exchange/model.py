"""The ``caseplan.person/1`` document as one typed model (pydantic): import, export and print.

The classes below are the format: their fields, in the order export writes them, with the
kind of each value (:mod:`caseplan.services.exchange.kinds`). docs/json-format.md describes
the same fields for people, and a test keeps the two together.

A document is read in one of two ways. **Import** (``context=IMPORT``) holds every value to
the rules of what may be stored: every field present and no other, ids and dates as written
in the format, texts by the text rules and their limits. The rules that span records (ids
unique, references to the same plan's team) are checked afterwards on the typed model, by
:mod:`caseplan.services.exchange.reading`. **Printing** reads a document Caseplan wrote
itself: types only, and a field that is not there is empty.
"""

from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, ValidationInfo, model_validator

from caseplan.models.enums import (
    CloseReason,
    ConsentGiven,
    ConsentScope,
    ContributionKind,
    GoalDecision,
    GoalStatus,
    Language,
    LifeDomain,
    ParticipantRole,
    PeerEngagement,
    PlanStatus,
    StepStatus,
)
from caseplan.services.exchange.kinds import (
    MISSING,
    NOT_AN_OBJECT,
    UNKNOWN,
    Address,
    Day,
    Email,
    Flag,
    Free,
    Id,
    Link,
    Long,
    Medium,
    Moment,
    Name,
    OwnWords,
    Phone,
    Ref,
    RefOrNone,
    RequiredDay,
    Short,
    TeamIds,
    choice,
    choice_or_none,
    importing,
    language,
    refuse,
    whole,
)

FORMAT = "caseplan.person/1"


class Part(BaseModel):
    """One object of the document."""

    model_config = ConfigDict(frozen=True, extra="ignore", validate_default=False)
    #: Fields added to the format after it was first written: a file written before may
    #: lack them, and then they hold their default (export always writes them).
    LATER: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="before")
    @classmethod
    def _exactly_its_fields(cls, data: Any, info: ValidationInfo) -> Any:
        if not importing(info):
            return data
        if not isinstance(data, dict):
            refuse(NOT_AN_OBJECT)
        fields = cls.__pydantic_fields__
        if data.keys() != fields.keys():
            for key in data:
                if key not in fields:
                    refuse(UNKNOWN, at=key)
            for name in fields:
                if name not in data and name not in cls.LATER:
                    refuse(MISSING, at=name)
        return data


class AboutMe(Part):
    what_matters: Long = ""
    strengths: Long = ""
    what_helps: Long = ""
    what_does_not_help: Long = ""
    how_i_want_to_be_met: Long = ""


class Person(Part):
    LATER = frozenset({"phone", "address", "plan_consent_on", "plan_consent_how"})

    id: Id = ""
    full_name: Name = ""
    preferred_name: Short = ""
    date_of_birth: Day = None
    preferred_language: Annotated[str, language()] = Language.NB
    phone: Phone = ""
    address: Address = ""
    plan_consent_on: Day = None
    plan_consent_how: Annotated[ConsentGiven | None, choice_or_none(ConsentGiven)] = None
    about_me: AboutMe = AboutMe()
    created_at: Moment = None


class Consent(Part):
    granted_on: Day = None
    expires_on: Day = None
    scope: Annotated[ConsentScope, choice(ConsentScope.NONE)] = ConsentScope.NONE


class Participant(Part):
    id: Id = ""
    role: Annotated[ParticipantRole, choice(ParticipantRole.NETWORK)] = ParticipantRole.NETWORK
    name: Short = ""
    organisation: Short = ""
    phone: Phone = ""
    email: Email = ""
    offers: Medium = ""
    availability: Short = ""
    peer_engagement: Annotated[PeerEngagement, choice(PeerEngagement.NONE)] = PeerEngagement.NONE
    consent: Consent = Consent()


class Step(Part):
    id: Id = ""
    action: OwnWords = ""
    responsible: RefOrNone = None
    due: Day = None
    status: Annotated[StepStatus, choice(StepStatus.PLANNED)] = StepStatus.PLANNED
    worker_note: Long = ""


class Goal(Part):
    LATER = frozenset({"carried_from"})

    id: Id = ""
    domain: Annotated[LifeDomain, choice(LifeDomain.OTHER)] = LifeDomain.OTHER
    own_words: OwnWords = ""
    worker_note: Long = ""
    status: Annotated[GoalStatus, choice(GoalStatus.ACTIVE)] = GoalStatus.ACTIVE
    target_date: Day = None
    priority: Annotated[int, whole(1, 3)] = 2
    carried_from: Link = None
    steps: list[Step] = []


class PeerContribution(Part):
    id: Id = ""
    peer: Ref = ""
    date: RequiredDay = None
    minutes: Annotated[int, whole(1, 1440)] = 1
    kind: Annotated[ContributionKind, choice(ContributionKind.OTHER)] = ContributionKind.OTHER
    note: Long = ""
    paid_minutes: Annotated[int, whole(0, 1440)] = 0
    created_at: Moment = None


class Meeting(Part):
    id: Id = ""
    date: RequiredDay = None
    attendees: TeamIds = []
    shared_notes: Long = ""
    worker_note: Long = ""
    agreed: Flag = False


class Rating(Part):
    goal: Ref = ""
    by: Ref = ""
    score: Annotated[int, whole(0, 10)] = 0


class ReviewGoal(Part):
    """One goal in a review: the person's words about it, and what was decided."""

    goal: Ref = ""
    what_helped: Long = ""
    what_got_in_the_way: Long = ""
    decision: Annotated[GoalDecision | None, choice_or_none(GoalDecision)] = None


class Review(Part):
    LATER = frozenset({"attendees", "goals", "due_on", "words_shared"})

    id: Id = ""
    date: RequiredDay = None
    attendees: TeamIds = []
    ratings: list[Rating] = []
    goals: list[ReviewGoal] = []
    what_helped: Long = ""
    what_got_in_the_way: Long = ""
    next_review: Day = None
    due_on: Day = None
    words_shared: Flag = False


class Contact(Part):
    id: Id = ""
    name: Short = ""
    role: Short = ""
    phone: Phone = ""


class CrisisPlan(Part):
    id: Id = ""
    warning_signs: Long = ""
    triggers: Long = ""
    what_i_do: Long = ""
    what_others_do: Long = ""
    what_does_not_help: Long = ""
    treatment_wanted: Long = ""
    treatment_not_wanted: Long = ""
    contacts: list[Contact] = []


class Version(Part):
    id: Id = ""
    number: Annotated[int, whole(1, 1_000_000)] = 1
    agreed_on: RequiredDay = None
    agreed_by: TeamIds = []
    snapshot: Free = {}
    created_at: Moment = None


class Plan(Part):
    LATER = frozenset({"closed_on", "closed_reason"})

    id: Id = ""
    status: Annotated[PlanStatus, choice(PlanStatus.DRAFT)] = PlanStatus.DRAFT
    period_start: RequiredDay = None
    period_end: Day = None
    next_review: Day = None
    peer_consent_granted_on: Day = None
    peer_consent_expires_on: Day = None
    coordinator: RefOrNone = None
    created_at: Moment = None
    closed_on: Day = None
    closed_reason: Annotated[CloseReason | None, choice_or_none(CloseReason)] = None
    participants: list[Participant] = []
    goals: list[Goal] = []
    peer_contributions: list[PeerContribution] = []
    meetings: list[Meeting] = []
    reviews: list[Review] = []
    crisis_plan: CrisisPlan | None = None
    versions: list[Version] = []


class PersonDocument(Part):
    """A whole ``caseplan.person/1`` file: the person and every plan, open and closed."""

    format: str = FORMAT
    person: Person = Person()
    plans: list[Plan] = []


#: Every object of the document by the name docs/json-format.md gives it.
PARTS: dict[str, type[Part]] = {
    "document": PersonDocument,
    "person": Person,
    "about_me": AboutMe,
    "plan": Plan,
    "participant": Participant,
    "consent": Consent,
    "goal": Goal,
    "step": Step,
    "peer_contribution": PeerContribution,
    "meeting": Meeting,
    "review": Review,
    "rating": Rating,
    "review_goal": ReviewGoal,
    "crisis_plan": CrisisPlan,
    "contact": Contact,
    "version": Version,
}
