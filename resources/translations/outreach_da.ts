<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="da_DK">
<context>
    <name>Agenda</name>
    <message>
        <source>Åben rådgivning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opfølgningssamtale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefonsamtale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hjemmebesøg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netværksmøde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planlagt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mødt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udeblev</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aflyst</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgendaPage</name>
    <message>
        <source>Kalender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‹ Forrige uge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forrige uge (Alt+Venstre)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I dag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denne uge (Alt+Home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Næste uge ›</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Næste uge (Alt+Højre)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny aftale (Ctrl+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åbn sag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åbn borgerens sag (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv notat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv journalnotat til aftalen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flyt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flyt eller ret (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aflys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aflys aftalen (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mødt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borgeren mødte op (Ctrl+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udeblev</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borgeren udeblev (Ctrl+U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d. %s %d – %d. %s %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d. %s – %d. %s %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d.–%d. %s %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uge %d, %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henter ugens aftaler …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aftaler: %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mødt: %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>udeblev: %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aflyst: %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen aftaler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s med %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fremmøde?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vælg en aftale for at flytte den, aflyse den eller registrere fremmøde.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen aftaler denne uge. Book en ny med «Ny aftale».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s %d. %s kl. %s–%s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bemærkning: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fremmøde registreres, når mødet begynder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aftalen er gemt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aflys aftale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aflys aftalen %s %d. %s kl. %s?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Husk at give borgeren besked om aflysningen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aflys aftalen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behold aftalen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aftalen er aflyst.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udeblivelse registreret. Påmindelsen om at kontakte borgeren står på I dag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fremmøde registreret. Skriv notatet med «Skriv notat».</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <source>Flyt aftale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny aftale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vælg partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Med partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klokkeslæt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Varighed i minutter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fx kontoret i beboerhuset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initiativ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobkonsulenten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borgeren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fx: tolk bestilt, medbring lægeattest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bemærkning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem ændringer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book aftale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kl.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dato og tid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Varighed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initiativ fra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flyt eller ret aftalen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hjemme hos borger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vælg borgeren, aftalen er med.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vælg partneren, netværksmødet holdes med.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Et nyt møde kan ikke ligge i fortiden. Vælg en senere dato eller tid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mødet kan ikke flyttes til fortiden. Vælg en senere dato eller tid.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>Tilføjelse til notat af %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notat – %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s · Udkast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kontakt – %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s med %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milepæl – %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s hos %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s (til %s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henvisning til %s – %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobkonsulent: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ukendt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny information fra %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s – ikke behandlet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tidslinje</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rogression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Henvisninger og samtykker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Detaljer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen borger er valgt. Find en borger med søgefeltet øverst (Ctrl+F).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borgerens navn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPR-nummer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vis hele CPR-nummeret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kopiér</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kopiér CPR-nummeret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kopiér telefonnummeret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPR:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefon:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobkonsulent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Målgruppe:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Næste aftale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nyt notat (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book møde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny milepæl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Det aftalte (udskrift) …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udskriv det aftalte til borgeren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ikke angivet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n notat(er) er ikke afsluttet</source>
        <translation>
            <numerusform>%n notat er ikke afsluttet</numerusform>
            <numerusform>%n notater er ikke afsluttet</numerusform>
        </translation>
    </message>
    <message>
        <source>ikke registreret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skjult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skjul</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s (dig)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s – %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s – %s (%s tager kontakt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ingen aftalt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fortryd</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CitizenPicker</name>
    <message>
        <source>Ukendt borger</source>
        <extracomment>Fewer letters than this are not searched (a single letter matches half the office).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Søg på navn, CPR-nummer eller telefon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Søg efter borger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fundne borgere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv mindst to tegn for at søge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borgere fundet: %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen borgere passer på søgningen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CitizenPickerDialog</name>
    <message>
        <source>Find borger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Søg efter borger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navn, CPR eller telefon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fundne borgere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vælg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrér ny borger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv navn, CPR-nummer eller telefonnummer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n borger(e) fundet</source>
        <translation>
            <numerusform>%n borger fundet</numerusform>
            <numerusform>%n borgere fundet</numerusform>
        </translation>
    </message>
    <message>
        <source>Ingen borger fundet. Registrér personen som ny borger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen borger fundet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CitizensPage</name>
    <message>
        <source>Borgere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrér ny borger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Søg på fornavn, efternavn, CPR-nummer eller telefonnummer. Er borgeren ny, så registrér vedkommende med det, du ved nu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n borger(e) fundet. Enter åbner den øverste.</source>
        <translation>
            <numerusform>%n borger fundet. Enter åbner den.</numerusform>
            <numerusform>%n borgere fundet. Enter åbner den øverste.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ingen borger fundet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrér ny borger med det søgte (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Alle dine borgere: %n</source>
        <translation>
            <numerusform>Alle dine borgere: %n</numerusform>
            <numerusform>Alle dine borgere: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Du har ingen borgere endnu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Samtykke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fx: oplysninger om helbred og økonomi, så partneren kan hjælpe med et budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvad må deles, og til hvilket formål</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen bestemt partner (generelt samtykke)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Givet den</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udløb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intet udløb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Om 6 måneder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Om 12 måneder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anden dato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udløber den</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fx: givet mundtligt ved mødet, underskrevet blanket i mappen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detaljer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem samtykke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvad må deles, og hvorfor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Med hvem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udløber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borgerens samtykke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samtykket gælder kun de oplysninger og det formål, der står her. Borgeren kan altid trække det tilbage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv, hvilke oplysninger borgeren siger ja til at dele, og hvorfor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udløbsdatoen kan ikke ligge før samtykket blev givet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayColumn</name>
    <message>
        <source>I dag</source>
        <extracomment>Attendance can be recorded from this long before the start (the citizen is early). The left edge of a card, by what it needs: (edge colour, badge background, text).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aftaler %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s %d. %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s %d.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsTab</name>
    <message>
        <source>ikke angivet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åbn den borger, der har CPR-nummeret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem oplysninger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fornavn:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Efternavn:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CPR-nummer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Telefon:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Adresse:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Målgruppe:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sprog:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sta&amp;tus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oplysningerne er skjult i diskret visning. Slå diskret visning fra (Ctrl+D) for at se og rette dem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ændringer er ikke gemt endnu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s – skriv hele nummeret for at rette det</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DDMMÅÅ-XXXX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der er ingen ændringer at gemme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gemmer …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oplysningerne er gemt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oplysningerne er ikke gemt.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Fornavn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Efternavn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPR-nummer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notatet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidspunktet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Varigheden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samtykkets omfang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formålet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partnerens navn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aftalen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktiviteten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disken er fuld, så ændringen blev ikke gemt. Det, du har skrevet, er der stadig. Frigør plads og gem igen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Et andet program bruger profilen lige nu. Prøv igen om lidt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profilen er låst. Lås op og prøv igen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En del af denne sag kan ikke læses, fordi filen er beskadiget. Kontakt IT; resten af profilen kan bruges.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der findes allerede en borger med dette CPR-nummer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPR-nummeret skal være 10 cifre (DDMMÅÅ-XXXX) med en rigtig dato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notatet er afsluttet og kan ikke ændres. Skriv en tilføjelse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henvisningen kræver borgerens samtykke til denne partner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borgeren har allerede denne konsulent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sagen findes ikke længere på denne computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ændringen blev afvist, fordi den bryder en regel for sagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s: kontrollér feltet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noget gik galt (%s). Prøv igen; hjælper det ikke, så kontakt IT.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>virksomhedspraktik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>løntilskud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>småjob / få timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ordinært job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fleksjob</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uddannelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ressourceforløb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>afklaring til førtidspension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd.MM.yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>helbred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mental sundhed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sprog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>netværk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bolig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>økonomi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>familie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hverdagsmestring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jobparathed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>åben rådgivning</source>
        <extracomment>Item roles as plain ints: data() is called for every cell and role on each paint.
----------
Milliseconds between the last change and the autosave.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opfølgningssamtale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>telefon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hjemmebesøg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>netværksmøde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planlagt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mødt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>udeblev</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aflyst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aktiv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>afsluttet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPR-nummer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HH.mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dddd d. MMMM yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>i dag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>i går</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>i morgen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d. MMM yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ukendt borger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aktivitetsparat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uddannelsesparat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jobparat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sygedagpenge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visiteret til fleksjob</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>andet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dansk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>engelsk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>i gang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gennemført</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stoppet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sendt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepteret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>startet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>afvist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>annulleret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>udeblevet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lægen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boligforeningen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arbejdsgiveren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>en partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>borgeren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>en myndighed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>andre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gæld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>børnepasning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jobsøgning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>breve og blanketter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ydelse og sanktioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>misbrug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jobkonsulenten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd.MM.yyyy HH:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d. MMMM yyyy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Outreach – %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find borger: navn, CPR eller telefon  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Søg efter borger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I dag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borgere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åben rådgivning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kalender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partnere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny borger (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diskret visning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lås (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synkroniser nu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synkroniser før du arbejder videre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ikke tilmeldt centralen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Søg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny borger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nyt notat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lås</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outreach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indstillinger …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genvejstaster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afslut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter i søgefeltet åbner den første borger. Ctrl+Enter afslutter et notat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kopieret. Udklipsholderen ryddes om 30 sekunder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åbn en borger først; så skriver Ctrl+N et notat til borgeren.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synkroniseret: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seneste forsøg mislykkedes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Gennemse (%n)</source>
        <translation>
            <numerusform>Gennemse (%n)</numerusform>
            <numerusform>Gennemse (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Denne bærbar har ikke været synkroniseret i %n dag(e). Af hensyn til borgernes data kan den først bruges igen, når den har været forbundet til centralen. Forbind til kontorets netværk og synkroniser.</source>
        <translation>
            <numerusform>Denne bærbar har ikke været synkroniseret i %n dag. Af hensyn til borgernes data kan den først bruges igen, når den har været forbundet til centralen. Forbind til kontorets netværk og synkroniser.</numerusform>
            <numerusform>Denne bærbar har ikke været synkroniseret i %n dage. Af hensyn til borgernes data kan den først bruges igen, når den har været forbundet til centralen. Forbind til kontorets netværk og synkroniser.</numerusform>
        </translation>
    </message>
    <message>
        <source>Synkroniserer …</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n borger(e) er ikke længere på denne bærbar</source>
        <translation>
            <numerusform>%n borger er ikke længere på denne bærbar</numerusform>
            <numerusform>%n borgere er ikke længere på denne bærbar</numerusform>
        </translation>
    </message>
    <message>
        <source>Bærbaren er frameldt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hovedkontoret har frameldt denne bærbar. Dine ændringer er sendt til centralen, og borgernes data er slettet fra bærbaren.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n ændring(er) venter på synkronisering</source>
        <translation>
            <numerusform>%n ændring venter på synkronisering</numerusform>
            <numerusform>%n ændringer venter på synkronisering</numerusform>
        </translation>
    </message>
    <message>
        <source>Det lykkedes ikke</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MilestoneDialog</name>
    <message>
        <source>Ny milepæl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slutter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slutdato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fx antal timer om ugen (valgfrit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem milepæl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Milepæl:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fra:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Til:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Partner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slutdatoen ligger før startdatoen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewProfileForm</name>
    <message>
        <source>OUTREACH1. … (valgfri)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opret profil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dit navn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kontor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adgangsfrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gentag adgangsfrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilmeldingskode fra hovedkontoret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny profil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dit navn:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kontor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adgangsfrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gentag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilmeldingskode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Koden fra hovedkontoret tilmelder bærbaren til centralen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilbage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv dit navn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv kontorets navn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adgangsfrasen skal have mindst %d tegn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De to adgangsfraser er forskellige.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisationens gendannelsesnøgle mangler. Bed IT om filen recovery-public.pem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profilen kunne ikke oprettes: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotePage</name>
    <message>
        <source>Notat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gemmestatus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Det oprindelige notat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skabelon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indsæt skabelon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notatets tekst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvad skete der, og hvad blev aftalt?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ikke angivet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Partner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Et netværksmøde registreres med den partner, det var med.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvad gør borgeren, og hvad gør du?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;idspunkt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Varighed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Aftaler:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emne: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Næste kontakt er aftalt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Næste kontakt, tidspunkt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Næste kontakt, type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvem tager kontakten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Næste kontakt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvornår:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvordan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvem tager den:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kassér udkast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilbage til sagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem nu (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afslut notat (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv tilføjelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opretter udkast …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henter notatet …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udkast oprettet %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afsluttet %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gemt %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vælg partner …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der er ingen skabelon for denne type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gemmer …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ikke gemt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv notatet, før du afslutter det.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afslutter …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vælg den partner, netværksmødet var med.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ikke afsluttet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vil du kassere dette udkast? Teksten kan ikke findes igen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kassér</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afsluttet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilføjelse – udkast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udkast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilføjelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilføjelse til notat af %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <source>Redigér partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fx Café Fællesbordet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kontaktperson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvad tilbyder partneren, og hvordan samarbejder I?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktiv (vises i listen og kan få henvisninger)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv partnerens navn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mailadressen ser forkert ud (fx navn@eksempel.dk).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartnerModel</name>
    <message>
        <source>Henvisninger, der endnu ikke er afsluttet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kontaktperson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åbne henv.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s (inaktiv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Partners</name>
    <message>
        <source>Civilsamfund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boligsocial indsats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sundhed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gældsrådgivning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sprogskole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virksomhed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uddannelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Andet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartnersPage</name>
    <message>
        <source>Partnere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtrér på navn, type, kontaktperson eller hvad partneren tilbyder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtrér partnere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vis inaktive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ny partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redigér</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Henvis borger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henter partnere …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der er ingen partnere endnu. Tilføj de lokale samarbejdspartnere med «Ny partner».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen partnere passer på filteret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partnere: %d  ·  Åbne henvisninger: %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen partner valgt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen beskrivelse af samarbejdet endnu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inaktiv: vises ikke, når der henvises.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borgeren er henvist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partneren er gemt.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <source>For kort: mindst %d tegn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Svag: brug flere ord.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rimelig: et ord mere gør den stærk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stærk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meget stærk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <source>Mål</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvad vil borgeren gerne nå?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aftaler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktiviteter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktivitet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Næste kontakt er aftalt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Næste kontakt, tidspunkt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Næste kontakt, type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvem tager kontakten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilføj aftale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fjern aftale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilføj aktivitet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fjern aktivitet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Det har vi aftalt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dobbeltklik på en aftale for at rette den.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Næste kontakt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvornår:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvordan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvem tager kontakten:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ændringer er ikke gemt endnu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Senest ændret %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktivitetens status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktivitet %d mangler en titel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktivitet %d: skriv datoerne som dd.mm.åååå.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktivitet %d: en slutdato kræver en startdato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktivitet %d slutter, før den starter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gemmer …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planen er gemt %s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planen er ikke gemt.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintoutDialog</name>
    <message>
        <source>Det aftalte – udskrift til borgeren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henter …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forhåndsvisning af udskriften</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udskriv …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem som PDF …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kun planen, aktiviteterne, næste møde og dine kontaktoplysninger kommer med. Udskriften logges.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem som PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>det-aftalte.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udskriv det aftalte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printeren kunne ikke startes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressionTab</name>
    <message>
        <source>Scorer pr. livsområde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milepæle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milepæl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Til</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der er ikke givet nogen scorer endnu. Brug “Ny score”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen milepæle endnu. Brug “Ny milepæl”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny score</source>
        <extracomment>The chart of the scores over time, made when the tab is first shown with scores (matplotlib is imported on the worker first, never at start-up).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny milepæl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 er det sværeste, 10 det bedste. Ændring: siden første score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scorer over tid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seneste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ændring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>i gang</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueActions</name>
    <message>
        <source>Find borgeren, der venter, og tryk Enter. Er personen ikke registreret, så registrér vedkommende som ny borger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Betjen: find borgeren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fjernet fra køen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueList</name>
    <message>
        <source>Ingen venter lige nu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… og %n mere i køen</source>
        <translation>
            <numerusform>… og %n mere i køen</numerusform>
            <numerusform>… og %n mere i køen</numerusform>
        </translation>
    </message>
    <message>
        <source>Ankom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Betjen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Betjen %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gået</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s er gået</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personen gik, før der blev tid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ikke slået op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personen er endnu ikke fundet eller registreret som borger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>venter %d min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Navn eller kendetegn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fx det fornavn, personen siger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find kendt borger …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fjern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fjern valgt borger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sæt i kø</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åben rådgivning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny i køen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv det navn, personen siger, og tryk Enter. Kender du borgeren, kan du finde vedkommende med det samme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv et navn, eller find en kendt borger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sat i kø.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borger: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Venter nu: %n</source>
        <translation>
            <numerusform>Venter nu: %n</numerusform>
            <numerusform>Venter nu: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Henvis borger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vælg partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fx: praktik i køkkenet 3 dage om ugen for at afprøve arbejdstider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formål</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samtykke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giv samtykke nu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henvis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henvisning til partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intet samtykke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borgeren har ikke et gyldigt samtykke til at dele oplysninger med denne partner. Giv samtykke nu, hvis borgeren siger ja.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>givet %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>givet %s, udløber %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generelt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Til partneren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vælg først borgeren.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vælg borgeren, der skal henvises.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vælg partneren, borgeren henvises til.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv formålet med henvisningen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henvisningen kræver borgerens samtykke til at dele oplysninger med denne partner. Vælg et samtykke, eller giv samtykke nu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralsTab</name>
    <message>
        <source>Omfang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Givet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udløber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilbagekaldt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samtykker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formål</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henvist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henvisninger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny status for henvisningen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borgeren har ikke givet samtykke til at dele oplysninger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen henvisninger endnu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giv samtykke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilbagekald</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny henvisning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skift status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valgt henvisning:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partnerne i omfanget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>udløber ikke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vælg først det samtykke, der skal tilbagekaldes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilbagekald samtykke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borgeren tilbagekalder samtykket fra i dag. Der kan ikke deles mere på det.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samtykket er tilbagekaldt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vælg først den henvisning, der skal have ny status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henvisningen har fået ny status.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>Registrér borger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fornavn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Påkrævet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Efternavn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvis borgeren siger det</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fx 20 12 34 56</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPR-nummer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DDMMÅÅ-XXXX (valgfrit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrér og åbn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åbn borgeren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der findes allerede en borger med dette CPR-nummer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrér ny borger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv det, du ved nu. Resten kan tilføjes senere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fornavn *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPR-nummeret må kun indeholde cifre (og evt. en bindestreg).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPR-nummeret har for mange cifre: det skal være 10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPR-nummeret skal være 10 cifre (DDMMÅÅ-XXXX).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv CPR-nummeret som DDMMÅÅ-XXXX.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De første seks cifre skal være en rigtig dato (DDMMÅÅ).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fødselsdatoen i CPR-nummeret ligger i fremtiden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv mindst et fornavn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefonnummeret skal have 3 til 15 cifre, evt. med +45 foran.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderModel</name>
    <message>
        <source>Påmindelse</source>
        <extracomment>The order reminders are listed in: what costs the citizen most if forgotten first.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvornår</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Udeblev fra møde – kontakt borgeren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opfølgning aftalt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny information – overvej et ekstra møde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notat ikke afsluttet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udeblevne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opfølgning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samtykker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notater</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samtykke udløber %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Rapporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobkonsulent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ved periodens slut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I perioden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gns. pr. dag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sagsstamme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I alt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henvisninger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kontakter pr. uge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milepæle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denne måned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dette kvartal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dette år</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sidste kvartal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selvvalgt periode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fra dato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Til dato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kontaktform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle kontaktformer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milepæl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle milepæle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eksportér CSV …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eksportér PDF …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nøgletal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Værdi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s – %s · %s borgere tilknyttet i perioden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kontakter i alt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unikke borgere med kontakt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heraf med første kontakt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opfølgningssamtaler: mødt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opfølgningssamtaler: udeblevet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opfølgningssamtaler: aflyst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fremmøde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Startet i praktik eller løntilskud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktive i %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Ændring i %s (%n borgere)</source>
        <translation>
            <numerusform>Ændring i %s (%n borger)</numerusform>
            <numerusform>Ændring i %s (%n borgere)</numerusform>
        </translation>
    </message>
    <message>
        <source>Dage til første milepæl (median)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eksportér rapport som CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eksportér rapport som PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laver PDF …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eksportér rapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF&apos;en blev ikke lavet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapporten er gemt: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScoreDialog</name>
    <message>
        <source>Ny score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvad bygger scoren på? (valgfrit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Livsområde:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 er det sværeste, 10 det bedste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Score:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dato:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Indstillinger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start i diskret visning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sprog:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sproget skiftes, næste gang programmet starter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lås efter inaktivitet:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>Outreach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profil:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny profil …</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>Centralen kan ikke nås. Ændringerne gemmes her og sendes senere.</source>
        <extracomment>The last error&apos;s class (kept in the vault) in the consultant&apos;s words.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centralen er optaget eller nede. Ændringerne sendes senere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centralen svarede noget uforståeligt. Intet er tabt; der prøves igen senere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serveren viste et andet certifikat end centralens. Intet blev sendt. Kontakt IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centralen kræver en nyere udgave af programmet. Kontakt IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centralen kender ikke denne bærbar. Bed hovedkontoret om en ny tilmelding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denne bærbar er ikke tilmeldt centralen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synkroniseringen mislykkedes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aldrig</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncReviewDialog</name>
    <message>
        <source>Synkronisering: gennemse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konflikter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Svar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Begrundelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afviste ændringer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvad skete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meddelelser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Felt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centralens værdi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Din værdi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behold centralens værdi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brug min værdi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feltet blev ændret både her og på centralen. Centralens værdi vises nu; vælg hvilken der skal gælde.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sat i karantæne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afvist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdraget til en anden konsulent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slået sammen med en borger med samme CPR-nummer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fjernet fra denne bærbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>Tidslinje</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidspunkt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hændelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indhold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der er ikke sket noget i sagen endnu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dobbeltklik på et notat (eller tryk Enter) for at åbne det.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åbn notatet med dobbeltklik eller Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indhold (skjult i diskret visning)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>I dag</source>
        <extracomment>Reminders derive from notes, plans, information and consents, so most changes count.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aftaler i dag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen aftaler i dag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venter i åben rådgivning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Betjen den første</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Til åben rådgivning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Påmindelser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen påmindelser – alt er fulgt op.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vis påmindelser om</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aftaler i dag (%d)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åbn sagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mødt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udeblev</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aflyst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv notat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv notat: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registreret som mødt. Skriv notatet nu med »Skriv notat«.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registreret som udeblevet. Husk at kontakte borgeren.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registreret som aflyst.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venter i åben rådgivning (%d)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Påmindelser (%d)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockPanel</name>
    <message>
        <source>Adgangsfrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lås op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profil: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adgangsfrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forkert adgangsfrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profilen kunne ikke åbnes: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forkert adgangsfrase. Prøv igen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Forkert adgangsfrase. Vent %n sekund(er) før næste forsøg.</source>
        <translation>
            <numerusform>Forkert adgangsfrase. Vent %n sekund før næste forsøg.</numerusform>
            <numerusform>Forkert adgangsfrase. Vent %n sekunder før næste forsøg.</numerusform>
        </translation>
    </message>
</context>
</TS>
