"""Applying the central service's feed to the vault.

A record from the feed overwrites the vault's copy field by field, except fields the
consultant changed here and has not yet pushed: those stay as they are until the
service has them. Writes go straight to the tables, not through the repositories, so
nothing received is queued to be sent back. Blind indexes and derived columns are
computed here with this vault's keys.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError as DatabaseIntegrityError

from outreach_app.crypto.errors import IntegrityError
from outreach_app.domain.ids import new_id
from outreach_app.protocol.kinds import all_fields
from outreach_app.protocol.messages import Kind, Notice, NoticeType, Record
from outreach_app.storage import schema
from outreach_app.storage.codec import FieldCodec, open_row, seal_row, update_sealed
from outreach_app.sync.convert import from_wire
from outreach_app.sync.outgoing import TABLES, chunks, remember_rev, store_conflict

log = logging.getLogger(__name__)

Digest = Callable[[str], bytes]
#: Citizen kinds, in the order a citizen's rows are removed (what refers to others first).
CITIZEN_TABLES: tuple[Table, ...] = (
    schema.referrals,
    schema.consents,
    schema.notes,
    schema.contacts,
    schema.appointments,
    schema.plans,
    schema.milestones,
    schema.scores,
    schema.information,
    schema.assignments,
)


@dataclass(frozen=True, slots=True)
class Indexer:
    """This vault's blind indexes for the citizen columns looked up exactly."""

    cpr: Digest
    phone: Digest


@dataclass(slots=True)
class Applied:
    records: int = 0
    citizens_changed: bool = False
    failed: int = 0
    departures: list[str] = field(default_factory=list)
    merged: int = 0
    conflicts: int = 0


def _order(record: Record) -> tuple[int, int]:
    """Within a page: citizens' tombstones, citizens, ended then new assignments, the rest;
    so a unique index (one live CPR, one active assignment) never sees two at once."""
    if record.kind is Kind.CITIZENS:
        return (0 if record.deleted else 1, record.rev)
    if record.kind is Kind.ASSIGNMENTS:
        ended = record.deleted or record.fields.get("ended_at") is not None
        return (2 if ended else 3, record.rev)
    return (4, record.rev)


def apply_records(
    connection: Connection,
    codec: FieldCodec,
    indexer: Indexer,
    records: list[Record],
    result: Applied,
    *,
    now: datetime,
) -> None:
    for record in sorted(records, key=_order):
        try:
            with connection.begin_nested():
                _apply(connection, codec, indexer, record, now)
        except (DatabaseIntegrityError, IntegrityError, ValueError, KeyError, TypeError) as exc:
            # kept by the service; shown as a problem, never silently dropped
            log.error(
                "a %s record from the service could not be applied (%s)",
                record.kind.value,
                type(exc).__name__,
            )
            result.failed += 1
            continue
        result.records += 1
        if record.kind is Kind.CITIZENS:
            result.citizens_changed = True


def _apply(
    connection: Connection, codec: FieldCodec, indexer: Indexer, record: Record, now: datetime
) -> None:
    table = TABLES[record.kind]
    known = all_fields(record.kind)
    values = {
        name: from_wire(record.kind, name, value)
        for name, value in record.fields.items()
        if name in known and name in table.c
    }
    stored = connection.execute(select(table).where(table.c.id == record.id)).first()
    if stored is None:
        if record.deleted:
            remember_rev(connection, record.kind, record.id, record.rev)
            return
        _insert(connection, codec, table, record.id, values, now=now)
    else:
        held = _pending_fields(connection, record.kind, record.id)
        current = open_row(codec, table, stored._mapping)
        values = {k: v for k, v in values.items() if k not in held and current.get(k) != v}
        if record.deleted and "deleted_at" not in held and current.get("deleted_at") is None:
            values["deleted_at"] = values.get("deleted_at") or values.get("updated_at") or now
        if values:
            update_sealed(connection, codec, table, record.id, values)
    _derive(connection, codec, indexer, record.kind, record.id)
    remember_rev(connection, record.kind, record.id, record.rev)


def _insert(
    connection: Connection,
    codec: FieldCodec,
    table: Table,
    row_id: str,
    values: dict[str, Any],
    *,
    now: datetime,
) -> None:
    row: dict[str, Any] = {"id": row_id}
    for column in table.columns:
        if column.name == "id":
            continue
        if column.name in values:
            row[column.name] = values[column.name]
        elif column.info.get("encrypted"):
            row[column.name] = None  # sealed as an empty value
    if "created_at" in table.c:
        stamp = row.get("created_at") or row.get("updated_at") or now
        row["created_at"] = stamp
        row["updated_at"] = row.get("updated_at") or stamp
    if "active" in table.c and row.get("active") is None:
        row["active"] = 1
    connection.execute(insert(table).values(seal_row(codec, table, row)))


def _derive(
    connection: Connection, codec: FieldCodec, indexer: Indexer, kind: Kind, row_id: str
) -> None:
    """Recompute the columns this vault derives with its own keys."""
    if kind is Kind.CITIZENS:
        table = schema.citizens
        row = connection.execute(select(table.c.cpr, table.c.phone).where(table.c.id == row_id))
        sealed = row.one()
        cpr = codec.open(sealed.cpr, table="citizens", column="cpr", row_id=row_id)
        phone = codec.open(sealed.phone, table="citizens", column="phone", row_id=row_id)
        connection.execute(
            update(table)
            .where(table.c.id == row_id)
            .values(
                cpr_bidx=indexer.cpr(cpr) if cpr else None,
                phone_bidx=indexer.phone(phone) if phone else None,
            )
        )
    elif kind is Kind.PLANS:
        table = schema.plans
        sealed = connection.execute(
            select(table.c.next_contact).where(table.c.id == row_id)
        ).scalar_one()
        next_contact = codec.open(sealed, table="plans", column="next_contact", row_id=row_id)
        at = next_contact.get("at") if isinstance(next_contact, dict) else None
        connection.execute(
            update(table)
            .where(table.c.id == row_id)
            .values(next_contact_at=datetime.fromisoformat(at) if at else None)
        )


def _pending_fields(connection: Connection, kind: Kind, row_id: str) -> set[str]:
    outbox = schema.outbox
    found = connection.execute(
        select(outbox.c.fields).where(
            outbox.c.table_name == kind.value,
            outbox.c.row_id == row_id,
            outbox.c.sent_at.is_(None),
        )
    ).scalar()
    return set(json.loads(found)) if found else set()


# -- notices ---------------------------------------------------------------------------------


def apply_notices(
    connection: Connection, codec: FieldCodec, notices: list[Notice], result: Applied, now: datetime
) -> None:
    for notice in notices:
        if notice.type is NoticeType.CONFLICT and notice.kind and notice.id and notice.field:
            store_conflict(
                connection,
                codec,
                kind=notice.kind,
                row_id=notice.id,
                citizen_id=notice.citizen_id,
                field=notice.field,
                service_value=notice.service_value,
                device_value=notice.device_value,
                now=now,
            )
            result.conflicts += 1
        elif notice.type is NoticeType.LEFT_SCOPE and notice.citizen_id:
            _departure(connection, codec, notice, notice.citizen_id, None, now=now)
            result.departures.append(notice.citizen_id)
        elif notice.type is NoticeType.MERGED and notice.from_citizen and notice.into_citizen:
            _departure(connection, codec, notice, notice.from_citizen, notice.into_citizen, now=now)
            result.departures.append(notice.from_citizen)
            result.merged += 1


def _departure(
    connection: Connection,
    codec: FieldCodec,
    notice: Notice,
    citizen_id: str,
    other_id: str | None,
    *,
    now: datetime,
) -> None:
    """Remember that a citizen leaves this laptop (done once their changes are sent),
    with their name, so the consultant can be told who."""
    label = _name_of(connection, codec, citizen_id)
    values = {
        "id": new_id(),
        "kind": notice.type.value,
        "seq": notice.seq,
        "citizen_id": citizen_id,
        "other_id": other_id,
        "label": label,
        "received_at": now,
    }
    table = schema.sync_notices
    connection.execute(table.insert().values(seal_row(codec, table, values)))


def _name_of(connection: Connection, codec: FieldCodec, citizen_id: str) -> str:
    table = schema.citizens
    row = connection.execute(
        select(table.c.first_name, table.c.last_name).where(table.c.id == citizen_id)
    ).first()
    if row is None:
        return ""
    try:
        parts = [
            codec.open(row.first_name, table="citizens", column="first_name", row_id=citizen_id),
            codec.open(row.last_name, table="citizens", column="last_name", row_id=citizen_id),
        ]
    except IntegrityError:
        return ""
    return " ".join(p for p in parts if p)


# -- departures ------------------------------------------------------------------------------


def open_departures(connection: Connection) -> list[str]:
    table = schema.sync_notices
    rows = connection.execute(
        select(table.c.citizen_id)
        .where(table.c.done_at.is_(None), table.c.citizen_id.is_not(None))
        .order_by(table.c.seq)
    )
    return list(dict.fromkeys(str(r.citizen_id) for r in rows))


def came_back(connection: Connection, citizen_id: str, consultant_id: str) -> bool:
    """True when, after the citizen left, the feed gave them back to this consultant
    (an active assignment received at a later seq than the departure notice)."""
    notices, assignments, revs = schema.sync_notices, schema.assignments, schema.sync_rows
    left = connection.execute(
        select(func.max(notices.c.seq)).where(
            notices.c.citizen_id == citizen_id, notices.c.done_at.is_(None)
        )
    ).scalar()
    returned = connection.execute(
        select(func.max(revs.c.rev))
        .join(assignments, assignments.c.id == revs.c.row_id)
        .where(
            revs.c.table_name == "assignments",
            assignments.c.citizen_id == citizen_id,
            assignments.c.consultant_id == consultant_id,
            assignments.c.ended_at.is_(None),
            assignments.c.deleted_at.is_(None),
        )
    ).scalar()
    return left is not None and returned is not None and returned > left


def settle_departure(connection: Connection, citizen_id: str, now: datetime) -> None:
    """The citizen stays: their departure notices are done without removing anything."""
    notices = schema.sync_notices
    connection.execute(
        update(notices)
        .where(notices.c.citizen_id == citizen_id, notices.c.done_at.is_(None))
        .values(done_at=now)
    )


def rows_of(connection: Connection, citizen_id: str) -> dict[str, list[str]]:
    """Every row id of a citizen, per table (the citizen's own row included)."""
    rows = {
        table.name: list(
            connection.execute(select(table.c.id).where(table.c.citizen_id == citizen_id)).scalars()
        )
        for table in CITIZEN_TABLES
    }
    rows["citizens"] = [citizen_id]
    return rows


def has_pending(connection: Connection, citizen_id: str) -> bool:
    outbox = schema.outbox
    for table, ids in rows_of(connection, citizen_id).items():
        for chunk in chunks(ids):
            found = connection.execute(
                select(outbox.c.seq)
                .where(
                    outbox.c.table_name == table,
                    outbox.c.row_id.in_(chunk),
                    outbox.c.sent_at.is_(None),
                    outbox.c.outcome.is_(None),
                )
                .limit(1)
            ).first()
            if found:
                return True
    return False


def remove_citizen(connection: Connection, citizen_id: str, now: datetime) -> None:
    """Take a citizen and every record of theirs off this laptop. Their access-log
    entries stay (they hold ids, never names)."""
    rows = rows_of(connection, citizen_id)
    queue = schema.walkin_queue
    connection.execute(
        update(queue).where(queue.c.citizen_id == citizen_id).values(citizen_id=None)
    )
    for table in (*CITIZEN_TABLES, schema.citizens):
        ids = rows[table.name]
        for chunk in chunks(ids):
            _forget_rows(connection, table.name, chunk)
            connection.execute(delete(table).where(table.c.id.in_(chunk)))
    conflicts = schema.sync_conflicts
    connection.execute(delete(conflicts).where(conflicts.c.citizen_id == citizen_id))
    notices = schema.sync_notices
    connection.execute(
        update(notices)
        .where(notices.c.citizen_id == citizen_id, notices.c.done_at.is_(None))
        .values(done_at=now)
    )


def _forget_rows(connection: Connection, table: str, ids: list[str]) -> None:
    outbox, revs = schema.outbox, schema.sync_rows
    connection.execute(delete(outbox).where(outbox.c.table_name == table, outbox.c.row_id.in_(ids)))
    connection.execute(delete(revs).where(revs.c.table_name == table, revs.c.row_id.in_(ids)))
