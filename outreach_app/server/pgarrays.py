"""Id lists as PostgreSQL array parameters, written without a step per element.

``db.among`` sends each list of up to 500 ids as one ``text[]`` parameter. psycopg's
dumper writes an array element by element in Python, asking of each whether it needs
quotes: about 0.6 ms for 500 ids, several times per push. Ids (UUIDs, change ids)
never need quotes, so a list of them can be written in one join, once one search of
the joined text has shown that none does. Any other list is left to psycopg.
"""

from __future__ import annotations

import re
from typing import Any

from psycopg.abc import Buffer
from psycopg.types.array import ListDumper

#: Elements that PostgreSQL's array syntax takes as they are, joined by NUL (which no
#: PostgreSQL text can hold): letters, digits and ``_.:-``, none empty.
_PLAIN = re.compile(r"[0-9A-Za-z_.:-]+(?:\x00[0-9A-Za-z_.:-]+)*")


def plain_array(values: list[Any]) -> bytes | None:
    """The array text of ``values`` if every one is a plain string (see ``_PLAIN``)
    and none is the word NULL; otherwise None."""
    try:
        joined = "\x00".join(values)
    except TypeError:  # not all text
        return None
    if not _PLAIN.fullmatch(joined) or joined.count("\x00") != len(values) - 1:
        return None
    if "NULL" in joined.upper():  # an element NULL would be read as a null
        return None
    return ("{" + joined.replace("\x00", ",") + "}").encode()


class IdListDumper(ListDumper):
    """psycopg's text dumper of lists, with ``plain_array`` tried first."""

    def dump(self, obj: list[Any]) -> Buffer | None:
        if self.delimiter == b",":
            fast = plain_array(obj)
            if fast is not None:
                return fast
        return super().dump(obj)
