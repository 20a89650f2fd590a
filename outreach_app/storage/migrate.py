"""Schema migrations with Alembic, run when a vault is opened.

Before a vault is migrated, a consistent copy of it is taken into ``backups/``.
Revision ids are four-digit numbers; the list of known revisions comes from the
file names, so opening a current vault never imports Alembic.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
from importlib import resources
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from outreach_app.storage.errors import VaultFromNewerVersion

log = logging.getLogger(__name__)

_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")
_ALEMBIC = threading.Lock()


def migrations_dir() -> Path:
    return Path(str(resources.files("outreach_app.storage") / "migrations"))


def known_revisions() -> tuple[str, ...]:
    """Every revision this version of the program knows, oldest first."""
    names = (p.name for p in (migrations_dir() / "versions").iterdir())
    return tuple(sorted(m.group(1) for n in names if (m := _REVISION_FILE.match(n))))


def head_revision() -> str:
    return known_revisions()[-1]


def current_revision(connection: Connection) -> str | None:
    exists = connection.execute(
        text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
    ).first()
    if exists is None:
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def check_supported(revision: str | None) -> None:
    """Refuse a vault whose schema this program does not know (a newer program wrote it)."""
    if revision is not None and revision not in known_revisions():
        raise VaultFromNewerVersion(revision)


def needs_upgrade(revision: str | None) -> bool:
    return revision != head_revision()


def upgrade(engine: Engine, *, to: str = "head") -> None:
    """Run the migrations up to ``to`` (imports Alembic only when there is work)."""
    from alembic import command  # noqa: PLC0415 - heavy import, needed only here
    from alembic.config import Config  # noqa: PLC0415

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    with _ALEMBIC, engine.begin() as connection:  # Alembic's `op` is process-wide
        config.attributes["connection"] = connection
        command.upgrade(config, to)
    log.info("vault schema migrated to %s", to)


def backup_copy(database: Path, backups: Path, *, revision: str | None, stamp: str) -> Path:
    """A consistent copy of the vault (the SQLite backup API, WAL included)."""
    backups.mkdir(mode=0o700, exist_ok=True)
    target = backups / f"vault-before-migration-from-{revision or 'empty'}-{stamp}.sqlite3"
    source = sqlite3.connect(database)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    target.chmod(0o600)
    log.info("vault copied to backups/ before migration")
    return target
