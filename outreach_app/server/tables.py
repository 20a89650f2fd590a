"""The service's tables (SQLAlchemy Core). Ids, kinds, seqs and states are plain;
everything personal lives in ``sealed`` columns (see keys.ServerKeys.seal)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    literal,
    text,
)

metadata = MetaData()


def _only(condition: str) -> dict[str, Any]:
    """The options that make an index partial, on both backends."""
    return {"sqlite_where": text(condition), "postgresql_where": text(condition)}


ID = 36
TIME = 40

#: Every synchronised record, of every kind; ``sealed`` holds its fields.
records = Table(
    "records",
    metadata,
    Column("kind", String(16), primary_key=True),
    Column("id", String(ID), primary_key=True),
    Column("rev", BigInteger, nullable=False),
    Column("first_rev", BigInteger, nullable=False),
    Column("citizen_id", String(ID)),
    Column("office_id", String(ID)),
    Column("consultant_id", String(ID)),
    Column("active", Boolean, nullable=False, default=False),
    Column("ended_rev", BigInteger),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("merged_into", String(ID)),
    Column("cpr_digest", LargeBinary(32)),
    Column("field_revs", JSON, nullable=False),
    Column("sealed", LargeBinary, nullable=False),
    Index("ix_records_rev", "rev", unique=True),
    Index("ix_records_citizen", "citizen_id", "kind"),
    # partial: most records have neither an office nor a CPR digest (migration 0002)
    Index("ix_records_office", "office_id", "kind", **_only("office_id IS NOT NULL")),
    # partial: the assignments only (migration 0003); queries name the kind as text,
    # see ASSIGNMENT_KIND
    Index("ix_records_assignment", "consultant_id", "active", **_only("kind = 'assignments'")),
    Index("ix_records_cpr", "cpr_digest", **_only("cpr_digest IS NOT NULL")),
)

#: The assignments' kind written into a statement's text rather than bound, so that
#: every plan (a prepared statement's generic one too) can use ix_records_assignment.
ASSIGNMENT_KIND = literal("assignments", literal_execute=True)

#: The one counter row from which every seq is taken (SPEC §7.1).
seq = Table(
    "seq",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("value", BigInteger, nullable=False),
)

devices = Table(
    "devices",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("consultant_id", String(ID), nullable=False, index=True),
    Column("office_id", String(ID), nullable=False),
    Column("name_sealed", LargeBinary, nullable=False),
    Column("credential_salt", LargeBinary(16), nullable=False),
    Column("credential_hash", LargeBinary(32), nullable=False),
    Column("state", String(16), nullable=False),
    Column("enrolled_at", String(TIME), nullable=False),
    Column("revoked_at", String(TIME)),
    Column("farewell_at", String(TIME)),
    Column("last_seen_at", String(TIME)),
    Column("last_sync_at", String(TIME)),
)

enrol_codes = Table(
    "enrol_codes",
    metadata,
    Column("secret_hash", LargeBinary(32), primary_key=True),
    Column("consultant_id", String(ID), nullable=False),
    Column("created_at", String(TIME), nullable=False),
    Column("expires_at", String(TIME), nullable=False),
    Column("used_at", String(TIME)),
    Column("device_id", String(ID)),
)

#: The remembered outcome of every change id per device (SPEC §6).
applied_changes = Table(
    "applied_changes",
    metadata,
    Column("device_id", String(ID), primary_key=True),
    Column("change_id", String(ID), primary_key=True),
    Column("outcome", String(16), nullable=False),
    Column("rev", BigInteger),
    Column("sealed", LargeBinary, nullable=False),
)

notices = Table(
    "notices",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("consultant_id", String(ID), nullable=False),
    Column("device_id", String(ID)),
    Column("type", String(16), nullable=False),
    Column("citizen_id", String(ID)),
    Column("sealed", LargeBinary, nullable=False),
    Index("ix_notices_consultant", "consultant_id", "seq"),
)

quarantine = Table(
    "quarantine",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(TIME), nullable=False),
    Column("device_id", String(ID), nullable=False),
    Column("change_id", String(ID), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("record_id", String(ID), nullable=False),
    Column("reason", Text, nullable=False),
    Column("sealed", LargeBinary, nullable=False),
)

#: The central access log: every read and write by a person or the main office.
audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(TIME), nullable=False, index=True),
    Column("actor", String(16), nullable=False),
    Column("device_id", String(ID)),
    Column("consultant_id", String(ID)),
    Column("action", String(64), nullable=False),
    Column("citizen_id", String(ID), index=True),
    Column("kind", String(16)),
    Column("record_id", String(ID)),
    Column("outcome", String(16), nullable=False),
    #: the JSON list of every record an entry of a push covers (migration 0004)
    Column("records", Text),
)

#: Entries of the devices' own access logs, pushed with their changes.
device_log = Table(
    "device_log",
    metadata,
    Column("device_id", String(ID), primary_key=True),
    Column("entry_id", String(ID), primary_key=True),
    Column("seq", BigInteger, nullable=False),
    Column("at", String(TIME), nullable=False),
    Column("action", String(32), nullable=False),
    Column("citizen_id", String(ID), index=True),
    Column("received_at", String(TIME), nullable=False),
    Column("sealed", LargeBinary, nullable=False),
)
