"""The name index's change counter and sealed snapshot, so unlocking does not open
every citizen's name again when nothing changed; and indexes that answer the Today
view's reminders at 10,000 citizens without reading the tables' rows: "a planned
meeting ahead for this citizen?" (new), missed meetings, "any contact since?",
consents about to expire and unfinished notes (widened to cover their queries).

The triggers count every insert, update and delete of a citizen, whoever makes it
(the program, a sync writing rows directly, another program on the file), so a
snapshot made at an earlier count is never used.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_COUNT = "UPDATE index_state SET counter = counter + 1 WHERE name = 'citizens'"
_TRIGGERS = {
    f"citizens_index_{event.lower()}": (
        f"CREATE TRIGGER citizens_index_{event.lower()} AFTER {event} ON citizens "
        f"BEGIN {_COUNT}; END"
    )
    for event in ("INSERT", "UPDATE", "DELETE")
}


_WIDENED = (
    ("ix_contacts_citizen_time", "contacts",
     ["citizen_id", "occurred_at", "deleted_at", "attendance"]),
    ("ix_appointments_status_time", "appointments",
     ["status", "starts_at", "citizen_id", "deleted_at", "id"]),
    ("ix_consents_expires", "consents",
     ["expires_on", "withdrawn_on", "deleted_at", "citizen_id", "id"]),
)
_NARROW = (
    ("ix_contacts_citizen_time", "contacts", ["citizen_id", "occurred_at"]),
    ("ix_appointments_status_time", "appointments", ["status", "starts_at"]),
    ("ix_consents_expires", "consents", ["expires_on"]),
)


_DRAFTS = "status = 'draft'"


def upgrade() -> None:
    op.create_table(
        "index_state",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("counter", sa.Integer(), nullable=False),
        sa.Column("snapshot_counter", sa.Integer(), nullable=True),
        sa.Column("snapshot", sa.LargeBinary(), nullable=True),
    )
    op.execute("INSERT INTO index_state (name, counter) VALUES ('citizens', 0)")
    for statement in _TRIGGERS.values():
        op.execute(statement)
    op.create_index(
        "ix_appointments_citizen_status_time",
        "appointments",
        ["citizen_id", "status", "starts_at", "deleted_at"],
    )
    for name, table, columns in _WIDENED:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, columns)
    op.drop_index("ix_notes_drafts", table_name="notes")
    op.create_index("ix_notes_drafts", "notes",
                    ["consultant_id", "updated_at", "citizen_id", "deleted_at", "id"],
                    sqlite_where=sa.text(_DRAFTS))


def downgrade() -> None:
    op.drop_index("ix_notes_drafts", table_name="notes")
    op.create_index("ix_notes_drafts", "notes", ["consultant_id", "updated_at"],
                    sqlite_where=sa.text(_DRAFTS))
    for name, table, columns in _NARROW:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, columns)
    op.drop_index("ix_appointments_citizen_status_time", table_name="appointments")
    for name in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("index_state")
