"""An index of the outbox's pending entries, so a sync with nothing to send costs the
same at 10,000 and at 100,000 sent changes.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_outbox_pending", "outbox", ["seq"], sqlite_where=sa.text("sent_at IS NULL")
    )


def downgrade() -> None:
    op.drop_index("ix_outbox_pending", table_name="outbox")
