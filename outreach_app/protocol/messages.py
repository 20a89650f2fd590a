"""The messages of the synchronisation protocol (SPEC.md), as pydantic models.

These models are the only thing the device and the central service share. Field
values travel as JSON inside TLS; each side keeps them encrypted at rest with its own
keys.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

PROTOCOL_VERSION = 1
SUPPORTED_VERSIONS = (1,)
PROTOCOL_HEADER = "Outreach-Protocol"

#: Changes per push this version sends and accepts; the service announces its own
#: limit in the status, and one that announces none takes 500 (SPEC §5, §8).
MAX_CHANGES = 1000
UNANNOUNCED_MAX_CHANGES = 500
MAX_BODY_BYTES = 8 * 1024 * 1024
MAX_RECORD_BYTES = 2 * 1024 * 1024
MAX_PULL = 1000
MAX_LOG_ENTRIES = 5000
#: Content codings of a request body besides plain JSON, preferred first (SPEC §3).
BODY_ENCODINGS = ("zstd", "gzip")
#: What a device assumes of a service whose status names no encodings.
UNANNOUNCED_ENCODINGS = ("gzip",)
#: The largest window a zstd body may need (SPEC §3).
ZSTD_MAX_WINDOW = 8 * 1024 * 1024
CODE_PREFIX = "OUTREACH1."

Uuid = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
]
Seq = Annotated[int, Field(ge=0, le=2**62)]
FieldName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]


class Kind(StrEnum):
    OFFICES = "offices"
    CONSULTANTS = "consultants"
    CITIZENS = "citizens"
    ASSIGNMENTS = "assignments"
    CONTACTS = "contacts"
    APPOINTMENTS = "appointments"
    NOTES = "notes"
    PLANS = "plans"
    MILESTONES = "milestones"
    SCORES = "scores"
    PARTNERS = "partners"
    CONSENTS = "consents"
    REFERRALS = "referrals"
    INFORMATION = "information"


OFFICE_KINDS = frozenset({Kind.OFFICES, Kind.CONSULTANTS, Kind.PARTNERS})
CITIZEN_KINDS = frozenset(Kind) - OFFICE_KINDS


class Message(BaseModel):
    """A request: the service refuses fields it does not know."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Answer(BaseModel):
    """What the service sends: a device ignores fields it does not know, so a newer
    service can add optional fields without breaking older programs."""

    model_config = ConfigDict(extra="ignore", frozen=True)


# -- enrolment and status ---------------------------------------------------------------


class EnrolRequest(Message):
    secret: Annotated[str, StringConstraints(min_length=16, max_length=200)]
    device_name: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    protocol: int = PROTOCOL_VERSION


class EnrolResponse(Answer):
    device_id: Uuid
    credential: str
    consultant_id: Uuid
    office_id: Uuid
    recovery_public_key: str
    server_seq: Seq


class DeviceState(StrEnum):
    ACTIVE = "active"
    REVOKED = "revoked"
    STOLEN = "stolen"


class StatusResponse(Answer):
    device_id: Uuid
    consultant_id: Uuid
    state: DeviceState
    server_seq: Seq
    protocols: list[int]
    #: Days a device may go without a sync before it locks itself (SPEC §5).
    offline_lock_days: Annotated[int, Field(ge=1, le=365)] | None = None
    #: The most changes the service takes in one push (SPEC §5; 500 when not given).
    max_changes: Annotated[int, Field(ge=1)] | None = None
    #: Content codings the service reads in a request body (SPEC §3; gzip when not given).
    encodings: list[Annotated[str, StringConstraints(max_length=32)]] | None = None


# -- push -----------------------------------------------------------------------------------


class Op(StrEnum):
    UPSERT = "upsert"
    DELETE = "delete"


class Change(Message):
    change_id: Uuid
    kind: Kind
    id: Uuid
    op: Op = Op.UPSERT
    base_rev: Seq | None = None
    fields: dict[FieldName, Any] = Field(default_factory=dict)


class LogEntry(Message):
    seq: Annotated[int, Field(ge=1)]
    id: Uuid
    at: datetime
    action: Annotated[str, StringConstraints(min_length=1, max_length=32)]
    citizen_id: Uuid | None = None
    detail: Annotated[str, StringConstraints(max_length=20_000)] = ""


class PushRequest(Message):
    cursor: Seq
    changes: Annotated[list[Change], Field(max_length=MAX_CHANGES)] = Field(default_factory=list)
    access_log: Annotated[list[LogEntry], Field(max_length=MAX_LOG_ENTRIES)] = Field(
        default_factory=list
    )


class Outcome(StrEnum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"
    CONFLICT = "conflict"
    QUARANTINED = "quarantined"
    FORBIDDEN = "forbidden"


class FieldConflict(Answer):
    field: FieldName
    service_value: Any = None
    device_value: Any = None


class ChangeResult(Answer):
    change_id: Uuid
    outcome: Outcome
    rev: Seq | None = None
    conflicts: list[FieldConflict] = Field(default_factory=list)
    reason: str = ""


class PushResponse(Answer):
    results: list[ChangeResult]
    access_log_through: Annotated[int, Field(ge=0)]
    server_seq: Seq


# -- pull -------------------------------------------------------------------------------------


class PullRequest(Message):
    cursor: Seq
    limit: Annotated[int, Field(ge=1, le=MAX_PULL)] = MAX_PULL


class Record(Answer):
    kind: Kind
    id: Uuid
    rev: Seq
    deleted: bool = False
    fields: dict[FieldName, Any]


class NoticeType(StrEnum):
    LEFT_SCOPE = "left_scope"
    MERGED = "merged"
    CONFLICT = "conflict"


class Notice(Answer):
    seq: Seq
    type: NoticeType
    citizen_id: Uuid | None = None
    from_citizen: Uuid | None = None
    into_citizen: Uuid | None = None
    kind: Kind | None = None
    id: Uuid | None = None
    field: FieldName | None = None
    service_value: Any = None
    device_value: Any = None


class PullResponse(Answer):
    records: list[Record]
    notices: list[Notice]
    cursor: Seq
    more: bool


# -- errors ------------------------------------------------------------------------------------


ErrorCode = Literal[
    "bad_request",
    "unauthorised",
    "device_revoked",
    "invalid_code",
    "code_expired",
    "pull_refused",
    "code_used",
    "too_large",
    "unsupported_encoding",
    "protocol_unsupported",
    "unavailable",
    "not_found",
]


class ErrorResponse(Answer):
    error: ErrorCode
    message: str
    stolen: bool | None = None
    supported: list[int] | None = None


class EnrolmentCode(Answer):
    """What the one-time enrolment code carries (base64url JSON after CODE_PREFIX)."""

    url: str
    fingerprint: Annotated[str, StringConstraints(pattern=r"^sha256:[0-9a-f]{64}$")]
    secret: str
    expires: datetime
