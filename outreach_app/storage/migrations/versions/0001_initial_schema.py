"""Initial schema of the vault: records, key slots, access log, outbox.

Revision ID: 0001
Revises: 
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None

_TRIGGERS = (
    """CREATE TRIGGER notes_finished_immutable
    BEFORE UPDATE ON notes WHEN OLD.status = 'finished'
    BEGIN SELECT RAISE(ABORT, 'a finished note is immutable'); END""",
    """CREATE TRIGGER access_log_no_update
    BEFORE UPDATE ON access_log
    BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END""",
    """CREATE TRIGGER access_log_no_delete
    BEFORE DELETE ON access_log
    BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END""",
)


def upgrade() -> None:
    op.create_table('access_log',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('consultant_id', sa.String(length=36), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('citizen_id', sa.String(length=36), nullable=True),
    sa.Column('detail', sa.LargeBinary(), nullable=False),
    sa.Column('mac', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('seq'),
    sa.UniqueConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_access_log_citizen_id'), ['citizen_id'], unique=False)

    op.create_table('citizens',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('first_name', sa.LargeBinary(), nullable=False),
    sa.Column('last_name', sa.LargeBinary(), nullable=False),
    sa.Column('cpr', sa.LargeBinary(), nullable=False),
    sa.Column('phone', sa.LargeBinary(), nullable=False),
    sa.Column('email', sa.LargeBinary(), nullable=False),
    sa.Column('address', sa.LargeBinary(), nullable=False),
    sa.Column('target_group', sa.LargeBinary(), nullable=False),
    sa.Column('language', sa.LargeBinary(), nullable=False),
    sa.Column('cpr_bidx', sa.LargeBinary(), nullable=True),
    sa.Column('phone_bidx', sa.LargeBinary(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('citizens', schema=None) as batch_op:
        batch_op.create_index('ix_citizens_phone_bidx', ['phone_bidx'], unique=False)
        batch_op.create_index('ux_citizens_cpr_bidx', ['cpr_bidx'], unique=True, sqlite_where=sa.text('cpr_bidx IS NOT NULL AND deleted_at IS NULL'))

    op.create_table('consultants',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('office_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.LargeBinary(), nullable=False),
    sa.Column('phone', sa.LargeBinary(), nullable=False),
    sa.Column('email', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('key_slots',
    sa.Column('slot', sa.String(length=32), nullable=False),
    sa.Column('params', sa.Text(), nullable=False),
    sa.Column('wrapped', sa.LargeBinary(), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('slot')
    )
    op.create_table('offices',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('change_id', sa.String(length=36), nullable=False),
    sa.Column('table_name', sa.String(length=32), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('fields', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('sent_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('seq'),
    sa.UniqueConstraint('change_id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ux_outbox_one_pending', ['table_name', 'row_id'], unique=True, sqlite_where=sa.text('sent_at IS NULL'))

    op.create_table('partners',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.LargeBinary(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('contact_person', sa.LargeBinary(), nullable=False),
    sa.Column('phone', sa.LargeBinary(), nullable=False),
    sa.Column('email', sa.LargeBinary(), nullable=False),
    sa.Column('address', sa.LargeBinary(), nullable=False),
    sa.Column('note', sa.LargeBinary(), nullable=False),
    sa.Column('active', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('vault_meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('appointments',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('citizen_id', sa.String(length=36), nullable=False),
    sa.Column('consultant_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('starts_at', sa.String(length=32), nullable=False),
    sa.Column('duration_min', sa.Integer(), nullable=False),
    sa.Column('place', sa.LargeBinary(), nullable=False),
    sa.Column('note', sa.LargeBinary(), nullable=False),
    sa.Column('initiator', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('contact_id', sa.String(length=36), nullable=True),
    sa.Column('partner_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('appointments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appointments_citizen_id'), ['citizen_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_appointments_starts_at'), ['starts_at'], unique=False)

    op.create_table('assignments',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('citizen_id', sa.String(length=36), nullable=False),
    sa.Column('consultant_id', sa.String(length=36), nullable=False),
    sa.Column('started_at', sa.String(length=32), nullable=False),
    sa.Column('ended_at', sa.String(length=32), nullable=True),
    sa.Column('reason', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assignments_citizen_id'), ['citizen_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assignments_consultant_id'), ['consultant_id'], unique=False)
        batch_op.create_index('ux_assignments_one_active', ['citizen_id'], unique=True, sqlite_where=sa.text('ended_at IS NULL AND deleted_at IS NULL'))

    op.create_table('consents',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('citizen_id', sa.String(length=36), nullable=False),
    sa.Column('partner_id', sa.String(length=36), nullable=True),
    sa.Column('scope', sa.LargeBinary(), nullable=False),
    sa.Column('details', sa.LargeBinary(), nullable=False),
    sa.Column('given_on', sa.String(length=10), nullable=False),
    sa.Column('expires_on', sa.String(length=10), nullable=True),
    sa.Column('withdrawn_on', sa.String(length=10), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('consents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consents_citizen_id'), ['citizen_id'], unique=False)

    op.create_table('contacts',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('citizen_id', sa.String(length=36), nullable=False),
    sa.Column('consultant_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('occurred_at', sa.String(length=32), nullable=False),
    sa.Column('duration_min', sa.Integer(), nullable=True),
    sa.Column('partner_id', sa.String(length=36), nullable=True),
    sa.Column('appointment_id', sa.String(length=36), nullable=True),
    sa.Column('attendance', sa.String(length=16), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contacts_citizen_id'), ['citizen_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contacts_occurred_at'), ['occurred_at'], unique=False)

    op.create_table('information',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('citizen_id', sa.String(length=36), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('partner_id', sa.String(length=36), nullable=True),
    sa.Column('received_at', sa.String(length=32), nullable=False),
    sa.Column('summary', sa.LargeBinary(), nullable=False),
    sa.Column('handled_at', sa.String(length=32), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('information', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_information_citizen_id'), ['citizen_id'], unique=False)

    op.create_table('milestones',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('citizen_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.LargeBinary(), nullable=False),
    sa.Column('starts_on', sa.String(length=10), nullable=False),
    sa.Column('ends_on', sa.String(length=10), nullable=True),
    sa.Column('partner_id', sa.String(length=36), nullable=True),
    sa.Column('note', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('milestones', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_milestones_citizen_id'), ['citizen_id'], unique=False)

    op.create_table('notes',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('citizen_id', sa.String(length=36), nullable=False),
    sa.Column('consultant_id', sa.String(length=36), nullable=False),
    sa.Column('contact_id', sa.String(length=36), nullable=True),
    sa.Column('corrects_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('occurred_at', sa.String(length=32), nullable=False),
    sa.Column('duration_min', sa.Integer(), nullable=True),
    sa.Column('topics', sa.LargeBinary(), nullable=False),
    sa.Column('text', sa.LargeBinary(), nullable=False),
    sa.Column('agreements', sa.LargeBinary(), nullable=False),
    sa.Column('next_contact', sa.LargeBinary(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('finished_at', sa.String(length=32), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], ),
    sa.ForeignKeyConstraint(['corrects_id'], ['notes.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notes_citizen_id'), ['citizen_id'], unique=False)
        batch_op.create_index('ix_notes_citizen_time', ['citizen_id', 'occurred_at'], unique=False)

    op.create_table('plans',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('citizen_id', sa.String(length=36), nullable=False),
    sa.Column('goal', sa.LargeBinary(), nullable=False),
    sa.Column('agreements', sa.LargeBinary(), nullable=False),
    sa.Column('activities', sa.LargeBinary(), nullable=False),
    sa.Column('next_contact', sa.LargeBinary(), nullable=False),
    sa.Column('next_contact_at', sa.String(length=32), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('citizen_id')
    )
    with op.batch_alter_table('plans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plans_next_contact_at'), ['next_contact_at'], unique=False)

    op.create_table('scores',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('citizen_id', sa.String(length=36), nullable=False),
    sa.Column('consultant_id', sa.String(length=36), nullable=False),
    sa.Column('area', sa.String(length=24), nullable=False),
    sa.Column('score', sa.LargeBinary(), nullable=False),
    sa.Column('scored_on', sa.String(length=10), nullable=False),
    sa.Column('note', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('scores', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scores_citizen_id'), ['citizen_id'], unique=False)

    op.create_table('referrals',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('citizen_id', sa.String(length=36), nullable=False),
    sa.Column('partner_id', sa.String(length=36), nullable=False),
    sa.Column('consent_id', sa.String(length=36), nullable=False),
    sa.Column('referred_on', sa.String(length=10), nullable=False),
    sa.Column('purpose', sa.LargeBinary(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('outcome', sa.LargeBinary(), nullable=False),
    sa.Column('closed_on', sa.String(length=10), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], ),
    sa.ForeignKeyConstraint(['consent_id'], ['consents.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referrals_citizen_id'), ['citizen_id'], unique=False)

    for statement in _TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    for name in ("notes_finished_immutable", "access_log_no_update", "access_log_no_delete"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referrals_citizen_id'))

    op.drop_table('referrals')
    with op.batch_alter_table('scores', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scores_citizen_id'))

    op.drop_table('scores')
    with op.batch_alter_table('plans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plans_next_contact_at'))

    op.drop_table('plans')
    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.drop_index('ix_notes_citizen_time')
        batch_op.drop_index(batch_op.f('ix_notes_citizen_id'))

    op.drop_table('notes')
    with op.batch_alter_table('milestones', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_milestones_citizen_id'))

    op.drop_table('milestones')
    with op.batch_alter_table('information', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_information_citizen_id'))

    op.drop_table('information')
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contacts_occurred_at'))
        batch_op.drop_index(batch_op.f('ix_contacts_citizen_id'))

    op.drop_table('contacts')
    with op.batch_alter_table('consents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consents_citizen_id'))

    op.drop_table('consents')
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.drop_index('ux_assignments_one_active', sqlite_where=sa.text('ended_at IS NULL AND deleted_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_assignments_consultant_id'))
        batch_op.drop_index(batch_op.f('ix_assignments_citizen_id'))

    op.drop_table('assignments')
    with op.batch_alter_table('appointments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appointments_starts_at'))
        batch_op.drop_index(batch_op.f('ix_appointments_citizen_id'))

    op.drop_table('appointments')
    op.drop_table('vault_meta')
    op.drop_table('partners')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ux_outbox_one_pending', sqlite_where=sa.text('sent_at IS NULL'))

    op.drop_table('outbox')
    op.drop_table('offices')
    op.drop_table('key_slots')
    op.drop_table('consultants')
    with op.batch_alter_table('citizens', schema=None) as batch_op:
        batch_op.drop_index('ux_citizens_cpr_bidx', sqlite_where=sa.text('cpr_bidx IS NOT NULL AND deleted_at IS NULL'))
        batch_op.drop_index('ix_citizens_phone_bidx')

    op.drop_table('citizens')
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_access_log_citizen_id'))

    op.drop_table('access_log')
