"""JSON for what the service seals and stores: compact UTF-8, written by orjson (several
times faster than the standard library on a push's records). orjson refuses integers
beyond 64 bits, which a device may send; those values are written by the standard
library instead, with the same result. Reading stays with the standard library, which
keeps such integers exact."""

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


loads = json.loads
