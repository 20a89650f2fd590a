"""Access-log events: who did what to which citizen's record, and when.
The event never holds note text; a search holds its criterion, not its result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from outreach_app.domain.ids import CitizenId, ConsultantId
from outreach_app.domain.rules import Private


class AccessAction(StrEnum):
    CITIZEN_READ = "citizen.read"
    NOTES_READ = "notes.read"
    CPR_REVEAL = "cpr.reveal"
    SEARCH = "search"
    CITIZEN_CREATE = "citizen.create"
    CITIZEN_UPDATE = "citizen.update"
    ASSIGNMENT_CHANGE = "assignment.change"
    CONTACT_WRITE = "contact.write"
    NOTE_WRITE = "note.write"
    NOTE_FINISH = "note.finish"
    APPOINTMENT_WRITE = "appointment.write"
    PLAN_WRITE = "plan.write"
    MILESTONE_WRITE = "milestone.write"
    SCORE_WRITE = "score.write"
    CONSENT_WRITE = "consent.write"
    REFERRAL_WRITE = "referral.write"
    INFORMATION_WRITE = "information.write"
    EXPORT = "export"
    PRINT = "print"


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class AccessEvent(Private):
    at: datetime
    consultant_id: ConsultantId
    action: AccessAction
    citizen_id: CitizenId | None = None
    detail: str = ""
    seq: int | None = None
