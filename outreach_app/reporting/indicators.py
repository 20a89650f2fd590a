"""The indicators of issue #5, computed from domain records for one period.

Pure functions: records in, frozen dataclasses out. Nothing here reads a database,
so the desktop (one consultant's vault) and the central service (an office, or one
consultant of it) compute the same figures from the same code::

    report = compute_report(records, Period(date(2026, 1, 1), date(2026, 3, 31)))

Days are Danish calendar days: a contact at 23:30 UTC on 31 March counts on 1 April.
A period is inclusive at both ends.

Who is counted (the *population* of a report) is every citizen with an assignment
that overlaps the period, whichever consultant had them. Shares of citizens are
shares of that population. When no assignments are given (e.g. a partial export),
the population is every citizen with a contact or a milestone in the period.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from outreach_app.domain.contacts import Appointment, AppointmentStatus, Contact, ContactKind
from outreach_app.domain.ids import ConsultantId, PartnerId
from outreach_app.domain.milestones import Milestone, MilestoneKind
from outreach_app.domain.partners import Partner, Referral, ReferralStatus
from outreach_app.domain.people import Assignment
from outreach_app.domain.progression import LifeArea, ProgressionScore
from outreach_app.reporting.facts import (
    AssignmentFact,
    ContactFact,
    MilestoneFact,
    PeriodFacts,
    ReportFacts,
    ScoreFact,
)

#: The milestones that count as "closer to work" in the evaluation (praktik, løntilskud).
CLOSER_TO_WORK = frozenset({MilestoneKind.VIRKSOMHEDSPRAKTIK, MilestoneKind.LOENTILSKUD})


# -- the period and the filters ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Period:
    """The days ``first`` .. ``last``, both included."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError("a period ends on or after the day it starts")

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last

    @classmethod
    def month_of(cls, day: date) -> Period:
        first = day.replace(day=1)
        return cls(first, _months_later(first, 1) - timedelta(days=1))

    @classmethod
    def quarter_of(cls, day: date) -> Period:
        first = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
        return cls(first, _months_later(first, 3) - timedelta(days=1))

    @classmethod
    def year_of(cls, day: date) -> Period:
        return cls(date(day.year, 1, 1), date(day.year, 12, 31))

    def weeks(self) -> list[tuple[int, int]]:
        """Every ISO (year, week) with a day in the period, in order."""
        monday = self.first - timedelta(days=self.first.weekday())
        weeks: list[tuple[int, int]] = []
        while monday <= self.last:
            iso = monday.isocalendar()
            weeks.append((iso.year, iso.week))
            monday += timedelta(days=7)
        return weeks


def _months_later(first: date, months: int) -> date:
    month = first.month - 1 + months
    return date(first.year + month // 12, month % 12 + 1, 1)


@dataclass(frozen=True, slots=True)
class ReportFilter:
    """Which contact kinds and milestone kinds a report looks at (None: all)."""

    contact_kinds: frozenset[ContactKind] | None = None
    milestone_kinds: frozenset[MilestoneKind] | None = None

    def contact(self, kind: ContactKind) -> bool:
        return self.contact_kinds is None or kind in self.contact_kinds

    def milestone(self, kind: MilestoneKind) -> bool:
        return self.milestone_kinds is None or kind in self.milestone_kinds


@dataclass(frozen=True, slots=True)
class ReportRecords:
    """What a report is computed from. Records of any date may be given: history
    before the period is needed for first-time citizens, first scores and the time
    to a first milestone; records after the period are ignored."""

    contacts: Sequence[Contact] = ()
    appointments: Sequence[Appointment] = ()
    milestones: Sequence[Milestone] = ()
    scores: Sequence[ProgressionScore] = ()
    referrals: Sequence[Referral] = ()
    partners: Sequence[Partner] = ()
    assignments: Sequence[Assignment] = ()
    #: Display names of consultants, for the caseload table.
    consultants: Mapping[ConsultantId, str] = field(default_factory=dict)

    def facts(self) -> ReportFacts:
        return ReportFacts.of(
            contacts=self.contacts,
            appointments=self.appointments,
            milestones=self.milestones,
            scores=self.scores,
            referrals=self.referrals,
            partners=self.partners,
            assignments=self.assignments,
            consultants=self.consultants,
        )


# -- the results -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WeekCount:
    year: int
    week: int
    monday: date
    by_kind: Mapping[ContactKind, int]

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())


@dataclass(frozen=True, slots=True)
class ContactFigures:
    """Contacts that took place (a drop-in, a call, an attended meeting); a no-show
    or a cancelled meeting is not a contact and is counted under attendance."""

    weeks: tuple[WeekCount, ...]
    by_kind: Mapping[ContactKind, int]

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())


@dataclass(frozen=True, slots=True)
class CitizenFigures:
    #: Citizens with at least one contact in the period.
    unique: int
    #: Of those, citizens whose first contact ever lies in the period.
    first_time: int
    #: Citizens the report is about (see the module's docstring).
    population: int


@dataclass(frozen=True, slots=True)
class AttendanceFigures:
    """Follow-up meetings (opfølgningssamtaler) booked to start in the period."""

    attended: int
    no_show: int
    cancelled: int
    #: Past meetings whose attendance was not recorded yet.
    unrecorded: int

    @property
    def rate(self) -> float | None:
        """attended / (attended + no-show); None when no meeting was held or missed.
        A cancelled meeting is neither: it was called off before its time."""
        held_or_missed = self.attended + self.no_show
        return self.attended / held_or_missed if held_or_missed else None


@dataclass(frozen=True, slots=True)
class MilestoneFigures:
    kind: MilestoneKind
    #: Citizens of the population with this milestone active on a day of the period.
    active: int
    #: ``active`` as a share of the population (0 when the population is empty).
    share: float
    #: Milestones of this kind that started in the period (moves into it).
    started: int
    #: Distinct citizens among ``started``.
    citizens_started: int


@dataclass(frozen=True, slots=True)
class AreaProgression:
    """Change from a citizen's first to latest score in a life area, up to the
    period's end, over the citizens of the population with two or more scores."""

    area: LifeArea
    citizens: int
    mean_change: float | None
    #: change (latest - first) -> number of citizens
    distribution: Mapping[int, int]

    @property
    def improved(self) -> int:
        return sum(n for change, n in self.distribution.items() if change > 0)

    @property
    def unchanged(self) -> int:
        return self.distribution.get(0, 0)

    @property
    def worsened(self) -> int:
        return sum(n for change, n in self.distribution.items() if change < 0)


@dataclass(frozen=True, slots=True)
class Caseload:
    """One consultant's citizens in the period.

    A citizen handed over mid-period counts in ``during`` for both consultants and
    in ``at_end`` only for the one who has them at the period's end; ``average`` is
    the mean number of citizens per day of the period, so a citizen reassigned half
    way adds 0.5 to each. The handover day belongs to the new consultant.
    """

    consultant_id: ConsultantId
    name: str
    at_end: int
    during: int
    average: float


@dataclass(frozen=True, slots=True)
class TimeToMilestone:
    """Days from a citizen's first contact to their first milestone, over the
    citizens whose first milestone started in the period. A milestone recorded as
    starting before the first contact (e.g. one begun before the office knew the
    citizen) is left out and counted in ``before_first_contact``."""

    citizens: int
    median_days: float | None
    before_first_contact: int


@dataclass(frozen=True, slots=True)
class ReferralFigures:
    """Referrals made in the period to one partner, by their present status."""

    partner_id: PartnerId
    partner_name: str
    by_status: Mapping[ReferralStatus, int]

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


@dataclass(frozen=True, slots=True)
class Report:
    period: Period
    filter: ReportFilter
    contacts: ContactFigures
    citizens: CitizenFigures
    attendance: AttendanceFigures
    milestones: tuple[MilestoneFigures, ...]
    #: Distinct citizens who started virksomhedspraktik or løntilskud in the period.
    closer_to_work: int
    progression: tuple[AreaProgression, ...]
    caseload: tuple[Caseload, ...]
    time_to_milestone: TimeToMilestone
    referrals: tuple[ReferralFigures, ...]

    def milestone(self, kind: MilestoneKind) -> MilestoneFigures | None:
        return next((m for m in self.milestones if m.kind is kind), None)

    def area(self, area: LifeArea) -> AreaProgression | None:
        return next((a for a in self.progression if a.area is area), None)


# -- computing -------------------------------------------------------------------------------


def compute_report(
    records: ReportRecords | ReportFacts,
    period: Period,
    *,
    filters: ReportFilter | None = None,
) -> Report:
    """Every indicator of the issue for ``period``."""
    facts = records.facts() if isinstance(records, ReportRecords) else records
    return report_from(period_facts(facts, period), period, filters=filters)


def report_from(
    summed: PeriodFacts, period: Period, *, filters: ReportFilter | None = None
) -> Report:
    """Every indicator for ``period`` from the period's facts summed up (see PeriodFacts)."""
    filters = filters or ReportFilter()
    milestones = [m for m in summed.milestones if filters.milestone(m.kind)]
    population = summed.population
    return Report(
        period=period,
        filter=filters,
        contacts=contact_figures(summed.contacts_per_day, period, filters=filters),
        citizens=citizen_figures(summed, filters=filters),
        attendance=attendance_figures(summed.follow_ups, filters=filters),
        milestones=milestone_figures(milestones, period, population, filters=filters),
        closer_to_work=closer_to_work(milestones, period, population),
        progression=progression_figures(summed.score_changes),
        caseload=caseloads(summed.assignments, period, summed.consultants),
        time_to_milestone=_time_to_milestone(summed.first_contact, milestones, period, population),
        referrals=referral_figures(summed.referrals, summed.partners),
    )


def period_facts(facts: ReportFacts, period: Period) -> PeriodFacts:
    """The facts summed up for ``period``: the straightforward way, one fact at a time."""
    population = population_of(facts, period)
    per_day: Counter[tuple[date, ContactKind]] = Counter()
    during: dict[ContactKind, set[str]] = defaultdict(set)
    before: dict[ContactKind, set[str]] = defaultdict(set)
    for contact in facts.contacts:
        if not contact.took_place or contact.day > period.last:
            continue
        if contact.day < period.first:
            before[contact.kind].add(contact.citizen_id)
        else:
            per_day[(contact.day, contact.kind)] += 1
            during[contact.kind].add(contact.citizen_id)
    follow_ups: Counter[AppointmentStatus] = Counter(
        a.status for a in facts.appointments if a.kind is ContactKind.FOLLOW_UP and a.day in period
    )
    referrals: Counter[tuple[str, ReferralStatus]] = Counter(
        (r.partner_id, r.status) for r in facts.referrals if r.referred_on in period
    )
    return PeriodFacts(
        population=population,
        contacts_per_day=dict(per_day),
        in_contact=dict(during),
        in_contact_before=dict(before),
        first_contact=first_contacts(facts.contacts),
        follow_ups=dict(follow_ups),
        milestones=facts.milestones,
        score_changes=score_changes(facts.scores, period, population),
        assignments=facts.assignments,
        referrals=dict(referrals),
        partners=facts.partners,
        consultants=facts.consultants,
    )


def for_consultant(facts: ReportFacts, consultant_id: str, period: Period) -> ReportFacts:
    """The facts of the citizens ``consultant_id`` had on a day of ``period``, and
    only that consultant's assignments (so the caseload shows them alone). A citizen
    handed over mid-period belongs to the reports of both consultants, with all of
    the citizen's contacts, milestones and scores."""
    mine = [
        a
        for a in facts.assignments
        if a.consultant_id == consultant_id and assigned_days(a, period) is not None
    ]
    citizens = {a.citizen_id for a in mine}
    return ReportFacts(
        contacts=[c for c in facts.contacts if c.citizen_id in citizens],
        appointments=[a for a in facts.appointments if a.citizen_id in citizens],
        milestones=[m for m in facts.milestones if m.citizen_id in citizens],
        scores=[s for s in facts.scores if s.citizen_id in citizens],
        referrals=[r for r in facts.referrals if r.citizen_id in citizens],
        assignments=mine,
        partners=facts.partners,
        consultants=facts.consultants,
    )


def population_of(facts: ReportFacts, period: Period) -> frozenset[str]:
    """The citizens a report is about (see the module's docstring)."""
    if facts.assignments:
        return frozenset(
            a.citizen_id for a in facts.assignments if assigned_days(a, period) is not None
        )
    in_contact = {c.citizen_id for c in facts.contacts if c.day in period}
    with_milestone = {
        m.citizen_id for m in facts.milestones if m.active_during(period.first, period.last)
    }
    return frozenset(in_contact | with_milestone)


def contact_figures(
    per_day: Mapping[tuple[date, ContactKind], int],
    period: Period,
    *,
    filters: ReportFilter | None = None,
) -> ContactFigures:
    """Contacts per ISO week and kind; every week of the period is listed, also empty ones."""
    weeks: dict[tuple[int, int], Counter[ContactKind]] = {w: Counter() for w in period.weeks()}
    totals: Counter[ContactKind] = Counter()
    for (day, kind), n in per_day.items():
        if day not in period or (filters is not None and not filters.contact(kind)):
            continue
        iso = day.isocalendar()
        weeks[(iso.year, iso.week)][kind] += n
        totals[kind] += n
    return ContactFigures(
        tuple(
            WeekCount(year, week, date.fromisocalendar(year, week, 1), _all_kinds(counter))
            for (year, week), counter in weeks.items()
        ),
        _all_kinds(totals),
    )


def _all_kinds(counter: Counter[ContactKind]) -> dict[ContactKind, int]:
    return {kind: counter[kind] for kind in ContactKind}


def citizen_figures(summed: PeriodFacts, *, filters: ReportFilter | None = None) -> CitizenFigures:
    """Unique citizens in contact in the period, and those in contact for the first time
    (no contact of a kind the filter lets through before the period)."""
    kinds = [k for k in ContactKind if filters is None or filters.contact(k)]
    seen: set[str] = set().union(*(summed.in_contact.get(k, ()) for k in kinds))
    earlier: set[str] = set().union(*(summed.in_contact_before.get(k, ()) for k in kinds))
    return CitizenFigures(len(seen), len(seen - earlier), len(summed.population))


def attendance_figures(
    follow_ups: Mapping[AppointmentStatus, int], *, filters: ReportFilter | None = None
) -> AttendanceFigures:
    """Follow-up meetings that start in the period, by what became of them. Counted
    only when the contact-kind filter lets follow-up meetings through."""
    if filters is not None and not filters.contact(ContactKind.FOLLOW_UP):
        return AttendanceFigures(0, 0, 0, 0)
    return AttendanceFigures(
        attended=follow_ups.get(AppointmentStatus.ATTENDED, 0),
        no_show=follow_ups.get(AppointmentStatus.NO_SHOW, 0),
        cancelled=follow_ups.get(AppointmentStatus.CANCELLED, 0),
        unrecorded=follow_ups.get(AppointmentStatus.PLANNED, 0),
    )


def milestone_figures(
    milestones: Iterable[MilestoneFact],
    period: Period,
    population: frozenset[str],
    *,
    filters: ReportFilter | None = None,
) -> tuple[MilestoneFigures, ...]:
    """Per kind: citizens with the milestone active in the period (a milestone that
    spans the period's start or end counts), and moves into it (starts in the period)."""
    active: dict[MilestoneKind, set[str]] = defaultdict(set)
    started: Counter[MilestoneKind] = Counter()
    starters: dict[MilestoneKind, set[str]] = defaultdict(set)
    for milestone in milestones:
        if milestone.citizen_id not in population:
            continue
        if milestone.active_during(period.first, period.last):
            active[milestone.kind].add(milestone.citizen_id)
        if milestone.starts_on in period:
            started[milestone.kind] += 1
            starters[milestone.kind].add(milestone.citizen_id)
    size = len(population)
    return tuple(
        MilestoneFigures(
            kind=kind,
            active=len(active[kind]),
            share=len(active[kind]) / size if size else 0.0,
            started=started[kind],
            citizens_started=len(starters[kind]),
        )
        for kind in MilestoneKind
        if filters is None or filters.milestone(kind)
    )


def closer_to_work(
    milestones: Iterable[MilestoneFact], period: Period, population: frozenset[str]
) -> int:
    """Distinct citizens who started virksomhedspraktik or løntilskud in the period."""
    return len(
        {
            m.citizen_id
            for m in milestones
            if m.kind in CLOSER_TO_WORK and m.starts_on in period and m.citizen_id in population
        }
    )


def score_changes(
    scores: Iterable[ScoreFact], period: Period, population: frozenset[str]
) -> dict[LifeArea, dict[int, int]]:
    """Per life area: the change from each citizen's first to latest score up to the
    period's end -> citizens. Of two scores on one day, the later in ``scores`` counts
    as later. Citizens with a single score in an area are not counted in it."""
    first: dict[tuple[str, LifeArea], tuple[date, int]] = {}
    latest: dict[tuple[str, LifeArea], tuple[date, int]] = {}
    count: Counter[tuple[str, LifeArea]] = Counter()
    for entry in scores:
        if entry.scored_on > period.last or entry.citizen_id not in population:
            continue
        key = (entry.citizen_id, entry.area)
        count[key] += 1
        if key not in first or entry.scored_on < first[key][0]:
            first[key] = (entry.scored_on, entry.score)
        if key not in latest or entry.scored_on >= latest[key][0]:
            latest[key] = (entry.scored_on, entry.score)
    changes: dict[LifeArea, Counter[int]] = defaultdict(Counter)
    for key, n in count.items():
        if n >= 2:
            changes[key[1]][latest[key][1] - first[key][1]] += 1
    return {area: dict(counter) for area, counter in changes.items()}


def progression_figures(
    changes: Mapping[LifeArea, Mapping[int, int]],
) -> tuple[AreaProgression, ...]:
    """Per life area: how many citizens moved how far (see ``score_changes``)."""
    return tuple(_area(area, changes.get(area, {})) for area in LifeArea)


def _area(area: LifeArea, changes: Mapping[int, int]) -> AreaProgression:
    counted = {change: n for change, n in changes.items() if n}
    citizens = sum(counted.values())
    mean = sum(c * n for c, n in counted.items()) / citizens if citizens else None
    return AreaProgression(area, citizens, mean, dict(sorted(counted.items())))


def assigned_days(assignment: AssignmentFact, period: Period) -> tuple[date, date] | None:
    """The days of the period on which the assignment held, or None. The day of a
    handover belongs to the consultant who takes the citizen over."""
    start = max(assignment.first_day, period.first)
    end = period.last if assignment.last_day is None else min(assignment.last_day, period.last)
    return (start, end) if start <= end else None


def caseloads(
    assignments: Iterable[AssignmentFact],
    period: Period,
    names: Mapping[ConsultantId, str] | None = None,
) -> tuple[Caseload, ...]:
    """Per consultant: citizens at the period's end, during it, and per day on average
    (see Caseload for a citizen handed over mid-period)."""
    during: dict[str, set[str]] = defaultdict(set)
    at_end: Counter[str] = Counter()
    days: Counter[str] = Counter()
    for assignment in assignments:
        held = assigned_days(assignment, period)
        if held is None:
            continue
        who = assignment.consultant_id
        during[who].add(assignment.citizen_id)
        days[who] += (held[1] - held[0]).days + 1
        if held[1] == period.last:
            at_end[who] += 1
    known = {str(k): v for k, v in (names or {}).items()}
    rows = [
        Caseload(
            ConsultantId(who),
            known.get(who, ""),
            at_end[who],
            len(citizens),
            days[who] / period.days,
        )
        for who, citizens in during.items()
    ]
    return tuple(sorted(rows, key=lambda r: (-r.at_end, r.name, r.consultant_id)))


def first_contacts(contacts: Iterable[ContactFact]) -> dict[str, date]:
    """The day of each citizen's first contact that took place."""
    first: dict[str, date] = {}
    for contact in contacts:
        if contact.took_place and contact.day < first.get(contact.citizen_id, date.max):
            first[contact.citizen_id] = contact.day
    return first


def time_to_milestone(
    contacts: Iterable[ContactFact],
    milestones: Iterable[MilestoneFact],
    period: Period,
    population: frozenset[str] | None = None,
) -> TimeToMilestone:
    """Median days from first contact to first milestone (see TimeToMilestone)."""
    return _time_to_milestone(first_contacts(contacts), milestones, period, population)


def _time_to_milestone(
    first_contact: Mapping[str, date],
    milestones: Iterable[MilestoneFact],
    period: Period,
    population: frozenset[str] | None = None,
) -> TimeToMilestone:
    first_milestone: dict[str, date] = {}
    for milestone in milestones:
        if milestone.starts_on < first_milestone.get(milestone.citizen_id, date.max):
            first_milestone[milestone.citizen_id] = milestone.starts_on
    waits: list[int] = []
    before = 0
    for citizen, started in first_milestone.items():
        if started not in period or citizen not in first_contact:
            continue
        if population is not None and citizen not in population:
            continue
        wait = (started - first_contact[citizen]).days
        if wait < 0:
            before += 1
        else:
            waits.append(wait)
    median = float(statistics.median(waits)) if waits else None
    return TimeToMilestone(len(waits), median, before)


def referral_figures(
    referrals: Mapping[tuple[str, ReferralStatus], int], partners: Mapping[PartnerId, str]
) -> tuple[ReferralFigures, ...]:
    """Referrals made in the period per partner, by status; most referrals first."""
    counts: dict[str, Counter[ReferralStatus]] = defaultdict(Counter)
    for (partner, status), n in referrals.items():
        counts[partner][status] += n
    rows = [
        ReferralFigures(
            PartnerId(partner),
            partners.get(PartnerId(partner), ""),
            {s: c[s] for s in ReferralStatus},
        )
        for partner, c in counts.items()
    ]
    return tuple(sorted(rows, key=lambda r: (-r.total, r.partner_name, r.partner_id)))
