"""The vault on disk: SQLite through SQLAlchemy, encrypted columns, repositories, migrations."""
