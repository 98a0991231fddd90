<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>CaseloadModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation>Foretrukket navn</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Neste evaluering</translation>
    </message>
    <message>
        <source>No review date set</source>
        <translation>Ingen dato satt for neste evaluering</translation>
    </message>
    <message>
        <source>Review overdue</source>
        <translation>Evalueringen er forsinket</translation>
    </message>
    <message>
        <source>{date} (overdue)</source>
        <translation>{date} (forsinket)</translation>
    </message>
</context>
<context>
    <name>CaseloadView</name>
    <message>
        <source>Search by name (Ctrl+F)</source>
        <translation>Søk etter navn (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search people</source>
        <translation>Søk etter personer</translation>
    </message>
    <message>
        <source>Type part of a name; the list below shows the people who match.</source>
        <translation>Skriv en del av et navn; listen under viser personene som passer.</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Søk:</translation>
    </message>
    <message>
        <source>Number of people</source>
        <translation>Antall personer</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation>Personliste</translation>
    </message>
    <message>
        <source>People in your caseload. Press Enter to open the selected person.</source>
        <translation>Personene du følger opp. Trykk Enter for å åpne valgt person.</translation>
    </message>
    <message>
        <source>Matches: {count}</source>
        <translation>Treff: {count}</translation>
    </message>
    <message>
        <source>People: {count}</source>
        <translation>Personer: {count}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Caseplan</source>
        <translation>Caseplan</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>Database: {where}</source>
        <translation>Database: {where}</translation>
    </message>
    <message>
        <source>Database location</source>
        <translation>Databasens plassering</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avslutt</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjelp</translation>
    </message>
    <message>
        <source>&amp;About Caseplan</source>
        <translation>&amp;Om Caseplan</translation>
    </message>
    <message>
        <source>Selected: {name}</source>
        <translation>Valgt: {name}</translation>
    </message>
    <message>
        <source>About Caseplan</source>
        <translation>Om Caseplan</translation>
    </message>
    <message>
        <source>Caseplan {version}

Individual follow-up plans, made together with the person.</source>
        <translation>Caseplan {version}

Individuelle oppfølgingsplaner, laget sammen med personen.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Caseplan cannot start</source>
        <translation>Caseplan kan ikke starte</translation>
    </message>
</context>
</TS>
