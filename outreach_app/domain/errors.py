"""The domain's errors. Messages are plain English for logs and the command line
(the screens translate by type and field) and never contain personal data: they
name a field, a rule or an id, never a value."""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the work was broken; the message says which."""


class ValidationError(DomainError):
    """A value does not have the form the field needs."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class InvalidCpr(ValidationError):
    """A CPR number that is not DDMMYY-SSSS with a real date."""

    def __init__(self, message: str) -> None:
        super().__init__("cpr", message)


class NoteFinishedError(DomainError):
    """A finished note is a record: it is corrected by an addendum, never edited."""


class AssignmentError(DomainError):
    """One active consultant per citizen was about to be broken."""


class ConsentMissing(DomainError):
    """Sharing with a partner needs the citizen's valid consent."""


class NotFound(DomainError):
    """The record asked for does not exist (or is not this consultant's)."""

    def __init__(self, kind: str, record_id: str) -> None:
        super().__init__(f"no {kind} with id {record_id}")
        self.kind = kind
        self.record_id = record_id


class DuplicateCpr(DomainError):
    """A citizen with this CPR number is already registered."""

    def __init__(self, existing_id: str) -> None:
        super().__init__("a citizen with this CPR number is already registered")
        self.existing_id = existing_id
