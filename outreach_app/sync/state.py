"""This laptop's enrolment and synchronisation state, kept inside the vault.

Plain bookkeeping (server address, ids, cursor, times) lives in ``vault_meta``; the
device credential is sealed with the vault's key like every other secret, so a copied
vault file does not let anyone talk to the central service as this laptop.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from outreach_app.storage.schema import vault_meta
from outreach_app.storage.vault import Vault

PREFIX = "sync."
DEFAULT_OFFLINE_DAYS = 14


@dataclass(frozen=True, slots=True)
class SyncState:
    url: str
    fingerprint: str
    certificate: str  # the pinned certificate (PEM): the only trust anchor for the service
    device_id: str
    credential: str
    consultant_id: str
    office_id: str
    enrolled_at: datetime
    cursor: int = 0
    log_through: int = 0
    last_success: datetime | None = None
    last_attempt: datetime | None = None
    last_error: str = ""
    offline_days: int = DEFAULT_OFFLINE_DAYS

    def days_without_sync(self, now: datetime) -> int:
        since = self.last_success or self.enrolled_at
        return max(0, (now - since) // timedelta(days=1))

    def must_sync(self, now: datetime) -> bool:
        """True when the laptop has been offline too long to be used before a sync."""
        return self.days_without_sync(now) >= self.offline_days

    def with_(self, **changes: object) -> SyncState:
        return replace(self, **changes)  # type: ignore[arg-type]


_PLAIN = (
    "url",
    "fingerprint",
    "certificate",
    "device_id",
    "consultant_id",
    "office_id",
    "last_error",
)
_INTS = ("cursor", "log_through", "offline_days")
_TIMES = ("enrolled_at", "last_success", "last_attempt")
_CREDENTIAL = PREFIX + "credential"


def load(vault: Vault) -> SyncState | None:
    """The state, or None when this laptop is not enrolled."""
    with vault.read() as connection:
        return read(connection, vault)


def read(connection: Connection, vault: Vault) -> SyncState | None:
    query = select(vault_meta.c.key, vault_meta.c.value).where(vault_meta.c.key.like(PREFIX + "%"))
    meta = {r.key[len(PREFIX) :]: r.value for r in connection.execute(query)}
    if "device_id" not in meta or "credential" not in meta:
        return None
    sealed = base64.b64decode(meta["credential"])
    credential = vault.codec.open(sealed, table="vault_meta", column="value", row_id=_CREDENTIAL)
    values: dict[str, Any] = {k: meta.get(k, "") for k in _PLAIN}
    values |= {k: int(meta[k]) for k in _INTS if meta.get(k)}
    values |= {k: datetime.fromisoformat(meta[k]) if meta.get(k) else None for k in _TIMES}
    return SyncState(credential=str(credential), **values)


def save(connection: Connection, vault: Vault, state: SyncState) -> None:
    """Write the whole state inside the caller's transaction."""
    values = {k: str(getattr(state, k)) for k in (*_PLAIN, *_INTS)}
    for k in _TIMES:
        moment = getattr(state, k)
        values[k] = moment.isoformat() if moment else ""
    sealed = vault.codec.seal(
        state.credential, table="vault_meta", column="value", row_id=_CREDENTIAL
    )
    values["credential"] = base64.b64encode(sealed).decode()
    _put(connection, values)


def store(vault: Vault, state: SyncState) -> None:
    with vault.write() as connection:
        save(connection, vault, state)


def forget(connection: Connection) -> None:
    """Remove the enrolment (the laptop no longer synchronises)."""
    connection.execute(delete(vault_meta).where(vault_meta.c.key.like(PREFIX + "%")))


def _put(connection: Connection, values: dict[str, str]) -> None:
    keys = [PREFIX + k for k in values]
    connection.execute(delete(vault_meta).where(vault_meta.c.key.in_(keys)))
    connection.execute(
        insert(vault_meta), [{"key": PREFIX + k, "value": v} for k, v in values.items()]
    )
