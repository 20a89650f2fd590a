"""Offices, consultants, citizens and the assignment of one consultant to each citizen."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from outreach_app.domain.clock import require_aware
from outreach_app.domain.cpr import parse_cpr
from outreach_app.domain.errors import AssignmentError, ValidationError
from outreach_app.domain.ids import (
    AssignmentId,
    CitizenId,
    ConsultantId,
    OfficeId,
    new_id,
)
from outreach_app.domain.phone import normalise_phone
from outreach_app.domain.rules import Private, optional_text, required_text


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class Office(Private):
    id: OfficeId
    name: str

    def __post_init__(self) -> None:
        required_text("office name", self.name)


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class Consultant(Private):
    id: ConsultantId
    office_id: OfficeId
    name: str
    phone: str = ""
    email: str = ""

    def __post_init__(self) -> None:
        required_text("consultant name", self.name)
        optional_text("phone", self.phone, limit=40)
        optional_text("email", self.email, limit=320)


class CitizenStatus(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"


class TargetGroup(StrEnum):
    """The citizen's benefit group, which decides the rules of the follow-up."""

    AKTIVITETSPARAT = "aktivitetsparat"
    UDDANNELSESPARAT = "uddannelsesparat"
    JOBPARAT = "jobparat"
    RESSOURCEFORLOEB = "ressourceforloeb"
    SYGEDAGPENGE = "sygedagpenge"
    FLEKSJOB_VISITERET = "fleksjob_visiteret"
    OTHER = "other"


class Language(StrEnum):
    DANISH = "da"
    ENGLISH = "en"


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class Citizen(Private):
    """A citizen. A walk-in may be registered with a first name and a phone number;
    the CPR number (10 digits, no dash) is added when it is known."""

    id: CitizenId
    first_name: str
    last_name: str = ""
    cpr: str | None = None
    phone: str | None = None
    email: str = ""
    address: str = ""
    target_group: TargetGroup | None = None
    language: Language = Language.DANISH
    status: CitizenStatus = CitizenStatus.ACTIVE
    created_at: datetime
    updated_at: datetime

    def __post_init__(self) -> None:
        object.__setattr__(self, "first_name", required_text("first name", self.first_name))
        object.__setattr__(self, "last_name", optional_text("last name", self.last_name.strip()))
        if self.cpr is not None:
            object.__setattr__(self, "cpr", parse_cpr(self.cpr).digits)
        if self.phone is not None:
            phone = self.phone.strip()
            object.__setattr__(self, "phone", normalise_phone(phone) if phone else None)
        optional_text("email", self.email, limit=320)
        optional_text("address", self.address)
        require_aware(self.created_at, "created_at")
        require_aware(self.updated_at, "updated_at")

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def initials(self) -> str:
        """What discreet mode shows instead of the name."""
        parts = [p for p in (self.first_name.split() + self.last_name.split()) if p]
        letters = [parts[0][0], parts[-1][0]] if len(parts) > 1 else [parts[0][0]]
        return ".".join(letter.upper() for letter in letters) + "."

    def with_changes(self, *, now: datetime, **changes: object) -> Citizen:
        """A copy with the given fields changed; id and creation time never change."""
        if "id" in changes or "created_at" in changes:
            raise ValidationError("id", "a citizen's id and creation time never change")
        return dataclasses.replace(self, updated_at=now, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class Assignment(Private):
    """A period in which one consultant is the citizen's consultant."""

    id: AssignmentId
    citizen_id: CitizenId
    consultant_id: ConsultantId
    started_at: datetime
    ended_at: datetime | None = None
    reason: str = ""

    def __post_init__(self) -> None:
        optional_text("reason", self.reason)
        require_aware(self.started_at, "started_at")
        if self.ended_at is not None and self.ended_at < self.started_at:
            raise ValidationError("ended_at", "an assignment cannot end before it starts")

    @property
    def active(self) -> bool:
        return self.ended_at is None


def active_assignment(history: list[Assignment]) -> Assignment | None:
    """The one active assignment in a citizen's history; more than one is an error."""
    active = [a for a in history if a.active]
    if len(active) > 1:
        raise AssignmentError("a citizen has more than one active consultant")
    return active[0] if active else None


def hand_over(
    history: list[Assignment],
    *,
    citizen_id: CitizenId,
    to: ConsultantId,
    at: datetime,
    reason: str,
) -> tuple[Assignment | None, Assignment]:
    """End the active assignment (if any) and start one for ``to``.

    Returns the ended assignment (or None) and the new one. Handing a citizen to the
    consultant who already has them is refused: nothing would change.
    """
    current = active_assignment(history)
    if current is not None and current.consultant_id == to:
        raise AssignmentError("the citizen is already assigned to this consultant")
    ended = dataclasses.replace(current, ended_at=at) if current is not None else None
    started = Assignment(
        id=AssignmentId(new_id()),
        citizen_id=citizen_id,
        consultant_id=to,
        started_at=at,
        reason=reason,
    )
    return ended, started
