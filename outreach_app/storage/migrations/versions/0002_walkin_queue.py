"""The drop-in queue (local to the laptop, not synchronised).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "walkin_queue",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("arrived_at", sa.String(length=32), nullable=False),
        sa.Column("citizen_id", sa.String(length=36), nullable=True),
        sa.Column("label", sa.LargeBinary(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("done_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["citizen_id"], ["citizens.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("walkin_queue", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_walkin_queue_arrived_at"), ["arrived_at"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("walkin_queue", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_walkin_queue_arrived_at"))
    op.drop_table("walkin_queue")
