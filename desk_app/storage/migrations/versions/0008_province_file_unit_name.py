"""province files: the name of the unit whose report a file is

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("province_files", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unit_name", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("province_files", schema=None) as batch_op:
        batch_op.drop_column("unit_name")
