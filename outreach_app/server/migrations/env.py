"""Alembic environment: migrations run on the connection handed in by db.migrate."""

from __future__ import annotations

from alembic import context

from outreach_app.server.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run the server's migrations through outreach-server (db.migrate)")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
