"""Pure parts of the service's storage and push checks, without a server."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outreach_app.server import jsoncodec
from outreach_app.server.push import json_size, size_bound
from outreach_app.server.store import pack_revs, unpack_revs

NAMES = st.text(min_size=1, max_size=12)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40)
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(NAMES, inner, max_size=4),
    max_leaves=12,
)


@given(st.dictionaries(NAMES, VALUES, max_size=8))
def test_the_size_bound_is_never_below_the_counted_size(fields: dict[str, Any]) -> None:
    """The cheap bound decides when a record must be measured; it must never be lower
    than the size the 2 MiB limit counts (ASCII JSON, every other character escaped)."""
    assert json_size(fields) <= size_bound(fields)


def test_a_number_too_long_to_write_counts_as_too_large() -> None:
    fields = {"topics": [10**5000]}
    assert size_bound(fields) > 2 * 1024 * 1024


@given(st.dictionaries(NAMES, VALUES, max_size=8))
def test_stored_json_reads_back_as_written(value: dict[str, Any]) -> None:
    """orjson writes what the service seals; integers beyond 64 bits go to the
    standard library, and every value reads back equal."""
    assert jsoncodec.loads(jsoncodec.dumps(value)) == value


@given(st.dictionaries(NAMES, VALUES, max_size=8), st.booleans())
def test_json_is_read_as_the_standard_library_reads_it(value: dict[str, Any], ascii_: bool) -> None:
    """Request bodies and sealed values are read by orjson where it can, else by the
    standard library: the value is the standard library's either way."""
    written = json.dumps(value, ensure_ascii=ascii_)
    assert jsoncodec.loads(written.encode()) == json.loads(written)


@pytest.mark.parametrize(
    "text",
    ['{"n": NaN}', '{"t": "\\ud800"}', '{"big": 123456789012345678901234567890}', "[1e400]"],
    ids=["nan", "lone-surrogate", "big-integer", "huge-float"],
)
def test_what_orjson_refuses_is_read_by_the_standard_library(text: str) -> None:
    read, expected = jsoncodec.loads(text.encode()), json.loads(text)
    assert repr(read) == repr(expected)


def test_damaged_json_raises_the_standard_librarys_error() -> None:
    with pytest.raises(json.JSONDecodeError):
        jsoncodec.loads(b'{"changes": [')


@given(
    st.dictionaries(
        NAMES, st.tuples(st.integers(min_value=1, max_value=10**9), st.sampled_from("abc"))
    )
)
def test_field_revs_are_stored_grouped_and_read_back(revs: dict[str, tuple[int, str]]) -> None:
    stored = json.loads(jsoncodec.dumps_text(pack_revs(revs)))
    assert unpack_revs(stored) == revs
    assert len(stored) == len(set(revs.values()))


def test_field_revs_in_the_earlier_form_are_read() -> None:
    """Records written before the grouping keep a rev and a device per field."""
    stored = {"text": [7, "device-a"], "status": [9, "admin"]}
    assert unpack_revs(stored) == {"text": (7, "device-a"), "status": (9, "admin")}
