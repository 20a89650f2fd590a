"""New information from outside (a doctor, the housing association, an employer):
a visible event that suggests an extra meeting."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from outreach_app.domain.clock import require_aware
from outreach_app.domain.ids import CitizenId, InformationId, PartnerId
from outreach_app.domain.rules import Private, optional_text


class InformationSource(StrEnum):
    DOCTOR = "doctor"
    HOUSING = "housing"
    EMPLOYER = "employer"
    PARTNER = "partner"
    CITIZEN = "citizen"
    AUTHORITY = "authority"
    OTHER = "other"


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class NewInformation(Private):
    id: InformationId
    citizen_id: CitizenId
    source: InformationSource
    received_at: datetime
    summary: str = ""
    partner_id: PartnerId | None = None
    handled_at: datetime | None = None

    def __post_init__(self) -> None:
        require_aware(self.received_at, "received_at")
        optional_text("summary", self.summary)

    def handled(self, at: datetime) -> NewInformation:
        return dataclasses.replace(self, handled_at=at)
