"""Identifiers: random UUIDs made on the device that creates a record, so records
made offline on two laptops never collide and need no renumbering when synchronised."""

from __future__ import annotations

import uuid
from typing import NewType

OfficeId = NewType("OfficeId", str)
ConsultantId = NewType("ConsultantId", str)
CitizenId = NewType("CitizenId", str)
AssignmentId = NewType("AssignmentId", str)
ContactId = NewType("ContactId", str)
AppointmentId = NewType("AppointmentId", str)
NoteId = NewType("NoteId", str)
PlanId = NewType("PlanId", str)
MilestoneId = NewType("MilestoneId", str)
ScoreId = NewType("ScoreId", str)
PartnerId = NewType("PartnerId", str)
ReferralId = NewType("ReferralId", str)
ConsentId = NewType("ConsentId", str)
InformationId = NewType("InformationId", str)


def new_id() -> str:
    """A fresh random identifier (UUID4 in canonical text form)."""
    return str(uuid.uuid4())


def is_id(value: str) -> bool:
    """Whether ``value`` is an identifier in canonical UUID text form."""
    try:
        return str(uuid.UUID(value)) == value
    except (ValueError, AttributeError, TypeError):
        return False
