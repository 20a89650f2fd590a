"""The index by which a consultant's citizens are found holds assignments only.

Every record of a citizen has a consultant, so notes, contacts and the rest each
left an entry in it that no query reads: one index insert per change of a push for
nothing. Its queries name the kind as written text (``kind = 'assignments'``), which
every plan, prepared or not, can match to the index's condition.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

NAME = "ix_records_assignment"
ASSIGNMENTS = "kind = 'assignments'"


def upgrade() -> None:
    op.drop_index(NAME, table_name="records")
    op.create_index(
        NAME,
        "records",
        ["consultant_id", "active"],
        unique=False,
        sqlite_where=sa.text(ASSIGNMENTS),
        postgresql_where=sa.text(ASSIGNMENTS),
    )


def downgrade() -> None:
    op.drop_index(NAME, table_name="records")
    op.create_index(NAME, "records", ["kind", "consultant_id", "active"], unique=False)
