"""Enrolment codes: ``OUTREACH1.`` + base64url(JSON), printed by the main office and
typed or pasted on the laptop."""

from __future__ import annotations

import base64
import binascii
import json

from pydantic import ValidationError

from outreach_app.protocol.messages import CODE_PREFIX, EnrolmentCode


class BadCode(ValueError):
    """The text is not an enrolment code (mistyped, cut off, or something else)."""


def encode_code(code: EnrolmentCode) -> str:
    payload = json.dumps(code.model_dump(mode="json"), separators=(",", ":")).encode()
    return CODE_PREFIX + base64.urlsafe_b64encode(payload).decode().rstrip("=")


def decode_code(text: str) -> EnrolmentCode:
    compact = "".join(text.split())
    if not compact.startswith(CODE_PREFIX):
        raise BadCode("an enrolment code starts with OUTREACH1.")
    body = compact[len(CODE_PREFIX) :]
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        return EnrolmentCode.model_validate(json.loads(raw))
    except (binascii.Error, ValueError, ValidationError) as exc:
        raise BadCode("the enrolment code is damaged or incomplete; copy it again") from exc
