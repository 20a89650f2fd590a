"""Between domain records (frozen dataclasses) and row values.

Field names are column names. Enums are stored by value; nested records (a plan's
activities, a next contact) become JSON objects inside an encrypted column. Reading
coerces values back by the dataclass's type hints, so every entity maps the same way.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")
Coercer = Callable[[Any], Any]


def to_values(entity: object) -> dict[str, Any]:
    """The entity as column values (top-level dates and datetimes kept as objects)."""
    return {
        f.name: _plain(getattr(entity, f.name), nested=False)
        for f in dataclasses.fields(entity)  # type: ignore[arg-type]
    }


def _plain(value: Any, *, nested: bool) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat() if nested else value
    if isinstance(value, tuple | list):
        return [_plain(v, nested=True) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name), nested=True) for f in dataclasses.fields(value)
        }
    return value


def from_values(cls: type[T], row: Mapping[str, Any]) -> T:
    """Build ``cls`` from a row, taking only the dataclass's fields."""
    key: Any = cls  # a class is hashable; the cache keys on it
    return cls(**{name: coerce(row[name]) for name, coerce in _coercers(key) if name in row})


@cache
def _coercers(cls: Any) -> tuple[tuple[str, Coercer], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _coercer(hints[f.name])) for f in dataclasses.fields(cls))


def _coercer(tp: Any) -> Coercer:
    supertype = getattr(tp, "__supertype__", None)
    if supertype is not None:
        return _coercer(supertype)
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return _optional([a for a in typing.get_args(tp) if a is not type(None)])
    if origin is tuple:
        item = _coercer(typing.get_args(tp)[0])
        return lambda v: tuple(item(x) for x in v)
    return _simple(tp)


def _optional(args: list[Any]) -> Coercer:
    inner = _coercer(args[0]) if len(args) == 1 else (lambda v: v)
    return lambda v: None if v is None else inner(v)


#: Coercers of the plain types, by type. A text field never holds None in the domain;
#: a record received from the central service may leave it out (a consultant without
#: a phone), so None reads as empty text.
_PLAIN: dict[Any, Coercer] = {
    datetime: lambda v: v if isinstance(v, datetime) else datetime.fromisoformat(v),
    date: lambda v: v if isinstance(v, date) else date.fromisoformat(v),
    bool: bool,
    str: lambda v: "" if v is None else v,
}


def _simple(tp: Any) -> Coercer:
    if isinstance(tp, type) and issubclass(tp, Enum):
        return lambda v: v if isinstance(v, tp) else tp(v)
    if tp in _PLAIN:
        return _PLAIN[tp]
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return lambda v: v if isinstance(v, tp) else from_values(tp, v)
    return lambda v: v
