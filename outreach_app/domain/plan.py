"""The citizen's plan, in the structure of Min Plan: what we agreed, the activities,
and the next contact with who takes it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from outreach_app.domain.clock import require_aware
from outreach_app.domain.contacts import ContactKind, Initiator
from outreach_app.domain.ids import CitizenId, PlanId
from outreach_app.domain.rules import Private, date_order, optional_text, required_text


class ActivityStatus(StrEnum):
    PLANNED = "planned"
    ONGOING = "ongoing"
    DONE = "done"
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class Activity(Private):
    title: str
    starts_on: date | None = None
    ends_on: date | None = None
    status: ActivityStatus = ActivityStatus.PLANNED

    def __post_init__(self) -> None:
        required_text("activity", self.title, limit=500)
        if self.starts_on is not None:
            date_order("activity end", self.starts_on, self.ends_on)


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class NextContact(Private):
    at: datetime
    kind: ContactKind
    initiator: Initiator

    def __post_init__(self) -> None:
        require_aware(self.at, "next contact")


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class Plan(Private):
    """One plan per citizen; each field is edited (and later merged) on its own."""

    id: PlanId
    citizen_id: CitizenId
    goal: str = ""
    agreements: tuple[str, ...] = field(default_factory=tuple)
    activities: tuple[Activity, ...] = field(default_factory=tuple)
    next_contact: NextContact | None = None
    updated_at: datetime

    def __post_init__(self) -> None:
        optional_text("goal", self.goal)
        for agreement in self.agreements:
            required_text("agreement", agreement, limit=2_000)
        require_aware(self.updated_at, "updated_at")
