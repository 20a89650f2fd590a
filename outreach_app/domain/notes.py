"""Session notes (journalnotater). A note is a draft until finished; a finished note
is a record and is corrected by an addendum, never edited."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from outreach_app.domain.clock import require_aware
from outreach_app.domain.contacts import ContactKind
from outreach_app.domain.errors import NoteFinishedError, ValidationError
from outreach_app.domain.ids import CitizenId, ConsultantId, ContactId, NoteId, new_id
from outreach_app.domain.plan import NextContact
from outreach_app.domain.rules import LONG_TEXT_MAX, Private, duration, member, optional_text


class NoteStatus(StrEnum):
    DRAFT = "draft"
    FINISHED = "finished"


class Topic(StrEnum):
    """Barrier tags: what the conversation was about."""

    HEALTH = "health"
    MENTAL_HEALTH = "mental_health"
    LANGUAGE = "language"
    NETWORK = "network"
    HOUSING = "housing"
    ECONOMY = "economy"
    DEBT = "debt"
    FAMILY = "family"
    CHILDCARE = "childcare"
    EVERYDAY_COPING = "everyday_coping"
    JOB_READINESS = "job_readiness"
    JOB_SEARCH = "job_search"
    EDUCATION = "education"
    LETTERS_AND_FORMS = "letters_and_forms"
    BENEFITS_AND_SANCTIONS = "benefits_and_sanctions"
    ADDICTION = "addiction"
    VIOLENCE = "violence"


#: Fields a draft may change; everything else is fixed when the note is made.
EDITABLE = frozenset(
    {"kind", "occurred_at", "duration_min", "topics", "text", "agreements", "next_contact"}
)


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class SessionNote(Private):
    id: NoteId
    citizen_id: CitizenId
    consultant_id: ConsultantId
    kind: ContactKind
    occurred_at: datetime
    duration_min: int | None = None
    topics: tuple[Topic, ...] = field(default_factory=tuple)
    text: str = ""
    agreements: str = ""
    next_contact: NextContact | None = None
    contact_id: ContactId | None = None
    corrects_id: NoteId | None = None
    status: NoteStatus = NoteStatus.DRAFT
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None = None

    def __post_init__(self) -> None:
        require_aware(self.occurred_at, "occurred_at")
        duration(self.duration_min)
        optional_text("text", self.text, limit=LONG_TEXT_MAX)
        optional_text("agreements", self.agreements, limit=LONG_TEXT_MAX)
        object.__setattr__(
            self, "topics", tuple(dict.fromkeys(member(Topic, t, "topic") for t in self.topics))
        )
        if (self.status is NoteStatus.FINISHED) != (self.finished_at is not None):
            raise ValidationError("status", "a finished note has a finishing time, a draft none")

    @property
    def finished(self) -> bool:
        return self.status is NoteStatus.FINISHED

    @property
    def is_addendum(self) -> bool:
        return self.corrects_id is not None

    def edited(self, *, now: datetime, **changes: object) -> SessionNote:
        """The draft with ``changes`` applied. A finished note refuses every change."""
        if self.finished:
            raise NoteFinishedError("a finished note is corrected by an addendum")
        unknown = set(changes) - EDITABLE
        if unknown:
            raise ValidationError(sorted(unknown)[0], "this field of a note cannot be changed")
        return dataclasses.replace(self, updated_at=now, **changes)  # type: ignore[arg-type]

    def finish(self, *, now: datetime) -> SessionNote:
        """The finished record. An empty note is not a record."""
        if self.finished:
            raise NoteFinishedError("the note is already finished")
        if not self.text.strip():
            raise ValidationError("text", "a note needs text before it is finished")
        return dataclasses.replace(
            self, status=NoteStatus.FINISHED, finished_at=now, updated_at=now
        )

    def addendum(
        self, *, consultant_id: ConsultantId, now: datetime, text: str = ""
    ) -> SessionNote:
        """A new draft that corrects this finished note."""
        if not self.finished:
            raise ValidationError("corrects", "only a finished note gets an addendum")
        return SessionNote(
            id=NoteId(new_id()),
            citizen_id=self.citizen_id,
            consultant_id=consultant_id,
            kind=self.kind,
            occurred_at=now,
            text=text,
            corrects_id=self.id,
            contact_id=self.contact_id,
            created_at=now,
            updated_at=now,
        )
