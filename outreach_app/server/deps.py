"""Shared dependencies of the routes: the service object and device authentication."""

from __future__ import annotations

import hmac
import logging
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine, insert, select

from outreach_app.protocol.messages import PROTOCOL_HEADER, DeviceState
from outreach_app.server import tables as t
from outreach_app.server.errors import ApiError, device_revoked, unauthorised
from outreach_app.server.keys import ServerKeys, admin_token_ok, salted_hash
from outreach_app.server.planner import Statistics
from outreach_app.server.push import Device
from outreach_app.server.settings import ServerSettings
from outreach_app.server.store import utc_now

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Service:
    """What every request needs: settings, the database, the keys, and the count
    behind the planner's statistics (see planner.Statistics)."""

    settings: ServerSettings
    engine: Engine
    keys: ServerKeys
    statistics: Statistics


async def service(request: Request) -> Service:
    """The service object (async: a plain function would be sent to a worker thread
    and back on every request)."""
    found: Service = request.app.state.service
    return found


ServiceDep = Annotated[Service, Depends(service)]
bearer = HTTPBearer(auto_error=False, description="Bearer <device id>.<credential>")
admin_bearer = HTTPBearer(auto_error=False, description="Bearer <admin credential>")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
AdminCredentials = Annotated[HTTPAuthorizationCredentials | None, Depends(admin_bearer)]
ProtocolHeader = Annotated[
    int, Header(alias=PROTOCOL_HEADER, description="The protocol version, 1", ge=1)
]


def authenticated(svc: ServiceDep, credentials: Credentials) -> Device:
    """The device whose credential the request carries; stolen devices are refused."""
    if credentials is None or "." not in credentials.credentials:
        raise unauthorised()
    device_id, secret = credentials.credentials.split(".", 1)
    with svc.engine.connect() as conn:
        found = conn.execute(select(t.devices).where(t.devices.c.id == device_id[:64])).first()
    if found is None:
        raise unauthorised()
    row = found._mapping
    if not hmac.compare_digest(salted_hash(secret, row["credential_salt"]), row["credential_hash"]):
        _refusal(svc.engine, row["id"], row["consultant_id"], "auth.credential")
        raise unauthorised()
    device = Device(
        id=row["id"],
        consultant_id=row["consultant_id"],
        office_id=row["office_id"],
        state=DeviceState(row["state"]),
        farewell_done=row["farewell_at"] is not None,
    )
    if device.state is DeviceState.STOLEN:
        _refusal(svc.engine, device.id, device.consultant_id, "auth.stolen")
        raise device_revoked(stolen=True)
    if device.state is DeviceState.REVOKED and device.farewell_done:
        raise device_revoked(stolen=False)
    return device


def _refusal(engine: Engine, device_id: str, consultant_id: str, action: str) -> None:
    log.warning("refused a request of device %s (%s)", device_id, action)
    with engine.begin() as conn:
        conn.execute(
            insert(t.audit).values(
                at=utc_now(),
                actor="device",
                device_id=device_id,
                consultant_id=consultant_id,
                action=action,
                outcome="refused",
            )
        )


DeviceDep = Annotated[Device, Depends(authenticated)]


def admin(svc: ServiceDep, credentials: AdminCredentials) -> None:
    if credentials is None or not admin_token_ok(svc.settings.data, credentials.credentials):
        raise ApiError(401, "unauthorised", "no valid admin credential was given")


AdminDep = Depends(admin)
