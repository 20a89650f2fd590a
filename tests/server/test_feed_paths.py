"""The feed is the same whichever way the service reads it: from the records changed
since the cursor (a device near the top) or from the device's scope (far behind)."""

from __future__ import annotations

import itertools
import secrets
from pathlib import Path

import pytest
from sqlalchemy import Engine

from outreach_app.domain.ids import new_id
from outreach_app.protocol.messages import DeviceState, Kind
from outreach_app.server import pull
from outreach_app.server.db import current_seq, make_engine, migrate, reading, writing
from outreach_app.server.keys import ServerKeys
from outreach_app.server.push import Device
from outreach_app.server.store import Row, Store

OFFICE_A, OFFICE_B = new_id(), new_id()
OFFICES = (OFFICE_A, OFFICE_B)
KARIN, OMAR, LIS = new_id(), new_id(), new_id()
CONSULTANTS = {KARIN: OFFICE_A, OMAR: OFFICE_A, LIS: OFFICE_B}


def _device(consultant: str) -> Device:
    return Device(
        id=new_id(),
        consultant_id=consultant,
        office_id=CONSULTANTS[consultant],
        state=DeviceState.ACTIVE,
        farewell_done=False,
    )


def _save(store: Store, kind: Kind, record_id: str, **fields: object) -> Row:
    row = Row(kind=kind, id=record_id, fields={})
    store.set_fields(row, dict(fields), who="test")
    if kind is Kind.PARTNERS:
        row.office_id = str(fields["office_id"])
    store.save(row, new=True)
    return row


def _populate(engine: Engine, keys: ServerKeys) -> None:
    """Offices, consultants and partners; citizens of each consultant with notes, one
    handed over from Karin to Omar, interleaved so that revs mix everyone's records."""
    with writing(engine) as (conn, seqs):
        store = Store(conn, seqs, keys)
        for office in OFFICES:
            _save(store, Kind.OFFICES, office, name=office)
            _save(store, Kind.PARTNERS, new_id(), name="Partner", office_id=office)
        for consultant, office in CONSULTANTS.items():
            _save(store, Kind.CONSULTANTS, consultant, name="Konsulent", office_id=office)
        for round_ in range(6):
            for consultant in CONSULTANTS:
                citizen = new_id()
                _save(store, Kind.CITIZENS, citizen, first_name=f"Borger {round_}")
                assignment = _save(
                    store,
                    Kind.ASSIGNMENTS,
                    new_id(),
                    citizen_id=citizen,
                    consultant_id=consultant,
                    ended_at="2026-01-01T00:00:00+00:00" if round_ == 5 else None,
                )
                for _ in range(3):
                    _save(store, Kind.NOTES, new_id(), citizen_id=citizen, text="...")
                if round_ == 5 and consultant == KARIN:
                    _save(
                        store,
                        Kind.ASSIGNMENTS,
                        new_id(),
                        citizen_id=assignment.citizen_id,
                        consultant_id=OMAR,
                        ended_at=None,
                    )


@pytest.fixture(scope="module")
def feed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Engine, ServerKeys]:
    data: Path = tmp_path_factory.mktemp("feed")
    engine = make_engine(f"sqlite:///{data / 'server.sqlite3'}")
    migrate(engine, data=data)
    keys = ServerKeys.from_master(secrets.token_bytes(32))
    _populate(engine, keys)
    return engine, keys


def _read(engine: Engine, keys: ServerKeys, device: Device, cursor: int, limit: int) -> list:
    with reading(engine) as conn:
        return [(rev, r.kind, r.id) for rev, r in pull._records(conn, keys, device, cursor, limit)]


@pytest.mark.parametrize("consultant", [KARIN, OMAR, LIS], ids=["karin", "omar", "lis"])
def test_both_ways_of_reading_the_feed_agree(
    feed: tuple[Engine, ServerKeys], consultant: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, keys = feed
    with engine.connect() as conn:
        top = current_seq(conn)
    device = _device(consultant)
    for cursor in (0, top // 3, top // 2, top - 5, top):
        for limit in (4, 1000):
            monkeypatch.setattr(pull, "NEAR", 10**6)
            near = _read(engine, keys, device, cursor, limit)
            monkeypatch.setattr(pull, "NEAR", 0)
            far = _read(engine, keys, device, cursor, limit)
            assert near == far, (cursor, limit)
    monkeypatch.setattr(pull, "NEAR", 10**6)
    everything = _read(engine, keys, device, 0, 1000)
    kinds = {kind for _, kind, _ in everything}
    assert Kind.OFFICES in kinds and Kind.PARTNERS in kinds and Kind.NOTES in kinds
    assert all(a < b for (a, _, _), (b, _, _) in itertools.pairwise(everything))
