"""The device side of synchronisation, on a real vault, without a server: what it
sends matches the protocol, what it receives lands in the vault, nothing loops back."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.dialects import sqlite

from outreach_app.domain.clock import ManualClock
from outreach_app.domain.ids import new_id
from outreach_app.protocol.kinds import all_fields, record_problem
from outreach_app.protocol.messages import MAX_CHANGES, Kind, Notice, NoticeType, Record
from outreach_app.services.demo import populate_demo
from outreach_app.services.workspace import Workspace
from outreach_app.storage import schema
from outreach_app.sync import incoming, outgoing
from outreach_app.sync import state as sync_state
from outreach_app.sync.state import SyncState

DERIVED = {"id", "cpr_bidx", "phone_bidx", "next_contact_at"}


def test_the_protocol_names_every_column_of_every_synchronised_table() -> None:
    for table in schema.RECORD_TABLES:
        columns = {c.name for c in table.columns} - DERIVED
        assert columns == set(all_fields(Kind(table.name))), table.name


def test_the_rows_of_a_batch_need_no_conversion_of_what_sqlite_returns() -> None:
    """A batch reads its rows through the driver; that is only right while no column
    as read there has a result conversion in SQLAlchemy."""
    dialect = sqlite.dialect()
    for table in schema.RECORD_TABLES:
        for column in outgoing._as_stored(table):
            assert column.type._cached_result_processor(dialect, None) is None, column


def test_every_change_the_demo_makes_passes_the_services_checks(workspace: Workspace) -> None:
    populate_demo(workspace, citizens=12, seed=3)
    with workspace.vault.read() as connection:
        entries = outgoing.pending(connection)
        batch = outgoing.make_batch(connection, workspace.vault.codec, entries, skip=set())
    assert len(batch.changes) == min(len(entries), 500)
    for change in batch.changes:
        assert change.base_rev is None
        assert record_problem(change.kind, change.fields, new=True) is None, change.kind
    kinds = [c.kind for c in batch.changes]
    assert kinds.index(Kind.ASSIGNMENTS) < kinds.index(Kind.CITIZENS) < kinds.index(Kind.NOTES)


def test_the_outbox_is_sent_kind_by_kind_each_in_the_order_it_was_written(
    workspace: Workspace,
) -> None:
    """Office records, then every assignment, then citizens, then the kinds that refer
    to them; within a kind, outbox order. Every pending entry comes exactly once."""
    populate_demo(workspace, citizens=12, seed=5)
    with workspace.vault.read() as connection:
        entries = outgoing.pending(connection)
        unsent = connection.execute(
            select(schema.outbox.c.seq).where(schema.outbox.c.sent_at.is_(None))
        ).scalars()
        expected = sorted(unsent)
    assert sorted(e.seq for e in entries) == expected
    ranks = [outgoing.ORDER.index(e.kind) for e in entries]
    assert ranks == sorted(ranks)
    for kind in {e.kind for e in entries}:
        seqs = [e.seq for e in entries if e.kind is kind]
        assert seqs == sorted(seqs), kind
    kinds = [e.kind for e in entries]
    assert kinds.index(Kind.ASSIGNMENTS) < kinds.index(Kind.CITIZENS) < kinds.index(Kind.NOTES)
    with workspace.vault.read() as connection:
        later = outgoing.pending(connection, after=entries[0].seq)
    assert [e.seq for e in later] == [e.seq for e in entries if e.seq > entries[0].seq]


def test_a_batch_carries_only_the_changed_fields_of_a_known_record(
    workspace: Workspace,
) -> None:
    citizen = workspace.citizens.register(first_name="Ayaan", phone="20304050")
    with workspace.vault.write() as connection:
        entries = outgoing.pending(connection)
        for entry in entries:
            outgoing.remember_rev(connection, entry.kind, entry.row_id, 7)
        connection.execute(schema.outbox.update().values(sent_at=workspace.clock.now()))
    workspace.citizens.update(citizen.id, phone="20304051")
    with workspace.vault.read() as connection:
        batch = outgoing.make_batch(
            connection, workspace.vault.codec, outgoing.pending(connection), skip=set()
        )
    (change,) = batch.changes
    assert change.base_rev == 7
    assert set(change.fields) == {"phone", "updated_at"}
    assert change.fields["phone"] == "20304051"


def test_a_batch_keeps_to_the_limit_the_service_announces(workspace: Workspace) -> None:
    """An older service announces no limit and takes 500; a lower announced limit is
    kept; a higher one does not raise this program's own."""
    assert outgoing.batch_limit(None) == 500
    assert outgoing.batch_limit(3) == 3
    assert outgoing.batch_limit(10**6) == MAX_CHANGES
    for _ in range(3):
        workspace.citizens.register(first_name="Ayaan")
    with workspace.vault.read() as connection:
        entries = outgoing.pending(connection)
        batch = outgoing.make_batch(connection, workspace.vault.codec, entries, skip=set(), limit=4)
    assert len(entries) > 4 and len(batch.changes) == 4
    assert [c.change_id for c in batch.changes] == [e.change_id for e in entries[:4]]


def test_the_credential_is_sealed_in_the_vault(workspace: Workspace) -> None:
    credential = "canary-credential-" + new_id()
    state = SyncState(
        url="https://127.0.0.1:1",
        fingerprint="sha256:" + "0" * 64,
        certificate="",
        device_id=new_id(),
        credential=credential,
        consultant_id=workspace.me_id,
        office_id=workspace.vault.header.office_id,
        enrolled_at=workspace.clock.now(),
    )
    sync_state.store(workspace.vault, state)
    assert sync_state.load(workspace.vault) == state
    path = workspace.vault.profile.vault_file
    workspace.close()
    raw = b"".join(p.read_bytes() for p in path.parent.glob("vault.sqlite3*"))
    assert credential.encode() not in raw


def test_fourteen_days_without_a_sync_lock_the_laptop(clock: ManualClock) -> None:
    state = SyncState("u", "f", "c", "d", "k", "c", "o", enrolled_at=clock.now())
    assert not state.must_sync(clock.now() + timedelta(days=13, hours=23))
    assert state.must_sync(clock.now() + timedelta(days=14))
    synced = state.with_(last_success=clock.now() + timedelta(days=10))
    assert not synced.must_sync(clock.now() + timedelta(days=20))


def _indexer(ws: Workspace) -> incoming.Indexer:
    return incoming.Indexer(cpr=ws.repos.cpr_digest, phone=ws.repos.phone_digest)


def test_a_received_citizen_is_found_and_is_not_sent_back(workspace: Workspace) -> None:
    citizen_id = new_id()
    now = workspace.clock.now().isoformat()
    records = [
        Record(
            kind=Kind.CITIZENS,
            id=citizen_id,
            rev=5,
            fields={
                "first_name": "Hodan",
                "last_name": "Warsame",
                "cpr": "0101901234",
                "phone": "+45 22 33 44 55",
                "status": "active",
                "created_at": now,
                "updated_at": now,
            },
        ),
        Record(
            kind=Kind.ASSIGNMENTS,
            id=new_id(),
            rev=6,
            fields={
                "citizen_id": citizen_id,
                "consultant_id": workspace.me_id,
                "started_at": now,
                "reason": "",
            },
        ),
    ]
    applied = incoming.Applied()
    before = workspace.pending_changes()
    with workspace.vault.write() as connection:
        incoming.apply_records(
            connection,
            workspace.vault.codec,
            _indexer(workspace),
            records,
            applied,
            now=workspace.clock.now(),
        )
    assert applied.records == 2 and applied.failed == 0
    workspace.reload_index()
    assert [h.id for h in workspace.citizens.search("hodan")] == [citizen_id]
    assert workspace.citizens.find_by_cpr("010190-1234") is not None
    assert workspace.pending_changes() == before


def test_a_field_changed_here_is_kept_until_it_is_sent(workspace: Workspace) -> None:
    citizen = workspace.citizens.register(first_name="Ali", phone="20304050")
    record = Record(
        kind=Kind.CITIZENS,
        id=citizen.id,
        rev=9,
        fields={"first_name": "Alì", "phone": "99887766"},
    )
    with workspace.vault.write() as connection:
        incoming.apply_records(
            connection,
            workspace.vault.codec,
            _indexer(workspace),
            [record],
            incoming.Applied(),
            now=workspace.clock.now(),
        )
    kept = workspace.citizens.get(citizen.id)
    assert kept.first_name == "Ali"  # pending here: the consultant's value stays
    assert kept.phone == "20304050"


def test_a_citizen_who_left_is_removed_with_every_record(workspace: Workspace) -> None:
    populate_demo(workspace, citizens=5, seed=2)
    leaving = workspace.citizens.mine()[0].id
    with workspace.vault.write() as connection:
        connection.execute(schema.outbox.update().values(sent_at=workspace.clock.now()))
        result = incoming.Applied()
        notice = Notice(seq=10, type=NoticeType.LEFT_SCOPE, citizen_id=leaving)
        incoming.apply_notices(
            connection, workspace.vault.codec, [notice], result, workspace.clock.now()
        )
        assert incoming.open_departures(connection) == [leaving]
        assert not incoming.has_pending(connection, leaving)
        incoming.remove_citizen(connection, leaving, workspace.clock.now())
        assert incoming.open_departures(connection) == []
        for table in (*incoming.CITIZEN_TABLES, schema.citizens):
            column = table.c.id if table is schema.citizens else table.c.citizen_id
            assert connection.execute(select(table.c.id).where(column == leaving)).all() == []
    workspace.reload_index()
    assert workspace.citizens.hit(leaving) is None


def test_a_newer_services_extra_fields_do_not_break_this_program() -> None:
    from outreach_app.protocol.messages import StatusResponse

    sent = {
        "device_id": new_id(),
        "consultant_id": new_id(),
        "state": "active",
        "server_seq": 3,
        "protocols": [1],
        "something_new": {"a": 1},
    }
    answer = StatusResponse.model_validate(sent)
    assert answer.server_seq == 3
