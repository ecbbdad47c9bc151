"""people.name_folded for searches; the audit table as a hash chain

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

from desk_app.domain.names import fold

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_AUDIT_COLUMNS = ("query", "os_user", "content_digest", "prev_hash", "record_hash")


def upgrade() -> None:
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("name_folded", sa.String(length=200), server_default="", nullable=False)
        )
        batch_op.create_index("ix_people_name_folded", ["name_folded"], unique=False)
    conn = op.get_bind()
    people = sa.table("people", sa.column("id", sa.Integer), sa.column("name", sa.String),
                      sa.column("name_folded", sa.String))
    rows = conn.execute(sa.select(people.c.id, people.c.name)).all()
    for person_id, name in rows:
        conn.execute(
            people.update().where(people.c.id == person_id).values(name_folded=fold(name or ""))
        )
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.add_column(sa.Column("query", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(
            sa.Column("os_user", sa.String(length=100), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("content_digest", sa.String(length=64), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("erased", sa.Boolean(), server_default=sa.text("false"), nullable=False)
        )
        batch_op.add_column(
            sa.Column("prev_hash", sa.String(length=64), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("record_hash", sa.String(length=64), server_default="", nullable=False)
        )
    # Records written before the chain existed are chained now, in their order.
    from desk_app.storage.audit import rechain_all

    rechain_all(conn)


def downgrade() -> None:
    with op.batch_alter_table("audit", schema=None) as batch_op:
        for name in (*_AUDIT_COLUMNS, "erased"):
            batch_op.drop_column(name)
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index("ix_people_name_folded")
        batch_op.drop_column("name_folded")
