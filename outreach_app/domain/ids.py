"""Identifiers: random UUIDs made on the device that creates a record, so records
made offline on two laptops never collide and need no renumbering when synchronised."""

from __future__ import annotations

import itertools
import os
import secrets
import threading
import uuid
from typing import NewType

OfficeId = NewType("OfficeId", str)
ConsultantId = NewType("ConsultantId", str)
CitizenId = NewType("CitizenId", str)
AssignmentId = NewType("AssignmentId", str)
ContactId = NewType("ContactId", str)
AppointmentId = NewType("AppointmentId", str)
NoteId = NewType("NoteId", str)
PlanId = NewType("PlanId", str)
MilestoneId = NewType("MilestoneId", str)
ScoreId = NewType("ScoreId", str)
PartnerId = NewType("PartnerId", str)
ReferralId = NewType("ReferralId", str)
ConsentId = NewType("ConsentId", str)
InformationId = NewType("InformationId", str)


def new_id() -> str:
    """A fresh random identifier (UUID4 in canonical text form)."""
    return str(uuid.uuid4())


class _ChangeIds:
    """Change ids that ascend within one run of the program (RFC 9562 version 8):
    60 random bits drawn once per process, then a 62-bit counter. The service files
    a device's change ids in an index, and ids that follow one another there cost it
    a page or two per push where random ones touch a page per change. They say
    nothing but which run made a change and in what order, which the pushes show
    anyway: no time, nothing about a citizen. The run's random bits keep them unique."""

    _COUNTER_BITS = 62

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.reseed()

    def reseed(self) -> None:
        self._run = secrets.randbits(60)
        self._counter = itertools.count()

    def next(self) -> str:
        with self._lock:
            count = next(self._counter)
            if count >> self._COUNTER_BITS:  # never in practice: start a new run
                self.reseed()
                count = next(self._counter)
            run = self._run
        value = (run >> 12) << 80 | 0x8 << 76 | (run & 0xFFF) << 64 | 0b10 << 62 | count
        return str(uuid.UUID(int=value))


_CHANGE_IDS = _ChangeIds()
# a forked child draws its own run bits, so parent and child never make the same id
os.register_at_fork(after_in_child=_CHANGE_IDS.reseed)


def new_change_id() -> str:
    """A fresh id for an outbox entry, ascending within this run (see _ChangeIds)."""
    return _CHANGE_IDS.next()


def is_id(value: str) -> bool:
    """Whether ``value`` is an identifier in canonical UUID text form."""
    try:
        return str(uuid.UUID(value)) == value
    except (ValueError, AttributeError, TypeError):
        return False
