"""PostgreSQL tells every listening desk which visit changed (LISTEN desk_visits)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite desks on one PC watch the file instead
    op.execute(
        """
        CREATE OR REPLACE FUNCTION desk_visit_changed() RETURNS trigger AS $$
        BEGIN
            PERFORM pg_notify('desk_visits', NEW.id::text);
            RETURN NULL;
        END;
        $$ LANGUAGE plpgsql
        """
    )
    op.execute(
        "CREATE TRIGGER visits_notify AFTER INSERT OR UPDATE ON visits "
        "FOR EACH ROW EXECUTE FUNCTION desk_visit_changed()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS visits_notify ON visits")
    op.execute("DROP FUNCTION IF EXISTS desk_visit_changed()")
