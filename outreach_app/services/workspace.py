"""The Workspace: one open vault and the services the screens and commands use.

ws = Workspace.open(profile, passphrase)
hits = ws.citizens.search("ahmed")
note = ws.notes.start(hits[0].id)
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import func, select

from outreach_app.crypto.errors import IntegrityError
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
from outreach_app.services.search import CitizenHit, NameIndex
from outreach_app.services.today import QueueService, ReminderService
from outreach_app.storage import schema
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
        """Drop the keys and every decrypted name held in memory."""
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
        with self.vault.read() as connection:
            rows = connection.execute(query).all()
        for row in rows:
            self._index_row(row.id, row.first_name, row.last_name, row.cpr, row.status)
        log.info("name index loaded: %d citizens", len(self._ctx.index))

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
