"""visit pass token

A visitor pass names its visit by a random token kept on the visit, not by the visit's
row number (which the database may give again after a delete).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("visits") as batch_op:
        batch_op.add_column(sa.Column("pass_token", sa.String(length=32), nullable=True))
        batch_op.create_index("uq_visits_pass_token", ["pass_token"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("visits") as batch_op:
        batch_op.drop_index("uq_visits_pass_token")
        batch_op.drop_column("pass_token")
