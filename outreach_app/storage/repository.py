"""Repositories: one per record table, mapping domain records to sealed rows.

Every insert and update also records, in the same transaction, which fields of
which row changed in the ``outbox``; the sync engine pushes from there. Pending
changes to the same row are coalesced into one outbox entry.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Connection, Table, insert, select, update
from sqlalchemy.sql.elements import UnaryExpression

from outreach_app.crypto.errors import IntegrityError
from outreach_app.domain.errors import NotFound
from outreach_app.domain.ids import new_change_id
from outreach_app.storage.codec import FieldCodec, open_row, seal_row, update_sealed
from outreach_app.storage.mapping import from_values, to_values
from outreach_app.storage.schema import outbox

E = TypeVar("E")
Extra = Callable[[Any], dict[str, Any]]
OnDamage = Callable[[IntegrityError], None]
STAMPS = ("created_at", "updated_at", "deleted_at")


class Repository(Generic[E]):
    """Reads and writes the records of one table."""

    def __init__(
        self,
        table: Table,
        entity: type[E],
        codec: Callable[[], FieldCodec],
        *,
        extra: Extra | None = None,
        on_damage: OnDamage | None = None,
        synced: bool = True,
    ) -> None:
        self.table = table
        self.entity = entity
        self._synced = synced
        self._codec = codec
        self._extra = extra
        self._on_damage = on_damage
        self._columns = frozenset(c.name for c in table.columns)

    # -- writing ---------------------------------------------------------------

    def add(self, connection: Connection, record: E, *, now: datetime) -> None:
        self.add_many(connection, [record], now=now)

    def add_many(self, connection: Connection, records: Sequence[E], *, now: datetime) -> None:
        if not records:
            return
        rows = [self._row(r, now=now, created=True) for r in records]
        connection.execute(insert(self.table), rows)
        fields = sorted(c for c in rows[0] if c not in ("id", *STAMPS))
        self._changed(connection, [r["id"] for r in rows], fields, now)

    def save(self, connection: Connection, before: E, after: E, *, now: datetime) -> list[str]:
        """Write the fields in which ``after`` differs from ``before``; returns them."""
        old, new = self._values(before), self._values(after)
        changed = sorted(k for k, v in new.items() if old.get(k) != v and k != "id")
        if not changed:
            return []
        values = {k: new[k] for k in changed} | {"id": new["id"]}
        if "updated_at" in self._columns:
            values["updated_at"] = now
        update_sealed(connection, self._codec(), self.table, str(new["id"]), values)
        self._changed(connection, [str(new["id"])], changed, now)
        return changed

    def tombstone(self, connection: Connection, record_id: str, *, now: datetime) -> None:
        """Mark a record deleted; the row stays as a tombstone for synchronisation."""
        connection.execute(
            update(self.table)
            .where(self.table.c.id == record_id)
            .values(deleted_at=now, updated_at=now)
        )  # record tables all carry both stamps
        self._changed(connection, [record_id], ["deleted_at"], now)

    # -- reading ---------------------------------------------------------------

    def get(self, connection: Connection, record_id: str) -> E | None:
        """One record; a damaged one raises IntegrityError naming it."""
        found = self._select(connection, self.table.c.id == record_id, strict=True)
        return found[0] if found else None

    def require(self, connection: Connection, record_id: str) -> E:
        record = self.get(connection, record_id)
        if record is None:
            raise NotFound(self.table.name.rstrip("s"), record_id)
        return record

    def find(
        self,
        connection: Connection,
        *where: ColumnElement[bool],
        order_by: Iterable[UnaryExpression[Any] | ColumnElement[Any]] = (),
        include_deleted: bool = False,
    ) -> list[E]:
        """Records matching ``where``. A damaged record is reported to the damage
        handler and left out, so one bad field never hides the rest."""
        return self._select(
            connection,
            *where,
            order_by=order_by,
            include_deleted=include_deleted,
            strict=self._on_damage is None,
        )

    def _select(
        self,
        connection: Connection,
        *where: ColumnElement[bool],
        order_by: Iterable[UnaryExpression[Any] | ColumnElement[Any]] = (),
        include_deleted: bool = False,
        strict: bool,
    ) -> list[E]:
        query = select(self.table).where(*where)
        if not include_deleted and "deleted_at" in self._columns:
            query = query.where(self.table.c.deleted_at.is_(None))
        codec = self._codec()
        records: list[E] = []
        for row in connection.execute(query.order_by(*order_by)):
            try:
                records.append(from_values(self.entity, open_row(codec, self.table, row._mapping)))
            except IntegrityError as damage:
                if strict or self._on_damage is None:
                    raise
                self._on_damage(damage)
        return records

    # -- helpers ---------------------------------------------------------------

    def _changed(
        self, connection: Connection, row_ids: Sequence[str], fields: list[str], now: datetime
    ) -> None:
        if self._synced:
            record_changes(connection, self.table.name, row_ids, fields, now)

    def _values(self, record: E) -> dict[str, Any]:
        values = {k: v for k, v in to_values(record).items() if k in self._columns}
        if self._extra is not None:
            values.update(self._extra(record))
        return values

    def _row(self, record: E, *, now: datetime, created: bool) -> dict[str, Any]:
        values = self._values(record)
        if "created_at" in self._columns and created:
            values.setdefault("created_at", now)
            values.setdefault("updated_at", now)
            values.setdefault("deleted_at", None)
        return seal_row(self._codec(), self.table, values)


def record_changes(
    connection: Connection, table: str, row_ids: Sequence[str], fields: list[str], now: datetime
) -> None:
    """Append to the outbox, merging into a pending entry for the same row."""
    pending = _pending_fields(connection, table, row_ids)
    fresh = [
        {
            "change_id": new_change_id(),
            "table_name": table,
            "row_id": r,
            "fields": json.dumps(fields),
            "created_at": now,
        }
        for r in row_ids
        if r not in pending
    ]
    if fresh:
        connection.execute(insert(outbox), fresh)
    for seq, earlier in pending.values():
        merged = sorted(set(earlier) | set(fields))
        connection.execute(
            update(outbox)
            .where(outbox.c.seq == seq)
            .values(fields=json.dumps(merged), change_id=new_change_id(), created_at=now)
        )


def _pending_fields(
    connection: Connection, table: str, row_ids: Sequence[str]
) -> dict[str, tuple[int, list[str]]]:
    if len(row_ids) > 1:
        # bulk inserts are new rows: nothing can be pending for them
        return {}
    query = select(outbox.c.seq, outbox.c.row_id, outbox.c.fields).where(
        outbox.c.table_name == table, outbox.c.row_id.in_(row_ids), outbox.c.sent_at.is_(None)
    )
    return {r.row_id: (r.seq, json.loads(r.fields)) for r in connection.execute(query)}
