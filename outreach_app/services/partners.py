"""Local partners, the citizen's consents, and referrals that need a consent."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from typing import Any

from outreach_app.domain.audit import AccessAction
from outreach_app.domain.ids import CitizenId, ConsentId, PartnerId, ReferralId, new_id
from outreach_app.domain.partners import (
    Consent,
    Partner,
    PartnerKind,
    Referral,
    ReferralStatus,
    check_consent,
)
from outreach_app.services.context import Context
from outreach_app.storage import schema

PARTNER_FIELDS = frozenset(
    {"name", "kind", "contact_person", "phone", "email", "address", "note", "active"}
)


class PartnerService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def add(self, name: str, kind: PartnerKind, **details: Any) -> Partner:
        partner = Partner(id=PartnerId(new_id()), name=name, kind=kind, **details)
        with self._ctx.vault.write() as connection:
            self._ctx.repos.partners.add(connection, partner, now=self._ctx.now())
        return partner

    def update(self, partner_id: PartnerId, **changes: Any) -> Partner:
        unknown = set(changes) - PARTNER_FIELDS
        if unknown:
            raise ValueError(f"not a partner field: {sorted(unknown)[0]}")
        with self._ctx.vault.write() as connection:
            before = self._ctx.repos.partners.require(connection, partner_id)
            after = dataclasses.replace(before, **changes)
            self._ctx.repos.partners.save(connection, before, after, now=self._ctx.now())
        return after

    def get(self, partner_id: PartnerId) -> Partner:
        with self._ctx.read() as connection:
            return self._ctx.repos.partners.require(connection, partner_id)

    def list(self, *, active_only: bool = True) -> list[Partner]:
        with self._ctx.read() as connection:
            where = [schema.partners.c.active == 1] if active_only else []
            partners = self._ctx.repos.partners.find(connection, *where)
        return sorted(partners, key=lambda p: p.name.casefold())


class ConsentService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def give(
        self,
        citizen_id: CitizenId,
        scope: str,
        *,
        partner_id: PartnerId | None = None,
        given_on: date | None = None,
        expires_on: date | None = None,
        details: str = "",
    ) -> Consent:
        consent = Consent(
            id=ConsentId(new_id()),
            citizen_id=citizen_id,
            scope=scope,
            partner_id=partner_id,
            given_on=given_on or self._ctx.today(),
            expires_on=expires_on,
            details=details,
        )
        with self._ctx.write(AccessAction.CONSENT_WRITE, citizen_id) as connection:
            self._ctx.repos.citizens.require(connection, citizen_id)
            self._ctx.repos.consents.add(connection, consent, now=self._ctx.now())
        return consent

    def withdraw(self, consent_id: ConsentId, *, on: date | None = None) -> Consent:
        with self._ctx.vault.write() as connection:
            before = self._ctx.repos.consents.require(connection, consent_id)
            after = before.withdrawn(on or self._ctx.today())
            self._ctx.repos.consents.save(connection, before, after, now=self._ctx.now())
            self._ctx.audit.record(
                connection, AccessAction.CONSENT_WRITE, citizen_id=before.citizen_id
            )
        return after

    def for_citizen(self, citizen_id: CitizenId) -> list[Consent]:
        table = schema.consents
        with self._ctx.read() as connection:
            return self._ctx.repos.consents.find(
                connection, table.c.citizen_id == citizen_id, order_by=(table.c.given_on.desc(),)
            )

    def expiring(self, *, within_days: int = 30) -> list[Consent]:
        """Valid consents that expire within the next ``within_days`` days."""
        today = self._ctx.today()
        table = schema.consents
        with self._ctx.read() as connection:
            return self._ctx.repos.consents.find(
                connection,
                table.c.withdrawn_on.is_(None),
                table.c.expires_on.is_not(None),
                table.c.expires_on >= today,
                table.c.expires_on <= today + timedelta(days=within_days),
                order_by=(table.c.expires_on,),
            )


class ReferralService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def refer(
        self,
        citizen_id: CitizenId,
        partner_id: PartnerId,
        *,
        purpose: str,
        consent_id: ConsentId | None,
        on: date | None = None,
    ) -> Referral:
        """Refer the citizen to a partner; refused without a consent that covers it."""
        day = on or self._ctx.today()
        with self._ctx.write(AccessAction.REFERRAL_WRITE, citizen_id) as connection:
            consent = self._ctx.repos.consents.get(connection, consent_id) if consent_id else None
            valid = check_consent(consent, citizen_id=citizen_id, partner_id=partner_id, on=day)
            self._ctx.repos.partners.require(connection, partner_id)
            referral = Referral(
                id=ReferralId(new_id()),
                citizen_id=citizen_id,
                partner_id=partner_id,
                consent_id=valid.id,
                referred_on=day,
                purpose=purpose,
            )
            self._ctx.repos.referrals.add(connection, referral, now=self._ctx.now())
        return referral

    def move(
        self,
        referral_id: ReferralId,
        status: ReferralStatus,
        *,
        outcome: str = "",
        on: date | None = None,
    ) -> Referral:
        with self._ctx.vault.write() as connection:
            before = self._ctx.repos.referrals.require(connection, referral_id)
            after = before.moved_to(status, on=on or self._ctx.today(), outcome=outcome)
            self._ctx.repos.referrals.save(connection, before, after, now=self._ctx.now())
            self._ctx.audit.record(
                connection, AccessAction.REFERRAL_WRITE, citizen_id=before.citizen_id
            )
        return after

    def for_citizen(self, citizen_id: CitizenId) -> list[Referral]:
        table = schema.referrals
        with self._ctx.read() as connection:
            return self._ctx.repos.referrals.find(
                connection, table.c.citizen_id == citizen_id, order_by=(table.c.referred_on.desc(),)
            )

    def all(self) -> list[Referral]:
        with self._ctx.read() as connection:
            return self._ctx.repos.referrals.find(connection)
