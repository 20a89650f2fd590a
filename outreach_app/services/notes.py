"""Session notes: drafts saved as the consultant types, finished records, addenda."""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from outreach_app.domain.audit import AccessAction
from outreach_app.domain.contacts import Contact, ContactKind
from outreach_app.domain.errors import NoteFinishedError, ValidationError
from outreach_app.domain.ids import CitizenId, ContactId, NoteId, new_id
from outreach_app.domain.notes import NoteStatus, SessionNote
from outreach_app.services.context import Context
from outreach_app.storage import schema

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DraftRef:
    """An unfinished note, without its text."""

    id: NoteId
    citizen_id: CitizenId
    occurred_at: datetime
    updated_at: datetime


class NoteService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def start(
        self,
        citizen_id: CitizenId,
        *,
        kind: ContactKind = ContactKind.DROP_IN,
        occurred_at: datetime | None = None,
        contact_id: ContactId | None = None,
        **fields: Any,
    ) -> SessionNote:
        """A new draft, saved at once so that nothing typed can be lost."""
        now = self._ctx.now()
        note = SessionNote(
            id=NoteId(new_id()),
            citizen_id=citizen_id,
            consultant_id=self._ctx.me,
            kind=kind,
            occurred_at=occurred_at or now,
            contact_id=contact_id,
            created_at=now,
            updated_at=now,
            **fields,
        )
        with self._ctx.write(AccessAction.NOTE_WRITE, citizen_id) as connection:
            self._ctx.repos.citizens.require(connection, citizen_id)
            self._ctx.repos.notes.add(connection, note, now=now)
        return note

    def save_draft(self, note_id: NoteId, **changes: Any) -> SessionNote:
        """Save the draft's current fields (autosave); an unchanged draft writes nothing."""
        with self._ctx.vault.write() as connection:
            before = self._ctx.repos.notes.require(connection, note_id)
            after = before.edited(now=self._ctx.now(), **changes)
            changed = self._ctx.repos.notes.save(connection, before, after, now=self._ctx.now())
            if changed:
                self._ctx.audit.record(
                    connection, AccessAction.NOTE_WRITE, citizen_id=before.citizen_id
                )
        return after if changed else before

    def finish(
        self, note_id: NoteId, *, contact_id: ContactId | None = None, **changes: Any
    ) -> SessionNote:
        """Finish the note: from now on it is a record. A note without a contact gets
        one (a drop-in or a call happened), except a network meeting, whose contact
        names the partner and is recorded first (``contact_id`` attaches a contact
        recorded after the draft was started). The next contact agreed in the note
        becomes the plan's next contact."""
        now = self._ctx.now()
        with self._ctx.vault.write() as connection:
            before = self._ctx.repos.notes.require(connection, note_id)
            draft = before.edited(now=now, **changes) if changes else before
            if contact_id is not None and draft.contact_id is None:
                draft = dataclasses.replace(draft, contact_id=contact_id)
            finished = draft.finish(now=now)
            if finished.contact_id is None and not finished.is_addendum:
                finished = self._with_contact(connection, finished, now)
            self._ctx.repos.notes.save(connection, before, finished, now=now)
            self._ctx.audit.record(
                connection, AccessAction.NOTE_FINISH, citizen_id=before.citizen_id
            )
            if finished.next_contact is not None:
                self._plan_next_contact(connection, finished, now)
        return finished

    def _plan_next_contact(self, connection: Connection, note: SessionNote, now: datetime) -> None:
        plans = self._ctx.repos.plans
        found = plans.find(connection, schema.plans.c.citizen_id == note.citizen_id)
        if not found or found[0].next_contact == note.next_contact:
            return
        after = dataclasses.replace(found[0], next_contact=note.next_contact, updated_at=now)
        plans.save(connection, found[0], after, now=now)
        self._ctx.audit.record(connection, AccessAction.PLAN_WRITE, citizen_id=note.citizen_id)

    def _with_contact(
        self, connection: Connection, note: SessionNote, now: datetime
    ) -> SessionNote:
        if note.kind is ContactKind.NETWORK_MEETING:
            raise ValidationError("contact", "record the network meeting with its partner first")
        contact = Contact(
            id=ContactId(new_id()),
            citizen_id=note.citizen_id,
            consultant_id=note.consultant_id,
            kind=note.kind,
            occurred_at=note.occurred_at,
            duration_min=note.duration_min,
        )
        self._ctx.repos.contacts.add(connection, contact, now=now)
        return dataclasses.replace(note, contact_id=contact.id)

    def addendum(self, note_id: NoteId, text: str = "") -> SessionNote:
        """A draft correcting a finished note; the note itself never changes."""
        now = self._ctx.now()
        with self._ctx.vault.write() as connection:
            original = self._ctx.repos.notes.require(connection, note_id)
            draft = original.addendum(consultant_id=self._ctx.me, now=now, text=text)
            self._ctx.repos.notes.add(connection, draft, now=now)
            self._ctx.audit.record(
                connection, AccessAction.NOTE_WRITE, citizen_id=original.citizen_id
            )
        return draft

    def discard(self, note_id: NoteId) -> None:
        """Throw away a draft. A finished note cannot be discarded."""
        with self._ctx.vault.write() as connection:
            note = self._ctx.repos.notes.require(connection, note_id)
            if note.finished:
                raise NoteFinishedError("a finished note is a record and stays")
            self._ctx.repos.notes.tombstone(connection, note_id, now=self._ctx.now())
            self._ctx.audit.record(connection, AccessAction.NOTE_WRITE, citizen_id=note.citizen_id)

    def get(self, note_id: NoteId) -> SessionNote:
        with self._ctx.vault.write() as connection:
            note = self._ctx.repos.notes.require(connection, note_id)
            self._ctx.audit.record(connection, AccessAction.NOTES_READ, citizen_id=note.citizen_id)
        return note

    def for_citizen(self, citizen_id: CitizenId) -> list[SessionNote]:
        """The citizen's notes, newest first; the read is logged."""
        table = schema.notes
        with self._ctx.write(AccessAction.NOTES_READ, citizen_id) as connection:
            return self._ctx.repos.notes.find(
                connection,
                table.c.citizen_id == citizen_id,
                order_by=(table.c.occurred_at.desc(), table.c.created_at.desc()),
            )

    def drafts(self) -> list[DraftRef]:
        """My unfinished notes (ids and times only; nothing of their content)."""
        table = schema.notes
        query = (
            select(table.c.id, table.c.citizen_id, table.c.occurred_at, table.c.updated_at)
            .where(
                table.c.status == NoteStatus.DRAFT.value,
                table.c.consultant_id == self._ctx.me,
                table.c.deleted_at.is_(None),
            )
            .order_by(table.c.updated_at.desc())
        )
        with self._ctx.read() as connection:
            return [
                DraftRef(NoteId(r.id), CitizenId(r.citizen_id), r.occurred_at, r.updated_at)
                for r in connection.execute(query)
            ]
