"""Enrolling this laptop with the central service.

The enrolment code carries the service's address, the SHA-256 fingerprint of its
certificate and a one-time secret. The laptop reads the certificate from a handshake
that sends nothing, compares the fingerprint, and only then sends the secret over a
connection that trusts that certificate alone.
"""

from __future__ import annotations

import logging
import socket
from dataclasses import dataclass

from outreach_app.protocol.codes import BadCode, decode_code
from outreach_app.protocol.messages import EnrolmentCode, EnrolRequest, EnrolResponse
from outreach_app.services.workspace import Workspace
from outreach_app.sync import state as sync_state
from outreach_app.sync.errors import CertificateMismatch, EnrolmentFailed, WrongConsultant
from outreach_app.sync.state import SyncState
from outreach_app.sync.transport import Transport, fetch_certificate, fingerprint_of

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Enrolment:
    """A completed enrolment, not yet stored in a vault."""

    code: EnrolmentCode
    certificate: str
    response: EnrolResponse


def parse(code_text: str) -> EnrolmentCode:
    try:
        return decode_code(code_text)
    except BadCode as exc:
        raise EnrolmentFailed(str(exc)) from None


def enrol_device(code_text: str, *, device_name: str | None = None) -> Enrolment:
    """Check the service's certificate against the code and enrol; nothing of a vault
    is sent."""
    code = parse(code_text)
    certificate = fetch_certificate(code.url)
    if fingerprint_of(certificate) != code.fingerprint:
        raise CertificateMismatch()
    request = EnrolRequest(
        secret=code.secret, device_name=(device_name or socket.gethostname() or "laptop")[:100]
    )
    with Transport(code.url, certificate) as transport:
        response = transport.enrol(request)
    log.info("enrolled with the central service")
    return Enrolment(code, certificate, response)


def remember(ws: Workspace, enrolment: Enrolment) -> SyncState:
    """Store the enrolment in the vault, if it is for the vault's owner."""
    response = enrolment.response
    if response.consultant_id != ws.me_id:
        raise WrongConsultant()
    state = SyncState(
        url=enrolment.code.url,
        fingerprint=enrolment.code.fingerprint,
        certificate=enrolment.certificate,
        device_id=response.device_id,
        credential=response.credential,
        consultant_id=response.consultant_id,
        office_id=response.office_id,
        enrolled_at=ws.clock.now(),
    )
    sync_state.store(ws.vault, state)
    return state


def enrol(ws: Workspace, code_text: str, *, device_name: str | None = None) -> SyncState:
    """Enrol an existing profile (whose owner must be the code's consultant)."""
    return remember(ws, enrol_device(code_text, device_name=device_name))
