"""The server's Alembic migrations."""
