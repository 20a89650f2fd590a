"""What can go wrong when synchronising, each with words a consultant understands.

No message carries personal data: they name what happened and what to do.
"""

from __future__ import annotations


class SyncError(Exception):
    """Synchronisation did not complete; nothing written on this laptop was lost."""

    #: True when trying again later may help (the network, a busy service).
    transient = False


class NotEnrolled(SyncError):
    def __init__(self) -> None:
        super().__init__(
            "this laptop is not enrolled with the central service; "
            "ask the main office for an enrolment code"
        )


class Unreachable(SyncError):
    transient = True

    def __init__(self, detail: str = "") -> None:
        words = "the central service cannot be reached; your changes are kept and sent later"
        super().__init__(f"{words} ({detail})" if detail else words)


class Unavailable(SyncError):
    transient = True

    def __init__(self) -> None:
        super().__init__("the central service is busy or down; your changes are sent later")


class BadAnswer(SyncError):
    transient = True

    def __init__(self, what: str) -> None:
        super().__init__(
            f"the central service gave an answer this program does not understand ({what}); "
            "nothing was lost, and synchronisation is tried again later"
        )


class CertificateMismatch(SyncError):
    def __init__(self) -> None:
        super().__init__(
            "the server presented a certificate other than the central service's; nothing "
            "was sent. Tell IT: this can be a wrong network or someone listening in"
        )


class ProtocolMismatch(SyncError):
    def __init__(self, supported: list[int] | None) -> None:
        versions = ", ".join(str(v) for v in supported or []) or "unknown"
        super().__init__(
            "the central service speaks another version of the synchronisation protocol "
            f"({versions}); install the program's update from IT"
        )


class Unauthorised(SyncError):
    def __init__(self) -> None:
        super().__init__(
            "the central service does not recognise this laptop; ask the main office to "
            "enrol it again"
        )


class DeviceRevoked(SyncError):
    def __init__(self, *, stolen: bool) -> None:
        self.stolen = stolen
        super().__init__(
            "the main office has withdrawn this laptop from the central service"
            + (" and reported it lost" if stolen else "")
        )


class EnrolmentFailed(SyncError):
    pass


class WrongConsultant(SyncError):
    def __init__(self) -> None:
        super().__init__(
            "the enrolment code is for another consultant than the owner of this profile; "
            "nothing was sent. Ask the main office for a code for you, or create a new "
            "profile with the code"
        )


class MustSync(SyncError):
    """The laptop has been offline too long and is locked for use until it syncs."""

    def __init__(self, days: int) -> None:
        self.days = days
        super().__init__(
            f"this laptop has not synchronised for {days} days; connect to the central "
            "service and synchronise before you continue"
        )
