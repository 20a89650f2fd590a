"""The vault's repositories, one per record table."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table

from outreach_app.domain.contacts import Appointment, Contact
from outreach_app.domain.information import NewInformation
from outreach_app.domain.milestones import Milestone
from outreach_app.domain.notes import SessionNote
from outreach_app.domain.partners import Consent, Partner, Referral
from outreach_app.domain.people import Assignment, Citizen, Consultant, Office
from outreach_app.domain.phone import normalise_phone
from outreach_app.domain.plan import Plan
from outreach_app.domain.progression import ProgressionScore
from outreach_app.domain.queue import QueueEntry
from outreach_app.storage import schema
from outreach_app.storage.codec import FieldCodec
from outreach_app.storage.repository import E, Extra, OnDamage, Repository
from outreach_app.storage.vault import Vault

CPR_INDEX = "cpr"
PHONE_INDEX = "phone"


class Repositories:
    """Typed access to every record table of one unlocked vault."""

    def __init__(self, vault: Vault, *, on_damage: OnDamage | None = None) -> None:
        self._vault = vault

        def codec() -> FieldCodec:
            return vault.codec

        def repo(table: Table, entity: type[E], extra: Extra | None = None) -> Repository[E]:
            return Repository(table, entity, codec, extra=extra, on_damage=on_damage)

        self.offices = repo(schema.offices, Office)
        self.consultants = repo(schema.consultants, Consultant)
        self.citizens = repo(schema.citizens, Citizen, extra=self._citizen_index)
        self.assignments = repo(schema.assignments, Assignment)
        self.contacts = repo(schema.contacts, Contact)
        self.appointments = repo(schema.appointments, Appointment)
        self.notes = repo(schema.notes, SessionNote)
        self.plans = repo(schema.plans, Plan, extra=_plan_index)
        self.milestones = repo(schema.milestones, Milestone)
        self.scores = repo(schema.scores, ProgressionScore)
        self.partners = repo(schema.partners, Partner)
        self.consents = repo(schema.consents, Consent)
        self.referrals = repo(schema.referrals, Referral)
        self.information = repo(schema.information, NewInformation)
        self.queue = Repository(
            schema.walkin_queue, QueueEntry, codec, on_damage=on_damage, synced=False
        )

    def cpr_digest(self, cpr_digits: str) -> bytes:
        return self._vault.keys.blind.digest(CPR_INDEX, cpr_digits)

    def phone_digest(self, phone: str) -> bytes:
        return self._vault.keys.blind.digest(PHONE_INDEX, normalise_phone(phone))

    def _citizen_index(self, citizen: Citizen) -> dict[str, Any]:
        return {
            "cpr_bidx": self.cpr_digest(citizen.cpr) if citizen.cpr else None,
            "phone_bidx": self.phone_digest(citizen.phone) if citizen.phone else None,
        }


def _plan_index(plan: Plan) -> dict[str, Any]:
    return {"next_contact_at": plan.next_contact.at if plan.next_contact else None}
