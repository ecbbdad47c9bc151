"""scan events sent from a desk's local journal carry its id (each sent once)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('scan_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('journal_id', sa.String(length=64), nullable=True))
        batch_op.create_index('uq_scan_events_journal_id', ['journal_id'], unique=True)


def downgrade() -> None:
    with op.batch_alter_table('scan_events', schema=None) as batch_op:
        batch_op.drop_index('uq_scan_events_journal_id')
        batch_op.drop_column('journal_id')
