"""Names, phone numbers and e-mail addresses for the fictional demo people.

Every name is common or invented; no combination is meant to be a real person.
"""

from __future__ import annotations

import random
import unicodedata
import uuid
from dataclasses import dataclass

NB_FIRST = (
    "Kari", "Ola", "Ingrid", "Lars", "Sigrid", "Håkon", "Solveig", "Øystein", "Marte", "Bjørn",
    "Åse", "Kristoffer", "Tone", "Espen", "Hilde", "Jørgen", "Line", "Geir", "Ragnhild", "Stian",
    "Mette", "Trond", "Siv", "Knut", "Astrid", "Eirik", "Hanne", "Vegard", "Turid", "Sindre",
    "Kjersti", "Terje", "Ida", "Morten", "Randi", "Jon", "Nora", "Petter", "Liv", "Ørjan",
    "Margrethe", "Alexander", "Katrine", "Mohammed", "Amira", "Tor Arne", "Anne-Lise", "Frode",
)  # fmt: skip
NB_LAST = (
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
    "Jensen", "Karlsen", "Berg", "Haugen", "Hagen", "Eriksen", "Bakken", "Dahl", "Lie", "Moen",
    "Strand", "Solberg", "Lunde", "Sæther", "Rønning", "Ødegård", "Østby", "Aasen", "Bråten",
    "Fjeld", "Næss", "Kvåle", "Brøndbo", "Tveit", "Myhre", "Grønli", "Ali", "Hussain", "Nguyen",
)  # fmt: skip
SAMI_FIRST = (
    "Áilu", "Máret", "Ánde", "Biret", "Iŋgá", "Niillas", "Sunná", "Máhtte", "Elle", "Ovllá",
    "Ánne", "Jovnna", "Láilá", "Duommá", "Risten", "Sárá", "Áslat", "Márjá", "Piera", "Heaika",
)  # fmt: skip
SAMI_LAST = (
    "Čáhppes", "Gaup", "Sara", "Eira", "Somby", "Hætta", "Utsi", "Buljo", "Juuso", "Mienna",
    "Šiellaš", "Máđđu", "Duoŧŧar", "Ŋállo", "Žiellá", "Bongo", "Guttorm", "Máttá",
)  # fmt: skip
EN_FIRST = (
    "Sarah", "James", "Emily", "Daniel", "Chloe", "Liam", "Grace", "Oliver", "Hannah", "Thomas",
    "Megan", "Ryan", "Sophie", "Connor", "Aisha", "Samuel", "Zoe", "Patrick", "Olivia", "Nathan",
)  # fmt: skip
EN_LAST = (
    "Thompson", "Walker", "Robinson", "Wright", "Hughes", "Clarke", "Murphy", "Kelly", "Patel",
    "Khan", "Evans", "Turner", "Bennett", "Morgan", "O'Connor", "Fletcher", "Reid", "Campbell",
)  # fmt: skip
NICKNAMES = {
    "Kristoffer": "Kris", "Jørgen": "Jøggi", "Solveig": "Solla", "Ragnhild": "Ragna",
    "Margrethe": "Maggi", "Alexander": "Alex", "Katrine": "Kat", "Mohammed": "Mo",
    "Daniel": "Dan", "Samuel": "Sam", "Thomas": "Tommy", "Patrick": "Paddy", "Nathan": "Nate",
    "Oliver": "Olly", "Megan": "Meg", "Máret": "Mággá", "Iŋgá": "Iŋggáš", "Sunná": "Sunnáš",
    "Jovnna": "Jovnnaš", "Øystein": "Øye", "Håkon": "Håkki", "Tor Arne": "Toffe",
    "Anne-Lise": "Lise", "Alexandra": "Sandra", "Elle": "Ellá",
}  # fmt: skip

_ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "đ": "d", "ŋ": "n", "ŧ": "t", "'": ""})


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str
    email: str
    account_id: uuid.UUID | None = None  #: when this team member can sign in


def ascii_slug(name: str) -> str:
    """``Máret Čáhppes`` -> ``maret.cahppes``, for fictional e-mail addresses."""
    text = name.casefold().translate(_ASCII)
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return ".".join(text.replace("-", " ").split())


def phone(rng: random.Random) -> str:
    """A fictional number in the style 4xx xx xxx."""
    r = rng.randint
    return f"4{r(0, 99):02d} {r(0, 99):02d} {r(0, 999):03d}"


def norwegian_name(rng: random.Random) -> tuple[str, str]:
    first = rng.choice(NB_FIRST)
    return first, f"{first} {rng.choice(NB_LAST)}"


def sami_name(rng: random.Random) -> tuple[str, str]:
    first = rng.choice(SAMI_FIRST)
    return first, f"{first} {rng.choice(SAMI_LAST)}"


def contact(rng: random.Random, domain: str) -> Contact:
    """A staff member: mostly Norwegian names, some Sámi."""
    full = (norwegian_name(rng) if rng.random() < 0.9 else sami_name(rng))[1]
    return Contact(full, phone(rng), f"{ascii_slug(full)}@{domain}")


def person_name(rng: random.Random) -> tuple[str, str, str, bool]:
    """Full name, preferred name, language (mostly nb), and whether the name is Sámi."""
    roll = rng.random()
    if roll < 0.12:
        first, full = sami_name(rng)
        if rng.random() < 0.3:
            full = f"{full} {rng.choice(NB_LAST)}"
        lang = "en" if rng.random() < 0.02 else "nb"
    elif roll < 0.28:
        first = rng.choice(EN_FIRST)
        full = f"{first} {rng.choice(EN_LAST)}"
        lang = "en" if rng.random() < 0.85 else "nb"
    else:
        first, full = norwegian_name(rng)
        last, middle = full[len(first) + 1 :], rng.choice(NB_LAST)
        if rng.random() < 0.15 and middle != last:
            full = f"{first} {middle} {last}"  # a family name as middle name, as is common
        lang = "en" if rng.random() < 0.03 else "nb"
    preferred = ""
    if first in NICKNAMES and rng.random() < 0.6:
        preferred = NICKNAMES[first]
    elif len(full.split()) > 2 and rng.random() < 0.3:
        preferred = first
    return full, preferred, lang, roll < 0.12
