"""The few facts of each record that the indicators use, and their sum for a period.

A report over a year of 10,000 citizens looks at some 100,000 contacts and 50,000
scores. Building a full, validated domain record of each takes seconds; these
small tuples take a fraction of that. ``ReportFacts.of(records)`` makes them from
domain records (the central service, the tests).

The indicators themselves work from ``PeriodFacts``: the facts of one period summed
up as far as every indicator allows (contacts per day and kind, which citizens were
in contact, follow-up meetings per status, score changes per life area, ...).
``period_facts(facts, period)`` in ``indicators`` sums up ReportFacts; the desktop's
report service sums up in SQL and so never builds a tuple per contact. Either way
the same indicator code runs on the sums.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import NamedTuple

from outreach_app.domain.clock import DANISH_TIME
from outreach_app.domain.contacts import (
    Appointment,
    AppointmentStatus,
    Attendance,
    Contact,
    ContactKind,
)
from outreach_app.domain.ids import ConsultantId, PartnerId
from outreach_app.domain.milestones import Milestone, MilestoneKind
from outreach_app.domain.partners import Partner, Referral, ReferralStatus
from outreach_app.domain.people import Assignment
from outreach_app.domain.progression import LifeArea, ProgressionScore


def local_day(moment: datetime) -> date:
    """The Danish calendar day of an aware moment."""
    return moment.astimezone(DANISH_TIME).date()


class DayOfIso:
    """The Danish day of a stored UTC timestamp (``YYYY-MM-DDTHH:...+00:00``).

    Denmark's offset from UTC is a whole number of hours, so the UTC date and hour
    decide the local day; each (date, hour) is worked out once."""

    __slots__ = ("_days",)

    def __init__(self) -> None:
        self._days: dict[str, date] = {}

    def __call__(self, stamp: str) -> date:
        return self.of_hour(stamp[:13])

    def of_hour(self, hour: str) -> date:
        """The Danish day of a UTC hour written ``YYYY-MM-DDTHH`` (a stamp's first 13
        characters)."""
        day = self._days.get(hour)
        if day is None:
            day = local_day(datetime.fromisoformat(f"{hour}:00:00+00:00"))
            self._days[hour] = day
        return day


class ContactFact(NamedTuple):
    citizen_id: str
    kind: ContactKind
    day: date
    #: A drop-in, a call, an attended meeting; not a no-show or a cancelled meeting.
    took_place: bool


class AppointmentFact(NamedTuple):
    citizen_id: str
    kind: ContactKind
    day: date
    status: AppointmentStatus


class MilestoneFact(NamedTuple):
    citizen_id: str
    kind: MilestoneKind
    starts_on: date
    ends_on: date | None

    def active_during(self, first: date, last: date) -> bool:
        return self.starts_on <= last and (self.ends_on is None or self.ends_on >= first)


class ScoreFact(NamedTuple):
    """Scores in the order they were given (a later one the same day is later)."""

    citizen_id: str
    area: LifeArea
    scored_on: date
    score: int


class ReferralFact(NamedTuple):
    citizen_id: str
    partner_id: str
    referred_on: date
    status: ReferralStatus


class AssignmentFact(NamedTuple):
    citizen_id: str
    consultant_id: str
    #: The Danish day the assignment started.
    first_day: date
    #: The last Danish day it held (the day before it ended), or None while it holds.
    last_day: date | None


@dataclass(frozen=True, slots=True)
class ReportFacts:
    contacts: Sequence[ContactFact] = ()
    appointments: Sequence[AppointmentFact] = ()
    milestones: Sequence[MilestoneFact] = ()
    scores: Sequence[ScoreFact] = ()
    referrals: Sequence[ReferralFact] = ()
    assignments: Sequence[AssignmentFact] = ()
    partners: Mapping[PartnerId, str] = field(default_factory=dict)
    consultants: Mapping[ConsultantId, str] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        *,
        contacts: Sequence[Contact] = (),
        appointments: Sequence[Appointment] = (),
        milestones: Sequence[Milestone] = (),
        scores: Sequence[ProgressionScore] = (),
        referrals: Sequence[Referral] = (),
        partners: Sequence[Partner] = (),
        assignments: Sequence[Assignment] = (),
        consultants: Mapping[ConsultantId, str] | None = None,
    ) -> ReportFacts:
        """The facts of domain records."""
        return cls(
            contacts=[contact_fact(c) for c in contacts],
            appointments=[
                AppointmentFact(a.citizen_id, a.kind, local_day(a.starts_at), a.status)
                for a in appointments
            ],
            milestones=[
                MilestoneFact(m.citizen_id, m.kind, m.starts_on, m.ends_on) for m in milestones
            ],
            scores=[ScoreFact(s.citizen_id, s.area, s.scored_on, s.score) for s in scores],
            referrals=[
                ReferralFact(r.citizen_id, r.partner_id, r.referred_on, r.status) for r in referrals
            ],
            assignments=[assignment_fact(a) for a in assignments],
            partners={p.id: p.name for p in partners},
            consultants=dict(consultants or {}),
        )


@dataclass(frozen=True, slots=True)
class PeriodFacts:
    """The facts of one period, summed up as far as every indicator allows.

    Kinds stay apart wherever a report's filter may leave some out."""

    #: The citizens the report is about (see ``indicators``).
    population: frozenset[str] = frozenset()
    #: Contacts that took place, per (Danish day of the period, kind).
    contacts_per_day: Mapping[tuple[date, ContactKind], int] = field(default_factory=dict)
    #: Per kind: the citizens with a contact of that kind that took place in the period.
    in_contact: Mapping[ContactKind, AbstractSet[str]] = field(default_factory=dict)
    #: Per kind: the citizens with a contact of that kind that took place before it.
    in_contact_before: Mapping[ContactKind, AbstractSet[str]] = field(default_factory=dict)
    #: The day of a citizen's first contact that took place (of any kind); given at
    #: least for each citizen of the population with a milestone starting in the period.
    first_contact: Mapping[str, date] = field(default_factory=dict)
    #: Follow-up meetings booked to start in the period, per status.
    follow_ups: Mapping[AppointmentStatus, int] = field(default_factory=dict)
    milestones: Sequence[MilestoneFact] = ()
    #: Per life area: change from first to latest score (up to the period's end) ->
    #: citizens of the population with two or more scores in the area.
    score_changes: Mapping[LifeArea, Mapping[int, int]] = field(default_factory=dict)
    assignments: Sequence[AssignmentFact] = ()
    #: Referrals made in the period, per (partner, status).
    referrals: Mapping[tuple[str, ReferralStatus], int] = field(default_factory=dict)
    partners: Mapping[PartnerId, str] = field(default_factory=dict)
    consultants: Mapping[ConsultantId, str] = field(default_factory=dict)


def contact_fact(contact: Contact) -> ContactFact:
    return ContactFact(
        contact.citizen_id,
        contact.kind,
        local_day(contact.occurred_at),
        contact.attendance in (None, Attendance.ATTENDED),
    )


def assignment_fact(assignment: Assignment) -> AssignmentFact:
    ended = assignment.ended_at
    last = None if ended is None else local_day(ended) - timedelta(days=1)
    return AssignmentFact(
        assignment.citizen_id, assignment.consultant_id, local_day(assignment.started_at), last
    )
