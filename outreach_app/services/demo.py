"""Synthetic demo data: a year of case work for the consultant who owns the vault.

Everything here is invented. Names are drawn from Danish names and names common in
Danish housing areas and combined at random; CPR numbers have a real date of birth
but deliberately fail the old modulus-11 check; partners have made-up names.

The content (names, texts, dates, counts) depends only on the seed and the clock;
ids are random. Records are built in memory and written with the repositories' bulk
inserts, a few thousand citizens per transaction, not through the services, which log
and sync each write on its own (10,000 citizens would take hours that way).

    summary = populate_demo(ws, citizens=150, seed=1)
"""

from __future__ import annotations

import logging
import random
import string
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, timedelta
from functools import cache
from itertools import accumulate
from typing import Any, Generic, TypeVar

from sqlalchemy import Connection, select

from outreach_app.domain.clock import DANISH_TIME, local_today
from outreach_app.domain.contacts import (
    Appointment,
    AppointmentStatus,
    Attendance,
    Contact,
    ContactKind,
    Initiator,
)
from outreach_app.domain.cpr import century
from outreach_app.domain.ids import (
    AppointmentId,
    AssignmentId,
    CitizenId,
    ConsentId,
    ConsultantId,
    ContactId,
    InformationId,
    MilestoneId,
    NoteId,
    PartnerId,
    PlanId,
    ReferralId,
    ScoreId,
    new_id,
)
from outreach_app.domain.information import InformationSource, NewInformation
from outreach_app.domain.milestones import Milestone, MilestoneKind
from outreach_app.domain.notes import NoteStatus, SessionNote, Topic
from outreach_app.domain.partners import (
    CLOSED_REFERRAL,
    Consent,
    Partner,
    PartnerKind,
    Referral,
    ReferralStatus,
    check_consent,
)
from outreach_app.domain.people import Assignment, Citizen, Language, TargetGroup
from outreach_app.domain.plan import Activity, ActivityStatus, NextContact, Plan
from outreach_app.domain.progression import LifeArea, ProgressionScore
from outreach_app.services.search import fold
from outreach_app.services.workspace import Workspace
from outreach_app.storage import schema
from outreach_app.storage.repository import Repository

log = logging.getLogger(__name__)

T = TypeVar("T")


class _Odds(Generic[T]):
    """Options with weights, drawn from with one random number."""

    __slots__ = ("items", "total", "upper")

    def __init__(self, weighted: Iterable[tuple[T, float]]) -> None:
        pairs = list(weighted)
        self.items = tuple(item for item, _ in pairs)
        self.upper = list(accumulate(weight for _, weight in pairs))
        self.total = self.upper[-1]


#: Citizens written per transaction (bounds memory; each chunk is one fsync).
CHUNK = 2_000
#: SQLite's page cache during the bulk writes, in KiB.
BULK_CACHE_KIB = 128 * 1024
#: Weights of the CPR modulus-11 check; demo numbers are made to fail it.
CPR_WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
#: The office's hours in Danish time, in minutes after midnight.
OPENS, CLOSES = 9 * 60, 15 * 60
PAST_DAYS = 365
FUTURE_DAYS = 21


@dataclass(frozen=True)
class DemoSummary:
    """How many records of each kind were written."""

    citizens: int = 0
    notes: int = 0
    contacts: int = 0
    appointments: int = 0
    milestones: int = 0
    scores: int = 0
    partners: int = 0
    consents: int = 0
    referrals: int = 0
    information: int = 0

    def __add__(self, other: DemoSummary) -> DemoSummary:
        return DemoSummary(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )


# -- names ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Origin:
    """Names of one origin: men's and women's first names and family names."""

    weight: int
    men: tuple[str, ...]
    women: tuple[str, ...]
    surnames: tuple[str, ...]

    @classmethod
    def of(cls, weight: int, men: str, women: str, surnames: str) -> _Origin:
        return cls(weight, tuple(men.split()), tuple(women.split()), tuple(surnames.split()))


ORIGINS: tuple[_Origin, ...] = (
    _Origin.of(
        30,
        "Søren Lars Jens Mads Kasper Mikkel Henrik Thomas Jesper Morten Niels Rasmus Frederik "
        "Anders Martin Kim Jonas Emil Steen Torben Bo Ib",
        "Mette Anne Hanne Lene Susanne Camilla Louise Signe Pernille Birgitte Tina Helle Sofie "
        "Ida Rikke Jytte Dorthe Malene Bodil Karen",
        "Jensen Nielsen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen "
        "Jørgensen Madsen Kristensen Olsen Thomsen Poulsen Knudsen Mortensen Møller Østergaard "
        "Kjær Lund Holm Bæk Ærøbo Damgaard",
    ),
    _Origin.of(
        12,
        "Mohammed Ahmed Ali Omar Hassan Hussein Khaled Mahmoud Youssef Ibrahim Mustafa "
        "Abdullah Karim Samir Bilal Tariq Walid Jamal",
        "Fatima Aisha Mariam Nour Layla Amira Hiba Rania Samira Yasmin Zainab Huda Salma Dalia",
        "Al-Hassan Abdallah Haddad Khalil Nasser Saleh Hamdan Mansour El-Sayed Yousef Awad "
        "Qasim Darwish Barakat Al-Masri Othman",
    ),
    _Origin.of(
        10,
        "Abdirahman Abdullahi Mohamud Abdi Farah Yusuf Said Liban Mahad Abdikarim",
        "Hodan Fadumo Amina Sahra Hawa Ifrah Khadra Nimco Ubah Ayaan Deeqa",
        "Warsame Mohamed Abdi Farah Hirsi Jama Osman Egal Nur Aden Guled Samatar",
    ),
    _Origin.of(
        9,
        "Mehmet Mustafa Emre Burak Murat Hakan Serkan Cem Kemal Özgür Tolga",
        "Ayşe Elif Zeynep Fatma Emine Hatice Merve Büşra Gül Derya",
        "Yılmaz Kaya Demir Şahin Çelik Yıldız Öztürk Aydın Arslan Doğan Koç Kurt",
    ),
    _Origin.of(
        7,
        "Azad Dilshad Hawre Rebwar Shivan Baran Diyar Karwan Serhat",
        "Rojin Berivan Nazdar Dilan Shilan Avin Helin Zilan",
        "Rashid Kareem Mahmud Hawrami Zebari Amedi Botani Berwari Sindi",
    ),
    _Origin.of(
        6,
        "Imran Asif Usman Faisal Zubair Kamran Shahid Naveed",
        "Saima Nadia Shazia Ayesha Sana Rabia Bushra Farzana",
        "Khan Hussain Iqbal Chaudhry Butt Malik Qureshi Shah Raza",
    ),
    _Origin.of(
        6,
        "Ahmad Farid Hamid Nasir Wahid Jawad Rahim Sayed Zabihullah",
        "Zahra Parwana Fereshta Shabnam Nilofar Roya Mursal Marzia",
        "Ahmadzai Hakimi Noori Rahimi Sultani Karimi Haidari Popal Amiri Sadat",
    ),
    _Origin.of(
        5,
        "Haider Ammar Zaid Mustafa Ali Hussam Muntadhar",
        "Zahraa Noor Rusul Shahad Ban Israa",
        "Al-Jaburi Al-Obaidi Al-Saadi Al-Tamimi Kadhim Jassim Al-Rubaie",
    ),
    _Origin.of(
        5,
        "Piotr Tomasz Krzysztof Paweł Marek Łukasz Michał Grzegorz",
        "Agnieszka Katarzyna Małgorzata Joanna Anna Magdalena Ewa",
        "Nowak Wiśniewski Wójcik Kamiński Lewandowski Zieliński Szymański Woźniak Kowalczyk",
    ),
    _Origin.of(
        4,
        "Tesfay Yonas Mehari Dawit Filmon Semere Habtom Kibrom",
        "Senait Saba Selam Luwam Rahwa Mebrat Yordanos Helen",
        "Tesfamariam Ghebremedhin Haile Berhane Tekle Gebremichael Kidane Woldu Negash",
    ),
    _Origin.of(
        4,
        "Dragan Nikola Emir Adnan Edin Goran Senad",
        "Amra Jasmina Mirela Lejla Ivana Selma",
        "Đurić Hodžić Begić Kovačević Jovanović Mehmedović Petrović",
    ),
    _Origin.of(2, "Jürgen Uwe Dieter", "Katrin Ute Birgit", "Müller Schmidt Becker Schäfer"),
)

ORIGIN_ODDS: _Odds[_Origin] = _Odds((o, o.weight) for o in ORIGINS)

#: Names every demo of some size contains, so the app is tried with them
#: (first name, last name, female).
FEATURED: tuple[tuple[str, str, bool], ...] = (
    ("Søren", "Ærøbo", False),
    ("Hans-Jürgen", "Müller", False),
    ("Ayşe", "Şahin", True),
    ("Dragan", "Đurić", False),
    ("محمد", "Al-Hassan", False),
    ("فاطمة", "", True),
)

MOBILE_PREFIXES = (
    "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "40", "41", "42",
    "50", "51", "52", "53", "60", "61", "71", "81", "91", "92", "93",
)  # fmt: skip

STREETS = (
    "Pilehaven", "Toftevangen", "Solsikkeparken", "Hasselhøj", "Engblommevej",
    "Kløvermarksparken", "Lyngbakken", "Rønnebærparken", "Fuglesangsvej", "Valmuehaven",
    "Skovbrynet", "Humlehaven",
)  # fmt: skip

TARGET_GROUPS: _Odds[TargetGroup | None] = _Odds(
    (
        (TargetGroup.AKTIVITETSPARAT, 45),
        (TargetGroup.UDDANNELSESPARAT, 14),
        (TargetGroup.JOBPARAT, 15),
        (TargetGroup.RESSOURCEFORLOEB, 8),
        (TargetGroup.SYGEDAGPENGE, 7),
        (TargetGroup.FLEKSJOB_VISITERET, 4),
        (TargetGroup.OTHER, 3),
        (None, 4),
    )
)

# -- partners ------------------------------------------------------------------------

#: (name, kind, what they offer). The first ones are always part of the demo.
PARTNERS: tuple[tuple[str, PartnerKind, str], ...] = (
    ("Boligsocial helhedsplan Engtoften", PartnerKind.HOUSING_SOCIAL,
     "Beboerrådgivning, lektiecafé og brobygning til fritidsjob."),
    ("Sprogcenter Vestbyen", PartnerKind.LANGUAGE_SCHOOL,
     "Danskuddannelse 1-3 og jobrettet dansk om eftermiddagen."),
    ("Gældsværkstedet Nørrevang", PartnerKind.DEBT_COUNSELLING,
     "Gratis gældsrådgivning tirsdag og torsdag, også med tolk."),
    ("Café Fællesbordet", PartnerKind.CIVIL_SOCIETY,
     "Social café med jobtræning i køkken, servering og rengøring."),
    ("Sundhedshuset Engby", PartnerKind.HEALTH,
     "Træning for smerter, sundhedssamtaler og rygestop."),
    ("SuperKøb Engby Centret", PartnerKind.EMPLOYER,
     "Praktik og løntilskud i butik og på varemodtagelsen."),
    ("Rengøringsfirmaet Glans ApS", PartnerKind.EMPLOYER,
     "Småjob og løntilskud i erhvervsrengøring, tidlige morgener."),
    ("Plejecentret Lindehaven", PartnerKind.EMPLOYER,
     "Praktik i køkken, pedelarbejde og som afløser i plejen."),
    ("Produktionsskolen Værkstedet", PartnerKind.EDUCATION,
     "Værkstedsundervisning og afklaring for unge under 25."),
    ("Kvindenetværket Broen", PartnerKind.CIVIL_SOCIETY,
     "Netværksgrupper, mentorer og rådgivning om vold i nære relationer."),
    ("Beboerhuset Solsikken", PartnerKind.CIVIL_SOCIETY,
     "Fællesspisning, sprogcafé og frivilligt arbejde."),
    ("Lagerhallen Nordlog A/S", PartnerKind.EMPLOYER,
     "Praktik og løntilskud på lager, truckcertifikat efter aftale."),
    ("Autoværkstedet Motorhjørnet", PartnerKind.EMPLOYER,
     "Praktik som klargører og værkstedsmedhjælper."),
    ("Gartneriet Grønne Hænder", PartnerKind.EMPLOYER,
     "Sæsonpraktik og småjob i gartneri og grønne områder."),
    ("Voksenuddannelsescenter Engby", PartnerKind.EDUCATION,
     "FVU-dansk, FVU-matematik og AVU i små hold."),
    ("IPS-teamet i Lokalpsykiatrien Vest", PartnerKind.HEALTH,
     "Individuelt planlagt job med støtte for borgere med psykiske lidelser."),
    ("Frivillig Gældshjælp i Skovbrynet", PartnerKind.DEBT_COUNSELLING,
     "Frivillige økonomer hjælper med budget og breve."),
    ("Børnehuset Mælkebøtten", PartnerKind.EMPLOYER,
     "Praktik som pædagogmedhjælper og i køkkenet."),
    ("Idrætsforeningen Aktiv Hverdag", PartnerKind.CIVIL_SOCIETY,
     "Motion for voksne og frivillige trænerjob."),
    ("Fritidsjobindsatsen i Engtoften", PartnerKind.OTHER,
     "Fritidsjob og lommepengejob for børn og unge i området."),
    ("Kantinen Smagløget", PartnerKind.EMPLOYER,
     "Løntilskud og småjob i kantine med morgenvagter."),
)  # fmt: skip
REQUIRED_PARTNERS = 9

# -- text slots ------------------------------------------------------------------------

SLOTS: dict[str, tuple[str, ...]] = {
    "sender": ("Udbetaling Danmark", "Skattestyrelsen", "boligselskabet", "ydelseskontoret",
               "Familieretshuset", "Gældsstyrelsen", "hospitalet", "a-kassen",
               "pladsanvisningen", "forsyningsselskabet"),
    "errand": ("en ansøgning om boligstøtte", "at læse et brev i Digital Post",
               "et skema om ændrede indtægtsforhold", "at bestille tid hos lægen",
               "en opgørelse af restskat", "en klage over en afgørelse",
               "at få MitID til at virke igen", "at skrive et CV", "en flytning",
               "en regning fra tandlægen", "en ansøgning om friplads"),
    "reason": ("der var kommet en rykker fra el-selskabet", "ydelsen ikke var gået ind",
               "borger havde fået en indkaldelse, som borger ikke forstod",
               "praktikstedet havde ringet om et skift i vagtplanen",
               "borger var bekymret for et brev om sanktion",
               "borger ville fortælle om en ny tid hos lægen",
               "borger havde mistet sit sygesikringskort"),
    "doctor": ("egen læge", "en speciallæge", "smerteklinikken", "hospitalets ambulatorium",
               "en øjenlæge"),
    "hours": ("5", "8", "10", "12", "15", "20", "25"),
    "small_hours": ("4", "6", "8", "10"),
    "weeks": ("2", "3", "4", "6", "8"),
    "count": ("to", "tre", "fire", "fem", "seks"),
    "module": ("2", "3", "4", "5", "6"),
    "exam": ("1", "2", "3"),
    "weekday": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag"),
    "amount": ("3.400", "8.900", "12.000", "27.500", "46.000", "112.000", "18.300"),
    "small": ("200", "300", "500", "750", "1.000"),
    "child": ("søn", "datter", "yngste barn", "ældste søn", "ældste datter"),
    "kids": ("to", "tre", "fire", "fem"),
    "persons": ("fire", "fem", "seks", "syv"),
    "months": ("én måned", "to måneder", "tre måneder"),
    "trade": ("lager", "rengøring", "køkken", "butik", "pleje", "gartneri", "pedelarbejde",
              "transport", "kantine", "børnepasning"),
    "job": ("kassemedarbejder", "rengøringsassistent", "lagermedarbejder", "køkkenmedhjælper",
            "chauffør", "pædagogmedhjælper", "opvasker", "butiksmedhjælper", "pedelmedhjælper"),
    "education": ("social- og sundhedshjælper", "pædagogisk assistent", "buschauffør",
                  "elektriker", "frisør", "ernæringsassistent", "lagerassistent", "tømrer"),
    "form": ("ændrede indtægtsforhold", "boligstøtte", "sygedagpenge", "friplads",
             "børnetilskud", "flytning", "tandbehandling"),
    "days": ("8", "14"),
    "relative": ("datter", "søn", "nabo", "ægtefælle", "bror", "søster", "kusine"),
    "clock": ("9.00", "9.30", "10.00", "10.30", "11.00", "12.30", "13.00", "13.30", "14.00"),
    "transition": ("uddannelseshjælp til kontanthjælp", "sygedagpenge til jobafklaringsforløb",
                   "kontanthjælp til ressourceforløb", "selvforsørgelse til kontanthjælp"),
    "city": ("Jylland", "Sverige", "Tyskland", "hjemlandet", "Norge", "England"),
    "activity": ("praktikken", "sprogskolen", "forløbet i caféen", "gældsrådgivningen",
                 "jobsøgningen", "træningen i sundhedshuset", "mentorforløbet",
                 "samtalerne hos psykologen"),
    "place": ("kontoret i beboerhuset", "mødelokalet på jobcentret", "kontoret i Pilehaven",
              "lokalet over vaskeriet"),
}  # fmt: skip

#: Slots filled with the names of partners of these kinds.
PARTNER_SLOTS: dict[str, tuple[PartnerKind, ...]] = {
    "partner": tuple(PartnerKind),
    "employer": (PartnerKind.EMPLOYER,),
    "debt": (PartnerKind.DEBT_COUNSELLING,),
    "school": (PartnerKind.EDUCATION, PartnerKind.LANGUAGE_SCHOOL),
    "language": (PartnerKind.LANGUAGE_SCHOOL,),
    "cafe": (PartnerKind.CIVIL_SOCIETY,),
}

# -- note texts --------------------------------------------------------------------------

OPENINGS: dict[ContactKind, tuple[str, ...]] = {
    ContactKind.DROP_IN: (
        "Borger kom i åben rådgivning med et brev fra {sender}.",
        "Borger mødte op i åben rådgivning uden aftale og ønskede hjælp til {errand}.",
        "Kort henvendelse i åben rådgivning om {errand}.",
        "Borger kiggede ind i åben rådgivning, fordi {reason}.",
        "Borger kom forbi kontoret i åbningstiden og ville gerne tale om {activity}.",
        "Henvendelse i åben rådgivning; borger havde ventet en halv time og var utålmodig.",
        "Borger kom i åben rådgivning sammen med sin {relative}.",
    ),
    ContactKind.FOLLOW_UP: (
        "Opfølgningssamtale i {place}.",
        "Planlagt opfølgningssamtale. Vi gennemgik planen og aftalerne fra sidst.",
        "Samtale om status på {activity}.",
        "Opfølgningssamtale med tolk over telefon.",
        "Planlagt samtale; borger mødte til tiden og havde papirerne med.",
        "Opfølgningssamtale, hvor vi brugte det meste af tiden på {activity}.",
    ),
    ContactKind.PHONE: (
        "Telefonsamtale med borger om {errand}.",
        "Borger ringede, fordi {reason}.",
        "Ringede til borger som aftalt for at følge op på {activity}.",
        "Kort telefonsamtale for at bekræfte næste aftale.",
        "Telefonsamtale; borger var på vej hjem fra {activity}.",
    ),
    ContactKind.HOME_VISIT: (
        "Hjemmebesøg hos borger efter aftale.",
        "Hjemmebesøg, da borger i perioden har svært ved at komme ud af lejligheden.",
        "Hjemmebesøg sammen med en medarbejder fra den boligsociale helhedsplan.",
        "Hjemmebesøg; borgers {relative} var til stede og hjalp med at oversætte.",
    ),
    ContactKind.NETWORK_MEETING: (
        "Netværksmøde med deltagelse af {partner}.",
        "Fælles møde med borger og kontaktpersonen fra {partner} om den videre plan.",
        "Overlevering til {partner}; vi mødtes alle tre, så borger ikke skulle fortælle "
        "sin historie igen.",
        "Koordinerende møde med {partner} og borger.",
    ),
}

MOODS: tuple[str, ...] = (
    "Borger var i godt humør og fortalte selv om, hvad der var sket siden sidst.",
    "Borger var mere stille end sædvanligt.",
    "Borger havde sin {relative} med, som hjalp med at oversætte.",
    "Samtalen var præget af, at borger havde travlt og skulle hente børn.",
    "Borger virkede lettet, da vi havde fået overblik over situationen.",
    "Borger var irriteret over ventetiden, men faldt til ro i løbet af samtalen.",
    "Vi havde god tid til samtalen i dag.",
    "Borger kom lidt for sent på grund af bussen.",
    "Borger takkede for hjælpen og sagde, at det er rart at kunne komme her i området.",
    "Borger virkede træt, men var engageret i samtalen.",
)

BODY: dict[Topic, tuple[str, ...]] = {
    Topic.HEALTH: (
        "Borger fortæller om smerter i ryg og skuldre, som gør det svært at sidde eller stå "
        "længe ad gangen.",
        "Borger har været til undersøgelse hos {doctor} og venter på svar.",
        "Vi talte om, hvor mange timer borger kan holde til at være aktiv, og borger vurderer "
        "selv omkring {hours} timer om ugen.",
        "Borger har fået ny medicin og oplever bivirkninger i form af træthed og svimmelhed.",
        "Borger har haft et par dårlige uger med hovedpine og søvnbesvær.",
        "Borger har fået ny tid hos {doctor} om {weeks} uger.",
        "Vi gennemgik den seneste lægeattest sammen, og jeg forklarede, hvad den betyder for "
        "planen.",
        "Borger oplever, at gåturene hjælper på smerterne, og går nu dagligt en tur i området.",
        "Borger er bekymret for en kommende operation og vil gerne tale om, hvad der skal ske "
        "bagefter.",
        "Borger har diabetes og har svært ved at få styr på måltiderne, når dagen ikke har "
        "faste rammer.",
        "Borger har fået henvisning til fysioterapeut og har selv bestilt den første tid.",
        "Borger er begyndt på holdtræning i sundhedshuset to gange om ugen.",
    ),
    Topic.MENTAL_HEALTH: (
        "Borger fortæller om uro og angst i større forsamlinger, især i bus og tog.",
        "Borger har det bedre i perioden og sover igen nogenlunde om natten.",
        "Borger er i forløb hos psykolog og har haft {count} samtaler indtil nu.",
        "Borger virkede træt og nedtrykt i dag og havde svært ved at holde fokus i samtalen.",
        "Borger har været udsat for voldsomme oplevelser før flugten og har stadig mareridt.",
        "Vi talte om, hvad der giver borger ro, og borger nævnte gåture og at lave mad til "
        "familien.",
        "Borger ønsker ikke at blive henvist til psykiatrien nu, men vil tale med egen læge om "
        "det.",
        "Borger er startet i IPS-forløb og har ugentlige samtaler med en jobspecialist.",
        "Borger beskriver, at det hjælper at have en fast ugeplan med få aftaler.",
        "Borger har haft en svær periode efter et dødsfald i familien i {city}.",
        "Borger er blevet bedre til at sige fra, når der er for mange aftaler på én dag.",
    ),
    Topic.LANGUAGE: (
        "Samtalen foregik på dansk med enkelte ord på engelsk; borger forstod det meste.",
        "Vi brugte tolk over telefon, da emnet var svært at forklare på dansk.",
        "Borger går på modul {module} på sprogskolen og har prøve om {weeks} uger.",
        "Borger taler godt dansk i hverdagen, men har svært ved at læse breve fra det offentlige.",
        "Borger har meldt sig til danskundervisning om aftenen, så det kan kombineres med praktik.",
        "Borger vil gerne øve dansk i hverdagen og er interesseret i sprogcaféen i beboerhuset.",
        "Borger har bestået Prøve i Dansk {exam} og er stolt af det.",
        "Borger har været væk fra sprogskolen i {weeks} uger på grund af sygdom i familien.",
        "Vi læste brevet sammen, og jeg oversatte de svære ord undervejs.",
        "Borger oplever, at det er lettere at tale dansk på arbejdspladsen end i undervisningen.",
        "Borger er startet på jobrettet dansk hos {language}.",
    ),
    Topic.NETWORK: (
        "Borger har ikke mange at tale med i hverdagen og føler sig ensom i perioden.",
        "Borger er begyndt at komme i kvindegruppen i beboerhuset om {weekday}en.",
        "Borger har fået kontakt til en frivillig mentor gennem {cafe}.",
        "Borgers {relative} hjælper med at læse post og holde styr på aftaler.",
        "Borger har mistet kontakten til sine tidligere kolleger og savner fællesskabet på en "
        "arbejdsplads.",
        "Borger spiller fodbold med nogle fra området om {weekday}en og glæder sig til det hver "
        "uge.",
        "Vi talte om, hvem borger kan ringe til, hvis det bliver svært, og borger nævnte en "
        "nabo og en gammel skolekammerat.",
        "Borger er frivillig i lektiecaféen et par timer om ugen og får meget ud af det.",
        "Borger er inviteret med på beboerhusets sommertur og vil gerne deltage.",
        "Borgers familie bor i {city} og kan ikke hjælpe i hverdagen.",
    ),
    Topic.HOUSING: (
        "Borger har fået varsel om huslejestigning og er bekymret for, om økonomien hænger sammen.",
        "Borger bor med {persons} personer i en toværelses lejlighed og ønsker en større bolig.",
        "Der er fugt og skimmel i lejligheden, og borger har klaget til boligselskabet uden at "
        "få svar.",
        "Borger er skrevet op til en mindre bolig i området.",
        "Borger har fået en påmindelse om manglende husleje for {months}.",
        "Vi ringede sammen til ejendomskontoret om en ordning for restancen.",
        "Borger har fået tilbudt en bolig i en anden bydel, men vil helst blive i området på "
        "grund af børnenes skole.",
        "Den boligsociale medarbejder har hjulpet borger med at søge boligstøtte.",
        "Borger bor midlertidigt hos familie efter en skilsmisse og har brug for egen bolig.",
        "Naboerne larmer om natten, og borger sover dårligt; borger har talt med "
        "ejendomskontoret om det.",
    ),
    Topic.ECONOMY: (
        "Borger har fået et brev om tilbagebetaling af boligstøtte og forstår ikke beregningen.",
        "Vi gennemgik borgers budget, og der mangler omkring {small} kr. hver måned.",
        "Borger er usikker på, hvordan indtægten fra småjobbet påvirker ydelsen, og vi "
        "gennemgik reglerne.",
        "Borger har søgt om enkeltydelse til tandlæge og venter på svar.",
        "Borgers ydelse er sat ned efter en ændring i husstanden, og borger har spørgsmål til "
        "afgørelsen.",
        "Vi lavede en oversigt over faste udgifter, så borger kan se, hvor pengene går hen.",
        "Borger har fået hjælp til at tilmelde husleje og el til betalingsservice.",
        "Borger har oprettet en opsparingskonto og sætter et lille beløb til side hver måned.",
        "Borgers ydelse var ikke udbetalt til tiden; jeg kontaktede ydelseskontoret, som "
        "rettede fejlen samme dag.",
    ),
    Topic.DEBT: (
        "Borger har gæld til det offentlige på omkring {amount} kr. og ved ikke, hvor meget "
        "der trækkes i ydelsen.",
        "Borger har fået et inkassobrev fra et teleselskab og er meget bekymret.",
        "Vi gennemgik borgers gæld på Gældsstyrelsens selvbetjening sammen.",
        "Borger er startet hos {debt} og har haft det første møde med en rådgiver.",
        "Borger har indgået en afdragsordning på {small} kr. om måneden.",
        "Borger har samlet sine rykkere i en mappe, så de kan tages med til gældsrådgivningen.",
        "Borger har fået afslag på gældssanering og vil gerne have hjælp til at forstå "
        "begrundelsen.",
        "Gælden fylder meget for borger og gør det svært at tænke på job.",
        "Borger har lånt penge af familien for at betale huslejerestancen.",
    ),
    Topic.FAMILY: (
        "Borgers {child} har det svært i skolen, og det fylder meget for borger.",
        "Borger er alene med {kids} børn, og hverdagen er presset.",
        "Borgers ægtefælle er syg, og borger bruger meget tid på pleje og kørsel til behandlinger.",
        "Der er møde med skolen om borgers {child} i næste uge, og borger vil gerne have hjælp "
        "til at forberede sig.",
        "Borger er gået fra sin partner og er ved at finde sig til rette i en ny hverdag.",
        "Borger har familie på besøg fra {city} i {weeks} uger.",
        "Borgers ældste barn er flyttet hjemmefra, og der er mere ro i hjemmet.",
        "Borger har kontakt til familieafdelingen og ønsker, at vi koordinerer møderne bedre.",
    ),
    Topic.CHILDCARE: (
        "Borger mangler pasning til det yngste barn og kan ikke starte i praktik, før der er "
        "plads i vuggestuen.",
        "Borgers {child} har fået plads i børnehaven fra næste måned.",
        "Vi talte om, hvordan aflevering og hentning kan passe med arbejdstiderne i en praktik.",
        "Borger har søgt om økonomisk friplads til daginstitutionen.",
        "Barnet er ofte sygt, og borger har haft mange fraværsdage fra sprogskolen af den grund.",
        "En nabo hjælper borger med at hente børn om {weekday}en.",
    ),
    Topic.EVERYDAY_COPING: (
        "Borger har svært ved at holde styr på aftaler, og vi satte en kalender op i telefonen.",
        "Borger møder nu til tiden og har styr på ugens aftaler.",
        "Vi lavede en ugeplan med faste tidspunkter for at stå op, handle og gå tur.",
        "Borger har fået MitID til at virke igen og kan nu selv læse Digital Post.",
        "Borger har sorteret sin post i tre bunker: betalt, ubetalt og til samtalen her.",
        "Borger fortæller, at døgnrytmen er vendt, og at det er svært at komme op om morgenen.",
        "Borger har selv bestilt tid hos tandlægen, hvilket er et skridt frem.",
        "Borger bruger nu rejseplanen i telefonen og kan selv finde vej til praktikstedet.",
        "Borger tjekker nu Digital Post hver {weekday} sammen med sin {relative}.",
    ),
    Topic.JOB_READINESS: (
        "Borger kan forestille sig at arbejde med {trade} og har erfaring fra hjemlandet.",
        "Vi talte om, hvad borger er god til, og borger nævnte at være stabil, hjælpsom og god "
        "med hænderne.",
        "Borger har fået sikkerhedssko og arbejdstøj og er klar til at starte.",
        "Borger er i virksomhedspraktik hos {employer} {hours} timer om ugen, og det går godt.",
        "Praktikstedet melder, at borger er mødestabil og arbejder selvstændigt.",
        "Borger har haft et par fraværsdage i praktikken på grund af smerter, men har ringet og "
        "meldt afbud.",
        "Vi talte om at gå fra {hours} timer til flere timer om ugen i praktikken.",
        "Borger ønsker et job med faste arbejdstider, så det kan hænge sammen med familielivet.",
        "Borger har gennemført et kursus i hygiejne og er klar til køkkenarbejde.",
        "Borger har været på besøg hos {employer} og fik en god snak med lederen.",
        "Borger er i tvivl om, hvorvidt arbejde med {trade} er for hårdt for ryggen.",
        "Borger har fået tilbud om løntilskud hos {employer} efter praktikken.",
        "Borger vil gerne tage truckcertifikat for at stå stærkere på lagerområdet.",
    ),
    Topic.JOB_SEARCH: (
        "Vi opdaterede CV'et sammen og tilføjede erfaringen fra praktikken.",
        "Borger har søgt {count} job siden sidst og fået svar fra ét af stederne.",
        "Vi søgte sammen efter småjob i området på Jobnet og fandt to relevante stillinger.",
        "Borger har været til jobsamtale hos {employer} og venter på svar.",
        "Borger har fået afslag på en stilling som {job} og var skuffet.",
        "Vi øvede jobsamtale med fokus på at fortælle om sig selv på dansk.",
        "Borger har svært ved at skrive ansøgninger og får hjælp i lektiecaféen.",
        "Borger har fået et småjob som {job} {small_hours} timer om ugen.",
        "Borger har lagt sit CV på Jobnet og har fået én henvendelse.",
        "Vi talte om uopfordrede ansøgninger, og borger vil gå rundt til butikkerne i centret.",
    ),
    Topic.EDUCATION: (
        "Borger drømmer om at blive {education} og vil gerne vide, hvad det kræver.",
        "Vi undersøgte optagelseskravene til uddannelsen som {education}.",
        "Borger er startet på FVU-matematik for at forbedre sine muligheder.",
        "Borger har fået merit for et enkelt fag fra sin uddannelse i hjemlandet.",
        "Borger skal til optagelsessamtale på {school} om {weeks} uger.",
        "Borger er usikker på, om en uddannelse kan kombineres med at forsørge familien.",
        "Borger har fået vejledning om voksenlærlingeordningen og er interesseret.",
        "Borger har haft en prøvedag på {school} og vil gerne søge ind.",
    ),
    Topic.LETTERS_AND_FORMS: (
        "Vi læste brevet fra {sender} sammen, og jeg forklarede, hvad borger skal gøre.",
        "Borger havde brug for hjælp til en blanket om {form}, og vi udfyldte den her.",
        "Brevet fra {sender} skulle besvares inden {days} dage, så vi svarede med det samme i "
        "Digital Post.",
        "Borger havde en bunke uåbnede breve med, som vi gik igennem ét for ét.",
        "Jeg forklarede en afgørelse fra {sender} i et enklere sprog; borger var lettet bagefter.",
        "Vi skrev sammen en kort klage over en afgørelse fra {sender}.",
        "Borger skulle sende lønsedler, og vi fandt dem frem i e-Boks sammen.",
        "Borger havde fået et brev om {form}, som krævede dokumentation, og vi fandt papirerne "
        "frem.",
    ),
    Topic.BENEFITS_AND_SANCTIONS: (
        "Borger var bekymret for en sanktion efter en udeblivelse sidste måned.",
        "Jeg forklarede rådighedsreglerne, og hvordan man melder sig syg korrekt.",
        "Borger har fået et partshøringsbrev om mulig sanktion, og vi svarede sammen inden "
        "fristen.",
        "Vi gennemgik, hvilke aftaler borger har pligt til at møde op til, og hvordan man "
        "melder afbud.",
        "Borger spurgte til reglerne om beskæftigelseskrav og hvor mange timer, der skal til.",
        "Sanktionen blev ikke aktuel, da borger havde lovligt fravær dokumenteret af lægen.",
        "Borger forstod ikke, hvorfor ydelsen var stoppet, og vi fandt ud af, at en blanket "
        "manglede.",
        "Borger er overgået fra {transition}, og jeg forklarede, hvad det ændrer.",
    ),
    Topic.ADDICTION: (
        "Borger fortæller åbent om et forbrug af hash, som borger gerne vil have ned.",
        "Borger har været i kontakt med misbrugscentret og har fået en tid til samtale.",
        "Borger har haft et tilbagefald og skammer sig; vi talte om, at det er en del af forløbet.",
        "Borger har ikke drukket i {weeks} uger og er glad for at kunne fortælle det.",
        "Borger er i ambulant behandling og møder stabilt op.",
        "Borger spiller meget på nettet og har brugt flere penge, end der er råd til.",
    ),
    Topic.VIOLENCE: (
        "Borger fortalte i dag om vold i hjemmet; det er første gang, emnet bliver nævnt.",
        "Vi talte om muligheden for at kontakte et krisecenter, og borger fik telefonnummeret.",
        "Borger føler sig tryg i den nye bolig og har ikke længere kontakt til den tidligere "
        "partner.",
        "Borger ønsker ikke at gå videre med det nu, men ved, at døren står åben.",
        "Jeg orienterede om min underretningspligt, da der er børn i hjemmet.",
        "Borger har fået støtte fra en rådgiver i {cafe} og har det bedre.",
    ),
}

AGREE: dict[Topic, tuple[str, ...]] = {
    Topic.HEALTH: (
        "Borger taler med egen læge om smerterne inden næste samtale.",
        "Jeg indhenter en statusattest fra lægen med borgers samtykke.",
        "Borger går en tur hver dag og noterer, hvordan smerterne er.",
        "Vi tager stilling til timetallet, når svaret fra undersøgelsen foreligger.",
    ),
    Topic.MENTAL_HEALTH: (
        "Borger fortsætter samtalerne hos psykologen.",
        "Næste samtale bliver kort og i et roligt lokale.",
        "Borger kontakter egen læge, hvis søvnen ikke bliver bedre.",
        "Jobspecialisten fra IPS deltager i næste samtale.",
    ),
    Topic.LANGUAGE: (
        "Borger melder sig til sprogcaféen i beboerhuset.",
        "Jeg bestiller tolk til næste samtale.",
        "Borger øver sig i at læse Digital Post med ordbog.",
        "Borger fortsætter på sprogskolen {weekday} og torsdag.",
    ),
    Topic.NETWORK: (
        "Borger prøver fællesspisningen i beboerhuset på {weekday}.",
        "Jeg sætter borger i kontakt med en frivillig mentor.",
        "Borger tager sin {relative} med til næste samtale.",
    ),
    Topic.HOUSING: (
        "Borger kontakter ejendomskontoret om en afdragsordning.",
        "Den boligsociale medarbejder hjælper med ansøgningen om boligstøtte.",
        "Jeg undersøger muligheden for en mindre og billigere bolig.",
    ),
    Topic.ECONOMY: (
        "Borger laver et budget sammen med gældsrådgiveren.",
        "Jeg spørger ydelseskontoret om beregningen og vender tilbage.",
        "Borger sender lønsedlerne til ydelseskontoret inden fredag.",
    ),
    Topic.DEBT: (
        "Borger tager alle rykkere med til gældsrådgivningen.",
        "Jeg henviser til gældsrådgivning, når samtykket er på plads.",
        "Borger ringer til inkassobureauet og beder om en afdragsordning.",
    ),
    Topic.FAMILY: (
        "Jeg deltager i mødet med skolen, hvis borger ønsker det.",
        "Vi tager hensyn til plejeopgaven, når praktikken planlægges.",
    ),
    Topic.CHILDCARE: (
        "Borger søger plads via pladsanvisningen i denne uge.",
        "Praktikken starter først, når pasningen er på plads.",
    ),
    Topic.EVERYDAY_COPING: (
        "Borger skriver alle aftaler ind i kalenderen i telefonen.",
        "Borger tjekker Digital Post hver {weekday}.",
    ),
    Topic.JOB_READINESS: (
        "Borger fortsætter i praktikken med {hours} timer om ugen.",
        "Vi holder opfølgningsmøde med praktikstedet om {weeks} uger.",
        "Praktikken forlænges med {weeks} uger.",
        "Jeg kontakter {employer} om en mulig praktik.",
    ),
    Topic.JOB_SEARCH: (
        "Borger søger mindst {count} job inden næste samtale.",
        "Jeg sender borger links til relevante småjob.",
        "Borger går rundt til butikkerne i centret med sit CV.",
    ),
    Topic.EDUCATION: (
        "Borger tilmelder sig informationsmødet på {school}.",
        "Jeg undersøger mulighederne for uddannelsesløft.",
        "Borger taler med en studievejleder.",
    ),
    Topic.LETTERS_AND_FORMS: (
        "Borger tager nye breve med til åben rådgivning.",
        "Jeg sender en kopi af svaret til borger i Digital Post.",
    ),
    Topic.BENEFITS_AND_SANCTIONS: (
        "Borger melder afbud senest kl. 9 på dagen, hvis borger er syg.",
        "Jeg følger op på ydelsen og ringer til borger.",
    ),
    Topic.ADDICTION: (
        "Borger holder aftalen med misbrugscentret.",
        "Vi taler om forbruget igen ved næste samtale.",
    ),
    Topic.VIOLENCE: (
        "Borger har gemt nummeret til krisecentret i telefonen og ringer, hvis det bliver farligt.",
        "Næste samtale holdes på kontoret, ikke som hjemmebesøg.",
    ),
}

GENERAL_AGREEMENTS: tuple[str, ...] = (
    "Næste samtale {weekday} kl. {clock} i {place}.",
    "Borger ringer, hvis der opstår noget inden da.",
    "Jeg sender en sms som påmindelse dagen før.",
    "Vi følger op på aftalerne ved næste samtale.",
    "Borger kommer i åben rådgivning, hvis der kommer nye breve.",
)

NO_SHOW: dict[ContactKind, tuple[str, ...]] = {
    ContactKind.FOLLOW_UP: (
        "Borger mødte ikke op til den aftalte samtale kl. {clock}.",
        "Borger udeblev fra samtalen kl. {clock} og har ikke meldt afbud.",
    ),
    ContactKind.PHONE: (
        "Borger tog ikke telefonen ved den aftalte opringning kl. {clock}.",
        "Jeg ringede som aftalt kl. {clock}, men kom ikke igennem.",
    ),
    ContactKind.HOME_VISIT: (
        "Borger var ikke hjemme ved det aftalte hjemmebesøg kl. {clock}.",
        "Ingen lukkede op ved hjemmebesøget kl. {clock}.",
    ),
    ContactKind.NETWORK_MEETING: (
        "Borger mødte ikke op til netværksmødet med {partner} kl. {clock}.",
    ),
}
NO_SHOW_ACTIONS: tuple[str, ...] = (
    "Jeg ringede til borger uden svar og lagde en besked.",
    "Jeg sendte en sms med tilbud om ny tid.",
    "Borgers {relative} tog telefonen og fortalte, at borger er syg.",
    "Det er første udeblivelse i forløbet; der sendes ikke partshøring nu.",
    "Borger er udeblevet to gange i træk, og jeg tager kontakt ved et hjemmebesøg.",
    "Borger ringede senere på dagen og beklagede; udeblivelsen skyldtes en forveksling af datoer.",
)
NO_SHOW_AGREEMENTS: tuple[str, ...] = (
    "Ny tid er sendt i Digital Post.",
    "Jeg forsøger at ringe igen i morgen.",
    "Borger ringer selv og aftaler en ny tid.",
)

CORRECTIONS: tuple[str, ...] = (
    "Det rigtige timetal i praktikken er {hours} timer om ugen, ikke som skrevet.",
    "Borgers samtykke til kontakt med lægen er nu også givet skriftligt.",
    "Mødet med {partner} var {weekday}, ikke som anført.",
    "Tolken var til stede under hele samtalen, hvilket ikke fremgik af notatet.",
    "Gælden er omkring {amount} kr. og ikke det beløb, der står i notatet.",
    "Det aftalte hjemmebesøg er aflyst efter borgers eget ønske.",
    "Borgers {relative} deltog også i samtalen.",
)

# -- case texts ----------------------------------------------------------------------------

GOALS: tuple[str, ...] = (
    "Komme i praktik inden for {trade} og derefter i løntilskud.",
    "Få styr på økonomien og gælden, så der bliver overskud til job.",
    "Blive bedre til dansk og bestå Prøve i Dansk {exam}.",
    "Finde et småjob på {small_hours} timer om ugen ved siden af sprogskolen.",
    "Få et ordinært job som {job}.",
    "Komme i gang med uddannelsen som {education}.",
    "Få afklaret helbredet og finde ud af, hvor mange timer der er realistiske.",
    "Få en stabil hverdag med faste rammer og færre bekymringer.",
    "Komme ud af huset flere gange om ugen og møde andre.",
)

ACTIVITIES: tuple[str, ...] = (
    "Virksomhedspraktik hos {employer}",
    "Jobrettet dansk hos {language}",
    "Gældsrådgivning hos {debt}",
    "Jobtræning hos {cafe}",
    "Samtaleforløb hos psykolog",
    "Træning for smerter i sundhedshuset",
    "Mentorforløb med frivillig mentor",
    "Jobsøgning med hjælp i lektiecaféen",
    "Afklaring af helbred med egen læge",
    "FVU-dansk på {school}",
)

MILESTONE_SHARES: tuple[tuple[MilestoneKind, float], ...] = (
    (MilestoneKind.VIRKSOMHEDSPRAKTIK, 0.12),
    (MilestoneKind.LOENTILSKUD, 0.10),
    (MilestoneKind.SMAAJOB, 0.07),
    (MilestoneKind.ORDINAERT_JOB, 0.05),
    (MilestoneKind.UDDANNELSE, 0.05),
    (MilestoneKind.IPS, 0.04),
    (MilestoneKind.RESSOURCEFORLOEB, 0.06),
    (MilestoneKind.FLEKSJOB, 0.03),
    (MilestoneKind.AFKLARING_FOERTIDSPENSION, 0.03),
)

#: Kind: (shortest and longest duration in days, partner kinds, note).
MILESTONE_DETAILS: dict[MilestoneKind, tuple[int, int, tuple[PartnerKind, ...], str]] = {
    MilestoneKind.VIRKSOMHEDSPRAKTIK: (28, 91, (PartnerKind.EMPLOYER,),
                                       "Praktik med {trade}, {hours} timer om ugen."),
    MilestoneKind.LOENTILSKUD: (91, 182, (PartnerKind.EMPLOYER,),
                                "Løntilskud som {job}, {hours} timer om ugen."),
    MilestoneKind.SMAAJOB: (30, 240, (PartnerKind.EMPLOYER,),
                            "Småjob som {job}, {small_hours} timer om ugen."),
    MilestoneKind.ORDINAERT_JOB: (180, 720, (PartnerKind.EMPLOYER,),
                                  "Ansat som {job}."),
    MilestoneKind.UDDANNELSE: (180, 720, (PartnerKind.EDUCATION,),
                               "Startet på uddannelsen som {education}."),
    MilestoneKind.IPS: (120, 360, (PartnerKind.HEALTH,),
                        "IPS-forløb med jobspecialist; mål om job med {trade}."),
    MilestoneKind.RESSOURCEFORLOEB: (365, 720, (),
                                     "Ressourceforløb bevilget af rehabiliteringsteamet."),
    MilestoneKind.FLEKSJOB: (180, 720, (PartnerKind.EMPLOYER,),
                             "Fleksjob {hours} timer om ugen."),
    MilestoneKind.AFKLARING_FOERTIDSPENSION: (
        60, 240, (), "Sagen er forelagt rehabiliteringsteamet med henblik på førtidspension."),
}  # fmt: skip

SCORE_NOTES: tuple[str, ...] = (
    "Borgers egen vurdering.",
    "Vurderet sammen med borger.",
    "Fremgang siden sidst.",
    "Uændret.",
    "Vurderet med tolk.",
)

AREAS = tuple(LifeArea)
#: Life areas a conversation topic bears on (for the scored areas).
TOPIC_AREAS: dict[Topic, LifeArea] = {
    Topic.HEALTH: LifeArea.HEALTH,
    Topic.MENTAL_HEALTH: LifeArea.MENTAL_HEALTH,
    Topic.LANGUAGE: LifeArea.LANGUAGE,
    Topic.NETWORK: LifeArea.NETWORK,
    Topic.HOUSING: LifeArea.HOUSING,
    Topic.ECONOMY: LifeArea.ECONOMY,
    Topic.DEBT: LifeArea.ECONOMY,
    Topic.FAMILY: LifeArea.FAMILY,
    Topic.CHILDCARE: LifeArea.FAMILY,
    Topic.EVERYDAY_COPING: LifeArea.EVERYDAY_COPING,
    Topic.JOB_READINESS: LifeArea.JOB_READINESS,
    Topic.JOB_SEARCH: LifeArea.JOB_READINESS,
}

TOPIC_ODDS: _Odds[Topic] = _Odds({
    Topic.HEALTH: 14, Topic.MENTAL_HEALTH: 10, Topic.LANGUAGE: 12, Topic.NETWORK: 6,
    Topic.HOUSING: 7, Topic.ECONOMY: 9, Topic.DEBT: 7, Topic.FAMILY: 6, Topic.CHILDCARE: 4,
    Topic.EVERYDAY_COPING: 6, Topic.JOB_READINESS: 12, Topic.JOB_SEARCH: 10,
    Topic.EDUCATION: 5, Topic.LETTERS_AND_FORMS: 10, Topic.BENEFITS_AND_SANCTIONS: 6,
    Topic.ADDICTION: 2, Topic.VIOLENCE: 1,
}.items())  # fmt: skip

CONSENT_SCOPES: tuple[str, ...] = (
    "Udveksling af oplysninger med {name} om forløb og fremmøde.",
    "Videregivelse af relevante helbredsoplysninger til {name} i forbindelse med forløbet.",
    "Kontakt til {name} om borgers situation og den fælles plan.",
)
GENERAL_SCOPE = (
    "Udveksling af oplysninger med de lokale samarbejdspartnere i den boligsociale "
    "helhedsplan, sundhedshuset og gældsrådgivningen om borgers situation og plan."
)
CONSENT_DETAILS: tuple[str, ...] = (
    "Skriftligt samtykke på blanket, scannet til sagen.",
    "Mundtligt samtykke givet under samtalen; borger har fået kopi.",
    "Samtykket er læst op for borger med tolk.",
    "",
)

PURPOSES: dict[PartnerKind, tuple[str, ...]] = {
    PartnerKind.HOUSING_SOCIAL: ("Hjælp til boligstøtte og huslejerestance.",
                                 "Brobygning til fællesskaber i boligområdet."),
    PartnerKind.LANGUAGE_SCHOOL: ("Danskundervisning på modul {module}.",
                                  "Jobrettet dansk i kombination med praktik."),
    PartnerKind.DEBT_COUNSELLING: ("Overblik over gæld og budget.",
                                   "Hjælp til en afdragsordning."),
    PartnerKind.CIVIL_SOCIETY: ("Jobtræning i køkken og café.",
                                "Frivilligt fællesskab og netværk.", "Frivillig mentor."),
    PartnerKind.HEALTH: ("Træning for smerter.", "Individuelt planlagt job med støtte (IPS).",
                         "Sundhedssamtale og rygestop."),
    PartnerKind.EMPLOYER: ("Virksomhedspraktik med {trade}.", "Løntilskud efter praktik.",
                           "Småjob {small_hours} timer om ugen."),
    PartnerKind.EDUCATION: ("Afklaring af uddannelsesmuligheder.",
                            "FVU-dansk og FVU-matematik."),
    PartnerKind.OTHER: ("Fritidsaktiviteter og fritidsjob for børnene.",),
}  # fmt: skip

OUTCOMES: dict[ReferralStatus, tuple[str, ...]] = {
    ReferralStatus.COMPLETED: ("Forløbet er gennemført som planlagt.",
                               "Borger fik et godt udbytte og fortsætter selv."),
    ReferralStatus.DECLINED: ("Partneren havde ikke plads i denne omgang.",
                              "Borger takkede nej efter det første møde."),
    ReferralStatus.CANCELLED: ("Henvisningen blev trukket tilbage, da borger startede i job.",
                               "Borger ønskede at vente til efter sommerferien."),
}  # fmt: skip

INFORMATION: dict[InformationSource, tuple[str, ...]] = {
    InformationSource.DOCTOR: (
        "Statusattest fra egen læge: borger kan arbejde {hours} timer om ugen med skånehensyn.",
        "Lægen oplyser, at borger er henvist til psykiatrisk udredning.",
        "Lægen anbefaler en afklaring af arbejdsevnen efter en ny diagnose.",
        "Lægen oplyser, at borger er sygemeldt i {weeks} uger efter en operation.",
    ),
    InformationSource.HOUSING: (
        "Boligselskabet oplyser om huslejerestance på {amount} kr.",
        "Boligselskabet oplyser, at borger har fået tilbudt en ny bolig.",
        "Den boligsociale medarbejder er bekymret for borgers trivsel.",
    ),
    InformationSource.EMPLOYER: (
        "Praktikstedet melder om gentagne fravær i praktikken.",
        "Praktikstedet vil gerne tilbyde løntilskud efter praktikken.",
        "Arbejdsgiveren oplyser, at borgers småjob ophører ved udgangen af måneden.",
        "Arbejdsgiveren roser borgers indsats og spørger, om borger kan tage flere timer.",
    ),
    InformationSource.PARTNER: (
        "Gældsrådgivningen melder, at borger ikke mødte op til de sidste to aftaler.",
        "Caféen oplyser, at borger er klar til flere timer i køkkenet.",
        "Sprogskolen oplyser om højt fravær i den seneste måned.",
    ),
    InformationSource.CITIZEN: (
        "Borger har ringet og fortalt, at ægtefællen er blevet indlagt.",
        "Borger skriver, at familien flytter til en ny adresse i området.",
        "Borger oplyser, at der er et barn på vej.",
    ),
    InformationSource.AUTHORITY: (
        "Familieafdelingen ønsker et koordinerende møde.",
        "Ydelseskontoret oplyser, at borgers ydelse er ændret.",
        "Udbetaling Danmark har truffet afgørelse om tilbagebetaling af boligstøtte.",
    ),
    InformationSource.OTHER: (
        "Tolkebureauet har aflyst tolkningen til næste samtale.",
        "Henvendelse fra en frivillig om borgers trivsel; tages op ved næste samtale.",
    ),
}

INFORMATION_SOURCES: _Odds[InformationSource] = _Odds(
    (
        (InformationSource.DOCTOR, 25),
        (InformationSource.HOUSING, 15),
        (InformationSource.EMPLOYER, 15),
        (InformationSource.PARTNER, 15),
        (InformationSource.CITIZEN, 15),
        (InformationSource.AUTHORITY, 10),
        (InformationSource.OTHER, 5),
    )
)

INFORMATION_PARTNERS: dict[InformationSource, tuple[PartnerKind, ...]] = {
    InformationSource.HOUSING: (PartnerKind.HOUSING_SOCIAL,),
    InformationSource.EMPLOYER: (PartnerKind.EMPLOYER,),
    InformationSource.PARTNER: (
        PartnerKind.DEBT_COUNSELLING, PartnerKind.CIVIL_SOCIETY, PartnerKind.LANGUAGE_SCHOOL,
    ),
}  # fmt: skip

APPOINTMENT_NOTES: tuple[str, ...] = (
    "Husk lønsedler.",
    "Tolk bestilt (arabisk).",
    "Tolk bestilt (somali).",
    "Tolk bestilt (tigrinya).",
    "Medbring lægeattest.",
    "Opfølgning på praktik.",
    "Gennemgang af planen.",
    "Borger ønsker et kort møde.",
)

REGISTRATIONS: tuple[str, ...] = (
    "Registreret i åben rådgivning.",
    "Overdraget fra jobcentrets hovedkontor.",
    "Henvist af den boligsociale helhedsplan.",
)

#: Each kind of past contact with how often it was booked, and how often it happens.
MEETING_KINDS: _Odds[tuple[ContactKind, float]] = _Odds(
    (
        ((ContactKind.DROP_IN, 0.0), 38),
        ((ContactKind.FOLLOW_UP, 1.0), 30),
        ((ContactKind.PHONE, 0.4), 16),
        ((ContactKind.HOME_VISIT, 1.0), 6),
        ((ContactKind.NETWORK_MEETING, 0.7), 10),
    )
)
#: The kinds of the meetings booked ahead, with weights.
PLANNED_KINDS: _Odds[ContactKind] = _Odds(
    (
        (ContactKind.FOLLOW_UP, 60),
        (ContactKind.PHONE, 20),
        (ContactKind.HOME_VISIT, 8),
        (ContactKind.NETWORK_MEETING, 12),
    )
)
#: Shortest and longest duration in minutes.
MINUTES: dict[ContactKind, tuple[int, int]] = {
    ContactKind.DROP_IN: (10, 30),
    ContactKind.FOLLOW_UP: (30, 60),
    ContactKind.PHONE: (5, 20),
    ContactKind.HOME_VISIT: (45, 90),
    ContactKind.NETWORK_MEETING: (45, 90),
}
ATTENDANCE: _Odds[Attendance] = _Odds(
    (
        (Attendance.ATTENDED, 75),
        (Attendance.NO_SHOW, 15),
        (Attendance.CANCELLED, 10),
    )
)

ACTIVITY_STATES: _Odds[ActivityStatus] = _Odds(
    (
        (ActivityStatus.PLANNED, 2),
        (ActivityStatus.ONGOING, 5),
        (ActivityStatus.DONE, 3),
        (ActivityStatus.STOPPED, 1),
    )
)
#: How a referral older than a week stands.
REFERRAL_STATES: _Odds[ReferralStatus] = _Odds(
    (
        (ReferralStatus.ACCEPTED, 1),
        (ReferralStatus.STARTED, 4),
        (ReferralStatus.COMPLETED, 4),
        (ReferralStatus.DECLINED, 1),
        (ReferralStatus.CANCELLED, 1),
    )
)
CONSENTS_PER_CITIZEN: _Odds[int] = _Odds(((0, 25), (1, 40), (2, 25), (3, 10)))
REFERRALS_PER_CONSENT: _Odds[int] = _Odds(((0, 30), (1, 55), (2, 15)))
#: How many dates a citizen's life areas were scored on, and how many areas.
SCORE_DATES: _Odds[int] = _Odds(((2, 30), (3, 30), (4, 25), (5, 15)))

_FORMATTER = string.Formatter()


@cache
def _slot_names(template: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in _FORMATTER.parse(template) if name)


# -- small helpers -----------------------------------------------------------------------


def _local(day: date, minute: int) -> datetime:
    """The UTC moment of ``minute`` after midnight on ``day`` in Danish time."""
    moment = datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=DANISH_TIME)
    return moment.astimezone(UTC)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _passes_modulus_11(digits: str) -> bool:
    return sum(int(d) * w for d, w in zip(digits, CPR_WEIGHTS, strict=True)) % 11 == 0


def _seventh_digits(year: int) -> tuple[int, ...]:
    """The 7th CPR digits that, with the two-digit year, give ``year``."""
    year2 = year % 100
    return tuple(d for d in range(10) if century(year2, d) + year2 == year)


def _feminine(surname: str) -> str:
    """Polish surnames in -ski/-cki take -ska/-cka for women."""
    return surname[:-1] + "a" if surname.endswith(("ski", "cki")) else surname


def _slug(name: str) -> str:
    return "".join(ch for ch in fold(name) if ch.isascii() and ch.isalnum())


def _between(first: datetime, last: datetime, moment: datetime) -> datetime:
    return max(first, min(last, moment))


# -- the random source with the texts -------------------------------------------------------


class _Dice:
    """The seeded random source, with the helpers every builder uses."""

    def __init__(self, seed: int, today: date) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
        self.today = today
        self.slots = dict(SLOTS)

    def use_partners(self, partners: Sequence[Partner]) -> None:
        """Fill the partner slots of the texts with these partners' names."""
        for slot, kinds in PARTNER_SLOTS.items():
            names = tuple(p.name for p in partners if p.kind in kinds)
            self.slots[slot] = names or tuple(p.name for p in partners) or ("partneren",)

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def pick(self, options: Sequence[T]) -> T:
        return options[int(self.rng.random() * len(options))]

    def draw(self, odds: _Odds[T]) -> T:
        return odds.items[bisect_right(odds.upper, self.rng.random() * odds.total)]

    def between(self, first: int, last: int) -> int:
        """A whole number from first to last, both included."""
        return first + int(self.rng.random() * (last - first + 1))

    def fill(self, template: str, **fixed: str) -> str:
        """The template with each slot filled by a random value (or the one given)."""
        names = _slot_names(template)
        if not names:
            return template
        values = {n: fixed[n] if n in fixed else self.pick(self.slots[n]) for n in names}
        return template.format(**values)

    def text(self, options: Sequence[str], **fixed: str) -> str:
        return self.fill(self.pick(options), **fixed)

    def workday(self, first: date, last: date) -> date:
        """A random weekday from first to last (a weekend day if the range has none)."""
        for _ in range(4):  # drawing again keeps the weekdays equally likely
            day = self.day(first, last)
            if day.weekday() < 5:
                return day
        saturday = day.weekday() == 5
        near = day + timedelta(days=-1 if saturday else 1)  # Friday or Monday
        far = day + timedelta(days=2 if saturday else -2)  # Monday or Friday
        return next((d for d in (near, far) if first <= d <= last), day)

    def day(self, first: date, last: date) -> date:
        return first + timedelta(days=self.between(0, max(0, (last - first).days)))


# -- the people ----------------------------------------------------------------------------


class _People:
    """Citizens: names, CPR numbers, phones and addresses."""

    def __init__(self, dice: _Dice, taken: Callable[[str], bool]) -> None:
        self.dice = dice
        self._taken = taken
        self._used: set[str] = set()

    def citizen(self, created: datetime, featured: tuple[str, str, bool] | None) -> Citizen:
        dice = self.dice
        first, last, female = featured or _random_name(dice)
        walk_in = not last if featured else dice.chance(0.2)
        if walk_in and dice.chance(0.35):
            last = ""
        phone = self._mobile() if walk_in or dice.chance(0.88) else None
        return Citizen(
            id=CitizenId(new_id()),
            first_name=first,
            last_name=last,
            cpr=None if walk_in else self._cpr(female),
            phone=phone,
            email=self._email(first, last) if dice.chance(0.25) else "",
            address="" if walk_in else self._address(),
            target_group=None if walk_in else dice.draw(TARGET_GROUPS),
            language=Language.ENGLISH if dice.chance(0.12) else Language.DANISH,
            created_at=created,
            updated_at=created,
        )

    def _cpr(self, female: bool) -> str:
        while True:
            born = self._birth_date()
            for _ in range(20):
                digits = self._cpr_digits(born, female)
                if self._free(digits):
                    self._used.add(digits)
                    return digits

    def _free(self, digits: str) -> bool:
        """Failing modulus 11 and not yet used here or in the vault."""
        if _passes_modulus_11(digits) or digits in self._used:
            return False
        return not self._taken(digits)

    def _birth_date(self) -> date:
        today = self.dice.today
        oldest = _years_before(today, 65) + timedelta(days=1)
        return self.dice.day(oldest, _years_before(today, 18))

    def _cpr_digits(self, born: date, female: bool) -> str:
        rng = self.dice.rng
        seventh = self.dice.pick(_seventh_digits(born.year))
        last = rng.randrange(0 if female else 1, 10, 2)
        return f"{born:%d%m%y}{seventh}{rng.randrange(100):02d}{last}"

    def _mobile(self) -> str:
        number = self.dice.pick(MOBILE_PREFIXES) + f"{self.dice.rng.randrange(10**6):06d}"
        return f"{number[:2]} {number[2:4]} {number[4:6]} {number[6:]}"

    def _email(self, first: str, last: str) -> str:
        local = ".".join(s for s in (_slug(first), _slug(last)) if s)
        return f"{local}{self.dice.between(1, 99)}@post.example" if local else ""

    def _address(self) -> str:
        dice = self.dice
        door = f"{dice.between(0, 4)}. {dice.pick(('th.', 'tv.', 'mf.'))}"
        return f"{dice.pick(STREETS)} {dice.between(1, 60)}, {door}"


def _random_name(dice: _Dice) -> tuple[str, str, bool]:
    """First name, last name and whether female; the family name is now and then
    from another origin than the first name."""
    origin = dice.draw(ORIGIN_ODDS)
    female = dice.chance(0.5)
    first = dice.pick(origin.women if female else origin.men)
    family = origin if dice.chance(0.75) else dice.draw(ORIGIN_ODDS)
    last = dice.pick(family.surnames)
    return first, _feminine(last) if female else last, female


def _partners(dice: _Dice) -> list[Partner]:
    """12 to 20 invented local partners, the core kinds always among them."""
    count = dice.between(12, 20)
    optional = list(PARTNERS[REQUIRED_PARTNERS:])
    chosen = set(dice.rng.sample(range(len(optional)), count - REQUIRED_PARTNERS))
    picked = [*PARTNERS[:REQUIRED_PARTNERS], *(p for i, p in enumerate(optional) if i in chosen)]
    return [_partner(dice, name, kind, offer) for name, kind, offer in picked]


def _partner(dice: _Dice, name: str, kind: PartnerKind, offer: str) -> Partner:
    first, last, _ = _random_name(dice)
    return Partner(
        id=PartnerId(new_id()),
        name=name,
        kind=kind,
        contact_person=f"{first} {last}",
        phone=f"{dice.between(70, 89)} {dice.between(10, 99)} {dice.between(10, 99)} "
        f"{dice.between(10, 99)}",
        email=f"kontakt@{_slug(name)}.example",
        address=f"{dice.pick(STREETS)} {dice.between(1, 80)}",
        note=offer,
    )


# -- one citizen's case ----------------------------------------------------------------------


@dataclass(slots=True)
class _Batch:
    """The records of one transaction, in the order they are written."""

    citizens: list[Citizen] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)
    appointments: list[Appointment] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    notes: list[SessionNote] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    scores: list[ProgressionScore] = field(default_factory=list)
    consents: list[Consent] = field(default_factory=list)
    referrals: list[Referral] = field(default_factory=list)
    information: list[NewInformation] = field(default_factory=list)

    def summary(self) -> DemoSummary:
        return DemoSummary(
            citizens=len(self.citizens),
            notes=len(self.notes),
            contacts=len(self.contacts),
            appointments=len(self.appointments),
            milestones=len(self.milestones),
            scores=len(self.scores),
            consents=len(self.consents),
            referrals=len(self.referrals),
            information=len(self.information),
        )


@dataclass(frozen=True, slots=True)
class _Meeting:
    """A past contact before it becomes records."""

    kind: ContactKind
    at: datetime
    minutes: int
    booked: bool
    attendance: Attendance | None = None
    partner: Partner | None = None
    noted: bool = True

    @property
    def took_place(self) -> bool:
        return self.attendance in (None, Attendance.ATTENDED)


@dataclass(frozen=True, slots=True)
class _Case:
    citizen_id: CitizenId
    start: date
    first_at: datetime
    focus: tuple[Topic, ...]
    batch: _Batch


@dataclass(frozen=True, slots=True)
class _Extras:
    """What only some citizens get: a featured name, an appointment today."""

    featured: tuple[str, str, bool] | None = None
    today_minute: int | None = None


class _Cases:
    """Builds each citizen's year of history into a batch."""

    def __init__(
        self,
        dice: _Dice,
        people: _People,
        partners: Sequence[Partner],
        *,
        me: ConsultantId,
        now: datetime,
        notes_per_citizen: float | None,
    ) -> None:
        self.dice = dice
        self.people = people
        self.partners = tuple(partners)
        self.by_id = {p.id: p for p in partners}
        self.me = me
        self.now = now
        self.today = dice.today
        self.yesterday = dice.today - timedelta(days=1)
        self.notes_per_citizen = notes_per_citizen

    # -- the citizen ---------------------------------------------------------------

    def build(self, index: int, batch: _Batch, extras: _Extras) -> None:
        dice = self.dice
        start = dice.workday(self.today - timedelta(days=PAST_DAYS), self.today - timedelta(14))
        first_at = _local(start, self._minute(OPENS, CLOSES - 60, 5))
        citizen = self.people.citizen(first_at, extras.featured)
        case = _Case(citizen.id, start, first_at, self._focus(), batch)
        batch.citizens.append(citizen)
        walked_in = dice.chance(0.65)
        batch.assignments.append(self._assignment(case, walked_in))
        last_at = self._history(case, self._note_count(index, start), walked_in)
        future = self._future(case, extras.today_minute)
        batch.plans.append(self._plan(case, future, last_at))
        self._milestones(case)
        self._scores(case)
        self._consents(case)
        self._information(case)

    def _focus(self) -> tuple[Topic, ...]:
        """The three or four subjects this citizen's conversations keep coming back to."""
        drawn = [self.dice.draw(TOPIC_ODDS) for _ in range(6)]
        return tuple(dict.fromkeys(drawn))[:4]

    def _assignment(self, case: _Case, walked_in: bool) -> Assignment:
        reason = REGISTRATIONS[0] if walked_in else self.dice.pick(REGISTRATIONS[1:])
        return Assignment(
            id=AssignmentId(new_id()),
            citizen_id=case.citizen_id,
            consultant_id=self.me,
            started_at=case.first_at,
            reason=reason,
        )

    def _note_count(self, index: int, start: date) -> int:
        """Exactly ``notes_per_citizen`` on average when given (the total is exact),
        otherwise about one a month with much variation."""
        if self.notes_per_citizen is not None:
            share = self.notes_per_citizen
            return int((index + 1) * share) - int(index * share)
        months = (self.today - start).days / 30
        return max(1, round(1 + months * self.dice.rng.uniform(0.3, 1.3)))

    def _office_time(self, day: date, within_days: int) -> datetime:
        """A moment in office hours on a weekday from ``day`` to ``within_days`` later."""
        day = self.dice.workday(day, day + timedelta(days=within_days))
        return _local(day, self._minute(8 * 60, 16 * 60, 1))

    def _minute(self, first: int, last: int, step: int) -> int:
        return first + step * self.dice.between(0, (last - first) // step)

    # -- past contacts and notes ---------------------------------------------------------

    def _history(self, case: _Case, notes: int, walked_in: bool) -> datetime:
        """Contacts, appointments and notes; returns the time of the last contact."""
        addenda = 1 if notes >= 3 and self.dice.chance(0.12) else 0
        meetings = self._meetings(case, notes - addenda, walked_in)
        finished = self._record(case, meetings)
        for original in self.dice.rng.sample(finished, min(addenda, len(finished))):
            case.batch.notes.append(self._addendum(original))
        return meetings[-1].at if meetings else case.first_at

    def _meetings(self, case: _Case, wanted: int, walked_in: bool) -> list[_Meeting]:
        """Past contacts in time order, of which exactly ``wanted`` have a note."""
        if wanted <= 0:
            return []
        meetings = [self._first_meeting(case, walked_in)]
        written = 1
        while written < wanted:
            meeting = self._past_meeting(case)
            meetings.append(meeting)
            written += meeting.noted
            if meeting.attendance is Attendance.NO_SHOW and written < wanted:
                call = self._call_after(meeting)
                meetings.extend([call] if call else [])
                written += call is not None
        return sorted(meetings, key=lambda m: m.at)

    def _first_meeting(self, case: _Case, walked_in: bool) -> _Meeting:
        kind = ContactKind.DROP_IN if walked_in else ContactKind.FOLLOW_UP
        attendance = None if walked_in else Attendance.ATTENDED
        minutes = self.dice.between(20, 60)
        return _Meeting(kind, case.first_at, minutes, not walked_in, attendance)

    def _past_meeting(self, case: _Case) -> _Meeting:
        dice = self.dice
        kind, booked_share = dice.draw(MEETING_KINDS)
        booked = dice.chance(booked_share)
        day = dice.workday(case.start + timedelta(days=1), self.yesterday)
        minute = (
            self._minute(8 * 60 + 30, CLOSES, 15) if booked else self._minute(OPENS, CLOSES - 30, 5)
        )
        attendance = dice.draw(ATTENDANCE) if booked else None
        noted = attendance in (None, Attendance.ATTENDED) or (
            attendance is Attendance.NO_SHOW and dice.chance(0.5)
        )
        partner = dice.pick(self.partners) if kind is ContactKind.NETWORK_MEETING else None
        minutes = dice.between(*MINUTES[kind])
        return _Meeting(kind, _local(day, minute), minutes, booked, attendance, partner, noted)

    def _call_after(self, missed: _Meeting) -> _Meeting | None:
        """A missed meeting leads to contact: a call a day or two later."""
        day = missed.at.astimezone(DANISH_TIME).date() + timedelta(days=self.dice.between(1, 2))
        if day > self.yesterday or not self.dice.chance(0.6):
            return None
        at = _local(day, self._minute(OPENS, CLOSES, 5))
        return _Meeting(ContactKind.PHONE, at, self.dice.between(5, 15), booked=False)

    def _record(self, case: _Case, meetings: list[_Meeting]) -> list[SessionNote]:
        """Write the meetings as contacts, appointments and notes; returns the finished notes."""
        noted = [m for m in meetings if m.noted]
        draft = noted[-1] if noted and self._leave_draft(noted[-1]) else None
        finished: list[SessionNote] = []
        for position, meeting in enumerate(meetings):
            contact = self._contact(case, meeting, draft=meeting is draft)
            if not meeting.noted:
                continue
            following = meetings[position + 1] if position + 1 < len(meetings) else None
            note = self._note(case, meeting, contact, following, draft=meeting is draft)
            case.batch.notes.append(note)
            finished.extend([note] if note.finished else [])
        return finished

    def _leave_draft(self, meeting: _Meeting) -> bool:
        """The most recent note is now and then still a draft."""
        return self.now - meeting.at < timedelta(days=14) and self.dice.chance(0.4)

    def _contact(self, case: _Case, meeting: _Meeting, *, draft: bool) -> Contact | None:
        """The contact the reports count. A booked meeting has one from its attendance;
        an unbooked one gets it when its note is finished."""
        if not meeting.booked and draft:
            return None
        appointment_id = AppointmentId(new_id()) if meeting.booked else None
        contact = Contact(
            id=ContactId(new_id()),
            citizen_id=case.citizen_id,
            consultant_id=self.me,
            kind=meeting.kind,
            occurred_at=meeting.at,
            duration_min=meeting.minutes if meeting.took_place else None,
            partner_id=meeting.partner.id if meeting.partner else None,
            appointment_id=appointment_id,
            attendance=meeting.attendance,
        )
        case.batch.contacts.append(contact)
        if appointment_id is not None:
            case.batch.appointments.append(self._held(case, meeting, appointment_id, contact))
        return contact

    def _held(
        self, case: _Case, meeting: _Meeting, appointment_id: AppointmentId, contact: Contact
    ) -> Appointment:
        """A past appointment with its attendance recorded."""
        attendance = meeting.attendance or Attendance.ATTENDED
        return self._appointment(
            case,
            meeting.kind,
            meeting.at,
            meeting.partner,
            id=appointment_id,
            duration_min=meeting.minutes,
            status=AppointmentStatus(attendance.value),
            contact_id=contact.id,
        )

    def _note(
        self,
        case: _Case,
        meeting: _Meeting,
        contact: Contact | None,
        following: _Meeting | None,
        *,
        draft: bool,
    ) -> SessionNote:
        written = meeting.at + timedelta(minutes=meeting.minutes + self.dice.between(2, 40))
        done = None if draft else written + timedelta(minutes=self.dice.between(1, 20))
        text, agreements, topics = self._note_text(case, meeting, draft=draft)
        return SessionNote(
            id=NoteId(new_id()),
            citizen_id=case.citizen_id,
            consultant_id=self.me,
            kind=meeting.kind,
            occurred_at=meeting.at,
            duration_min=meeting.minutes if meeting.took_place else None,
            topics=topics,
            text=text,
            agreements=agreements,
            next_contact=_next_from(following),
            contact_id=contact.id if contact else None,
            status=NoteStatus.DRAFT if done is None else NoteStatus.FINISHED,
            created_at=written,
            updated_at=done or written,
            finished_at=done,
        )

    def _note_text(
        self, case: _Case, meeting: _Meeting, *, draft: bool
    ) -> tuple[str, str, tuple[Topic, ...]]:
        """The note's text, its agreements and its topics."""
        if not meeting.took_place:
            return self._no_show_text(meeting)
        dice = self.dice
        partner = meeting.partner.name if meeting.partner else dice.pick(dice.slots["partner"])
        opening = [dice.text(OPENINGS[meeting.kind], partner=partner)]
        topics = tuple(dict.fromkeys(dice.pick(case.focus) for _ in range(dice.between(1, 3))))
        body = [dice.fill(s) for t in topics for s in dice.rng.sample(BODY[t], dice.between(1, 2))]
        if draft:
            return "\n\n".join([opening[0], body[0]]), "", topics
        in_person = meeting.kind is not ContactKind.PHONE
        mood = [dice.text(MOODS)] if in_person and dice.chance(0.4) else []
        return "\n\n".join([" ".join(opening + mood), " ".join(body)]), self._agreed(topics), topics

    def _agreed(self, topics: tuple[Topic, ...]) -> str:
        dice = self.dice
        agreed = [dice.text(AGREE[t]) for t in topics if t in AGREE and dice.chance(0.6)]
        if not agreed or dice.chance(0.4):
            agreed.append(dice.text(GENERAL_AGREEMENTS))
        return "\n".join(agreed)

    def _no_show_text(self, meeting: _Meeting) -> tuple[str, str, tuple[Topic, ...]]:
        dice = self.dice
        clock = f"{meeting.at.astimezone(DANISH_TIME):%H.%M}"
        partner = meeting.partner.name if meeting.partner else ""
        text = " ".join(
            [dice.text(NO_SHOW[meeting.kind], clock=clock, partner=partner),
             dice.text(NO_SHOW_ACTIONS)]
        )  # fmt: skip
        return text, dice.text(NO_SHOW_AGREEMENTS), (Topic.BENEFITS_AND_SANCTIONS,)

    def _addendum(self, original: SessionNote) -> SessionNote:
        """A correction of a finished note, written some days later (mostly finished)."""
        dice = self.dice
        finished_at = original.finished_at or original.updated_at
        later = finished_at + timedelta(days=dice.between(1, 10), minutes=dice.between(0, 99))
        at = _between(finished_at, self.now - timedelta(minutes=10), later)
        day = original.occurred_at.astimezone(DANISH_TIME)
        text = f"Tilføjelse til notat af {day:%d.%m.%Y}: {dice.text(CORRECTIONS)}"
        draft = original.addendum(consultant_id=self.me, now=at, text=text)
        return draft.finish(now=at + timedelta(minutes=5)) if dice.chance(0.85) else draft

    # -- what lies ahead -----------------------------------------------------------------

    def _future(self, case: _Case, today_minute: int | None) -> list[Appointment]:
        """Meetings booked over the next three weeks (and perhaps one today)."""
        dice = self.dice
        first, last = self.today + timedelta(days=1), self.today + timedelta(days=FUTURE_DAYS)
        times = [
            _local(dice.workday(first, last), self._minute(8 * 60 + 30, CLOSES, 15))
            for _ in range(dice.between(0, 2))
        ]
        if today_minute is not None:
            times.append(_local(self.today, today_minute))
        planned = [self._planned(case, at) for at in sorted(times)]
        case.batch.appointments.extend(planned)
        return planned

    def _planned(self, case: _Case, at: datetime) -> Appointment:
        dice = self.dice
        kind = dice.draw(PLANNED_KINDS)
        partner = dice.pick(self.partners) if kind is ContactKind.NETWORK_MEETING else None
        minutes = 5 * (dice.between(*MINUTES[kind]) // 5)
        return self._appointment(
            case, kind, at, partner, id=AppointmentId(new_id()), duration_min=minutes
        )

    def _appointment(
        self,
        case: _Case,
        kind: ContactKind,
        at: datetime,
        partner: Partner | None,
        **details: Any,
    ) -> Appointment:
        dice = self.dice
        by_citizen = kind is ContactKind.PHONE and dice.chance(0.3)
        return Appointment(
            citizen_id=case.citizen_id,
            consultant_id=self.me,
            kind=kind,
            starts_at=at,
            place=self._place(kind, partner),
            note=dice.pick(APPOINTMENT_NOTES) if dice.chance(0.3) else "",
            initiator=Initiator.CITIZEN if by_citizen else Initiator.CONSULTANT,
            partner_id=partner.id if partner else None,
            **details,
        )

    def _place(self, kind: ContactKind, partner: Partner | None) -> str:
        if kind is ContactKind.PHONE:
            return "Telefon"
        if kind is ContactKind.HOME_VISIT:
            return "Hjemme hos borger"
        if partner is not None:
            return f"Hos {partner.name}, {partner.address}"
        place = self.dice.pick(SLOTS["place"])
        return place[0].upper() + place[1:]

    def _plan(self, case: _Case, future: list[Appointment], updated: datetime) -> Plan:
        dice = self.dice
        agreements = [dice.text(AGREE[t]) for t in case.focus if t in AGREE]
        return Plan(
            id=PlanId(new_id()),
            citizen_id=case.citizen_id,
            goal=dice.text(GOALS),
            agreements=tuple(agreements[: dice.between(2, 4)]),
            activities=tuple(self._activity(case) for _ in range(dice.between(1, 3))),
            next_contact=self._next_contact(future),
            updated_at=updated,
        )

    def _activity(self, case: _Case) -> Activity:
        dice = self.dice
        status = dice.draw(ACTIVITY_STATES)
        title = dice.text(ACTIVITIES)
        if status is ActivityStatus.PLANNED:
            start = dice.day(self.today + timedelta(days=1), self.today + timedelta(days=30))
            return Activity(title=title, starts_on=start, status=status)
        start = dice.day(case.start, self.today)
        closed = status in (ActivityStatus.DONE, ActivityStatus.STOPPED)
        end = dice.day(start, self.today) if closed else None
        return Activity(title=title, starts_on=start, ends_on=end, status=status)

    def _next_contact(self, future: list[Appointment]) -> NextContact | None:
        if future:
            first = future[0]
            return NextContact(at=first.starts_at, kind=first.kind, initiator=first.initiator)
        if not self.dice.chance(0.5):
            return None
        day = self.dice.workday(self.today + timedelta(days=2), self.today + timedelta(days=14))
        return NextContact(
            at=_local(day, 10 * 60), kind=ContactKind.PHONE, initiator=Initiator.CITIZEN
        )

    # -- milestones and progression -------------------------------------------------------

    def _milestones(self, case: _Case) -> None:
        for kind, share in MILESTONE_SHARES:
            if self.dice.chance(share):
                case.batch.milestones.append(self._milestone(case, kind))

    def _milestone(self, case: _Case, kind: MilestoneKind) -> Milestone:
        dice = self.dice
        shortest, longest, partner_kinds, note = MILESTONE_DETAILS[kind]
        starts = dice.workday(case.start, self.today)
        ends: date | None = starts + timedelta(days=dice.between(shortest, longest))
        if ends is not None and ends > self.today and dice.chance(0.6):
            ends = None  # ongoing, no end date set yet
        partner = self._partner_of(partner_kinds)
        return Milestone(
            id=MilestoneId(new_id()),
            citizen_id=case.citizen_id,
            kind=kind,
            starts_on=starts,
            ends_on=ends,
            partner_id=partner.id if partner else None,
            note=dice.fill(note, employer=partner.name if partner else ""),
        )

    def _partner_of(self, kinds: Sequence[PartnerKind]) -> Partner | None:
        matching = [p for p in self.partners if p.kind in kinds]
        return self.dice.pick(matching) if matching else None

    def _scores(self, case: _Case) -> None:
        """Each scored life area at 2-5 dates, drifting mildly upwards."""
        dice = self.dice
        days = sorted(dice.workday(case.start, self.today) for _ in range(dice.draw(SCORE_DATES)))
        for area in self._areas(case):
            score = dice.between(2, 6)
            for day in days:
                case.batch.scores.append(self._score(case, area, score, day))
                score = min(10, max(1, score + dice.pick((-1, 0, 0, 1, 1, 2))))

    def _areas(self, case: _Case) -> tuple[LifeArea, ...]:
        """Job readiness and one or two areas the citizen's conversations are about."""
        areas = [TOPIC_AREAS[t] for t in case.focus if t in TOPIC_AREAS]
        areas.append(self.dice.pick(AREAS))
        return tuple(dict.fromkeys([LifeArea.JOB_READINESS, *areas]))[: self.dice.between(2, 3)]

    def _score(self, case: _Case, area: LifeArea, score: int, day: date) -> ProgressionScore:
        return ProgressionScore(
            id=ScoreId(new_id()),
            citizen_id=case.citizen_id,
            consultant_id=self.me,
            area=area,
            score=score,
            scored_on=day,
            note=self.dice.pick(SCORE_NOTES) if self.dice.chance(0.2) else "",
        )

    # -- consents, referrals and new information -----------------------------------------------

    def _consents(self, case: _Case) -> None:
        dice = self.dice
        for _ in range(dice.draw(CONSENTS_PER_CITIZEN)):
            consent = self._consent(case)
            case.batch.consents.append(consent)
            for _ in range(dice.draw(REFERRALS_PER_CONSENT)):
                referral = self._referral(case, consent)
                case.batch.referrals.extend([referral] if referral else [])

    def _consent(self, case: _Case) -> Consent:
        dice = self.dice
        partner = dice.pick(self.partners) if dice.chance(0.8) else None
        given, expires = self._consent_period(case)
        withdrawn = dice.day(given, self.today) if dice.chance(0.08) else None
        return Consent(
            id=ConsentId(new_id()),
            citizen_id=case.citizen_id,
            scope=dice.text(CONSENT_SCOPES, name=partner.name) if partner else GENERAL_SCOPE,
            given_on=given,
            partner_id=partner.id if partner else None,
            expires_on=expires,
            withdrawn_on=withdrawn,
            details=dice.pick(CONSENT_DETAILS),
        )

    def _consent_period(self, case: _Case) -> tuple[date, date | None]:
        """When the consent was given and when it expires; some expire within 30 days."""
        dice = self.dice
        length = dice.pick((182, 365, 365, None))
        if length is not None and dice.chance(0.15):
            expires = self.today + timedelta(days=dice.between(0, 30))
            return max(case.start, expires - timedelta(days=length)), expires
        given = dice.workday(case.start, self.today)
        return given, given + timedelta(days=length) if length else None

    def _referral(self, case: _Case, consent: Consent) -> Referral | None:
        """A referral on a day the consent covers it (none if it never did)."""
        last = min(self.today, consent.expires_on or self.today)
        if consent.withdrawn_on is not None:
            last = min(last, consent.withdrawn_on - timedelta(days=1))
        if last < consent.given_on:
            return None
        day = self.dice.workday(consent.given_on, min(last, consent.given_on + timedelta(21)))
        partner = self.by_id[consent.partner_id] if consent.partner_id else None
        partner = partner or self.dice.pick(self.partners)
        check_consent(consent, citizen_id=case.citizen_id, partner_id=partner.id, on=day)
        status = self._referral_status(day)
        closed = status in CLOSED_REFERRAL
        return Referral(
            id=ReferralId(new_id()),
            citizen_id=case.citizen_id,
            partner_id=partner.id,
            consent_id=consent.id,
            referred_on=day,
            purpose=self.dice.text(PURPOSES[partner.kind]),
            status=status,
            outcome=self.dice.text(OUTCOMES[status]) if status in OUTCOMES else "",
            closed_on=self.dice.day(day, self.today) if closed else None,
        )

    def _referral_status(self, day: date) -> ReferralStatus:
        if (self.today - day).days < 7:
            return self.dice.pick(
                (ReferralStatus.SENT, ReferralStatus.SENT, ReferralStatus.ACCEPTED)
            )
        return self.dice.draw(REFERRAL_STATES)

    def _information(self, case: _Case) -> None:
        dice = self.dice
        count = (2 if dice.chance(0.25) else 1) if dice.chance(0.35) else 0
        case.batch.information.extend(self._news(case) for _ in range(count))

    def _news(self, case: _Case) -> NewInformation:
        """New information from outside; recent items are often still unhandled."""
        dice = self.dice
        source = dice.draw(INFORMATION_SOURCES)
        day = dice.workday(case.start, self.today)
        received = _between(case.first_at, self.now, self._office_time(day, 0))
        recent = self.now - received < timedelta(days=10)
        open_item = dice.chance(0.5) if recent else dice.chance(0.03)
        handled = self._office_time(received.astimezone(DANISH_TIME).date(), 5)
        partner = self._partner_of(INFORMATION_PARTNERS.get(source, ()))
        return NewInformation(
            id=InformationId(new_id()),
            citizen_id=case.citizen_id,
            source=source,
            received_at=received,
            summary=dice.text(INFORMATION[source]),
            partner_id=partner.id if partner else None,
            handled_at=None if open_item else _between(received, self.now, handled),
        )


def _next_from(following: _Meeting | None) -> NextContact | None:
    """The next contact a note names: the following meeting, when it was booked."""
    if following is None or not following.booked:
        return None
    return NextContact(at=following.at, kind=following.kind, initiator=Initiator.CONSULTANT)


# -- writing -----------------------------------------------------------------------------------


def _write(ws: Workspace, batch: _Batch, now: datetime) -> None:
    """One transaction with every record of the batch, parents before children."""
    repos = ws.repos
    steps: tuple[tuple[Repository[Any], Sequence[Any]], ...] = (
        (repos.citizens, batch.citizens),
        (repos.assignments, batch.assignments),
        (repos.plans, batch.plans),
        (repos.appointments, batch.appointments),
        (repos.contacts, batch.contacts),
        (repos.notes, batch.notes),  # an addendum comes after the note it corrects
        (repos.milestones, batch.milestones),
        (repos.scores, batch.scores),
        (repos.consents, batch.consents),
        (repos.referrals, batch.referrals),
        (repos.information, batch.information),
    )
    with ws.vault.write() as connection, _bulk_cache(connection):
        for repository, records in steps:
            repository.add_many(connection, records, now=now)


@contextmanager
def _bulk_cache(connection: Connection) -> Iterator[None]:
    """A large page cache while bulk inserting: the indexes on random ids soon outgrow
    SQLite's default of 2 MB, and every insert would then read pages back from the file."""
    previous = int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())
    connection.exec_driver_sql(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={previous}")


def _cpr_in_vault(ws: Workspace) -> Callable[[str], bool]:
    """Whether a CPR number is already registered in the vault (by its blind index)."""
    column = schema.citizens.c.cpr_bidx
    with ws.vault.read() as connection:
        taken = set(connection.execute(select(column).where(column.is_not(None))).scalars())
    if not taken:
        return lambda _digits: False
    return lambda digits: ws.repos.cpr_digest(digits) in taken


def _extras(dice: _Dice, citizens: int) -> dict[int, _Extras]:
    """Which citizens carry the featured names, and who has an appointment today."""
    featured = dice.rng.sample(range(citizens), min(len(FEATURED), citizens))
    slots = range(OPENS, CLOSES, 15)
    today = dice.rng.sample(range(citizens), min(citizens, max(3, min(12, citizens // 10))))
    minutes = dice.rng.sample(slots, len(today))
    extras: dict[int, _Extras] = {}
    for index, name in zip(featured, FEATURED, strict=False):
        extras[index] = _Extras(featured=name)
    for index, minute in zip(today, minutes, strict=True):
        extras[index] = _Extras(extras.get(index, _Extras()).featured, minute)
    return extras


def _chunks(total: int) -> Iterator[range]:
    for first in range(0, total, CHUNK):
        yield range(first, min(total, first + CHUNK))


def populate_demo(
    ws: Workspace, *, citizens: int = 150, seed: int = 1, notes_per_citizen: float | None = None
) -> DemoSummary:
    """Fill the open vault with a year of synthetic case work for ``ws.me_id``.

    ``notes_per_citizen`` fixes the average number of notes (the total is exact);
    without it each citizen gets about one a month since they were registered.
    """
    if citizens < 0 or (notes_per_citizen is not None and notes_per_citizen < 0):
        raise ValueError("citizens and notes per citizen cannot be negative")
    now = ws.clock.now()
    dice = _Dice(seed, local_today(ws.clock))
    partners = _write_partners(ws, dice, now)
    people = _People(dice, _cpr_in_vault(ws))
    cases = _Cases(
        dice, people, partners, me=ws.me_id, now=now, notes_per_citizen=notes_per_citizen
    )
    summary = DemoSummary(partners=len(partners)) + _write_cases(ws, cases, citizens, now)
    ws.reload_index()
    log.info("demo data written: %s", summary)
    return summary


def _write_partners(ws: Workspace, dice: _Dice, now: datetime) -> list[Partner]:
    partners = _partners(dice)
    dice.use_partners(partners)
    with ws.vault.write() as connection:
        ws.repos.partners.add_many(connection, partners, now=now)
    return partners


def _write_cases(ws: Workspace, cases: _Cases, citizens: int, now: datetime) -> DemoSummary:
    """Build and write the citizens' cases, one transaction per chunk of citizens."""
    extras = _extras(cases.dice, citizens)
    summary = DemoSummary()
    for chunk in _chunks(citizens):
        batch = _Batch()
        for index in chunk:
            cases.build(index, batch, extras.get(index, _Extras()))
        _write(ws, batch, now)
        summary += batch.summary()
        log.debug("demo: %d of %d citizens written", chunk.stop, citizens)
    return summary
