"""Enrolment codes (made by the main office) and enrolling a device with one (SPEC §4)."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, insert, select, update

from outreach_app.domain.ids import new_id
from outreach_app.protocol.codes import encode_code
from outreach_app.protocol.messages import (
    SUPPORTED_VERSIONS,
    DeviceState,
    EnrolmentCode,
    EnrolRequest,
    EnrolResponse,
    Kind,
)
from outreach_app.server import tables as t
from outreach_app.server.db import writing
from outreach_app.server.errors import ApiError, protocol_unsupported
from outreach_app.server.keys import ServerKeys, new_token, recovery_public_pem, salted_hash
from outreach_app.server.store import Store

log = logging.getLogger(__name__)

CODE_HOURS = 24.0


class UnknownConsultant(ValueError):
    """No consultant with that id."""


@dataclass(frozen=True, slots=True)
class IssuedCode:
    code: str
    expires: datetime


def issue_code(
    engine: Engine,
    keys: ServerKeys,
    *,
    consultant_id: str,
    url: str,
    fingerprint: str,
    valid_hours: float = CODE_HOURS,
) -> IssuedCode:
    """A one-time enrolment code for a device of ``consultant_id``."""
    secret = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    expires = now + timedelta(hours=valid_hours)
    with writing(engine) as (conn, seqs):
        store = Store(conn, seqs, keys)
        consultant = store.get_plain(Kind.CONSULTANTS, consultant_id)
        if consultant is None or consultant.deleted:
            raise UnknownConsultant("no consultant with that id")
        conn.execute(
            insert(t.enrol_codes).values(
                secret_hash=keys.lookup_hash(secret),
                consultant_id=consultant_id,
                created_at=now.isoformat(),
                expires_at=expires.isoformat(),
            )
        )
        store.audit(
            actor="admin", action="device.code", outcome="applied", consultant_id=consultant_id
        )
    code = EnrolmentCode(url=url, fingerprint=fingerprint, secret=secret, expires=expires)
    return IssuedCode(code=encode_code(code), expires=expires)


def enrol(engine: Engine, keys: ServerKeys, data: Path, request: EnrolRequest) -> EnrolResponse:
    if request.protocol not in SUPPORTED_VERSIONS:
        raise protocol_unsupported()
    now = datetime.now(UTC)
    with writing(engine) as (conn, seqs):
        store = Store(conn, seqs, keys)
        found = conn.execute(
            select(t.enrol_codes).where(
                t.enrol_codes.c.secret_hash == keys.lookup_hash(request.secret)
            )
        ).first()
        if found is None:
            raise ApiError(401, "invalid_code", "the enrolment code is not known")
        code = found._mapping
        if code["used_at"] is not None:
            raise ApiError(409, "code_used", "the enrolment code has been used already")
        if datetime.fromisoformat(code["expires_at"]) <= now:
            raise ApiError(401, "code_expired", "the enrolment code has expired; ask for a new one")
        consultant = store.get_plain(Kind.CONSULTANTS, code["consultant_id"])
        if consultant is None or consultant.deleted or consultant.office_id is None:
            raise ApiError(401, "invalid_code", "the enrolment code's consultant is gone")
        device_id, credential = new_id(), new_token()
        salt = secrets.token_bytes(16)
        conn.execute(
            insert(t.devices).values(
                id=device_id,
                consultant_id=code["consultant_id"],
                office_id=consultant.office_id,
                name_sealed=keys.seal(
                    request.device_name, table="devices", column="name", row_id=device_id
                ),
                credential_salt=salt,
                credential_hash=salted_hash(credential, salt),
                state=DeviceState.ACTIVE.value,
                enrolled_at=store.now,
            )
        )
        conn.execute(
            update(t.enrol_codes)
            .where(t.enrol_codes.c.secret_hash == code["secret_hash"])
            .values(used_at=store.now, device_id=device_id)
        )
        store.audit(
            actor="device",
            action="device.enrol",
            outcome="applied",
            device_id=device_id,
            consultant_id=code["consultant_id"],
        )
        top = seqs.value
    log.info("device %s enrolled", device_id)
    return EnrolResponse(
        device_id=device_id,
        credential=credential,
        consultant_id=code["consultant_id"],
        office_id=consultant.office_id,
        recovery_public_key=recovery_public_pem(data),
        server_seq=top,
    )
