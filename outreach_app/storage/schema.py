"""The vault's tables.

A column marked ``enc(...)`` holds an AES-256-GCM ciphertext of a JSON value (so
even an empty or missing value is a ciphertext, and the file does not show which
fields are filled in). Everything else is plaintext on purpose and is listed in the
README's security section: ids, timestamps and dates, kinds and statuses, blind
indexes, sequence numbers.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    text,
)

from outreach_app.storage.types import IsoDate, UtcDateTime

metadata = MetaData()

ID = 36  # canonical UUID text


def enc(name: str) -> Column[bytes]:
    """An encrypted column."""
    return Column(name, LargeBinary, nullable=False, info={"encrypted": True})


def pk() -> Column[str]:
    return Column("id", String(ID), primary_key=True)


def citizen_ref() -> Column[str]:
    return Column("citizen_id", String(ID), ForeignKey("citizens.id"), nullable=False, index=True)


def stamps() -> list[Column[object]]:
    """Bookkeeping every synchronised record carries; deleted_at makes a tombstone."""
    return [
        Column("created_at", UtcDateTime, nullable=False),
        Column("updated_at", UtcDateTime, nullable=False),
        Column("deleted_at", UtcDateTime, nullable=True),
    ]


vault_meta = Table(
    "vault_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

key_slots = Table(
    "key_slots",
    metadata,
    Column("slot", String(32), primary_key=True),
    Column("params", Text, nullable=False),
    Column("wrapped", LargeBinary, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
)

offices = Table("offices", metadata, pk(), enc("name"), *stamps())

consultants = Table(
    "consultants",
    metadata,
    pk(),
    Column("office_id", String(ID), nullable=False),
    enc("name"),
    enc("phone"),
    enc("email"),
    *stamps(),
)

citizens = Table(
    "citizens",
    metadata,
    pk(),
    enc("first_name"),
    enc("last_name"),
    enc("cpr"),
    enc("phone"),
    enc("email"),
    enc("address"),
    enc("target_group"),
    enc("language"),
    Column("cpr_bidx", LargeBinary, nullable=True),
    Column("phone_bidx", LargeBinary, nullable=True),
    Column("status", String(16), nullable=False),
    *stamps(),
    Index(
        "ux_citizens_cpr_bidx",
        "cpr_bidx",
        unique=True,
        sqlite_where=text("cpr_bidx IS NOT NULL AND deleted_at IS NULL"),
    ),
    Index("ix_citizens_phone_bidx", "phone_bidx"),
)

assignments = Table(
    "assignments",
    metadata,
    pk(),
    citizen_ref(),
    Column("consultant_id", String(ID), nullable=False, index=True),
    Column("started_at", UtcDateTime, nullable=False),
    Column("ended_at", UtcDateTime, nullable=True),
    enc("reason"),
    *stamps(),
    Index(
        "ux_assignments_one_active",
        "citizen_id",
        unique=True,
        sqlite_where=text("ended_at IS NULL AND deleted_at IS NULL"),
    ),
)

contacts = Table(
    "contacts",
    metadata,
    pk(),
    citizen_ref(),
    Column("consultant_id", String(ID), nullable=False),
    Column("kind", String(24), nullable=False),
    Column("occurred_at", UtcDateTime, nullable=False, index=True),
    Column("duration_min", Integer, nullable=True),
    Column("partner_id", String(ID), nullable=True),
    Column("appointment_id", String(ID), nullable=True),
    Column("attendance", String(16), nullable=True),
    *stamps(),
    # covering for the reminders' "any contact since?" (migration 0006 widened it)
    Index("ix_contacts_citizen_time", "citizen_id", "occurred_at", "deleted_at", "attendance"),
)

appointments = Table(
    "appointments",
    metadata,
    pk(),
    citizen_ref(),
    Column("consultant_id", String(ID), nullable=False),
    Column("kind", String(24), nullable=False),
    Column("starts_at", UtcDateTime, nullable=False, index=True),
    Column("duration_min", Integer, nullable=False),
    enc("place"),
    enc("note"),
    Column("initiator", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("contact_id", String(ID), nullable=True),
    Column("partner_id", String(ID), nullable=True),
    *stamps(),
    # covering for the Today view's missed meetings and "a planned meeting ahead?"
    Index("ix_appointments_status_time", "status", "starts_at", "citizen_id", "deleted_at", "id"),
    Index("ix_appointments_citizen_status_time", "citizen_id", "status", "starts_at", "deleted_at"),
)

notes = Table(
    "notes",
    metadata,
    pk(),
    citizen_ref(),
    Column("consultant_id", String(ID), nullable=False),
    Column("contact_id", String(ID), nullable=True),
    Column("corrects_id", String(ID), ForeignKey("notes.id"), nullable=True),
    Column("kind", String(24), nullable=False),
    Column("occurred_at", UtcDateTime, nullable=False),
    Column("duration_min", Integer, nullable=True),
    enc("topics"),
    enc("text"),
    enc("agreements"),
    enc("next_contact"),
    Column("status", String(16), nullable=False),
    Column("finished_at", UtcDateTime, nullable=True),
    *stamps(),
    Index("ix_notes_citizen_time", "citizen_id", "occurred_at"),
    Index(  # covering for the Today view's unfinished notes (widened in migration 0006)
        "ix_notes_drafts",
        "consultant_id",
        "updated_at",
        "citizen_id",
        "deleted_at",
        "id",
        sqlite_where=text("status = 'draft'"),
    ),
)

plans = Table(
    "plans",
    metadata,
    pk(),
    Column("citizen_id", String(ID), ForeignKey("citizens.id"), nullable=False, unique=True),
    enc("goal"),
    enc("agreements"),
    enc("activities"),
    enc("next_contact"),
    Column("next_contact_at", UtcDateTime, nullable=True, index=True),
    *stamps(),
)

milestones = Table(
    "milestones",
    metadata,
    pk(),
    citizen_ref(),
    enc("kind"),
    Column("starts_on", IsoDate, nullable=False),
    Column("ends_on", IsoDate, nullable=True),
    Column("partner_id", String(ID), nullable=True),
    enc("note"),
    *stamps(),
)

scores = Table(
    "scores",
    metadata,
    pk(),
    citizen_ref(),
    Column("consultant_id", String(ID), nullable=False),
    Column("area", String(24), nullable=False),
    enc("score"),
    Column("scored_on", IsoDate, nullable=False),
    enc("note"),
    *stamps(),
)

partners = Table(
    "partners",
    metadata,
    pk(),
    enc("name"),
    Column("kind", String(24), nullable=False),
    enc("contact_person"),
    enc("phone"),
    enc("email"),
    enc("address"),
    enc("note"),
    Column("active", Integer, nullable=False),
    *stamps(),
)

consents = Table(
    "consents",
    metadata,
    pk(),
    citizen_ref(),
    Column("partner_id", String(ID), nullable=True),
    enc("scope"),
    enc("details"),
    Column("given_on", IsoDate, nullable=False),
    Column("expires_on", IsoDate, nullable=True),
    Column("withdrawn_on", IsoDate, nullable=True),
    *stamps(),
    # covering for the Today view's consents about to expire
    Index("ix_consents_expires", "expires_on", "withdrawn_on", "deleted_at", "citizen_id", "id"),
)

referrals = Table(
    "referrals",
    metadata,
    pk(),
    citizen_ref(),
    Column("partner_id", String(ID), nullable=False),
    Column("consent_id", String(ID), ForeignKey("consents.id"), nullable=False),
    Column("referred_on", IsoDate, nullable=False),
    enc("purpose"),
    Column("status", String(16), nullable=False),
    enc("outcome"),
    Column("closed_on", IsoDate, nullable=True),
    *stamps(),
)

information = Table(
    "information",
    metadata,
    pk(),
    citizen_ref(),
    Column("source", String(16), nullable=False),
    Column("partner_id", String(ID), nullable=True),
    Column("received_at", UtcDateTime, nullable=False),
    enc("summary"),
    Column("handled_at", UtcDateTime, nullable=True),
    *stamps(),
    Index("ix_information_open", "received_at", sqlite_where=text("handled_at IS NULL")),
)

access_log = Table(
    "access_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(ID), nullable=False, unique=True),
    Column("at", UtcDateTime, nullable=False),
    Column("consultant_id", String(ID), nullable=False),
    Column("action", String(32), nullable=False),
    Column("citizen_id", String(ID), nullable=True, index=True),
    enc("detail"),
    Column("mac", LargeBinary, nullable=False),
    sqlite_autoincrement=True,
)

outbox = Table(
    "outbox",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("change_id", String(ID), nullable=False, unique=True),
    Column("table_name", String(32), nullable=False),
    Column("row_id", String(ID), nullable=False),
    Column("fields", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("sent_at", UtcDateTime, nullable=True),
    # what the central service answered: applied, duplicate, conflict, quarantined, forbidden
    Column("outcome", String(16), nullable=True),
    Column("reason", Text, nullable=True),
    # what a sync reads first: only the pending entries, in order, however long the history
    Index("ix_outbox_pending", "seq", sqlite_where=text("sent_at IS NULL")),
    Index(
        "ux_outbox_one_pending",
        "table_name",
        "row_id",
        unique=True,
        sqlite_where=text("sent_at IS NULL"),
    ),
    sqlite_autoincrement=True,
)

walkin_queue = Table(
    "walkin_queue",
    metadata,
    pk(),
    Column("arrived_at", UtcDateTime, nullable=False, index=True),
    Column("citizen_id", String(ID), ForeignKey("citizens.id"), nullable=True),
    enc("label"),
    Column("status", String(16), nullable=False),
    Column("done_at", UtcDateTime, nullable=True),
)

sync_rows = Table(
    "sync_rows",
    metadata,
    Column("table_name", String(32), primary_key=True),
    Column("row_id", String(ID), primary_key=True),
    # the record's revision as last received from or acknowledged by the central service
    Column("rev", Integer, nullable=False),
)

sync_conflicts = Table(
    "sync_conflicts",
    metadata,
    pk(),
    Column("table_name", String(32), nullable=False),
    Column("row_id", String(ID), nullable=False),
    Column("citizen_id", String(ID), nullable=True, index=True),
    Column("field", String(64), nullable=False),
    enc("service_value"),
    enc("device_value"),
    Column("found_at", UtcDateTime, nullable=False),
    Column("resolved_at", UtcDateTime, nullable=True),
    Column("resolution", String(16), nullable=True),
)

sync_notices = Table(
    "sync_notices",
    metadata,
    pk(),
    Column("kind", String(16), nullable=False),
    Column("seq", Integer, nullable=False),  # the notice's place in the service's feed
    Column("citizen_id", String(ID), nullable=True),
    Column("other_id", String(ID), nullable=True),
    enc("label"),  # the citizen's name when the notice came, to tell the consultant
    Column("received_at", UtcDateTime, nullable=False),
    Column("done_at", UtcDateTime, nullable=True),
    Column("seen_at", UtcDateTime, nullable=True),
)

#: The in-memory name index's change counter and sealed snapshot, one row per index
#: (``citizens``). Triggers (migration 0006) add one to ``counter`` on every insert,
#: update and delete of the rows the index is made from, whichever program or path
#: writes them; a snapshot is used only while ``snapshot_counter`` equals ``counter``.
#: ``snapshot`` is sealed with the vault's snapshot key (crypto.snapshots), its
#: associated data naming the index and the counter.
index_state = Table(
    "index_state",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("counter", Integer, nullable=False),
    Column("snapshot_counter", Integer, nullable=True),
    Column("snapshot", LargeBinary, nullable=True),
)

#: Tables whose rows are records of the work (synchronised, counted by `check`).
RECORD_TABLES: tuple[Table, ...] = (
    offices,
    consultants,
    citizens,
    assignments,
    contacts,
    appointments,
    notes,
    plans,
    milestones,
    scores,
    partners,
    consents,
    referrals,
    information,
)


def encrypted_columns(table: Table) -> tuple[str, ...]:
    """Names of the table's encrypted columns, in table order."""
    return tuple(c.name for c in table.columns if c.info.get("encrypted"))
