"""Small validation helpers shared by the entities."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import TypeVar

from outreach_app.domain.errors import ValidationError

M = TypeVar("M", bound=Enum)

NAME_MAX = 200
SHORT_TEXT_MAX = 2_000
LONG_TEXT_MAX = 1_000_000


def required_text(field: str, value: str, *, limit: int = NAME_MAX) -> str:
    """A text that must not be blank; kept exactly as written apart from outer spaces."""
    stripped = value.strip()
    if not stripped:
        raise ValidationError(field, f"{field} must not be empty")
    return optional_text(field, stripped, limit=limit)


def optional_text(field: str, value: str, *, limit: int = SHORT_TEXT_MAX) -> str:
    """A text that may be empty but not longer than ``limit`` characters."""
    if len(value) > limit:
        raise ValidationError(field, f"{field} is longer than {limit} characters")
    if "\x00" in value:
        raise ValidationError(field, f"{field} contains a NUL character")
    return value


def date_order(field: str, start: date, end: date | None) -> None:
    """An end date, when given, does not lie before its start date."""
    if end is not None and end < start:
        raise ValidationError(field, f"{field} lies before the start date")


def score_range(value: int) -> int:
    """A progression score is a whole number from 1 to 10."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 10:
        raise ValidationError("score", "a score is a whole number from 1 to 10")
    return value


def member(kind: type[M], value: object, field: str) -> M:
    """``value`` as a member of ``kind``; an unknown value is a ValidationError."""
    try:
        return kind(value)
    except ValueError:
        raise ValidationError(field, f"{field} has no value {value!r}") from None


def duration(minutes: int | None) -> None:
    """A duration, when given, is a whole number of minutes from 1 to 24 hours."""
    if minutes is None:
        return
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 < minutes <= 24 * 60:
        raise ValidationError("duration", "a duration is between 1 minute and 24 hours")


class Private:
    """Records print as their kind and id only, so a log line, an exception or a test
    report never carries a name, a CPR number or a note."""

    __slots__ = ()

    def __repr__(self) -> str:
        ident = getattr(self, "id", None)
        return f"{type(self).__name__}(id={ident})" if ident else f"{type(self).__name__}(...)"

    __str__ = __repr__
