"""The Danish personal number (CPR-nummer): DDMMYY-SSSS.

The first six digits are the date of birth; the seventh digit together with the
year gives the century. There is no modulus-11 check: numbers issued since 2007
need not pass it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from outreach_app.domain.errors import InvalidCpr

_FORM = re.compile(r"^\s*([0-9]{2})([0-9]{2})([0-9]{2})[-\s]?([0-9]{4})\s*$")


def century(year2: int, seventh: int) -> int:
    """The century (1800, 1900 or 2000) of a two-digit year, by the CPR rules."""
    if seventh <= 3:
        return 1900
    if seventh in (4, 9):
        return 2000 if year2 <= 36 else 1900
    return 2000 if year2 <= 57 else 1800


@dataclass(frozen=True, slots=True)
class Cpr:
    """A well-formed CPR number with a real date of birth."""

    digits: str

    @property
    def birth_date(self) -> date:
        day, month, year2 = int(self.digits[0:2]), int(self.digits[2:4]), int(self.digits[4:6])
        return date(century(year2, int(self.digits[6])) + year2, month, day)

    @property
    def formatted(self) -> str:
        """DDMMYY-SSSS."""
        return f"{self.digits[:6]}-{self.digits[6:]}"

    @property
    def masked(self) -> str:
        """DDMMYY-xxxx: what the screen shows until the consultant reveals it."""
        return f"{self.digits[:6]}-xxxx"

    def __repr__(self) -> str:
        return f"Cpr({self.masked})"

    __str__ = __repr__


def parse_cpr(text: str, *, today: date | None = None) -> Cpr:
    """Read a CPR number written as DDMMYY-SSSS, DDMMYYSSSS or DDMMYY SSSS.

    Raises InvalidCpr with a message saying what is wrong (never echoing the number).
    A date of birth after ``today`` is refused when ``today`` is given.
    """
    match = _FORM.match(text)
    if match is None:
        raise InvalidCpr("CPR must be 10 digits: DDMMYY-SSSS")
    digits = "".join(match.groups())
    day, month, year2 = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    year = century(year2, int(digits[6])) + year2
    try:
        born = date(year, month, day)
    except ValueError:
        raise InvalidCpr("the first six digits of the CPR are not a real date") from None
    if today is not None and born > today:
        raise InvalidCpr("the CPR's date of birth lies in the future")
    return Cpr(digits)


def looks_like_cpr(text: str) -> bool:
    """Whether the text has the form of a CPR number (whether or not the date is real)."""
    return _FORM.match(text) is not None


def mask_cpr(text: str) -> str:
    """DDMMYY-xxxx for a stored CPR number."""
    return f"{text.replace('-', '')[:6]}-xxxx"
