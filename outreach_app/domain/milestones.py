"""Milestones: the steps towards work and education, with dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from outreach_app.domain.ids import CitizenId, MilestoneId, PartnerId
from outreach_app.domain.rules import Private, date_order, member, optional_text


class MilestoneKind(StrEnum):
    VIRKSOMHEDSPRAKTIK = "virksomhedspraktik"
    LOENTILSKUD = "loentilskud"
    SMAAJOB = "smaajob"
    ORDINAERT_JOB = "ordinaert_job"
    FLEKSJOB = "fleksjob"
    UDDANNELSE = "uddannelse"
    IPS = "ips"
    RESSOURCEFORLOEB = "ressourceforloeb"
    AFKLARING_FOERTIDSPENSION = "afklaring_foertidspension"


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class Milestone(Private):
    id: MilestoneId
    citizen_id: CitizenId
    kind: MilestoneKind
    starts_on: date
    ends_on: date | None = None
    partner_id: PartnerId | None = None
    note: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", member(MilestoneKind, self.kind, "milestone kind"))
        date_order("milestone end", self.starts_on, self.ends_on)
        optional_text("note", self.note)

    def active_during(self, first: date, last: date) -> bool:
        """Whether the milestone overlaps the days ``first``..``last`` (inclusive)."""
        return self.starts_on <= last and (self.ends_on is None or self.ends_on >= first)
