"""Phone numbers as consultants type them, reduced to one form for lookup."""

from __future__ import annotations

import pytest

from outreach_app.domain.errors import ValidationError
from outreach_app.domain.phone import looks_like_phone, normalise_phone


@pytest.mark.parametrize(
    "text",
    [
        "12345678",
        "12 34 56 78",
        "1234 5678",
        "12-34-56-78",
        "+45 12 34 56 78",
        "+4512345678",
        "+45-12-34-56-78",
        "0045 1234 5678",
        "004512345678",
        "(+45) 12 34 56 78",
        "12.34.56.78",
        "  12 34 56 78  ",
    ],
)
def test_a_danish_number_normalises_to_its_eight_digits(text: str) -> None:
    """However the number is written, with +45, 0045, spaces or dashes, the stored
    and searched form is the same eight digits, so lookups find the citizen."""
    assert normalise_phone(text) == "12345678"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+46 70 123 45 67", "+46701234567"),
        ("0046 70 123 45 67", "+46701234567"),
        ("+252 61 234 5678", "+252612345678"),
        ("00252-61-234-5678", "+252612345678"),
    ],
)
def test_a_foreign_number_keeps_its_country_code(text: str, expected: str) -> None:
    """A Swedish or Somali number keeps '+' and its country code; 00 becomes '+'."""
    assert normalise_phone(text) == expected


def test_short_service_numbers_are_kept() -> None:
    """Three-digit numbers (e.g. 112, 114) are valid phone numbers."""
    assert normalise_phone("114") == "114"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "12",
        "+",
        "1234567890123456",  # 16 digits
        "12ab5678",
        "phone",
        "++4512345678",
        "12345678+",
        "\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668",  # Arabic-Indic digits
    ],
)
def test_normalise_phone_refuses_what_is_not_a_phone_number(text: str) -> None:
    """Letters, too few or too many digits, and digits of other scripts (which would
    never match a stored number) are refused on the 'phone' field."""
    with pytest.raises(ValidationError) as caught:
        normalise_phone(text)
    assert caught.value.field == "phone"


def test_phone_error_message_does_not_echo_the_number() -> None:
    """The error names the rule, not the number typed."""
    with pytest.raises(ValidationError) as caught:
        normalise_phone("98765432109876543")
    assert "9876" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12345678", True),
        ("12 34 56 78", True),
        ("+45 12 34 56 78", True),
        ("0045 1234 5678", True),
        ("12-34-56-78", True),
        ("+46701234567", True),
        ("1234567", False),  # seven digits: too short to search by
        ("1234", False),
        ("Ahmed", False),
        ("Ahmed 12345678", False),
        ("", False),
        ("\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668", False),
    ],
)
def test_looks_like_phone_tells_a_number_from_a_name(text: str, expected: bool) -> None:
    """The search box searches by phone when the text is a phone number, by name
    otherwise."""
    assert looks_like_phone(text) is expected
