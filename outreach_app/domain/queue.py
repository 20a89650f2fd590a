"""The drop-in queue: who is waiting at the open counselling, in arrival order.

The queue is the office's working list, not a record of the case: it stays on the
laptop (it is not synchronised) and entries leave it when served or gone."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from outreach_app.domain.clock import require_aware
from outreach_app.domain.errors import DomainError
from outreach_app.domain.ids import CitizenId
from outreach_app.domain.rules import Private, optional_text


class QueueStatus(StrEnum):
    WAITING = "waiting"
    SERVED = "served"
    LEFT = "left"


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class QueueEntry(Private):
    """A person waiting; ``label`` is what the consultant noted before knowing who it
    is (e.g. a first name), ``citizen_id`` once found or registered."""

    id: str
    arrived_at: datetime
    label: str = ""
    citizen_id: CitizenId | None = None
    status: QueueStatus = QueueStatus.WAITING
    done_at: datetime | None = None

    def __post_init__(self) -> None:
        require_aware(self.arrived_at, "arrived_at")
        optional_text("label", self.label, limit=200)
        if self.citizen_id is None and not self.label.strip():
            raise DomainError("a waiting person has a name or a citizen")

    def linked(self, citizen_id: CitizenId) -> QueueEntry:
        return dataclasses.replace(self, citizen_id=citizen_id)

    def done(self, status: QueueStatus, at: datetime) -> QueueEntry:
        if self.status is not QueueStatus.WAITING:
            raise DomainError("this person is no longer waiting")
        return dataclasses.replace(self, status=status, done_at=at)
