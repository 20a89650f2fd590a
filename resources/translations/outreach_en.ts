<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="da_DK">
<context>
    <name>Agenda</name>
    <message>
        <source>Åben rådgivning</source>
        <translation>Open counselling</translation>
    </message>
    <message>
        <source>Opfølgningssamtale</source>
        <translation>Follow-up meeting</translation>
    </message>
    <message>
        <source>Telefonsamtale</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>Hjemmebesøg</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>Netværksmøde</source>
        <translation>Network meeting</translation>
    </message>
    <message>
        <source>Planlagt</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Mødt</source>
        <translation>Attended</translation>
    </message>
    <message>
        <source>Udeblev</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>Aflyst</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>AgendaPage</name>
    <message>
        <source>Kalender</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>‹ Forrige uge</source>
        <translation>‹ Previous week</translation>
    </message>
    <message>
        <source>Forrige uge (Alt+Venstre)</source>
        <translation>Previous week (Alt+Left)</translation>
    </message>
    <message>
        <source>I dag</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Denne uge (Alt+Home)</source>
        <translation>This week (Alt+Home)</translation>
    </message>
    <message>
        <source>Næste uge ›</source>
        <translation>Next week ›</translation>
    </message>
    <message>
        <source>Næste uge (Alt+Højre)</source>
        <translation>Next week (Alt+Right)</translation>
    </message>
    <message>
        <source>Ny aftale (Ctrl+B)</source>
        <translation>New appointment (Ctrl+B)</translation>
    </message>
    <message>
        <source>Åbn sag</source>
        <translation>Open case</translation>
    </message>
    <message>
        <source>Åbn borgerens sag (Enter)</source>
        <translation>Open the citizen&apos;s case (Enter)</translation>
    </message>
    <message>
        <source>Skriv notat</source>
        <translation>Write note</translation>
    </message>
    <message>
        <source>Skriv journalnotat til aftalen</source>
        <translation>Write a case note for the appointment</translation>
    </message>
    <message>
        <source>Flyt</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>Flyt eller ret (F2)</source>
        <translation>Move or edit (F2)</translation>
    </message>
    <message>
        <source>Aflys</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Aflys aftalen (Del)</source>
        <translation>Cancel the appointment (Del)</translation>
    </message>
    <message>
        <source>Mødt</source>
        <translation>Attended</translation>
    </message>
    <message>
        <source>Borgeren mødte op (Ctrl+M)</source>
        <translation>The citizen attended (Ctrl+M)</translation>
    </message>
    <message>
        <source>Udeblev</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>Borgeren udeblev (Ctrl+U)</source>
        <translation>The citizen did not attend (Ctrl+U)</translation>
    </message>
    <message>
        <source>%d. %s %d – %d. %s %d</source>
        <translation>%d %s %d – %d %s %d</translation>
    </message>
    <message>
        <source>%d. %s – %d. %s %d</source>
        <translation>%d %s – %d %s %d</translation>
    </message>
    <message>
        <source>%d.–%d. %s %d</source>
        <translation>%d–%d %s %d</translation>
    </message>
    <message>
        <source>Uge %d, %s</source>
        <translation>Week %d, %s</translation>
    </message>
    <message>
        <source>Henter ugens aftaler …</source>
        <translation>Loading the week&apos;s appointments …</translation>
    </message>
    <message>
        <source>Aftaler: %d</source>
        <translation>Appointments: %d</translation>
    </message>
    <message>
        <source>mødt: %d</source>
        <translation>attended: %d</translation>
    </message>
    <message>
        <source>udeblev: %d</source>
        <translation>no-show: %d</translation>
    </message>
    <message>
        <source>aflyst: %d</source>
        <translation>cancelled: %d</translation>
    </message>
    <message>
        <source>Ingen aftaler</source>
        <translation>No appointments</translation>
    </message>
    <message>
        <source>%s med %s</source>
        <translation>%s with %s</translation>
    </message>
    <message>
        <source>Fremmøde?</source>
        <translation>Attended?</translation>
    </message>
    <message>
        <source>Vælg en aftale for at flytte den, aflyse den eller registrere fremmøde.</source>
        <translation>Select an appointment to move it, cancel it or record attendance.</translation>
    </message>
    <message>
        <source>Ingen aftaler denne uge. Book en ny med «Ny aftale».</source>
        <translation>No appointments this week. Book one with “New appointment”.</translation>
    </message>
    <message>
        <source>%s %d. %s kl. %s–%s</source>
        <translation>%s %d %s, %s–%s</translation>
    </message>
    <message>
        <source>Bemærkning: %s</source>
        <translation>Remark: %s</translation>
    </message>
    <message>
        <source>Fremmøde registreres, når mødet begynder.</source>
        <translation>Attendance can be recorded when the meeting starts.</translation>
    </message>
    <message>
        <source>Aftalen er gemt.</source>
        <translation>The appointment has been saved.</translation>
    </message>
    <message>
        <source>Aflys aftale</source>
        <translation>Cancel appointment</translation>
    </message>
    <message>
        <source>Aflys aftalen %s %d. %s kl. %s?</source>
        <translation>Cancel the appointment on %s %d %s at %s?</translation>
    </message>
    <message>
        <source>Husk at give borgeren besked om aflysningen.</source>
        <translation>Remember to tell the citizen about the cancellation.</translation>
    </message>
    <message>
        <source>Aflys aftalen</source>
        <translation>Cancel appointment</translation>
    </message>
    <message>
        <source>Behold aftalen</source>
        <translation>Keep appointment</translation>
    </message>
    <message>
        <source>Aftalen er aflyst.</source>
        <translation>The appointment has been cancelled.</translation>
    </message>
    <message>
        <source>Udeblivelse registreret. Påmindelsen om at kontakte borgeren står på I dag.</source>
        <translation>No-show recorded. The reminder to contact the citizen is on Today.</translation>
    </message>
    <message>
        <source>Fremmøde registreret. Skriv notatet med «Skriv notat».</source>
        <translation>Attendance recorded. Write the note with “Write note”.</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <source>Flyt aftale</source>
        <translation>Move appointment</translation>
    </message>
    <message>
        <source>Ny aftale</source>
        <translation>New appointment</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Vælg partner</source>
        <translation>Choose partner</translation>
    </message>
    <message>
        <source>Med partner</source>
        <translation>With partner</translation>
    </message>
    <message>
        <source>Dato</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Klokkeslæt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source> min.</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Varighed i minutter</source>
        <translation>Duration in minutes</translation>
    </message>
    <message>
        <source>Fx kontoret i beboerhuset</source>
        <translation>E.g. the office in the community centre</translation>
    </message>
    <message>
        <source>Sted</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Initiativ</source>
        <translation>Initiated by</translation>
    </message>
    <message>
        <source>Jobkonsulenten</source>
        <translation>The job consultant</translation>
    </message>
    <message>
        <source>Borgeren</source>
        <translation>The citizen</translation>
    </message>
    <message>
        <source>Fx: tolk bestilt, medbring lægeattest</source>
        <translation>E.g.: interpreter booked, bring the doctor&apos;s certificate</translation>
    </message>
    <message>
        <source>Bemærkning</source>
        <translation>Remark</translation>
    </message>
    <message>
        <source>Gem ændringer</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>Book aftale</source>
        <translation>Book appointment</translation>
    </message>
    <message>
        <source>kl.</source>
        <translation>at</translation>
    </message>
    <message>
        <source>Borger</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Dato og tid</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Varighed</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Initiativ fra</source>
        <translation>Initiated by</translation>
    </message>
    <message>
        <source>Flyt eller ret aftalen</source>
        <translation>Move or edit the appointment</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Hjemme hos borger</source>
        <translation>At the citizen&apos;s home</translation>
    </message>
    <message>
        <source>Vælg borgeren, aftalen er med.</source>
        <translation>Choose the citizen the appointment is with.</translation>
    </message>
    <message>
        <source>Vælg partneren, netværksmødet holdes med.</source>
        <translation>Choose the partner the network meeting is with.</translation>
    </message>
    <message>
        <source>Et nyt møde kan ikke ligge i fortiden. Vælg en senere dato eller tid.</source>
        <translation>A new meeting cannot be in the past. Choose a later date or time.</translation>
    </message>
    <message>
        <source>Mødet kan ikke flyttes til fortiden. Vælg en senere dato eller tid.</source>
        <translation>The meeting cannot be moved to the past. Choose a later date or time.</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>Tilføjelse til notat af %s</source>
        <translation>Addendum to the note of %s</translation>
    </message>
    <message>
        <source>Notat – %s</source>
        <translation>Note – %s</translation>
    </message>
    <message>
        <source>%s · Udkast</source>
        <translation>%s · Draft</translation>
    </message>
    <message>
        <source>Kontakt – %s</source>
        <translation>Contact – %s</translation>
    </message>
    <message>
        <source>%s med %s</source>
        <translation>%s with %s</translation>
    </message>
    <message>
        <source>Milepæl – %s</source>
        <translation>Milestone – %s</translation>
    </message>
    <message>
        <source>%s hos %s</source>
        <translation>%s at %s</translation>
    </message>
    <message>
        <source>%s (til %s)</source>
        <translation>%s (until %s)</translation>
    </message>
    <message>
        <source>Henvisning til %s – %s</source>
        <translation>Referral to %s – %s</translation>
    </message>
    <message>
        <source>Jobkonsulent: %s</source>
        <translation>Job consultant: %s</translation>
    </message>
    <message>
        <source>ukendt</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Ny information fra %s</source>
        <translation>New information from %s</translation>
    </message>
    <message>
        <source>%s – ikke behandlet</source>
        <translation>%s – not dealt with</translation>
    </message>
    <message>
        <source>Borger</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>&amp;Tidslinje</source>
        <translation>&amp;Timeline</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <source>P&amp;rogression</source>
        <translation>P&amp;rogression</translation>
    </message>
    <message>
        <source>&amp;Henvisninger og samtykker</source>
        <translation>Referrals and co&amp;nsents</translation>
    </message>
    <message>
        <source>&amp;Detaljer</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>Ingen borger er valgt. Find en borger med søgefeltet øverst (Ctrl+F).</source>
        <translation>No citizen selected. Find a citizen with the search field at the top (Ctrl+F).</translation>
    </message>
    <message>
        <source>Borgerens navn</source>
        <translation>Citizen&apos;s name</translation>
    </message>
    <message>
        <source>CPR-nummer</source>
        <translation>CPR number</translation>
    </message>
    <message>
        <source>Vis</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Vis hele CPR-nummeret</source>
        <translation>Show the full CPR number</translation>
    </message>
    <message>
        <source>Kopiér</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Kopiér CPR-nummeret</source>
        <translation>Copy the CPR number</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Kopiér telefonnummeret</source>
        <translation>Copy the phone number</translation>
    </message>
    <message>
        <source>CPR:</source>
        <translation>CPR:</translation>
    </message>
    <message>
        <source>Telefon:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Jobkonsulent:</source>
        <translation>Job consultant:</translation>
    </message>
    <message>
        <source>Målgruppe:</source>
        <translation>Target group:</translation>
    </message>
    <message>
        <source>Næste aftale:</source>
        <translation>Next appointment:</translation>
    </message>
    <message>
        <source>Nyt notat (Ctrl+N)</source>
        <translation>New note (Ctrl+N)</translation>
    </message>
    <message>
        <source>Book møde</source>
        <translation>Book meeting</translation>
    </message>
    <message>
        <source>Ny milepæl</source>
        <translation>New milestone</translation>
    </message>
    <message>
        <source>Ny score</source>
        <translation>New score</translation>
    </message>
    <message>
        <source>Det aftalte (udskrift) …</source>
        <translation>What we agreed (printout) …</translation>
    </message>
    <message>
        <source>Udskriv det aftalte til borgeren</source>
        <translation>Print what was agreed for the citizen</translation>
    </message>
    <message>
        <source>ikke angivet</source>
        <translation>not specified</translation>
    </message>
    <message numerus="yes">
        <source>%n notat(er) er ikke afsluttet</source>
        <translation>
            <numerusform>%n note is not finished</numerusform>
            <numerusform>%n notes are not finished</numerusform>
        </translation>
    </message>
    <message>
        <source>ikke registreret</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>skjult</source>
        <translation>hidden</translation>
    </message>
    <message>
        <source>Skjul</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>ingen</source>
        <translation>none</translation>
    </message>
    <message>
        <source>%s (dig)</source>
        <translation>%s (you)</translation>
    </message>
    <message>
        <source>%s – %s</source>
        <translation>%s – %s</translation>
    </message>
    <message>
        <source>%s – %s (%s tager kontakt)</source>
        <translation>%s – %s (%s makes contact)</translation>
    </message>
    <message>
        <source>ingen aftalt</source>
        <translation>none agreed</translation>
    </message>
    <message>
        <source>Fortryd</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CitizenPicker</name>
    <message>
        <source>Ukendt borger</source>
        <extracomment>Fewer letters than this are not searched (a single letter matches half the office).</extracomment>
        <translation>Unknown citizen</translation>
    </message>
    <message>
        <source>Søg på navn, CPR-nummer eller telefon</source>
        <translation>Search by name, CPR number or phone</translation>
    </message>
    <message>
        <source>Søg efter borger</source>
        <translation>Search for citizen</translation>
    </message>
    <message>
        <source>Fundne borgere</source>
        <translation>Citizens found</translation>
    </message>
    <message>
        <source>Skriv mindst to tegn for at søge.</source>
        <translation>Type at least two characters to search.</translation>
    </message>
    <message>
        <source>Borgere fundet: %d</source>
        <translation>Citizens found: %d</translation>
    </message>
    <message>
        <source>Ingen borgere passer på søgningen.</source>
        <translation>No citizens match the search.</translation>
    </message>
</context>
<context>
    <name>CitizenPickerDialog</name>
    <message>
        <source>Find borger</source>
        <translation>Find citizen</translation>
    </message>
    <message>
        <source>Søg efter borger</source>
        <translation>Search for citizen</translation>
    </message>
    <message>
        <source>Navn, CPR eller telefon</source>
        <translation>Name, CPR or phone</translation>
    </message>
    <message>
        <source>Fundne borgere</source>
        <translation>Citizens found</translation>
    </message>
    <message>
        <source>Vælg</source>
        <translation>Select</translation>
    </message>
    <message>
        <source>Registrér ny borger</source>
        <translation>Register new citizen</translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Skriv navn, CPR-nummer eller telefonnummer.</source>
        <translation>Type a name, CPR number or phone number.</translation>
    </message>
    <message numerus="yes">
        <source>%n borger(e) fundet</source>
        <translation>
            <numerusform>%n citizen found</numerusform>
            <numerusform>%n citizens found</numerusform>
        </translation>
    </message>
    <message>
        <source>Ingen borger fundet. Registrér personen som ny borger.</source>
        <translation>No citizen found. Register the person as a new citizen.</translation>
    </message>
    <message>
        <source>Ingen borger fundet.</source>
        <translation>No citizen found.</translation>
    </message>
</context>
<context>
    <name>CitizensPage</name>
    <message>
        <source>Borgere</source>
        <translation>Citizens</translation>
    </message>
    <message>
        <source>Registrér ny borger</source>
        <translation>Register new citizen</translation>
    </message>
    <message>
        <source>Søg på fornavn, efternavn, CPR-nummer eller telefonnummer. Er borgeren ny, så registrér vedkommende med det, du ved nu.</source>
        <translation>Search by first name, last name, CPR number or phone number. If the citizen is new, register them with what you know now.</translation>
    </message>
    <message numerus="yes">
        <source>%n borger(e) fundet. Enter åbner den øverste.</source>
        <translation>
            <numerusform>%n citizen found. Enter opens it.</numerusform>
            <numerusform>%n citizens found. Enter opens the top one.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ingen borger fundet.</source>
        <translation>No citizen found.</translation>
    </message>
    <message>
        <source>Registrér ny borger med det søgte (Enter)</source>
        <translation>Register a new citizen from the search (Enter)</translation>
    </message>
    <message numerus="yes">
        <source>Alle dine borgere: %n</source>
        <translation>
            <numerusform>All your citizens: %n</numerusform>
            <numerusform>All your citizens: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Du har ingen borgere endnu.</source>
        <translation>You have no citizens yet.</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Samtykke</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Fx: oplysninger om helbred og økonomi, så partneren kan hjælpe med et budget</source>
        <translation>E.g.: information on health and finances, so the partner can help with a budget</translation>
    </message>
    <message>
        <source>Hvad må deles, og til hvilket formål</source>
        <translation>What may be shared, and for what purpose</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Ingen bestemt partner (generelt samtykke)</source>
        <translation>No specific partner (general consent)</translation>
    </message>
    <message>
        <source>Givet den</source>
        <translation>Given on</translation>
    </message>
    <message>
        <source>Udløb</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>Intet udløb</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <source>Om 6 måneder</source>
        <translation>In 6 months</translation>
    </message>
    <message>
        <source>Om 12 måneder</source>
        <translation>In 12 months</translation>
    </message>
    <message>
        <source>Anden dato</source>
        <translation>Other date</translation>
    </message>
    <message>
        <source>Udløber den</source>
        <translation>Expires on</translation>
    </message>
    <message>
        <source>Fx: givet mundtligt ved mødet, underskrevet blanket i mappen</source>
        <translation>E.g.: given orally at the meeting, signed form in the folder</translation>
    </message>
    <message>
        <source>Detaljer</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Gem samtykke</source>
        <translation>Save consent</translation>
    </message>
    <message>
        <source>Borger</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Hvad må deles, og hvorfor</source>
        <translation>What may be shared, and why</translation>
    </message>
    <message>
        <source>Med hvem</source>
        <translation>With whom</translation>
    </message>
    <message>
        <source>Udløber</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Borgerens samtykke</source>
        <translation>Citizen&apos;s consent</translation>
    </message>
    <message>
        <source>Samtykket gælder kun de oplysninger og det formål, der står her. Borgeren kan altid trække det tilbage.</source>
        <translation>The consent covers only the information and the purpose stated here. The citizen can withdraw it at any time.</translation>
    </message>
    <message>
        <source>Skriv, hvilke oplysninger borgeren siger ja til at dele, og hvorfor.</source>
        <translation>Write which information the citizen agrees to share, and why.</translation>
    </message>
    <message>
        <source>Udløbsdatoen kan ikke ligge før samtykket blev givet.</source>
        <translation>The expiry date cannot be before the consent was given.</translation>
    </message>
</context>
<context>
    <name>DayColumn</name>
    <message>
        <source>I dag</source>
        <extracomment>Attendance can be recorded from this long before the start (the citizen is early). The left edge of a card, by what it needs: (edge colour, badge background, text).</extracomment>
        <translation>Today</translation>
    </message>
    <message>
        <source>Aftaler %s</source>
        <translation>Appointments %s</translation>
    </message>
    <message>
        <source>%s %d. %s</source>
        <translation>%s %d %s</translation>
    </message>
    <message>
        <source>%s %d.</source>
        <translation>%s %d</translation>
    </message>
</context>
<context>
    <name>DetailsTab</name>
    <message>
        <source>ikke angivet</source>
        <translation>not specified</translation>
    </message>
    <message>
        <source>Åbn den borger, der har CPR-nummeret</source>
        <translation>Open the citizen who has this CPR number</translation>
    </message>
    <message>
        <source>Gem oplysninger</source>
        <translation>Save details</translation>
    </message>
    <message>
        <source>&amp;Fornavn:</source>
        <translation>&amp;First name:</translation>
    </message>
    <message>
        <source>&amp;Efternavn:</source>
        <translation>&amp;Last name:</translation>
    </message>
    <message>
        <source>&amp;CPR-nummer:</source>
        <translation>&amp;CPR number:</translation>
    </message>
    <message>
        <source>&amp;Telefon:</source>
        <translation>P&amp;hone:</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>E&amp;mail:</translation>
    </message>
    <message>
        <source>&amp;Adresse:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>&amp;Målgruppe:</source>
        <translation>Target gro&amp;up:</translation>
    </message>
    <message>
        <source>&amp;Sprog:</source>
        <translation>Lan&amp;guage:</translation>
    </message>
    <message>
        <source>Sta&amp;tus:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Oplysningerne er skjult i diskret visning. Slå diskret visning fra (Ctrl+D) for at se og rette dem.</source>
        <translation>The details are hidden in discreet view. Turn discreet view off (Ctrl+D) to see and edit them.</translation>
    </message>
    <message>
        <source>Ændringer er ikke gemt endnu.</source>
        <translation>Changes not saved yet.</translation>
    </message>
    <message>
        <source>%s – skriv hele nummeret for at rette det</source>
        <translation>%s – type the full number to change it</translation>
    </message>
    <message>
        <source>DDMMÅÅ-XXXX</source>
        <translation>DDMMYY-XXXX</translation>
    </message>
    <message>
        <source>Der er ingen ændringer at gemme.</source>
        <translation>There are no changes to save.</translation>
    </message>
    <message>
        <source>Gemmer …</source>
        <translation>Saving …</translation>
    </message>
    <message>
        <source>Oplysningerne er gemt.</source>
        <translation>The details have been saved.</translation>
    </message>
    <message>
        <source>Oplysningerne er ikke gemt.</source>
        <translation>The details were not saved.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Fornavn</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Efternavn</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>CPR-nummer</source>
        <translation>CPR number</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Notatet</source>
        <translation>The note</translation>
    </message>
    <message>
        <source>Tidspunktet</source>
        <translation>The time</translation>
    </message>
    <message>
        <source>Varigheden</source>
        <translation>The duration</translation>
    </message>
    <message>
        <source>Scoren</source>
        <translation>The score</translation>
    </message>
    <message>
        <source>Samtykkets omfang</source>
        <translation>The scope of the consent</translation>
    </message>
    <message>
        <source>Formålet</source>
        <translation>The purpose</translation>
    </message>
    <message>
        <source>Partnerens navn</source>
        <translation>The partner&apos;s name</translation>
    </message>
    <message>
        <source>Aftalen</source>
        <translation>The agreement</translation>
    </message>
    <message>
        <source>Aktiviteten</source>
        <translation>The activity</translation>
    </message>
    <message>
        <source>Disken er fuld, så ændringen blev ikke gemt. Det, du har skrevet, er der stadig. Frigør plads og gem igen.</source>
        <translation>The disk is full, so the change was not saved. What you wrote is still there. Free up some space and save again.</translation>
    </message>
    <message>
        <source>Et andet program bruger profilen lige nu. Prøv igen om lidt.</source>
        <translation>Another program is using the profile right now. Try again in a moment.</translation>
    </message>
    <message>
        <source>Profilen er låst. Lås op og prøv igen.</source>
        <translation>The profile is locked. Unlock it and try again.</translation>
    </message>
    <message>
        <source>En del af denne sag kan ikke læses, fordi filen er beskadiget. Kontakt IT; resten af profilen kan bruges.</source>
        <translation>Part of this case cannot be read because the file is damaged. Contact IT; the rest of the profile can still be used.</translation>
    </message>
    <message>
        <source>Der findes allerede en borger med dette CPR-nummer.</source>
        <translation>A citizen with this CPR number already exists.</translation>
    </message>
    <message>
        <source>CPR-nummeret skal være 10 cifre (DDMMÅÅ-XXXX) med en rigtig dato.</source>
        <translation>The CPR number must be 10 digits (DDMMYY-XXXX) with a real date.</translation>
    </message>
    <message>
        <source>Notatet er afsluttet og kan ikke ændres. Skriv en tilføjelse.</source>
        <translation>The note is finished and cannot be changed. Write an addendum.</translation>
    </message>
    <message>
        <source>Henvisningen kræver borgerens samtykke til denne partner.</source>
        <translation>The referral needs the citizen&apos;s consent for this partner.</translation>
    </message>
    <message>
        <source>Borgeren har allerede denne konsulent.</source>
        <translation>The citizen already has this consultant.</translation>
    </message>
    <message>
        <source>Sagen findes ikke længere på denne computer.</source>
        <translation>The case is no longer on this computer.</translation>
    </message>
    <message>
        <source>Ændringen blev afvist, fordi den bryder en regel for sagen.</source>
        <translation>The change was refused because it breaks a rule for the case.</translation>
    </message>
    <message>
        <source>%s: kontrollér feltet.</source>
        <translation>%s: please check this field.</translation>
    </message>
    <message>
        <source>Noget gik galt (%s). Prøv igen; hjælper det ikke, så kontakt IT.</source>
        <translation>Something went wrong (%s). Try again; if that does not help, contact IT.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>virksomhedspraktik</source>
        <translation>work placement</translation>
    </message>
    <message>
        <source>løntilskud</source>
        <translation>wage subsidy</translation>
    </message>
    <message>
        <source>småjob / få timer</source>
        <translation>small job / few hours</translation>
    </message>
    <message>
        <source>ordinært job</source>
        <translation>ordinary job</translation>
    </message>
    <message>
        <source>fleksjob</source>
        <translation>flex job</translation>
    </message>
    <message>
        <source>uddannelse</source>
        <translation>education</translation>
    </message>
    <message>
        <source>IPS</source>
        <translation>IPS</translation>
    </message>
    <message>
        <source>ressourceforløb</source>
        <translation>resource programme</translation>
    </message>
    <message>
        <source>afklaring til førtidspension</source>
        <translation>assessment for disability pension</translation>
    </message>
    <message>
        <source>dd.MM.yyyy</source>
        <translation>dd/MM/yyyy</translation>
    </message>
    <message>
        <source>helbred</source>
        <translation>health</translation>
    </message>
    <message>
        <source>mental sundhed</source>
        <translation>mental health</translation>
    </message>
    <message>
        <source>sprog</source>
        <translation>language</translation>
    </message>
    <message>
        <source>netværk</source>
        <translation>network</translation>
    </message>
    <message>
        <source>bolig</source>
        <translation>housing</translation>
    </message>
    <message>
        <source>økonomi</source>
        <translation>finances</translation>
    </message>
    <message>
        <source>familie</source>
        <translation>family</translation>
    </message>
    <message>
        <source>hverdagsmestring</source>
        <translation>everyday coping</translation>
    </message>
    <message>
        <source>jobparathed</source>
        <translation>job readiness</translation>
    </message>
    <message>
        <source>åben rådgivning</source>
        <extracomment>Item roles as plain ints: data() is called for every cell and role on each paint.
----------
Milliseconds between the last change and the autosave.</extracomment>
        <translation>open counselling</translation>
    </message>
    <message>
        <source>opfølgningssamtale</source>
        <translation>follow-up meeting</translation>
    </message>
    <message>
        <source>telefon</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>hjemmebesøg</source>
        <translation>home visit</translation>
    </message>
    <message>
        <source>netværksmøde</source>
        <translation>network meeting</translation>
    </message>
    <message>
        <source>planlagt</source>
        <translation>planned</translation>
    </message>
    <message>
        <source>mødt</source>
        <translation>attended</translation>
    </message>
    <message>
        <source>udeblev</source>
        <translation>no-show</translation>
    </message>
    <message>
        <source>aflyst</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>aktiv</source>
        <translation>active</translation>
    </message>
    <message>
        <source>afsluttet</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>CPR-nummer</source>
        <translation>CPR number</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>HH.mm</source>
        <translation>HH:mm</translation>
    </message>
    <message>
        <source>dddd d. MMMM yyyy</source>
        <translation>dddd d MMMM yyyy</translation>
    </message>
    <message>
        <source>i dag</source>
        <translation>today</translation>
    </message>
    <message>
        <source>i går</source>
        <translation>yesterday</translation>
    </message>
    <message>
        <source>i morgen</source>
        <translation>tomorrow</translation>
    </message>
    <message>
        <source>d. MMM yyyy</source>
        <translation>d MMM yyyy</translation>
    </message>
    <message>
        <source>Ukendt borger</source>
        <translation>Unknown citizen</translation>
    </message>
    <message>
        <source>aktivitetsparat</source>
        <translation>activity-ready</translation>
    </message>
    <message>
        <source>uddannelsesparat</source>
        <translation>education-ready</translation>
    </message>
    <message>
        <source>jobparat</source>
        <translation>job-ready</translation>
    </message>
    <message>
        <source>sygedagpenge</source>
        <translation>sickness benefit</translation>
    </message>
    <message>
        <source>visiteret til fleksjob</source>
        <translation>eligible for flex job</translation>
    </message>
    <message>
        <source>andet</source>
        <translation>other</translation>
    </message>
    <message>
        <source>dansk</source>
        <translation>Danish</translation>
    </message>
    <message>
        <source>engelsk</source>
        <translation>English</translation>
    </message>
    <message>
        <source>i gang</source>
        <translation>ongoing</translation>
    </message>
    <message>
        <source>gennemført</source>
        <translation>completed</translation>
    </message>
    <message>
        <source>stoppet</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>sendt</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>accepteret</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>startet</source>
        <translation>started</translation>
    </message>
    <message>
        <source>afvist</source>
        <translation>declined</translation>
    </message>
    <message>
        <source>annulleret</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>udeblevet</source>
        <translation>no-show</translation>
    </message>
    <message>
        <source>lægen</source>
        <translation>the doctor</translation>
    </message>
    <message>
        <source>boligforeningen</source>
        <translation>the housing association</translation>
    </message>
    <message>
        <source>arbejdsgiveren</source>
        <translation>the employer</translation>
    </message>
    <message>
        <source>en partner</source>
        <translation>a partner</translation>
    </message>
    <message>
        <source>borgeren</source>
        <translation>the citizen</translation>
    </message>
    <message>
        <source>en myndighed</source>
        <translation>an authority</translation>
    </message>
    <message>
        <source>andre</source>
        <translation>others</translation>
    </message>
    <message>
        <source>gæld</source>
        <translation>debt</translation>
    </message>
    <message>
        <source>børnepasning</source>
        <translation>childcare</translation>
    </message>
    <message>
        <source>jobsøgning</source>
        <translation>job search</translation>
    </message>
    <message>
        <source>breve og blanketter</source>
        <translation>letters and forms</translation>
    </message>
    <message>
        <source>ydelse og sanktioner</source>
        <translation>benefits and sanctions</translation>
    </message>
    <message>
        <source>misbrug</source>
        <translation>substance abuse</translation>
    </message>
    <message>
        <source>vold</source>
        <translation>violence</translation>
    </message>
    <message>
        <source>jobkonsulenten</source>
        <translation>the job consultant</translation>
    </message>
    <message>
        <source>dd.MM.yyyy HH:mm</source>
        <translation>dd/MM/yyyy HH:mm</translation>
    </message>
    <message>
        <source>d. MMMM yyyy</source>
        <translation>d MMMM yyyy</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Outreach – %s</source>
        <translation>Outreach – %s</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Find borger: navn, CPR eller telefon  (Ctrl+F)</source>
        <translation>Find citizen: name, CPR or phone  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Søg efter borger</source>
        <translation>Search for citizen</translation>
    </message>
    <message>
        <source>I dag</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Borgere</source>
        <translation>Citizens</translation>
    </message>
    <message>
        <source>Åben rådgivning</source>
        <translation>Open counselling</translation>
    </message>
    <message>
        <source>Kalender</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Partnere</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Rapporter</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Ny borger (Ctrl+R)</source>
        <translation>New citizen (Ctrl+R)</translation>
    </message>
    <message>
        <source>Diskret visning</source>
        <translation>Discreet view</translation>
    </message>
    <message>
        <source>Lås (Ctrl+L)</source>
        <translation>Lock (Ctrl+L)</translation>
    </message>
    <message>
        <source>Synkroniser nu</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Synkroniser før du arbejder videre</source>
        <translation>Sync before you go on working</translation>
    </message>
    <message>
        <source>Ikke tilmeldt centralen</source>
        <translation>Not enrolled with the central service</translation>
    </message>
    <message>
        <source>Søg</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Ny borger</source>
        <translation>New citizen</translation>
    </message>
    <message>
        <source>Nyt notat</source>
        <translation>New note</translation>
    </message>
    <message>
        <source>Lås</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>&amp;Outreach</source>
        <translation>&amp;Outreach</translation>
    </message>
    <message>
        <source>Indstillinger …</source>
        <translation>Settings …</translation>
    </message>
    <message>
        <source>Genvejstaster</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Afslut</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Enter i søgefeltet åbner den første borger. Ctrl+Enter afslutter et notat.</source>
        <translation>Enter in the search field opens the first citizen. Ctrl+Enter finishes a note.</translation>
    </message>
    <message>
        <source>Kopieret. Udklipsholderen ryddes om 30 sekunder.</source>
        <translation>Copied. The clipboard will be cleared in 30 seconds.</translation>
    </message>
    <message>
        <source>Åbn en borger først; så skriver Ctrl+N et notat til borgeren.</source>
        <translation>Open a citizen first; then Ctrl+N writes a note for them.</translation>
    </message>
    <message>
        <source>Synkroniseret: %s</source>
        <translation>Synced: %s</translation>
    </message>
    <message>
        <source>seneste forsøg mislykkedes</source>
        <translation>the last attempt failed</translation>
    </message>
    <message numerus="yes">
        <source>Gennemse (%n)</source>
        <translation>
            <numerusform>Review (%n)</numerusform>
            <numerusform>Review (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Denne bærbar har ikke været synkroniseret i %n dag(e). Af hensyn til borgernes data kan den først bruges igen, når den har været forbundet til centralen. Forbind til kontorets netværk og synkroniser.</source>
        <translation>
            <numerusform>This laptop has not been synced for %n day. To protect the citizens&apos; data it can be used again only after it has been connected to the central service. Connect to the office network and sync.</numerusform>
            <numerusform>This laptop has not been synced for %n days. To protect the citizens&apos; data it can be used again only after it has been connected to the central service. Connect to the office network and sync.</numerusform>
        </translation>
    </message>
    <message>
        <source>Synkroniserer …</source>
        <translation>Syncing …</translation>
    </message>
    <message numerus="yes">
        <source>%n borger(e) er ikke længere på denne bærbar</source>
        <translation>
            <numerusform>%n citizen is no longer on this laptop</numerusform>
            <numerusform>%n citizens are no longer on this laptop</numerusform>
        </translation>
    </message>
    <message>
        <source>Bærbaren er frameldt</source>
        <translation>The laptop has been unenrolled</translation>
    </message>
    <message>
        <source>Hovedkontoret har frameldt denne bærbar. Dine ændringer er sendt til centralen, og borgernes data er slettet fra bærbaren.</source>
        <translation>The main office has unenrolled this laptop. Your changes were sent to the central service, and the citizens&apos; data have been deleted from the laptop.</translation>
    </message>
    <message numerus="yes">
        <source>%n ændring(er) venter på synkronisering</source>
        <translation>
            <numerusform>%n change waiting to be synchronised</numerusform>
            <numerusform>%n changes waiting to be synchronised</numerusform>
        </translation>
    </message>
    <message>
        <source>Det lykkedes ikke</source>
        <translation>That did not work</translation>
    </message>
</context>
<context>
    <name>MilestoneDialog</name>
    <message>
        <source>Ny milepæl</source>
        <translation>New milestone</translation>
    </message>
    <message>
        <source>Slutter</source>
        <translation>Ends</translation>
    </message>
    <message>
        <source>Slutdato</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>Ingen partner</source>
        <translation>No partner</translation>
    </message>
    <message>
        <source>Fx antal timer om ugen (valgfrit)</source>
        <translation>E.g. hours per week (optional)</translation>
    </message>
    <message>
        <source>Gem milepæl</source>
        <translation>Save milestone</translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Milepæl:</source>
        <translation>&amp;Milestone:</translation>
    </message>
    <message>
        <source>&amp;Fra:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>Til:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>&amp;Partner:</source>
        <translation>&amp;Partner:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>Slutdatoen ligger før startdatoen.</source>
        <translation>The end date is before the start date.</translation>
    </message>
</context>
<context>
    <name>NewProfileForm</name>
    <message>
        <source>OUTREACH1. … (valgfri)</source>
        <translation>OUTREACH1. … (optional)</translation>
    </message>
    <message>
        <source>Opret profil</source>
        <translation>Create profile</translation>
    </message>
    <message>
        <source>Dit navn</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>Kontor</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Adgangsfrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Gentag adgangsfrase</source>
        <translation>Repeat passphrase</translation>
    </message>
    <message>
        <source>Tilmeldingskode fra hovedkontoret</source>
        <translation>Enrolment code from the main office</translation>
    </message>
    <message>
        <source>Ny profil</source>
        <translation>New profile</translation>
    </message>
    <message>
        <source>Dit navn:</source>
        <translation>Your name:</translation>
    </message>
    <message>
        <source>Kontor:</source>
        <translation>Office:</translation>
    </message>
    <message>
        <source>Adgangsfrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Gentag:</source>
        <translation>Repeat:</translation>
    </message>
    <message>
        <source>Tilmeldingskode:</source>
        <translation>Enrolment code:</translation>
    </message>
    <message>
        <source>Koden fra hovedkontoret tilmelder bærbaren til centralen.</source>
        <translation>The code from the main office enrols this laptop with the central service.</translation>
    </message>
    <message>
        <source>Tilbage</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Skriv dit navn.</source>
        <translation>Enter your name.</translation>
    </message>
    <message>
        <source>Skriv kontorets navn.</source>
        <translation>Enter the office&apos;s name.</translation>
    </message>
    <message>
        <source>Adgangsfrasen skal have mindst %d tegn.</source>
        <translation>The passphrase must have at least %d characters.</translation>
    </message>
    <message>
        <source>De to adgangsfraser er forskellige.</source>
        <translation>The two passphrases do not match.</translation>
    </message>
    <message>
        <source>Organisationens gendannelsesnøgle mangler. Bed IT om filen recovery-public.pem.</source>
        <translation>The organisation&apos;s recovery key is missing. Ask IT for the file recovery-public.pem.</translation>
    </message>
    <message>
        <source>Profilen kunne ikke oprettes: %s</source>
        <translation>The profile could not be created: %s</translation>
    </message>
</context>
<context>
    <name>NotePage</name>
    <message>
        <source>Notat</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Borger</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Gemmestatus</source>
        <translation>Save status</translation>
    </message>
    <message>
        <source>Det oprindelige notat</source>
        <translation>The original note</translation>
    </message>
    <message>
        <source>Skabelon</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Indsæt skabelon</source>
        <translation>Insert template</translation>
    </message>
    <message>
        <source>Notatets tekst</source>
        <translation>Note text</translation>
    </message>
    <message>
        <source>Hvad skete der, og hvad blev aftalt?</source>
        <translation>What happened, and what was agreed?</translation>
    </message>
    <message>
        <source>ikke angivet</source>
        <translation>not specified</translation>
    </message>
    <message>
        <source> min.</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Partner:</source>
        <translation>&amp;Partner:</translation>
    </message>
    <message>
        <source>Et netværksmøde registreres med den partner, det var med.</source>
        <translation>A network meeting is recorded with the partner it was with.</translation>
    </message>
    <message>
        <source>Hvad gør borgeren, og hvad gør du?</source>
        <translation>What will the citizen do, and what will you do?</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>T&amp;idspunkt:</source>
        <translation>T&amp;ime:</translation>
    </message>
    <message>
        <source>&amp;Varighed:</source>
        <translation>&amp;Duration:</translation>
    </message>
    <message>
        <source>Emner:</source>
        <translation>Topics:</translation>
    </message>
    <message>
        <source>&amp;Aftaler:</source>
        <translation>&amp;Agreements:</translation>
    </message>
    <message>
        <source>Emne: %s</source>
        <translation>Topic: %s</translation>
    </message>
    <message>
        <source>Næste kontakt er aftalt</source>
        <translation>Next contact is agreed</translation>
    </message>
    <message>
        <source>Næste kontakt, tidspunkt</source>
        <translation>Next contact, time</translation>
    </message>
    <message>
        <source>Næste kontakt, type</source>
        <translation>Next contact, type</translation>
    </message>
    <message>
        <source>Hvem tager kontakten</source>
        <translation>Who makes contact</translation>
    </message>
    <message>
        <source>Næste kontakt</source>
        <translation>Next contact</translation>
    </message>
    <message>
        <source>Hvornår:</source>
        <translation>When:</translation>
    </message>
    <message>
        <source>Hvordan:</source>
        <translation>How:</translation>
    </message>
    <message>
        <source>Hvem tager den:</source>
        <translation>Who makes contact:</translation>
    </message>
    <message>
        <source>Kassér udkast</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <source>Tilbage til sagen</source>
        <translation>Back to the case</translation>
    </message>
    <message>
        <source>Gem nu (Ctrl+S)</source>
        <translation>Save now (Ctrl+S)</translation>
    </message>
    <message>
        <source>Afslut notat (Ctrl+Enter)</source>
        <translation>Finish note (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Skriv tilføjelse</source>
        <translation>Write addendum</translation>
    </message>
    <message>
        <source>Opretter udkast …</source>
        <translation>Creating draft …</translation>
    </message>
    <message>
        <source>Henter notatet …</source>
        <translation>Loading the note …</translation>
    </message>
    <message>
        <source>Udkast oprettet %s</source>
        <translation>Draft created %s</translation>
    </message>
    <message>
        <source>Afsluttet %s</source>
        <translation>Finished %s</translation>
    </message>
    <message>
        <source>Gemt %s</source>
        <translation>Saved %s</translation>
    </message>
    <message>
        <source>Vælg partner …</source>
        <translation>Choose partner …</translation>
    </message>
    <message>
        <source>Der er ingen skabelon for denne type.</source>
        <translation>There is no template for this type.</translation>
    </message>
    <message>
        <source>Gemmer …</source>
        <translation>Saving …</translation>
    </message>
    <message>
        <source>Ikke gemt</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Skriv notatet, før du afslutter det.</source>
        <translation>Write the note before you finish it.</translation>
    </message>
    <message>
        <source>Afslutter …</source>
        <translation>Finishing …</translation>
    </message>
    <message>
        <source>Vælg den partner, netværksmødet var med.</source>
        <translation>Choose the partner the network meeting was with.</translation>
    </message>
    <message>
        <source>Ikke afsluttet</source>
        <translation>Not finished</translation>
    </message>
    <message>
        <source>Vil du kassere dette udkast? Teksten kan ikke findes igen.</source>
        <translation>Discard this draft? The text cannot be recovered.</translation>
    </message>
    <message>
        <source>Kassér</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Behold</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Afsluttet</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>Tilføjelse – udkast</source>
        <translation>Addendum – draft</translation>
    </message>
    <message>
        <source>Udkast</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Tilføjelse</source>
        <translation>Addendum</translation>
    </message>
    <message>
        <source>Tilføjelse til notat af %s</source>
        <translation>Addendum to the note of %s</translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <source>Redigér partner</source>
        <translation>Edit partner</translation>
    </message>
    <message>
        <source>Ny partner</source>
        <translation>New partner</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Fx Café Fællesbordet</source>
        <translation>E.g. Café Fællesbordet</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Kontaktperson</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Hvad tilbyder partneren, og hvordan samarbejder I?</source>
        <translation>What does the partner offer, and how do you work together?</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Aktiv (vises i listen og kan få henvisninger)</source>
        <translation>Active (shown in the list and can receive referrals)</translation>
    </message>
    <message>
        <source>Gem</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Skriv partnerens navn.</source>
        <translation>Enter the partner&apos;s name.</translation>
    </message>
    <message>
        <source>E-mailadressen ser forkert ud (fx navn@eksempel.dk).</source>
        <translation>The email address looks wrong (e.g. name@example.dk).</translation>
    </message>
</context>
<context>
    <name>PartnerModel</name>
    <message>
        <source>Henvisninger, der endnu ikke er afsluttet</source>
        <translation>Referrals that are not closed yet</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Kontaktperson</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Åbne henv.</source>
        <translation>Open ref.</translation>
    </message>
    <message>
        <source>%s (inaktiv)</source>
        <translation>%s (inactive)</translation>
    </message>
</context>
<context>
    <name>Partners</name>
    <message>
        <source>Civilsamfund</source>
        <translation>Civil society</translation>
    </message>
    <message>
        <source>Boligsocial indsats</source>
        <translation>Housing social work</translation>
    </message>
    <message>
        <source>Sundhed</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>Gældsrådgivning</source>
        <translation>Debt counselling</translation>
    </message>
    <message>
        <source>Sprogskole</source>
        <translation>Language school</translation>
    </message>
    <message>
        <source>Virksomhed</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Uddannelse</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Andet</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>PartnersPage</name>
    <message>
        <source>Partnere</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Filtrér på navn, type, kontaktperson eller hvad partneren tilbyder</source>
        <translation>Filter by name, type, contact person or what the partner offers</translation>
    </message>
    <message>
        <source>Filtrér partnere</source>
        <translation>Filter partners</translation>
    </message>
    <message>
        <source>Vis inaktive</source>
        <translation>Show inactive</translation>
    </message>
    <message>
        <source>&amp;Ny partner</source>
        <translation>&amp;New partner</translation>
    </message>
    <message>
        <source>&amp;Redigér</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Henvis borger</source>
        <translation>&amp;Refer citizen</translation>
    </message>
    <message>
        <source>Henter partnere …</source>
        <translation>Loading partners …</translation>
    </message>
    <message>
        <source>Der er ingen partnere endnu. Tilføj de lokale samarbejdspartnere med «Ny partner».</source>
        <translation>There are no partners yet. Add the local partners with “New partner”.</translation>
    </message>
    <message>
        <source>Ingen partnere passer på filteret.</source>
        <translation>No partners match the filter.</translation>
    </message>
    <message>
        <source>Partnere: %d  ·  Åbne henvisninger: %d</source>
        <translation>Partners: %d  ·  Open referrals: %d</translation>
    </message>
    <message>
        <source>Ingen partner valgt</source>
        <translation>No partner selected</translation>
    </message>
    <message>
        <source>Ingen beskrivelse af samarbejdet endnu.</source>
        <translation>No description of the partnership yet.</translation>
    </message>
    <message>
        <source>Inaktiv: vises ikke, når der henvises.</source>
        <translation>Inactive: not offered when referring.</translation>
    </message>
    <message>
        <source>Borgeren er henvist.</source>
        <translation>The citizen has been referred.</translation>
    </message>
    <message>
        <source>Partneren er gemt.</source>
        <translation>The partner has been saved.</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <source>For kort: mindst %d tegn.</source>
        <translation>Too short: at least %d characters.</translation>
    </message>
    <message>
        <source>Svag: brug flere ord.</source>
        <translation>Weak: use more words.</translation>
    </message>
    <message>
        <source>Rimelig: et ord mere gør den stærk.</source>
        <translation>Fair: one more word makes it strong.</translation>
    </message>
    <message>
        <source>Stærk.</source>
        <translation>Strong.</translation>
    </message>
    <message>
        <source>Meget stærk.</source>
        <translation>Very strong.</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <source>Mål</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>Hvad vil borgeren gerne nå?</source>
        <translation>What does the citizen want to achieve?</translation>
    </message>
    <message>
        <source>Aftaler</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>Aktiviteter</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>Aktivitet</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Slut</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Næste kontakt er aftalt</source>
        <translation>Next contact is agreed</translation>
    </message>
    <message>
        <source>Næste kontakt, tidspunkt</source>
        <translation>Next contact, time</translation>
    </message>
    <message>
        <source>Næste kontakt, type</source>
        <translation>Next contact, type</translation>
    </message>
    <message>
        <source>Hvem tager kontakten</source>
        <translation>Who makes contact</translation>
    </message>
    <message>
        <source>Gem plan</source>
        <translation>Save plan</translation>
    </message>
    <message>
        <source>Tilføj aftale</source>
        <translation>Add agreement</translation>
    </message>
    <message>
        <source>Fjern aftale</source>
        <translation>Remove agreement</translation>
    </message>
    <message>
        <source>Tilføj aktivitet</source>
        <translation>Add activity</translation>
    </message>
    <message>
        <source>Fjern aktivitet</source>
        <translation>Remove activity</translation>
    </message>
    <message>
        <source>Det har vi aftalt</source>
        <translation>What we have agreed</translation>
    </message>
    <message>
        <source>Dobbeltklik på en aftale for at rette den.</source>
        <translation>Double-click an agreement to edit it.</translation>
    </message>
    <message>
        <source>Næste kontakt</source>
        <translation>Next contact</translation>
    </message>
    <message>
        <source>Hvornår:</source>
        <translation>When:</translation>
    </message>
    <message>
        <source>Hvordan:</source>
        <translation>How:</translation>
    </message>
    <message>
        <source>Hvem tager kontakten:</source>
        <translation>Who makes contact:</translation>
    </message>
    <message>
        <source>Ændringer er ikke gemt endnu.</source>
        <translation>Changes not saved yet.</translation>
    </message>
    <message>
        <source>Senest ændret %s</source>
        <translation>Last changed %s</translation>
    </message>
    <message>
        <source>Aktivitetens status</source>
        <translation>Activity status</translation>
    </message>
    <message>
        <source>Aktivitet %d mangler en titel.</source>
        <translation>Activity %d has no title.</translation>
    </message>
    <message>
        <source>Aktivitet %d: skriv datoerne som dd.mm.åååå.</source>
        <translation>Activity %d: write the dates as dd/mm/yyyy.</translation>
    </message>
    <message>
        <source>Aktivitet %d: en slutdato kræver en startdato.</source>
        <translation>Activity %d: an end date needs a start date.</translation>
    </message>
    <message>
        <source>Aktivitet %d slutter, før den starter.</source>
        <translation>Activity %d ends before it starts.</translation>
    </message>
    <message>
        <source>Gemmer …</source>
        <translation>Saving …</translation>
    </message>
    <message>
        <source>Planen er gemt %s.</source>
        <translation>Plan saved %s.</translation>
    </message>
    <message>
        <source>Planen er ikke gemt.</source>
        <translation>The plan was not saved.</translation>
    </message>
</context>
<context>
    <name>PrintoutDialog</name>
    <message>
        <source>Det aftalte – udskrift til borgeren</source>
        <translation>What we agreed – printout for the citizen</translation>
    </message>
    <message>
        <source>Henter …</source>
        <translation>Loading …</translation>
    </message>
    <message>
        <source>Forhåndsvisning af udskriften</source>
        <translation>Preview of the printout</translation>
    </message>
    <message>
        <source>Udskriv …</source>
        <translation>Print …</translation>
    </message>
    <message>
        <source>Gem som PDF …</source>
        <translation>Save as PDF …</translation>
    </message>
    <message>
        <source>Luk</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Kun planen, aktiviteterne, næste møde og dine kontaktoplysninger kommer med. Udskriften logges.</source>
        <translation>Only the plan, the activities, the next meeting and your contact details are included. The printout is logged.</translation>
    </message>
    <message>
        <source>Gem som PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>det-aftalte.pdf</source>
        <translation>what-we-agreed.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Udskriv det aftalte</source>
        <translation>Print what we agreed</translation>
    </message>
    <message>
        <source>Printeren kunne ikke startes.</source>
        <translation>The printer could not be started.</translation>
    </message>
</context>
<context>
    <name>ProgressionTab</name>
    <message>
        <source>Scorer pr. livsområde</source>
        <translation>Scores by life area</translation>
    </message>
    <message>
        <source>Milepæle</source>
        <translation>Milestones</translation>
    </message>
    <message>
        <source>Milepæl</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>Fra</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Til</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Der er ikke givet nogen scorer endnu. Brug “Ny score”.</source>
        <translation>No scores have been given yet. Use “New score”.</translation>
    </message>
    <message>
        <source>Ingen milepæle endnu. Brug “Ny milepæl”.</source>
        <translation>No milestones yet. Use “New milestone”.</translation>
    </message>
    <message>
        <source>Ny score</source>
        <extracomment>The chart of the scores over time, made when the tab is first shown with scores (matplotlib is imported on the worker first, never at start-up).</extracomment>
        <translation>New score</translation>
    </message>
    <message>
        <source>Ny milepæl</source>
        <translation>New milestone</translation>
    </message>
    <message>
        <source>1 er det sværeste, 10 det bedste. Ændring: siden første score.</source>
        <translation>1 is the hardest, 10 the best. Change: since the first score.</translation>
    </message>
    <message>
        <source>Scorer over tid</source>
        <translation>Scores over time</translation>
    </message>
    <message>
        <source>Seneste</source>
        <translation>Latest</translation>
    </message>
    <message>
        <source>Ændring</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>i gang</source>
        <translation>ongoing</translation>
    </message>
</context>
<context>
    <name>QueueActions</name>
    <message>
        <source>Find borgeren, der venter, og tryk Enter. Er personen ikke registreret, så registrér vedkommende som ny borger.</source>
        <translation>Find the waiting citizen and press Enter. If the person is not registered, register them as a new citizen.</translation>
    </message>
    <message>
        <source>Betjen: find borgeren</source>
        <translation>Serve: find the citizen</translation>
    </message>
    <message>
        <source>Fjernet fra køen.</source>
        <translation>Removed from the queue.</translation>
    </message>
</context>
<context>
    <name>QueueList</name>
    <message>
        <source>Ingen venter lige nu.</source>
        <translation>Nobody is waiting right now.</translation>
    </message>
    <message numerus="yes">
        <source>… og %n mere i køen</source>
        <translation>
            <numerusform>… and %n more in the queue</numerusform>
            <numerusform>… and %n more in the queue</numerusform>
        </translation>
    </message>
    <message>
        <source>Ankom</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <source>Betjen</source>
        <translation>Serve</translation>
    </message>
    <message>
        <source>Betjen %s</source>
        <translation>Serve %s</translation>
    </message>
    <message>
        <source>Gået</source>
        <translation>Gone</translation>
    </message>
    <message>
        <source>%s er gået</source>
        <translation>%s has left</translation>
    </message>
    <message>
        <source>Personen gik, før der blev tid</source>
        <translation>The person left before being seen</translation>
    </message>
    <message>
        <source>ikke slået op</source>
        <translation>not looked up</translation>
    </message>
    <message>
        <source>Personen er endnu ikke fundet eller registreret som borger</source>
        <translation>The person has not yet been found or registered as a citizen</translation>
    </message>
    <message>
        <source>venter %d min</source>
        <translation>waiting %d min</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Navn eller kendetegn</source>
        <translation>Name or description</translation>
    </message>
    <message>
        <source>Fx det fornavn, personen siger</source>
        <translation>E.g. the first name the person gives</translation>
    </message>
    <message>
        <source>Find kendt borger …</source>
        <translation>Find known citizen …</translation>
    </message>
    <message>
        <source>Fjern</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Fjern valgt borger</source>
        <translation>Remove selected citizen</translation>
    </message>
    <message>
        <source>Sæt i kø</source>
        <translation>Add to queue</translation>
    </message>
    <message>
        <source>Åben rådgivning</source>
        <translation>Open counselling</translation>
    </message>
    <message>
        <source>Ny i køen</source>
        <translation>New arrival</translation>
    </message>
    <message>
        <source>Skriv det navn, personen siger, og tryk Enter. Kender du borgeren, kan du finde vedkommende med det samme.</source>
        <translation>Type the name the person gives and press Enter. If you know the citizen, you can find them straight away.</translation>
    </message>
    <message>
        <source>Skriv et navn, eller find en kendt borger.</source>
        <translation>Type a name, or find a known citizen.</translation>
    </message>
    <message>
        <source>Sat i kø.</source>
        <translation>Added to the queue.</translation>
    </message>
    <message>
        <source>Borger: %s</source>
        <translation>Citizen: %s</translation>
    </message>
    <message numerus="yes">
        <source>Venter nu: %n</source>
        <translation>
            <numerusform>Waiting now: %n</numerusform>
            <numerusform>Waiting now: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Henvis borger</source>
        <translation>Refer citizen</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Vælg partner</source>
        <translation>Choose partner</translation>
    </message>
    <message>
        <source>Fx: praktik i køkkenet 3 dage om ugen for at afprøve arbejdstider</source>
        <translation>E.g.: placement in the kitchen 3 days a week to try out working hours</translation>
    </message>
    <message>
        <source>Formål</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Samtykke</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Giv samtykke nu…</source>
        <translation>Record consent now…</translation>
    </message>
    <message>
        <source>Henvis</source>
        <translation>Refer</translation>
    </message>
    <message>
        <source>Borger</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Henvisning til partner</source>
        <translation>Referral to partner</translation>
    </message>
    <message>
        <source>Intet samtykke</source>
        <translation>No consent</translation>
    </message>
    <message>
        <source>Borgeren har ikke et gyldigt samtykke til at dele oplysninger med denne partner. Giv samtykke nu, hvis borgeren siger ja.</source>
        <translation>The citizen has no valid consent to share information with this partner. Record consent now if the citizen agrees.</translation>
    </message>
    <message>
        <source>givet %s</source>
        <translation>given %s</translation>
    </message>
    <message>
        <source>givet %s, udløber %s</source>
        <translation>given %s, expires %s</translation>
    </message>
    <message>
        <source>Generelt</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Til partneren</source>
        <translation>For the partner</translation>
    </message>
    <message>
        <source>Vælg først borgeren.</source>
        <translation>Choose the citizen first.</translation>
    </message>
    <message>
        <source>Vælg borgeren, der skal henvises.</source>
        <translation>Choose the citizen to refer.</translation>
    </message>
    <message>
        <source>Vælg partneren, borgeren henvises til.</source>
        <translation>Choose the partner to refer the citizen to.</translation>
    </message>
    <message>
        <source>Skriv formålet med henvisningen.</source>
        <translation>Write the purpose of the referral.</translation>
    </message>
    <message>
        <source>Henvisningen kræver borgerens samtykke til at dele oplysninger med denne partner. Vælg et samtykke, eller giv samtykke nu.</source>
        <translation>The referral needs the citizen&apos;s consent to share information with this partner. Choose a consent, or record consent now.</translation>
    </message>
</context>
<context>
    <name>ReferralsTab</name>
    <message>
        <source>Omfang</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Givet</source>
        <translation>Given</translation>
    </message>
    <message>
        <source>Udløber</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Tilbagekaldt</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>Samtykker</source>
        <translation>Consents</translation>
    </message>
    <message>
        <source>Formål</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Henvist</source>
        <translation>Referred</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Henvisninger</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Ny status for henvisningen</source>
        <translation>New status for the referral</translation>
    </message>
    <message>
        <source>Borgeren har ikke givet samtykke til at dele oplysninger.</source>
        <translation>The citizen has not consented to sharing information.</translation>
    </message>
    <message>
        <source>Ingen henvisninger endnu.</source>
        <translation>No referrals yet.</translation>
    </message>
    <message>
        <source>Giv samtykke</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <source>Tilbagekald</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>Ny henvisning</source>
        <translation>New referral</translation>
    </message>
    <message>
        <source>Skift status</source>
        <translation>Change status</translation>
    </message>
    <message>
        <source>Valgt henvisning:</source>
        <translation>Selected referral:</translation>
    </message>
    <message>
        <source>partnerne i omfanget</source>
        <translation>the partners in the scope</translation>
    </message>
    <message>
        <source>udløber ikke</source>
        <translation>does not expire</translation>
    </message>
    <message>
        <source>Vælg først det samtykke, der skal tilbagekaldes.</source>
        <translation>First select the consent to withdraw.</translation>
    </message>
    <message>
        <source>Tilbagekald samtykke</source>
        <translation>Withdraw consent</translation>
    </message>
    <message>
        <source>Borgeren tilbagekalder samtykket fra i dag. Der kan ikke deles mere på det.</source>
        <translation>The citizen withdraws the consent as of today. Nothing more can be shared under it.</translation>
    </message>
    <message>
        <source>Samtykket er tilbagekaldt.</source>
        <translation>The consent has been withdrawn.</translation>
    </message>
    <message>
        <source>Vælg først den henvisning, der skal have ny status.</source>
        <translation>First select the referral to change the status of.</translation>
    </message>
    <message>
        <source>Henvisningen har fået ny status.</source>
        <translation>The referral&apos;s status has been changed.</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>Registrér borger</source>
        <translation>Register citizen</translation>
    </message>
    <message>
        <source>Fornavn</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Påkrævet</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Efternavn</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Hvis borgeren siger det</source>
        <translation>If the citizen gives it</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Fx 20 12 34 56</source>
        <translation>E.g. 20 12 34 56</translation>
    </message>
    <message>
        <source>CPR-nummer</source>
        <translation>CPR number</translation>
    </message>
    <message>
        <source>DDMMÅÅ-XXXX (valgfrit)</source>
        <translation>DDMMYY-XXXX (optional)</translation>
    </message>
    <message>
        <source>Registrér og åbn</source>
        <translation>Register and open</translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Åbn borgeren</source>
        <translation>Open the citizen</translation>
    </message>
    <message>
        <source>Der findes allerede en borger med dette CPR-nummer.</source>
        <translation>A citizen with this CPR number already exists.</translation>
    </message>
    <message>
        <source>Registrér ny borger</source>
        <translation>Register new citizen</translation>
    </message>
    <message>
        <source>Skriv det, du ved nu. Resten kan tilføjes senere.</source>
        <translation>Enter what you know now. The rest can be added later.</translation>
    </message>
    <message>
        <source>Fornavn *</source>
        <translation>First name *</translation>
    </message>
    <message>
        <source>CPR-nummeret må kun indeholde cifre (og evt. en bindestreg).</source>
        <translation>The CPR number may only contain digits (and a hyphen, if any).</translation>
    </message>
    <message>
        <source>CPR-nummeret har for mange cifre: det skal være 10.</source>
        <translation>The CPR number has too many digits: it must be 10.</translation>
    </message>
    <message>
        <source>CPR-nummeret skal være 10 cifre (DDMMÅÅ-XXXX).</source>
        <translation>The CPR number must be 10 digits (DDMMYY-XXXX).</translation>
    </message>
    <message>
        <source>Skriv CPR-nummeret som DDMMÅÅ-XXXX.</source>
        <translation>Write the CPR number as DDMMYY-XXXX.</translation>
    </message>
    <message>
        <source>De første seks cifre skal være en rigtig dato (DDMMÅÅ).</source>
        <translation>The first six digits must be a real date (DDMMYY).</translation>
    </message>
    <message>
        <source>Fødselsdatoen i CPR-nummeret ligger i fremtiden.</source>
        <translation>The date of birth in the CPR number is in the future.</translation>
    </message>
    <message>
        <source>Skriv mindst et fornavn.</source>
        <translation>Enter at least a first name.</translation>
    </message>
    <message>
        <source>Telefonnummeret skal have 3 til 15 cifre, evt. med +45 foran.</source>
        <translation>The phone number must have 3 to 15 digits, optionally starting with +45.</translation>
    </message>
</context>
<context>
    <name>ReminderModel</name>
    <message>
        <source>Påmindelse</source>
        <extracomment>The order reminders are listed in: what costs the citizen most if forgotten first.</extracomment>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>Borger</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Hvornår</source>
        <translation>When</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Udeblev fra møde – kontakt borgeren</source>
        <translation>Missed a meeting – contact the citizen</translation>
    </message>
    <message>
        <source>Opfølgning aftalt</source>
        <translation>Follow-up agreed</translation>
    </message>
    <message>
        <source>Ny information – overvej et ekstra møde</source>
        <translation>New information – consider an extra meeting</translation>
    </message>
    <message>
        <source>Notat ikke afsluttet</source>
        <translation>Note not finished</translation>
    </message>
    <message>
        <source>Alle</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Udeblevne</source>
        <translation>No-shows</translation>
    </message>
    <message>
        <source>Opfølgning</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Ny information</source>
        <translation>New information</translation>
    </message>
    <message>
        <source>Samtykker</source>
        <translation>Consents</translation>
    </message>
    <message>
        <source>Notater</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Samtykke udløber %s</source>
        <translation>Consent expires on %s</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Rapporter</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Jobkonsulent</source>
        <translation>Job consultant</translation>
    </message>
    <message>
        <source>Ved periodens slut</source>
        <translation>At the period&apos;s end</translation>
    </message>
    <message>
        <source>I perioden</source>
        <translation>In the period</translation>
    </message>
    <message>
        <source>Gns. pr. dag</source>
        <translation>Mean per day</translation>
    </message>
    <message>
        <source>Sagsstamme</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>I alt</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Henvisninger</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Kontakter pr. uge</source>
        <translation>Contacts per week</translation>
    </message>
    <message>
        <source>Milepæle</source>
        <translation>Milestones</translation>
    </message>
    <message>
        <source>Progression</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Denne måned</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Dette kvartal</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <source>Dette år</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>Sidste kvartal</source>
        <translation>Last quarter</translation>
    </message>
    <message>
        <source>Selvvalgt periode</source>
        <translation>Custom period</translation>
    </message>
    <message>
        <source>Fra dato</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>Til dato</source>
        <translation>To date</translation>
    </message>
    <message>
        <source>Kontaktform</source>
        <translation>Contact kind</translation>
    </message>
    <message>
        <source>Alle kontaktformer</source>
        <translation>All contact kinds</translation>
    </message>
    <message>
        <source>Milepæl</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>Alle milepæle</source>
        <translation>All milestones</translation>
    </message>
    <message>
        <source>Eksportér CSV …</source>
        <translation>Export CSV …</translation>
    </message>
    <message>
        <source>Eksportér PDF …</source>
        <translation>Export PDF …</translation>
    </message>
    <message>
        <source>Periode:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Nøgletal</source>
        <translation>Key figures</translation>
    </message>
    <message>
        <source>Værdi</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>%s – %s · %s borgere tilknyttet i perioden</source>
        <translation>%s – %s · %s citizens assigned in the period</translation>
    </message>
    <message>
        <source>Kontakter i alt</source>
        <translation>Contacts in all</translation>
    </message>
    <message>
        <source>Unikke borgere med kontakt</source>
        <translation>Unique citizens in contact</translation>
    </message>
    <message>
        <source>Heraf med første kontakt</source>
        <translation>Of these, first contact</translation>
    </message>
    <message>
        <source>Opfølgningssamtaler: mødt</source>
        <translation>Follow-up meetings: attended</translation>
    </message>
    <message>
        <source>Opfølgningssamtaler: udeblevet</source>
        <translation>Follow-up meetings: no-show</translation>
    </message>
    <message>
        <source>Opfølgningssamtaler: aflyst</source>
        <translation>Follow-up meetings: cancelled</translation>
    </message>
    <message>
        <source>Fremmøde</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Startet i praktik eller løntilskud</source>
        <translation>Started a work placement or wage subsidy</translation>
    </message>
    <message>
        <source>Aktive i %s</source>
        <translation>Active in %s</translation>
    </message>
    <message numerus="yes">
        <source>Ændring i %s (%n borgere)</source>
        <translation>
            <numerusform>Change in %s (%n citizen)</numerusform>
            <numerusform>Change in %s (%n citizens)</numerusform>
        </translation>
    </message>
    <message>
        <source>Dage til første milepæl (median)</source>
        <translation>Days to first milestone (median)</translation>
    </message>
    <message>
        <source>Eksportér rapport som CSV</source>
        <translation>Export report as CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Eksportér rapport som PDF</source>
        <translation>Export report as PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Laver PDF …</source>
        <translation>Making the PDF …</translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Eksportér rapport</source>
        <translation>Export report</translation>
    </message>
    <message>
        <source>PDF&apos;en blev ikke lavet.</source>
        <translation>The PDF was not made.</translation>
    </message>
    <message>
        <source>Rapporten er gemt: %s</source>
        <translation>The report was saved: %s</translation>
    </message>
</context>
<context>
    <name>ScoreDialog</name>
    <message>
        <source>Ny score</source>
        <translation>New score</translation>
    </message>
    <message>
        <source>Hvad bygger scoren på? (valgfrit)</source>
        <translation>What is the score based on? (optional)</translation>
    </message>
    <message>
        <source>Gem score</source>
        <translation>Save score</translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Livsområde:</source>
        <translation>&amp;Life area:</translation>
    </message>
    <message>
        <source>1 er det sværeste, 10 det bedste.</source>
        <translation>1 is the hardest, 10 the best.</translation>
    </message>
    <message>
        <source>&amp;Score:</source>
        <translation>&amp;Score:</translation>
    </message>
    <message>
        <source>&amp;Dato:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note:</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Indstillinger</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source> min.</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Start i diskret visning</source>
        <translation>Start in discreet view</translation>
    </message>
    <message>
        <source>Sprog:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Sproget skiftes, næste gang programmet starter.</source>
        <translation>The language changes the next time the program starts.</translation>
    </message>
    <message>
        <source>Lås efter inaktivitet:</source>
        <translation>Lock after inactivity:</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>Outreach</source>
        <translation>Outreach</translation>
    </message>
    <message>
        <source>Profil</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Profil:</source>
        <translation>Profile:</translation>
    </message>
    <message>
        <source>Ny profil …</source>
        <translation>New profile …</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>Centralen kan ikke nås. Ændringerne gemmes her og sendes senere.</source>
        <extracomment>The last error&apos;s class (kept in the vault) in the consultant&apos;s words.</extracomment>
        <translation>The central service cannot be reached. Changes are kept here and sent later.</translation>
    </message>
    <message>
        <source>Centralen er optaget eller nede. Ændringerne sendes senere.</source>
        <translation>The central service is busy or down. Changes are sent later.</translation>
    </message>
    <message>
        <source>Centralen svarede noget uforståeligt. Intet er tabt; der prøves igen senere.</source>
        <translation>The central service gave an answer that made no sense. Nothing is lost; it will be tried again later.</translation>
    </message>
    <message>
        <source>Serveren viste et andet certifikat end centralens. Intet blev sendt. Kontakt IT.</source>
        <translation>The server showed a certificate other than the central service&apos;s. Nothing was sent. Contact IT.</translation>
    </message>
    <message>
        <source>Centralen kræver en nyere udgave af programmet. Kontakt IT.</source>
        <translation>The central service needs a newer version of the program. Contact IT.</translation>
    </message>
    <message>
        <source>Centralen kender ikke denne bærbar. Bed hovedkontoret om en ny tilmelding.</source>
        <translation>The central service does not know this laptop. Ask the main office for a new enrolment.</translation>
    </message>
    <message>
        <source>Denne bærbar er ikke tilmeldt centralen.</source>
        <translation>This laptop is not enrolled with the central service.</translation>
    </message>
    <message>
        <source>Synkroniseringen mislykkedes.</source>
        <translation>The sync failed.</translation>
    </message>
    <message>
        <source>aldrig</source>
        <translation>never</translation>
    </message>
</context>
<context>
    <name>SyncReviewDialog</name>
    <message>
        <source>Synkronisering: gennemse</source>
        <translation>Sync: review</translation>
    </message>
    <message>
        <source>Konflikter</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Hvad</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Svar</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Begrundelse</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Afviste ændringer</source>
        <translation>Refused changes</translation>
    </message>
    <message>
        <source>Borger</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Hvad skete</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Meddelelser</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Felt</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Centralens værdi</source>
        <translation>The central service&apos;s value</translation>
    </message>
    <message>
        <source>Din værdi</source>
        <translation>Your value</translation>
    </message>
    <message>
        <source>Behold centralens værdi</source>
        <translation>Keep the central service&apos;s value</translation>
    </message>
    <message>
        <source>Brug min værdi</source>
        <translation>Use my value</translation>
    </message>
    <message>
        <source>Feltet blev ændret både her og på centralen. Centralens værdi vises nu; vælg hvilken der skal gælde.</source>
        <translation>The field was changed both here and on the central service. The central service&apos;s value is shown now; choose which one is to apply.</translation>
    </message>
    <message>
        <source>Sat i karantæne</source>
        <translation>Quarantined</translation>
    </message>
    <message>
        <source>Afvist</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Overdraget til en anden konsulent</source>
        <translation>Handed over to another consultant</translation>
    </message>
    <message>
        <source>Slået sammen med en borger med samme CPR-nummer</source>
        <translation>Merged with a citizen with the same CPR number</translation>
    </message>
    <message>
        <source>Fjernet fra denne bærbar</source>
        <translation>Removed from this laptop</translation>
    </message>
    <message>
        <source>Venter</source>
        <translation>Waiting</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>Tidslinje</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Tidspunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Hændelse</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Indhold</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Der er ikke sket noget i sagen endnu.</source>
        <translation>Nothing has happened in the case yet.</translation>
    </message>
    <message>
        <source>Dobbeltklik på et notat (eller tryk Enter) for at åbne det.</source>
        <translation>Double-click a note (or press Enter) to open it.</translation>
    </message>
    <message>
        <source>Åbn notatet med dobbeltklik eller Enter</source>
        <translation>Open the note by double-clicking or with Enter</translation>
    </message>
    <message>
        <source>Indhold (skjult i diskret visning)</source>
        <translation>Content (hidden in discreet view)</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>I dag</source>
        <extracomment>Reminders derive from notes, plans, information and consents, so most changes count.</extracomment>
        <translation>Today</translation>
    </message>
    <message>
        <source>Aftaler i dag</source>
        <translation>Today&apos;s appointments</translation>
    </message>
    <message>
        <source>Ingen aftaler i dag.</source>
        <translation>No appointments today.</translation>
    </message>
    <message>
        <source>Venter i åben rådgivning</source>
        <translation>Waiting in open counselling</translation>
    </message>
    <message>
        <source>Betjen den første</source>
        <translation>Serve next</translation>
    </message>
    <message>
        <source>Til åben rådgivning</source>
        <translation>Go to open counselling</translation>
    </message>
    <message>
        <source>Påmindelser</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>Ingen påmindelser – alt er fulgt op.</source>
        <translation>No reminders – everything is followed up.</translation>
    </message>
    <message>
        <source>Vis påmindelser om</source>
        <translation>Show reminders about</translation>
    </message>
    <message>
        <source>Aftaler i dag (%d)</source>
        <translation>Today&apos;s appointments (%d)</translation>
    </message>
    <message>
        <source>Åbn sagen</source>
        <translation>Open case</translation>
    </message>
    <message>
        <source>Mødt</source>
        <translation>Attended</translation>
    </message>
    <message>
        <source>Udeblev</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>Aflyst</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Skriv notat</source>
        <translation>Write note</translation>
    </message>
    <message>
        <source>Skriv notat: %s</source>
        <translation>Write note: %s</translation>
    </message>
    <message>
        <source>Registreret som mødt. Skriv notatet nu med »Skriv notat«.</source>
        <translation>Recorded as attended. Write the note now with “Write note”.</translation>
    </message>
    <message>
        <source>Registreret som udeblevet. Husk at kontakte borgeren.</source>
        <translation>Recorded as a no-show. Remember to contact the citizen.</translation>
    </message>
    <message>
        <source>Registreret som aflyst.</source>
        <translation>Recorded as cancelled.</translation>
    </message>
    <message>
        <source>Venter i åben rådgivning (%d)</source>
        <translation>Waiting in open counselling (%d)</translation>
    </message>
    <message>
        <source>Påmindelser (%d)</source>
        <translation>Reminders (%d)</translation>
    </message>
</context>
<context>
    <name>UnlockPanel</name>
    <message>
        <source>Adgangsfrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Lås op</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Profil: %s</source>
        <translation>Profile: %s</translation>
    </message>
    <message>
        <source>Adgangsfrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Forkert adgangsfrase.</source>
        <translation>Wrong passphrase.</translation>
    </message>
    <message>
        <source>Profilen kunne ikke åbnes: %s</source>
        <translation>The profile could not be opened: %s</translation>
    </message>
    <message>
        <source>Forkert adgangsfrase. Prøv igen.</source>
        <translation>Wrong passphrase. Try again.</translation>
    </message>
    <message numerus="yes">
        <source>Forkert adgangsfrase. Vent %n sekund(er) før næste forsøg.</source>
        <translation>
            <numerusform>Wrong passphrase. Wait %n second before trying again.</numerusform>
            <numerusform>Wrong passphrase. Wait %n seconds before trying again.</numerusform>
        </translation>
    </message>
</context>
</TS>
