"""Partners, the citizen's consent to share with them, and referrals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from outreach_app.domain.errors import ConsentMissing, ValidationError
from outreach_app.domain.ids import CitizenId, ConsentId, PartnerId, ReferralId, new_id
from outreach_app.domain.partners import (
    CLOSED_REFERRAL,
    Consent,
    Partner,
    PartnerKind,
    Referral,
    ReferralStatus,
    check_consent,
)

GIVEN = date(2026, 1, 15)
EXPIRES = date(2026, 7, 15)
CITIZEN = CitizenId(new_id())
OTHER_CITIZEN = CitizenId(new_id())
DEBT_ADVICE = PartnerId(new_id())
LANGUAGE_SCHOOL = PartnerId(new_id())


def _consent(**changes: object) -> Consent:
    fields: dict[str, object] = {
        "id": ConsentId(new_id()),
        "citizen_id": CITIZEN,
        "scope": "gældsrådgivning: økonomi og gæld",
        "given_on": GIVEN,
        "partner_id": DEBT_ADVICE,
        "expires_on": EXPIRES,
    }
    fields.update(changes)
    return Consent(**fields)  # type: ignore[arg-type]


def _referral(**changes: object) -> Referral:
    fields: dict[str, object] = {
        "id": ReferralId(new_id()),
        "citizen_id": CITIZEN,
        "partner_id": DEBT_ADVICE,
        "consent_id": ConsentId(new_id()),
        "referred_on": GIVEN,
        "purpose": "Gældsrådgivning",
    }
    fields.update(changes)
    return Referral(**fields)  # type: ignore[arg-type]


# ---------------------------------------------------------------- Partner


def test_a_partner_needs_a_name_which_is_trimmed() -> None:
    """Partners are found by name; a blank name is refused, spaces around it dropped."""
    partner = Partner(id=DEBT_ADVICE, name="  Settlementet  ", kind=PartnerKind.CIVIL_SOCIETY)
    assert partner.name == "Settlementet"
    with pytest.raises(ValidationError):
        Partner(id=DEBT_ADVICE, name=" ", kind=PartnerKind.HEALTH)


# ---------------------------------------------------------------- Consent window


@pytest.mark.parametrize(
    ("day", "valid"),
    [
        (GIVEN - timedelta(days=1), False),
        (GIVEN, True),
        (GIVEN + timedelta(days=30), True),
        (EXPIRES, True),
        (EXPIRES + timedelta(days=1), False),
    ],
)
def test_consent_is_valid_from_the_day_given_to_the_expiry_day_inclusive(
    day: date, valid: bool
) -> None:
    """Consent counts from the day it was given up to and including its expiry day."""
    assert _consent().valid_on(day) is valid


def test_a_consent_without_expiry_stays_valid() -> None:
    """An open-ended consent is valid every day after it was given (until withdrawn)."""
    consent = _consent(expires_on=None)
    assert consent.valid_on(GIVEN + timedelta(days=3650))
    assert not consent.valid_on(GIVEN - timedelta(days=1))


def test_withdrawal_ends_the_consent_from_the_day_of_withdrawal() -> None:
    """A citizen who withdraws consent on a day may not be shared about that day."""
    withdrawn_on = GIVEN + timedelta(days=10)
    consent = _consent().withdrawn(withdrawn_on)
    assert consent.withdrawn_on == withdrawn_on
    assert consent.valid_on(withdrawn_on - timedelta(days=1))
    assert not consent.valid_on(withdrawn_on)
    assert not consent.valid_on(withdrawn_on + timedelta(days=1))
    assert not consent.valid_on(EXPIRES)


def test_a_consent_is_withdrawn_only_once() -> None:
    """The first withdrawal date is the record; a second one is refused."""
    consent = _consent().withdrawn(GIVEN + timedelta(days=1))
    with pytest.raises(ValidationError):
        consent.withdrawn(GIVEN + timedelta(days=2))


def test_consent_dates_must_not_lie_before_it_was_given() -> None:
    """An expiry or withdrawal before the consent was given is a typing mistake."""
    with pytest.raises(ValidationError):
        _consent(expires_on=GIVEN - timedelta(days=1))
    with pytest.raises(ValidationError):
        _consent().withdrawn(GIVEN - timedelta(days=1))


def test_a_consent_needs_a_scope() -> None:
    """Consent is always for something: a blank scope is refused."""
    with pytest.raises(ValidationError):
        _consent(scope="  ")


def test_a_partner_specific_consent_covers_only_that_partner() -> None:
    """Consent to share with the debt counsellors does not cover the language school."""
    consent = _consent()
    assert consent.covers(DEBT_ADVICE, GIVEN)
    assert not consent.covers(LANGUAGE_SCHOOL, GIVEN)


def test_a_general_consent_covers_any_partner_while_valid() -> None:
    """A consent naming no partner covers every partner of its scope, in its window."""
    consent = _consent(partner_id=None)
    assert consent.covers(DEBT_ADVICE, GIVEN)
    assert consent.covers(LANGUAGE_SCHOOL, EXPIRES)
    assert not consent.covers(LANGUAGE_SCHOOL, EXPIRES + timedelta(days=1))


# ---------------------------------------------------------------- check_consent


def test_check_consent_returns_a_covering_consent() -> None:
    """A valid consent for this citizen and partner allows the referral."""
    consent = _consent()
    assert check_consent(consent, citizen_id=CITIZEN, partner_id=DEBT_ADVICE, on=GIVEN) is consent


@pytest.mark.parametrize(
    ("consent", "partner", "day"),
    [
        (None, DEBT_ADVICE, GIVEN),
        (_consent(citizen_id=OTHER_CITIZEN), DEBT_ADVICE, GIVEN),
        (_consent(), DEBT_ADVICE, EXPIRES + timedelta(days=1)),
        (_consent(), DEBT_ADVICE, GIVEN - timedelta(days=1)),
        (_consent(withdrawn_on=GIVEN + timedelta(days=1)), DEBT_ADVICE, GIVEN + timedelta(days=1)),
        (_consent(), LANGUAGE_SCHOOL, GIVEN),
    ],
    ids=["missing", "other-citizen", "expired", "not-yet-given", "withdrawn", "other-partner"],
)
def test_check_consent_refuses_what_does_not_cover_the_referral(
    consent: Consent | None, partner: PartnerId, day: date
) -> None:
    """Sharing needs the citizen's own, current consent for this partner: a missing
    consent, another citizen's, an expired or withdrawn one, or one for another
    partner is refused with ConsentMissing."""
    with pytest.raises(ConsentMissing):
        check_consent(consent, citizen_id=CITIZEN, partner_id=partner, on=day)


# ---------------------------------------------------------------- Referral


@pytest.mark.parametrize("status", sorted(CLOSED_REFERRAL))
def test_closing_a_referral_records_the_closing_day(status: ReferralStatus) -> None:
    """Completed, declined and cancelled referrals are closed on the day they moved."""
    on = GIVEN + timedelta(days=20)
    closed = _referral().moved_to(status, on=on, outcome="Afsluttet")
    assert closed.status is status
    assert closed.closed_on == on
    assert closed.outcome == "Afsluttet"


@pytest.mark.parametrize("status", [ReferralStatus.ACCEPTED, ReferralStatus.STARTED])
def test_an_open_referral_has_no_closing_day(status: ReferralStatus) -> None:
    """Accepted or started referrals are still open, even after a reopening."""
    closed = _referral().moved_to(ReferralStatus.DECLINED, on=GIVEN + timedelta(days=1))
    reopened = closed.moved_to(status, on=GIVEN + timedelta(days=2))
    assert reopened.closed_on is None
    assert _referral().moved_to(status, on=GIVEN).closed_on is None


def test_the_closing_statuses_are_completed_declined_and_cancelled() -> None:
    """Exactly these three statuses close a referral."""
    assert {
        ReferralStatus.COMPLETED,
        ReferralStatus.DECLINED,
        ReferralStatus.CANCELLED,
    } == CLOSED_REFERRAL


def test_a_referral_cannot_close_before_it_was_made() -> None:
    """A closing day before the referral day is refused."""
    with pytest.raises(ValidationError):
        _referral().moved_to(ReferralStatus.COMPLETED, on=GIVEN - timedelta(days=1))


def test_a_referral_needs_a_purpose() -> None:
    """A referral says what the partner is asked to do."""
    with pytest.raises(ValidationError):
        _referral(purpose="")
