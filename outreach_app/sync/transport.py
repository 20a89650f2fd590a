"""HTTPS to the central service, trusting exactly one certificate.

The certificate received at enrolment (its SHA-256 fingerprint came in the enrolment
code) is the only trust anchor of the TLS context, so a server presenting any other
certificate fails the handshake before a byte of data is sent. Request bodies above
1 KiB are compressed, with zstd once the service's status has said it reads zstd and
with gzip until then (SPEC §3); every answer is parsed into the protocol's models, and
anything else is a ``BadAnswer``.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import socket
import ssl
from dataclasses import dataclass
from types import TracebackType
from typing import TypeVar
from urllib.parse import urlsplit

import httpx
import orjson
import zstandard
from pydantic import BaseModel, ValidationError

from outreach_app.protocol.messages import (
    BODY_ENCODINGS,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    UNANNOUNCED_ENCODINGS,
    EnrolRequest,
    EnrolResponse,
    ErrorResponse,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    StatusResponse,
)
from outreach_app.sync.errors import (
    BadAnswer,
    CertificateMismatch,
    DeviceRevoked,
    EnrolmentFailed,
    ProtocolMismatch,
    SyncError,
    Unauthorised,
    Unavailable,
    Unreachable,
)

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)
COMPRESS_ABOVE = 1024
#: Level 1 of each: a push of notes shrinks about 6:1 with gzip and 10:1 with zstd,
#: and zstd takes a fifth of gzip's time at either end.
GZIP_LEVEL = 1
ZSTD_LEVEL = 1
#: What the device accepts in an answer, preferred first.
ACCEPT_ENCODING = "zstd, gzip"
TIMEOUT = httpx.Timeout(30.0, connect=10.0)


def fingerprint_of(pem: str) -> str:
    return "sha256:" + hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).hexdigest()


def fetch_certificate(url: str, *, timeout: float = 10.0) -> str:
    """The certificate the server at ``url`` presents (PEM), read from a handshake that
    sends no data. The caller compares its fingerprint before trusting it."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise EnrolmentFailed("the central service's address must start with https://")
    try:
        return ssl.get_server_certificate((parts.hostname, parts.port or 443), timeout=timeout)
    except (OSError, ssl.SSLError) as exc:
        raise Unreachable(type(exc).__name__) from exc


def pinned_context(certificate_pem: str) -> ssl.SSLContext:
    """A TLS context whose only trust anchor is the service's own certificate."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.verify_mode = ssl.CERT_REQUIRED
    # The pin is the certificate itself; the host name in the address may be any name
    # or address the laptop reaches the main office by.
    context.check_hostname = False
    context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN
    context.load_verify_locations(cadata=certificate_pem)
    return context


class Transport:
    """One conversation with the central service (a context manager)."""

    def __init__(
        self,
        url: str,
        certificate_pem: str,
        *,
        device_id: str | None = None,
        credential: str | None = None,
        timeout: httpx.Timeout = TIMEOUT,
    ) -> None:
        headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Accept-Encoding": ACCEPT_ENCODING}
        if device_id and credential:
            headers["Authorization"] = f"Bearer {device_id}.{credential}"
        self._client = httpx.Client(
            base_url=url.rstrip("/"),
            verify=pinned_context(certificate_pem),
            headers=headers,
            timeout=timeout,
            trust_env=False,  # never route the vault's data through a configured proxy
        )
        #: The coding of request bodies: gzip, which every service reads, until the
        #: status names the codings this one reads.
        self.coding = "gzip"

    def __enter__(self) -> Transport:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # -- calls ---------------------------------------------------------------------

    def enrol(self, request: EnrolRequest) -> EnrolResponse:
        return self._call("POST", "/v1/enrol", request, EnrolResponse)

    def status(self) -> StatusResponse:
        status = self._call("GET", "/v1/status", None, StatusResponse)
        self.coding = body_coding(status.encodings)
        return status

    def push(self, request: PushRequest) -> PushResponse:
        return self.send_push(self.encode(request))

    def encode(self, body: BaseModel) -> Encoded:
        """``body`` ready for the wire in this conversation's coding."""
        return encode(body, self.coding)

    def send_push(self, body: Encoded) -> PushResponse:
        """Push a request encoded beforehand (so a second thread only waits on I/O)."""
        return self._send("POST", "/v1/push", body, PushResponse)

    def pull(self, request: PullRequest) -> PullResponse:
        return self._call("POST", "/v1/pull", request, PullResponse)

    # -- plumbing --------------------------------------------------------------------

    def _call(self, method: str, path: str, body: BaseModel | None, answer: type[M]) -> M:
        return self._send(method, path, None if body is None else self.encode(body), answer)

    def _send(self, method: str, path: str, body: Encoded | None, answer: type[M]) -> M:
        content, headers = (None, {}) if body is None else (body.content, body.headers)
        try:
            response = self._client.request(method, path, content=content, headers=headers)
        except httpx.HTTPError as exc:
            raise _transport_error(exc) from exc
        if response.status_code >= 400:
            raise _error_from(response)
        try:
            return answer.model_validate_json(response.content)
        except ValidationError as exc:
            log.warning("unparseable answer from %s (%d fields wrong)", path, exc.error_count())
            raise BadAnswer(f"{path} answered {response.status_code}") from None


@dataclass(frozen=True, slots=True)
class Encoded:
    """A request body ready for the wire, with its content headers."""

    content: bytes
    headers: dict[str, str]


def body_coding(announced: list[str] | None) -> str:
    """The coding for request bodies to a service that announced these codings."""
    readable = UNANNOUNCED_ENCODINGS if announced is None else announced
    return next((c for c in BODY_ENCODINGS if c in readable), "identity")


def encode(body: BaseModel, coding: str = "gzip") -> Encoded:
    """JSON, compressed with ``coding`` (gzip, zstd or identity) above 1 KiB."""
    raw = to_json(body)
    headers = {"Content-Type": "application/json"}
    if len(raw) > COMPRESS_ABOVE and coding != "identity":
        raw = _compress(raw, coding)
        headers["Content-Encoding"] = coding
    return Encoded(raw, headers)


def _compress(raw: bytes, coding: str) -> bytes:
    if coding == "zstd":
        # one frame that names its size, so the service checks it before unpacking
        return zstandard.ZstdCompressor(level=ZSTD_LEVEL).compress(raw)
    if coding == "gzip":
        return gzip.compress(raw, compresslevel=GZIP_LEVEL)
    raise ValueError(f"no such content coding: {coding}")


def to_json(body: BaseModel) -> bytes:
    """The message as JSON. A push is written by orjson from its changes as they are,
    about ten times faster than pydantic writes the same text; a value orjson does not
    write (an integer beyond 64 bits) leaves it to pydantic."""
    if isinstance(body, PushRequest):
        try:
            return _push_json(body)
        except TypeError:
            pass
    return body.model_dump_json().encode("utf-8")


def _push_json(request: PushRequest) -> bytes:
    changes = [
        {
            "change_id": c.change_id,
            "kind": c.kind.value,
            "id": c.id,
            "op": c.op.value,
            "base_rev": c.base_rev,
            "fields": c.fields,
        }
        for c in request.changes
    ]
    logged = [entry.model_dump(mode="json") for entry in request.access_log]
    return orjson.dumps({"cursor": request.cursor, "changes": changes, "access_log": logged})


def _transport_error(exc: httpx.HTTPError) -> SyncError:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            log.error("the service's certificate does not match the pinned one")
            return CertificateMismatch()
        cause = cause.__cause__ or cause.__context__
    if isinstance(exc, httpx.TimeoutException):
        return Unreachable("timed out")
    if isinstance(exc, httpx.TransportError | socket.error):
        return Unreachable(type(exc).__name__)
    return BadAnswer(type(exc).__name__)


def _error_from(response: httpx.Response) -> SyncError:
    status = response.status_code
    try:
        error = ErrorResponse.model_validate_json(response.content)
    except ValidationError:
        error = None
    log.warning("the central service answered %d %s", status, error.error if error else "")
    if error is None:
        if status in (502, 503, 504):
            return Unavailable()
        return BadAnswer(f"status {status}")
    return _known_error(status, error)


def _known_error(status: int, error: ErrorResponse) -> SyncError:
    code = error.error
    if code == "protocol_unsupported":
        return ProtocolMismatch(error.supported)
    if code == "device_revoked":
        return DeviceRevoked(stolen=bool(error.stolen))
    if code == "unauthorised":
        return Unauthorised()
    if code in ("invalid_code", "code_expired", "code_used"):
        return EnrolmentFailed(_ENROL_WORDS[code])
    if code == "unavailable":
        return Unavailable()
    return BadAnswer(f"{status} {code}")


_ENROL_WORDS: dict[str, str] = {
    "invalid_code": "the central service does not know this enrolment code; check it or "
    "ask the main office for a new one",
    "code_expired": "the enrolment code has expired (they last 24 hours); ask the main "
    "office for a new one",
    "code_used": "the enrolment code has been used already; ask the main office for a new one",
}
