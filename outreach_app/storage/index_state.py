"""The name index's change counter and its sealed snapshot (table ``index_state``).

Triggers made by migration 0006 add one to the counter on every insert, update and
delete of a citizen row, so the counter moves with every change the index could
depend on, whoever writes it. A snapshot stored at counter N is used only while the
counter is still N. Sealing and opening happen in the services; this module only
reads and writes the row.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, LargeBinary, cast, select, text, update

from outreach_app.storage.schema import index_state

CITIZENS = "citizens"
_COUNT = "UPDATE index_state SET counter = counter + 1 WHERE name = 'citizens'"
#: The triggers that keep the counter honest, as migration 0006 makes them; if one is
#: missing or different, no snapshot is trusted.
COUNTER_TRIGGERS = {
    f"citizens_index_{event.lower()}": (
        f"CREATE TRIGGER citizens_index_{event.lower()} AFTER {event} ON citizens "
        f"BEGIN {_COUNT}; END"
    )
    for event in ("INSERT", "UPDATE", "DELETE")
}


@dataclass(frozen=True, slots=True)
class IndexState:
    """The counter now, and the snapshot stored (sealed) with the counter it was made at."""

    counter: int
    snapshot_counter: int | None
    sealed: bytes | None

    @property
    def snapshot_is_current(self) -> bool:
        return self.sealed is not None and self.snapshot_counter == self.counter


def read_counter(connection: Connection, name: str = CITIZENS) -> int | None:
    """The change counter, or None when the vault has no counter to trust (its row or
    one of its triggers is missing, or it is not a number)."""
    if not _triggers_in_place(connection):
        return None
    query = select(index_state.c.counter).where(index_state.c.name == name)
    value = connection.execute(query).scalar()
    return value if type(value) is int else None


def read_state(connection: Connection, name: str = CITIZENS) -> IndexState | None:
    """Counter and snapshot in one read, or None when the counter cannot be trusted.
    (Whatever the file holds, this reads it: a snapshot column of the wrong type
    comes back as bytes that will not open.)"""
    if not _triggers_in_place(connection):
        return None
    query = select(
        index_state.c.counter,
        index_state.c.snapshot_counter,
        cast(index_state.c.snapshot, LargeBinary).label("snapshot"),
    ).where(index_state.c.name == name)
    row = connection.execute(query).first()
    if row is None or type(row.counter) is not int:
        return None
    made_at = row.snapshot_counter if type(row.snapshot_counter) is int else None
    sealed = bytes(row.snapshot) if row.snapshot is not None else None
    return IndexState(row.counter, made_at, sealed)


def snapshot_is_current(connection: Connection, name: str = CITIZENS) -> bool:
    """Whether the stored snapshot was made at the present counter (without reading it)."""
    query = select(index_state.c.counter, index_state.c.snapshot_counter).where(
        index_state.c.name == name, index_state.c.snapshot.is_not(None)
    )
    row = connection.execute(query).first()
    return row is not None and type(row.counter) is int and row.counter == row.snapshot_counter


def store_snapshot(
    connection: Connection, sealed: bytes, *, counter: int, name: str = CITIZENS
) -> bool:
    """Store a snapshot made at ``counter``, only if the counter is still there (one
    statement, so no change can slip in between). False: something changed since."""
    result = connection.execute(
        update(index_state)
        .where(index_state.c.name == name, index_state.c.counter == counter)
        .values(snapshot=sealed, snapshot_counter=counter)
    )
    return result.rowcount == 1


def _triggers_in_place(connection: Connection) -> bool:
    rows = connection.execute(
        text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'citizens'")
    )
    found = {str(row.name): str(row.sql) for row in rows}
    return all(found.get(name) == sql for name, sql in COUNTER_TRIGGERS.items())
