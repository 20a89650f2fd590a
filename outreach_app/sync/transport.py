"""HTTPS to the central service, trusting exactly one certificate.

The certificate received at enrolment (its SHA-256 fingerprint came in the enrolment
code) is the only trust anchor of the TLS context, so a server presenting any other
certificate fails the handshake before a byte of data is sent. Request bodies above
1 KiB are gzip-compressed; every answer is parsed into the protocol's models, and
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
from pydantic import BaseModel, ValidationError

from outreach_app.protocol.messages import (
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
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
        headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Accept-Encoding": "gzip"}
        if device_id and credential:
            headers["Authorization"] = f"Bearer {device_id}.{credential}"
        self._client = httpx.Client(
            base_url=url.rstrip("/"),
            verify=pinned_context(certificate_pem),
            headers=headers,
            timeout=timeout,
            trust_env=False,  # never route the vault's data through a configured proxy
        )

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
        return self._call("GET", "/v1/status", None, StatusResponse)

    def push(self, request: PushRequest) -> PushResponse:
        return self.send_push(encode(request))

    def send_push(self, body: Encoded) -> PushResponse:
        """Push a request encoded beforehand (so a second thread only waits on I/O)."""
        return self._send("POST", "/v1/push", body, PushResponse)

    def pull(self, request: PullRequest) -> PullResponse:
        return self._call("POST", "/v1/pull", request, PullResponse)

    # -- plumbing --------------------------------------------------------------------

    def _call(self, method: str, path: str, body: BaseModel | None, answer: type[M]) -> M:
        return self._send(method, path, None if body is None else encode(body), answer)

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


def encode(body: BaseModel) -> Encoded:
    """JSON, gzip-compressed above 1 KiB. Level 1 shrinks a batch of notes about 6:1
    in less than half the time level 6 takes (which gains only a further fifth)."""
    raw = body.model_dump_json().encode("utf-8")
    headers = {"Content-Type": "application/json"}
    if len(raw) > COMPRESS_ABOVE:
        raw = gzip.compress(raw, compresslevel=1)
        headers["Content-Encoding"] = "gzip"
    return Encoded(raw, headers)


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
