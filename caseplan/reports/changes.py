"""The "what changed since the last agreed version" page: goals and steps, before and now."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable, PageBreak

from caseplan.reports.blocks import Para, Words, gap
from caseplan.reports.document import Goal, PlanView, Version
from caseplan.reports.styles import Styles, user_text


@dataclass(frozen=True)
class Change:
    kind: str  # goal_added, goal_removed, goal_changed, step_added, step_removed
    goal: str  # the goal's words now (or before, when it was removed)
    before: str = ""
    now: str = ""


def baseline(view: PlanView) -> Version | None:
    """The last agreed version to compare with: the one before the plan as it stands now."""
    with_snapshot = [v for v in view.versions if v.goals is not None]
    if view.status == "agreed":
        with_snapshot = with_snapshot[:-1]
    return with_snapshot[-1] if with_snapshot else None


def since_version(view: PlanView) -> Version | None:
    """The agreed version a draft has changed since (None: agreed as it is, or never agreed)."""
    if view.status != "draft":
        return None
    with_snapshot = [v for v in view.versions if v.goals is not None]
    return with_snapshot[-1] if with_snapshot else None


def marks(view: PlanView) -> dict[str, str]:
    """For a plan changed since it was agreed: each goal and step that is ``"new"`` or
    ``"changed"`` since that version, by key (the printed draft marks them)."""
    version = since_version(view)
    if version is None or version.goals is None:
        return {}
    found: dict[str, str] = {}
    before = {g.key: g for g in version.goals if g.key}
    for goal in view.goals:
        old = before.get(goal.key)
        if old is None:
            found[goal.key] = "new"  # its steps are new with it: the goal's mark says so
            continue
        if (old.own_words, old.status, old.target_date, old.domain) != (
            goal.own_words,
            goal.status,
            goal.target_date,
            goal.domain,
        ):
            found[goal.key] = "changed"
        steps = {s.key: s for s in old.steps}
        for step in goal.steps:
            was = steps.get(step.key)
            if was is None:
                found[step.key] = "new"
            elif was != step:
                found[step.key] = "changed"
        if [s.key for s in goal.steps if s.key in steps] != [s.key for s in old.steps]:
            found.setdefault(goal.key, "changed")  # a step removed or moved
    return found


def _match(old: tuple[Goal, ...], goal: Goal, used: set[int]) -> int | None:
    for index, candidate in enumerate(old):
        if index not in used and goal.key and candidate.key == goal.key:
            return index
    for index, candidate in enumerate(old):
        if index not in used and candidate.own_words == goal.own_words:
            return index
    return None


def compare(before: tuple[Goal, ...], now: tuple[Goal, ...]) -> list[Change]:
    """Goals and steps that were added, removed or put in new words, in the order of ``now``."""
    changes: list[Change] = []
    used: set[int] = set()
    for goal in now:
        index = _match(before, goal, used)
        if index is None:
            changes.append(Change("goal_added", goal.own_words, now=goal.own_words))
            continue
        used.add(index)
        old = before[index]
        if old.own_words != goal.own_words:
            changes.append(Change("goal_changed", goal.own_words, old.own_words, goal.own_words))
        old_steps = [s.action for s in old.steps]
        new_steps = [s.action for s in goal.steps]
        for action in new_steps:
            if action not in old_steps:
                changes.append(Change("step_added", goal.own_words, now=action))
        for action in old_steps:
            if action not in new_steps:
                changes.append(Change("step_removed", goal.own_words, before=action))
    for index, old in enumerate(before):
        if index not in used:
            changes.append(Change("goal_removed", old.own_words, before=old.own_words))
    return changes


def changes_page(view: PlanView, words: Words, styles: Styles) -> list[Flowable]:
    """A page of its own after the plan, only when there is an earlier agreed version."""
    version = baseline(view)
    if version is None or version.goals is None:
        return []
    label = str(version.number)
    if version.agreed_on is not None:
        label = words.plain(
            "version_number", number=version.number, date=words.date(version.agreed_on)
        )
    out: list[Flowable] = [
        PageBreak(),
        Para(words.heading("changes"), styles.h1),
        Para(words.say("changes_intro", label=label), styles.small),
        gap(styles),
    ]
    changes = compare(version.goals, view.goals)
    if not changes:
        out.append(Para(words.say("no_changes"), styles.body))
        return out
    last_goal = None
    for change in changes:
        if change.kind.startswith("step") and change.goal != last_goal:
            out.append(Para(user_text(change.goal), styles.h2))
        last_goal = change.goal
        out.append(Para(words.heading(change.kind), styles.label))
        if change.before:
            prefix = f"{words.heading('before')}: " if change.now else ""
            out.append(Para(f"{prefix}<strike>{user_text(change.before)}</strike>", styles.body))
        if change.now:
            prefix = f"{words.heading('now')}: " if change.before else ""
            out.append(Para(prefix + user_text(change.now), styles.body))
    return out
