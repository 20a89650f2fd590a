"""The fields of every synchronised kind, with the JSON type each value must have.

Both sides check a change against this catalogue: the device before it sends, the
service before it applies (an unknown field or a value of the wrong type is
quarantined, SPEC.md §6.5). A test holds it equal to the vault's tables.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from outreach_app.protocol.messages import Kind


class FieldType(StrEnum):
    TEXT = "text"  # a string
    INT = "int"  # an integer
    TIME = "time"  # an ISO 8601 timestamp with a UTC offset
    DATE = "date"  # an ISO 8601 calendar date
    ID = "id"  # a UUID
    JSON = "json"  # any JSON value (an encrypted column of the vault)


T, N, TM, D, ID, J = (
    FieldType.TEXT,
    FieldType.INT,
    FieldType.TIME,
    FieldType.DATE,
    FieldType.ID,
    FieldType.JSON,
)

#: Fields every record carries besides its own (the record's id travels apart).
STAMPS: Mapping[str, FieldType] = {"created_at": TM, "updated_at": TM, "deleted_at": TM}

#: Field name -> type, per kind; ``None`` values are allowed for every field.
FIELDS: Mapping[Kind, Mapping[str, FieldType]] = {
    Kind.OFFICES: {"name": J},
    Kind.CONSULTANTS: {"office_id": ID, "name": J, "phone": J, "email": J},
    Kind.CITIZENS: {
        "first_name": J,
        "last_name": J,
        "cpr": J,
        "phone": J,
        "email": J,
        "address": J,
        "target_group": J,
        "language": J,
        "status": T,
    },
    Kind.ASSIGNMENTS: {
        "citizen_id": ID,
        "consultant_id": ID,
        "started_at": TM,
        "ended_at": TM,
        "reason": J,
    },
    Kind.CONTACTS: {
        "citizen_id": ID,
        "consultant_id": ID,
        "kind": T,
        "occurred_at": TM,
        "duration_min": N,
        "partner_id": ID,
        "appointment_id": ID,
        "attendance": T,
    },
    Kind.APPOINTMENTS: {
        "citizen_id": ID,
        "consultant_id": ID,
        "kind": T,
        "starts_at": TM,
        "duration_min": N,
        "place": J,
        "note": J,
        "initiator": T,
        "status": T,
        "contact_id": ID,
        "partner_id": ID,
    },
    Kind.NOTES: {
        "citizen_id": ID,
        "consultant_id": ID,
        "contact_id": ID,
        "corrects_id": ID,
        "kind": T,
        "occurred_at": TM,
        "duration_min": N,
        "topics": J,
        "text": J,
        "agreements": J,
        "next_contact": J,
        "status": T,
        "finished_at": TM,
    },
    Kind.PLANS: {
        "citizen_id": ID,
        "goal": J,
        "agreements": J,
        "activities": J,
        "next_contact": J,
    },
    Kind.MILESTONES: {
        "citizen_id": ID,
        "kind": J,
        "starts_on": D,
        "ends_on": D,
        "partner_id": ID,
        "note": J,
    },
    Kind.SCORES: {
        "citizen_id": ID,
        "consultant_id": ID,
        "area": T,
        "score": J,
        "scored_on": D,
        "note": J,
    },
    Kind.PARTNERS: {
        "name": J,
        "kind": T,
        "contact_person": J,
        "phone": J,
        "email": J,
        "address": J,
        "note": J,
        "active": N,
    },
    Kind.CONSENTS: {
        "citizen_id": ID,
        "partner_id": ID,
        "scope": J,
        "details": J,
        "given_on": D,
        "expires_on": D,
        "withdrawn_on": D,
    },
    Kind.REFERRALS: {
        "citizen_id": ID,
        "partner_id": ID,
        "consent_id": ID,
        "referred_on": D,
        "purpose": J,
        "status": T,
        "outcome": J,
        "closed_on": D,
    },
    Kind.INFORMATION: {
        "citizen_id": ID,
        "source": T,
        "partner_id": ID,
        "received_at": TM,
        "summary": J,
        "handled_at": TM,
    },
}

#: Fields without which a new record of the kind is refused.
REQUIRED: Mapping[Kind, frozenset[str]] = {
    Kind.OFFICES: frozenset(),
    Kind.CONSULTANTS: frozenset({"office_id"}),
    Kind.CITIZENS: frozenset({"status"}),
    Kind.ASSIGNMENTS: frozenset({"citizen_id", "consultant_id", "started_at"}),
    Kind.CONTACTS: frozenset({"citizen_id", "consultant_id", "kind", "occurred_at"}),
    Kind.APPOINTMENTS: frozenset(
        {"citizen_id", "consultant_id", "kind", "starts_at", "duration_min", "status"}
    ),
    Kind.NOTES: frozenset({"citizen_id", "consultant_id", "kind", "occurred_at", "status"}),
    Kind.PLANS: frozenset({"citizen_id"}),
    Kind.MILESTONES: frozenset({"citizen_id", "starts_on"}),
    Kind.SCORES: frozenset({"citizen_id", "consultant_id", "area", "scored_on"}),
    Kind.PARTNERS: frozenset({"kind"}),
    Kind.CONSENTS: frozenset({"citizen_id", "given_on"}),
    Kind.REFERRALS: frozenset({"citizen_id", "partner_id", "consent_id", "referred_on", "status"}),
    Kind.INFORMATION: frozenset({"citizen_id", "source", "received_at"}),
}

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def all_fields(kind: Kind) -> Mapping[str, FieldType]:
    return _ALL_FIELDS[kind]


def field_problem(kind: Kind, name: str, value: Any) -> str | None:
    """Why ``value`` cannot be the field ``name`` of a ``kind`` record, or None."""
    expected = all_fields(kind).get(name)
    if expected is None:
        return f"{kind.value} has no field {name!r}"
    if value is None or expected is FieldType.JSON:
        return None
    if not _fits(expected, value):
        return f"{kind.value}.{name} must be a {expected.value} value"
    return None


def record_problem(kind: Kind, fields: Mapping[str, Any], *, new: bool) -> str | None:
    """The first problem with the fields of a change, or None. (Both ends check every
    field of every change; the loop reads one table of checks per kind.)"""
    checks = _FIELD_CHECKS[kind]
    for name, value in fields.items():
        check = checks.get(name, _NO_FIELD)
        if check is _NO_FIELD or (value is not None and check is not None and not check(value)):
            return field_problem(kind, name, value)
    if new and None in map(fields.get, REQUIRED[kind]):
        missing = sorted(n for n in REQUIRED[kind] if fields.get(n) is None)
        return f"a new {kind.value} record lacks {', '.join(missing)}"
    return None


def _fits(expected: FieldType, value: Any) -> bool:
    return bool(_CHECKS[expected](value))


def _is_time(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def _is_date(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


_CHECKS: dict[FieldType, Callable[[Any], bool]] = {
    FieldType.TEXT: lambda v: isinstance(v, str) and len(v) <= 64,
    FieldType.INT: lambda v: isinstance(v, int) and not isinstance(v, bool),
    FieldType.ID: lambda v: isinstance(v, str) and bool(_UUID.match(v)),
    FieldType.TIME: _is_time,
    FieldType.DATE: _is_date,
}
#: Every field of each kind with the stamps, built once (read-only).
_ALL_FIELDS: dict[Kind, Mapping[str, FieldType]] = {
    kind: MappingProxyType({**FIELDS[kind], **STAMPS}) for kind in FIELDS
}
#: Each kind's fields with the check of their values (None: any value will do).
_FIELD_CHECKS: dict[Kind, dict[str, Callable[[Any], bool] | None]] = {
    kind: {name: _CHECKS.get(expected) for name, expected in fields.items()}
    for kind, fields in _ALL_FIELDS.items()
}


def _no_field(value: Any) -> bool:
    return False


_NO_FIELD: Callable[[Any], bool] = _no_field
