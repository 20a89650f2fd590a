"""The office and CPR indexes of records hold only the records that have an office or
a CPR digest. Every other record (notes, contacts, nearly all of them) left an empty
entry in both, two index inserts per change of a push for nothing. A query that looks
a value up (``office_id = ?``, ``cpr_digest = ?``) implies the column is not empty, so
both SQLite and PostgreSQL still use these indexes for it.

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

_PARTIAL = {
    "ix_records_office": (["office_id", "kind"], "office_id IS NOT NULL"),
    "ix_records_cpr": (["cpr_digest"], "cpr_digest IS NOT NULL"),
}


def upgrade() -> None:
    for name, (columns, where) in _PARTIAL.items():
        op.drop_index(name, table_name="records")
        op.create_index(
            name,
            "records",
            columns,
            unique=False,
            sqlite_where=sa.text(where),
            postgresql_where=sa.text(where),
        )


def downgrade() -> None:
    for name, (columns, _where) in _PARTIAL.items():
        op.drop_index(name, table_name="records")
        op.create_index(name, "records", columns, unique=False)
