"""The ASGI layer in front of the routes: the protocol header (426), request body
codings (plain, gzip or zstd, else 415; see ``codings``) and the body limit of SPEC §8
(413), checked before any route reads a body."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.datastructures import Headers
from starlette.responses import JSONResponse

from outreach_app.protocol.messages import MAX_BODY_BYTES, PROTOCOL_HEADER, SUPPORTED_VERSIONS
from outreach_app.server import codings
from outreach_app.server.errors import ApiError, protocol_unsupported, too_large

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Paths answered without the protocol header (load balancers, the API description).
OPEN_PATHS = frozenset({"/v1/health"})


class Guard:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            body = await self._checked_body(scope, receive)
        except ApiError as error:
            response = JSONResponse(error.body(), status_code=error.status)
            await response(scope, receive, send)
            return
        if body is None:
            await self.app(scope, receive, send)
            return
        await self.app(_plain_scope(scope, len(body)), _replay(body, receive), send)

    async def _checked_body(self, scope: Scope, receive: Receive) -> bytes | None:
        headers = Headers(scope=scope)
        path: str = scope["path"]
        if path.startswith("/v1/") and path not in OPEN_PATHS:
            _check_protocol(headers.get(PROTOCOL_HEADER))
        coding = headers.get("content-encoding", "identity").strip().lower()
        if coding not in codings.READ:
            raise ApiError(
                415, "unsupported_encoding", "request bodies may be sent plain, gzip or zstd"
            )
        if scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return None
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
            raise too_large("the body is larger than 8 MiB")
        raw = await _read(receive)
        return codings.decode(raw, coding)


def _check_protocol(value: str | None) -> None:
    try:
        version = int(value or "")
    except ValueError:
        raise protocol_unsupported() from None
    if version not in SUPPORTED_VERSIONS:
        raise protocol_unsupported()


async def _read(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise too_large("the body is larger than 8 MiB")
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _plain_scope(scope: Scope, length: int) -> Scope:
    skip = {b"content-encoding", b"content-length"}
    headers = [(k, v) for k, v in scope["headers"] if k.lower() not in skip]
    headers.append((b"content-length", str(length).encode()))
    return {**scope, "headers": headers}


def _replay(body: bytes, original: Receive) -> Receive:
    """The body once, then whatever the connection says (e.g. a disconnect)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return await original()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive
