"""Nothing personal is stored in the clear: distinctive synthetic names, a CPR
number, phone, note text, device log detail and a device name are pushed, then the raw
database (the SQLite files, or pg_dump of the PostgreSQL database) and the server's log
are scanned for them."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, inspect, select, text

from outreach_app.protocol.messages import Kind
from tests.server.helpers import Team, change, log_entry, new_note, walk_in
from tests.support.postgres import PostgresCluster
from tests.support.server import RunningServer

CANARIES = {
    "first_name": "Qwxzyfornavn",
    "last_name": "Vbnkjefternavn",
    "cpr": "311288-4321",
    "phone": "+45 98761234",
    "note": "Kanariefugl-hemmelighed-4711",
    "log": "Skjult-logdetalje-0815",
    "conflict": "Modstridende-værdi-2207",
}


def _needles() -> list[bytes]:
    values = [*CANARIES.values(), "3112884321", "98761234"]
    found = [v.encode() for v in values]
    found += [v.encode("utf-16-le") for v in values]
    return found


def _push_canaries(team: Team) -> None:
    karin = team.karin
    citizen, changes = walk_in(
        karin,
        first_name=CANARIES["first_name"],
        last_name=CANARIES["last_name"],
        cpr=CANARIES["cpr"],
        phone=CANARIES["phone"],
    )
    note = new_note(citizen, karin.consultant_id, CANARIES["note"], status="finished")
    answer = karin.push_raw(
        [*changes, note], log=[log_entry(1, citizen, detail=CANARIES["log"])]
    ).json()
    base = answer["results"][1]["rev"]
    karin.push(change(Kind.CITIZENS, citizen, base_rev=base, first_name="Anden"))
    conflicting = change(Kind.CITIZENS, citizen, base_rev=base, first_name=CANARIES["conflict"])
    quarantined = change(Kind.NOTES, note.id, text=CANARIES["conflict"] + CANARIES["note"])
    team.omar.push(change(Kind.CITIZENS, citizen, phone=CANARIES["phone"] + "0"))
    karin.push(conflicting, quarantined, cursor=0)
    karin.pull()


def _database_bytes(server: RunningServer, request: pytest.FixtureRequest) -> bytes:
    if server.database_url is None:
        files = sorted(server.data.glob("server.sqlite3*"))
        assert files
        return b"".join(path.read_bytes() for path in files)
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    dumped = cluster.dump(server.database_url)
    return dumped if dumped is not None else _select_everything(server.database_url)


def _select_everything(url: str) -> bytes:
    engine = create_engine(url)
    chunks: list[bytes] = []
    try:
        with engine.connect() as conn:
            for table in inspect(conn).get_table_names():
                for row in conn.execute(select(text("*")).select_from(text(table))):
                    chunks.append(repr(tuple(row)).encode())
    finally:
        engine.dispose()
    return b"\n".join(chunks)


def test_no_canary_is_stored_in_the_clear(
    server: RunningServer, team: Team, request: pytest.FixtureRequest
) -> None:
    """Every personal value is sealed: none of the canaries appear in the database
    bytes or in the server's stderr."""
    _push_canaries(team)
    raw = _database_bytes(server, request)
    assert team.karin.consultant_id.encode() in raw  # the scan does see the stored data
    leaked = [needle for needle in _needles() if needle in raw]
    assert leaked == []
    log = server.stderr_text().encode()
    assert [needle for needle in _needles() if needle in log] == []
