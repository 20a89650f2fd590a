"""The encrypted vault: create, open, unlock, change the passphrase, recover.

The header (plaintext metadata and the two key slots) lives in the vault file itself,
in ``vault_meta`` and ``key_slots``. A passphrase change replaces one row of
``key_slots`` in one SQLite transaction (WAL, synchronous=FULL), so a crash at any
moment leaves exactly one of the old and the new passphrase working.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, delete, insert, select, text
from sqlalchemy.exc import DBAPIError

from outreach_app.crypto.errors import WrongPassphrase
from outreach_app.crypto.kdf import KdfParams, calibrate
from outreach_app.crypto.keys import VaultKeys, new_data_key
from outreach_app.crypto.recovery import RecoveryPrivateKey, RecoveryPublicKey
from outreach_app.crypto.wrap import PassphraseSlot, unwrap_with_passphrase, wrap_with_passphrase
from outreach_app.domain.clock import Clock
from outreach_app.domain.ids import new_id
from outreach_app.storage import migrate
from outreach_app.storage.codec import EncryptedCodec, FieldCodec
from outreach_app.storage.engine import open_engine, translate
from outreach_app.storage.errors import (
    NotAVault,
    NoVault,
    UnlockThrottled,
    VaultClosed,
    VaultCorrupt,
    VaultError,
    VaultExists,
    WeakPassphrase,
    WrongPassphraseError,
)
from outreach_app.storage.profile import Profile
from outreach_app.storage.schema import key_slots, vault_meta

log = logging.getLogger(__name__)

FORMAT = "outreach-vault"
FORMAT_VERSION = "1"
KEY_VERSION = 1
MIN_PASSPHRASE_CHARS = 8
FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 120
SQLITE_MAGIC = b"SQLite format 3\x00"


def check_passphrase(passphrase: str) -> None:
    """The minimum a new passphrase must meet (the screen also shows a strength hint)."""
    if len(passphrase.strip()) < MIN_PASSPHRASE_CHARS:
        raise WeakPassphrase(f"a passphrase has at least {MIN_PASSPHRASE_CHARS} characters")


def delay_after(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong passphrases in a row: 0 for the first
    three, then 1, 2, 4, ... up to two minutes."""
    if failures < FREE_ATTEMPTS:
        return 0
    return int(min(2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_SECONDS))


@dataclass(frozen=True, slots=True)
class Header:
    """What can be read from a vault before it is unlocked."""

    vault_id: str
    label: str
    owner_id: str
    office_id: str
    key_version: int
    passphrase: PassphraseSlot
    recovery: bytes | None
    recovery_fingerprint: str
    failures: int
    last_failure: datetime | None

    def wait_seconds(self, now: datetime) -> int:
        if self.last_failure is None:
            return 0
        remaining = delay_after(self.failures) - (now - self.last_failure).total_seconds()
        return max(0, int(remaining + 0.999))


def _read_header(connection: Connection) -> Header:
    tables = connection.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
    if not {vault_meta.name, key_slots.name} <= set(tables.scalars()):
        raise NotAVault("this file is not an Outreach vault")
    meta = {r.key: r.value for r in connection.execute(select(vault_meta))}
    slots = {r.slot: r for r in connection.execute(select(key_slots))}
    if meta.get("format") != FORMAT or "passphrase" not in slots:
        raise NotAVault("this file is not an Outreach vault, or its header is damaged")
    try:
        params = KdfParams.from_dict(json.loads(slots["passphrase"].params))
    except (ValueError, KeyError) as exc:
        raise NotAVault("the vault's key slot is damaged") from exc
    last = meta.get("last_failure")
    return Header(
        vault_id=meta["vault_id"],
        label=meta.get("label", ""),
        owner_id=meta["owner_id"],
        office_id=meta["office_id"],
        key_version=int(meta["key_version"]),
        passphrase=PassphraseSlot(params, bytes(slots["passphrase"].wrapped)),
        recovery=bytes(slots["recovery"].wrapped) if "recovery" in slots else None,
        recovery_fingerprint=meta.get("recovery_fingerprint", ""),
        failures=int(meta.get("failures", "0")),
        last_failure=datetime.fromisoformat(last) if last else None,
    )


def _set_meta(connection: Connection, values: dict[str, str]) -> None:
    for key, value in values.items():
        connection.execute(delete(vault_meta).where(vault_meta.c.key == key))
        connection.execute(insert(vault_meta).values(key=key, value=value))


def _write_slot(
    connection: Connection, slot: str, params: str, wrapped: bytes, now: datetime
) -> None:
    connection.execute(delete(key_slots).where(key_slots.c.slot == slot))
    connection.execute(
        insert(key_slots).values(slot=slot, params=params, wrapped=wrapped, updated_at=now)
    )


class _Database:
    """The engine plus one lock that serialises this process's writers."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._write_lock = threading.RLock()

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction (BEGIN IMMEDIATE), committed durably on leaving."""
        with self._write_lock:
            try:
                with self.engine.connect() as connection:
                    connection.execution_options(immediate=True)
                    with connection.begin():
                        yield connection
            except DBAPIError as exc:
                raise translate(exc) from exc

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction: one consistent snapshot."""
        try:
            with self.engine.connect() as connection, connection.begin():
                yield connection
        except DBAPIError as exc:
            raise translate(exc) from exc

    def dispose(self) -> None:
        self.engine.dispose()


class LockedVault:
    """A vault opened but not unlocked: its header can be read, nothing else."""

    def __init__(self, profile: Profile, *, clock: Clock) -> None:
        if not profile.exists():
            raise NoVault(f"there is no vault in {profile.root}")
        _refuse_foreign_file(profile.vault_file)
        self.profile = profile
        self.clock = clock
        self._db = _Database(open_engine(profile.vault_file))
        try:
            with self._db.read() as connection:
                self.revision = migrate.current_revision(connection)
                migrate.check_supported(self.revision)
                self.header = _read_header(connection)
        except Exception:
            self._db.dispose()
            raise

    def unlock(self, passphrase: str) -> Vault:
        """The unlocked vault, or WrongPassphraseError / UnlockThrottled."""
        wait = self.header.wait_seconds(self.clock.now())
        if wait:
            raise UnlockThrottled(wait)
        try:
            data_key = unwrap_with_passphrase(
                self.header.passphrase, passphrase, vault_id=self.header.vault_id
            )
        except WrongPassphrase:
            raise self._record_failure() from None
        return self._open_with(data_key)

    def recover(
        self, private_key: RecoveryPrivateKey, new_passphrase: str, *, kdf: KdfParams | None = None
    ) -> Vault:
        """Set a new passphrase with the organisation's recovery key."""
        check_passphrase(new_passphrase)
        if self.header.recovery is None:
            raise VaultError("this vault has no recovery slot")
        data_key = private_key.unseal(self.header.recovery, vault_id=self.header.vault_id)
        params = (kdf or self.header.passphrase.params).with_new_salt()
        slot = wrap_with_passphrase(
            data_key, new_passphrase, vault_id=self.header.vault_id, params=params
        )
        with self._db.write() as connection:
            _write_slot(
                connection, "passphrase", slot.params_json(), slot.wrapped, self.clock.now()
            )
        log.info("vault passphrase reset with the recovery key")
        return self._open_with(data_key)

    def close(self) -> None:
        self._db.dispose()

    def _record_failure(self) -> WrongPassphraseError:
        failures = self.header.failures + 1
        now = self.clock.now()
        with self._db.write() as connection:
            _set_meta(connection, {"failures": str(failures), "last_failure": now.isoformat()})
            self.header = _read_header(connection)
        log.warning("wrong passphrase (%d in a row)", failures)
        return WrongPassphraseError(failures=failures, retry_after=delay_after(failures))

    def _open_with(self, data_key: bytes) -> Vault:
        if self.header.failures:
            with self._db.write() as connection:
                _set_meta(connection, {"failures": "0", "last_failure": ""})
                self.header = _read_header(connection)
        self._migrate_if_needed()
        keys = VaultKeys.from_data_key(data_key, key_version=self.header.key_version)
        return Vault(self.profile, self._db, self.header, keys, clock=self.clock)

    def _migrate_if_needed(self) -> None:
        if not migrate.needs_upgrade(self.revision):
            return
        stamp = self.clock.now().strftime("%Y%m%dT%H%M%SZ")
        migrate.backup_copy(
            self.profile.vault_file, self.profile.backups, revision=self.revision, stamp=stamp
        )
        migrate.upgrade(self._db.engine)
        self.revision = migrate.head_revision()


class Vault:
    """An unlocked vault: the keys are in memory until ``close``."""

    def __init__(
        self,
        profile: Profile,
        db: _Database,
        header: Header,
        keys: VaultKeys,
        *,
        clock: Clock,
        codec: FieldCodec | None = None,
    ) -> None:
        self.profile = profile
        self.header = header
        self.clock = clock
        self._keys: VaultKeys | None = keys
        self._codec: FieldCodec | None = codec or EncryptedCodec(keys.fields)
        self._db = db

    @property
    def keys(self) -> VaultKeys:
        if self._keys is None:
            raise VaultClosed("the vault is locked")
        return self._keys

    @property
    def codec(self) -> FieldCodec:
        if self._codec is None:
            raise VaultClosed("the vault is locked")
        return self._codec

    @property
    def is_open(self) -> bool:
        return self._keys is not None

    @property
    def engine(self) -> Engine:
        return self._db.engine

    def write(self) -> contextlib.AbstractContextManager[Connection]:
        return self._db.write()

    def read(self) -> contextlib.AbstractContextManager[Connection]:
        return self._db.read()

    def change_passphrase(self, current: str, new: str, *, kdf: KdfParams | None = None) -> None:
        """Re-wrap the data key under ``new``; the records are not touched."""
        check_passphrase(new)
        try:
            data_key = unwrap_with_passphrase(
                self.header.passphrase, current, vault_id=self.header.vault_id
            )
        except WrongPassphrase:
            raise WrongPassphraseError(failures=0, retry_after=0) from None
        params = (kdf or self.header.passphrase.params).with_new_salt()
        slot = wrap_with_passphrase(data_key, new, vault_id=self.header.vault_id, params=params)
        with self.write() as connection:
            _write_slot(
                connection, "passphrase", slot.params_json(), slot.wrapped, self.clock.now()
            )
            self.header = _read_header(connection)
        log.info("vault passphrase changed")

    def meta(self, key: str) -> str | None:
        with self.read() as connection:
            return connection.execute(
                select(vault_meta.c.value).where(vault_meta.c.key == key)
            ).scalar()

    def set_meta(self, values: dict[str, str]) -> None:
        with self.write() as connection:
            _set_meta(connection, values)

    def close(self) -> None:
        """Drop the keys and close the file (the WAL is checkpointed into it)."""
        with contextlib.suppress(VaultError), self.write() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").close()
        self._db.dispose()
        self._keys = None
        self._codec = None


@dataclass(frozen=True, slots=True)
class NewVault:
    """What a new vault is made of."""

    label: str
    owner_id: str
    office_id: str
    recovery: RecoveryPublicKey | None
    kdf: KdfParams | None = None


def create_vault(
    profile: Profile,
    passphrase: str,
    spec: NewVault,
    *,
    clock: Clock,
    populate: Callable[[Vault], None] | None = None,
) -> Vault:
    """Create a vault atomically: it is built beside its final name and renamed into
    place only when complete, so a crash never leaves half a vault behind."""
    check_passphrase(passphrase)
    profile.make_folder()
    if profile.exists():
        raise VaultExists(f"there is already a vault in {profile.root}")
    building = profile.root / "vault.sqlite3.creating"
    _remove_with_sidecars(building)
    data_key = new_data_key()
    vault = _build(building, profile, passphrase, spec, data_key=data_key, clock=clock)
    try:
        if populate is not None:
            populate(vault)
    finally:
        vault.close()
    building.replace(profile.vault_file)
    _fsync_dir(profile.root)
    locked = LockedVault(profile, clock=clock)
    return locked._open_with(data_key)


def _build(
    path: Path, profile: Profile, passphrase: str, spec: NewVault, *, data_key: bytes, clock: Clock
) -> Vault:
    path.touch(mode=0o600)  # SQLite accepts an empty file as a new database
    db = _Database(open_engine(path))
    migrate.upgrade(db.engine)
    vault_id = new_id()
    slot = wrap_with_passphrase(
        data_key, passphrase, vault_id=vault_id, params=spec.kdf or calibrate()
    )
    now = clock.now()
    with db.write() as connection:
        _set_meta(
            connection,
            {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "vault_id": vault_id,
                "label": spec.label,
                "owner_id": spec.owner_id,
                "office_id": spec.office_id,
                "key_version": str(KEY_VERSION),
                "created_at": now.isoformat(),
                "failures": "0",
                "recovery_fingerprint": spec.recovery.fingerprint if spec.recovery else "",
            },
        )
        _write_slot(connection, "passphrase", slot.params_json(), slot.wrapped, now)
        if spec.recovery is not None:
            sealed = spec.recovery.seal(data_key, vault_id=vault_id)
            _write_slot(connection, "recovery", "{}", sealed, now)
        header = _read_header(connection)
    keys = VaultKeys.from_data_key(data_key, key_version=KEY_VERSION)
    return Vault(profile, db, header, keys, clock=clock)


def _refuse_foreign_file(path: Path) -> None:
    """NotAVault, without touching the file, unless it is an SQLite file with a header."""
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise NotAVault("this file is not an Outreach vault")
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            names = {
                r[0]
                for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise VaultCorrupt(
            "the vault file is damaged; run 'outreach-app check' and restore a backup"
        ) from exc
    if not {"vault_meta", "key_slots"} <= names:
        raise NotAVault("this file is not an Outreach vault")


def _remove_with_sidecars(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
