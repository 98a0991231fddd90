"""What a review holds before it is saved, kept across a lock.

A lock closes every dialog at once (the screen is covered before anyone could answer a
question). A review is a conversation with the person that can take an hour; what they rated
and said must not go with the lock. The dialog hands its state over as a :class:`ReviewDraft`
(plain values in memory, never written to disk), and the same account, unlocking, gets the
review back as it was left.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from caseplan.models import GoalDecision


@dataclass(frozen=True)
class GoalDraft:
    """One goal's page: the person's rating, their words, the decision, others' ratings."""

    goal_id: uuid.UUID
    score: int | None
    what_helped: str
    what_got_in_the_way: str
    decision: GoalDecision | None
    others: tuple[tuple[uuid.UUID, int], ...]


@dataclass(frozen=True)
class ReviewDraft:
    """The whole review as it stood: whose plan, who is here, each goal, the last page."""

    person_id: uuid.UUID
    page: int
    present: tuple[tuple[uuid.UUID, bool], ...]
    goals: tuple[GoalDraft, ...]
    next_review_text: str
    words_shared: bool
