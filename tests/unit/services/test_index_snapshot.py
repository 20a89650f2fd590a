"""The name index's sealed snapshot: stored on closing, used on unlocking while the
citizens are as they were, and never used when anything changed them (whoever wrote
the change) or when it does not open intact: then the index is rebuilt from the
records, and the results are the same as they would have been without a snapshot."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from outreach_app.domain.clock import ManualClock
from outreach_app.domain.ids import CitizenId
from outreach_app.domain.people import CitizenStatus
from outreach_app.services.check import check_vault
from outreach_app.services.search import (
    INDEX_SNAPSHOT,
    CitizenHit,
    NameIndex,
    decode_rows,
    encode_rows,
)
from outreach_app.services.workspace import Workspace
from outreach_app.storage import schema
from outreach_app.storage.codec import update_sealed
from outreach_app.storage.profile import Profile
from tests.conftest import PASSPHRASE
from tests.unit.storage.vaults import raw, triggers_dropped

NAMES = [
    ("Søren", "Ølgaard", "010190-1234"),
    ("Ahmed", "Hassan", None),
    ("Anna-Maria", "Müller-Lüdenscheid", "241288-1234"),
    ("Hodan", "", None),
    ("قال", "🙂 Emoji", None),
]
QUERIES = ["sor", "olg", "ahm", "anna m", "muller", "lud", "hodan", "قال", "a", "x"]


@pytest.fixture
def rebuilds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry for every time a workspace builds its index from the records."""
    calls: list[int] = []
    rebuild = Workspace.reload_index

    def counted(self: Workspace) -> None:
        calls.append(1)
        rebuild(self)

    monkeypatch.setattr(Workspace, "reload_index", counted)
    return calls


@pytest.fixture
def registered(workspace: Workspace) -> list[CitizenId]:
    """Five citizens (one closed), the workspace closed: its snapshot is stored."""
    ids = [
        workspace.citizens.register(first_name=first, last_name=last, cpr=cpr).id
        for first, last, cpr in NAMES
    ]
    workspace.citizens.close_case(ids[1])
    workspace.close()
    return ids


def _opened(profile: Profile, clock: ManualClock) -> Workspace:
    return Workspace.open(profile, PASSPHRASE, clock=clock)


@pytest.fixture
def reopen(profile: Profile, clock: ManualClock) -> Iterator[Callable[[], Workspace]]:
    opened: list[Workspace] = []

    def again() -> Workspace:
        ws = _opened(profile, clock)
        opened.append(ws)
        return ws

    yield again
    for ws in opened:
        if ws.is_open:
            ws.close()


def _state(profile: Profile) -> tuple[int, int | None, bytes | None]:
    connection = sqlite3.connect(profile.vault_file)
    try:
        row = connection.execute(
            "SELECT counter, snapshot_counter, CAST(snapshot AS BLOB) FROM index_state"
            " WHERE name = 'citizens'"
        ).fetchone()
    finally:
        connection.close()
    return row[0], row[1], row[2]


def _results(ws: Workspace) -> dict[str, list[CitizenHit]]:
    found = {query: ws.citizens.search(query) for query in QUERIES}
    found["*"] = ws.citizens.mine()
    return found


def _expected(profile: Profile, clock: ManualClock, rebuilds: list[int]) -> object:
    """What the index holds when built from the records, without any snapshot."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Workspace, "_restore_index", lambda self: False)
        ws = _opened(profile, clock)
        try:
            return _results(ws)
        finally:
            patch.setattr(Workspace, "save_index_snapshot", lambda self: False)
            ws.close()
            rebuilds.clear()


def test_closing_stores_a_snapshot_and_unlocking_uses_it(
    registered: list[CitizenId],
    profile: Profile,
    clock: ManualClock,
    reopen: Callable[[], Workspace],
    rebuilds: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counter, made_at, sealed = _state(profile)
    assert sealed is not None and made_at == counter > 0
    expected = _expected(profile, clock, rebuilds)
    ws = reopen()
    assert rebuilds == [], "the index came from the snapshot"
    assert _results(ws) == expected
    hit = ws.citizens.hit(registered[0])
    assert hit is not None and hit.masked_cpr == "010190-xxxx"
    assert ws.citizens.hit(registered[1]).status is CitizenStatus.CLOSED  # type: ignore[union-attr]
    assert ws.citizens.search("010190-1234")[0].id == registered[0]  # blind index, as before
    ws.close()
    assert _state(profile) == (counter, made_at, sealed), "a current snapshot is not rewritten"


def test_a_change_written_with_plain_sql_makes_the_snapshot_stale(
    registered: list[CitizenId],
    profile: Profile,
    reopen: Callable[[], Workspace],
    rebuilds: list[int],
) -> None:
    """A sync or any other program writing the citizens table directly, without the
    services and without touching the index: the trigger counts the change, so the
    old snapshot is not used and the change is found."""
    ws = reopen()
    sealed = ws.vault.codec.seal(
        "Zainab", table="citizens", column="first_name", row_id=registered[0]
    )
    ws.close()
    before = _state(profile)
    with raw(profile.vault_file) as db:
        db.execute("UPDATE citizens SET first_name = ? WHERE id = ?", (sealed, registered[0]))
    after = _state(profile)
    assert after[0] == before[0] + 1 and after[1] == before[1], "the counter moved"
    rebuilds.clear()
    ws = reopen()
    assert rebuilds == [1], "the stale snapshot was not used"
    assert [h.id for h in ws.citizens.search("zainab")] == [registered[0]]
    assert ws.citizens.search("søren") == []
    ws.close()
    counter, made_at, _ = _state(profile)
    assert made_at == counter == after[0], "closing stored a snapshot of the change"
    rebuilds.clear()
    ws = reopen()
    assert rebuilds == []
    assert [h.id for h in ws.citizens.search("zain")] == [registered[0]]


def test_a_change_by_another_path_while_open_is_in_the_next_snapshot(
    registered: list[CitizenId],
    reopen: Callable[[], Workspace],
    rebuilds: list[int],
) -> None:
    """Rows written on the open vault's own connection past the services (as a sync
    pull writes them: a changed name, a tombstone): the index in memory does not know,
    so closing rebuilds it from the records before it is stored."""
    ws = reopen()
    with ws.vault.write() as connection:
        update_sealed(
            connection, ws.vault.codec, schema.citizens, registered[2], {"last_name": "Berg"}
        )
        connection.execute(
            schema.citizens.update()
            .where(schema.citizens.c.id == registered[3])
            .values(deleted_at=ws.clock.now())
        )
    assert ws.citizens.search("muller"), "the open index is as it was"
    ws.close()
    assert rebuilds == [1], "closing rebuilt the index once"
    rebuilds.clear()
    ws = reopen()
    assert rebuilds == []
    assert [h.id for h in ws.citizens.search("anna berg")] == [registered[2]]
    assert ws.citizens.search("muller") == []
    assert ws.citizens.hit(registered[3]) is None


def test_own_changes_are_in_the_next_snapshot(
    registered: list[CitizenId], reopen: Callable[[], Workspace], rebuilds: list[int]
) -> None:
    ws = reopen()
    walk_in = ws.citizens.register(first_name="Yusuf", last_name="Ali", cpr="020202-2222")
    ws.citizens.update(registered[0], last_name="Holm")
    ws.close()
    rebuilds.clear()
    ws = reopen()
    assert rebuilds == []
    assert [h.id for h in ws.citizens.search("yusuf")] == [walk_in.id]
    assert ws.citizens.hit(walk_in.id).masked_cpr == "020202-xxxx"  # type: ignore[union-attr]
    assert [h.id for h in ws.citizens.search("søren holm")] == [registered[0]]


def _flip_byte(db: sqlite3.Connection) -> None:
    (sealed,) = db.execute("SELECT snapshot FROM index_state").fetchone()
    changed = bytearray(sealed)
    changed[len(changed) // 2] ^= 0x01
    db.execute("UPDATE index_state SET snapshot = ?", (bytes(changed),))


TAMPERINGS: dict[str, Callable[[sqlite3.Connection], object]] = {
    "a flipped byte": _flip_byte,
    "cut short": lambda db: db.execute("UPDATE index_state SET snapshot = substr(snapshot, 1, 20)"),
    "moved to another counter": lambda db: db.execute(
        "UPDATE index_state SET counter = counter + 5, snapshot_counter = snapshot_counter + 5"
    ),
    "an unknown format version": lambda db: db.execute(
        "UPDATE index_state SET snapshot = x'02' || substr(snapshot, 2)"
    ),
    "not a snapshot at all": lambda db: db.execute("UPDATE index_state SET snapshot = x'00'"),
}


@pytest.mark.parametrize("tamper", TAMPERINGS.values(), ids=TAMPERINGS.keys())
def test_a_snapshot_that_does_not_open_intact_is_rebuilt(
    registered: list[CitizenId],
    profile: Profile,
    clock: ManualClock,
    reopen: Callable[[], Workspace],
    rebuilds: list[int],
    monkeypatch: pytest.MonkeyPatch,
    tamper: Callable[[sqlite3.Connection], object],
) -> None:
    expected = _expected(profile, clock, rebuilds)
    with raw(profile.vault_file) as db:
        tamper(db)
    ws = reopen()
    assert rebuilds == [1]
    assert _results(ws) == expected
    ws.close()
    counter, made_at, _ = _state(profile)
    assert made_at == counter, "a good snapshot replaced the bad one"
    rebuilds.clear()
    ws = reopen()
    assert rebuilds == []
    assert _results(ws) == expected


def test_a_snapshot_that_opens_but_does_not_read_is_rebuilt(
    registered: list[CitizenId],
    profile: Profile,
    reopen: Callable[[], Workspace],
    rebuilds: list[int],
) -> None:
    """Authentic but of a layout this program does not read (a future format, or rows of
    the wrong shape): rebuilt, never half-read."""
    for document in (
        b'{"format":2,"citizens":[]}',
        encode_rows([("id", "Søren", "Ølgaard", "", "emigrated")]),
        b'{"format":1,"citizens":[["id","S\\u00f8ren"]]}',
        b"not json",
    ):
        ws = reopen()
        counter = _state(profile)[0]
        sealed = ws.vault.keys.snapshots.seal(document, kind=INDEX_SNAPSHOT, counter=counter)
        with ws.vault.write() as connection:
            connection.exec_driver_sql(
                "UPDATE index_state SET snapshot = ?, snapshot_counter = ?", (sealed, counter)
            )
        ws.close()  # current (by its counter): not rewritten
        rebuilds.clear()
        ws = reopen()
        assert rebuilds == [1]
        assert [h.id for h in ws.citizens.search("søren")] == [registered[0]]
        ws.close()
        assert _state(profile)[2] != sealed, "replaced by a good one on closing"


def test_without_its_triggers_no_snapshot_is_trusted_or_stored(
    registered: list[CitizenId],
    profile: Profile,
    reopen: Callable[[], Workspace],
    rebuilds: list[int],
) -> None:
    """A counter nobody keeps is no counter: with a trigger missing (or changed), the
    index is always rebuilt and no snapshot is stored."""
    with raw(profile.vault_file) as db:
        db.execute("DROP TRIGGER citizens_index_update")
        db.execute("UPDATE index_state SET snapshot = NULL, snapshot_counter = NULL")
    ws = reopen()
    assert rebuilds == [1]
    assert [h.id for h in ws.citizens.search("søren")] == [registered[0]]
    assert ws.save_index_snapshot() is False
    ws.close()
    assert _state(profile)[2] is None


def test_a_change_between_rebuilding_and_storing_stores_nothing(
    registered: list[CitizenId],
    profile: Profile,
    reopen: Callable[[], Workspace],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The snapshot is stored only if the counter is still the one it was made at
    (a sync thread may write in between): otherwise the next unlock rebuilds."""
    ws = reopen()
    ws.citizens.update(registered[0], last_name="Holm")
    rebuild = Workspace.reload_index

    def rebuild_then_change(self: Workspace) -> None:
        rebuild(self)
        with raw(profile.vault_file) as db:
            db.execute("UPDATE citizens SET status = 'closed' WHERE id = ?", (registered[2],))

    monkeypatch.setattr(Workspace, "reload_index", rebuild_then_change)
    assert ws.save_index_snapshot() is False
    counter, made_at, _ = _state(profile)
    assert made_at is not None and made_at < counter


def test_a_vault_closed_on_a_full_disk_still_closes(
    registered: list[CitizenId],
    reopen: Callable[[], Workspace],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from outreach_app.storage.errors import StorageFull

    ws = reopen()
    ws.citizens.update(registered[0], last_name="Holm")

    def full(self: Workspace) -> bool:
        raise StorageFull

    monkeypatch.setattr(Workspace, "save_index_snapshot", full)
    ws.close()
    assert not ws.is_open
    assert "name index snapshot not stored (StorageFull)" in caplog.text


def test_a_migrated_vault_gets_its_counter_and_first_snapshot(
    tmp_path: Path, profile: Profile, clock: ManualClock, workspace: Workspace
) -> None:
    """Counting starts with the migration (the row and triggers are made there); the
    first close stores the first snapshot."""
    workspace.citizens.register(first_name="Mette")
    workspace.close()
    counter, made_at, sealed = _state(profile)
    assert counter == 1 and made_at == 1 and sealed


# -- outreach-app check ----------------------------------------------------------------------


def test_check_finds_the_current_snapshot_intact(
    registered: list[CitizenId], reopen: Callable[[], Workspace]
) -> None:
    assert check_vault(reopen().vault).ok


def test_check_names_a_snapshot_the_records_do_not_match(
    registered: list[CitizenId], profile: Profile, reopen: Callable[[], Workspace]
) -> None:
    """Someone with the file changes a citizen past the triggers (dropped and put back):
    the counter does not move and the snapshot is used, but ``check`` tells."""
    with raw(profile.vault_file) as db, triggers_dropped(db, "citizens"):
        db.execute("UPDATE citizens SET status = 'active' WHERE id = ?", (registered[1],))
    report = check_vault(reopen().vault)
    assert [(d.table, d.record, d.column, d.reason) for d in report.damaged] == [
        ("index_state", "citizens", "snapshot", "does not match 1 citizen record(s)")
    ]


def test_check_names_a_snapshot_that_does_not_open(
    registered: list[CitizenId], profile: Profile, reopen: Callable[[], Workspace]
) -> None:
    with raw(profile.vault_file) as db:
        _flip_byte(db)
    report = check_vault(reopen().vault)
    assert [(d.table, d.column) for d in report.damaged] == [("index_state", "snapshot")]
    assert "authentication failed" in report.damaged[0].reason


# -- the index's rows and their encoding ---------------------------------------------------


def _index_of(hits: list[CitizenHit]) -> NameIndex:
    index = NameIndex()
    for hit in hits:
        index.put_hit(hit)
    return index


HITS = [
    CitizenHit(CitizenId(f"id-{n}"), first, last, masked, status)
    for n, (first, last, masked, status) in enumerate(
        [
            ("Søren", "Ølgaard", "010190-xxxx", CitizenStatus.ACTIVE),
            ("Anna-Maria", "Müller-Lüdenscheid", "", CitizenStatus.CLOSED),
            ("Åse", "Æbelø", "241288-xxxx", CitizenStatus.ACTIVE),
            ("قال", '"quoted" \\ back', "", CitizenStatus.ACTIVE),
            ("Hodan", "", "", CitizenStatus.ACTIVE),
            ("Hodan", "", "", CitizenStatus.ACTIVE),
        ]
    )
]


def test_an_index_restored_from_its_rows_searches_alike() -> None:
    """Rows out, encoded, decoded, restored: every query finds the same citizens in the
    same order, with the same masked CPR and status (names folded again on restoring)."""
    original = _index_of(HITS)
    restored = NameIndex()
    restored.restore(decode_rows(encode_rows(original.rows())))
    assert len(restored) == len(HITS)
    assert restored.all() == original.all()
    for query in ("sor", "olgaard", "ase aebelo", "anna lud", "muller", "hodan", "قال", '"quo'):
        assert restored.search(query) == original.search(query), query


def test_rows_open_the_cpr_numbers_still_sealed() -> None:
    """An index built from the records keeps CPR numbers sealed until shown; its rows
    hold them masked, so a restored index never needs to open them."""
    index = NameIndex(cpr_mask=lambda _id, sealed: sealed.decode() + "-xxxx")
    index.put_hit(HITS[4], sealed_cpr=b"020202")
    assert index.rows()[0][3] == "020202-xxxx"


@pytest.mark.parametrize(
    "document",
    [
        b"",
        b"[]",
        b'{"citizens":[]}',
        b'{"format":2,"citizens":[]}',
        b'{"format":1}',
        b'{"format":1,"citizens":{}}',
        b'{"format":1,"citizens":[["a","b","c","d"]]}',
        b'{"format":1,"citizens":[["a","b","c","d","active","f"]]}',
        b'{"format":1,"citizens":[["a","b",3,"d","active"]]}',
        b'{"format":1,"citizens":[["a","b","c","d","gone"]]}',
        b'{"format":1,"citizens":["abcde"]}',
        b"\xff\xfe",
    ],
)
def test_anything_but_rows_of_this_format_is_refused(document: bytes) -> None:
    with pytest.raises(ValueError):
        decode_rows(document)
