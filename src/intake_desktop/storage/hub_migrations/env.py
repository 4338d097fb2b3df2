"""Alembic environment of the centre server (PostgreSQL): run programmatically by
`storage.hub.upgrade_hub`, with its own version table so it can never be confused with a vault."""

from alembic import context

from intake_desktop.storage.hub import VERSION_TABLE, metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, version_table=VERSION_TABLE)
with context.begin_transaction():
    context.run_migrations()
