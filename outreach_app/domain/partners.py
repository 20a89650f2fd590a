"""Local partners, the citizen's consents, and referrals that need them."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from outreach_app.domain.errors import ConsentMissing, ValidationError
from outreach_app.domain.ids import CitizenId, ConsentId, PartnerId, ReferralId
from outreach_app.domain.rules import Private, date_order, optional_text, required_text


class PartnerKind(StrEnum):
    CIVIL_SOCIETY = "civil_society"
    HOUSING_SOCIAL = "housing_social"
    HEALTH = "health"
    DEBT_COUNSELLING = "debt_counselling"
    LANGUAGE_SCHOOL = "language_school"
    EMPLOYER = "employer"
    EDUCATION = "education"
    OTHER = "other"


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class Partner(Private):
    id: PartnerId
    name: str
    kind: PartnerKind
    contact_person: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    note: str = ""
    active: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", required_text("partner name", self.name))
        for name in ("contact_person", "phone", "email", "address", "note"):
            optional_text(name, getattr(self, name))


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class Consent(Private):
    """The citizen's consent to share information, for a scope, with one partner or
    (partner None) with the partners the scope names."""

    id: ConsentId
    citizen_id: CitizenId
    scope: str
    given_on: date
    partner_id: PartnerId | None = None
    expires_on: date | None = None
    withdrawn_on: date | None = None
    details: str = ""

    def __post_init__(self) -> None:
        required_text("scope", self.scope, limit=2_000)
        optional_text("details", self.details)
        date_order("consent expiry", self.given_on, self.expires_on)
        date_order("consent withdrawal", self.given_on, self.withdrawn_on)

    def valid_on(self, day: date) -> bool:
        if day < self.given_on:
            return False
        if self.withdrawn_on is not None and day >= self.withdrawn_on:
            return False
        return self.expires_on is None or day <= self.expires_on

    def covers(self, partner_id: PartnerId, day: date) -> bool:
        """Whether this consent allows sharing with ``partner_id`` on ``day``."""
        return self.valid_on(day) and self.partner_id in (None, partner_id)

    def withdrawn(self, on: date) -> Consent:
        if self.withdrawn_on is not None:
            raise ValidationError("withdrawn_on", "the consent is already withdrawn")
        return dataclasses.replace(self, withdrawn_on=on)


class ReferralStatus(StrEnum):
    SENT = "sent"
    ACCEPTED = "accepted"
    STARTED = "started"
    COMPLETED = "completed"
    DECLINED = "declined"
    CANCELLED = "cancelled"


CLOSED_REFERRAL = frozenset(
    {ReferralStatus.COMPLETED, ReferralStatus.DECLINED, ReferralStatus.CANCELLED}
)


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class Referral(Private):
    id: ReferralId
    citizen_id: CitizenId
    partner_id: PartnerId
    consent_id: ConsentId
    referred_on: date
    purpose: str
    status: ReferralStatus = ReferralStatus.SENT
    outcome: str = ""
    closed_on: date | None = None

    def __post_init__(self) -> None:
        required_text("purpose", self.purpose, limit=2_000)
        optional_text("outcome", self.outcome)
        date_order("referral closing", self.referred_on, self.closed_on)

    def moved_to(self, status: ReferralStatus, *, on: date, outcome: str = "") -> Referral:
        closed_on = on if status in CLOSED_REFERRAL else None
        return dataclasses.replace(self, status=status, outcome=outcome, closed_on=closed_on)


def check_consent(
    consent: Consent | None, *, citizen_id: CitizenId, partner_id: PartnerId, on: date
) -> Consent:
    """The consent that allows referring ``citizen_id`` to ``partner_id`` on ``on``."""
    if consent is None or consent.citizen_id != citizen_id:
        raise ConsentMissing("a referral needs the citizen's consent")
    if not consent.covers(partner_id, on):
        raise ConsentMissing("the consent does not cover this partner on this day")
    return consent
