"""Errors answered as ``{"error": <code>, "message": <words>}`` (SPEC §9). Messages
are fixed texts; they never carry personal data."""

from __future__ import annotations

from typing import Any

from outreach_app.protocol.messages import SUPPORTED_VERSIONS, ErrorCode, ErrorResponse


class ApiError(Exception):
    def __init__(self, status: int, code: ErrorCode, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.code: ErrorCode = code
        self.message = message
        self.extra = extra

    def body(self) -> dict[str, Any]:
        error = ErrorResponse(error=self.code, message=self.message, **self.extra)
        return error.model_dump(mode="json", exclude_none=True)


def unauthorised() -> ApiError:
    return ApiError(401, "unauthorised", "no valid device credential was given")


def device_revoked(*, stolen: bool) -> ApiError:
    return ApiError(
        401, "device_revoked", "this device has been withdrawn by the main office", stolen=stolen
    )


def protocol_unsupported() -> ApiError:
    return ApiError(
        426,
        "protocol_unsupported",
        "this version of the program speaks another protocol; please update the program",
        supported=list(SUPPORTED_VERSIONS),
    )


def too_large(what: str) -> ApiError:
    return ApiError(413, "too_large", f"the request is too large: {what}")


def unavailable() -> ApiError:
    return ApiError(503, "unavailable", "the service cannot reach its database; retry later")
