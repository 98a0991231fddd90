"""The words of the printed plan in English and Norwegian bokmål.

A plain Python catalogue, not Qt: the plan prints in the *person's* preferred language,
whatever language the screens of the app use, and reports must not import Qt.
"""

from __future__ import annotations

from datetime import date
from typing import Final

LANGUAGES: Final = ("nb", "en")
DEFAULT_LANGUAGE: Final = "nb"

_MONTHS: Final = {
    "nb": (
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}

#: key -> (English, Norwegian bokmål). Placeholders use str.format names.
_CATALOGUE: Final[dict[str, tuple[str, str]]] = {
    # title block
    "title": ("My plan", "Min plan"),
    "subtitle": ("Individual plan for {name}", "Individuell plan for {name}"),
    "plan_period": ("Plan period", "Planperiode"),
    "period_open": ("from {start}", "fra {start}"),
    "period": ("{start} to {end}", "{start} til {end}"),
    "coordinator": ("Coordinator", "Koordinator"),
    "next_review": ("Next review", "Neste evaluering"),
    "not_set": ("Not set yet", "Ikke bestemt ennå"),
    "status_draft": ("Draft — not agreed yet", "Utkast – ikke avtalt ennå"),
    "status_agreed": ("Agreed", "Avtalt"),
    "status_closed": ("Closed", "Avsluttet"),
    "status": ("Status", "Status"),
    # about me
    "about_me": ("About me", "Om meg"),
    "what_matters": ("What matters to me", "Det som er viktig for meg"),
    "strengths": ("My strengths", "Mine styrker"),
    "what_helps": ("What helps me", "Det som hjelper meg"),
    "what_does_not_help": ("What does not help me", "Det som ikke hjelper meg"),
    "how_i_want_to_be_met": ("How I want to be met", "Slik vil jeg bli møtt"),
    "not_written": ("Not written yet.", "Ikke skrevet ennå."),
    # goals and steps
    "my_goals": ("My goals", "Mine mål"),
    "no_goals": ("No goals written yet.", "Ingen mål skrevet ennå."),
    "goal_target": ("I want to reach this by {date}", "Jeg vil nå dette innen {date}"),
    "goal_status": ("Status: {status}", "Status: {status}"),
    "who": ("Who", "Hvem"),
    "does_what": ("Does what", "Gjør hva"),
    "by_when": ("By when", "Innen"),
    "no_steps": ("No steps agreed yet.", "Ingen tiltak avtalt ennå."),
    "nobody_yet": ("Not decided", "Ikke bestemt"),
    "me": ("Me", "Meg"),
    "goal_active": ("in progress", "pågår"),
    "goal_achieved": ("reached", "nådd"),
    "goal_paused": ("paused", "på pause"),
    "goal_closed": ("closed", "avsluttet"),
    "step_planned": ("planned", "planlagt"),
    "step_in_progress": ("in progress", "pågår"),
    "step_done": ("done", "gjort"),
    "step_dropped": ("no longer needed", "ikke aktuelt lenger"),
    # life domains
    "housing": ("Housing", "Bolig"),
    "physical_health": ("Physical health", "Fysisk helse"),
    "mental_health": ("Mental health", "Psykisk helse"),
    "substance_use": ("Alcohol and drugs", "Rus"),
    "work_and_activity": ("Work and activity", "Arbeid og aktivitet"),
    "income_and_finances": ("Income and money", "Inntekt og økonomi"),
    "family_and_children": ("Family and children", "Familie og barn"),
    "social_network": ("People around me", "Nettverk"),
    "leisure": ("Free time", "Fritid"),
    "legal": ("Legal matters", "Juridiske forhold"),
    "daily_living": ("Daily living", "Hverdagen"),
    "other": ("Other", "Annet"),
    # team
    "my_team": ("My team", "Mitt team"),
    "team_intro": (
        "These people work with me on my plan. I decide who may see it, and until when.",
        "Disse jobber sammen med meg om planen. Jeg bestemmer hvem som kan se den, og hvor lenge.",
    ),
    "name": ("Name", "Navn"),
    "role": ("Role", "Rolle"),
    "phone": ("Phone", "Telefon"),
    "may_see": ("May see my plan", "Kan se planen min"),
    "role_person": ("Me", "Meg"),
    "role_coordinator": ("Coordinator", "Koordinator"),
    "role_practitioner": ("Practitioner", "Fagperson"),
    "role_peer": ("Peer", "Likeperson"),
    "role_network": ("Family or friend", "Familie eller venn"),
    "role_service": ("Other service", "Annen tjeneste"),
    "is_coordinator": ("my coordinator", "min koordinator"),
    "scope_full_plan": ("The whole plan", "Hele planen"),
    "scope_own_part": ("Their own part", "Sin egen del"),
    "scope_crisis_plan": ("The crisis plan", "Kriseplanen"),
    "scope_none": ("Does not see my plan", "Ser ikke planen min"),
    "until": ("until {date}", "til {date}"),
    "no_end": ("no end date", "ingen sluttdato"),
    "no_team": ("No one is in my team yet.", "Ingen er med i teamet mitt ennå."),
    # peer
    "my_peer": ("My peer and what we do together", "Min likeperson og det vi gjør sammen"),
    "peer_intro": (
        "A peer has lived experience and supports me along the way.",
        "En likeperson har egen erfaring og støtter meg underveis.",
    ),
    "peer_contact": ("How to reach {name}", "Slik når jeg {name}"),
    "peer_steps": ("What we do together", "Det vi gjør sammen"),
    "peer_no_steps": (
        "We have not agreed on steps together yet.",
        "Vi har ikke avtalt tiltak sammen ennå.",
    ),
    "peer_contact_count": (
        "We have been in touch {count} times, most recently on {date}.",
        "Vi har vært i kontakt {count} ganger, sist {date}.",
    ),
    "peer_contact_once": (
        "We have been in touch once, on {date}.",
        "Vi har vært i kontakt én gang, {date}.",
    ),
    "no_peer": ("No peer is part of my plan yet.", "Ingen likeperson er med i planen min ennå."),
    # crisis plan
    "crisis_plan": ("My crisis plan", "Min kriseplan"),
    "warning_signs": ("Warning signs", "Varselsignaler"),
    "triggers": ("What can set it off", "Det som kan utløse en krise"),
    "what_i_do": ("What I do myself", "Det jeg gjør selv"),
    "what_others_do": ("What others can do", "Det andre kan gjøre"),
    "crisis_not_help": ("What does not help", "Det som ikke hjelper"),
    "treatment_wanted": ("Treatment I want", "Behandling jeg ønsker"),
    "treatment_not_wanted": ("Treatment I do not want", "Behandling jeg ikke ønsker"),
    "who_to_call": ("Who to call", "Hvem jeg ringer"),
    "emergency": (
        "If life is in danger, call 113.",
        "Ved fare for liv: ring 113.",
    ),
    "no_crisis_plan": ("No crisis plan written yet.", "Ingen kriseplan skrevet ennå."),
    # review
    "review": ("Next review", "Neste evaluering"),
    "review_on": (
        "We will look at this plan together again on {date}.",
        "Vi ser på planen sammen igjen {date}.",
    ),
    "review_unset": (
        "We have not set a date to look at the plan again yet.",
        "Vi har ikke satt en dato for å se på planen igjen ennå.",
    ),
    # agreement
    "agreement": ("Our agreement", "Vår avtale"),
    "agreement_text": (
        "We made this plan together. By signing, we agree to it.",
        "Vi har laget denne planen sammen. Når vi signerer, er vi enige om den.",
    ),
    "present": ("Present", "Til stede"),
    "signature": ("Signature", "Signatur"),
    "date": ("Date", "Dato"),
    "signed_on_screen": ("Signed on screen", "Signert på skjermen"),
    # footer, marks
    "footer_version": ("Plan version {label}", "Planversjon {label}"),
    "footer_printed": ("Printed {date}", "Skrevet ut {date}"),
    "footer_page": ("Page {page} of {pages}", "Side {page} av {pages}"),
    "version_draft": ("draft", "utkast"),
    "version_number": ("{number}, agreed {date}", "{number}, avtalt {date}"),
    "demo": ("DEMO", "DEMO"),
    "demo_note": (
        "Demo — fictional person, not a real plan",
        "Demo – fiktiv person, ikke en ekte plan",
    ),
    # changes
    "changes": (
        "What changed since the last agreed version",
        "Dette er endret siden forrige avtalte versjon",
    ),
    "changes_intro": (
        "Compared with version {label}.",
        "Sammenlignet med versjon {label}.",
    ),
    "no_changes": (
        "The goals and steps are the same as in that version.",
        "Målene og tiltakene er de samme som i den versjonen.",
    ),
    "goal_added": ("New goal", "Nytt mål"),
    "goal_removed": ("Goal no longer in the plan", "Mål som ikke er med lenger"),
    "goal_changed": ("Goal in new words", "Mål med nye ord"),
    "step_added": ("New step", "Nytt tiltak"),
    "step_removed": ("Step no longer in the plan", "Tiltak som ikke er med lenger"),
    "before": ("Before", "Før"),
    "now": ("Now", "Nå"),
    # crisis card
    "crisis_card": ("My crisis card", "Mitt krisekort"),
    "card_for": ("Crisis card for {name}", "Krisekort for {name}"),
    "fold_here": ("fold", "brett"),
    "card_what_helps": ("What helps", "Det som hjelper"),
    "cut_note": (
        "Cut along the marks, then fold each card in the middle.",
        "Klipp langs merkene, og brett hvert kort på midten.",
    ),
}


def normalise_language(language: str | None) -> str:
    """``"en"`` or ``"nb"``; anything else (or nothing) prints in Norwegian bokmål."""
    if language in LANGUAGES:
        return language
    if language in ("no", "nn", "nob"):
        return "nb"
    return DEFAULT_LANGUAGE


def other_language(language: str) -> str:
    return "en" if language == "nb" else "nb"


def t(key: str, language: str, **params: object) -> str:
    """The text of ``key`` in ``language`` with ``params`` filled in."""
    english, norwegian = _CATALOGUE[key]
    text = norwegian if language == "nb" else english
    return text.format(**params) if params else text


def has(key: str) -> bool:
    return key in _CATALOGUE


def format_date(value: date, language: str) -> str:
    """``22. november 2026`` in Norwegian, ``22 November 2026`` in English."""
    month = _MONTHS["nb" if language == "nb" else "en"][value.month - 1]
    if language == "nb":
        return f"{value.day}. {month} {value.year}"
    return f"{value.day} {month} {value.year}"
