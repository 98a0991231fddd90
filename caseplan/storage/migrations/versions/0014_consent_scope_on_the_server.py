"""team mode: a peer worker's own login reads only what the person's consent to them covers

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01

PostgreSQL only (docs/security.md §8.1); nothing changes in an embedded database, where the
peer store already holds only what the consent covers (services/clinic/peer_store.py).

Until now a peer worker's login read every row of a person who had consented to them, in
any scope: the app cut the plan to "their own part" or "the crisis plan only", the server
did not. Now the server applies the same cut as ``services/team/consent.py`` and the reads
that use it (``shared.peer_scope``, ``goals.own_goals``, ``consent.scoped_view``):

- ``caseplan_consents()``: the signed-in account's own team-member rows, each with what its
  consent covers today (``consent_rules.effective_scope``: ``none`` when never given, not
  yet given or ended) and its plan's coordinator. Every policy below is written with it.
- ``caseplan_own_part()``: "their own part", the goals with a step they are responsible for
  (on a plan whose consent to them is "own part"), and only those steps: what
  ``goals.own_goals`` keeps.
- A restrictive ``SELECT`` policy ``consent_scope`` for the peer worker group on each table
  of a person's record, on top of the ``read`` policy every login has (``view_person``,
  which already ends with the consent): see ``PEER_SEES``.
- A person's "about me", address and date of birth only with a consent to the whole plan
  (the plan view blanks them otherwise): those columns are taken from the peer worker
  group on ``persons``, and ``caseplan_peer.persons`` (on a peer's ``search_path``, as the
  views of 0006) shows them through ``caseplan_person_word``/``caseplan_person_born``,
  which give them only where the person's open plan has the peer's whole-plan consent.

Staff logins are untouched: the policies name the peer worker group only. A peer's writes
stay as narrow as they were (their own steps and contributions); a step they can no longer
read they can no longer change either. A later migration that adds a column to ``persons``
must make ``caseplan_peer.persons`` again (a test compares each view with its table).
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

PEER = "caseplan_peer_worker"
_DEFINER = "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp"

#: Plans whose consent to the signed-in account covers the whole plan, and so on.
WHOLE = "(SELECT c.plan_id FROM caseplan_consents() c WHERE c.scope = 'full_plan')"
CRISIS = (
    "(SELECT c.plan_id FROM caseplan_consents() c WHERE c.scope IN ('full_plan', 'crisis_plan'))"
)
ANY = "(SELECT c.plan_id FROM caseplan_consents() c WHERE c.scope <> 'none')"
#: The team members a peer sees under any consent: themself and the plan's coordinator.
KEPT = (
    "(SELECT k.id FROM caseplan_consents() c, LATERAL (VALUES (c.member), (c.coordinator)) "
    "AS k(id) WHERE c.scope <> 'none')"
)
MINE = "(SELECT c.member FROM caseplan_consents() c WHERE c.scope <> 'none')"

#: Each table of a person's record -> the rows of it a peer worker may read (on top of
#: ``view_person``). ``persons`` and ``plans``: every row of a person they may open.
PEER_SEES = {
    "participants": f"plan_id IN {WHOLE} OR id IN {KEPT} OR (role = 'person' AND plan_id IN {ANY})",
    "goals": f"plan_id IN {WHOLE} OR id IN (SELECT o.goal_id FROM caseplan_own_part() o)",
    "steps": f"id IN (SELECT o.step_id FROM caseplan_own_part() o) "
    f"OR caseplan_goal_plan(goal_id) IN {WHOLE}",
    "peer_contributions": f"plan_id IN {WHOLE} OR peer_id IN {MINE}",
    "meetings": f"plan_id IN {WHOLE}",
    "meeting_attendees": f"caseplan_meeting_plan(meeting_id) IN {WHOLE}",
    "reviews": f"plan_id IN {WHOLE}",
    "review_ratings": f"caseplan_review_plan(review_id) IN {WHOLE}",
    "review_goals": f"caseplan_review_plan(review_id) IN {WHOLE}",
    "review_attendees": f"caseplan_review_plan(review_id) IN {WHOLE}",
    "crisis_plans": f"plan_id IN {CRISIS}",
    "crisis_contacts": f"caseplan_crisis_plan(crisis_plan_id) IN {CRISIS}",
    "plan_versions": f"plan_id IN {WHOLE}",
}
#: A person's words and details a peer reads only with a consent to the whole plan
#: (``consent._person_without_about_me``).
WORDS = ("what_matters", "strengths", "what_helps", "what_does_not_help", "how_i_want_to_be_met",
         "address")  # fmt: skip
BORN = "date_of_birth"

#: plpgsql keeps each query's plan for the session: these run for every query (and the
#: words for every person read), where planning a SQL function's body each time would cost
#: more than the lookup itself.
_PLPGSQL = "LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp"


def _functions() -> list[str]:
    words = " ".join(f"WHEN '{w}' THEN p.{w}" for w in WORDS)
    return [
        # consent_rules.effective_scope, for each of the signed-in account's own rows
        "CREATE OR REPLACE FUNCTION caseplan_consents() "
        "RETURNS TABLE (plan_id uuid, member uuid, scope text, coordinator uuid) "
        f"{_PLPGSQL} AS $$ BEGIN RETURN QUERY SELECT pa.plan_id, pa.id, "
        "CASE WHEN pa.consent_scope <> 'none' "
        "AND (pa.consent_granted_on IS NULL OR pa.consent_granted_on <= current_date) "
        "AND (pa.consent_expires_on IS NULL OR pa.consent_expires_on >= current_date) "
        "THEN pa.consent_scope::text ELSE 'none' END, p.coordinator_id "
        "FROM participants pa JOIN plans p ON p.id = pa.plan_id "
        "WHERE pa.account_id = caseplan_account(); END $$",
        # goals.own_goals: goals with a step they are responsible for, and those steps
        "CREATE OR REPLACE FUNCTION caseplan_own_part() RETURNS TABLE (goal_id uuid, step_id uuid) "
        f"{_PLPGSQL} AS $$ BEGIN RETURN QUERY SELECT s.goal_id, s.id "
        "FROM caseplan_consents() c JOIN steps s ON s.responsible_id = c.member "
        "JOIN goals g ON g.id = s.goal_id AND g.plan_id = c.plan_id "
        "WHERE c.scope = 'own_part'; END $$",
        f"CREATE OR REPLACE FUNCTION caseplan_goal_plan(goal uuid) RETURNS uuid {_DEFINER} "
        "AS $$ SELECT plan_id FROM goals WHERE id = goal $$",
        f"CREATE OR REPLACE FUNCTION caseplan_meeting_plan(meeting uuid) RETURNS uuid {_DEFINER} "
        "AS $$ SELECT plan_id FROM meetings WHERE id = meeting $$",
        f"CREATE OR REPLACE FUNCTION caseplan_review_plan(review uuid) RETURNS uuid {_DEFINER} "
        "AS $$ SELECT plan_id FROM reviews WHERE id = review $$",
        f"CREATE OR REPLACE FUNCTION caseplan_crisis_plan(crisis uuid) RETURNS uuid {_DEFINER} "
        "AS $$ SELECT plan_id FROM crisis_plans WHERE id = crisis $$",
        # the person may be opened, and their open plan has the whole-plan consent
        "CREATE OR REPLACE FUNCTION caseplan_whole_person(person uuid) RETURNS boolean "
        f"{_PLPGSQL} AS $$ BEGIN RETURN caseplan_may('view_person', person) AND EXISTS "
        "(SELECT 1 FROM caseplan_consents() c JOIN plans pl ON pl.id = c.plan_id "
        "WHERE pl.person_id = person AND pl.status <> 'closed' AND c.scope = 'full_plan'); "
        "END $$",
        # the person's words and birth date, only where they are the peer's to read
        "CREATE OR REPLACE FUNCTION caseplan_person_word(person uuid, field text) RETURNS text "
        f"{_PLPGSQL} AS $$ DECLARE found text; BEGIN "
        "IF NOT caseplan_whole_person(person) THEN RETURN NULL; END IF; "
        f"SELECT CASE field {words} END INTO found FROM persons p WHERE p.id = person; "
        "RETURN found; END $$",
        "CREATE OR REPLACE FUNCTION caseplan_person_born(person uuid) RETURNS date "
        f"{_PLPGSQL} AS $$ DECLARE found date; BEGIN "
        "IF NOT caseplan_whole_person(person) THEN RETURN NULL; END IF; "
        "SELECT p.date_of_birth INTO found FROM persons p WHERE p.id = person; "
        "RETURN found; END $$",
    ]


def _columns(table: str) -> list[str]:
    rows = op.get_bind().exec_driver_sql(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND table_name = %(t)s ORDER BY ordinal_position",
        {"t": table},
    )
    return [name for (name,) in rows]


def _persons_view() -> list[str]:
    columns = _columns("persons")
    hidden = (*WORDS, BORN)
    shown = []
    for column in columns:
        if column in WORDS:
            shown.append(f"coalesce(caseplan_person_word(id, '{column}'), '') AS {column}")
        elif column == BORN:
            shown.append(f"caseplan_person_born(id) AS {column}")
        else:
            shown.append(column)
    readable = ", ".join(c for c in columns if c not in hidden)
    return [
        f"REVOKE SELECT ON persons FROM {PEER}",
        f"GRANT SELECT ({readable}) ON persons TO {PEER}",
        "CREATE VIEW caseplan_peer.persons WITH (security_invoker = true) AS "
        f"SELECT {', '.join(shown)} FROM public.persons",
        f"GRANT SELECT ON caseplan_peer.persons TO {PEER}",
    ]


def _on_the_server() -> bool:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return False
    made = bind.exec_driver_sql("SELECT to_regprocedure('caseplan_may(text, uuid)')").scalar()
    return made is not None  # migration 0006 made the server's rules here


def upgrade() -> None:
    if not _on_the_server():
        return
    for statement in _functions():
        op.execute(statement)
    for table, condition in PEER_SEES.items():
        op.execute(
            f"CREATE POLICY consent_scope ON {table} AS RESTRICTIVE FOR SELECT TO {PEER} "
            f"USING ({condition})"
        )
    for statement in _persons_view():
        op.execute(statement)


def downgrade() -> None:
    if not _on_the_server():
        return
    op.execute("DROP VIEW IF EXISTS caseplan_peer.persons")
    op.execute(f"GRANT SELECT ON persons TO {PEER}")
    for table in PEER_SEES:
        op.execute(f"DROP POLICY IF EXISTS consent_scope ON {table}")
    for name in ("person_born(uuid)", "person_word(uuid, text)", "whole_person(uuid)",
                 "crisis_plan(uuid)", "review_plan(uuid)", "meeting_plan(uuid)",
                 "goal_plan(uuid)", "own_part()", "consents()"):  # fmt: skip
        op.execute(f"DROP FUNCTION IF EXISTS caseplan_{name}")
