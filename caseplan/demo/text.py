"""Phrases for the fictional demo people, in Norwegian (nb) and English (en); their names
are in :mod:`caseplan.demo.names`.

Everything here is invented: names, places, organisations and stories. The person's own
words are written in the first person, as they would say them in a meeting.
"""

from __future__ import annotations

from caseplan.models import LifeDomain

D = LifeDomain

COORDINATOR_ORG = {"nb": "Oppfølgingstjenesten, Fjellvik kommune",
                   "en": "Follow-up service, Fjellvik municipality"}  # fmt: skip
PRACTITIONER_ORGS = {
    "nb": ("FACT-teamet Fjellvik", "Miljøtjenesten, Fjellvik kommune", "Aktivitetshuset Brygga"),
    "en": ("FACT team Fjellvik", "Community support, Fjellvik municipality", "Brygga day centre"),
}
PEER_OFFERS = {
    "nb": [
        "har selv vært i LAR",
        "vet hvordan det er å søke bolig",
        "er selv forelder",
        "kjenner NAV-systemet fra innsiden",
        "har vært rusfri i mange år",
        "har erfaring med angst og depresjon",
        "følger gjerne til avtaler",
    ],
    "en": [
        "has been through opioid substitution treatment",
        "knows what it is like to look for housing",
        "is a parent too",
        "knows the welfare system from the inside",
        "has been in recovery for many years",
        "has lived with anxiety and depression",
        "happy to come along to appointments",
    ],
}
PEER_AVAILABILITY = {
    "nb": ["Hverdager 9–15", "Tirsdag og torsdag", "Ettermiddager og kveld", "Etter avtale"],
    "en": ["Weekdays 9–3", "Tuesdays and Thursdays", "Afternoons and evenings", "By arrangement"],
}
PEER_ORG = {
    "nb": "Erfaringskonsulent, Fjellvik kommune",
    "en": "Peer worker, Fjellvik municipality",
}
#: service kind -> (organisation nb, organisation en, contact role nb, contact role en)
SERVICES = {
    "gp": ("Fastlege, Fjellvik legesenter", "GP, Fjellvik medical centre", "Fastlege", "GP"),
    "mental_health": ("DPS Elvebyen, poliklinikken", "Elvebyen mental-health clinic",
                      "DPS", "Mental-health clinic"),
    "welfare": ("NAV Fjellvik", "NAV Fjellvik welfare office", "NAV-veileder", "Welfare officer"),
    "housing": ("Boligkontoret, Fjellvik kommune", "Housing office, Fjellvik municipality",
                "Boligkontoret", "Housing office"),
    "specialist": ("Rusbehandling Nordvest", "Nordvest addiction treatment", "Behandler",
                   "Therapist"),
}  # fmt: skip
NETWORK = {  # names carry no gender here, so neither do the relations
    "nb": ("Venn", "Nabo", "Søsken", "Kjæreste", "Familie", "Venn fra turgruppa"),
    "en": ("Friend", "Neighbour", "Sibling", "Partner", "Family", "Friend from the walking group"),
}
ROLE_LABEL = {
    "coordinator": {"nb": "Koordinator", "en": "Coordinator"},
    "peer": {"nb": "Likeperson", "en": "Peer worker"},
}

ABOUT: dict[str, dict[str, tuple[str, ...]]] = {
    "nb": {
        "what_matters": (
            "At jeg får være med og bestemme over mitt eget liv.",
            "Barna mine. Jeg vil være en forelder de kan stole på.",
            "Å ha et eget sted å bo der jeg kan stenge døra og få ro.",
            "Hunden min. Hun er grunnen til at jeg står opp om morgenen.",
            "Å komme meg ut i naturen, helst på fjellet eller på sjøen.",
            "Å holde meg rusfri, én dag av gangen.",
            "Familien min, selv om det har vært mye bråk.",
            "Musikk. Jeg spiller gitar når jeg får det til.",
            "Å ha noe å gjøre på dagtid, så dagene ikke blir så lange.",
        ),
        "strengths": (
            "Jeg er ærlig, også når det er vanskelig.",
            "Jeg er god med hendene og kan fikse det meste.",
            "Jeg gir ikke opp så lett.",
            "Folk sier jeg er morsom.",
            "Jeg er flink til å lage mat.",
            "Jeg har vært gjennom mye og vet hva som hjelper meg.",
            "Jeg er en god venn og stiller opp for andre.",
        ),
        "what_helps": (
            "At noen ringer før de kommer.",
            "Faste avtaler samme dag og tid hver uke.",
            "Å gå tur mens vi prater, i stedet for å sitte på et kontor.",
            "Beskjeder på SMS, så jeg husker det.",
            "Å snakke med noen som har vært der selv.",
            "At jeg får tid til å tenke før jeg svarer.",
            "Trening og god søvn.",
        ),
        "what_does_not_help": (
            "Når folk snakker over hodet på meg.",
            "Lange skjemaer og stadig nye ansatte.",
            "Å bli minnet om alt som har gått galt.",
            "At avtaler blir avlyst i siste liten.",
            "Store grupper med mange jeg ikke kjenner.",
            "Når jeg blir møtt med mistenksomhet.",
        ),
        "how_i_want_to_be_met": (
            "Rett fram og ærlig, uten fagord.",
            "Som et vanlig menneske, ikke som en sak.",
            "Med tålmodighet. Jeg trenger litt tid før jeg stoler på folk.",
            "Med humor, det gjør det lettere.",
            "Jeg vil bli spurt, ikke fortalt hva jeg skal gjøre.",
            "Si ifra på forhånd hvis noe skal endres.",
        ),
    },
    "en": {
        "what_matters": (
            "Having a say in my own life.",
            "My kids. I want to be a parent they can count on.",
            "A place of my own where I can shut the door and have some peace.",
            "My dog. She is the reason I get up in the morning.",
            "Getting out into nature, up in the hills or down by the sea.",
            "Staying clean, one day at a time.",
            "My family, even though there has been a lot of trouble.",
            "Music. I play the guitar when I can.",
            "Having something to do in the daytime so the days are not so long.",
        ),
        "strengths": (
            "I am honest, even when it is hard.",
            "I am good with my hands and can fix most things.",
            "I do not give up easily.",
            "People say I am funny.",
            "I am a good cook.",
            "I have been through a lot and I know what helps me.",
            "I am a good friend and I show up for people.",
        ),
        "what_helps": (
            "When people call before they come.",
            "Regular appointments, same day and time every week.",
            "Walking while we talk instead of sitting in an office.",
            "Reminders by text message so I do not forget.",
            "Talking to someone who has been there themselves.",
            "Getting time to think before I answer.",
            "Exercise and a good night's sleep.",
        ),
        "what_does_not_help": (
            "When people talk over my head.",
            "Long forms and new staff all the time.",
            "Being reminded of everything that has gone wrong.",
            "Appointments cancelled at the last minute.",
            "Big groups full of people I do not know.",
            "Being treated with suspicion.",
        ),
        "how_i_want_to_be_met": (
            "Straight and honest, no jargon.",
            "As an ordinary person, not as a case.",
            "With patience. It takes me a while to trust people.",
            "With a bit of humour, it makes things easier.",
            "Ask me, do not tell me what to do.",
            "Tell me in advance if something is going to change.",
        ),
    },
}
SAMI_MATTERS = (
    "Språket mitt. Jeg vil gjerne snakke samisk med noen.",
    "Å få være på vidda med familien når det er flytting av rein.",
)

# fmt: off
#: domain -> goals in the person's own words
GOALS: dict[str, dict[LifeDomain, tuple[str, ...]]] = {
    "nb": {
        D.HOUSING: ("Jeg vil ha min egen leilighet innen jul.", "Jeg vil klare å betale husleia selv hver måned.", "Jeg vil bo et sted uten fest i gangen."),  # noqa: E501
        D.PHYSICAL_HEALTH: ("Jeg vil få fikset tennene mine.", "Jeg vil sove bedre om natta.", "Jeg vil gå tur tre ganger i uka."),  # noqa: E501
        D.MENTAL_HEALTH: ("Jeg vil lære meg hva jeg kan gjøre når angsten kommer.", "Jeg vil ha færre dårlige dager.", "Jeg vil snakke med noen om det som skjedde da jeg var liten."),  # noqa: E501
        D.SUBSTANCE_USE: ("Jeg vil holde meg unna amfetamin.", "Jeg vil drikke mindre, bare i helgene.", "Jeg vil komme meg gjennom sommeren uten sprekk."),  # noqa: E501
        D.WORK_AND_ACTIVITY: ("Jeg vil ha en jobb, selv om det bare er noen timer i uka.", "Jeg vil fullføre videregående.", "Jeg vil ha noe fast å gå til på dagtid."),  # noqa: E501
        D.INCOME_AND_FINANCES: ("Jeg vil få oversikt over gjelda mi.", "Jeg vil slippe å gå tom for penger før månedsslutt.", "Jeg vil få ordnet med betalingsavtale på inkassoen."),  # noqa: E501
        D.FAMILY_AND_CHILDREN: ("Jeg vil se barna mine hver andre helg.", "Jeg vil få et bedre forhold til mamma.", "Jeg vil være der for sønnen min på bursdagen hans."),  # noqa: E501
        D.SOCIAL_NETWORK: ("Jeg vil ha noen å være med som ikke ruser seg.", "Jeg vil bli kjent med folk gjennom turgruppa.", "Jeg vil ta kontakt med en gammel venn igjen."),  # noqa: E501
        D.LEISURE: ("Jeg vil begynne å fiske igjen.", "Jeg vil spille i band.", "Jeg vil dra på hytta i påsken."),  # noqa: E501
        D.LEGAL: ("Jeg vil gjøre ferdig samfunnsstraffen.", "Jeg vil få tilbake førerkortet.", "Jeg vil ha hjelp til å forstå brevet fra retten."),  # noqa: E501
        D.DAILY_LIVING: ("Jeg vil lage middag selv minst fire dager i uka.", "Jeg vil få en fast døgnrytme.", "Jeg vil holde leiligheten ryddig."),  # noqa: E501
        D.OTHER: ("Jeg vil ta lappen på båt.", "Jeg vil lære meg å bruke PC og nettbank."),
    },
    "en": {
        D.HOUSING: ("I want my own flat by Christmas.", "I want to pay the rent myself every month.", "I want to live somewhere without parties in the hallway."),  # noqa: E501
        D.PHYSICAL_HEALTH: ("I want to get my teeth fixed.", "I want to sleep better at night.", "I want to go for a walk three times a week."),  # noqa: E501
        D.MENTAL_HEALTH: ("I want to learn what to do when the anxiety comes.", "I want fewer bad days.", "I want to talk to someone about what happened when I was little."),  # noqa: E501
        D.SUBSTANCE_USE: ("I want to stay away from speed.", "I want to drink less, only at weekends.", "I want to get through the summer without relapsing."),  # noqa: E501
        D.WORK_AND_ACTIVITY: ("I want a job, even if it is just a few hours a week.", "I want to finish upper secondary school.", "I want something regular to go to in the daytime."),  # noqa: E501
        D.INCOME_AND_FINANCES: ("I want to get on top of my debts.", "I do not want to run out of money before the end of the month.", "I want a payment plan with the debt collectors."),  # noqa: E501
        D.FAMILY_AND_CHILDREN: ("I want to see my children every other weekend.", "I want to get on better with my mum.", "I want to be there for my son on his birthday."),  # noqa: E501
        D.SOCIAL_NETWORK: ("I want friends who do not use.", "I want to get to know people through the walking group.", "I want to get back in touch with an old friend."),  # noqa: E501
        D.LEISURE: ("I want to start fishing again.", "I want to play in a band.", "I want to go to the cabin at Easter."),  # noqa: E501
        D.LEGAL: ("I want to finish my community sentence.", "I want my driving licence back.", "I want help understanding the letter from the court."),  # noqa: E501
        D.DAILY_LIVING: ("I want to cook dinner myself at least four days a week.", "I want a regular daily rhythm.", "I want to keep my flat tidy."),  # noqa: E501
        D.OTHER: ("I want to get my boat licence.", "I want to learn to use a computer and online banking."),  # noqa: E501
    },
}

#: domain -> steps: (who is responsible, what will be done)
STEPS: dict[str, dict[LifeDomain, tuple[tuple[str, str], ...]]] = {
    "nb": {
        D.HOUSING: (("housing", "Søke om kommunal bolig sammen på boligkontoret."), ("person", "Se på annonser for leiligheter hver uke."), ("welfare", "Vurdere søknad om bostøtte og depositum."), ("peer", "Være med på visning.")),  # noqa: E501
        D.PHYSICAL_HEALTH: (("gp", "Bestille time hos fastlegen og ta blodprøver."), ("coordinator", "Søke om tannbehandling gjennom kommunen."), ("person", "Gå tur med hunden hver kveld.")),  # noqa: E501
        D.MENTAL_HEALTH: (("mental_health", "Samtaler hos DPS annenhver uke."), ("person", "Skrive ned når angsten kommer og hva som hjalp."), ("practitioner", "Lære pusteøvelser sammen.")),  # noqa: E501
        D.SUBSTANCE_USE: (("specialist", "Avklare om poliklinisk behandling passer for meg."), ("peer", "Ringe meg fredager, som er de vanskeligste dagene."), ("person", "Slette numrene til de jeg pleide å kjøpe av.")),  # noqa: E501
        D.WORK_AND_ACTIVITY: (("welfare", "Avklare arbeidsrettet tiltak og arbeidsavklaringspenger."), ("practitioner", "Prøve arbeidstrening på Brygga to dager i uka."), ("person", "Ta kontakt med voksenopplæringen.")),  # noqa: E501
        D.INCOME_AND_FINANCES: (("welfare", "Time hos økonomisk rådgiver på NAV."), ("coordinator", "Sette opp et budsjett sammen."), ("person", "Samle alle regninger i én perm.")),  # noqa: E501
        D.FAMILY_AND_CHILDREN: (("coordinator", "Be om møte med barnevernet om samvær."), ("person", "Ringe barna hver søndag."), ("peer", "Snakke om hvordan jeg kan forberede meg til samværet.")),  # noqa: E501
        D.SOCIAL_NETWORK: (("peer", "Bli med på turgruppa på onsdager."), ("person", "Sende melding til en gammel venn."), ("practitioner", "Finne en aktivitet der jeg kan treffe folk.")),  # noqa: E501
        D.LEISURE: (("person", "Kjøpe fiskekort for sesongen."), ("practitioner", "Sjekke om fritidskortet dekker utstyr."), ("peer", "Bli med på øving i musikkverkstedet.")),  # noqa: E501
        D.LEGAL: (("coordinator", "Bestille time hos fri rettshjelp."), ("person", "Møte opp på alle avtaler med friomsorgen."), ("coordinator", "Lese brevet fra retten sammen.")),  # noqa: E501
        D.DAILY_LIVING: (("practitioner", "Handle og lage middag sammen på tirsdager."), ("person", "Legge meg før midnatt på hverdager."), ("practitioner", "Lage en ukeplan som henger på kjøleskapet.")),  # noqa: E501
        D.OTHER: (("person", "Melde meg på kurs."), ("coordinator", "Finne ut hva kurset koster og om NAV kan dekke det.")),  # noqa: E501
    },
    "en": {
        D.HOUSING: (("housing", "Apply for council housing together at the housing office."), ("person", "Look at flats to rent every week."), ("welfare", "Look into housing benefit and help with the deposit."), ("peer", "Come with me to viewings.")),  # noqa: E501
        D.PHYSICAL_HEALTH: (("gp", "Book an appointment with the GP and have blood tests."), ("coordinator", "Apply for dental treatment through the municipality."), ("person", "Walk the dog every evening.")),  # noqa: E501
        D.MENTAL_HEALTH: (("mental_health", "Sessions at the mental-health clinic every other week."), ("person", "Write down when the anxiety comes and what helped."), ("practitioner", "Learn breathing exercises together.")),  # noqa: E501
        D.SUBSTANCE_USE: (("specialist", "Find out whether outpatient treatment suits me."), ("peer", "Call me on Fridays, they are the hardest days."), ("person", "Delete the numbers of the people I used to buy from.")),  # noqa: E501
        D.WORK_AND_ACTIVITY: (("welfare", "Look into work programmes and work assessment allowance."), ("practitioner", "Try work training at Brygga two days a week."), ("person", "Contact the adult education centre.")),  # noqa: E501
        D.INCOME_AND_FINANCES: (("welfare", "Appointment with the debt adviser at NAV."), ("coordinator", "Make a budget together."), ("person", "Keep all my bills in one folder.")),  # noqa: E501
        D.FAMILY_AND_CHILDREN: (("coordinator", "Ask child welfare for a meeting about contact."), ("person", "Call the kids every Sunday."), ("peer", "Talk about how I can get ready for contact visits.")),  # noqa: E501
        D.SOCIAL_NETWORK: (("peer", "Join the walking group on Wednesdays."), ("person", "Send a message to an old friend."), ("practitioner", "Find an activity where I can meet people.")),  # noqa: E501
        D.LEISURE: (("person", "Buy a fishing licence for the season."), ("practitioner", "Check whether the leisure card covers equipment."), ("peer", "Come to band practice at the music workshop.")),  # noqa: E501
        D.LEGAL: (("coordinator", "Book free legal advice."), ("person", "Turn up to every probation appointment."), ("coordinator", "Read the letter from the court together.")),  # noqa: E501
        D.DAILY_LIVING: (("practitioner", "Shop and cook dinner together on Tuesdays."), ("person", "Go to bed before midnight on weekdays."), ("practitioner", "Make a weekly plan to put on the fridge.")),  # noqa: E501
        D.OTHER: (("person", "Sign up for the course."), ("coordinator", "Find out what the course costs and whether NAV can pay.")),  # noqa: E501
    },
}

#: contribution kind -> what the peer wrote, in the peer's words ({name}: the person)
PEER_NOTES: dict[str, dict[str, tuple[str, ...]]] = {
    "nb": {
        "meeting": ("{name} og jeg tok en kaffe og snakket om hvordan uka har vært.", "Møttes på senteret. {name} fortalte om en tung helg, vi snakket om hva som hjalp sist."),  # noqa: E501
        "phone_or_message": ("Ringte {name} for å høre hvordan det gikk etter legetimen.", "Sendte melding og minnet {name} på møtet på NAV i morgen."),  # noqa: E501
        "accompaniment": ("Fulgte {name} til NAV og satt med under samtalen.", "Var med {name} på visning av leilighet."),  # noqa: E501
        "group": ("{name} var med på turgruppa i dag. Vi gikk rundt vannet.", "Samtalegruppe på torsdag. {name} delte litt for første gang."),  # noqa: E501
        "other": ("Hjalp {name} med å flytte inn. Bar esker og skrudde sammen seng.", "Fant fram informasjon om kurs sammen med {name}."),  # noqa: E501
    },
    "en": {
        "meeting": ("{name} and I had a coffee and talked about how the week has been.", "Met at the centre. {name} had a rough weekend, we talked about what helped last time."),  # noqa: E501
        "phone_or_message": ("Called {name} to hear how the GP appointment went.", "Texted {name} a reminder about the NAV meeting tomorrow."),  # noqa: E501
        "accompaniment": ("Went with {name} to NAV and sat in on the meeting.", "Went with {name} to look at a flat."),  # noqa: E501
        "group": ("{name} came to the walking group today. We walked round the lake.", "Thursday talking group. {name} shared a little for the first time."),  # noqa: E501
        "other": ("Helped {name} move in. Carried boxes and put the bed together.", "Looked up courses together with {name}."),  # noqa: E501
    },
}

MEETING_NOTES = {
    "nb": ("Vi gikk gjennom målene, og {name} valgte hva som skal komme først.", "Vi ble enige om å møtes annenhver uke framover.", "{name} forteller at det går bedre. Vi justerte tiltakene.", "Vi snakket om kriseplanen og hvem {name} kan ringe."),  # noqa: E501
    "en": ("We went through the goals, and {name} chose what comes first.", "We agreed to meet every other week from now on.", "{name} says things are going better. We adjusted the steps.", "We talked about the crisis plan and who {name} can call."),  # noqa: E501
}
WORKER_NOTES = (
    "Avklare med NAV om søknaden er mottatt.",
    "Vurdere henvisning til DPS ved neste møte.",
    "Samtykke til deling med fastlegen må fornyes.",
    "Sjekke status på husleierestanse før neste møte.",
    "Drøftet i teammøtet; ta opp oppfølging fra spesialisthelsetjenesten.",
)
HELPED = {
    "nb": ("At likepersonen ringte på fredagene.", "Turene. Jeg sover bedre etter at jeg begynte å gå.", "At vi hadde faste avtaler.", "Å ha et sted å bo."),  # noqa: E501
    "en": ("My peer calling on Fridays.", "The walks. I sleep better since I started walking.", "Having regular appointments.", "Having a place to live."),  # noqa: E501
}
GOT_IN_THE_WAY = {
    "nb": ("Jeg ble syk i et par uker.", "Det tok lang tid å få svar fra NAV.", "Det var mye uro der jeg bor.", "Jeg hadde en sprekk i romjula."),  # noqa: E501
    "en": ("I was ill for a couple of weeks.", "It took a long time to hear back from NAV.", "There was a lot of trouble where I live.", "I relapsed over Christmas."),  # noqa: E501
}

CRISIS: dict[str, dict[str, tuple[str, ...]]] = {
    "nb": {
        "warning_signs": ("Jeg slutter å svare på telefonen.", "Jeg sover nesten ikke og blir urolig.", "Jeg trekker meg unna og blir liggende i senga."),  # noqa: E501
        "triggers": ("Brev fra inkasso.", "Når det nærmer seg jul.", "Krangling med familien.", "Å møte gamle kjente fra rusmiljøet."),  # noqa: E501
        "what_i_do": ("Jeg ringer likepersonen min.", "Jeg går en lang tur med hunden.", "Jeg setter på musikk og lager mat."),  # noqa: E501
        "what_others_do": ("Kom innom og drikk en kopp kaffe med meg.", "Ring meg, og ikke gi deg om jeg ikke svarer med en gang.", "Hjelp meg å få time hos legen samme dag."),  # noqa: E501
        "what_does_not_help": ("Kjefting og moralpreken.", "Å bli lagt inn uten at noen forklarer hvorfor.", "At mange folk kommer samtidig."),  # noqa: E501
        "treatment_wanted": ("Samtale med noen jeg kjenner fra før.", "Kortvarig innleggelse med avtale om retur, hvis det trengs."),  # noqa: E501
        "treatment_not_wanted": ("Jeg vil ikke ha beroligende tabletter.", "Jeg vil ikke bli sendt langt hjemmefra."),  # noqa: E501
    },
    "en": {
        "warning_signs": ("I stop answering the phone.", "I hardly sleep and get restless.", "I pull away and stay in bed."),  # noqa: E501
        "triggers": ("Letters from debt collectors.", "When Christmas is coming.", "Rows with my family.", "Running into people I used with."),  # noqa: E501
        "what_i_do": ("I call my peer worker.", "I take the dog for a long walk.", "I put on some music and cook."),  # noqa: E501
        "what_others_do": ("Drop by and have a cup of coffee with me.", "Call me, and do not give up if I do not answer straight away.", "Help me get a same-day appointment with the GP."),  # noqa: E501
        "what_does_not_help": ("Shouting and lecturing.", "Being admitted without anyone explaining why.", "Lots of people turning up at once."),  # noqa: E501
        "treatment_wanted": ("Talking to someone I already know.", "A short admission with an agreed way back, if it is needed."),  # noqa: E501
        "treatment_not_wanted": ("I do not want sedatives.", "I do not want to be sent far from home."),  # noqa: E501
    },
}
# fmt: on
