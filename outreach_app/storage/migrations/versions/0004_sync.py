"""Synchronisation bookkeeping: revisions, conflicts, notices, push outcomes; finished
notes may move to another citizen (a merge on the central service), nothing else.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_NOTE_CONTENT = (
    "consultant_id", "contact_id", "corrects_id", "kind", "occurred_at", "duration_min",
    "topics", "text", "agreements", "next_contact", "status", "finished_at", "created_at",
)

_IMMUTABLE = (
    "CREATE TRIGGER notes_finished_immutable BEFORE UPDATE ON notes "
    "WHEN OLD.status = 'finished' AND ("
    + " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in _NOTE_CONTENT)
    + ") BEGIN SELECT RAISE(ABORT, 'a finished note is immutable'); END"
)

_OLD_IMMUTABLE = (
    "CREATE TRIGGER notes_finished_immutable BEFORE UPDATE ON notes "
    "WHEN OLD.status = 'finished' "
    "BEGIN SELECT RAISE(ABORT, 'a finished note is immutable'); END"
)


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("outcome", sa.String(16), nullable=True))
        batch.add_column(sa.Column("reason", sa.Text(), nullable=True))
    op.create_table(
        "sync_rows",
        sa.Column("table_name", sa.String(32), primary_key=True),
        sa.Column("row_id", sa.String(36), primary_key=True),
        sa.Column("rev", sa.Integer(), nullable=False),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("table_name", sa.String(32), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("citizen_id", sa.String(36), nullable=True),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("service_value", sa.LargeBinary(), nullable=False),
        sa.Column("device_value", sa.LargeBinary(), nullable=False),
        sa.Column("found_at", sa.String(32), nullable=False),
        sa.Column("resolved_at", sa.String(32), nullable=True),
        sa.Column("resolution", sa.String(16), nullable=True),
    )
    op.create_index("ix_sync_conflicts_citizen_id", "sync_conflicts", ["citizen_id"])
    op.create_table(
        "sync_notices",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.String(36), nullable=True),
        sa.Column("other_id", sa.String(36), nullable=True),
        sa.Column("label", sa.LargeBinary(), nullable=False),
        sa.Column("received_at", sa.String(32), nullable=False),
        sa.Column("done_at", sa.String(32), nullable=True),
        sa.Column("seen_at", sa.String(32), nullable=True),
    )
    op.execute("DROP TRIGGER IF EXISTS notes_finished_immutable")
    op.execute(_IMMUTABLE)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS notes_finished_immutable")
    op.execute(_OLD_IMMUTABLE)
    op.drop_table("sync_notices")
    op.drop_index("ix_sync_conflicts_citizen_id", table_name="sync_conflicts")
    op.drop_table("sync_conflicts")
    op.drop_table("sync_rows")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("reason")
        batch.drop_column("outcome")
