"""province reports: the units' weekly figures and the files read

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "province_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("week", sa.String(length=32), nullable=False),
        sa.Column("unit_name", sa.String(length=300), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("scans", sa.Integer(), nullable=False),
        sa.Column("scans_by_code", sa.Integer(), nullable=False),
        sa.Column("scans_by_hand", sa.Integer(), nullable=False),
        sa.Column("previous_scans", sa.Integer(), nullable=True),
        sa.Column("days", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_province_reports")),
    )
    with op.batch_alter_table("province_reports", schema=None) as batch_op:
        batch_op.create_index(
            "uq_province_reports_point_week", ["unit_code", "week"], unique=True
        )
        batch_op.create_index("ix_province_reports_week", ["week"], unique=False)
    op.create_table(
        "province_files",
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("week", sa.String(length=32), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=True),
        sa.Column("error", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("read_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("content_hash", name=op.f("pk_province_files")),
    )


def downgrade() -> None:
    op.drop_table("province_files")
    with op.batch_alter_table("province_reports", schema=None) as batch_op:
        batch_op.drop_index("ix_province_reports_week")
        batch_op.drop_index("uq_province_reports_point_week")
    op.drop_table("province_reports")
