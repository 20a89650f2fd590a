"""A small, hand-computed set of records for the first quarter of 2026.

Citizens (synthetic): A, B, C, D in the report; E only before it.
Consultants: K (the vault's owner) and L (a colleague).

- A: K's since 2025. Contact before the period (not first-time), a follow-up
  attended on Mon 5 Jan, a call on 7 Jan, a follow-up missed on 2 Feb. Praktik from
  1 Dec 2025 to 31 Jan 2026 (spans the period's start), løntilskud from 1 Feb.
- B: L's until 15 Feb 10:00, then K's (reassigned mid-period). First contact ever on
  6 Jan, a home visit on 20 Feb; praktik from 15 Mar to 30 Jun (spans the end).
- C: K's from 10 Jan. First contact at 00:30 on 1 Jan Danish time (still 31 Dec in
  UTC) and a network meeting at 23:30 on 31 Mar (both in the period); IPS from
  1 Mar; uddannelse from 1 Apr (after the period).
- D: K's from 1 Mar; no contacts at all.
- E: K's in 2025 only; a milestone and scores in the period that must not count.

Hand-computed figures are in test_indicators.py next to each assertion.
"""

from __future__ import annotations

from datetime import date, datetime

from outreach_app.domain.clock import DANISH_TIME
from outreach_app.domain.contacts import (
    Appointment,
    AppointmentStatus,
    Attendance,
    Contact,
    ContactKind,
)
from outreach_app.domain.ids import (
    AppointmentId,
    AssignmentId,
    CitizenId,
    ConsentId,
    ConsultantId,
    ContactId,
    MilestoneId,
    PartnerId,
    ReferralId,
    ScoreId,
    new_id,
)
from outreach_app.domain.milestones import Milestone, MilestoneKind
from outreach_app.domain.partners import Partner, PartnerKind, Referral, ReferralStatus
from outreach_app.domain.people import Assignment
from outreach_app.domain.progression import LifeArea, ProgressionScore
from outreach_app.reporting.indicators import Period, ReportRecords

Q1 = Period(date(2026, 1, 1), date(2026, 3, 31))
K = ConsultantId("consultant-k")
L = ConsultantId("consultant-l")
A, B, C, D, E = (CitizenId(f"citizen-{x}") for x in "abcde")
P1 = PartnerId("partner-1")
P2 = PartnerId("partner-2")


def at(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=DANISH_TIME)


def assignment(
    citizen: CitizenId, who: ConsultantId, start: datetime, end: datetime | None = None
) -> Assignment:
    return Assignment(
        id=AssignmentId(new_id()),
        citizen_id=citizen,
        consultant_id=who,
        started_at=start,
        ended_at=end,
    )


def contact(
    citizen: CitizenId,
    kind: ContactKind,
    moment: datetime,
    attendance: Attendance | None = None,
) -> Contact:
    return Contact(
        id=ContactId(new_id()),
        citizen_id=citizen,
        consultant_id=K,
        kind=kind,
        occurred_at=moment,
        partner_id=P2 if kind is ContactKind.NETWORK_MEETING else None,
        appointment_id=AppointmentId(new_id()) if attendance else None,
        attendance=attendance,
    )


def meeting(
    citizen: CitizenId,
    moment: datetime,
    status: AppointmentStatus,
    kind: ContactKind = ContactKind.FOLLOW_UP,
) -> Appointment:
    return Appointment(
        id=AppointmentId(new_id()),
        citizen_id=citizen,
        consultant_id=K,
        kind=kind,
        starts_at=moment,
        status=status,
    )


def milestone(
    citizen: CitizenId, kind: MilestoneKind, start: date, end: date | None = None
) -> Milestone:
    return Milestone(
        id=MilestoneId(new_id()), citizen_id=citizen, kind=kind, starts_on=start, ends_on=end
    )


def score(citizen: CitizenId, area: LifeArea, value: int, on: date) -> ProgressionScore:
    return ProgressionScore(
        id=ScoreId(new_id()),
        citizen_id=citizen,
        consultant_id=K,
        area=area,
        score=value,
        scored_on=on,
    )


def referral(citizen: CitizenId, partner: PartnerId, on: date, status: ReferralStatus) -> Referral:
    return Referral(
        id=ReferralId(new_id()),
        citizen_id=citizen,
        partner_id=partner,
        consent_id=ConsentId(new_id()),
        referred_on=on,
        purpose="Henvist til forløb",
        status=status,
    )


FU, DROP, PHONE = ContactKind.FOLLOW_UP, ContactKind.DROP_IN, ContactKind.PHONE
HOME, NET = ContactKind.HOME_VISIT, ContactKind.NETWORK_MEETING
PRAKTIK, LOEN = MilestoneKind.VIRKSOMHEDSPRAKTIK, MilestoneKind.LOENTILSKUD
LANG, HEALTH = LifeArea.LANGUAGE, LifeArea.HEALTH


def records() -> ReportRecords:
    return ReportRecords(
        assignments=[
            assignment(A, K, at(2025, 6, 1)),
            assignment(B, L, at(2025, 10, 1), at(2026, 2, 15, 10)),
            assignment(B, K, at(2026, 2, 15, 10)),
            assignment(C, K, at(2026, 1, 10, 9)),
            assignment(D, K, at(2026, 3, 1, 9)),
            assignment(E, K, at(2025, 1, 1), at(2025, 12, 1)),
        ],
        contacts=[
            contact(A, DROP, at(2025, 11, 10)),
            contact(A, FU, at(2026, 1, 5, 10), Attendance.ATTENDED),
            contact(A, PHONE, at(2026, 1, 7)),
            contact(A, FU, at(2026, 2, 2, 10), Attendance.NO_SHOW),
            contact(A, DROP, at(2026, 4, 1, 10)),
            contact(B, DROP, at(2026, 1, 6)),
            contact(B, HOME, at(2026, 2, 20)),
            contact(C, DROP, at(2026, 1, 1, 0, 30)),
            contact(C, NET, at(2026, 3, 31, 23, 30)),
            contact(E, DROP, at(2025, 6, 1)),
        ],
        appointments=[
            meeting(A, at(2026, 1, 5, 10), AppointmentStatus.ATTENDED),
            meeting(A, at(2026, 2, 2, 10), AppointmentStatus.NO_SHOW),
            meeting(B, at(2026, 3, 2, 10), AppointmentStatus.CANCELLED),
            meeting(C, at(2026, 3, 10, 10), AppointmentStatus.PLANNED),
            meeting(A, at(2026, 4, 10, 10), AppointmentStatus.PLANNED),
            meeting(A, at(2026, 1, 7, 10), AppointmentStatus.ATTENDED, kind=PHONE),
        ],
        milestones=[
            milestone(A, PRAKTIK, date(2025, 12, 1), date(2026, 1, 31)),
            milestone(A, LOEN, date(2026, 2, 1)),
            milestone(B, PRAKTIK, date(2026, 3, 15), date(2026, 6, 30)),
            milestone(C, MilestoneKind.IPS, date(2026, 3, 1)),
            milestone(C, MilestoneKind.UDDANNELSE, date(2026, 4, 1)),
            milestone(E, MilestoneKind.ORDINAERT_JOB, date(2026, 1, 10)),
        ],
        scores=[
            score(A, LANG, 3, date(2025, 10, 1)),
            score(A, LANG, 5, date(2026, 2, 1)),
            score(A, LANG, 9, date(2026, 5, 1)),
            score(A, HEALTH, 6, date(2026, 1, 10)),
            score(B, LANG, 4, date(2026, 1, 6)),
            score(B, LANG, 3, date(2026, 3, 1)),
            score(C, LANG, 5, date(2026, 1, 2)),
            score(C, LANG, 7, date(2026, 1, 2)),
            score(C, HEALTH, 2, date(2026, 1, 2)),
            score(C, HEALTH, 5, date(2026, 3, 31)),
            score(E, LANG, 1, date(2026, 1, 1)),
            score(E, LANG, 9, date(2026, 2, 1)),
        ],
        referrals=[
            referral(A, P1, date(2026, 1, 10), ReferralStatus.ACCEPTED),
            referral(B, P1, date(2026, 2, 1), ReferralStatus.COMPLETED),
            referral(C, P2, date(2026, 3, 31), ReferralStatus.SENT),
            referral(A, P2, date(2025, 12, 15), ReferralStatus.DECLINED),
        ],
        partners=[
            Partner(id=P1, name="Beboerrådgivningen", kind=PartnerKind.HOUSING_SOCIAL),
            Partner(id=P2, name="Café Jobtræning", kind=PartnerKind.EMPLOYER),
        ],
        consultants={K: "Karin Holm", L: "Lars Bak"},
    )
