"""An audit entry of a push names every record it covers.

A push now writes one audit entry per citizen, kind, operation and outcome, not one
per change: ``record_id`` keeps the first record and the new ``records`` column the
JSON list of all of them. Entries written before hold one record each and leave
``records`` empty.

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


def upgrade() -> None:
    op.add_column("audit", sa.Column("records", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit") as batch:
        batch.drop_column("records")
