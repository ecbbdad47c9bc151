"""Alembic environment: runs on the connection handed over by ``desk_app.storage.migrate``."""

from typing import Any

from alembic import context

from desk_app.storage.schema import Base, Limited


def _render_item(type_: str, obj: Any, autogen_context: Any) -> Any:
    # A limited text column is a plain VARCHAR in a migration: migrations stay readable
    # and do not change when a limit's owner moves.
    if type_ == "type" and isinstance(obj, Limited):
        return f"sa.String(length={obj.length})"
    return False


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    render_item=_render_item,
)
with context.begin_transaction():
    context.run_migrations()
