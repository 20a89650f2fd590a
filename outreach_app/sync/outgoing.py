"""From the outbox to push batches, and the central service's answers back.

An outbox entry names a row and the fields that changed; the values are read from
the row when the batch is made, so a change carries what the consultant sees now.
An entry is marked sent only when the service's answer names its change id: if the
consultant edited the row meanwhile, the entry got a new change id and stays pending.
"""

from __future__ import annotations

import functools
import itertools
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

import orjson
from sqlalchemy import (
    ColumnElement,
    Connection,
    String,
    Table,
    case,
    literal_column,
    select,
    type_coerce,
)
from sqlalchemy.dialects import sqlite

from outreach_app.crypto.errors import IntegrityError
from outreach_app.domain.ids import new_id
from outreach_app.protocol.messages import (
    MAX_BODY_BYTES,
    MAX_CHANGES,
    MAX_LOG_ENTRIES,
    UNANNOUNCED_MAX_CHANGES,
    Change,
    ChangeResult,
    Kind,
    LogEntry,
    Op,
    Outcome,
)
from outreach_app.storage import schema
from outreach_app.storage.codec import FieldCodec, open_row, seal_row, update_sealed
from outreach_app.storage.types import IsoDate, UtcDateTime
from outreach_app.sync.convert import from_wire, to_wire, wire_fields

log = logging.getLogger(__name__)

T = TypeVar("T")

TABLES: dict[Kind, Table] = {Kind(t.name): t for t in schema.RECORD_TABLES}
#: The order a push sends kinds in (SPEC §6): the office's records; then assignments,
#: so a new citizen is in this device's scope before any record of theirs arrives,
#: however the outbox is cut into pushes; then citizens; then every kind after the
#: kinds it refers to. Within a kind, the order the changes were made in.
ORDER: tuple[Kind, ...] = (
    Kind.OFFICES,
    Kind.CONSULTANTS,
    Kind.PARTNERS,
    Kind.ASSIGNMENTS,
    Kind.CITIZENS,
    Kind.CONSENTS,
    Kind.APPOINTMENTS,
    Kind.CONTACTS,
    Kind.NOTES,
    Kind.PLANS,
    Kind.MILESTONES,
    Kind.SCORES,
    Kind.REFERRALS,
    Kind.INFORMATION,
)
_SENDING_RANK = {kind.value: i for i, kind in enumerate(ORDER)}
_KINDS = {kind.value: kind for kind in Kind}
_BUDGET = MAX_BODY_BYTES // 2  # room for JSON escaping and the rest of the request


@dataclass(slots=True)
class Pending:
    """An unsent outbox entry. The fields it names are read when its batch is made
    (see ``make_batch``); a sync reads every pending entry first, and a frozen
    dataclass's constructor alone would cost twice as much."""

    seq: int
    change_id: str
    kind: Kind
    row_id: str


@dataclass(slots=True)
class Batch:
    changes: list[Change] = field(default_factory=list)
    unreadable: int = 0  # entries whose row is damaged; they stay pending


@dataclass(slots=True)
class Tally:
    applied: int = 0
    duplicate: int = 0
    conflict: int = 0
    quarantined: int = 0
    forbidden: int = 0
    stale: int = 0  # edited while on the way: sent again in the next batch

    def add(self, outcome: Outcome | None) -> None:
        if outcome is None:
            self.stale += 1
        else:
            setattr(self, outcome.value, getattr(self, outcome.value) + 1)


def pending(connection: Connection, *, after: int = 0, limit: int | None = None) -> list[Pending]:
    """The unsent outbox entries after ``after``, in sending order (``ORDER``, then
    the outbox's own order), sorted by the vault; the first ``limit`` of them if
    given. Read through the driver: a sync reads tens of thousands of them, and
    SQLAlchemy's processing of each row cost as much as the vault's query."""
    sql = _PENDING if limit is None else f"{_PENDING} LIMIT {int(limit)}"
    kinds = _KINDS
    return [
        Pending(seq, change_id, kinds[name], row_id)
        for seq, change_id, name, row_id in connection.exec_driver_sql(sql, (after,))
    ]


def _pending_sql() -> str:
    """The statement of ``pending``; the rank of each kind is written into it."""
    outbox = schema.outbox
    rank = case(_SENDING_RANK, value=outbox.c.table_name, else_=len(ORDER))
    query = (
        select(outbox.c.seq, outbox.c.change_id, outbox.c.table_name, outbox.c.row_id)
        .where(outbox.c.sent_at.is_(None), outbox.c.seq > literal_column("?"))
        .order_by(rank, outbox.c.seq)
    )
    return str(query.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))


_PENDING = _pending_sql()


def unsent(entries: list[Pending], skip: set[str]) -> list[Pending]:
    """The entries from the first not in ``skip`` on (batches take entries from the
    front, so what was sent is mostly a prefix; the rest is still skipped by
    ``make_batch``)."""
    for index, entry in enumerate(entries):
        if entry.change_id not in skip:
            return entries[index:]
    return []


def batch_limit(announced: int | None) -> int:
    """Changes per push: this program's limit, or the service's if it announces a
    lower one (a service that announces none takes 500)."""
    return min(MAX_CHANGES, announced or UNANNOUNCED_MAX_CHANGES)


def make_batch(
    connection: Connection,
    codec: FieldCodec,
    entries: Iterable[Pending],
    *,
    skip: set[str],
    limit: int | None = None,
) -> Batch:
    """The next batch: at most ``limit`` changes (this program's limit unless told
    another) and well under 8 MiB."""
    batch, size = Batch(), 0
    unsent = (e for e in entries if e.change_id not in skip)
    candidates = list(itertools.islice(unsent, limit or MAX_CHANGES))
    rows, revs = _prefetch(connection, candidates)
    named = _named_fields(connection, candidates)
    for entry in candidates:
        row = rows.get((entry.kind, entry.row_id))
        names = named.get(entry.seq)
        try:
            change = None if names is None else _change(codec, entry, names, row, revs)
        except IntegrityError:
            log.error("an outbox entry's row is damaged and cannot be sent")
            batch.unreadable += 1
            skip.add(entry.change_id)
            continue
        if change is None:
            skip.add(entry.change_id)
            continue
        weight = _weight(change.fields)
        if batch.changes and size + weight > _BUDGET:
            break
        batch.changes.append(change)
        size += weight
    return batch


def _weight(fields: dict[str, Any]) -> int:
    """About the bytes the change takes in the request: its fields' compact UTF-8
    JSON (the budget leaves room for escapes) and an allowance for the change's own
    keys."""
    try:
        return 200 + len(orjson.dumps(fields))
    except TypeError:  # an integer beyond 64 bits
        return 200 + len(json.dumps(fields, ensure_ascii=False, default=str))


@functools.cache
def _as_stored(table: Table) -> tuple[ColumnElement[Any], ...]:
    """The table's columns, timestamps and dates left as the ISO text they are stored
    as, which is their form on the wire too (``to_wire`` passes text through)."""
    return tuple(
        type_coerce(c, String).label(c.name) if isinstance(c.type, UtcDateTime | IsoDate) else c
        for c in table.c
    )


def _prefetch(
    connection: Connection, entries: list[Pending]
) -> tuple[dict[tuple[Kind, str], dict[str, Any]], dict[tuple[str, str], int]]:
    """The rows (as mappings of column to stored value) and known revisions of the
    entries, a few queries per kind, read through the driver: building SQLAlchemy's
    rows cost more than the vault's reading them."""
    by_kind: dict[Kind, list[str]] = {}
    for entry in entries:
        by_kind.setdefault(entry.kind, []).append(entry.row_id)
    rows: dict[tuple[Kind, str], dict[str, Any]] = {}
    revs: dict[tuple[str, str], int] = {}
    for kind, ids in by_kind.items():
        select_rows, names = _stored_rows_sql(TABLES[kind])
        at = names.index("id")
        for chunk in chunks(ids):
            marks = _marks(len(chunk))
            for values in connection.exec_driver_sql(select_rows.format(marks=marks), tuple(chunk)):
                rows[(kind, values[at])] = dict(zip(names, values, strict=True))
            found = connection.exec_driver_sql(
                _KNOWN_REVS.format(marks=marks), (kind.value, *chunk)
            )
            revs.update({(kind.value, row_id): int(rev) for row_id, rev in found})
    return rows, revs


@functools.cache
def _stored_rows_sql(table: Table) -> tuple[str, tuple[str, ...]]:
    """The statement reading a table's rows by id, ``{marks}`` left for the ids, and
    its column names. The vault's columns need nothing done to what SQLite returns
    (timestamps and dates are read as the text they are stored as); a test holds it
    so."""
    query = select(*_as_stored(table))
    sql = str(query.compile(dialect=sqlite.dialect()))
    quoted = sqlite.dialect().identifier_preparer.quote(table.name)
    return f"{sql} WHERE {quoted}.id IN ({{marks}})", tuple(c.name for c in table.c)


def _named_fields(connection: Connection, entries: list[Pending]) -> dict[int, list[str]]:
    """The fields each entry names, by seq (an entry edited since it was read names
    the fields of both edits, under the same seq)."""
    named: dict[int, list[str]] = {}
    for chunk in chunks([e.seq for e in entries]):
        query = _NAMED_FIELDS.format(marks=_marks(len(chunk)))
        named.update(
            (seq, orjson.loads(fields))
            for seq, fields in connection.exec_driver_sql(query, tuple(chunk))
        )
    return named


def _change(
    codec: FieldCodec,
    entry: Pending,
    named: list[str],
    row: dict[str, Any] | None,
    revs: dict[tuple[str, str], int],
) -> Change | None:
    table = TABLES[entry.kind]
    if row is None:
        return None
    base_rev = revs.get((entry.kind.value, entry.row_id))
    opened = open_row(codec, table, row)
    deleted = opened.get("deleted_at") is not None and "deleted_at" in named
    if deleted:
        fields = {"deleted_at": to_wire(entry.kind, "deleted_at", opened["deleted_at"])}
    else:
        names = None if base_rev is None else [*named, "updated_at"]
        fields = wire_fields(entry.kind, opened, names)
    return Change(
        change_id=entry.change_id,
        kind=entry.kind,
        id=entry.row_id,
        op=Op.DELETE if deleted else Op.UPSERT,
        base_rev=base_rev,
        fields=fields,
    )


def record_results(
    connection: Connection,
    codec: FieldCodec,
    changes: list[Change],
    results: list[ChangeResult],
    *,
    now: datetime,
) -> Tally:
    """Mark what the service acknowledged; keep conflicts for the consultant."""
    tally = Tally()
    sent = {c.change_id: c for c in changes}
    ours = [r for r in results if r.change_id in sent]
    newly_sent = _mark_sent(connection, ours, now)
    marked = [r for r in ours if r.change_id in newly_sent]
    tally.stale = len(ours) - len(marked)  # edited meanwhile: sent again next time
    revs = [(sent[r.change_id], r.rev) for r in marked if r.rev is not None]
    remember_revs(connection, [(c.kind, c.id, rev) for c, rev in revs])
    for result in marked:
        tally.add(result.outcome)
        if result.conflicts:
            _keep_conflicts(connection, codec, sent[result.change_id], result, now)
    return tally


def _mark_sent(connection: Connection, results: list[ChangeResult], now: datetime) -> set[str]:
    """Mark the entries of these results sent, with the outcome, where they are still
    pending (an entry edited meanwhile was sent again and waits for that answer); the
    change ids marked. One statement per outcome and reason (nearly always one)."""
    waiting = _still_pending(connection, [r.change_id for r in results])
    by_answer: dict[tuple[str, str | None], list[str]] = {}
    for result in results:
        if result.change_id in waiting:
            answer = (result.outcome.value, result.reason[:500] or None)
            by_answer.setdefault(answer, []).append(result.change_id)
    stamp = UtcDateTime().process_bind_param(now, connection.dialect)
    for (outcome, reason), ids in by_answer.items():
        for chunk in chunks(ids):
            connection.exec_driver_sql(
                _MARK_SENT.format(marks=_marks(len(chunk))), (stamp, outcome, reason, *chunk)
            )
    return waiting


def _still_pending(connection: Connection, change_ids: list[str]) -> set[str]:
    found: set[str] = set()
    for chunk in chunks(change_ids):
        query = _STILL_PENDING.format(marks=_marks(len(chunk)))
        found.update(change_id for (change_id,) in connection.exec_driver_sql(query, tuple(chunk)))
    return found


# Statements on the outbox by change id, a few hundred ids at a time, written for the
# driver: SQLAlchemy's expansion of an IN list costs more than SQLite's work here.
_MARK_SENT = (
    "UPDATE outbox SET sent_at = ?, outcome = ?, reason = ? "
    "WHERE change_id IN ({marks}) AND sent_at IS NULL"
)
_STILL_PENDING = "SELECT change_id FROM outbox WHERE change_id IN ({marks}) AND sent_at IS NULL"
_NAMED_FIELDS = "SELECT seq, fields FROM outbox WHERE seq IN ({marks})"
_KNOWN_REVS = "SELECT row_id, rev FROM sync_rows WHERE table_name = ? AND row_id IN ({marks})"
#: Values per ``IN (...)`` list (one bound parameter each).
IN_LIST = 500


def chunks(values: list[T]) -> Iterator[list[T]]:
    """``values`` in lists of at most IN_LIST, for ``IN (...)``."""
    for start in range(0, len(values), IN_LIST):
        yield values[start : start + IN_LIST]


@functools.cache
def _marks(count: int) -> str:
    return ", ".join("?" * count)


# The vault is SQLite: the rows go to the driver as they are, without SQLAlchemy's
# processing of each row's parameters.
_UPSERT_REV = (
    "INSERT INTO sync_rows (table_name, row_id, rev) VALUES (?, ?, ?) "
    "ON CONFLICT (table_name, row_id) DO UPDATE SET rev = max(rev, excluded.rev)"
)


def remember_revs(connection: Connection, revs: list[tuple[Kind, str, int]]) -> None:
    """Keep each record's highest known revision (one statement for many)."""
    if revs:
        connection.exec_driver_sql(_UPSERT_REV, [(k.value, r, rev) for k, r, rev in revs])


def remember_rev(connection: Connection, kind: Kind, row_id: str, rev: int) -> None:
    remember_revs(connection, [(kind, row_id, rev)])


def _keep_conflicts(
    connection: Connection, codec: FieldCodec, change: Change, result: ChangeResult, now: datetime
) -> None:
    """The service kept its value for these fields: show the service's value here too,
    and keep ours for the consultant to review."""
    table = TABLES[change.kind]
    citizen = _citizen_of(connection, change)
    service_values: dict[str, Any] = {}
    for conflict in result.conflicts:
        store_conflict(
            connection,
            codec,
            kind=change.kind,
            row_id=change.id,
            citizen_id=citizen,
            field=conflict.field,
            service_value=conflict.service_value,
            device_value=conflict.device_value,
            now=now,
        )
        if conflict.field in table.c:
            service_values[conflict.field] = from_wire(
                change.kind, conflict.field, conflict.service_value
            )
    if service_values:
        update_sealed(connection, codec, table, change.id, service_values)


def store_conflict(
    connection: Connection,
    codec: FieldCodec,
    *,
    kind: Kind,
    row_id: str,
    citizen_id: str | None,
    field: str,
    service_value: Any,
    device_value: Any,
    now: datetime,
) -> None:
    table = schema.sync_conflicts
    same = (
        table.c.table_name == kind.value,
        table.c.row_id == row_id,
        table.c.field == field,
        table.c.resolved_at.is_(None),
    )
    # the service tells of a conflict twice (in the push answer and in the feed): keep one
    connection.execute(table.delete().where(*same))
    values = {
        "id": new_id(),
        "table_name": kind.value,
        "row_id": row_id,
        "citizen_id": citizen_id,
        "field": field,
        "service_value": service_value,
        "device_value": device_value,
        "found_at": now,
    }
    connection.execute(table.insert().values(seal_row(codec, table, values)))


def _citizen_of(connection: Connection, change: Change) -> str | None:
    if change.kind is Kind.CITIZENS:
        return change.id
    table = TABLES[change.kind]
    if "citizen_id" not in table.c:
        return None
    found = connection.execute(select(table.c.citizen_id).where(table.c.id == change.id))
    value = found.scalar()
    return str(value) if value else None


def log_entries(connection: Connection, codec: FieldCodec, *, after: int) -> list[LogEntry]:
    """Access-log entries the service has not stored yet (the detail opened)."""
    table = schema.access_log
    query = select(table).where(table.c.seq > after).order_by(table.c.seq).limit(MAX_LOG_ENTRIES)
    entries = []
    for row in connection.execute(query):
        try:
            opened = open_row(codec, table, {**row._mapping, "id": row.id})
        except IntegrityError:
            log.error("an access-log entry is damaged; it is sent without its detail")
            opened = {**row._mapping, "detail": ""}
        entries.append(
            LogEntry(
                seq=row.seq,
                id=row.id,
                at=row.at,
                action=row.action,
                citizen_id=row.citizen_id,
                detail=str(opened["detail"] or "")[:20_000],
            )
        )
    return entries
