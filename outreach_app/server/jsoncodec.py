"""JSON for what the service reads and stores: compact UTF-8, by orjson (several times
faster than the standard library on a push's records) where it gives the standard
library's result, else by the standard library. orjson refuses to write integers
beyond 64 bits, which a device may send, reads them as floats, and refuses a few
forms the standard library takes (NaN, a lone escaped surrogate). So text with a run
of 19 digits or more (where 64 bits may end) is read by the standard library, as is
whatever orjson refuses."""

from __future__ import annotations

import json
from typing import Any

import orjson


def dumps(value: Any) -> bytes:
    try:
        return orjson.dumps(value)
    except TypeError:
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def dumps_text(value: Any) -> str:
    """For SQLAlchemy's JSON columns, which bind text."""
    return dumps(value).decode()


_DIGITS = bytes.maketrans(b"123456789", b"000000000")
_LONG_NUMBER = b"0" * 19


def loads(data: bytes | str) -> Any:
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if _LONG_NUMBER not in raw.translate(_DIGITS):
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError:
            pass
    return json.loads(data)  # the standard library's value, or its error
