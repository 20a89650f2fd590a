"""Phone numbers as consultants type them: '+45 12 34 56 78', '12345678', '0045 1234 5678'."""

from __future__ import annotations

import re

from outreach_app.domain.errors import ValidationError

_SEPARATORS = re.compile(r"[\s\-./()]")


def normalise_phone(text: str) -> str:
    """The canonical form used for lookup: digits only, a Danish number without +45.

    A foreign number keeps its country code with a leading '+'.
    """
    compact = _SEPARATORS.sub("", text.strip())
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if not re.fullmatch(r"\+?[0-9]{3,15}", compact):
        raise ValidationError("phone", "a phone number has 3 to 15 digits")
    if compact.startswith("+45") and len(compact) == 11:
        return compact[3:]
    return compact


def looks_like_phone(text: str) -> bool:
    """Whether a search text is meant as a phone number rather than a name."""
    compact = _SEPARATORS.sub("", text.strip())
    return bool(re.fullmatch(r"(\+|00)?[0-9]{8,15}", compact))
