"""The CPR number: its accepted forms, the date and century rules, and that it never
shows its serial digits where it should not."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_app.domain.cpr import Cpr, century, looks_like_cpr, mask_cpr, parse_cpr
from outreach_app.domain.errors import InvalidCpr, ValidationError


def _expected_century(year2: int, seventh: int) -> int:
    """The CPR office's table, written out independently of the code under test."""
    table = {
        0: [(0, 99, 1900)],
        1: [(0, 99, 1900)],
        2: [(0, 99, 1900)],
        3: [(0, 99, 1900)],
        4: [(0, 36, 2000), (37, 99, 1900)],
        9: [(0, 36, 2000), (37, 99, 1900)],
        5: [(0, 57, 2000), (58, 99, 1800)],
        6: [(0, 57, 2000), (58, 99, 1800)],
        7: [(0, 57, 2000), (58, 99, 1800)],
        8: [(0, 57, 2000), (58, 99, 1800)],
    }
    for low, high, result in table[seventh]:
        if low <= year2 <= high:
            return result
    raise AssertionError("table does not cover this case")


def _sevenths_for(year: int) -> list[int]:
    """The seventh digits that put a person born in ``year`` in the right century."""
    year2 = year % 100
    if 1858 <= year <= 1899:
        return [5, 6, 7, 8]
    if 1900 <= year <= 1999:
        return [0, 1, 2, 3] + ([4, 9] if year2 >= 37 else [])
    if 2000 <= year <= 2036:
        return [4, 5, 6, 7, 8, 9]
    if 2037 <= year <= 2057:
        return [5, 6, 7, 8]
    return []


# ---------------------------------------------------------------- accepted forms


@pytest.mark.parametrize(
    "text",
    [
        "010190-1234",
        "0101901234",
        "010190 1234",
        "  010190-1234  ",
        "\t0101901234\n",
        " 010190 1234 ",
    ],
)
def test_parse_cpr_accepts_the_usual_written_forms(text: str) -> None:
    """Consultants type the number with a dash, without, or with a space; pasted
    numbers bring surrounding spaces. All mean the same ten digits."""
    cpr = parse_cpr(text)
    assert cpr.digits == "0101901234"
    assert cpr.formatted == "010190-1234"
    assert cpr.birth_date == date(1990, 1, 1)


def test_parse_cpr_keeps_a_leading_zero_day() -> None:
    """Digits are kept as text: a number starting with 0 keeps its 0."""
    assert parse_cpr("050505-0505").digits == "0505050505"


# ---------------------------------------------------------------- refused forms


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "010190-123",
        "01019-01234",
        "010190-12345",
        "01019012345",
        "010190123",
        "0101901234 5",
        "010190--1234",
        "010190_1234",
        "0101-90-1234",
        "01019O-1234",  # letter O instead of zero
        "abcdef-ghij",
        "010190-12a4",
        "CPR 010190-1234",
        "\u0660\u0661\u0660\u0661\u0669\u0660\u0661\u0662\u0663\u0664",  # Arabic-Indic digits
        "０１０１９０－１２３４",  # full-width digits
    ],
)
def test_parse_cpr_refuses_anything_but_ten_ascii_digits(text: str) -> None:
    """A CPR number is exactly ten digits 0-9, optionally split after the sixth;
    anything else (other digit scripts included, which would never match a stored
    number) is refused with InvalidCpr on the 'cpr' field."""
    with pytest.raises(InvalidCpr) as caught:
        parse_cpr(text)
    assert isinstance(caught.value, ValidationError)
    assert caught.value.field == "cpr"


@pytest.mark.parametrize(
    "text",
    [
        "310299-1234",  # 31 February
        "300201-4234",  # 30 February 2001
        "000000-1234",  # day 0, month 0
        "000190-1234",  # day 0
        "010090-1234",  # month 0
        "011390-1234",  # month 13
        "320190-1234",  # 32 January
        "310490-1234",  # 31 April
        "310690-1234",  # 31 June
        "310990-1234",  # 31 September
        "311190-1234",  # 31 November
    ],
)
def test_parse_cpr_refuses_impossible_dates(text: str) -> None:
    """The first six digits are the date of birth, and it must exist in the calendar."""
    with pytest.raises(InvalidCpr):
        parse_cpr(text)


@pytest.mark.parametrize(
    ("text", "born"),
    [
        ("290200-4000", date(2000, 2, 29)),  # 2000: divisible by 400, leap
        ("290200-5000", date(2000, 2, 29)),
        ("290200-9000", date(2000, 2, 29)),
        ("290204-4000", date(2004, 2, 29)),
        ("290296-0000", date(1996, 2, 29)),
        ("290296-5000", date(1896, 2, 29)),
        ("290260-0000", date(1960, 2, 29)),
    ],
)
def test_parse_cpr_accepts_29_february_in_leap_years(text: str, born: date) -> None:
    """29 February exists in leap years, including 2000 (a century divisible by 400)."""
    assert parse_cpr(text).birth_date == born


@pytest.mark.parametrize(
    "text",
    [
        "290200-2000",  # 1900: a century not divisible by 400, not a leap year
        "290200-0000",
        "290200-3999",
        "290201-4000",  # 2001
        "290297-0000",  # 1997
        "290258-5000",  # 1858
        "290299-9000",  # 1999
    ],
)
def test_parse_cpr_refuses_29_february_outside_leap_years(text: str) -> None:
    """The century digit decides the year, and the year decides whether 29 February
    exists: 290200-2xxx is 1900-02-29, which never happened."""
    with pytest.raises(InvalidCpr):
        parse_cpr(text)


# ---------------------------------------------------------------- today


def test_parse_cpr_refuses_a_birth_date_after_today() -> None:
    """Nobody registered today can have been born tomorrow."""
    with pytest.raises(InvalidCpr):
        parse_cpr("030326-4000", today=date(2026, 3, 2))


def test_parse_cpr_accepts_a_birth_date_of_today() -> None:
    """A child born today is not in the future."""
    assert parse_cpr("020326-4000", today=date(2026, 3, 2)).birth_date == date(2026, 3, 2)


def test_parse_cpr_without_today_accepts_a_future_date() -> None:
    """Only when ``today`` is given is the future checked (a form check alone accepts
    2050, which the century table allows)."""
    assert parse_cpr("010150-5000").birth_date == date(2050, 1, 1)


# ---------------------------------------------------------------- century table


@pytest.mark.parametrize(
    ("seventh", "year2", "year"),
    [
        (0, 0, 1900),
        (0, 99, 1999),
        (3, 0, 1900),
        (3, 99, 1999),
        (4, 0, 2000),
        (4, 36, 2036),
        (4, 37, 1937),
        (4, 99, 1999),
        (9, 0, 2000),
        (9, 36, 2036),
        (9, 37, 1937),
        (9, 99, 1999),
        (5, 0, 2000),
        (5, 57, 2057),
        (5, 58, 1858),
        (5, 99, 1899),
        (8, 0, 2000),
        (8, 57, 2057),
        (8, 58, 1858),
        (8, 99, 1899),
    ],
)
def test_birth_year_follows_the_century_table_at_its_boundaries(
    seventh: int, year2: int, year: int
) -> None:
    """The seventh digit with the two-digit year gives the century: 0-3 the 1900s;
    4 and 9 2000-2036 else 1937-1999; 5-8 2000-2057 else 1858-1899."""
    cpr = parse_cpr(f"0101{year2:02d}-{seventh}000")
    assert cpr.birth_date.year == year


def test_century_matches_the_table_for_every_seventh_digit_and_year() -> None:
    """All 1,000 combinations of seventh digit and two-digit year, against the table."""
    for seventh in range(10):
        for year2 in range(100):
            assert century(year2, seventh) == _expected_century(year2, seventh), (seventh, year2)
            born = parse_cpr(f"0101{year2:02d}{seventh}000").birth_date
            assert born.year == _expected_century(year2, seventh) + year2


# ---------------------------------------------------------------- no modulus 11


@pytest.mark.parametrize("text", ["010190-1235", "010190-1234", "111111-1119", "010101-0000"])
def test_parse_cpr_does_not_apply_the_modulus_11_check(text: str) -> None:
    """Numbers issued since 2007 need not pass modulus 11, so failing it is no reason
    to refuse a citizen's number."""
    weights = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
    digits = text.replace("-", "")
    assert sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 != 0
    assert parse_cpr(text).digits == digits


# ---------------------------------------------------------------- display and secrecy


def test_masked_shows_the_birth_date_and_hides_the_serial() -> None:
    """The screen shows DDMMYY-xxxx until the consultant reveals the number."""
    cpr = parse_cpr("0101901234")
    assert cpr.masked == "010190-xxxx"
    assert mask_cpr("0101901234") == "010190-xxxx"
    assert mask_cpr("010190-1234") == "010190-xxxx"


def test_repr_and_str_of_a_cpr_never_show_the_serial() -> None:
    """A Cpr that ends up in an f-string, an error or a container's repr shows only
    the masked form."""
    cpr = parse_cpr("010190-5678")
    shown = [repr(cpr), str(cpr), f"{cpr}", f"{cpr!r}", format(cpr), repr([cpr]), str({cpr})]
    for text in shown:
        assert "5678" not in text
        assert "010190-xxxx" in text


def test_a_cpr_in_a_log_line_is_masked(caplog: pytest.LogCaptureFixture) -> None:
    """Logging a Cpr by mistake writes the masked form, not the serial."""
    with caplog.at_level(logging.INFO):
        logging.getLogger("test.cpr").info("looked up %s (%r)", parse_cpr("010190-5678"), 1)
    assert "010190-xxxx" in caplog.text
    assert "5678" not in caplog.text


@pytest.mark.parametrize(
    "text",
    [
        "310299-5678",
        "290200-2468",
        "000000-9753",
        "987654-3210",
        "98765-43210",
        "9876543-2109",
        "030326-4321",
    ],
)
def test_error_message_never_contains_the_digits_typed(text: str) -> None:
    """An error may be logged or shown on a shared screen: it says what is wrong,
    never echoes the number."""
    with pytest.raises(InvalidCpr) as caught:
        parse_cpr(text, today=date(2026, 3, 2))
    error = caught.value
    digits = text.replace("-", "")
    for shown in (str(error), repr(error), error.message, *map(str, error.args)):
        assert digits not in shown
        assert digits[:6] not in shown
        assert digits[-4:] not in shown
        assert text not in shown
    assert error.__cause__ is None


# ---------------------------------------------------------------- looks_like_cpr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("010190-1234", True),
        ("0101901234", True),
        (" 010190 1234 ", True),
        ("310299-1234", True),  # the form, not the date, is what counts here
        ("12345678", False),
        ("+45 12 34 56 78", False),
        ("Fatima", False),
        ("010190-123", False),
        ("", False),
    ],
)
def test_looks_like_cpr_recognises_the_form_only(text: str, expected: bool) -> None:
    """The search box treats a text of CPR form as a CPR lookup, even if the date is
    impossible (the lookup then finds nobody)."""
    assert looks_like_cpr(text) is expected


# ---------------------------------------------------------------- property


@st.composite
def _cpr_cases(draw: st.DrawFn) -> tuple[date, str, str]:
    born = draw(st.dates(min_value=date(1858, 1, 1), max_value=date(2057, 12, 31)))
    seventh = draw(st.sampled_from(_sevenths_for(born.year)))
    rest = draw(st.text(alphabet="0123456789", min_size=3, max_size=3))
    separator = draw(st.sampled_from(["-", "", " "]))
    padding = draw(st.sampled_from(["", " ", "  "]))
    head = born.strftime("%d%m") + f"{born.year % 100:02d}"
    text = f"{padding}{head}{separator}{seventh}{rest}{padding}"
    return born, f"{head}{seventh}{rest}", text


@settings(max_examples=300, deadline=None)
@given(_cpr_cases())
def test_every_real_date_with_a_consistent_serial_round_trips(
    case: tuple[date, str, str],
) -> None:
    """For every date 1858-2057 and any serial whose seventh digit fits that century,
    parse_cpr reads the digits back and birth_date gives the date back."""
    born, digits, text = case
    cpr = parse_cpr(text)
    assert cpr.digits == digits
    assert cpr.birth_date == born
    assert parse_cpr(cpr.formatted) == cpr
    assert cpr.masked == f"{digits[:6]}-xxxx"


def test_repr_of_a_directly_built_cpr_is_masked() -> None:
    """Even a Cpr built without parsing (e.g. from storage) masks its serial."""
    assert repr(Cpr("0101901234")) == "Cpr(010190-xxxx)"
