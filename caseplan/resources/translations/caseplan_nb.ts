<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Caseplan</source>
        <translation>Om Caseplan</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Om</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lisens</translation>
    </message>
    <message>
        <source>&amp;Licence</source>
        <translation>&amp;Lisens</translation>
    </message>
    <message>
        <source>Third-party software</source>
        <translation>Programvare fra andre</translation>
    </message>
    <message>
        <source>&amp;Third-party software</source>
        <translation>Programvare fra &amp;andre</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Om &amp;Qt</translation>
    </message>
    <message>
        <source>Caseplan {version}</source>
        <translation>Caseplan {version}</translation>
    </message>
    <message>
        <source>Individual follow-up plans, made together with the person, for substance-use and dual-diagnosis services.</source>
        <translation>Individuelle oppfølgingsplaner, laget sammen med personen, for rus- og ROP-tjenester.</translation>
    </message>
    <message>
        <source>Caseplan is free software under the European Union Public Licence (EUPL) version 1.2: you may use, study, change and share it on its terms. It comes with no warranty. It is built on Qt, PySide6, SQLCipher, SQLAlchemy, ReportLab and other free software, listed with their licences under “Third-party software”.</source>
        <translation>Caseplan er fri programvare under European Union Public Licence (EUPL) versjon 1.2: du kan bruke, studere, endre og dele den på lisensens vilkår. Den kommer uten garanti. Den er bygd på Qt, PySide6, SQLCipher, SQLAlchemy, ReportLab og annen fri programvare, som står med sine lisenser under «Programvare fra andre».</translation>
    </message>
</context>
<context>
    <name>AboutMeSection</name>
    <message>
        <source>What matters to me</source>
        <translation>Det som er viktig for meg</translation>
    </message>
    <message>
        <source>My strengths</source>
        <translation>Mine sterke sider</translation>
    </message>
    <message>
        <source>What helps me</source>
        <translation>Det som hjelper meg</translation>
    </message>
    <message>
        <source>What does not help me</source>
        <translation>Det som ikke hjelper meg</translation>
    </message>
    <message>
        <source>How I want to be met</source>
        <translation>Slik vil jeg bli møtt</translation>
    </message>
    <message>
        <source>About me — written together, in the person&apos;s own words.</source>
        <translation>Om meg — skrevet sammen, med personens egne ord.</translation>
    </message>
</context>
<context>
    <name>AddGoalDialog</name>
    <message>
        <source>Add a goal</source>
        <translation>Legg til et mål</translation>
    </message>
    <message>
        <source>The goal in the person&apos;s own words</source>
        <translation>Målet med personens egne ord</translation>
    </message>
    <message>
        <source>What {name} wants, in their own words</source>
        <translation>Det {name} ønsker, med egne ord</translation>
    </message>
    <message>
        <source>Life domain</source>
        <translation>Livsområde</translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation>Legg til mål</translation>
    </message>
    <message>
        <source>&amp;Goal:</source>
        <translation>&amp;Mål:</translation>
    </message>
    <message>
        <source>&amp;Life domain:</source>
        <translation>&amp;Livsområde:</translation>
    </message>
</context>
<context>
    <name>AddStepDialog</name>
    <message>
        <source>Add a step towards “{goal}”</source>
        <translation>Legg til et tiltak for «{goal}»</translation>
    </message>
    <message>
        <source>What the step is</source>
        <translation>Hva tiltaket er</translation>
    </message>
    <message>
        <source>Who is responsible</source>
        <translation>Hvem som har ansvaret</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Legg til tiltak</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Hva:</translation>
    </message>
    <message>
        <source>W&amp;ho:</source>
        <translation>H&amp;vem:</translation>
    </message>
    <message>
        <source>&amp;By when:</source>
        <translation>&amp;Innen:</translation>
    </message>
</context>
<context>
    <name>AgreementBanner</name>
    <message>
        <source>What matters to me</source>
        <extracomment>How many changes are listed before &quot;and N more&quot;.</extracomment>
        <translation>Det som er viktig for meg</translation>
    </message>
    <message>
        <source>My strengths</source>
        <translation>Mine sterke sider</translation>
    </message>
    <message>
        <source>What helps me</source>
        <translation>Det som hjelper meg</translation>
    </message>
    <message>
        <source>What does not help me</source>
        <translation>Det som ikke hjelper meg</translation>
    </message>
    <message>
        <source>How I want to be met</source>
        <translation>Slik vil jeg bli møtt</translation>
    </message>
    <message>
        <source>“{what}” in About me is new or changed.</source>
        <translation>«{what}» i Om meg er nytt eller endret.</translation>
    </message>
    <message>
        <source>The plan period is changed.</source>
        <translation>Planperioden er endret.</translation>
    </message>
    <message>
        <source>The next review date is changed.</source>
        <translation>Datoen for neste evaluering er endret.</translation>
    </message>
    <message>
        <source>Another coordinator.</source>
        <translation>Ny koordinator.</translation>
    </message>
    <message>
        <source>{what} joined the team.</source>
        <translation>{what} er med i teamet.</translation>
    </message>
    <message>
        <source>{what} left the team.</source>
        <translation>{what} er ikke lenger med i teamet.</translation>
    </message>
    <message>
        <source>{what}&apos;s details or consent are changed.</source>
        <translation>Opplysninger eller samtykke for {what} er endret.</translation>
    </message>
    <message>
        <source>New goal: “{what}”.</source>
        <translation>Nytt mål: «{what}».</translation>
    </message>
    <message>
        <source>Goal taken out: “{what}”.</source>
        <translation>Mål tatt ut: «{what}».</translation>
    </message>
    <message>
        <source>A goal has new words: “{what}”.</source>
        <translation>Et mål har fått nye ord: «{what}».</translation>
    </message>
    <message>
        <source>Goal reached: “{what}”.</source>
        <translation>Mål nådd: «{what}».</translation>
    </message>
    <message>
        <source>Goal let go: “{what}”.</source>
        <translation>Mål lagt bort: «{what}».</translation>
    </message>
    <message>
        <source>Goal taken up again or paused: “{what}”.</source>
        <translation>Mål tatt opp igjen eller satt på pause: «{what}».</translation>
    </message>
    <message>
        <source>Goal&apos;s area, date or priority changed: “{what}”.</source>
        <translation>Livsområde, dato eller prioritet for et mål er endret: «{what}».</translation>
    </message>
    <message>
        <source>Goals or steps are in a new order.</source>
        <translation>Mål eller tiltak står i ny rekkefølge.</translation>
    </message>
    <message>
        <source>New step: “{what}”.</source>
        <translation>Nytt tiltak: «{what}».</translation>
    </message>
    <message>
        <source>Step taken out: “{what}”.</source>
        <translation>Tiltak tatt ut: «{what}».</translation>
    </message>
    <message>
        <source>Step changed: “{what}”.</source>
        <translation>Tiltak endret: «{what}».</translation>
    </message>
    <message>
        <source>Step done: “{what}”.</source>
        <translation>Tiltak gjort: «{what}».</translation>
    </message>
    <message>
        <source>The crisis plan is changed.</source>
        <translation>Kriseplanen er endret.</translation>
    </message>
    <message>
        <source>Something is changed.</source>
        <translation>Noe er endret.</translation>
    </message>
    <message>
        <source>Agreed: plan version {number}, agreed {date}.</source>
        <translation>Avtalt: planversjon {number}, avtalt {date}.</translation>
    </message>
    <message>
        <source>Changed since version {number} was agreed ({date}) — not agreed again yet.</source>
        <translation>Endret etter at versjon {number} ble avtalt ({date}) – ikke avtalt på nytt ennå.</translation>
    </message>
    <message>
        <source>…and {count} more.</source>
        <translation>…og {count} til.</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Avtale</translation>
    </message>
    <message>
        <source>Plan version {number} was imported from a file on {date} by {account}: it was not agreed here.</source>
        <translation>Planversjon {number} ble importert fra en fil {date} av {account}: den ble ikke avtalt her.</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Save the plan as PDF</source>
        <translation>Lagre planen som PDF</translation>
    </message>
    <message>
        <source>Agree the plan</source>
        <translation>Avtal planen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Step 1 of 2 · Read the plan through together, exactly as it will be printed. Anything to change? Go back and change it first.</source>
        <translation>Steg 1 av 2 · Les gjennom planen sammen, akkurat slik den blir skrevet ut. Noe som skal endres? Gå tilbake og endre det først.</translation>
    </message>
    <message>
        <source>The plan as it will print</source>
        <translation>Planen slik den blir skrevet ut</translation>
    </message>
    <message>
        <source>Not yet — go back</source>
        <translation>Ikke ennå – gå tilbake</translation>
    </message>
    <message>
        <source>Not yet, go back to the plan</source>
        <translation>Ikke ennå, gå tilbake til planen</translation>
    </message>
    <message>
        <source>It is right — &amp;next</source>
        <translation>Det stemmer – &amp;neste</translation>
    </message>
    <message>
        <source>The plan is right, go to who is here</source>
        <translation>Planen stemmer, gå videre til hvem som er her</translation>
    </message>
    <message>
        <source>Step 2 of 2 · Who is here today? Tick each one, and choose whether they sign here on the screen or on the printed paper.</source>
        <translation>Steg 2 av 2 · Hvem er her i dag? Kryss av for hver enkelt, og velg om de skriver under her på skjermen eller på papir.</translation>
    </message>
    <message>
        <source>Who is here</source>
        <translation>Hvem som er her</translation>
    </message>
    <message>
        <source>&amp;Back to reading</source>
        <translation>&amp;Tilbake til gjennomlesingen</translation>
    </message>
    <message>
        <source>Back to reading the plan</source>
        <translation>Tilbake til gjennomlesingen av planen</translation>
    </message>
    <message>
        <source>We &amp;agree this plan</source>
        <translation>Vi &amp;avtaler denne planen</translation>
    </message>
    <message>
        <source>We agree this plan</source>
        <translation>Vi avtaler denne planen</translation>
    </message>
    <message>
        <source>The plan is agreed</source>
        <translation>Planen er avtalt</translation>
    </message>
    <message>
        <source>&amp;Print the copy…</source>
        <translation>Skriv &amp;ut kopien …</translation>
    </message>
    <message>
        <source>Print the person&apos;s copy</source>
        <translation>Skriv ut personens kopi</translation>
    </message>
    <message>
        <source>&amp;Save the copy as PDF…</source>
        <translation>&amp;Lagre kopien som PDF …</translation>
    </message>
    <message>
        <source>Save the person&apos;s copy as a PDF file</source>
        <translation>Lagre personens kopi som PDF-fil</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Ferdig</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Ferdig</translation>
    </message>
    <message>
        <source>There is no plan to agree yet.</source>
        <translation>Det er ingen plan å avtale ennå.</translation>
    </message>
    <message>
        <source>The plan is agreed: version {number}, {date}.

{name} can take their own copy home, with today&apos;s signatures. Print it now, or save it as a PDF.</source>
        <translation>Planen er avtalt: versjon {number}, {date}.

{name} kan ta med sin egen kopi hjem, med dagens underskrifter. Skriv den ut nå, eller lagre den som PDF.</translation>
    </message>
    <message>
        <source>Printing failed: {reason}</source>
        <translation>Utskriften mislyktes: {reason}</translation>
    </message>
    <message>
        <source>plan.pdf</source>
        <translation>plan.pdf</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>Hendelseslogg</translation>
    </message>
    <message>
        <source>Whose trail</source>
        <translation>Hvilken logg</translation>
    </message>
    <message>
        <source>This person: {name}</source>
        <translation>Denne personen: {name}</translation>
    </message>
    <message>
        <source>The whole database: sign-ins, locks, backups</source>
        <translation>Hele databasen: innlogginger, låsinger, sikkerhetskopier</translation>
    </message>
    <message>
        <source>Filter the audit trail</source>
        <translation>Filtrer hendelsesloggen</translation>
    </message>
    <message>
        <source>Account, action or detail</source>
        <translation>Konto, handling eller detalj</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Hendelser</translation>
    </message>
    <message>
        <source>Number of events</source>
        <translation>Antall hendelser</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Vis:</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtrer:</translation>
    </message>
    <message>
        <source>No events are recorded here yet.</source>
        <translation>Ingen hendelser er registrert her ennå.</translation>
    </message>
    <message>
        <source>Events shown: {shown} of {total}</source>
        <translation>Viser {shown} av {total} hendelser</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Time</source>
        <extracomment>The event&apos;s sequence number in the chain.</extracomment>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalj</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Account: {account}</source>
        <translation>Konto: {account}</translation>
    </message>
    <message>
        <source>(a person no longer in the database)</source>
        <translation>(en person som ikke lenger er i databasen)</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <source>Signed in</source>
        <translation>Logget inn</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Mislykket innlogging</translation>
    </message>
    <message>
        <source>Sign-in refused (too many tries)</source>
        <translation>Innlogging avvist (for mange forsøk)</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Åpnet</translation>
    </message>
    <message>
        <source>Opened with a recorded reason</source>
        <translation>Åpnet med registrert begrunnelse</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Opprettet</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Endret</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Slettet</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Skrevet ut</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Eksportert</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importert</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>Sikkerhetskopiert</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Gjenopprettet</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Låst</translation>
    </message>
    <message>
        <source>Account created</source>
        <translation>Konto opprettet</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Passord endret</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Passord tilbakestilt</translation>
    </message>
    <message>
        <source>Account switched off</source>
        <translation>Konto deaktivert</translation>
    </message>
    <message>
        <source>Account removed</source>
        <translation>Konto fjernet</translation>
    </message>
    <message>
        <source>Linked a team member to an account</source>
        <translation>Koblet en deltaker til en konto</translation>
    </message>
    <message>
        <source>Took a team member&apos;s account link away</source>
        <translation>Fjernet en deltakers kobling til en konto</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Avvist</translation>
    </message>
    <message>
        <source>Looked at</source>
        <translation>Så på</translation>
    </message>
    <message>
        <source>Looked at a printout on screen</source>
        <translation>Så på en utskrift på skjermen</translation>
    </message>
    <message>
        <source>Read the audit trail</source>
        <translation>Leste hendelsesloggen</translation>
    </message>
    <message>
        <source>Checked the database</source>
        <translation>Kontrollerte databasen</translation>
    </message>
    <message>
        <source>account</source>
        <translation>konto</translation>
    </message>
    <message>
        <source>session</source>
        <translation>økt</translation>
    </message>
    <message>
        <source>database</source>
        <translation>database</translation>
    </message>
    <message>
        <source>person</source>
        <translation>person</translation>
    </message>
    <message>
        <source>people</source>
        <translation>personer</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>plan</translation>
    </message>
    <message>
        <source>goal</source>
        <translation>mål</translation>
    </message>
    <message>
        <source>step</source>
        <translation>tiltak</translation>
    </message>
    <message>
        <source>team member</source>
        <translation>deltaker</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>møte</translation>
    </message>
    <message>
        <source>review</source>
        <translation>evaluering</translation>
    </message>
    <message>
        <source>crisis plan</source>
        <translation>kriseplan</translation>
    </message>
    <message>
        <source>peer contribution</source>
        <translation>likepersonbidrag</translation>
    </message>
    <message>
        <source>peer hours report</source>
        <translation>likepersontimer-rapport</translation>
    </message>
    <message>
        <source>clinic setting</source>
        <translation>innstilling for tjenesten</translation>
    </message>
    <message>
        <source>opening a person&apos;s plan</source>
        <translation>å åpne en persons plan</translation>
    </message>
    <message>
        <source>adding a person</source>
        <translation>å legge til en person</translation>
    </message>
    <message>
        <source>removing a person</source>
        <translation>å fjerne en person</translation>
    </message>
    <message>
        <source>changing a plan</source>
        <translation>å endre en plan</translation>
    </message>
    <message>
        <source>reading workers&apos; notes</source>
        <translation>å lese arbeidsnotater</translation>
    </message>
    <message>
        <source>recording peer support</source>
        <translation>å registrere likepersonstøtte</translation>
    </message>
    <message>
        <source>printing a plan</source>
        <translation>å skrive ut en plan</translation>
    </message>
    <message>
        <source>exporting a person&apos;s data</source>
        <translation>å eksportere en persons opplysninger</translation>
    </message>
    <message>
        <source>importing a person&apos;s data</source>
        <translation>å importere en persons opplysninger</translation>
    </message>
    <message>
        <source>managing accounts</source>
        <translation>å administrere kontoer</translation>
    </message>
    <message>
        <source>reading the audit trail</source>
        <translation>å lese hendelsesloggen</translation>
    </message>
    <message>
        <source>a backup or a restore</source>
        <translation>en sikkerhetskopi eller gjenoppretting</translation>
    </message>
    <message>
        <source>printing the plans due</source>
        <translation>å skrive ut planene som skal evalueres</translation>
    </message>
    <message>
        <source>the peer hours report</source>
        <translation>likepersontimer-rapporten</translation>
    </message>
    <message>
        <source>practitioner</source>
        <translation>behandler</translation>
    </message>
    <message>
        <source>team lead</source>
        <translation>leder</translation>
    </message>
    <message>
        <source>peer worker</source>
        <translation>erfaringskonsulent</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>fullt navn</translation>
    </message>
    <message>
        <source>preferred name</source>
        <translation>ønsket navn</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>fødselsdato</translation>
    </message>
    <message>
        <source>language of the plan</source>
        <translation>planens språk</translation>
    </message>
    <message>
        <source>what matters to me</source>
        <translation>det som er viktig for meg</translation>
    </message>
    <message>
        <source>my strengths</source>
        <translation>mine sterke sider</translation>
    </message>
    <message>
        <source>what helps</source>
        <translation>det som hjelper</translation>
    </message>
    <message>
        <source>what does not help</source>
        <translation>det som ikke hjelper</translation>
    </message>
    <message>
        <source>how I want to be met</source>
        <translation>slik vil jeg bli møtt</translation>
    </message>
    <message>
        <source>plan starts</source>
        <translation>planen starter</translation>
    </message>
    <message>
        <source>plan ends</source>
        <translation>planen slutter</translation>
    </message>
    <message>
        <source>next review</source>
        <translation>neste evaluering</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>consent to peer involvement given</source>
        <translation>samtykke til likepersonstøtte gitt</translation>
    </message>
    <message>
        <source>consent to peer involvement ends</source>
        <translation>samtykke til likepersonstøtte slutter</translation>
    </message>
    <message>
        <source>role</source>
        <translation>rolle</translation>
    </message>
    <message>
        <source>name</source>
        <translation>navn</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>organisasjon</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>telefon</translation>
    </message>
    <message>
        <source>email</source>
        <translation>e-post</translation>
    </message>
    <message>
        <source>consent given</source>
        <translation>samtykke gitt</translation>
    </message>
    <message>
        <source>consent ends</source>
        <translation>samtykket slutter</translation>
    </message>
    <message>
        <source>what the consent covers</source>
        <translation>hva samtykket gjelder</translation>
    </message>
    <message>
        <source>linked account</source>
        <translation>tilknyttet konto</translation>
    </message>
    <message>
        <source>what they offer</source>
        <translation>hva de tilbyr</translation>
    </message>
    <message>
        <source>when they can be reached</source>
        <translation>når de kan nås</translation>
    </message>
    <message>
        <source>paid or volunteer</source>
        <translation>lønnet eller frivillig</translation>
    </message>
    <message>
        <source>life domain</source>
        <translation>livsområde</translation>
    </message>
    <message>
        <source>the person&apos;s own words</source>
        <translation>personens egne ord</translation>
    </message>
    <message>
        <source>worker&apos;s note</source>
        <translation>arbeidsnotat</translation>
    </message>
    <message>
        <source>target date</source>
        <translation>måldato</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>prioritet</translation>
    </message>
    <message>
        <source>what the step is</source>
        <translation>hva tiltaket er</translation>
    </message>
    <message>
        <source>who is responsible</source>
        <translation>hvem som er ansvarlig</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>frist</translation>
    </message>
    <message>
        <source>date</source>
        <translation>dato</translation>
    </message>
    <message>
        <source>who was there</source>
        <translation>hvem som var til stede</translation>
    </message>
    <message>
        <source>shared notes</source>
        <translation>felles notater</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>avtalt</translation>
    </message>
    <message>
        <source>what helped</source>
        <translation>det som hjalp</translation>
    </message>
    <message>
        <source>what got in the way</source>
        <translation>det som sto i veien</translation>
    </message>
    <message>
        <source>ratings</source>
        <translation>vurderinger</translation>
    </message>
    <message>
        <source>peer</source>
        <translation>likeperson</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutter</translation>
    </message>
    <message>
        <source>kind of support</source>
        <translation>type støtte</translation>
    </message>
    <message>
        <source>note</source>
        <translation>notat</translation>
    </message>
    <message>
        <source>paid minutes</source>
        <translation>betalte minutter</translation>
    </message>
    <message>
        <source>warning signs</source>
        <translation>varseltegn</translation>
    </message>
    <message>
        <source>triggers</source>
        <translation>utløsende faktorer</translation>
    </message>
    <message>
        <source>what I do</source>
        <translation>det jeg gjør</translation>
    </message>
    <message>
        <source>what others do</source>
        <translation>det andre gjør</translation>
    </message>
    <message>
        <source>treatment I want</source>
        <translation>behandling jeg ønsker</translation>
    </message>
    <message>
        <source>treatment I do not want</source>
        <translation>behandling jeg ikke ønsker</translation>
    </message>
    <message>
        <source>who to contact</source>
        <translation>hvem som skal kontaktes</translation>
    </message>
    <message>
        <source>changed: {fields}</source>
        <translation>endret: {fields}</translation>
    </message>
    <message>
        <source>after a time without use</source>
        <translation>etter en stund uten bruk</translation>
    </message>
    <message>
        <source>privacy screen (F12)</source>
        <translation>skjult skjerm (F12)</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>logget ut</translation>
    </message>
    <message>
        <source>account {name}</source>
        <translation>kontoen {name}</translation>
    </message>
    <message>
        <source>with workers&apos; notes</source>
        <translation>med arbeidsnotater</translation>
    </message>
    <message>
        <source>goals and steps</source>
        <translation>mål og tiltak</translation>
    </message>
    <message>
        <source>goals and steps, with workers&apos; notes</source>
        <translation>mål og tiltak, med arbeidsnotater</translation>
    </message>
    <message>
        <source>meetings</source>
        <translation>møter</translation>
    </message>
    <message>
        <source>reviews</source>
        <translation>evalueringer</translation>
    </message>
    <message>
        <source>peer contributions</source>
        <translation>likepersonbidrag</translation>
    </message>
    <message>
        <source>team</source>
        <translation>team</translation>
    </message>
    <message>
        <source>plan versions</source>
        <translation>planversjoner</translation>
    </message>
    <message>
        <source>about the person</source>
        <translation>om personen</translation>
    </message>
    <message>
        <source>plans over time</source>
        <translation>planer over tid</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Eksport mislyktes</translation>
    </message>
    <message>
        <source>overview</source>
        <translation>oversikt</translation>
    </message>
    <message>
        <source>closing a plan</source>
        <translation>å avslutte en plan</translation>
    </message>
    <message>
        <source>the clinic&apos;s settings</source>
        <translation>klinikkens innstillinger</translation>
    </message>
    <message>
        <source>the overview</source>
        <translation>oversikten</translation>
    </message>
    <message>
        <source>the team&apos;s figures</source>
        <translation>teamets tall</translation>
    </message>
    <message>
        <source>what people say helps</source>
        <translation>hva folk sier hjelper</translation>
    </message>
    <message>
        <source>ratings over time</source>
        <translation>vurderinger over tid</translation>
    </message>
    <message>
        <source>plan version {number}</source>
        <translation>planversjon {number}</translation>
    </message>
    <message>
        <source>Looked at a list</source>
        <translation>Så på en liste</translation>
    </message>
    <message>
        <source>a team member</source>
        <translation>et teammedlem</translation>
    </message>
    <message>
        <source>a goal</source>
        <translation>et mål</translation>
    </message>
    <message>
        <source>a step</source>
        <translation>et tiltak</translation>
    </message>
    <message>
        <source>plan dates and status</source>
        <translation>planens datoer og status</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Back up</source>
        <translation>Sikkerhetskopi</translation>
    </message>
    <message>
        <source>Backing up to {path}…</source>
        <translation>Tar sikkerhetskopi til {path} …</translation>
    </message>
    <message>
        <source>Backup status</source>
        <translation>Status for sikkerhetskopien</translation>
    </message>
    <message>
        <source>Backup progress</source>
        <translation>Framdrift for sikkerhetskopien</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Avbryt</translation>
    </message>
    <message>
        <source>Cancel the backup</source>
        <translation>Avbryt sikkerhetskopien</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Lukk</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>The backup is done and checked: {path} (with its key file {keys}).</source>
        <translation>Sikkerhetskopien er laget og kontrollert: {path} (med nøkkelfilen {keys}).</translation>
    </message>
    <message>
        <source>The backup failed: {reason}</source>
        <translation>Sikkerhetskopien mislyktes: {reason}</translation>
    </message>
    <message>
        <source>The backup was cancelled; nothing was kept.</source>
        <translation>Sikkerhetskopien ble avbrutt; ingenting ble lagret.</translation>
    </message>
    <message>
        <source>Stopping the backup…</source>
        <translation>Stopper sikkerhetskopien …</translation>
    </message>
</context>
<context>
    <name>BatchPrintDialog</name>
    <message>
        <source>Print plans due for review</source>
        <translation>Skriv ut planer som skal evalueres</translation>
    </message>
    <message>
        <source>Due for review by</source>
        <translation>Skal evalueres innen</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Fagperson</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Plans due</source>
        <translation>Planer som skal evalueres</translation>
    </message>
    <message>
        <source>Printing status</source>
        <translation>Status for utskriften</translation>
    </message>
    <message>
        <source>Printing progress</source>
        <translation>Framdrift for utskriften</translation>
    </message>
    <message>
        <source>Print the due plans to a PDF file</source>
        <translation>Skriv ut planene som skal evalueres, til en PDF-fil</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Avbryt</translation>
    </message>
    <message>
        <source>Cancel printing</source>
        <translation>Avbryt utskriften</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Lukk</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>&amp;Due for review by:</source>
        <translation>Skal &amp;evalueres innen:</translation>
    </message>
    <message>
        <source>P&amp;ractitioner:</source>
        <translation>&amp;Fagperson:</translation>
    </message>
    <message>
        <source>1 plan is due for review by then.</source>
        <translation>1 plan skal evalueres innen da.</translation>
    </message>
    <message>
        <source>{count} plans are due for review by then.</source>
        <translation>{count} planer skal evalueres innen da.</translation>
    </message>
    <message>
        <source>plans-due-{date}.pdf</source>
        <translation>planer-til-evaluering-{date}.pdf</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Skriv ut …</translation>
    </message>
    <message>
        <source>Print the due plans on a printer</source>
        <translation>Skriv ut planene som skal evalueres, på en skriver</translation>
    </message>
    <message>
        <source>Print to PDF</source>
        <translation>Skriv ut til PDF</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Skriver ut …</translation>
    </message>
    <message>
        <source>Print the plans due</source>
        <translation>Skriv ut planene som skal evalueres</translation>
    </message>
    <message>
        <source>Sent {count} plans ({pages} pages) to the printer.</source>
        <translation>Sendte {count} planer ({pages} sider) til skriveren.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stopper …</translation>
    </message>
    <message>
        <source>Printing {done} of {total}…</source>
        <translation>Skriver ut {done} av {total} …</translation>
    </message>
    <message>
        <source>Printed 1 plan.</source>
        <translation>Skrev ut 1 plan.</translation>
    </message>
    <message>
        <source>Printing failed: {reason}</source>
        <translation>Utskriften mislyktes: {reason}</translation>
    </message>
    <message>
        <source>Printing was cancelled; no file was written.</source>
        <translation>Utskriften ble avbrutt; ingen fil ble skrevet.</translation>
    </message>
    <message>
        <source>Printed {count} plans.</source>
        <translation>Skrev ut {count} planer.</translation>
    </message>
    <message>
        <source>Sent 1 plan ({pages} pages) to the printer.</source>
        <translation>Sendte 1 plan ({pages} sider) til skriveren.</translation>
    </message>
    <message>
        <source>Print to a PDF &amp;file…</source>
        <translation>Skriv ut til en P&amp;DF-fil …</translation>
    </message>
</context>
<context>
    <name>CaseloadModel</name>
    <message>
        <source>Name</source>
        <extracomment>the signals in full words, one a line (the markers column&apos;s tooltip) what needs attention, as the overview counts it: short words with a sign each</extracomment>
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
    <message>
        <source>Needs attention</source>
        <translation>Trenger oppfølging</translation>
    </message>
    <message>
        <source>⚠ review</source>
        <translation>⚠ evaluering</translation>
    </message>
    <message>
        <source>◷ review soon</source>
        <translation>◷ evaluering snart</translation>
    </message>
    <message>
        <source>Review due within 30 days</source>
        <translation>Evaluering innen 30 dager</translation>
    </message>
    <message>
        <source>✎ not agreed</source>
        <translation>✎ ikke avtalt</translation>
    </message>
    <message>
        <source>Plan in draft, never agreed</source>
        <translation>Planen er et utkast, aldri avtalt</translation>
    </message>
    <message>
        <source>✎ changed</source>
        <translation>✎ endret</translation>
    </message>
    <message>
        <source>Plan changed since version {number} was agreed</source>
        <translation>Planen er endret siden versjon {number} ble avtalt</translation>
    </message>
    <message>
        <source>✖ consent expired</source>
        <translation>✖ samtykke utløpt</translation>
    </message>
    <message>
        <source>Consents expired: {count}</source>
        <translation>Samtykker som er utløpt: {count}</translation>
    </message>
    <message>
        <source>◔ consent ending</source>
        <translation>◔ samtykke utløper</translation>
    </message>
    <message>
        <source>Consents ending within 30 days: {count}</source>
        <translation>Samtykker som utløper innen 30 dager: {count}</translation>
    </message>
    <message>
        <source>▸ steps late ({count})</source>
        <translation>▸ tiltak forsinket ({count})</translation>
    </message>
    <message>
        <source>Steps overdue: {count}</source>
        <translation>Tiltak over fristen: {count}</translation>
    </message>
    <message>
        <source>… no contact</source>
        <translation>… ingen kontakt</translation>
    </message>
    <message>
        <source>No meeting, review or peer contact lately</source>
        <translation>Ingen møter, evalueringer eller likepersonkontakt i det siste</translation>
    </message>
    <message>
        <source>○ no goal yet</source>
        <translation>○ ingen mål ennå</translation>
    </message>
    <message>
        <source>New: no goal written yet</source>
        <translation>Ny: ingen mål skrevet ennå</translation>
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
        <source>All people</source>
        <translation>Alle personer</translation>
    </message>
    <message>
        <source>My people</source>
        <translation>Mine personer</translation>
    </message>
    <message>
        <source>Review overdue</source>
        <translation>Evaluering forsinket</translation>
    </message>
    <message>
        <source>Review within 30 days</source>
        <translation>Evaluering innen 30 dager</translation>
    </message>
    <message>
        <source>Which people to show</source>
        <translation>Hvilke personer som vises</translation>
    </message>
    <message>
        <source>Sh&amp;ow:</source>
        <translation>&amp;Vis:</translation>
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
        <source>{date} (overdue)</source>
        <translation>{date} (forsinket)</translation>
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
    <name>Charts</name>
    <message>
        <source>fewer than 5 people</source>
        <translation>færre enn 5 personer</translation>
    </message>
    <message>
        <source>Reviews per month</source>
        <translation>Evalueringer per måned</translation>
    </message>
    <message>
        <source>The same figures are in the table below.</source>
        <translation>De samme tallene står i tabellen under.</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>i tide</translation>
    </message>
    <message>
        <source>late</source>
        <translation>for sent</translation>
    </message>
    <message>
        <source>date not known</source>
        <translation>dato ukjent</translation>
    </message>
</context>
<context>
    <name>ChartsDialog</name>
    <message>
        <source>Charts</source>
        <translation>Diagrammer</translation>
    </message>
    <message>
        <source>Plans agreed and in draft</source>
        <translation>Planer avtalt og i utkast</translation>
    </message>
    <message>
        <source>Open plans agreed: {agreed}. In draft: {drafts} (never agreed: {never}; changed since agreed: {changed}).</source>
        <translation>Åpne planer som er avtalt: {agreed}. I utkast: {drafts} (aldri avtalt: {never}; endret etter avtale: {changed}).</translation>
    </message>
    <message>
        <source>Reviews per month, the last 12 months:</source>
        <translation>Evalueringer per måned, de siste 12 månedene:</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>I tide</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>For sent</translation>
    </message>
    <message>
        <source>Date not known</source>
        <translation>Dato ukjent</translation>
    </message>
    <message>
        <source>Reviews per month</source>
        <translation>Evalueringer per måned</translation>
    </message>
    <message>
        <source>People&apos;s latest own ratings of their goals:</source>
        <translation>Folks siste egne vurderinger av målene sine:</translation>
    </message>
    <message>
        <source>Life domain</source>
        <translation>Livsområde</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>0–3</source>
        <translation>0–3</translation>
    </message>
    <message>
        <source>4–6</source>
        <translation>4–6</translation>
    </message>
    <message>
        <source>7–10</source>
        <translation>7–10</translation>
    </message>
    <message>
        <source>Latest own ratings by life domain</source>
        <translation>Siste egne vurderinger etter livsområde</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Monthly summary as P&amp;DF…</source>
        <translation>Månedsoversikt som P&amp;DF …</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Save the monthly summary as PDF</source>
        <translation>Lagre månedsoversikten som PDF</translation>
    </message>
    <message>
        <source>Reviews and ratings</source>
        <translation>Evalueringer og vurderinger</translation>
    </message>
    <message>
        <source>Peer hours</source>
        <translation>Likepersontimer</translation>
    </message>
    <message>
        <source>Peer hours per month by peer, the last 12 months:</source>
        <translation>Likepersontimer per måned per likeperson, de siste 12 månedene:</translation>
    </message>
    <message>
        <source>Paid time counts as paid only for a peer linked to an account or verified by a team lead; imported time only once a team lead has accepted it.</source>
        <translation>Betalt tid regnes som betalt bare for en likeperson som er knyttet til en bruker-konto eller bekreftet av en teamleder; importert tid først når en teamleder har godkjent den.</translation>
    </message>
    <message>
        <source>Peer hours per month by peer</source>
        <translation>Likepersontimer per måned per likeperson</translation>
    </message>
</context>
<context>
    <name>ClinicSettingsDialog</name>
    <message>
        <source>Clinic settings</source>
        <translation>Klinikkinnstillinger</translation>
    </message>
    <message>
        <source>These hold for everyone who uses this clinic&apos;s database.</source>
        <translation>Disse gjelder for alle som bruker klinikkens database.</translation>
    </message>
    <message>
        <source> months</source>
        <translation> måneder</translation>
    </message>
    <message>
        <source>First review of a new plan after</source>
        <translation>Første evaluering av en ny plan etter</translation>
    </message>
    <message>
        <source>A new plan gets this review date; each plan&apos;s own date can be changed, and a review sets the next one.</source>
        <translation>En ny plan får denne evalueringsdatoen; hver plans egen dato kan endres, og en evaluering setter den neste.</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutter</translation>
    </message>
    <message>
        <source>Lock the window when idle for</source>
        <translation>Lås vinduet når det ikke er brukt på</translation>
    </message>
    <message>
        <source>On this computer at once; on others the next time someone signs in.</source>
        <translation>På denne datamaskinen med en gang; på andre neste gang noen logger inn.</translation>
    </message>
    <message>
        <source>Only an administrator can change when the window locks.</source>
        <translation>Bare en administrator kan endre når vinduet låses.</translation>
    </message>
    <message>
        <source>First &amp;review of a new plan after:</source>
        <translation>Første &amp;evaluering av en ny plan etter:</translation>
    </message>
    <message>
        <source>&amp;Lock the window when idle for:</source>
        <translation>Lås &amp;vinduet når det ikke er brukt på:</translation>
    </message>
</context>
<context>
    <name>ClosePlanDialog</name>
    <message>
        <source>Close the plan</source>
        <translation>Lukk planen</translation>
    </message>
    <message>
        <source>A closed plan is kept, with every agreed version, and can be reprinted; it can no longer be changed. Why does this plan end?</source>
        <translation>En lukket plan blir tatt vare på, med alle avtalte versjoner, og kan skrives ut igjen; den kan ikke lenger endres. Hvorfor avsluttes denne planen?</translation>
    </message>
    <message>
        <source>The &amp;goals are reached</source>
        <translation>&amp;Målene er nådd</translation>
    </message>
    <message>
        <source>The person has &amp;moved</source>
        <translation>Personen har &amp;flyttet</translation>
    </message>
    <message>
        <source>The &amp;follow-up has ended</source>
        <translation>&amp;Oppfølgingen er avsluttet</translation>
    </message>
    <message>
        <source>&amp;Other reason</source>
        <translation>Annen &amp;grunn</translation>
    </message>
    <message>
        <source>Start the &amp;next plan now</source>
        <translation>Start &amp;neste plan nå</translation>
    </message>
    <message>
        <source>&amp;Which goals come along to the next plan (the person chooses):</source>
        <translation>&amp;Hvilke mål blir med til neste plan (personen velger):</translation>
    </message>
    <message>
        <source>C&amp;lose the plan</source>
        <translation>&amp;Lukk planen</translation>
    </message>
    <message>
        <source>C&amp;lose and start the next plan</source>
        <translation>&amp;Lukk og start neste plan</translation>
    </message>
    <message>
        <source>Please choose why the plan ends.</source>
        <translation>Velg hvorfor planen avsluttes.</translation>
    </message>
    <message>
        <source>&amp;Start the next plan</source>
        <translation>&amp;Start neste plan</translation>
    </message>
    <message>
        <source>The plan is closed, but the next one did not start: {reason}</source>
        <translation>Planen er lukket, men den neste ble ikke startet: {reason}</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Someone else changed this</source>
        <translation>Noen andre har endret dette</translation>
    </message>
    <message>
        <source>While you were writing “{field}”, someone else saved a different text. Nothing has been overwritten. Which text should be kept?</source>
        <translation>Mens du skrev «{field}», lagret noen andre en annen tekst. Ingenting er overskrevet. Hvilken tekst skal beholdes?</translation>
    </message>
    <message>
        <source>Their version</source>
        <translation>Deres versjon</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Din versjon</translation>
    </message>
    <message>
        <source>&amp;Your version (typed here)</source>
        <translation>D&amp;in versjon (skrevet her)</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Behold min</translation>
    </message>
    <message>
        <source>Keep my version</source>
        <translation>Behold min versjon</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>&amp;Ta deres</translation>
    </message>
    <message>
        <source>Take their version</source>
        <translation>Ta deres versjon</translation>
    </message>
    <message>
        <source>Someone else changed “{field}” after your change. Undo would replace their version. Nothing has been overwritten. Which version should be kept?</source>
        <translation>Noen andre endret «{field}» etter din endring. Angre ville erstattet deres versjon. Ingenting er overskrevet. Hvilken versjon skal beholdes?</translation>
    </message>
    <message>
        <source>&amp;Your version (what undo puts back)</source>
        <translation>D&amp;in versjon (det angre setter tilbake)</translation>
    </message>
    <message>
        <source>Someone else changed “{field}” after your undo. Redo would replace their version. Nothing has been overwritten. Which version should be kept?</source>
        <translation>Noen andre endret «{field}» etter at du angret. Gjør om ville erstattet deres versjon. Ingenting er overskrevet. Hvilken versjon skal beholdes?</translation>
    </message>
    <message>
        <source>&amp;Your version (what redo puts back)</source>
        <translation>D&amp;in versjon (det gjør om setter tilbake)</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(fjernet)</translation>
    </message>
    <message>
        <source>Life domain</source>
        <translation>Livsområde</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Måldato</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritet</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>By when</source>
        <translation>Innen</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>Consent to peer involvement given on</source>
        <translation>Samtykke til likepersonarbeid gitt</translation>
    </message>
    <message>
        <source>Consent to peer involvement expires on</source>
        <translation>Samtykke til likepersonarbeid utløper</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Virksomhet</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Consent to share</source>
        <translation>Samtykke til deling</translation>
    </message>
    <message>
        <source>Consent given on</source>
        <translation>Samtykke gitt</translation>
    </message>
    <message>
        <source>Consent expires on</source>
        <translation>Samtykke utløper</translation>
    </message>
    <message>
        <source>What they offer</source>
        <translation>Hva de tilbyr</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Tilgjengelig</translation>
    </message>
    <message>
        <source>Paid or volunteer</source>
        <translation>Lønnet eller frivillig</translation>
    </message>
    <message>
        <source>Who to contact</source>
        <translation>Hvem som skal kontaktes</translation>
    </message>
    <message>
        <source>The goal</source>
        <translation>Målet</translation>
    </message>
    <message>
        <source>The step</source>
        <translation>Tiltaket</translation>
    </message>
    <message>
        <source>Worker&apos;s note</source>
        <translation>Arbeidsnotat</translation>
    </message>
    <message>
        <source>Shared notes</source>
        <translation>Felles notater</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutter</translation>
    </message>
    <message>
        <source>Paid minutes</source>
        <translation>Betalte minutter</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>T&amp;heir version (saved)</source>
        <translation>&amp;Deres versjon (lagret)</translation>
    </message>
</context>
<context>
    <name>ConsentNotice</name>
    <message>
        <source>{name}: consent ends in {days} days ({date}). Renew it with the person.</source>
        <extracomment>A renewed consent runs half a year unless the person says otherwise.</extracomment>
        <translation>{name}: samtykket slutter om {days} dager ({date}). Forny det sammen med personen.</translation>
    </message>
    <message>
        <source>{name}: consent ended on {date}; they see nothing of the plan until it is renewed.</source>
        <translation>{name}: samtykket sluttet {date}; de ser ingenting av planen før det er fornyet.</translation>
    </message>
    <message>
        <source>ends in {days} days</source>
        <translation>slutter om {days} dager</translation>
    </message>
    <message>
        <source>ENDED: no access</source>
        <translation>SLUTTET: ingen tilgang</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Add a crisis contact</source>
        <translation>Legg til en kontakt i krise</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Who they are</source>
        <translation>Hvem de er</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>&amp;Who they are:</source>
        <translation>&amp;Hvem de er:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
</context>
<context>
    <name>ContributionDialog</name>
    <message>
        <source>Record peer support</source>
        <translation>Registrer likepersonstøtte</translation>
    </message>
    <message>
        <source>&amp;Peer:</source>
        <translation>&amp;Likeperson:</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Likeperson</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dato:</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>&amp;Minutes:</source>
        <translation>&amp;Minutter:</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutter</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>Kind of support</source>
        <translation>Type støtte</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notat:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Paid minutes</source>
        <translation>Betalte minutter</translation>
    </message>
    <message>
        <source>Paid m&amp;inutes:</source>
        <translation>&amp;Betalte minutter:</translation>
    </message>
    <message>
        <source>Paid minutes held</source>
        <translation>Betalte minutter holdes tilbake</translation>
    </message>
</context>
<context>
    <name>ContributionModel</name>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Likeperson</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutter</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Note (the peer&apos;s words)</source>
        <translation>Notat (likepersonens egne ord)</translation>
    </message>
    <message>
        <source>Paid minutes</source>
        <translation>Betalte minutter</translation>
    </message>
    <message>
        <source>{minutes} (held)</source>
        <translation>{minutes} (holdes tilbake)</translation>
    </message>
</context>
<context>
    <name>CrisisContactModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Who they are</source>
        <translation>Hvem de er</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
</context>
<context>
    <name>CrisisSection</name>
    <message>
        <source>Signs that things are getting hard</source>
        <translation>Tegn på at det begynner å bli vanskelig</translation>
    </message>
    <message>
        <source>What can set it off</source>
        <translation>Det som kan utløse det</translation>
    </message>
    <message>
        <source>What I do</source>
        <translation>Det jeg gjør</translation>
    </message>
    <message>
        <source>What others can do</source>
        <translation>Det andre kan gjøre</translation>
    </message>
    <message>
        <source>What does not help</source>
        <translation>Det som ikke hjelper</translation>
    </message>
    <message>
        <source>Treatment I want</source>
        <translation>Behandling jeg ønsker</translation>
    </message>
    <message>
        <source>Treatment I do not want</source>
        <translation>Behandling jeg ikke ønsker</translation>
    </message>
    <message>
        <source>Who to contact in a crisis</source>
        <translation>Hvem som skal kontaktes i en krise</translation>
    </message>
    <message>
        <source>Add &amp;contact</source>
        <translation>Legg til &amp;kontakt</translation>
    </message>
    <message>
        <source>Add crisis contact</source>
        <translation>Legg til kontakt i krise</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>Fjern kontakt</translation>
    </message>
    <message>
        <source>Remove crisis contact</source>
        <translation>Fjern kontakt i krise</translation>
    </message>
    <message>
        <source>Who to contact</source>
        <translation>Hvem som skal kontaktes</translation>
    </message>
    <message>
        <source>Add a crisis contact</source>
        <translation>Legg til en kontakt i krise</translation>
    </message>
    <message>
        <source>Remove a crisis contact</source>
        <translation>Fjern en kontakt i krise</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>e.g. 14.03.2027, 14 mar or +14</source>
        <translation>f.eks. 14.03.2027, 14 mar eller +14</translation>
    </message>
    <message>
        <source>Type a date: 14.03.2027, 14 mar, or +14 for in 14 days. Alt+Down: calendar.</source>
        <translation>Skriv en dato: 14.03.2027, 14 mar, eller +14 for om 14 dager. Alt+Pil ned: kalender.</translation>
    </message>
    <message>
        <source>Choose {name} from a calendar</source>
        <translation>Velg {name} i en kalender</translation>
    </message>
    <message>
        <source>Problem with {name}</source>
        <translation>Problem med {name}</translation>
    </message>
    <message>
        <source>Write a date, like 14.03.2027 or +14.</source>
        <translation>Skriv en dato, som 14.03.2027 eller +14.</translation>
    </message>
</context>
<context>
    <name>FirstPlan</name>
    <message>
        <source>About me</source>
        <translation>Om meg</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Tiltak</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Crisis plan</source>
        <translation>Kriseplan</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>Avtale</translation>
    </message>
    <message>
        <source>write about me</source>
        <extracomment>the part&apos;s first action was done (Ctrl+Enter moves on)</extracomment>
        <translation>skrive om meg</translation>
    </message>
    <message>
        <source>add a goal</source>
        <translation>legge til et mål</translation>
    </message>
    <message>
        <source>add a step to goal {number}</source>
        <translation>legge til et tiltak for mål {number}</translation>
    </message>
    <message>
        <source>add someone to the team</source>
        <translation>legge til noen i teamet</translation>
    </message>
    <message>
        <source>write the crisis plan</source>
        <translation>skrive kriseplanen</translation>
    </message>
    <message>
        <source>read the plan back and agree it</source>
        <translation>lese gjennom planen og avtale den</translation>
    </message>
    <message>
        <source>print the plan</source>
        <translation>skrive ut planen</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Caseplan</source>
        <translation>Velkommen til Caseplan</translation>
    </message>
    <message>
        <source>There is no Caseplan database here yet ({where}). What would you like to do?</source>
        <translation>Det finnes ingen Caseplan-database her ennå ({where}). Hva vil du gjøre?</translation>
    </message>
    <message>
        <source>&amp;Create a clinic database</source>
        <translation>&amp;Opprett en database for tjenesten</translation>
    </message>
    <message>
        <source>For real work: you become its first administrator.</source>
        <translation>For ordinært arbeid: du blir den første administratoren.</translation>
    </message>
    <message>
        <source>Create a clinic database</source>
        <translation>Opprett en database for tjenesten</translation>
    </message>
    <message>
        <source>Open a &amp;demo with fictional people</source>
        <translation>Åpne en &amp;demo med oppdiktede personer</translation>
    </message>
    <message>
        <source>To try Caseplan out. Nobody in it is real.</source>
        <translation>For å prøve Caseplan. Ingen av personene finnes i virkeligheten.</translation>
    </message>
    <message>
        <source>Open a demo with fictional people</source>
        <translation>Åpne en demo med oppdiktede personer</translation>
    </message>
    <message>
        <source>The first account is the clinic&apos;s administrator. It manages accounts; team leads and practitioners get their own accounts later.</source>
        <translation>Den første kontoen er tjenestens administrator. Den styrer kontoene; ledere og behandlere får egne kontoer senere.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brukernavn</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Fullt navn</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passord</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Passord igjen</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Brukernavn:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Fullt navn:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passord:</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>Passord &amp;igjen:</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>&amp;Opprett</translation>
    </message>
    <message>
        <source>Create the clinic database</source>
        <translation>Opprett databasen</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Tilbake</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tilbake</translation>
    </message>
    <message>
        <source>What is happening</source>
        <translation>Hva som skjer</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Framdrift</translation>
    </message>
    <message>
        <source>Please fill in a user name and a full name.</source>
        <translation>Fyll inn brukernavn og fullt navn.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>De to passordene er ikke like.</translation>
    </message>
    <message>
        <source>Creating the clinic database…</source>
        <translation>Oppretter databasen …</translation>
    </message>
    <message>
        <source>Creating a demo with {count} fictional people…</source>
        <translation>Lager en demo med {count} oppdiktede personer …</translation>
    </message>
</context>
<context>
    <name>GoalChoiceModel</name>
    <message>
        <source>(no words yet)</source>
        <translation>(ingen ord ennå)</translation>
    </message>
    <message>
        <source>{words} ({domain}; {status})</source>
        <translation>{words} ({domain}; {status})</translation>
    </message>
    <message>
        <source>Space ticks or unticks the chosen goal.</source>
        <translation>Mellomrom krysser av eller fjerner krysset for det valgte målet.</translation>
    </message>
</context>
<context>
    <name>GoalPage</name>
    <message>
        <source>Goal {number} of {total} · {domain}</source>
        <translation>Mål {number} av {total} · {domain}</translation>
    </message>
    <message>
        <source>The goal</source>
        <translation>Målet</translation>
    </message>
    <message>
        <source>So far:</source>
        <translation>Så langt:</translation>
    </message>
    <message>
        <source>&amp;How far have you come? 0 is not started, 10 is there.</source>
        <translation>&amp;Hvor langt har du kommet? 0 er ikke begynt, 10 er i mål.</translation>
    </message>
    <message>
        <source>{name}&apos;s rating</source>
        <translation>Vurderingen til {name}</translation>
    </message>
    <message>
        <source>What helped</source>
        <translation>Dette hjalp</translation>
    </message>
    <message>
        <source>What got in the way</source>
        <translation>Dette sto i veien</translation>
    </message>
    <message>
        <source>What do we do with this goal now?</source>
        <translation>Hva gjør vi med dette målet nå?</translation>
    </message>
    <message>
        <source>&amp;Keep working on it</source>
        <translation>&amp;Fortsette med det</translation>
    </message>
    <message>
        <source>&amp;Change it</source>
        <translation>&amp;Endre det</translation>
    </message>
    <message>
        <source>&amp;Reached</source>
        <translation>&amp;Målet er nådd</translation>
    </message>
    <message>
        <source>&amp;Let it go</source>
        <translation>Legge det &amp;bort</translation>
    </message>
    <message>
        <source>Others here may rate too (kept apart)</source>
        <translation>Andre som er her, kan også vurdere (holdes for seg)</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>ikke vurdert</translation>
    </message>
</context>
<context>
    <name>GoalTreeModel</name>
    <message>
        <source>Goal or step</source>
        <translation>Mål eller tiltak</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>By when</source>
        <translation>Innen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Life domain</source>
        <translation>Livsområde</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Tiltak</translation>
    </message>
</context>
<context>
    <name>GoalsSection</name>
    <message>
        <source>Goals and steps</source>
        <translation>Mål og tiltak</translation>
    </message>
    <message>
        <source>Goals grouped by life domain. Alt+Up and Alt+Down move the selected one.</source>
        <translation>Mål gruppert etter livsområde. Alt+Opp og Alt+Ned flytter det valgte.</translation>
    </message>
    <message>
        <source>Add &amp;goal</source>
        <translation>Legg til &amp;mål</translation>
    </message>
    <message>
        <source>Add a goal (Ctrl+G)</source>
        <translation>Legg til et mål (Ctrl+G)</translation>
    </message>
    <message>
        <source>Add &amp;step</source>
        <translation>Legg til &amp;tiltak</translation>
    </message>
    <message>
        <source>Add a step (Ctrl+T)</source>
        <translation>Legg til et tiltak (Ctrl+T)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Flytt &amp;opp</translation>
    </message>
    <message>
        <source>Move up (Alt+Up)</source>
        <translation>Flytt opp (Alt+Opp)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Flytt &amp;ned</translation>
    </message>
    <message>
        <source>Move down (Alt+Down)</source>
        <translation>Flytt ned (Alt+Ned)</translation>
    </message>
    <message>
        <source>&amp;Close goal</source>
        <translation>&amp;Avslutt mål</translation>
    </message>
    <message>
        <source>Close the goal</source>
        <translation>Avslutt målet</translation>
    </message>
    <message>
        <source>Choose a goal or a step to see and change it, or add a goal (Ctrl+G).</source>
        <translation>Velg et mål eller et tiltak for å se og endre det, eller legg til et mål (Ctrl+G).</translation>
    </message>
    <message>
        <source>Life domain of the goal</source>
        <translation>Målets livsområde</translation>
    </message>
    <message>
        <source>The goal</source>
        <translation>Målet</translation>
    </message>
    <message>
        <source>Goal target date</source>
        <translation>Måldato</translation>
    </message>
    <message>
        <source>Goal status</source>
        <translation>Målets status</translation>
    </message>
    <message>
        <source>The step</source>
        <translation>Tiltaket</translation>
    </message>
    <message>
        <source>Who is responsible for the step</source>
        <translation>Hvem som har ansvar for tiltaket</translation>
    </message>
    <message>
        <source>Step due date</source>
        <translation>Frist for tiltaket</translation>
    </message>
    <message>
        <source>Step status</source>
        <translation>Tiltakets status</translation>
    </message>
    <message>
        <source>Worker&apos;s note on the goal</source>
        <translation>Arbeidsnotat om målet</translation>
    </message>
    <message>
        <source>Worker&apos;s note on the step</source>
        <translation>Arbeidsnotat om tiltaket</translation>
    </message>
    <message>
        <source>Change the goal</source>
        <translation>Endre målet</translation>
    </message>
    <message>
        <source>Change the step</source>
        <translation>Endre tiltaket</translation>
    </message>
    <message>
        <source>Choose a goal or a step to see it.</source>
        <translation>Velg et mål eller et tiltak for å se det.</translation>
    </message>
    <message>
        <source>Choose the goal the step is for first.</source>
        <translation>Velg først målet tiltaket hører til.</translation>
    </message>
    <message>
        <source>Life do&amp;main:</source>
        <translation>Livsområd&amp;e:</translation>
    </message>
    <message>
        <source>Ta&amp;rget date:</source>
        <translation>Mål&amp;dato:</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>Hv&amp;em:</translation>
    </message>
    <message>
        <source>&amp;By when:</source>
        <translation>Innen (&amp;dato):</translation>
    </message>
</context>
<context>
    <name>GuideBar</name>
    <message>
        <source>First plan</source>
        <translation>Første plan</translation>
    </message>
    <message>
        <source>Ctrl+G goal · Ctrl+T step · Ctrl+M team member · Space: step done · Alt+Up/Down: move · Ctrl+Z undo · Ctrl+Shift+Z redo</source>
        <translation>Ctrl+G mål · Ctrl+T tiltak · Ctrl+M teammedlem · Mellomrom: tiltak utført · Alt+Opp/Ned: flytt · Ctrl+Z angre · Ctrl+Shift+Z gjør om</translation>
    </message>
    <message>
        <source>First plan: </source>
        <translation>Første plan: </translation>
    </message>
    <message>
        <source>Next: {what} (Ctrl+Enter)</source>
        <translation>Neste: {what} (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Caseplan user guide</source>
        <translation>Brukerveiledning for Caseplan</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Brukerveiledning</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Hurtigtaster</translation>
    </message>
</context>
<context>
    <name>HistorySection</name>
    <message>
        <source>Plans over time</source>
        <translation>Planer over tid</translation>
    </message>
    <message>
        <source>Agreed versions of this plan, each as it was agreed</source>
        <translation>Avtalte versjoner av denne planen, hver slik den ble avtalt</translation>
    </message>
    <message>
        <source>Plans over time, newest first.</source>
        <translation>Planer over tid, nyeste først.</translation>
    </message>
    <message>
        <source>Save this &amp;version as PDF…</source>
        <translation>Lagre denne &amp;versjonen som PDF …</translation>
    </message>
    <message>
        <source>The version as it was agreed, with the signatures given then</source>
        <translation>Versjonen slik den ble avtalt, med underskriftene som ble gitt da</translation>
    </message>
    <message>
        <source>&amp;Agreed versions of this plan, each as it was agreed:</source>
        <translation>&amp;Avtalte versjoner av denne planen, hver slik den ble avtalt:</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Lagre som PDF</translation>
    </message>
    <message>
        <source>plan-version-{number}.pdf</source>
        <translation>planversjon-{number}.pdf</translation>
    </message>
    <message>
        <source>&amp;Open this version…</source>
        <translation>&amp;Åpne denne versjonen …</translation>
    </message>
    <message>
        <source>Read the version on screen exactly as it was agreed (Enter)</source>
        <translation>Les versjonen på skjermen nøyaktig slik den ble avtalt (Enter)</translation>
    </message>
    <message>
        <source>&amp;Agreed versions of the closed plan chosen above:</source>
        <translation>&amp;Avtalte versjoner av den lukkede planen som er valgt over:</translation>
    </message>
</context>
<context>
    <name>ImportedModel</name>
    <message>
        <source>Imported from a file on {date} by {account}</source>
        <translation>Importert fra en fil {date} av {account}</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Likeperson</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisasjon</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Paid time</source>
        <translation>Betalt tid</translation>
    </message>
    <message>
        <source>Where it came from</source>
        <translation>Hvor det kom fra</translation>
    </message>
</context>
<context>
    <name>ImportedPanel</name>
    <message>
        <source>Imported peer contributions</source>
        <translation>Importerte likepersonbidrag</translation>
    </message>
    <message>
        <source>&amp;Accept for payment</source>
        <translation>&amp;Godta for utbetaling</translation>
    </message>
    <message>
        <source>Accept for payment</source>
        <translation>Godta for utbetaling</translation>
    </message>
    <message>
        <source>Imported from a file, waiting for a team lead: {count} (not counted above until accepted)</source>
        <translation>Importert fra en fil, venter på teamleder: {count} (ikke talt med ovenfor før de er godtatt)</translation>
    </message>
    <message>
        <source>Accepted: {peer}, {date}.</source>
        <translation>Godtatt: {peer}, {date}.</translation>
    </message>
</context>
<context>
    <name>KeepWords</name>
    <message>
        <source>Throw away what you typed?</source>
        <translation>Kaste det du skrev?</translation>
    </message>
    <message>
        <source>What you typed here has not been saved yet. Throw it away?</source>
        <translation>Det du skrev her er ikke lagret ennå. Vil du kaste det?</translation>
    </message>
    <message>
        <source>&amp;Keep writing</source>
        <translation>&amp;Skriv videre</translation>
    </message>
    <message>
        <source>&amp;Throw it away</source>
        <translation>&amp;Kast det</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Language</source>
        <extracomment>&quot;nb&quot;, &quot;en&quot;, or &quot;&quot; for the computer&apos;s own language Each language is named in itself, so it can be found whatever the screens are in now.</extracomment>
        <translation>Språk</translation>
    </message>
    <message>
        <source>The language of the screens on this computer:</source>
        <translation>Språket på skjermbildene på denne datamaskinen:</translation>
    </message>
    <message>
        <source>&amp;Follow this computer&apos;s language</source>
        <translation>&amp;Følg språket på denne datamaskinen</translation>
    </message>
    <message>
        <source>Printed plans are always in the person&apos;s own language, whatever the screens use. The screens change as soon as you choose OK; what you typed is kept.</source>
        <translation>Utskrevne planer er alltid på personens eget språk, uansett hva skjermbildene bruker. Skjermbildene bytter språk så snart du velger OK; det du har skrevet, blir tatt vare på.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Lock message</source>
        <translation>Låsemelding</translation>
    </message>
    <message>
        <source>Signed in as {account}. Type the password of this account.</source>
        <translation>Innlogget som {account}. Skriv passordet til denne kontoen.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passord</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passord:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>Lås &amp;opp</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås opp</translation>
    </message>
    <message>
        <source>&amp;Quit Caseplan</source>
        <translation>&amp;Avslutt Caseplan</translation>
    </message>
    <message>
        <source>Quit Caseplan</source>
        <translation>Avslutt Caseplan</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Screen hidden — sign in to continue</source>
        <translation>Skjermen er skjult – logg inn for å fortsette</translation>
    </message>
    <message>
        <source>Locked after a time without use — sign in to continue</source>
        <translation>Låst etter en stund uten bruk – logg inn for å fortsette</translation>
    </message>
    <message>
        <source>Please type your password.</source>
        <translation>Skriv passordet ditt.</translation>
    </message>
    <message>
        <source>&amp;Sign out</source>
        <translation>&amp;Logg ut</translation>
    </message>
    <message>
        <source>Someone else signs in on this computer</source>
        <translation>En annen logger inn på denne datamaskinen</translation>
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
        <extracomment>the workspace section last shown</extracomment>
        <translation>Database: {where}</translation>
    </message>
    <message>
        <source>Database location</source>
        <translation>Databasens plassering</translation>
    </message>
    <message>
        <source>practitioner</source>
        <translation>behandler</translation>
    </message>
    <message>
        <source>team lead</source>
        <translation>leder</translation>
    </message>
    <message>
        <source>peer worker</source>
        <translation>erfaringskonsulent</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>{account} ({role})</source>
        <translation>{account} ({role})</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Forhåndsvis utskrift</translation>
    </message>
    <message>
        <source>Agree the plan</source>
        <translation>Avtal planen</translation>
    </message>
    <message>
        <source>Meeting mode</source>
        <translation>Møtemodus</translation>
    </message>
</context>
<context>
    <name>MeetingEditing</name>
    <message>
        <source>Add a goal first (Ctrl+G).</source>
        <extracomment>the dialog open now (one at a time), for tests and for closing on a lock</extracomment>
        <translation>Legg til et mål først (Ctrl+G).</translation>
    </message>
    <message>
        <source>Mark a step done</source>
        <translation>Merk et tiltak som utført</translation>
    </message>
    <message>
        <source>Mark a step not done</source>
        <translation>Merk et tiltak som ikke utført</translation>
    </message>
    <message>
        <source>The step</source>
        <translation>Tiltaket</translation>
    </message>
    <message>
        <source>Who is it?</source>
        <translation>Hvem er det?</translation>
    </message>
    <message>
        <source>Change consent to peer involvement</source>
        <translation>Endre samtykke til likepersoner</translation>
    </message>
    <message>
        <source>Consent to peer involvement</source>
        <translation>Samtykke til likepersoner</translation>
    </message>
    <message>
        <source>Renew consent</source>
        <translation>Forny samtykke</translation>
    </message>
</context>
<context>
    <name>MeetingModel</name>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Til stede</translation>
    </message>
    <message>
        <source>Plan agreed</source>
        <translation>Plan avtalt</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Shared notes</source>
        <translation>Felles notater</translation>
    </message>
</context>
<context>
    <name>MeetingView</name>
    <message>
        <source>Meeting mode</source>
        <extracomment>Type size in meeting mode at zoom 1.0, relative to the application&apos;s normal size.</extracomment>
        <translation>Møtemodus</translation>
    </message>
    <message>
        <source>Leave meeting mode (Esc)</source>
        <extracomment>what takes the keyboard on the page, by key (&quot;about_me.…&quot;, &quot;goal.&lt;id&gt;&quot;, &quot;step.&lt;id&gt;&quot;)</extracomment>
        <translation>Gå ut av møtemodus (Esc)</translation>
    </message>
    <message>
        <source>Leave meeting mode</source>
        <translation>Gå ut av møtemodus</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Mindre tekst</translation>
    </message>
    <message>
        <source>Smaller text (Ctrl+minus)</source>
        <translation>Mindre tekst (Ctrl+minus)</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Større tekst</translation>
    </message>
    <message>
        <source>Larger text (Ctrl+plus)</source>
        <translation>Større tekst (Ctrl+pluss)</translation>
    </message>
    <message>
        <source>Read it back and agree…</source>
        <translation>Les gjennom og avtal …</translation>
    </message>
    <message>
        <source>Read the plan back and agree it</source>
        <translation>Les gjennom planen og avtal den</translation>
    </message>
    <message>
        <source>The plan</source>
        <translation>Planen</translation>
    </message>
    <message>
        <source>There is no plan yet.</source>
        <extracomment>the changes meeting mode shows a little room above it</extracomment>
        <translation>Det er ingen plan ennå.</translation>
    </message>
    <message>
        <source>{name}&apos;s plan</source>
        <translation>Planen til {name}</translation>
    </message>
    <message>
        <source>We look at the plan again together on {date}.</source>
        <translation>Vi ser på planen sammen igjen {date}.</translation>
    </message>
    <message>
        <source>in {name}&apos;s own words</source>
        <translation>med {name}s egne ord</translation>
    </message>
    <message>
        <source>Nothing written yet. You can write it together.</source>
        <translation>Ingenting skrevet ennå. Dere kan skrive det sammen.</translation>
    </message>
    <message>
        <source>What matters to me</source>
        <translation>Det som er viktig for meg</translation>
    </message>
    <message>
        <source>What I am good at</source>
        <translation>Det jeg er god til</translation>
    </message>
    <message>
        <source>What helps me</source>
        <translation>Det som hjelper meg</translation>
    </message>
    <message>
        <source>What does not help me</source>
        <translation>Det som ikke hjelper meg</translation>
    </message>
    <message>
        <source>How I want to be met</source>
        <translation>Slik vil jeg bli møtt</translation>
    </message>
    <message>
        <source>About me</source>
        <translation>Om meg</translation>
    </message>
    <message>
        <source>My goals</source>
        <translation>Mine mål</translation>
    </message>
    <message>
        <source>No goals written down yet.</source>
        <translation>Ingen mål skrevet ned ennå.</translation>
    </message>
    <message>
        <source>Goal {number} · {domain}</source>
        <translation>Mål {number} · {domain}</translation>
    </message>
    <message>
        <source>No steps yet.</source>
        <translation>Ingen tiltak ennå.</translation>
    </message>
    <message>
        <source>who: me</source>
        <translation>hvem: meg</translation>
    </message>
    <message>
        <source>who: {name}</source>
        <translation>hvem: {name}</translation>
    </message>
    <message>
        <source>by {date}</source>
        <translation>innen {date}</translation>
    </message>
    <message>
        <source>My team</source>
        <translation>Teamet mitt</translation>
    </message>
    <message>
        <source>my coordinator</source>
        <translation>koordinatoren min</translation>
    </message>
    <message>
        <source>my peer supporter</source>
        <translation>likepersonen min</translation>
    </message>
    <message>
        <source>me</source>
        <translation>meg</translation>
    </message>
    <message>
        <source>phone {number}</source>
        <translation>telefon {number}</translation>
    </message>
    <message>
        <source>If things get hard</source>
        <translation>Hvis det blir vanskelig</translation>
    </message>
    <message>
        <source>Signs that things are getting hard</source>
        <translation>Tegn på at det begynner å bli vanskelig</translation>
    </message>
    <message>
        <source>What I do then</source>
        <translation>Det gjør jeg da</translation>
    </message>
    <message>
        <source>What others can do</source>
        <translation>Det kan andre gjøre</translation>
    </message>
    <message>
        <source>What does not help then</source>
        <translation>Det som ikke hjelper da</translation>
    </message>
    <message>
        <source>Who to call</source>
        <translation>Hvem jeg kan ringe</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Step, done</source>
        <translation>Tiltak, utført</translation>
    </message>
    <message>
        <source>Step, not done yet</source>
        <translation>Tiltak, ikke utført ennå</translation>
    </message>
    <message>
        <source>What can set it off</source>
        <translation>Det som kan utløse det</translation>
    </message>
    <message>
        <source>Treatment I want</source>
        <translation>Behandling jeg ønsker</translation>
    </message>
    <message>
        <source>Treatment I do not want</source>
        <translation>Behandling jeg ikke ønsker</translation>
    </message>
    <message>
        <source>Someone not yet on the team…</source>
        <translation>Noen som ikke er i teamet ennå …</translation>
    </message>
    <message>
        <source>Renew consent…</source>
        <translation>Forny samtykke …</translation>
    </message>
    <message>
        <source>Renew consent</source>
        <translation>Forny samtykke</translation>
    </message>
</context>
<context>
    <name>MeetingsSection</name>
    <message>
        <source>Meetings</source>
        <translation>Møter</translation>
    </message>
    <message>
        <source>&amp;New meeting today</source>
        <translation>&amp;Nytt møte i dag</translation>
    </message>
    <message>
        <source>New meeting today</source>
        <translation>Nytt møte i dag</translation>
    </message>
    <message>
        <source>Shared notes</source>
        <translation>Felles notater</translation>
    </message>
    <message>
        <source>Worker&apos;s note</source>
        <translation>Arbeidsnotat</translation>
    </message>
    <message>
        <source>Print what we agreed at the chosen meeting, for the person to take home</source>
        <translation>Skriv ut det vi ble enige om på det valgte møtet, så personen kan ta det med hjem</translation>
    </message>
    <message>
        <source>Print &amp;what we agreed…</source>
        <translation>Skriv ut &amp;det vi ble enige om …</translation>
    </message>
</context>
<context>
    <name>NextPlanDialog</name>
    <message>
        <source>Start the next plan</source>
        <translation>Start neste plan</translation>
    </message>
    <message>
        <source>The plan starts today, with the person on the team, and is first reviewed on {review}.</source>
        <translation>Planen starter i dag, med personen i teamet, og evalueres første gang {review}.</translation>
    </message>
    <message>
        <source>The last plan was closed on {closed} ({reason}). The next one starts today with the same team and crisis plan, and is first reviewed on {review}.</source>
        <translation>Den forrige planen ble lukket {closed} ({reason}). Den neste starter i dag med samme team og kriseplan, og evalueres første gang {review}.</translation>
    </message>
    <message>
        <source>The next plan starts today with the same team and crisis plan, and is first reviewed on {review}.</source>
        <translation>Den neste planen starter i dag med samme team og kriseplan, og evalueres første gang {review}.</translation>
    </message>
    <message>
        <source>&amp;Which goals come along to the next plan (the person chooses):</source>
        <translation>&amp;Hvilke mål blir med til neste plan (personen velger):</translation>
    </message>
    <message>
        <source>&amp;Start the next plan</source>
        <translation>&amp;Start neste plan</translation>
    </message>
</context>
<context>
    <name>OverviewListModel</name>
    <message>
        <source>Reviews overdue</source>
        <extracomment>what a column sorts by (dates as ISO text, names folded): set on every cell</extracomment>
        <translation>Evalueringer på overtid</translation>
    </message>
    <message>
        <source>Reviews due within 30 days</source>
        <translation>Evalueringer innen 30 dager</translation>
    </message>
    <message>
        <source>Plans in draft, never agreed</source>
        <translation>Planer i utkast, aldri avtalt</translation>
    </message>
    <message>
        <source>Plans changed since agreed (unsigned)</source>
        <translation>Planer endret etter avtale (ikke signert)</translation>
    </message>
    <message>
        <source>Consents expired</source>
        <translation>Samtykker som er utløpt</translation>
    </message>
    <message>
        <source>Consents ending within 30 days</source>
        <translation>Samtykker som utløper innen 30 dager</translation>
    </message>
    <message>
        <source>Steps overdue</source>
        <translation>Tiltak over fristen</translation>
    </message>
    <message>
        <source>No contact in {weeks} weeks</source>
        <translation>Ingen kontakt på {weeks} uker</translation>
    </message>
    <message>
        <source>New people with no goal yet</source>
        <translation>Nye personer uten mål ennå</translation>
    </message>
    <message>
        <source>Review was due</source>
        <translation>Evalueringen skulle vært</translation>
    </message>
    <message>
        <source>Review due</source>
        <translation>Evaluering innen</translation>
    </message>
    <message>
        <source>Plan started</source>
        <translation>Planen startet</translation>
    </message>
    <message>
        <source>Last agreed</source>
        <translation>Sist avtalt</translation>
    </message>
    <message>
        <source>Consent ended</source>
        <translation>Samtykket utløp</translation>
    </message>
    <message>
        <source>Consent ends</source>
        <translation>Samtykket utløper</translation>
    </message>
    <message>
        <source>Step was due</source>
        <translation>Frist for tiltaket</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Siste kontakt</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrert</translation>
    </message>
    <message>
        <source>Consent to peer involvement</source>
        <translation>Samtykke til likepersonarbeid</translation>
    </message>
    <message>
        <source>Changed since version {number}</source>
        <translation>Endret siden versjon {number}</translation>
    </message>
    <message>
        <source>No contact recorded</source>
        <translation>Ingen kontakt registrert</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Gjelder</translation>
    </message>
    <message>
        <source>(no coordinator)</source>
        <translation>(ingen koordinator)</translation>
    </message>
    <message>
        <source>Due within 30 days</source>
        <translation>Innen 30 dager</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <extracomment>the workspace section each list opens a person at the window&apos;s way to the list of people, beside the heading</extracomment>
        <translation>Oversikt</translation>
    </message>
    <message>
        <source>Reviews per coordinator</source>
        <translation>Evalueringer per koordinator</translation>
    </message>
    <message>
        <source>Peer time</source>
        <translation>Likepersontid</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> uker</translation>
    </message>
    <message>
        <source>No contact after</source>
        <translation>Ingen kontakt etter</translation>
    </message>
    <message>
        <source>Weeks without contact before someone is listed</source>
        <translation>Uker uten kontakt før en person kommer på listen</translation>
    </message>
    <message>
        <source>&amp;No contact after:</source>
        <translation>Ingen &amp;kontakt etter:</translation>
    </message>
    <message>
        <source>Reviews per coordinator:</source>
        <extracomment>the window puts its way to the people here</extracomment>
        <translation>Evalueringer per koordinator:</translation>
    </message>
    <message>
        <source>The list shown</source>
        <translation>Listen som vises</translation>
    </message>
    <message>
        <source>Search the list</source>
        <translation>Søk i listen</translation>
    </message>
    <message>
        <source>The list behind the count</source>
        <translation>Listen bak tallet</translation>
    </message>
    <message>
        <source>Rows shown</source>
        <translation>Rader som vises</translation>
    </message>
    <message>
        <source>&amp;Open person</source>
        <translation>&amp;Åpne personen</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>Skriv &amp;ut …</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Lagre som P&amp;DF …</translation>
    </message>
    <message>
        <source>Save as &amp;CSV…</source>
        <translation>Lagre som &amp;CSV …</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Søk:</translation>
    </message>
    <message>
        <source>Overview, {date}</source>
        <translation>Oversikt, {date}</translation>
    </message>
    <message>
        <source>Everyone in the clinic.</source>
        <translation>Alle i tjenesten.</translation>
    </message>
    <message>
        <source>Your people: those whose team you are on.</source>
        <translation>Dine personer: de du er med i teamet til.</translation>
    </message>
    <message>
        <source>Peer time this month so far: {this} (paid {this_paid}); last month: {last} (paid {last_paid}).</source>
        <translation>Likepersontid hittil denne måneden: {this} (betalt {this_paid}); forrige måned: {last} (betalt {last_paid}).</translation>
    </message>
    <message>
        <source>{name}: {count} (people: {people})</source>
        <translation>{name}: {count} (personer: {people})</translation>
    </message>
    <message>
        <source>{name}: {count}</source>
        <translation>{name}: {count}</translation>
    </message>
    <message>
        <source>Choose a count to see who it is.</source>
        <translation>Velg et tall for å se hvem det gjelder.</translation>
    </message>
    <message>
        <source>Rows: {shown} of {total}</source>
        <translation>Rader: {shown} av {total}</translation>
    </message>
    <message>
        <source>Rows: {total}</source>
        <translation>Rader: {total}</translation>
    </message>
    <message>
        <source>Save as CSV</source>
        <translation>Lagre som CSV</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Lagre som PDF</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Print the list</source>
        <translation>Skriv ut listen</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Skriver ut …</translation>
    </message>
    <message>
        <source>Re&amp;minder letters…</source>
        <translation>Påmin&amp;nelsesbrev …</translation>
    </message>
    <message>
        <source>A letter to each person whose review is due or overdue, in their language</source>
        <translation>Et brev til hver person som snart skal ha eller skulle hatt evaluering, på deres språk</translation>
    </message>
    <message>
        <source>Save the reminder letters as PDF</source>
        <translation>Lagre påminnelsesbrevene som PDF</translation>
    </message>
    <message>
        <source>Letters: {count}.</source>
        <translation>Brev: {count}.</translation>
    </message>
    <message>
        <source>No address on record for {count} people: reach them another way.</source>
        <translation>Ingen adresse registrert for {count} personer: nå dem på en annen måte.</translation>
    </message>
</context>
<context>
    <name>OwnWordsEdit</name>
    <message>
        <source>In {name}&apos;s own words · shared and printed</source>
        <translation>Med {name}s egne ord · deles og skrives ut</translation>
    </message>
    <message>
        <source>In the person&apos;s own words · shared and printed</source>
        <translation>Med personens egne ord · deles og skrives ut</translation>
    </message>
</context>
<context>
    <name>PagesAndText</name>
    <message>
        <source>The pages as text</source>
        <translation>Sidene som tekst</translation>
    </message>
    <message>
        <source>As it will print</source>
        <translation>Slik den blir skrevet ut</translation>
    </message>
    <message>
        <source>As text</source>
        <translation>Som tekst</translation>
    </message>
    <message>
        <source>Every word of the pages, for a screen reader</source>
        <translation>Hvert ord på sidene, for en skjermleser</translation>
    </message>
    <message>
        <source>Page {number} of {total}</source>
        <translation>Side {number} av {total}</translation>
    </message>
</context>
<context>
    <name>ParticipantDialog</name>
    <message>
        <source>Team member</source>
        <translation>Deltaker</translation>
    </message>
    <message>
        <source>Add to the team</source>
        <translation>Legg til i teamet</translation>
    </message>
    <message>
        <source>Consent given on</source>
        <translation>Samtykke gitt</translation>
    </message>
    <message>
        <source>Consent expires on</source>
        <translation>Samtykke utløper</translation>
    </message>
    <message>
        <source>For example: has been through LAR; housing</source>
        <translation>For eksempel: har vært gjennom LAR; bolig</translation>
    </message>
    <message>
        <source>For example: weekdays 9–15</source>
        <translation>For eksempel: hverdager 9–15</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Their Caseplan &amp;account:</source>
        <translation>Deres Caseplan-&amp;konto:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Virksomhet:</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Virksomhet</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-post:</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>&amp;Consent to share:</source>
        <translation>&amp;Samtykke til deling:</translation>
    </message>
    <message>
        <source>Consent to share</source>
        <translation>Samtykke til deling</translation>
    </message>
    <message>
        <source>Consent &amp;given on:</source>
        <translation>Samtykke &amp;gitt:</translation>
    </message>
    <message>
        <source>Consent e&amp;xpires on:</source>
        <translation>Samtykke &amp;utløper:</translation>
    </message>
    <message>
        <source>What they o&amp;ffer:</source>
        <translation>Hva de tilb&amp;yr:</translation>
    </message>
    <message>
        <source>What they offer</source>
        <translation>Hva de tilbyr</translation>
    </message>
    <message>
        <source>A&amp;vailability:</source>
        <translation>T&amp;ilgjengelig:</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Tilgjengelig</translation>
    </message>
    <message>
        <source>Paid or vol&amp;unteer:</source>
        <translation>Lønnet eller &amp;frivillig:</translation>
    </message>
    <message>
        <source>Paid or volunteer</source>
        <translation>Lønnet eller frivillig</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Please give the day the person agreed to share their plan with this team member, or choose that they see nothing.</source>
        <translation>Skriv inn dagen personen samtykket til å dele planen sin med denne deltakeren, eller velg at deltakeren ikke ser noe.</translation>
    </message>
</context>
<context>
    <name>PeerChart</name>
    <message>
        <source>paid</source>
        <extracomment>paid, held (peer not verified), not paid</extracomment>
        <translation>betalt</translation>
    </message>
    <message>
        <source>held: peer not verified</source>
        <translation>holdt tilbake: likeperson ikke bekreftet</translation>
    </message>
    <message>
        <source>not paid</source>
        <translation>ikke betalt</translation>
    </message>
    <message>
        <source>Peer hours per month by peer</source>
        <translation>Likepersontimer per måned per likeperson</translation>
    </message>
    <message>
        <source>The same figures are in the table below.</source>
        <translation>De samme tallene står i tabellen under.</translation>
    </message>
    <message>
        <source>No peer time was recorded in the last 12 months.</source>
        <translation>Ingen likepersontid er registrert de siste 12 månedene.</translation>
    </message>
    <message>
        <source>{hours} in all</source>
        <translation>{hours} i alt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Betalt</translation>
    </message>
    <message>
        <source>Held: peer not verified</source>
        <translation>Holdt tilbake: likeperson ikke bekreftet</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Likeperson</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Sum</translation>
    </message>
</context>
<context>
    <name>PeerConsentDialog</name>
    <message>
        <source>Consent to peer involvement</source>
        <translation>Samtykke til likepersonarbeid</translation>
    </message>
    <message>
        <source>Consent to peer involvement given on</source>
        <translation>Samtykke til likepersonarbeid gitt</translation>
    </message>
    <message>
        <source>Consent to peer involvement expires on</source>
        <translation>Samtykke til likepersonarbeid utløper</translation>
    </message>
    <message>
        <source>Without the person&apos;s consent, no peer can join the team and no peer worker can open the plan.</source>
        <translation>Uten personens samtykke kan ingen likeperson bli med i teamet, og ingen erfaringskonsulent kan åpne planen.</translation>
    </message>
    <message>
        <source>&amp;Given on:</source>
        <translation>&amp;Gitt:</translation>
    </message>
    <message>
        <source>E&amp;xpires on:</source>
        <translation>&amp;Utløper:</translation>
    </message>
</context>
<context>
    <name>PeerHoursDialog</name>
    <message>
        <source>Peer hours</source>
        <translation>Likepersontimer</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Fra:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Til:</translation>
    </message>
    <message>
        <source>Peer hours in total</source>
        <translation>Likepersontimer i alt</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Save as &amp;CSV…</source>
        <translation>Lagre som &amp;CSV …</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Lagre som &amp;PDF …</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Peers: {peers} · People supported: {people} · Contributions: {count} · Time: {time} · Paid: {paid} ({minutes} minutes)</source>
        <translation>Likepersoner: {peers} · Personer som fikk støtte: {people} · Bidrag: {count} · Tid: {time} · Betalt: {paid} ({minutes} minutter)</translation>
    </message>
    <message>
        <source>No peer support was recorded in this period.</source>
        <translation>Ingen likepersonstøtte ble registrert i denne perioden.</translation>
    </message>
    <message>
        <source>Save as CSV</source>
        <translation>Lagre som CSV</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Lagre som PDF</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Print the peer hours report</source>
        <translation>Skriv ut rapporten over likepersontimer</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Skriver ut …</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>Skriv &amp;ut …</translation>
    </message>
</context>
<context>
    <name>PeerHoursModel</name>
    <message>
        <source>Total for {name} (people: {count})</source>
        <translation>Sum for {name} (personer: {count})</translation>
    </message>
    <message>
        <source>All peers</source>
        <translation>Alle likepersoner</translation>
    </message>
    <message>
        <source>People supported: {count}</source>
        <translation>Personer som fikk støtte: {count}</translation>
    </message>
    <message>
        <source>Account {name}</source>
        <translation>Konto {name}</translation>
    </message>
    <message>
        <source>No account, verified by a team lead</source>
        <translation>Ingen konto, bekreftet av teamleder</translation>
    </message>
    <message>
        <source>No account, not verified: paid time held ({minutes} minutes)</source>
        <translation>Ingen konto, ikke bekreftet: betalt tid holdes tilbake ({minutes} minutter)</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Likeperson</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisasjon</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identitet</translation>
    </message>
    <message>
        <source>Paid or volunteer</source>
        <translation>Lønnet eller frivillig</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Contributions</source>
        <translation>Bidrag</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Paid time</source>
        <translation>Betalt tid</translation>
    </message>
    <message>
        <source>Paid minutes</source>
        <translation>Betalte minutter</translation>
    </message>
</context>
<context>
    <name>PeerModel</name>
    <message>
        <source>Peer</source>
        <translation>Likeperson</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisasjon</translation>
    </message>
    <message>
        <source>What they offer</source>
        <translation>Hva de tilbyr</translation>
    </message>
    <message>
        <source>How to reach them</source>
        <translation>Slik nås de</translation>
    </message>
    <message>
        <source>Paid or volunteer</source>
        <translation>Lønnet eller frivillig</translation>
    </message>
</context>
<context>
    <name>PeerSection</name>
    <message>
        <source>My peers</source>
        <translation>Mine likepersoner</translation>
    </message>
    <message>
        <source>What my peer and I will do together</source>
        <translation>Det min likeperson og jeg skal gjøre sammen</translation>
    </message>
    <message>
        <source>Peer support</source>
        <translation>Likepersonstøtte</translation>
    </message>
    <message>
        <source>Consent to peer involvement</source>
        <translation>Samtykke til likepersonarbeid</translation>
    </message>
    <message>
        <source>Meetings with a peer present</source>
        <translation>Møter der en likeperson var med</translation>
    </message>
    <message>
        <source>&amp;Record peer support</source>
        <translation>&amp;Registrer likepersonstøtte</translation>
    </message>
    <message>
        <source>Record peer support</source>
        <translation>Registrer likepersonstøtte</translation>
    </message>
    <message>
        <source>Peer support in total</source>
        <translation>Likepersonstøtte i alt</translation>
    </message>
    <message>
        <source>What my peer did</source>
        <translation>Det likepersonen har gjort</translation>
    </message>
    <message>
        <source>In total {minutes} minutes, {paid} of them paid</source>
        <translation>I alt {minutes} minutter, {paid} av dem betalt</translation>
    </message>
    <message>
        <source>In total {minutes} minutes, {paid} of them paid ({held} held until a team lead verifies the peer)</source>
        <translation>I alt {minutes} minutter, {paid} av dem betalt ({held} holdes tilbake til en teamleder har bekreftet likepersonen)</translation>
    </message>
    <message>
        <source>Meetings with a peer present: {dates}</source>
        <translation>Møter der en likeperson var med: {dates}</translation>
    </message>
    <message>
        <source>No meeting with a peer present yet.</source>
        <translation>Ingen møter med likeperson ennå.</translation>
    </message>
    <message>
        <source>Add a peer to the team first.</source>
        <translation>Legg først til en likeperson i teamet.</translation>
    </message>
    <message>
        <source>The person has not given valid consent to peer involvement; record it in the Team section.</source>
        <translation>Personen har ikke gitt gyldig samtykke til likepersonarbeid; registrer det under Team.</translation>
    </message>
    <message>
        <source>The person consented to peer involvement on {date}.</source>
        <translation>Personen samtykket til likepersonarbeid {date}.</translation>
    </message>
    <message>
        <source>The person consented to peer involvement on {date}, until {end}.</source>
        <translation>Personen samtykket til likepersonarbeid {date}, til {end}.</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>New person</source>
        <translation>Ny person</translation>
    </message>
    <message>
        <source>Edit details</source>
        <translation>Endre opplysninger</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Fullt navn</translation>
    </message>
    <message>
        <source>What we call them</source>
        <translation>Det vi kaller personen</translation>
    </message>
    <message>
        <source>The name they like to be called</source>
        <translation>Navnet personen vil kalles</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fødselsdato</translation>
    </message>
    <message>
        <source>The language their plan is printed in</source>
        <translation>Språket planen skrives ut på</translation>
    </message>
    <message>
        <source>Norwegian (bokmål)</source>
        <translation>Norsk (bokmål)</translation>
    </message>
    <message>
        <source>Norwegian (nynorsk)</source>
        <translation>Norsk (nynorsk)</translation>
    </message>
    <message>
        <source>Northern Sámi</source>
        <translation>Nordsamisk</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engelsk</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Consented to the plan on</source>
        <translation>Samtykket til planen den</translation>
    </message>
    <message>
        <source>How they consented</source>
        <translation>Hvordan personen samtykket</translation>
    </message>
    <message>
        <source>on the screen</source>
        <translation>på skjermen</translation>
    </message>
    <message>
        <source>on paper</source>
        <translation>på papir</translation>
    </message>
    <message>
        <source>Their practitioner</source>
        <translation>Personens behandler</translation>
    </message>
    <message>
        <source>(choose later)</source>
        <translation>(velg senere)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Legg til person</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Fullt navn:</translation>
    </message>
    <message>
        <source>&amp;What we call them:</source>
        <translation>&amp;Det vi kaller personen:</translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation>Fødselsdat&amp;o:</translation>
    </message>
    <message>
        <source>Plan &amp;printed in:</source>
        <translation>Planen skrives &amp;ut på:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;Consented to the plan:</source>
        <translation>&amp;Samtykket til planen:</translation>
    </message>
    <message>
        <source>C&amp;onsent given:</source>
        <translation>Samtykke &amp;gitt:</translation>
    </message>
    <message>
        <source>P&amp;ractitioner:</source>
        <translation>&amp;Behandler:</translation>
    </message>
    <message>
        <source>Someone with the same name and date of birth is already registered. Check that this is not the same person; press “Add anyway” to add them.</source>
        <translation>Noen med samme navn og fødselsdato er allerede registrert. Sjekk at dette ikke er samme person; trykk «Legg til likevel» for å legge personen til.</translation>
    </message>
    <message>
        <source>Add anyway</source>
        <translation>Legg til likevel</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Where letters reach them, such as a reminder of their review</source>
        <translation>Der brev når fram til personen, for eksempel en påminnelse om evalueringen</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <source>← Back to people</source>
        <translation>← Tilbake til personene</translation>
    </message>
    <message>
        <source>Back to people (Alt+Left)</source>
        <translation>Tilbake til personene (Alt+venstre)</translation>
    </message>
    <message>
        <source>Person workspace</source>
        <translation>Personens arbeidsflate</translation>
    </message>
</context>
<context>
    <name>PersonWorkspace</name>
    <message>
        <source>Person</source>
        <extracomment>what the header shows (name, plan status, review date, coordinator) the person&apos;s last plan is closed: the window asks which goals come along to the next</extracomment>
        <translation>Person</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Start a &amp;plan</source>
        <extracomment>the last plan, when none is open</extracomment>
        <translation>Start en &amp;plan</translation>
    </message>
    <message>
        <source>Start a plan</source>
        <translation>Start en plan</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Angre</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>Angre (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Gjør om</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Gjør om (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>About me</source>
        <translation>Om meg</translation>
    </message>
    <message>
        <source>Goals and steps</source>
        <translation>Mål og tiltak</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Peer support</source>
        <translation>Likepersonstøtte</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Møter</translation>
    </message>
    <message>
        <source>Crisis plan</source>
        <translation>Kriseplan</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historikk</translation>
    </message>
    <message>
        <source>{name} (full name {full_name})</source>
        <translation>{name} (fullt navn {full_name})</translation>
    </message>
    <message>
        <source>No plan yet.</source>
        <translation>Ingen plan ennå.</translation>
    </message>
    <message>
        <source>next review {date}</source>
        <translation>neste evaluering {date}</translation>
    </message>
    <message>
        <source>coordinator {name}</source>
        <translation>koordinator {name}</translation>
    </message>
    <message>
        <source>Plan: </source>
        <translation>Plan: </translation>
    </message>
    <message>
        <source>Undo: {what} (Ctrl+Z)</source>
        <translation>Angre: {what} (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo: {what} (Ctrl+Shift+Z)</source>
        <translation>Gjør om: {what} (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Start the next &amp;plan…</source>
        <translation>Start neste &amp;plan …</translation>
    </message>
    <message>
        <source>from {start}</source>
        <translation>fra {start}</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} til {end}</translation>
    </message>
    <message>
        <source>No open plan.</source>
        <translation>Ingen åpen plan.</translation>
    </message>
    <message>
        <source>No open plan: the last one was closed on {date} ({reason}).</source>
        <translation>Ingen åpen plan: den forrige ble lukket {date} ({reason}).</translation>
    </message>
</context>
<context>
    <name>PlanDatesDialog</name>
    <message>
        <source>Plan period and review date</source>
        <translation>Planperiode og evalueringsdato</translation>
    </message>
    <message>
        <source>The plan runs from its first day to its last; leave the last day empty if it runs until further notice. At the next review you look at it together.</source>
        <translation>Planen gjelder fra første til siste dag; la siste dag stå tom hvis den gjelder inntil videre. Ved neste evaluering ser dere på den sammen.</translation>
    </message>
    <message>
        <source>From (the plan starts)</source>
        <translation>Fra (planen starter)</translation>
    </message>
    <message>
        <source>To (if it ends)</source>
        <translation>Til (hvis den slutter)</translation>
    </message>
    <message>
        <source>until further notice</source>
        <translation>inntil videre</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Neste evaluering</translation>
    </message>
    <message>
        <source>Plans here are usually reviewed every {months} months; +{months}m is {months} months from today.</source>
        <translation>Planer her evalueres vanligvis hver {months}. måned; +{months}m er {months} måneder fra i dag.</translation>
    </message>
    <message>
        <source>Plans here are usually reviewed every month; +1m is a month from today.</source>
        <translation>Planer her evalueres vanligvis hver måned; +1m er en måned fra i dag.</translation>
    </message>
    <message>
        <source>Dated outside the plan period</source>
        <translation>Datert utenfor planperioden</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lagre</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Fra:</translation>
    </message>
    <message>
        <source>&amp;To (if it ends):</source>
        <translation>&amp;Til (hvis den slutter):</translation>
    </message>
    <message>
        <source>&amp;Next review:</source>
        <translation>&amp;Neste evaluering:</translation>
    </message>
    <message>
        <source>Saved. These are now dated outside the plan period; change them in Goals and steps if they should move:</source>
        <translation>Lagret. Disse er nå datert utenfor planperioden; endre dem under Mål og tiltak hvis de skal flyttes:</translation>
    </message>
    <message>
        <source>Saved. This is now dated outside the plan period; change it in Goals and steps if it should move:</source>
        <translation>Lagret. Dette er nå datert utenfor planperioden; endre det under Mål og tiltak hvis det skal flyttes:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Goal “{words}”: aimed at {date}, before the plan starts</source>
        <translation>Målet «{words}»: satt til {date}, før planen starter</translation>
    </message>
    <message>
        <source>Goal “{words}”: aimed at {date}, after the plan ends</source>
        <translation>Målet «{words}»: satt til {date}, etter at planen slutter</translation>
    </message>
    <message>
        <source>Step “{words}”: due {date}, before the plan starts</source>
        <translation>Tiltaket «{words}»: frist {date}, før planen starter</translation>
    </message>
    <message>
        <source>Step “{words}”: due {date}, after the plan ends</source>
        <translation>Tiltaket «{words}»: frist {date}, etter at planen slutter</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>Edit “{field}”</source>
        <extracomment>the undo history changed (what can be undone or redone, or why redo is off) what was read again, in order (for tests and benchmarks) the plan the undo history is about</extracomment>
        <translation>Endre «{field}»</translation>
    </message>
    <message>
        <source>Start a plan</source>
        <translation>Start en plan</translation>
    </message>
    <message>
        <source>The plan</source>
        <translation>Planen</translation>
    </message>
    <message>
        <source>Add a goal</source>
        <translation>Legg til et mål</translation>
    </message>
    <message>
        <source>The goal</source>
        <translation>Målet</translation>
    </message>
    <message>
        <source>Add a step</source>
        <translation>Legg til et tiltak</translation>
    </message>
    <message>
        <source>The step</source>
        <translation>Tiltaket</translation>
    </message>
    <message>
        <source>Add a team member</source>
        <translation>Legg til en deltaker</translation>
    </message>
    <message>
        <source>The team member</source>
        <translation>Deltakeren</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>Nytt møte</translation>
    </message>
    <message>
        <source>The meeting</source>
        <translation>Møtet</translation>
    </message>
    <message>
        <source>Record peer support</source>
        <translation>Registrer likepersonstøtte</translation>
    </message>
    <message>
        <source>The peer support</source>
        <translation>Likepersonstøtten</translation>
    </message>
    <message>
        <source>Remove a team member</source>
        <translation>Fjern en deltaker</translation>
    </message>
    <message>
        <source>Move a goal</source>
        <translation>Flytt et mål</translation>
    </message>
    <message>
        <source>Move a step</source>
        <translation>Flytt et tiltak</translation>
    </message>
    <message>
        <source>The order of the goals</source>
        <translation>Rekkefølgen på målene</translation>
    </message>
    <message>
        <source>The order of the steps</source>
        <translation>Rekkefølgen på tiltakene</translation>
    </message>
</context>
<context>
    <name>PlanHistoryModel</name>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Neste evaluering</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
    <message>
        <source>{date}: {reason}</source>
        <translation>{date}: {reason}</translation>
    </message>
</context>
<context>
    <name>PlanPreviewDialog</name>
    <message>
        <source>Print preview</source>
        <extracomment>What the dialog can print. asks where to save (parent, title, suggested name); None if cancelled a copy for a team member (id, name): the shared plan as their consent covers it</extracomment>
        <translation>Forhåndsvisning</translation>
    </message>
    <message>
        <source>A copy for {name}</source>
        <translation>En kopi til {name}</translation>
    </message>
    <message>
        <source>Print preview of the person&apos;s papers</source>
        <translation>Forhåndsvisning av personens papirer</translation>
    </message>
    <message>
        <source>What to print</source>
        <translation>Hva som skal skrives ut</translation>
    </message>
    <message>
        <source>The shared plan</source>
        <translation>Den felles planen</translation>
    </message>
    <message>
        <source>Easy-read plan</source>
        <translation>Lettlest plan</translation>
    </message>
    <message>
        <source>Crisis card</source>
        <translation>Krisekort</translation>
    </message>
    <message>
        <source>What we agreed today (a meeting)</source>
        <translation>Dette ble vi enige om i dag (et møte)</translation>
    </message>
    <message>
        <source>Language of the printed papers</source>
        <translation>Språket på papirene som skrives ut</translation>
    </message>
    <message>
        <source>The person&apos;s own language</source>
        <translation>Personens eget språk</translation>
    </message>
    <message>
        <source>Norwegian (bokmål)</source>
        <translation>Norsk (bokmål)</translation>
    </message>
    <message>
        <source>Norwegian (nynorsk)</source>
        <translation>Norsk (nynorsk)</translation>
    </message>
    <message>
        <source>Northern Sámi</source>
        <translation>Nordsamisk</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engelsk</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <source>Print these pages</source>
        <translation>Skriv ut disse sidene</translation>
    </message>
    <message>
        <source>Save these pages as a PDF file</source>
        <translation>Lagre disse sidene som PDF-fil</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Skriver ut …</translation>
    </message>
    <message>
        <source>Printing failed: {reason}</source>
        <translation>Utskriften mislyktes: {reason}</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Skriv ut</translation>
    </message>
    <message>
        <source>Preview status</source>
        <translation>Status for forhåndsvisningen</translation>
    </message>
    <message>
        <source>Pages as they will print</source>
        <translation>Sidene slik de blir skrevet ut</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Skriv &amp;ut …</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Lagre som PDF …</translation>
    </message>
    <message>
        <source>1 page, exactly as it will print.</source>
        <translation>1 side, nøyaktig slik den blir skrevet ut.</translation>
    </message>
    <message>
        <source>{count} pages, exactly as they will print.</source>
        <translation>{count} sider, nøyaktig slik de blir skrevet ut.</translation>
    </message>
    <message>
        <source>plan.pdf</source>
        <translation>plan.pdf</translation>
    </message>
    <message>
        <source>plan-easy-read.pdf</source>
        <translation>plan-lettlest.pdf</translation>
    </message>
    <message>
        <source>crisis-card.pdf</source>
        <translation>krisekort.pdf</translation>
    </message>
    <message>
        <source>what-we-agreed.pdf</source>
        <translation>dette-ble-vi-enige-om.pdf</translation>
    </message>
    <message>
        <source>plan-copy-for-a-team-member.pdf</source>
        <translation>plan-kopi-til-en-deltaker.pdf</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Lagre som PDF</translation>
    </message>
    <message>
        <source>&amp;What to print:</source>
        <translation>&amp;Hva som skal skrives ut:</translation>
    </message>
</context>
<context>
    <name>PresentRow</name>
    <message>
        <source>whose plan this is</source>
        <translation>som planen er til</translation>
    </message>
    <message>
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <source>{name} is here</source>
        <translation>{name} er her</translation>
    </message>
    <message>
        <source>signs here on the screen</source>
        <translation>skriver under her på skjermen</translation>
    </message>
    <message>
        <source>{name} signs on the screen</source>
        <translation>{name} skriver under på skjermen</translation>
    </message>
    <message>
        <source>signs on paper</source>
        <translation>skriver under på papir</translation>
    </message>
    <message>
        <source>{name} signs on paper</source>
        <translation>{name} skriver under på papir</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Tøm</translation>
    </message>
    <message>
        <source>Clear the signature of {name}</source>
        <translation>Tøm underskriften til {name}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Sent 1 page to the printer.</source>
        <extracomment>Pages rendered for a printer that cannot take a PDF never exceed this resolution. Where Qt&apos;s print dialog leaves the options it passes to CUPS as they are (for example the &quot;Pages&quot; field, which it does not turn into a page range of the QPrinter). Options that Caseplan sets itself from the dialog&apos;s choices.</extracomment>
        <translation>Sendte 1 side til skriveren.</translation>
    </message>
    <message>
        <source>Sent {count} pages to the printer.</source>
        <translation>Sendte {count} sider til skriveren.</translation>
    </message>
</context>
<context>
    <name>ProgressChart</name>
    <message>
        <source>How it is going: {goal}</source>
        <translation>Slik går det: {goal}</translation>
    </message>
    <message>
        <source>{date}: {score} of 10</source>
        <translation>{date}: {score} av 10</translation>
    </message>
    <message>
        <source>Not rated yet.</source>
        <translation>Ikke vurdert ennå.</translation>
    </message>
    <message>
        <source>Not rated yet</source>
        <translation>Ikke vurdert ennå</translation>
    </message>
</context>
<context>
    <name>RatingScale</name>
    <message>
        <source>{score} of 10</source>
        <translation>{score} av 10</translation>
    </message>
    <message>
        <source>Not rated yet; 0 is not started, 10 is there</source>
        <translation>Ikke vurdert ennå; 0 er ikke begynt, 10 er i mål</translation>
    </message>
</context>
<context>
    <name>ReadOnly</name>
    <message>
        <source>You can read this plan and record your own peer support. Only the person&apos;s practitioner or a team lead can change the plan.</source>
        <translation>Du kan lese denne planen og registrere din egen likepersonstøtte. Bare personens behandler eller en teamleder kan endre planen.</translation>
    </message>
    <message>
        <source>Your account can read this plan but not change it.</source>
        <translation>Kontoen din kan lese denne planen, men ikke endre den.</translation>
    </message>
    <message>
        <source>What you can do here</source>
        <translation>Hva du kan gjøre her</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <source>Forgotten administrator password</source>
        <translation>Glemt administratorpassord</translation>
    </message>
    <message>
        <source>Type the recovery key you stored when the clinic was created, the administrator&apos;s account and a new password. Afterwards the database has a new key: the forgotten password and old key files no longer open it.</source>
        <translation>Skriv inn gjenopprettingsnøkkelen du tok vare på da tjenesten ble opprettet, administratorens konto og et nytt passord. Etterpå har databasen en ny nøkkel: det glemte passordet og gamle nøkkelfiler åpner den ikke lenger.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Gjenopprettingsnøkkel</translation>
    </message>
    <message>
        <source>Administrator&apos;s account</source>
        <translation>Administratorens konto</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nytt passord</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Nytt passord igjen</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Recovery key:</source>
        <translation>&amp;Gjenopprettingsnøkkel:</translation>
    </message>
    <message>
        <source>&amp;Administrator:</source>
        <translation>&amp;Administrator:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nytt passord:</translation>
    </message>
    <message>
        <source>New password a&amp;gain:</source>
        <translation>Nytt passord ig&amp;jen:</translation>
    </message>
    <message>
        <source>&amp;Set the new password</source>
        <translation>&amp;Sett det nye passordet</translation>
    </message>
    <message>
        <source>Set the new password</source>
        <translation>Sett det nye passordet</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Please type the administrator&apos;s account.</source>
        <translation>Skriv inn administratorens konto.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>De to passordene er ikke like.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Your recovery key</source>
        <extracomment>How long a copied recovery key stays on the clipboard.</extracomment>
        <translation>Gjenopprettingsnøkkelen din</translation>
    </message>
    <message>
        <source>Store this recovery key somewhere safe</source>
        <translation>Oppbevar denne gjenopprettingsnøkkelen et trygt sted</translation>
    </message>
    <message>
        <source>The recovery key opens this clinic&apos;s database if every password is lost. It is shown only now and cannot be shown again. Print it or write it down, and keep it locked away, apart from this computer: anyone who has it can read every plan.</source>
        <translation>Gjenopprettingsnøkkelen åpner tjenestens database hvis alle passord går tapt. Den vises bare nå og kan ikke vises igjen. Skriv den ut eller skriv den ned, og lås den inn et annet sted enn ved denne datamaskinen: den som har den, kan lese alle planer.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Gjenopprettingsnøkkel</translation>
    </message>
    <message>
        <source>Recovery &amp;key:</source>
        <translation>Gjenopprettings&amp;nøkkel:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopier</translation>
    </message>
    <message>
        <source>Copy the recovery key</source>
        <translation>Kopier gjenopprettingsnøkkelen</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Skriv ut …</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>Skriv ut gjenopprettingsnøkkelen</translation>
    </message>
    <message>
        <source>Copy status</source>
        <translation>Kopieringsstatus</translation>
    </message>
    <message>
        <source>I have &amp;stored the recovery key</source>
        <translation>Jeg har &amp;lagret gjenopprettingsnøkkelen</translation>
    </message>
    <message>
        <source>I have stored the recovery key</source>
        <translation>Jeg har lagret gjenopprettingsnøkkelen</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>&amp;Fortsett</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsett</translation>
    </message>
    <message>
        <source>Caseplan recovery key

{key}

This key opens the clinic&apos;s database if every password is lost. Keep it locked away, apart from the computer.</source>
        <translation>Gjenopprettingsnøkkel for Caseplan

{key}

Denne nøkkelen åpner tjenestens database hvis alle passord går tapt. Lås den inn, et annet sted enn ved datamaskinen.</translation>
    </message>
    <message>
        <source>Copied. Paste it where it is safe: the clipboard is cleared in 30 seconds.</source>
        <translation>Kopiert. Lim den inn et trygt sted: utklippstavlen tømmes om 30 sekunder.</translation>
    </message>
</context>
<context>
    <name>RenewConsentDialog</name>
    <message>
        <source>Renew consent</source>
        <translation>Forny samtykke</translation>
    </message>
    <message>
        <source>Ask {person}: may {name} see the plan, and how much of it? The consent is given today.</source>
        <translation>Spør {person}: kan {name} se planen, og hvor mye av den? Samtykket gis i dag.</translation>
    </message>
    <message>
        <source>What they may see</source>
        <translation>Hva de kan se</translation>
    </message>
    <message>
        <source>Consent until</source>
        <translation>Samtykke til</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>Forny</translation>
    </message>
    <message>
        <source>&amp;What they may see:</source>
        <translation>&amp;Hva de kan se:</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;Til:</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review the plan</source>
        <extracomment>Type size in meeting mode at zoom 1.0, as meeting mode itself uses it.</extracomment>
        <translation>Evaluer planen</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <extracomment>the question before leaving unsaved</extracomment>
        <translation>&amp;Tilbake</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Neste</translation>
    </message>
    <message>
        <source>&amp;Save the review</source>
        <translation>&amp;Lagre evalueringen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>We look at the plan together: for each goal, {name} says how far they have come and what helped. First: who is here?</source>
        <extracomment>after a lock: the review is back as it was left</extracomment>
        <translation>Vi ser på planen sammen: for hvert mål sier {name} hvor langt de har kommet og hva som hjalp. Først: hvem er her?</translation>
    </message>
    <message>
        <source>No one is on the team yet.</source>
        <translation>Ingen er med i teamet ennå.</translation>
    </message>
    <message>
        <source>The plan has no active goals to rate.</source>
        <translation>Planen har ingen aktive mål å vurdere.</translation>
    </message>
    <message>
        <source>When do we look at the plan together &amp;again?</source>
        <translation>Når ser vi på planen sammen &amp;igjen?</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Neste evaluering</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>The screen was locked during the review; everything said so far is here.</source>
        <translation>Skjermen ble låst under gjennomgangen; alt som er sagt så langt, er her.</translation>
    </message>
    <message>
        <source>Leave the review without saving it? What was rated and said today is not kept.</source>
        <translation>Gå ut av evalueringen uten å lagre den? Det som ble vurdert og sagt i dag, blir ikke tatt vare på.</translation>
    </message>
    <message>
        <source>&amp;Leave without saving</source>
        <translation>Gå &amp;ut uten å lagre</translation>
    </message>
    <message>
        <source>&amp;Go on with the review</source>
        <translation>&amp;Fortsett evalueringen</translation>
    </message>
    <message>
        <source>{name} agrees that their &amp;words about what helped and what got in the way may be shared without their name, so the service can learn from them</source>
        <translation>{name} sier ja til at &amp;ordene om hva som hjalp og hva som sto i veien, kan deles uten navn, slik at tjenesten kan lære av dem</translation>
    </message>
    <message>
        <source>Only the words are shared, in a report for the team and the user council; never a name, and never from a group of fewer than five people.</source>
        <translation>Bare ordene deles, i en rapport til teamet og brukerrådet; aldri et navn, og aldri fra en gruppe på færre enn fem personer.</translation>
    </message>
</context>
<context>
    <name>SaveIndicator</name>
    <message>
        <source>Save status</source>
        <translation>Lagringsstatus</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Lagrer …</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Lagret {time}</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Ikke lagret: {reason}</translation>
    </message>
</context>
<context>
    <name>SectionList</name>
    <message>
        <source>{section} (Ctrl+{number})</source>
        <translation>{section} (Ctrl+{number})</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Deler</translation>
    </message>
    <message>
        <source>Ctrl+1 to Ctrl+7 open a section.</source>
        <translation>Ctrl+1 til Ctrl+7 åpner en del.</translation>
    </message>
</context>
<context>
    <name>SharedTextEdit</name>
    <message>
        <source>Shared with the person · printed</source>
        <translation>Deles med personen · skrives ut</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Caseplan</source>
        <translation>Logg inn i Caseplan</translation>
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
        <source>Hint</source>
        <translation>Tips</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passord</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passord:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Logg inn</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Logg inn</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Please type the name of your account.</source>
        <translation>Skriv navnet på kontoen din.</translation>
    </message>
    <message>
        <source>&amp;Forgot the administrator password?</source>
        <translation>&amp;Glemt administratorpassordet?</translation>
    </message>
    <message>
        <source>Forgot the administrator password? Use the recovery key</source>
        <translation>Glemt administratorpassordet? Bruk gjenopprettingsnøkkelen</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signature of {name}</source>
        <extracomment>The exported picture; one bit per pixel keeps a signature a few kilobytes.</extracomment>
        <translation>Underskriften til {name}</translation>
    </message>
    <message>
        <source>Sign here with a mouse, a pen or a finger; or choose signs on paper.</source>
        <translation>Skriv under her med mus, penn eller finger, eller velg underskrift på papir.</translation>
    </message>
    <message>
        <source>Sign here</source>
        <translation>Skriv under her</translation>
    </message>
</context>
<context>
    <name>TeamModel</name>
    <message>
        <source>coordinator</source>
        <extracomment>The column that says which account signs in as a member. the clinic&apos;s accounts, to show who signs in as a member (empty for a peer worker)</extracomment>
        <translation>koordinator</translation>
    </message>
    <message>
        <source>until {date}</source>
        <translation>til {date}</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Virksomhet</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Consent to share</source>
        <translation>Samtykke til deling</translation>
    </message>
    <message>
        <source>Signs in as</source>
        <translation>Logger inn som</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>Ingen ennå</translation>
    </message>
</context>
<context>
    <name>TeamSection</name>
    <message>
        <source>Consent to peer involvement</source>
        <translation>Samtykke til likepersonarbeid</translation>
    </message>
    <message>
        <source>Peer co&amp;nsent…</source>
        <translation>&amp;Samtykke til likeperson …</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Press Enter to change the selected member.</source>
        <translation>Trykk Enter for å endre valgt deltaker.</translation>
    </message>
    <message>
        <source>&amp;Add team member</source>
        <translation>Legg til &amp;deltaker</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>F&amp;jern</translation>
    </message>
    <message>
        <source>Make &amp;coordinator</source>
        <translation>Gjør til &amp;koordinator</translation>
    </message>
    <message>
        <source>Print their cop&amp;y…</source>
        <translation>Skriv u&amp;t kopi til deltakeren …</translation>
    </message>
    <message>
        <source>Print their copy</source>
        <translation>Skriv ut kopi til deltakeren</translation>
    </message>
    <message>
        <source>Print or save a copy of the plan for the selected team member, with only what their consent covers</source>
        <translation>Skriv ut eller lagre en kopi av planen til den valgte deltakeren, med bare det samtykket deres gjelder</translation>
    </message>
    <message>
        <source>Consent to peer involvement: not given. No peer can join the team.</source>
        <translation>Samtykke til likepersonarbeid: ikke gitt. Ingen likeperson kan bli med i teamet.</translation>
    </message>
    <message>
        <source>Consent to peer involvement: given {date}, not valid today ({end}).</source>
        <translation>Samtykke til likepersonarbeid: gitt {date}, ikke gyldig i dag ({end}).</translation>
    </message>
    <message>
        <source>Consent to peer involvement: given {date}, no end date.</source>
        <translation>Samtykke til likepersonarbeid: gitt {date}, uten sluttdato.</translation>
    </message>
    <message>
        <source>Consent to peer involvement: given {date}, until {end}.</source>
        <translation>Samtykke til likepersonarbeid: gitt {date}, til {end}.</translation>
    </message>
    <message>
        <source>Change consent to peer involvement</source>
        <translation>Endre samtykke til likepersonarbeid</translation>
    </message>
    <message>
        <source>Choose the team member the copy is for.</source>
        <translation>Velg deltakeren kopien er til.</translation>
    </message>
    <message>
        <source>Change a team member</source>
        <translation>Endre en deltaker</translation>
    </message>
    <message>
        <source>Remove from the team</source>
        <translation>Fjern fra teamet</translation>
    </message>
    <message>
        <source>Remove {name} from the team?</source>
        <translation>Fjerne {name} fra teamet?</translation>
    </message>
    <message>
        <source>Choose the coordinator</source>
        <translation>Velg koordinator</translation>
    </message>
    <message>
        <source>The coordinator</source>
        <translation>Koordinatoren</translation>
    </message>
    <message>
        <source>Chan&amp;ge…</source>
        <translation>&amp;Endre …</translation>
    </message>
    <message>
        <source>Consents that end</source>
        <translation>Samtykker som slutter</translation>
    </message>
    <message>
        <source>Rene&amp;w consent…</source>
        <translation>Forny sa&amp;mtykke …</translation>
    </message>
    <message>
        <source>Renew consent</source>
        <translation>Forny samtykke</translation>
    </message>
    <message>
        <source>Renew the selected member&apos;s consent to share, with the person</source>
        <translation>Forny samtykket for den valgte deltakeren, sammen med personen</translation>
    </message>
</context>
<context>
    <name>TogetherModel</name>
    <message>
        <source>Goal and step</source>
        <translation>Mål og tiltak</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Likeperson</translation>
    </message>
    <message>
        <source>By when</source>
        <translation>Innen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>UndoHistory</name>
    <message>
        <source>Redo is off: someone else changed this after you and their version was kept ({what}).</source>
        <extracomment>what it did, e.g. &quot;Add a goal&quot; the record it changed (the screen re-reads that) the goal or step; its parent is the plan or the goal the words in the order undo or redo would give what can be undone or redone changed an entry was undone or redone, or someone else&apos;s change kept: its record (a Ref) why redo is off after an undo or redo that kept someone else&apos;s change</extracomment>
        <translation>Gjør om er slått av: noen andre endret dette etter deg, og deres versjon ble beholdt ({what}).</translation>
    </message>
    <message>
        <source>Their version was kept, so this was not undone: {what}.</source>
        <translation>Deres versjon ble beholdt, så dette ble ikke angret: {what}.</translation>
    </message>
    <message>
        <source>Their version was kept, so this was not redone: {what}.</source>
        <translation>Deres versjon ble beholdt, så dette ble ikke gjort om: {what}.</translation>
    </message>
</context>
<context>
    <name>VerifyPeerButton</name>
    <message>
        <source>Verify who this peer is…</source>
        <translation>Bekreft hvem denne likepersonen er …</translation>
    </message>
    <message>
        <source>Verify who this peer is</source>
        <translation>Bekreft hvem denne likepersonen er</translation>
    </message>
    <message>
        <source>Have you checked who {name} is (they have no account)? Their paid time will then be counted for payment.</source>
        <translation>Har du sjekket hvem {name} er (de har ingen konto)? Da blir den betalte tiden deres talt med til utbetaling.</translation>
    </message>
    <message>
        <source>{name} is verified; their paid time is counted.</source>
        <translation>{name} er bekreftet; den betalte tiden deres blir talt med.</translation>
    </message>
</context>
<context>
    <name>VersionDialog</name>
    <message>
        <source>Plan version {number}, agreed {date}</source>
        <translation>Planversjon {number}, avtalt {date}</translation>
    </message>
    <message>
        <source>Read-only: version {number} exactly as it was agreed on {date}, with the signatures given then. Changes made since are not in it.</source>
        <translation>Bare for lesing: versjon {number} nøyaktig slik den ble avtalt {date}, med underskriftene som ble gitt da. Endringer gjort senere er ikke med.</translation>
    </message>
    <message>
        <source>The version&apos;s pages</source>
        <translation>Versjonens sider</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Skriv ut …</translation>
    </message>
    <message>
        <source>Print this version</source>
        <translation>Skriv ut denne versjonen</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>Lagre som &amp;PDF …</translation>
    </message>
    <message>
        <source>Save as PDF: this version, as a file</source>
        <translation>Lagre som PDF: denne versjonen, som en fil</translation>
    </message>
    <message>
        <source>plan-version-{number}.pdf</source>
        <translation>planversjon-{number}.pdf</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Lagre som PDF</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Skriv ut</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Skriver ut …</translation>
    </message>
    <message>
        <source>Printing failed: {reason}</source>
        <translation>Utskriften mislyktes: {reason}</translation>
    </message>
</context>
<context>
    <name>VersionModel</name>
    <message>
        <source>Version</source>
        <translation>Versjon</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Avtalt</translation>
    </message>
    <message>
        <source>Signed on the screen</source>
        <translation>Signert på skjermen</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Til stede</translation>
    </message>
    <message>
        <source>Not agreed here: imported from a file on {date} by {account}</source>
        <translation>Ikke avtalt her: importert fra en fil {date} av {account}</translation>
    </message>
</context>
<context>
    <name>WhatHelps</name>
    <message>
        <source>Relation</source>
        <translation>Relasjon</translation>
    </message>
    <message>
        <source>Mutuality, doing it together</source>
        <translation>Gjensidighet, å gjøre det sammen</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Valg</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation>Kunnskap</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>Nettverk</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annet</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>The plan as a whole</source>
        <translation>Planen som helhet</translation>
    </message>
    <message>
        <source>Life domain</source>
        <translation>Livsområde</translation>
    </message>
    <message>
        <source>fewer than 5</source>
        <translation>færre enn 5</translation>
    </message>
</context>
<context>
    <name>WhatHelpsDialog</name>
    <message>
        <source>What people say helps</source>
        <translation>Hva folk sier hjelper</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Fra:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Til:</translation>
    </message>
    <message>
        <source>Reviews and shared words</source>
        <translation>Evalueringer og delte ord</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Helped</source>
        <translation>Hjalp</translation>
    </message>
    <message>
        <source>Got in the way</source>
        <translation>Var i veien</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupper</translation>
    </message>
    <message>
        <source>In their words</source>
        <translation>Med egne ord</translation>
    </message>
    <message>
        <source>Helped or in the way</source>
        <translation>Hjalp eller var i veien</translation>
    </message>
    <message>
        <source>helped</source>
        <translation>hjalp</translation>
    </message>
    <message>
        <source>got in the way</source>
        <translation>var i veien</translation>
    </message>
    <message>
        <source>What people said</source>
        <translation>Det folk sa</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Lagre som P&amp;DF …</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>Skriv &amp;ut …</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Reviews held: {reviews}. Words shared from {shared} reviews, {people} people. Only words people agreed to share, never a name; groups of fewer than 5 people are not shown.</source>
        <translation>Evalueringer holdt: {reviews}. Ord delt fra {shared} evalueringer, {people} personer. Bare ord folk har sagt ja til å dele, aldri et navn; grupper med færre enn 5 personer vises ikke.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Lagre som PDF</translation>
    </message>
    <message>
        <source>Print what people say helps</source>
        <translation>Skriv ut hva folk sier hjelper</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avslutt</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Logg ut</translation>
    </message>
    <message>
        <source>Close this person&apos;s data and the database; the next person signs in</source>
        <translation>Lukk personens opplysninger og databasen; neste person logger inn</translation>
    </message>
    <message>
        <source>S&amp;witch account…</source>
        <translation>&amp;Bytt konto …</translation>
    </message>
    <message>
        <source>Sign out, then sign in with another account on this computer</source>
        <translation>Logg ut, og logg inn med en annen konto på denne datamaskinen</translation>
    </message>
    <message>
        <source>&amp;Language…</source>
        <translation>&amp;Språk …</translation>
    </message>
    <message>
        <source>The language of the screens on this computer</source>
        <translation>Språket på skjermbildene på denne datamaskinen</translation>
    </message>
    <message>
        <source>&amp;Hide screen</source>
        <translation>&amp;Skjul skjermen</translation>
    </message>
    <message>
        <source>Hide screen (F12)</source>
        <translation>Skjul skjermen (F12)</translation>
    </message>
    <message>
        <source>Hide everything at once; your password shows it again (F12)</source>
        <translation>Skjul alt med en gang; passordet ditt viser det igjen (F12)</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>&amp;Ta sikkerhetskopi …</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>&amp;Hendelseslogg …</translation>
    </message>
    <message>
        <source>Peer &amp;hours…</source>
        <translation>&amp;Likepersontimer…</translation>
    </message>
    <message>
        <source>Peer time per peer and person, for payment</source>
        <translation>Likepersonenes tid per likeperson og person, for utbetaling</translation>
    </message>
    <message>
        <source>&amp;Back to people</source>
        <translation>&amp;Tilbake til personene</translation>
    </message>
    <message>
        <source>Back to the list of people (Alt+Left or Escape)</source>
        <translation>Tilbake til listen over personer (Alt+venstre eller Esc)</translation>
    </message>
    <message>
        <source>&amp;Meeting mode</source>
        <translation>&amp;Møtemodus</translation>
    </message>
    <message>
        <source>Meeting mode (F11)</source>
        <translation>Møtemodus (F11)</translation>
    </message>
    <message>
        <source>Only this person&apos;s plan, full screen, in large type (F11)</source>
        <translation>Bare denne personens plan, i fullskjerm, med stor skrift (F11)</translation>
    </message>
    <message>
        <source>&amp;Print preview…</source>
        <translation>&amp;Forhåndsvis utskrift …</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>Forhåndsvis utskrift …</translation>
    </message>
    <message>
        <source>&amp;Agree the plan…</source>
        <translation>&amp;Avtal planen …</translation>
    </message>
    <message>
        <source>Agree the plan…</source>
        <translation>Avtal planen …</translation>
    </message>
    <message>
        <source>Print plans &amp;due…</source>
        <translation>Skriv ut planer som skal &amp;evalueres …</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Brukerveiledning</translation>
    </message>
    <message>
        <source>&amp;About Caseplan</source>
        <translation>&amp;Om Caseplan</translation>
    </message>
    <message>
        <source>On a PostgreSQL server, back up with the server&apos;s own tools (pg_dump).</source>
        <translation>På en PostgreSQL-server tas sikkerhetskopi med serverens egne verktøy (pg_dump).</translation>
    </message>
    <message>
        <source>Only a team lead or an administrator can make backups.</source>
        <translation>Bare en leder eller en administrator kan ta sikkerhetskopi.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Person</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>Verktø&amp;y</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>&amp;Innstillinger</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjelp</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Personvern</translation>
    </message>
    <message>
        <source>Hide screen</source>
        <translation>Skjul skjermen</translation>
    </message>
    <message>
        <source>Read the plan back together, then agree it (Ctrl+Shift+A)</source>
        <translation>Les planen gjennom sammen, og avtal den (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Only the person&apos;s practitioners can agree the plan.</source>
        <translation>Bare personens behandlere og veiledere kan avtale planen.</translation>
    </message>
    <message>
        <source>&amp;New person…</source>
        <translation>&amp;Ny person …</translation>
    </message>
    <message>
        <source>Register a person; their first plan opens with them (Ctrl+N)</source>
        <translation>Registrer en person; den første planen deres åpnes samtidig (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit details…</source>
        <translation>&amp;Endre opplysninger …</translation>
    </message>
    <message>
        <source>&amp;Review the plan…</source>
        <translation>&amp;Evaluer planen …</translation>
    </message>
    <message>
        <source>Review the plan…</source>
        <translation>Evaluer planen …</translation>
    </message>
    <message>
        <source>Look at each goal together: how far, what helped, what now (Ctrl+Shift+R)</source>
        <translation>Se på hvert mål sammen: hvor langt, hva som hjalp, hva nå (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>P&amp;lan</source>
        <translation>P&amp;lan</translation>
    </message>
    <message>
        <source>Plan &amp;period and review date…</source>
        <translation>Plan&amp;periode og evalueringsdato …</translation>
    </message>
    <message>
        <source>&amp;Close the plan…</source>
        <translation>&amp;Lukk planen …</translation>
    </message>
    <message>
        <source>&amp;Start the next plan…</source>
        <translation>&amp;Start neste plan …</translation>
    </message>
    <message>
        <source>&amp;Clinic settings…</source>
        <translation>&amp;Klinikkinnstillinger …</translation>
    </message>
    <message>
        <source>When new plans are first reviewed, and when the window locks</source>
        <translation>Når nye planer evalueres første gang, og når vinduet låses</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Hurtigtaster</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Oversikt</translation>
    </message>
    <message>
        <source>What needs attention: reviews, plans, consents, steps, contact (Ctrl+Shift+O)</source>
        <translation>Det som trenger oppfølging: evalueringer, planer, samtykker, tiltak, kontakt (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>&amp;What people say helps…</source>
        <translation>Hva folk sier hj&amp;elper …</translation>
    </message>
    <message>
        <source>People&apos;s own words from reviews, shared with their yes, without names</source>
        <translation>Folks egne ord fra evalueringer, delt med deres ja, uten navn</translation>
    </message>
    <message>
        <source>&amp;Charts…</source>
        <translation>&amp;Diagrammer …</translation>
    </message>
    <message>
        <source>Reviews on time per month, plans agreed and in draft, ratings by life domain</source>
        <translation>Evalueringer i tide per måned, planer avtalt og i utkast, vurderinger etter livsområde</translation>
    </message>
</context>
<context>
    <name>WindowDialogs</name>
    <message>
        <source>People (Alt+Left)</source>
        <extracomment>a review the lock closed, held in memory for the same account&apos;s unlock</extracomment>
        <translation>Personene (Alt+venstre)</translation>
    </message>
    <message>
        <source>The list of people</source>
        <translation>Listen over personene</translation>
    </message>
</context>
<context>
    <name>WindowPlanDialogs</name>
    <message>
        <source>Open a person first.</source>
        <extracomment>show the plan as it is now, everywhere (the window&apos;s own) save whatever was typed, now (the window&apos;s own)</extracomment>
        <translation>Åpne en person først.</translation>
    </message>
    <message>
        <source>This person has no open plan.</source>
        <translation>Denne personen har ingen åpen plan.</translation>
    </message>
    <message>
        <source>When the plan starts and ends, and its next review (Ctrl+Shift+D)</source>
        <translation>Når planen starter og slutter, og neste evaluering (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>Only the person&apos;s practitioners or a team lead can change the dates.</source>
        <translation>Bare personens behandlere eller en teamleder kan endre datoene.</translation>
    </message>
    <message>
        <source>End the plan with a reason; the next one can carry its goals</source>
        <translation>Avslutt planen med en begrunnelse; den neste kan ta med seg målene</translation>
    </message>
    <message>
        <source>Only the person&apos;s practitioners or a team lead can close a plan.</source>
        <translation>Bare personens behandlere eller en teamleder kan lukke en plan.</translation>
    </message>
    <message>
        <source>This person&apos;s plan is still open; close it first.</source>
        <translation>Personens plan er fortsatt åpen; lukk den først.</translation>
    </message>
    <message>
        <source>A new plan, with the goals the person chooses from the last one</source>
        <translation>En ny plan, med de målene personen velger fra den forrige</translation>
    </message>
    <message>
        <source>Only the person&apos;s practitioners or a team lead can start a plan.</source>
        <translation>Bare personens behandlere eller en teamleder kan starte en plan.</translation>
    </message>
</context>
<context>
    <name>WordsField</name>
    <message>
        <source>Problem saving {title}</source>
        <extracomment>The text was changed by the person typing (not by the program). Focus left the editor.</extracomment>
        <translation>Problem med å lagre {title}</translation>
    </message>
</context>
<context>
    <name>WorkerNoteEdit</name>
    <message>
        <source>Worker&apos;s note</source>
        <translation>Arbeidsnotat</translation>
    </message>
    <message>
        <source>internal, never printed or shown in meeting mode</source>
        <translation>internt, skrives aldri ut og vises aldri i møtemodus</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>Back up the database</source>
        <translation>Ta sikkerhetskopi av databasen</translation>
    </message>
    <message>
        <source>Caseplan backups (*.db)</source>
        <translation>Caseplan-sikkerhetskopier (*.db)</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>A backup is only restored into an empty place; {path} exists.</source>
        <translation>En sikkerhetskopi kan bare hentes inn til et tomt sted; {path} finnes allerede.</translation>
    </message>
    <message>
        <source>A closed plan cannot be agreed.</source>
        <translation>En avsluttet plan kan ikke avtales.</translation>
    </message>
    <message>
        <source>A copy for a team member is the shared plan as their consent covers it; it cannot be combined with --easy-read, --crisis-card or --meeting-summary.</source>
        <translation>En kopi til en deltaker er den delte planen slik samtykket deres gjelder; den kan ikke kombineres med --easy-read, --crisis-card eller --meeting-summary.</translation>
    </message>
    <message>
        <source>A file already exists at {path}.</source>
        <translation>Det finnes allerede en fil her: {path}.</translation>
    </message>
    <message>
        <source>A password needs at least {count} characters.</source>
        <translation>Et passord må ha minst {count} tegn.</translation>
    </message>
    <message>
        <source>A peer on the team can be linked only to a peer worker&apos;s account.</source>
        <translation>En likeperson i teamet kan bare kobles til en erfaringskonsulents konto.</translation>
    </message>
    <message>
        <source>A peer worker can change only the note of their own peer contributions.</source>
        <translation>Som erfaringskonsulent kan du bare endre notatet i dine egne likepersonbidrag.</translation>
    </message>
    <message>
        <source>A peer worker can change only the status or the action of steps they are responsible for.</source>
        <translation>Som erfaringskonsulent kan du bare endre status eller beskrivelse for tiltak du selv har ansvar for.</translation>
    </message>
    <message>
        <source>A peer worker can print only their own part of the plan.</source>
        <translation>En likeperson kan bare skrive ut sin egen del av planen.</translation>
    </message>
    <message>
        <source>A peer worker can record only their own peer contributions.</source>
        <translation>Som erfaringskonsulent kan du bare registrere dine egne likepersonbidrag.</translation>
    </message>
    <message>
        <source>A practitioner or coordinator on the team can be linked only to a practitioner&apos;s or team lead&apos;s account.</source>
        <translation>En behandler eller koordinator i teamet kan bare kobles til en behandlers eller teamleders konto.</translation>
    </message>
    <message>
        <source>A rated goal is not part of this plan.</source>
        <translation>Et av de vurderte målene hører ikke til denne planen.</translation>
    </message>
    <message>
        <source>A score must be a whole number from 0 to 10.</source>
        <translation>En poengsum må være et helt tall fra 0 til 10.</translation>
    </message>
    <message>
        <source>A step cannot be due before the plan starts ({start}).</source>
        <translation>Et tiltak kan ikke ha frist før planen starter ({start}).</translation>
    </message>
    <message>
        <source>A user name is 1 to 64 letters or digits (dots, dashes and underscores allowed inside), with no spaces.</source>
        <translation>Et brukernavn er 1 til 64 bokstaver eller sifre (punktum, bindestrek og understrek er lov inni), uten mellomrom.</translation>
    </message>
    <message>
        <source>An administrator must record a reason (break the glass) before opening a person&apos;s plan.</source>
        <translation>Som administrator må du skrive en begrunnelse («bryte glasset», nødtilgang) før du åpner planen til en person.</translation>
    </message>
    <message>
        <source>Audit event {seq} does not follow the one before it: an event was deleted or changed.</source>
        <translation>Logghendelse {seq} henger ikke sammen med den forrige hendelsen: en hendelse er slettet eller endret.</translation>
    </message>
    <message>
        <source>Audit event {seq} was changed after it was written.</source>
        <translation>Logghendelse {seq} er endret etter at den ble skrevet.</translation>
    </message>
    <message>
        <source>Consent cannot expire before it was given.</source>
        <translation>Samtykket kan ikke utløpe før det ble gitt.</translation>
    </message>
    <message>
        <source>Consent to peer involvement cannot expire before it was given.</source>
        <translation>Samtykke til likepersonarbeid kan ikke utløpe før det ble gitt.</translation>
    </message>
    <message>
        <source>Each team member can be present only once.</source>
        <translation>Hver deltaker kan bare være til stede én gang.</translation>
    </message>
    <message>
        <source>Minutes must be a whole number from 1 to 1440 (one day).</source>
        <translation>Minutter må være et helt tall fra 1 til 1440 (ett døgn).</translation>
    </message>
    <message>
        <source>More than one team member is called {name}; give the member&apos;s id from caseplan team list.</source>
        <translation>Flere deltakere heter {name}; oppgi deltakerens id fra caseplan team list.</translation>
    </message>
    <message>
        <source>No password given: set CASEPLAN_PASSWORD or run the command in a terminal.</source>
        <translation>Du har ikke oppgitt passord: sett CASEPLAN_PASSWORD eller kjør kommandoen i en terminal.</translation>
    </message>
    <message>
        <source>No plan that you may print is due for review by {date}.</source>
        <translation>Ingen plan som du kan skrive ut, skal evalueres innen {date}.</translation>
    </message>
    <message>
        <source>On a PostgreSQL server, back up with the server&apos;s own tools (pg_dump).</source>
        <translation>På en PostgreSQL-server tas sikkerhetskopi med serverens egne verktøy (pg_dump).</translation>
    </message>
    <message>
        <source>On a PostgreSQL server, restore with the server&apos;s own tools (pg_restore).</source>
        <translation>På en PostgreSQL-server hentes sikkerhetskopien inn med serverens egne verktøy (pg_restore).</translation>
    </message>
    <message>
        <source>Only a file path or a postgresql:// address can be used as database: {db}</source>
        <translation>Bare en filsti eller en postgresql://-adresse kan brukes som database: {db}</translation>
    </message>
    <message>
        <source>Only a team lead can print the plans that are due.</source>
        <translation>Bare en teamleder kan skrive ut planene som skal evalueres.</translation>
    </message>
    <message>
        <source>Only a team lead can remove a person and all their plans.</source>
        <translation>Bare en teamleder kan fjerne en person og alle planene til personen.</translation>
    </message>
    <message>
        <source>Only a team lead or an administrator can make or restore backups.</source>
        <translation>Bare en leder eller en administrator kan ta eller hente inn sikkerhetskopier.</translation>
    </message>
    <message>
        <source>Only a team lead or an administrator can read the audit trail.</source>
        <translation>Bare en leder eller en administrator kan lese hendelsesloggen.</translation>
    </message>
    <message>
        <source>Only a team lead or an administrator can see the peer hours report.</source>
        <translation>Bare en teamleder eller en administrator kan se rapporten over likepersontimer.</translation>
    </message>
    <message>
        <source>Only a team lead or an administrator of the clinic in this backup can restore it.</source>
        <translation>Bare en teamleder eller en administrator i klinikken som står i denne sikkerhetskopien, kan gjenopprette den.</translation>
    </message>
    <message>
        <source>Only an administrator can change when the window locks.</source>
        <translation>Bare en administrator kan endre når vinduet låses.</translation>
    </message>
    <message>
        <source>Only an administrator can manage accounts.</source>
        <translation>Bare en administrator kan administrere kontoer.</translation>
    </message>
    <message>
        <source>Only an administrator needs to break the glass.</source>
        <translation>Det er bare administratorer som trenger å «bryte glasset» (nødtilgang).</translation>
    </message>
    <message>
        <source>Only one plan can be open at a time, but {first} and {second} are both open.</source>
        <translation>Bare én plan kan være åpen om gangen, men både {first} og {second} er åpne.</translation>
    </message>
    <message>
        <source>Paid minutes must be a whole number from 0 up to the minutes spent.</source>
        <translation>Betalte minutter må være et helt tall fra 0 og opp til antall minutter som er brukt.</translation>
    </message>
    <message>
        <source>Please choose a password.</source>
        <translation>Velg et passord.</translation>
    </message>
    <message>
        <source>Please give the date of the contribution.</source>
        <translation>Oppgi datoen for bidraget.</translation>
    </message>
    <message>
        <source>Please give the date of the meeting.</source>
        <translation>Oppgi datoen for møtet.</translation>
    </message>
    <message>
        <source>Please give the date of the review.</source>
        <translation>Oppgi datoen for evalueringen.</translation>
    </message>
    <message>
        <source>Please give the date the person consented to peer involvement.</source>
        <translation>Oppgi datoen personen samtykket til likepersonarbeid.</translation>
    </message>
    <message>
        <source>Please give the date the plan starts.</source>
        <translation>Oppgi datoen planen starter.</translation>
    </message>
    <message>
        <source>Please write the account holder&apos;s name.</source>
        <translation>Skriv navnet på den som skal ha kontoen.</translation>
    </message>
    <message>
        <source>Please write the goal in the person&apos;s own words.</source>
        <translation>Skriv målet med personens egne ord.</translation>
    </message>
    <message>
        <source>Please write the name of each crisis contact.</source>
        <translation>Skriv navnet på hver kontakt i kriseplanen.</translation>
    </message>
    <message>
        <source>Please write the person&apos;s name.</source>
        <translation>Skriv navnet på personen.</translation>
    </message>
    <message>
        <source>Please write the team member&apos;s name.</source>
        <translation>Skriv navnet på deltakeren.</translation>
    </message>
    <message>
        <source>Please write what the step is.</source>
        <translation>Skriv hva tiltaket er.</translation>
    </message>
    <message>
        <source>Please write why you need to open this person&apos;s plan.</source>
        <translation>Skriv hvorfor du trenger å åpne planen til denne personen.</translation>
    </message>
    <message>
        <source>Printing was cancelled; no file was written.</source>
        <translation>Utskriften ble avbrutt; ingen fil ble skrevet.</translation>
    </message>
    <message>
        <source>Priority must be 1, 2 or 3.</source>
        <translation>Prioritet må være 1, 2 eller 3.</translation>
    </message>
    <message>
        <source>Save the peer hours report as a file ending in .csv or .pdf, not {name}.</source>
        <translation>Lagre rapporten over likepersontimer som en fil som slutter på .csv eller .pdf, ikke {name}.</translation>
    </message>
    <message>
        <source>Say whether {name} signs on the screen or on paper.</source>
        <translation>Velg om {name} skriver under på skjermen eller på papir.</translation>
    </message>
    <message>
        <source>Say which account to use with --account or CASEPLAN_ACCOUNT.</source>
        <translation>Oppgi hvilken konto som skal brukes, med --account eller CASEPLAN_ACCOUNT.</translation>
    </message>
    <message>
        <source>Someone else changed this in the meantime; please look again.</source>
        <translation>Noen andre har endret dette i mellomtiden; se over det igjen.</translation>
    </message>
    <message>
        <source>Someone else changed this {kind} in the meantime; please look again.</source>
        <translation>Noen andre har endret dette ({kind}) i mellomtiden; se over det igjen.</translation>
    </message>
    <message>
        <source>Someone else removed this crisis plan in the meantime; please look again.</source>
        <translation>Noen andre har fjernet denne kriseplanen i mellomtiden; se over det igjen.</translation>
    </message>
    <message>
        <source>The account {name} is already linked to {member} on this team.</source>
        <translation>Kontoen {name} er allerede koblet til {member} i dette teamet.</translation>
    </message>
    <message>
        <source>The account {name} is switched off; choose another.</source>
        <translation>Kontoen {name} er deaktivert; velg en annen.</translation>
    </message>
    <message>
        <source>The backup could not be verified, so it was not kept.</source>
        <translation>Sikkerhetskopien kunne ikke kontrolleres, så den ble ikke lagret.</translation>
    </message>
    <message>
        <source>The clinic&apos;s key file asks for key derivation settings Caseplan never uses, so it has been changed or damaged; restore it from a backup.</source>
        <translation>Klinikkens nøkkelfil ber om innstillinger for nøkkelavledning som Caseplan aldri bruker, så den er endret eller skadet; hent den tilbake fra en sikkerhetskopi.</translation>
    </message>
    <message>
        <source>The database at {path} is damaged: it cannot be read to the end. Caseplan changed nothing; restore the last good backup (caseplan restore).</source>
        <translation>Databasen på {path} er skadet: den kan ikke leses til slutten. Caseplan endret ingenting; gjenopprett den siste gode sikkerhetskopien (caseplan restore).</translation>
    </message>
    <message>
        <source>The database at {where} cannot be opened.</source>
        <translation>Databasen på {where} kan ikke åpnes.</translation>
    </message>
    <message>
        <source>The database could not be unlocked: the password or key is wrong.</source>
        <translation>Databasen kunne ikke låses opp: passordet eller nøkkelen er feil.</translation>
    </message>
    <message>
        <source>The database is locked; please sign in to open it.</source>
        <translation>Databasen er låst; logg inn for å åpne den.</translation>
    </message>
    <message>
        <source>The encryption library (SQLCipher) is missing, so the database will not be opened.</source>
        <translation>Krypteringsbiblioteket (SQLCipher) mangler, så databasen blir ikke åpnet.</translation>
    </message>
    <message>
        <source>The file at {path} is not a Caseplan database.</source>
        <translation>Filen på {path} er ikke en Caseplan-database.</translation>
    </message>
    <message>
        <source>The file does not hold a Caseplan person: it is not one JSON object.</source>
        <translation>Filen inneholder ikke en Caseplan-person: den er ikke ett JSON-objekt.</translation>
    </message>
    <message>
        <source>The file does not say its format; it must have &quot;format&quot;: &quot;{expected}&quot;.</source>
        <translation>Filen oppgir ikke formatet sitt; den må ha &quot;format&quot;: &quot;{expected}&quot;.</translation>
    </message>
    <message>
        <source>The file has an object in which {key} is written twice.</source>
        <translation>Filen har et objekt der {key} står to ganger.</translation>
    </message>
    <message>
        <source>The file holds a number that is not valid JSON or is too large to read.</source>
        <translation>Filen inneholder et tall som ikke er gyldig JSON, eller som er for stort til å leses.</translation>
    </message>
    <message>
        <source>The file is cut short or is not valid JSON (line {line}, column {column}).</source>
        <translation>Filen er avkortet eller er ikke gyldig JSON (linje {line}, kolonne {column}).</translation>
    </message>
    <message>
        <source>The file is in the format {format}, which this Caseplan cannot read.</source>
        <translation>Filen har formatet {format}, som denne versjonen av Caseplan ikke kan lese.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text (the first wrong byte is at position {position}).</source>
        <translation>Filen er ikke UTF-8-tekst (den første ugyldige byten er på posisjon {position}).</translation>
    </message>
    <message>
        <source>The file is too large to be one person&apos;s data: at most {limit} MB is read.</source>
        <translation>Filen er for stor til å være data om én person: Caseplan leser høyst {limit} MB.</translation>
    </message>
    <message>
        <source>The file nests lists or objects too deeply to be a person&apos;s data.</source>
        <translation>Filen har lister eller objekter i for mange nivåer inni hverandre til å være data om én person.</translation>
    </message>
    <message>
        <source>The file {path} cannot be read.</source>
        <translation>Filen {path} kan ikke leses.</translation>
    </message>
    <message>
        <source>The file {path} is too large ({size} MB; at most {limit} MB).</source>
        <translation>Filen {path} er for stor ({size} MB; høyst {limit} MB).</translation>
    </message>
    <message>
        <source>The folder for the database cannot be created: {path}.</source>
        <translation>Mappen til databasen kan ikke opprettes: {path}.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Mappen {folder} finnes ikke.</translation>
    </message>
    <message>
        <source>The idle lock must be between {low} and {high} minutes.</source>
        <translation>Tiden før automatisk låsing må være mellom {low} og {high} minutter.</translation>
    </message>
    <message>
        <source>The key file at {path} is damaged or is not a Caseplan key file.</source>
        <translation>Nøkkelfilen på {path} er skadet eller er ikke en nøkkelfil fra Caseplan.</translation>
    </message>
    <message>
        <source>The key file beside the database is missing ({path}); restore it from a backup.</source>
        <translation>Nøkkelfilen ved siden av databasen mangler ({path}); hent den fra en sikkerhetskopi.</translation>
    </message>
    <message>
        <source>The key file beside the database is missing: {path}.</source>
        <translation>Nøkkelfilen ved siden av databasen mangler: {path}.</translation>
    </message>
    <message>
        <source>The key file of this backup is missing ({path}).</source>
        <translation>Nøkkelfilen til denne sikkerhetskopien mangler ({path}).</translation>
    </message>
    <message>
        <source>The new order must list every item exactly once.</source>
        <translation>Den nye rekkefølgen må ha med hvert element nøyaktig én gang.</translation>
    </message>
    <message>
        <source>The next review cannot be before this review.</source>
        <translation>Neste evaluering kan ikke være før denne evalueringen.</translation>
    </message>
    <message>
        <source>The number of people cannot be negative.</source>
        <translation>Antall personer kan ikke være negativt.</translation>
    </message>
    <message>
        <source>The peer hours report can be saved as .csv or .pdf, not {kind}.</source>
        <translation>Rapporten over likepersontimer kan lagres som .csv eller .pdf, ikke {kind}.</translation>
    </message>
    <message>
        <source>The period cannot end before it starts.</source>
        <translation>Perioden kan ikke slutte før den begynner.</translation>
    </message>
    <message>
        <source>The person has not consented to peer involvement, so no peer can join the team.</source>
        <translation>Personen har ikke samtykket til likepersonarbeid, så ingen likeperson kan bli med i teamet.</translation>
    </message>
    <message>
        <source>The plan period cannot end before it starts.</source>
        <translation>Planperioden kan ikke slutte før den begynner.</translation>
    </message>
    <message>
        <source>The printer {printer} did not take the job: {reason}</source>
        <translation>Skriveren {printer} tok ikke imot jobben: {reason}</translation>
    </message>
    <message>
        <source>The recovery key is wrong.</source>
        <translation>Gjenopprettingsnøkkelen er feil.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>De to passordene er ikke like.</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>Brukernavnet eller passordet er feil.</translation>
    </message>
    <message>
        <source>There are no plans to print.</source>
        <translation>Det er ingen planer å skrive ut.</translation>
    </message>
    <message>
        <source>There is already a database at {path}.</source>
        <translation>Det finnes allerede en database på {path}.</translation>
    </message>
    <message>
        <source>There is already an account called {name}.</source>
        <translation>Det finnes allerede en konto som heter {name}.</translation>
    </message>
    <message>
        <source>There is no account called {name}.</source>
        <translation>Det finnes ingen konto som heter {name}.</translation>
    </message>
    <message>
        <source>There is no crisis plan for this person yet, so there is no card to print.</source>
        <translation>Personen har ingen kriseplan ennå, så det er ikke noe krisekort å skrive ut.</translation>
    </message>
    <message>
        <source>There is no database at {path}.</source>
        <translation>Det finnes ingen database på {path}.</translation>
    </message>
    <message>
        <source>There is no file at {path}.</source>
        <translation>Det finnes ingen fil på {path}.</translation>
    </message>
    <message>
        <source>There is no practitioner account called {name}.</source>
        <translation>Det finnes ingen fagperson-konto som heter {name}.</translation>
    </message>
    <message>
        <source>There is no team member called {name} on this person&apos;s open plan.</source>
        <translation>Det er ingen deltaker som heter {name} i denne personens åpne plan.</translation>
    </message>
    <message>
        <source>There must always be at least one active administrator.</source>
        <translation>Det må alltid være minst én aktiv administrator.</translation>
    </message>
    <message>
        <source>These print settings cannot be used; please choose again.</source>
        <translation>Disse utskriftsinnstillingene kan ikke brukes; velg på nytt.</translation>
    </message>
    <message>
        <source>This account is not in the database.</source>
        <translation>Denne kontoen finnes ikke i databasen.</translation>
    </message>
    <message>
        <source>This account is switched off; please ask an administrator.</source>
        <translation>Denne kontoen er deaktivert; spør en administrator.</translation>
    </message>
    <message>
        <source>This change does not fit with what is already stored.</source>
        <translation>Denne endringen passer ikke med det som allerede er lagret.</translation>
    </message>
    <message>
        <source>This database was made by a newer version of Caseplan; please update Caseplan before opening it.</source>
        <translation>Denne databasen er laget av en nyere versjon av Caseplan; oppdater Caseplan før du åpner den.</translation>
    </message>
    <message>
        <source>This database was not made by Caseplan, so it will not be opened.</source>
        <translation>Denne databasen er ikke laget av Caseplan, så den blir ikke åpnet.</translation>
    </message>
    <message>
        <source>This goal has been rated in a review; close it instead of deleting it.</source>
        <translation>Dette målet er vurdert i en evaluering; avslutt målet i stedet for å slette det.</translation>
    </message>
    <message>
        <source>This goal is not in the database.</source>
        <translation>Dette målet finnes ikke i databasen.</translation>
    </message>
    <message>
        <source>This is not a demo database, so no fictional people are added to it.</source>
        <translation>Dette er ikke en demodatabase, så det blir ikke lagt til oppdiktede personer i den.</translation>
    </message>
    <message>
        <source>This meeting is not in the database.</source>
        <translation>Dette møtet finnes ikke i databasen.</translation>
    </message>
    <message>
        <source>This peer contribution is not in the database.</source>
        <translation>Dette likepersonbidraget finnes ikke i databasen.</translation>
    </message>
    <message>
        <source>This person already has an open plan; close it before opening a new one.</source>
        <translation>Denne personen har allerede en åpen plan; avslutt den før du åpner en ny.</translation>
    </message>
    <message>
        <source>This person has no open plan to print.</source>
        <translation>Denne personen har ingen åpen plan å skrive ut.</translation>
    </message>
    <message>
        <source>This person has no open plan.</source>
        <translation>Denne personen har ingen åpen plan.</translation>
    </message>
    <message>
        <source>This person has not consented to peer involvement, so a peer worker cannot open their plan.</source>
        <translation>Denne personen har ikke samtykket til likepersonarbeid, så en erfaringskonsulent kan ikke åpne planen.</translation>
    </message>
    <message>
        <source>This person is already in the database.</source>
        <translation>Denne personen finnes allerede i databasen.</translation>
    </message>
    <message>
        <source>This person is not among the people your account may open (you are not on their team).</source>
        <translation>Denne personen er ikke blant dem kontoen din kan åpne (du er ikke på teamet deres).</translation>
    </message>
    <message>
        <source>This person is not in the database.</source>
        <translation>Denne personen finnes ikke i databasen.</translation>
    </message>
    <message>
        <source>This plan is closed; its goals and steps are kept as they were.</source>
        <translation>Denne planen er lukket; målene og tiltakene er tatt vare på slik de var.</translation>
    </message>
    <message>
        <source>This plan is not in the database.</source>
        <translation>Denne planen finnes ikke i databasen.</translation>
    </message>
    <message>
        <source>This review is not in the database.</source>
        <translation>Denne evalueringen finnes ikke i databasen.</translation>
    </message>
    <message>
        <source>This step is not in the database.</source>
        <translation>Dette tiltaket finnes ikke i databasen.</translation>
    </message>
    <message>
        <source>This team member is not in the database.</source>
        <translation>Denne deltakeren finnes ikke i databasen.</translation>
    </message>
    <message>
        <source>This team member is not on this person&apos;s team.</source>
        <translation>Denne deltakeren er ikke med i teamet til personen.</translation>
    </message>
    <message>
        <source>Tick who is present before agreeing the plan.</source>
        <translation>Kryss av for hvem som er til stede før dere avtaler planen.</translation>
    </message>
    <message>
        <source>Too many wrong passwords: please wait {seconds} seconds and try again.</source>
        <translation>For mange feil passord: vent {seconds} sekunder og prøv igjen.</translation>
    </message>
    <message>
        <source>Your account may not add people.</source>
        <translation>Brukerkontoen din har ikke tilgang til å legge til personer.</translation>
    </message>
    <message>
        <source>Your account may not change this person&apos;s plan.</source>
        <translation>Brukerkontoen din har ikke tilgang til å endre planen til denne personen.</translation>
    </message>
    <message>
        <source>Your account may not export this person&apos;s plan.</source>
        <translation>Brukerkontoen din har ikke tilgang til å eksportere planen til denne personen.</translation>
    </message>
    <message>
        <source>Your account may not import plans.</source>
        <translation>Brukerkontoen din har ikke tilgang til å importere planer.</translation>
    </message>
    <message>
        <source>Your account may not open this person&apos;s plan.</source>
        <translation>Brukerkontoen din har ikke tilgang til å åpne planen til denne personen.</translation>
    </message>
    <message>
        <source>Your account may not print this person&apos;s plan.</source>
        <translation>Brukerkontoen din har ikke tilgang til å skrive ut planen til denne personen.</translation>
    </message>
    <message>
        <source>Your account may not read workers&apos; notes.</source>
        <translation>Brukerkontoen din har ikke tilgang til å lese arbeidsnotater.</translation>
    </message>
    <message>
        <source>Your account may not record peer contributions here.</source>
        <translation>Brukerkontoen din har ikke tilgang til å registrere likepersonbidrag her.</translation>
    </message>
    <message>
        <source>{count} team members are called {name}; give the team member&apos;s id instead.</source>
        <translation>{count} deltakere heter {name}; oppgi deltakerens id i stedet.</translation>
    </message>
    <message>
        <source>{field} contains a control character that cannot be stored.</source>
        <translation>{field} inneholder et kontrolltegn som ikke kan lagres.</translation>
    </message>
    <message>
        <source>{field} contains a hidden direction-changing character.</source>
        <translation>{field} inneholder et skjult tegn som endrer skriveretningen.</translation>
    </message>
    <message>
        <source>{field} is already in the database, under another person.</source>
        <translation>{field} finnes allerede i databasen, hos en annen person.</translation>
    </message>
    <message>
        <source>{field} is before {other}.</source>
        <translation>{field} er før {other}.</translation>
    </message>
    <message>
        <source>{field} is missing.</source>
        <translation>{field} mangler.</translation>
    </message>
    <message>
        <source>{field} is not a date that exists: {value}.</source>
        <translation>{field} er ikke en dato som finnes: {value}.</translation>
    </message>
    <message>
        <source>{field} is not a field Caseplan knows.</source>
        <translation>{field} er ikke et felt Caseplan kjenner.</translation>
    </message>
    <message>
        <source>{field} is the same number as {other}.</source>
        <translation>{field} har samme nummer som {other}.</translation>
    </message>
    <message>
        <source>{field} is too long: at most {limit} characters, this has {length}.</source>
        <translation>{field} er for lang: høyst {limit} tegn, her er det {length}.</translation>
    </message>
    <message>
        <source>{field} must be a JSON object.</source>
        <translation>{field} må være et JSON-objekt.</translation>
    </message>
    <message>
        <source>{field} must be a date written as YYYY-MM-DD.</source>
        <translation>{field} må være en dato skrevet som ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
        <source>{field} must be a list.</source>
        <translation>{field} må være en liste.</translation>
    </message>
    <message>
        <source>{field} must be a time written as YYYY-MM-DDTHH:MM:SS+00:00.</source>
        <translation>{field} må være et tidspunkt skrevet som ÅÅÅÅ-MM-DDTtt:mm:ss+00:00.</translation>
    </message>
    <message>
        <source>{field} must be a whole number from 0 to {high}.</source>
        <translation>{field} må være et helt tall fra 0 til {high}.</translation>
    </message>
    <message>
        <source>{field} must be a whole number from {low} to {high}.</source>
        <translation>{field} må være et helt tall fra {low} til {high}.</translation>
    </message>
    <message>
        <source>{field} must be an id like 0b7c7f2e-5d1a-4c1e-9a53-2f0d8e4b6a10.</source>
        <translation>{field} må være en ID som ser slik ut: 0b7c7f2e-5d1a-4c1e-9a53-2f0d8e4b6a10.</translation>
    </message>
    <message>
        <source>{field} must be one of: {allowed}.</source>
        <translation>{field} må være én av disse: {allowed}.</translation>
    </message>
    <message>
        <source>{field} must be text.</source>
        <translation>{field} må være tekst.</translation>
    </message>
    <message>
        <source>{field} must be true or false.</source>
        <translation>{field} må være true eller false.</translation>
    </message>
    <message>
        <source>{field} must not be empty.</source>
        <translation>{field} må fylles ut.</translation>
    </message>
    <message>
        <source>{field} names the same participant twice.</source>
        <translation>{field} nevner den samme deltakeren to ganger.</translation>
    </message>
    <message>
        <source>{field} nests too deeply.</source>
        <translation>{field} har for mange nivåer inni hverandre.</translation>
    </message>
    <message>
        <source>{field} rates a goal that the same participant already rated.</source>
        <translation>{field} vurderer et mål som den samme deltakeren allerede har vurdert.</translation>
    </message>
    <message>
        <source>{field} refers to a goal that is not in this plan.</source>
        <translation>{field} viser til et mål som ikke er i denne planen.</translation>
    </message>
    <message>
        <source>{field} refers to a participant who is not on this plan&apos;s team.</source>
        <translation>{field} viser til en deltaker som ikke er med i teamet for denne planen.</translation>
    </message>
    <message>
        <source>{field} uses the same id as {other}.</source>
        <translation>{field} bruker samme ID som {other}.</translation>
    </message>
    <message>
        <source>{name} attended meetings, which are kept; they cannot be removed.</source>
        <translation>{name} har vært med på møter som skal tas vare på, og kan derfor ikke fjernes.</translation>
    </message>
    <message>
        <source>{name} has not signed yet; sign on the screen or choose paper.</source>
        <translation>{name} har ikke skrevet under ennå; skriv under på skjermen eller velg papir.</translation>
    </message>
    <message>
        <source>{name} has rated goals in a review, which is kept; they cannot be removed.</source>
        <translation>{name} har vurdert mål i en evaluering som skal tas vare på, og kan derfor ikke fjernes.</translation>
    </message>
    <message>
        <source>{name} has rated the same goal twice in this review.</source>
        <translation>{name} har vurdert det samme målet to ganger i denne evalueringen.</translation>
    </message>
    <message>
        <source>{name} has recorded peer contributions, so their role must stay peer.</source>
        <translation>{name} har registrert likepersonbidrag, så rollen må fortsatt være likeperson.</translation>
    </message>
    <message>
        <source>{name} has recorded peer contributions; they cannot be removed from the team.</source>
        <translation>{name} har registrert likepersonbidrag og kan ikke fjernes fra teamet.</translation>
    </message>
    <message>
        <source>{name} is not a peer on this person&apos;s team.</source>
        <translation>{name} er ikke likeperson i teamet til denne personen.</translation>
    </message>
    <message>
        <source>{name} is not linked to an account or verified by a team lead, so paid minutes are held, not paid, until a team lead verifies who they are.</source>
        <translation>{name} er ikke knyttet til en brukerkonto eller bekreftet av en teamleder, så betalte minutter holdes tilbake og betales ikke før en teamleder har bekreftet hvem de er.</translation>
    </message>
    <message>
        <source>{name} is not linked to an account.</source>
        <translation>{name} er ikke koblet til en konto.</translation>
    </message>
    <message>
        <source>{name} is not on this person&apos;s team (see caseplan team list).</source>
        <translation>{name} er ikke med i teamet til denne personen (se caseplan team list).</translation>
    </message>
    <message>
        <source>{name} is not on this person&apos;s team.</source>
        <translation>{name} er ikke med i teamet til denne personen.</translation>
    </message>
    <message>
        <source>{name} is responsible for steps in the plan; give them to someone else first.</source>
        <translation>{name} har ansvar for tiltak i planen; gi ansvaret til noen andre først.</translation>
    </message>
    <message>
        <source>{name} is the coordinator; choose another coordinator first.</source>
        <translation>{name} er koordinator; velg en annen koordinator først.</translation>
    </message>
    <message>
        <source>{name} is the person whose plan this is: print the plan itself, not a copy for a team member.</source>
        <translation>{name} er personen som eier planen: skriv ut selve planen, ikke en kopi til en deltaker.</translation>
    </message>
    <message>
        <source>{name} must be present to agree their plan.</source>
        <translation>{name} må være til stede for å avtale planen sin.</translation>
    </message>
    <message>
        <source>{name}&apos;s signature is not a picture Caseplan can keep; please sign again.</source>
        <translation>Underskriften til {name} er ikke et bilde Caseplan kan ta vare på; skriv under på nytt.</translation>
    </message>
    <message>
        <source>{name}&apos;s signature is too large to keep; please clear it and sign again more simply, or choose signs on paper.</source>
        <translation>Underskriften til {name} er for stor til å lagres; tøm den og skriv under enklere, eller velg underskrift på papir.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file.</source>
        <translation>{path} er en mappe, ikke en fil.</translation>
    </message>
    <message>
        <source>{text} is not a date; write it as YYYY-MM-DD, for example 2026-03-31.</source>
        <translation>{text} er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, for eksempel 2026-03-31.</translation>
    </message>
    <message>
        <source>{text} is not a number of minutes.</source>
        <translation>{text} er ikke et antall minutter.</translation>
    </message>
    <message>
        <source>{text} is not a person id.</source>
        <translation>{text} er ikke en person-ID.</translation>
    </message>
    <message>
        <source>{text} is not a whole number of months.</source>
        <translation>{text} er ikke et helt antall måneder.</translation>
    </message>
    <message>
        <source>{value} is not a known {what}.</source>
        <translation>{value} er ikke en kjent verdi for {what}.</translation>
    </message>
    <message>
        <source>Only a team lead or an administrator can add fictional people.</source>
        <translation>Bare en teamleder eller en administrator kan legge til oppdiktede personer.</translation>
    </message>
    <message>
        <source>That meeting is not part of this person&apos;s open plan.</source>
        <translation>Det møtet hører ikke til personens åpne plan.</translation>
    </message>
    <message>
        <source>There is no meeting in this plan yet, so there is no summary to print.</source>
        <translation>Det er ikke noe møte i denne planen ennå, så det er ingen oppsummering å skrive ut.</translation>
    </message>
    <message>
        <source>Caseplan could not upgrade the database to this version, so it left it as it was (it still opens in the previous version); the backup from before the upgrade is {backup}.</source>
        <translation>Caseplan kunne ikke oppgradere databasen til denne versjonen, så den ble latt være som den var (den åpnes fortsatt i forrige versjon); sikkerhetskopien fra før oppgraderingen er {backup}.</translation>
    </message>
    <message>
        <source>Caseplan could not upgrade the database to this version, so it left it as it was; it still opens in the previous version.</source>
        <translation>Caseplan kunne ikke oppgradere databasen til denne versjonen, så den ble latt være som den var; den åpnes fortsatt i forrige versjon.</translation>
    </message>
    <message>
        <source>Caseplan may not write {path} (the place is read-only); choose another place.</source>
        <translation>Caseplan får ikke skrive {path} (stedet er skrivebeskyttet); velg et annet sted.</translation>
    </message>
    <message>
        <source>The database at {path} cannot be opened: its folder is missing or may not be written.</source>
        <translation>Databasen på {path} kan ikke åpnes: mappen mangler eller kan ikke skrives til.</translation>
    </message>
    <message>
        <source>The database at {path} is damaged, so Caseplan stopped without changing anything; restore the last good backup (caseplan restore).</source>
        <translation>Databasen på {path} er skadet, så Caseplan stoppet uten å endre noe; gjenopprett den siste gode sikkerhetskopien (caseplan restore).</translation>
    </message>
    <message>
        <source>The database at {path} is read-only (the file or its folder), so nothing was saved; ask for permission to write there.</source>
        <translation>Databasen på {path} er skrivebeskyttet (filen eller mappen), så ingenting ble lagret; be om tillatelse til å skrive der.</translation>
    </message>
    <message>
        <source>The database is busy with someone else&apos;s work, so nothing was saved; please try again in a moment.</source>
        <translation>Databasen er opptatt med noen andres arbeid, så ingenting ble lagret; prøv igjen om et øyeblikk.</translation>
    </message>
    <message>
        <source>The database is damaged ({problem}), so no backup was made and no earlier backup was replaced; keep the last good backup and restore it (caseplan restore).</source>
        <translation>Databasen er skadet ({problem}), så ingen sikkerhetskopi ble tatt og ingen tidligere sikkerhetskopi ble erstattet; ta vare på den siste gode sikkerhetskopien og gjenopprett den (caseplan restore).</translation>
    </message>
    <message>
        <source>The database server cannot be reached, so nothing was saved; check the network and try again.</source>
        <translation>Databaseserveren kan ikke nås, så ingenting ble lagret; sjekk nettverket og prøv igjen.</translation>
    </message>
    <message>
        <source>The database was not upgraded, because the backup before the upgrade could not be written in {folder}; free some space there or make it writable, then try again.</source>
        <translation>Databasen ble ikke oppgradert, fordi sikkerhetskopien før oppgraderingen ikke kunne skrives i {folder}; frigjør plass der eller gjør mappen skrivbar, og prøv igjen.</translation>
    </message>
    <message>
        <source>The disk holding the database could not be read or written, so nothing was saved; check the disk and try again.</source>
        <translation>Disken med databasen kunne ikke leses eller skrives, så ingenting ble lagret; sjekk disken og prøv igjen.</translation>
    </message>
    <message>
        <source>The disk holding the database is full, so nothing was saved; free some space and try again.</source>
        <translation>Disken med databasen er full, så ingenting ble lagret; frigjør plass og prøv igjen.</translation>
    </message>
    <message>
        <source>The disk is full, so the database was not upgraded and was left as it was; free some space and open it again.</source>
        <translation>Disken er full, så databasen ble ikke oppgradert og ble latt være som den var; frigjør plass og åpne den igjen.</translation>
    </message>
    <message>
        <source>There is no room for {path} on its disk, so it was not written; free some space or choose another place.</source>
        <translation>Det er ikke plass til {path} på disken, så den ble ikke skrevet; frigjør plass eller velg et annet sted.</translation>
    </message>
    <message>
        <source>Write in a few words why you need to open this person&apos;s plan (at least {count} letters); the reason is kept in the audit trail.</source>
        <translation>Skriv med noen ord hvorfor du må åpne denne personens plan (minst {count} bokstaver); begrunnelsen lagres i hendelsesloggen.</translation>
    </message>
    <message>
        <source>{path} could not be written because of a disk error; choose another place or check the disk.</source>
        <translation>{path} kunne ikke skrives på grunn av en diskfeil; velg et annet sted eller sjekk disken.</translation>
    </message>
    <message>
        <source>This password is too common or too easy to guess; please choose another, for example three or four words that do not belong together.</source>
        <translation>Dette passordet er for vanlig eller for lett å gjette; velg et annet, for eksempel tre eller fire ord som ikke hører sammen.</translation>
    </message>
    <message>
        <source>On a PostgreSQL server, the server&apos;s administrator resets passwords.</source>
        <translation>På en PostgreSQL-server er det serverens administrator som tilbakestiller passord.</translation>
    </message>
    <message>
        <source>Only a practitioner, team lead or administrator can change the clinic&apos;s keys.</source>
        <translation>Bare en fagperson, teamleder eller administrator kan endre tjenestens nøkler.</translation>
    </message>
    <message>
        <source>The database at {path} is not the one this key file belongs to (or it was replaced), so it was not opened and was left as it is; restore the database from a backup.</source>
        <translation>Databasen på {path} er ikke den denne nøkkelfilen hører til (eller den er byttet ut), så den ble ikke åpnet og er latt være som den er; hent databasen fra en sikkerhetskopi.</translation>
    </message>
    <message>
        <source>The database file at {path} is empty (0 bytes), so it was not opened and was left as it is; restore the database from a backup (caseplan restore).</source>
        <translation>Databasefilen på {path} er tom (0 byte), så den ble ikke åpnet og er latt være som den er; hent databasen fra en sikkerhetskopi (caseplan restore).</translation>
    </message>
    <message>
        <source>The key file&apos;s list of accounts was changed outside Caseplan, so no key is given to it; restore the key file from a backup.</source>
        <translation>Listen over kontoer i nøkkelfilen er endret utenfor Caseplan, så den får ingen nøkkel; hent nøkkelfilen fra en sikkerhetskopi.</translation>
    </message>
    <message>
        <source>The key this backup was made with is not known to this database, so it cannot be re-encrypted here: {path}.</source>
        <translation>Nøkkelen denne sikkerhetskopien ble laget med, er ukjent for denne databasen, så den kan ikke krypteres på nytt her: {path}.</translation>
    </message>
    <message>
        <source>The recovery key resets an administrator&apos;s password; {name} is not an administrator.</source>
        <translation>Gjenopprettingsnøkkelen tilbakestiller passordet til en administrator; {name} er ikke administrator.</translation>
    </message>
    <message>
        <source>This account has no key for the current database yet; please ask an administrator.</source>
        <translation>Denne kontoen har ennå ingen nøkkel til den nåværende databasen; spør en administrator.</translation>
    </message>
    <message>
        <source>This clinic&apos;s key file is from an older Caseplan; an administrator must sign in first (or use the recovery key) to bring it up to date.</source>
        <translation>Nøkkelfilen til denne tjenesten er fra en eldre Caseplan; en administrator må logge inn først (eller bruke gjenopprettingsnøkkelen) for å oppdatere den.</translation>
    </message>
    <message>
        <source>Your view of the clinic&apos;s plans is not ready yet: a colleague (practitioner, team lead or administrator) must sign in once first.</source>
        <translation>Din visning av tjenestens planer er ikke klar ennå: en kollega (fagperson, teamleder eller administrator) må logge inn én gang først.</translation>
    </message>
    <message>
        <source>A file already exists at {path}; choose another name, or add --force to replace it.</source>
        <translation>Det finnes allerede en fil på {path}; velg et annet navn, eller legg til --force for å erstatte den.</translation>
    </message>
    <message>
        <source>{path} belongs to a Caseplan database (the database, its key file or a backup) and is never written over; choose another file name.</source>
        <translation>{path} hører til en Caseplan-database (databasen, nøkkelfilen eller en sikkerhetskopi) og blir aldri skrevet over; velg et annet filnavn.</translation>
    </message>
    <message>
        <source>{path} is a folder; give the name of a file to write in it.</source>
        <translation>{path} er en mappe; oppgi navnet på en fil som skal skrives i den.</translation>
    </message>
    <message>
        <source>No recovery key given: set CASEPLAN_RECOVERY_KEY or run the command in a terminal.</source>
        <translation>Ingen gjenopprettingsnøkkel er oppgitt: sett CASEPLAN_RECOVERY_KEY eller kjør kommandoen i en terminal.</translation>
    </message>
    <message>
        <source>{field} contains an invisible character (such as a zero-width space); type it again without it.</source>
        <translation>{field} inneholder et usynlig tegn (for eksempel et mellomrom uten bredde); skriv det på nytt uten det.</translation>
    </message>
    <message>
        <source>{field} is about a goal this review already speaks of.</source>
        <translation>{field} gjelder et mål denne evalueringen allerede omtaler.</translation>
    </message>
    <message>
        <source>A goal can be in a review only once.</source>
        <translation>Et mål kan bare være med én gang i en evaluering.</translation>
    </message>
    <message>
        <source>A goal in this review is not part of this plan.</source>
        <translation>Et mål i denne evalueringen hører ikke til denne planen.</translation>
    </message>
    <message>
        <source>A goal to carry over is not part of the last plan.</source>
        <translation>Et mål som skal tas med videre, hører ikke til den forrige planen.</translation>
    </message>
    <message>
        <source>A review cannot be dated in the future.</source>
        <translation>En evaluering kan ikke dateres fram i tid.</translation>
    </message>
    <message>
        <source>Choose an active practitioner account for this person.</source>
        <translation>Velg en aktiv behandlerkonto for denne personen.</translation>
    </message>
    <message>
        <source>Only a peer, a practitioner or the coordinator on the team can be linked to a Caseplan account.</source>
        <translation>Bare en likeperson, en behandler eller koordinatoren i teamet kan kobles til en Caseplan-konto.</translation>
    </message>
    <message>
        <source>Only a team lead can add a person for another practitioner.</source>
        <translation>Bare en teamleder kan legge til en person for en annen behandler.</translation>
    </message>
    <message>
        <source>Only a team lead or an administrator can change the clinic&apos;s settings.</source>
        <translation>Bare en teamleder eller en administrator kan endre innstillingene for tjenesten.</translation>
    </message>
    <message>
        <source>Please give the date the person consented to the plan.</source>
        <translation>Skriv inn datoen personen samtykket til planen.</translation>
    </message>
    <message>
        <source>Say whether the person consented on the screen or on paper.</source>
        <translation>Si om personen samtykket på skjermen eller på papir.</translation>
    </message>
    <message>
        <source>The date of birth cannot be before {earliest}; please check it.</source>
        <translation>Fødselsdatoen kan ikke være før {earliest}; sjekk den.</translation>
    </message>
    <message>
        <source>The date of birth cannot be in the future.</source>
        <translation>Fødselsdatoen kan ikke være fram i tid.</translation>
    </message>
    <message>
        <source>The next review cannot be before the plan starts.</source>
        <translation>Neste evaluering kan ikke være før planen begynner.</translation>
    </message>
    <message>
        <source>The person cannot have consented on a day still to come.</source>
        <translation>Personen kan ikke ha samtykket på en dag som ennå ikke har kommet.</translation>
    </message>
    <message>
        <source>The time to the first review must be between {low} and {high} months.</source>
        <translation>Tiden fram til første evaluering må være mellom {low} og {high} måneder.</translation>
    </message>
    <message>
        <source>This person has no earlier plan to continue from.</source>
        <translation>Denne personen har ingen tidligere plan å fortsette fra.</translation>
    </message>
    <message>
        <source>This plan version is not in the database.</source>
        <translation>Denne planversjonen finnes ikke i databasen.</translation>
    </message>
    <message>
        <source>Your account may not close this person&apos;s plan.</source>
        <translation>Kontoen din kan ikke avslutte denne personens plan.</translation>
    </message>
    <message>
        <source>{value} is not a language Caseplan can print a plan in; use one of: {choices}.</source>
        <translation>{value} er ikke et språk Caseplan kan skrive ut en plan på; bruk ett av: {choices}.</translation>
    </message>
    <message>
        <source>Only a team lead can read what people say helps.</source>
        <translation>Bare en teamleder kan lese hva folk sier hjelper.</translation>
    </message>
    <message>
        <source>Only a team lead can see the team&apos;s figures.</source>
        <translation>Bare en teamleder kan se teamets tall.</translation>
    </message>
    <message>
        <source>Only practitioners and team leads have an overview.</source>
        <translation>Bare behandlere og teamledere har en oversikt.</translation>
    </message>
    <message>
        <source>A list can be saved as .csv or .pdf, not {kind}.</source>
        <translation>En liste kan lagres som .csv eller .pdf, ikke {kind}.</translation>
    </message>
    <message>
        <source>Weeks without contact must be between {low} and {high}.</source>
        <translation>Antall uker uten kontakt må være mellom {low} og {high}.</translation>
    </message>
    <message>
        <source>Only a peer on the team can be verified.</source>
        <translation>Bare en likeperson i teamet kan bekreftes.</translation>
    </message>
    <message>
        <source>Only a team lead can accept imported peer contributions for payment.</source>
        <translation>Bare en teamleder kan godta importerte likepersonbidrag for utbetaling.</translation>
    </message>
    <message>
        <source>Only a team lead can verify who a peer is.</source>
        <translation>Bare en teamleder kan bekrefte hvem en likeperson er.</translation>
    </message>
    <message>
        <source>This imported peer contribution has already been accepted.</source>
        <translation>Dette importerte likepersonbidraget er allerede godtatt.</translation>
    </message>
    <message>
        <source>This peer contribution was recorded here, not imported: there is nothing to accept.</source>
        <translation>Dette likepersonbidraget ble registrert her, ikke importert: det er ingenting å godta.</translation>
    </message>
    <message>
        <source>This peer is linked to an account already: the account says who they are.</source>
        <translation>Denne likepersonen er allerede knyttet til en konto: kontoen viser hvem de er.</translation>
    </message>
    <message>
        <source>An agreed version is the whole plan; the person&apos;s consent lets you see only a part of it.</source>
        <translation>En avtalt versjon er hele planen; personens samtykke lar deg bare se en del av den.</translation>
    </message>
    <message>
        <source>{name} has no valid consent to see this plan (none given, or it has ended), so no copy can be made for them.</source>
        <translation>{name} har ikke gyldig samtykke til å se denne planen (ikke gitt, eller det har sluttet), så det kan ikke lages en kopi til dem.</translation>
    </message>
    <message>
        <source>Audit event {seq} does not carry the seal Caseplan gave it: it was added, changed, moved or renumbered outside Caseplan.</source>
        <translation>Hendelse {seq} har ikke seglet Caseplan ga den: den ble lagt til, endret, flyttet eller omnummerert utenfor Caseplan.</translation>
    </message>
    <message>
        <source>Audit event {seq} has no seal though the ones before it have: it was added or changed outside Caseplan.</source>
        <translation>Hendelse {seq} har ikke segl selv om hendelsene før den har det: den ble lagt til eller endret utenfor Caseplan.</translation>
    </message>
    <message>
        <source>Audit event {seq} is not the one {where} recorded: the trail up to it was rewritten, or the database was replaced by another copy of itself.</source>
        <translation>Hendelse {seq} er ikke den som {where} registrerte: hendelsesloggen fram til den ble skrevet om, eller databasen ble byttet ut med en annen kopi av seg selv.</translation>
    </message>
    <message>
        <source>Audit event {seq} was written after {where} recorded event {seq} as the newest: the events up to it were deleted (or the database was replaced by an older copy of itself) and new ones were written since.</source>
        <translation>Hendelse {seq} ble skrevet etter at {where} registrerte hendelse {seq} som den nyeste: hendelsene fram til den ble slettet (eller databasen ble byttet ut med en eldre kopi av seg selv), og nye er skrevet siden.</translation>
    </message>
    <message>
        <source>Audit event {seq}, which {where} recorded, is missing: events were deleted or renumbered.</source>
        <translation>Hendelse {seq}, som {where} registrerte, mangler: hendelser ble slettet eller omnummerert.</translation>
    </message>
    <message>
        <source>The audit trail ends at event {head}, but {where} recorded event {seq}: its newest events were deleted, or the database was replaced by an older copy of itself.</source>
        <translation>Hendelsesloggen slutter ved hendelse {head}, men {where} registrerte hendelse {seq}: de nyeste hendelsene ble slettet, eller databasen ble byttet ut med en eldre kopi av seg selv.</translation>
    </message>
    <message>
        <source>The audit trail is empty, but {where} recorded event {seq}: its events were deleted.</source>
        <translation>Hendelsesloggen er tom, men {where} registrerte hendelse {seq}: hendelsene ble slettet.</translation>
    </message>
    <message>
        <source>The audit trail was emptied: none of its events is as old as event {seq}, which {where} recorded.</source>
        <translation>Hendelsesloggen ble tømt: ingen av hendelsene er så gamle som hendelse {seq}, som {where} registrerte.</translation>
    </message>
    <message>
        <source>The audit trail&apos;s key is missing from the database, so no event can be proven (first sealed event: {seq}).</source>
        <translation>Hendelsesloggens nøkkel mangler i databasen, så ingen hendelse kan bevises (første forseglede hendelse: {seq}).</translation>
    </message>
    <message>
        <source>--expect takes the head as check wrote it, like 1234:ab12cd34ef56ab78.</source>
        <translation>--expect tar toppen slik check skrev den, for eksempel 1234:ab12cd34ef56ab78.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Housing</source>
        <translation>Bolig</translation>
    </message>
    <message>
        <source>Physical health</source>
        <translation>Fysisk helse</translation>
    </message>
    <message>
        <source>Mental health</source>
        <translation>Psykisk helse</translation>
    </message>
    <message>
        <source>Substance use</source>
        <translation>Rusmidler</translation>
    </message>
    <message>
        <source>Work and activity</source>
        <translation>Arbeid og aktivitet</translation>
    </message>
    <message>
        <source>Income and finances</source>
        <translation>Inntekt og økonomi</translation>
    </message>
    <message>
        <source>Family and children</source>
        <translation>Familie og barn</translation>
    </message>
    <message>
        <source>Social network</source>
        <translation>Sosialt nettverk</translation>
    </message>
    <message>
        <source>Leisure</source>
        <translation>Fritid</translation>
    </message>
    <message>
        <source>Legal matters</source>
        <translation>Juridiske forhold</translation>
    </message>
    <message>
        <source>Daily living</source>
        <translation>Hverdagsliv</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annet</translation>
    </message>
    <message>
        <source>Working on it</source>
        <translation>Jobber med det</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Nådd</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>På pause</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Avsluttet</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planlagt</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Gjort</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Droppet</translation>
    </message>
    <message>
        <source>The person</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Fagperson</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Likeperson</translation>
    </message>
    <message>
        <source>Family or friend</source>
        <translation>Familie eller venn</translation>
    </message>
    <message>
        <source>Other service</source>
        <translation>Annen tjeneste</translation>
    </message>
    <message>
        <source>Whole plan</source>
        <translation>Hele planen</translation>
    </message>
    <message>
        <source>Own part</source>
        <translation>Egen del</translation>
    </message>
    <message>
        <source>Crisis plan</source>
        <translation>Kriseplan</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>Ikke samtykke</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Møte</translation>
    </message>
    <message>
        <source>Phone or message</source>
        <translation>Telefon eller melding</translation>
    </message>
    <message>
        <source>Went along</source>
        <translation>Fulgte med</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Utkast</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Avtalt</translation>
    </message>
    <message>
        <source>Not said</source>
        <translation>Ikke oppgitt</translation>
    </message>
    <message>
        <source>Paid by the service</source>
        <translation>Lønnet av tjenesten</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Frivillig</translation>
    </message>
    <message>
        <source>goals reached</source>
        <translation>målene er nådd</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>flyttet</translation>
    </message>
    <message>
        <source>follow-up ended</source>
        <translation>oppfølgingen er avsluttet</translation>
    </message>
    <message>
        <source>other reason</source>
        <translation>annen grunn</translation>
    </message>
    <message>
        <source>practitioner</source>
        <translation>behandler</translation>
    </message>
    <message>
        <source>team lead</source>
        <translation>teamleder</translation>
    </message>
    <message>
        <source>peer worker</source>
        <translation>erfaringskonsulent</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>{name} ({username}, {role})</source>
        <translation>{name} ({username}, {role})</translation>
    </message>
    <message>
        <source>switched off</source>
        <translation>deaktivert</translation>
    </message>
    <message>
        <source>Their Caseplan account</source>
        <extracomment>the account linked when the dialog opened, and the member&apos;s role then</extracomment>
        <translation>Deres Caseplan-konto</translation>
    </message>
    <message>
        <source>No account</source>
        <translation>Ingen konto</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Caseplan cannot start</source>
        <translation>Caseplan kan ikke starte</translation>
    </message>
</context>
<context>
    <name>output</name>
    <message>
        <source>Saved to {path}. The file is not encrypted: keep it safe, and delete it when it is no longer needed.</source>
        <translation>Lagret i {path}. Filen er ikke kryptert: oppbevar den trygt, og slett den når den ikke trengs lenger.</translation>
    </message>
</context>
<context>
    <name>save_dialog</name>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
</context>
<context>
    <name>start</name>
    <message>
        <source>This is a demo with fictional people. Sign in as &quot;demo&quot; (practitioner), &quot;lead&quot; (team lead), &quot;peer&quot; (peer worker) or &quot;admin&quot;; every demo account uses the password &quot;demo&quot;.</source>
        <translation>Dette er en demo med oppdiktede personer. Logg inn som «demo» (behandler), «lead» (leder), «peer» (erfaringskonsulent) eller «admin»; alle demokontoene har passordet «demo».</translation>
    </message>
    <message>
        <source>{account} has signed out. Sign in with another account.</source>
        <translation>{account} har logget ut. Logg inn med en annen konto.</translation>
    </message>
    <message>
        <source>{account} has signed out. The next person signs in here.</source>
        <translation>{account} har logget ut. Neste person logger inn her.</translation>
    </message>
</context>
<context>
    <name>typed_dates</name>
    <message>
        <source>“{text}” is not a date. Write it like 14.03.2027, 14 mar or +14 (in 14 days).</source>
        <translation>«{text}» er ikke en dato. Skriv den som 14.03.2027, 14 mar eller +14 (om 14 dager).</translation>
    </message>
    <message>
        <source>Write a year between {earliest} and {latest}.</source>
        <translation>Skriv et år mellom {earliest} og {latest}.</translation>
    </message>
    <message>
        <source>“{text}” is not in the calendar: that month has {days} days.</source>
        <translation>«{text}» finnes ikke i kalenderen: den måneden har {days} dager.</translation>
    </message>
</context>
</TS>
