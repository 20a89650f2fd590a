"""The words of the reports and the printout, in Danish and English.

Reporting runs without Qt (on the central service too), so it cannot use the
desktop's translations; these tables hold the same terms the screens use.
"""

from __future__ import annotations

from datetime import date, datetime

from outreach_app.domain.clock import DANISH_TIME
from outreach_app.domain.contacts import ContactKind
from outreach_app.domain.milestones import MilestoneKind
from outreach_app.domain.partners import ReferralStatus
from outreach_app.domain.plan import ActivityStatus
from outreach_app.domain.progression import LifeArea

LANGUAGES = ("da", "en")

CONTACT_KINDS: dict[str, dict[ContactKind, str]] = {
    "da": {
        ContactKind.DROP_IN: "åben rådgivning",
        ContactKind.FOLLOW_UP: "opfølgningssamtale",
        ContactKind.PHONE: "telefon",
        ContactKind.HOME_VISIT: "hjemmebesøg",
        ContactKind.NETWORK_MEETING: "netværksmøde",
    },
    "en": {
        ContactKind.DROP_IN: "open counselling",
        ContactKind.FOLLOW_UP: "follow-up meeting",
        ContactKind.PHONE: "phone",
        ContactKind.HOME_VISIT: "home visit",
        ContactKind.NETWORK_MEETING: "network meeting",
    },
}

MILESTONES: dict[str, dict[MilestoneKind, str]] = {
    "da": {
        MilestoneKind.VIRKSOMHEDSPRAKTIK: "virksomhedspraktik",
        MilestoneKind.LOENTILSKUD: "løntilskud",
        MilestoneKind.SMAAJOB: "småjob / få timer",
        MilestoneKind.ORDINAERT_JOB: "ordinært job",
        MilestoneKind.FLEKSJOB: "fleksjob",
        MilestoneKind.UDDANNELSE: "uddannelse",
        MilestoneKind.IPS: "IPS",
        MilestoneKind.RESSOURCEFORLOEB: "ressourceforløb",
        MilestoneKind.AFKLARING_FOERTIDSPENSION: "afklaring til førtidspension",
    },
    "en": {
        MilestoneKind.VIRKSOMHEDSPRAKTIK: "work placement",
        MilestoneKind.LOENTILSKUD: "wage subsidy",
        MilestoneKind.SMAAJOB: "small job / few hours",
        MilestoneKind.ORDINAERT_JOB: "ordinary job",
        MilestoneKind.FLEKSJOB: "flex job",
        MilestoneKind.UDDANNELSE: "education",
        MilestoneKind.IPS: "IPS",
        MilestoneKind.RESSOURCEFORLOEB: "resource programme",
        MilestoneKind.AFKLARING_FOERTIDSPENSION: "assessment for disability pension",
    },
}

AREAS: dict[str, dict[LifeArea, str]] = {
    "da": {
        LifeArea.HEALTH: "helbred",
        LifeArea.MENTAL_HEALTH: "mental sundhed",
        LifeArea.LANGUAGE: "sprog",
        LifeArea.NETWORK: "netværk",
        LifeArea.HOUSING: "bolig",
        LifeArea.ECONOMY: "økonomi",
        LifeArea.FAMILY: "familie",
        LifeArea.EVERYDAY_COPING: "hverdagsmestring",
        LifeArea.JOB_READINESS: "jobparathed",
    },
    "en": {
        LifeArea.HEALTH: "health",
        LifeArea.MENTAL_HEALTH: "mental health",
        LifeArea.LANGUAGE: "language",
        LifeArea.NETWORK: "network",
        LifeArea.HOUSING: "housing",
        LifeArea.ECONOMY: "finances",
        LifeArea.FAMILY: "family",
        LifeArea.EVERYDAY_COPING: "everyday coping",
        LifeArea.JOB_READINESS: "job readiness",
    },
}

REFERRAL_STATUSES: dict[str, dict[ReferralStatus, str]] = {
    "da": {
        ReferralStatus.SENT: "sendt",
        ReferralStatus.ACCEPTED: "accepteret",
        ReferralStatus.STARTED: "startet",
        ReferralStatus.COMPLETED: "gennemført",
        ReferralStatus.DECLINED: "afvist",
        ReferralStatus.CANCELLED: "annulleret",
    },
    "en": {
        ReferralStatus.SENT: "sent",
        ReferralStatus.ACCEPTED: "accepted",
        ReferralStatus.STARTED: "started",
        ReferralStatus.COMPLETED: "completed",
        ReferralStatus.DECLINED: "declined",
        ReferralStatus.CANCELLED: "cancelled",
    },
}

ACTIVITY_STATUSES: dict[str, dict[ActivityStatus, str]] = {
    "da": {
        ActivityStatus.PLANNED: "planlagt",
        ActivityStatus.ONGOING: "i gang",
        ActivityStatus.DONE: "gennemført",
        ActivityStatus.STOPPED: "stoppet",
    },
    "en": {
        ActivityStatus.PLANNED: "planned",
        ActivityStatus.ONGOING: "ongoing",
        ActivityStatus.DONE: "done",
        ActivityStatus.STOPPED: "stopped",
    },
}

_MONTHS = {
    "da": [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "en": [
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
    ],
}
_WEEKDAYS = {
    "da": ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}


def language_of(language: str) -> str:
    """'da' or 'en'; anything else is Danish, the language of the work."""
    return language if language in LANGUAGES else "da"


def long_day(day: date, language: str) -> str:
    """'tirsdag den 3. marts 2026' / 'Tuesday 3 March 2026'."""
    lang = language_of(language)
    weekday, month = _WEEKDAYS[lang][day.weekday()], _MONTHS[lang][day.month - 1]
    if lang == "da":
        return f"{weekday} den {day.day}. {month} {day.year}"
    return f"{weekday} {day.day} {month} {day.year}"


def short_day(day: date, language: str) -> str:
    """'3.3.2026' / '3 Mar 2026'."""
    if language_of(language) == "da":
        return f"{day.day}.{day.month}.{day.year}"
    return f"{day.day} {_MONTHS['en'][day.month - 1][:3]} {day.year}"


def clock_time(moment: datetime, language: str) -> str:
    """'kl. 10.15' / '10:15', Danish time."""
    local = moment.astimezone(DANISH_TIME)
    if language_of(language) == "da":
        return f"kl. {local.hour:02d}.{local.minute:02d}"
    return f"{local.hour:02d}:{local.minute:02d}"


def number(value: float, language: str, *, decimals: int = 1) -> str:
    """A decimal number as the language writes it (Danish: decimal comma)."""
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if language_of(language) == "da" else text


def percent(value: float, language: str) -> str:
    return number(value * 100, language, decimals=1) + " %"


def signed(value: float, language: str) -> str:
    """'+1,5' / '−0,5' / '±0,0'."""
    text = number(abs(value), language)
    if round(value, 1) == 0:
        return "±" + text
    return ("+" if value > 0 else "−") + text
