"""The protocol's endpoints (SPEC §3-§7) and the admin's read-only endpoints."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.routing import APIRoute
from sqlalchemy import text

from outreach_app.protocol.messages import (
    BODY_ENCODINGS,
    MAX_CHANGES,
    SUPPORTED_VERSIONS,
    DeviceState,
    EnrolRequest,
    EnrolResponse,
    ErrorResponse,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    StatusResponse,
)
from outreach_app.server import admin as admin_ops
from outreach_app.server import jsoncodec
from outreach_app.server.db import current_seq
from outreach_app.server.deps import AdminDep, DeviceDep, ProtocolHeader, ServiceDep
from outreach_app.server.enrol import enrol as enrol_device
from outreach_app.server.errors import ApiError
from outreach_app.server.pull import pull as pull_feed
from outreach_app.server.push import push as push_changes

log = logging.getLogger(__name__)

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse} for status in (400, 401, 403, 409, 413, 415, 426, 503)
}


class _Request(Request):
    """A request whose JSON body is read by ``jsoncodec.loads``."""

    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = jsoncodec.loads(await self.body())
        return self._json


class _Route(APIRoute):
    """Routes that read JSON bodies with ``jsoncodec`` (a push is a megabyte of it)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            return await handler(_Request(request.scope, request.receive))

        return route


router = APIRouter(prefix="/v1", responses=ERRORS, route_class=_Route)


@router.get("/health")
def health(svc: ServiceDep) -> dict[str, Any]:
    """Whether the service and its database answer."""
    with svc.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return {"status": "ok", "protocols": list(SUPPORTED_VERSIONS)}


@router.post("/enrol", status_code=201)
def enrol(body: EnrolRequest, svc: ServiceDep, _protocol: ProtocolHeader) -> EnrolResponse:
    return enrol_device(svc.engine, svc.keys, svc.settings.data, body)


@router.get("/status")
def status(svc: ServiceDep, device: DeviceDep, _protocol: ProtocolHeader) -> StatusResponse:
    with svc.engine.connect() as conn:
        top = current_seq(conn)
    return StatusResponse(
        device_id=device.id,
        consultant_id=device.consultant_id,
        state=device.state,
        server_seq=top,
        protocols=list(SUPPORTED_VERSIONS),
        offline_lock_days=svc.settings.offline_lock_days,
        max_changes=MAX_CHANGES,
        encodings=list(BODY_ENCODINGS),
    )


@router.post("/push", response_model=PushResponse)
def push(
    body: PushRequest, svc: ServiceDep, device: DeviceDep, _protocol: ProtocolHeader
) -> Response:
    answer = push_changes(svc.engine, svc.keys, device, body)
    svc.statistics.grew(len(body.changes))
    # written here, in the worker thread: FastAPI would check the answer it was given
    # against its own model in another trip through the thread pool first
    return Response(answer.model_dump_json(), media_type="application/json")


@router.post("/pull")
def pull(
    body: PullRequest, svc: ServiceDep, device: DeviceDep, _protocol: ProtocolHeader
) -> PullResponse:
    if device.state is DeviceState.REVOKED:
        raise ApiError(403, "pull_refused", "a withdrawn device may only push its last changes")
    return pull_feed(svc.engine, svc.keys, device, body)


@router.get("/admin/stats", dependencies=[AdminDep])
def stats(svc: ServiceDep, _protocol: ProtocolHeader) -> dict[str, Any]:
    return admin_ops.stats(svc.engine, svc.keys)


@router.get("/admin/audit", dependencies=[AdminDep])
def audit(
    svc: ServiceDep,
    _protocol: ProtocolHeader,
    citizen: str | None = Query(default=None, max_length=36),
    since: str | None = Query(default=None, max_length=40),
) -> list[dict[str, Any]]:
    return admin_ops.audit_entries(svc.engine, svc.keys, citizen=citizen, since=since)
