"""The SQLite engine: WAL, synchronous=FULL, foreign keys, explicit transactions."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

from outreach_app.storage.errors import (
    RecordRefused,
    StorageFull,
    VaultBusy,
    VaultCorrupt,
    VaultError,
)

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=10000",
    "PRAGMA secure_delete=ON",
    "PRAGMA temp_store=MEMORY",
)


def open_engine(path: Path) -> Engine:
    """An engine on the vault file. Transactions begin DEFERRED for reads and
    IMMEDIATE for writes (execution option ``immediate=True``)."""
    engine = create_engine(f"sqlite:///{path}", pool_size=4, max_overflow=4)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
    cursor = dbapi_connection.cursor()
    try:
        for pragma in PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def _on_begin(connection: Any) -> None:
    immediate = connection.get_execution_options().get("immediate", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def translate(exc: DBAPIError) -> VaultError:
    """A vault error in words for an SQLite failure."""
    message = str(exc.orig).lower()
    if isinstance(exc.orig, sqlite3.IntegrityError):
        # SQLite names the rule or the columns, never the values
        return RecordRefused(f"the vault refused the change: {exc.orig}")
    if "full" in message:
        return StorageFull()
    if "locked" in message or "busy" in message:
        return VaultBusy("another program is using the vault; close it and try again")
    if "malformed" in message or "not a database" in message or "corrupt" in message:
        return VaultCorrupt(
            "the vault file is damaged; run 'outreach-app check' and restore a backup"
        )
    return VaultError(f"the vault could not be written ({type(exc.orig).__name__})")
