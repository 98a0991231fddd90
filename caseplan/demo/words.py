"""Fictional words for the demo's addresses and for what people said in reviews about each goal.

The review words are written the way people talk about what helps (being met, doing it
together, choosing, having time, knowing, the people around them) and what gets in the way,
so "what people say helps" has something to group. None of them holds a name.
"""

from __future__ import annotations

STREETS = (
    "Storgata", "Kirkeveien", "Fjellveien", "Skolegata", "Strandveien", "Bakkegata",
    "Elvegata", "Granveien", "Torggata", "Havnegata", "Løkkeveien", "Ringveien",
)  # fmt: skip
TOWNS = (
    ("0155", "Oslo"), ("5003", "Bergen"), ("7011", "Trondheim"), ("9008", "Tromsø"),
    ("9730", "Karasjok"), ("2317", "Hamar"), ("4006", "Stavanger"), ("8006", "Bodø"),
)  # fmt: skip

GOAL_HELPED = {
    "nb": (
        "At hun tok seg tid til å høre på meg.",
        "At vi bestemte sammen hva som skulle skje.",
        "At jeg fikk velge selv når vi skulle møtes.",
        "At de hadde god tid og ikke stresset.",
        "Jeg fikk forklart hva rettighetene mine er.",
        "At søsteren min var med på møtet.",
        "Likepersonen som har vært gjennom det samme.",
        "Faste avtaler med den samme personen hver gang.",
        "At jeg ble tatt på alvor.",
        "Gruppa på onsdager, der jeg møter andre.",
        "Jeg lærte hva som skjer i kroppen når jeg slutter.",
        "At jeg fikk være med på å bestemme.",
    ),
    "en": (
        "That she took the time to listen to me.",
        "That we decided together what should happen.",
        "That I could choose myself when we would meet.",
        "That they had plenty of time and did not rush.",
        "Having my rights explained to me.",
        "That my sister came to the meeting.",
        "My peer, who has been through the same.",
        "Regular appointments with the same person every time.",
        "Being taken seriously.",
        "The Wednesday group, where I meet others.",
        "Learning what happens in the body when I stop.",
        "Being part of deciding.",
    ),
}

GOAL_IN_THE_WAY = {
    "nb": (
        "Det tok lang tid å få svar.",
        "Ventetiden var for lang.",
        "Nye folk hver gang jeg kom.",
        "Ingen forklarte hva som skulle skje.",
        "Jeg følte at andre bestemte for meg.",
        "Jeg har ingen venner som ikke ruser seg.",
        "At jeg ikke visste hvem jeg skulle ringe.",
        "Det var ikke tid til å snakke ordentlig.",
    ),
    "en": (
        "It took a long time to get an answer.",
        "The waiting time was too long.",
        "New people every time I came.",
        "Nobody explained what was going to happen.",
        "I felt that others decided for me.",
        "I have no friends who do not use.",
        "Not knowing whom to call.",
        "There was no time to talk properly.",
    ),
}
