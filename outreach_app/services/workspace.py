"""The Workspace: one open vault and the services the screens and commands use.

ws = Workspace.open(profile, passphrase)
hits = ws.citizens.search("ahmed")
note = ws.notes.start(hits[0].id)
"""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import func, select

from outreach_app.crypto.errors import IntegrityError, SnapshotError
from outreach_app.crypto.kdf import KdfParams
from outreach_app.crypto.recovery import RecoveryPublicKey
from outreach_app.domain.clock import Clock, SystemClock
from outreach_app.domain.ids import CitizenId, ConsultantId, OfficeId, new_id
from outreach_app.domain.people import CitizenStatus, Consultant, Office
from outreach_app.services.agenda import AgendaService, ContactService
from outreach_app.services.assignments import AssignmentService
from outreach_app.services.audit import AccessLog
from outreach_app.services.casework import (
    InformationService,
    MilestoneService,
    PlanService,
    ProgressionService,
)
from outreach_app.services.citizens import CitizenService
from outreach_app.services.context import Context
from outreach_app.services.notes import NoteService
from outreach_app.services.partners import ConsentService, PartnerService, ReferralService
from outreach_app.services.search import (
    INDEX_SNAPSHOT,
    CitizenHit,
    NameIndex,
    decode_rows,
    encode_rows,
)
from outreach_app.services.today import QueueService, ReminderService
from outreach_app.storage import index_state, schema
from outreach_app.storage.errors import VaultError
from outreach_app.storage.profile import Profile
from outreach_app.storage.repos import Repositories
from outreach_app.storage.repository import Repository
from outreach_app.storage.vault import LockedVault, NewVault, Vault, create_vault

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class NewProfile:
    """What the consultant types when making a profile."""

    consultant_name: str
    office_name: str
    label: str = ""
    consultant_phone: str = ""
    consultant_email: str = ""


class Workspace:
    """Owns one unlocked vault and hands out typed services."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        #: Records found damaged while listing (each names table, column and row id).
        self.damaged: list[IntegrityError] = []
        me = ConsultantId(vault.header.owner_id)
        self._ctx = Context(
            vault=vault,
            repos=Repositories(vault, on_damage=self._damage),
            audit=AccessLog(vault, actor=me),
            clock=vault.clock,
            me=me,
            index=NameIndex(cpr_mask=self._masked_cpr),
        )
        self.citizens = CitizenService(self._ctx)
        self.assignments = AssignmentService(self._ctx)
        self.notes = NoteService(self._ctx)
        self.contacts = ContactService(self._ctx)
        self.agenda = AgendaService(self._ctx)
        self.plans = PlanService(self._ctx)
        self.milestones = MilestoneService(self._ctx)
        self.progression = ProgressionService(self._ctx)
        self.partners = PartnerService(self._ctx)
        self.consents = ConsentService(self._ctx)
        self.referrals = ReferralService(self._ctx)
        self.information = InformationService(self._ctx)
        self.queue = QueueService(self._ctx)
        self.reminders = ReminderService(self._ctx)
        self.audit = self._ctx.audit
        #: The change counter the name index was made at (None: unknown).
        self._index_counter: int | None = None
        self._stored_snapshot_failed = False  # it did not open: replace it on closing
        if not self._restore_index():
            self.reload_index()

    # -- opening and closing -----------------------------------------------------

    @classmethod
    def open(cls, profile: Profile, passphrase: str, *, clock: Clock | None = None) -> Workspace:
        """Unlock the profile's vault (WrongPassphraseError, UnlockThrottled, ...)."""
        locked = LockedVault(profile, clock=clock or SystemClock())
        try:
            vault = locked.unlock(passphrase)
        except Exception:
            locked.close()
            raise
        return cls(vault)

    @classmethod
    def create(
        cls,
        profile: Profile,
        passphrase: str,
        details: NewProfile,
        *,
        recovery: RecoveryPublicKey | None,
        clock: Clock | None = None,
        kdf: KdfParams | None = None,
        issued: tuple[ConsultantId, OfficeId] | None = None,
    ) -> Workspace:
        """A new profile with its vault, office and consultant.

        ``issued`` are the consultant's and office's ids given by the central service
        at enrolment: those two records then belong to the service and are not queued
        to be sent (the first pull brings the service's version of them)."""
        me_id, office_id = issued or (ConsultantId(new_id()), OfficeId(new_id()))
        office = Office(id=office_id, name=details.office_name)
        me = Consultant(
            id=me_id,
            office_id=office.id,
            name=details.consultant_name,
            phone=details.consultant_phone,
            email=details.consultant_email,
        )
        spec = NewVault(
            label=details.label or office.name,
            owner_id=me.id,
            office_id=office.id,
            recovery=recovery,
            kdf=kdf,
        )

        def populate(vault: Vault) -> None:
            offices, consultants = Repositories(vault).offices, Repositories(vault).consultants
            if issued is not None:
                offices = Repository(schema.offices, Office, lambda: vault.codec, synced=False)
                consultants = Repository(
                    schema.consultants, Consultant, lambda: vault.codec, synced=False
                )
            with vault.write() as connection:
                offices.add(connection, office, now=vault.clock.now())
                consultants.add(connection, me, now=vault.clock.now())

        vault = create_vault(
            profile, passphrase, spec, clock=clock or SystemClock(), populate=populate
        )
        log.info("profile created")
        return cls(vault)

    def close(self) -> None:
        """Store the name index's snapshot if it is out of date, then drop the keys and
        every decrypted name held in memory."""
        try:
            if self.vault.is_open:
                self._save_index_quietly()
        finally:
            self._ctx.index.clear()
            self.vault.close()

    @property
    def is_open(self) -> bool:
        return self.vault.is_open

    # -- who and where -----------------------------------------------------------

    @property
    def me_id(self) -> ConsultantId:
        return self._ctx.me

    @property
    def clock(self) -> Clock:
        return self._ctx.clock

    def me(self) -> Consultant:
        with self.vault.read() as connection:
            return self._ctx.repos.consultants.require(connection, self._ctx.me)

    def office(self) -> Office:
        with self.vault.read() as connection:
            return self._ctx.repos.offices.require(connection, self.vault.header.office_id)

    @property
    def repos(self) -> Repositories:
        return self._ctx.repos

    def pending_changes(self) -> int:
        """Changes made on this laptop and not yet acknowledged by the central service."""
        query = (
            select(func.count()).select_from(schema.outbox).where(schema.outbox.c.sent_at.is_(None))
        )
        with self.vault.read() as connection:
            return int(connection.execute(query).scalar_one())

    def _damage(self, damage: IntegrityError) -> None:
        log.error("damaged record: %s", damage)
        self.damaged.append(damage)

    # -- the in-memory name index --------------------------------------------------

    def reload_index(self) -> None:
        """(Re)build the name index from the vault, e.g. after a bulk import. Only
        the names are opened now; CPR numbers are opened when first shown."""
        self._ctx.index.clear()
        table = schema.citizens
        query = select(
            table.c.id, table.c.first_name, table.c.last_name, table.c.cpr, table.c.status
        ).where(table.c.deleted_at.is_(None))
        with self.vault.read() as connection:  # the rows and their counter, one snapshot
            counter = index_state.read_counter(connection)
            rows = connection.execute(query).all()
        with _collector_paused():
            for row in rows:
                self._index_row(row.id, row.first_name, row.last_name, row.cpr, row.status)
        self._index_counter = counter
        log.info("name index loaded: %d citizens", len(self._ctx.index))

    def save_index_snapshot(self) -> bool:
        """Store the name index in the vault, sealed and bound to the change counter,
        so the next unlock reads it instead of opening every name. If the citizens
        changed since the index was made (here, by a sync, or by anything else), the
        index is first rebuilt from the records. False when nothing was stored: the
        stored snapshot is current, the vault has no counter to trust, or a change came
        in meanwhile (the next unlock then rebuilds)."""
        with self.vault.read() as connection:
            current = index_state.snapshot_is_current(connection)
            counter = index_state.read_counter(connection)
        if (current and not self._stored_snapshot_failed) or counter is None:
            return False
        if counter != self._index_counter:
            self.reload_index()
        made_at = self._index_counter
        if made_at is None:
            return False
        raw = encode_rows(self._ctx.index.rows())
        sealed = self.vault.keys.snapshots.seal(raw, kind=INDEX_SNAPSHOT, counter=made_at)
        with self.vault.write() as connection:
            stored = index_state.store_snapshot(connection, sealed, counter=made_at)
        if stored:
            self._stored_snapshot_failed = False
            log.info("name index snapshot stored: %d citizens", len(self._ctx.index))
        return stored

    def _save_index_quietly(self) -> None:
        """On closing: a snapshot that cannot be stored is no reason not to close."""
        try:
            self.save_index_snapshot()
        except VaultError as problem:
            log.warning("name index snapshot not stored (%s)", type(problem).__name__)

    def _restore_index(self) -> bool:
        """The name index from its snapshot, if it was made at the present change
        counter and opens and reads intact; False (and nothing loaded) otherwise."""
        with self.vault.read() as connection:
            state = index_state.read_state(connection)
        if state is None or state.sealed is None or not state.snapshot_is_current:
            return False
        try:
            raw = self.vault.keys.snapshots.open(
                state.sealed, kind=INDEX_SNAPSHOT, counter=state.counter
            )
            with _collector_paused():
                rows = decode_rows(raw)
                self._ctx.index.restore(rows)
        except (SnapshotError, ValueError) as problem:
            log.warning("name index snapshot not used, rebuilding: %s", problem)
            self._stored_snapshot_failed = True
            return False
        self._index_counter = state.counter
        log.info("name index loaded from its snapshot: %d citizens", len(rows))
        return True

    def _index_row(self, row_id: str, first: bytes, last: bytes, cpr: bytes, status: str) -> None:
        codec = self.vault.codec
        try:
            names = [
                codec.open(value, table="citizens", column=column, row_id=row_id)
                for column, value in (("first_name", first), ("last_name", last))
            ]
        except IntegrityError as damage:
            self._damage(damage)
            return
        hit = CitizenHit(CitizenId(row_id), names[0], names[1], "", CitizenStatus(status))
        self._ctx.index.put_hit(hit, sealed_cpr=bytes(cpr))

    def _masked_cpr(self, citizen_id: CitizenId, sealed: bytes) -> str:
        try:
            cpr = self.vault.codec.open(sealed, table="citizens", column="cpr", row_id=citizen_id)
        except IntegrityError as damage:
            self._damage(damage)
            return ""
        return f"{cpr[:6]}-xxxx" if cpr else ""


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the index's tens of thousands of small
    objects are made: none of them is garbage, and the collector's passes over the
    whole heap would otherwise cost more than making them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
