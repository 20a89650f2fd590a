"""Indexes for the Today view's reminders, so they stay fast at 10,000 citizens.

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


def upgrade() -> None:
    op.create_index("ix_contacts_citizen_time", "contacts", ["citizen_id", "occurred_at"])
    op.create_index("ix_appointments_status_time", "appointments", ["status", "starts_at"])
    op.create_index("ix_notes_drafts", "notes", ["consultant_id", "updated_at"],
                    sqlite_where=sa.text("status = 'draft'"))
    op.create_index("ix_consents_expires", "consents", ["expires_on"])
    op.create_index("ix_information_open", "information", ["received_at"],
                    sqlite_where=sa.text("handled_at IS NULL"))


def downgrade() -> None:
    for name, table in (("ix_information_open", "information"),
                        ("ix_consents_expires", "consents"),
                        ("ix_notes_drafts", "notes"),
                        ("ix_appointments_status_time", "appointments"),
                        ("ix_contacts_citizen_time", "contacts")):
        op.drop_index(name, table_name=table)
