"""Destroying this laptop's vault when the main office withdraws the device.

The key slots are overwritten first (with SQLite's secure delete on, in one durable
transaction), so even a copy of the file taken before deletion can no longer be
unlocked by passphrase; then the vault, its write-ahead log and its backups are
deleted. What the organisation's recovery key can open was already on the central
service.
"""

from __future__ import annotations

import logging
import os
import shutil

from sqlalchemy import select, update

from outreach_app.services.workspace import Workspace
from outreach_app.storage.schema import key_slots, vault_meta
from outreach_app.storage.vault import Vault

log = logging.getLogger(__name__)


def destroy(ws: Workspace) -> None:
    """Make the vault unusable and delete it from the disk; ``ws`` is closed after."""
    profile = ws.vault.profile
    _burn_key_slots(ws.vault)
    ws.close()
    for suffix in ("", "-wal", "-shm", "-journal"):
        path = profile.vault_file.with_name(profile.vault_file.name + suffix)
        path.unlink(missing_ok=True)
    shutil.rmtree(profile.backups, ignore_errors=True)
    log.warning("the vault was destroyed after the device was withdrawn")


def _burn_key_slots(vault: Vault) -> None:
    with vault.write() as connection:
        connection.exec_driver_sql("PRAGMA secure_delete = ON").close()
        for slot in connection.execute(select(key_slots.c.slot, key_slots.c.wrapped)).all():
            connection.execute(
                update(key_slots)
                .where(key_slots.c.slot == slot.slot)
                .values(wrapped=os.urandom(len(slot.wrapped)))
            )
        connection.execute(
            update(vault_meta).where(vault_meta.c.key.like("sync.%")).values(value="")
        )
