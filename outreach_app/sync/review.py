"""What the consultant sees of synchronisation: the status line, conflicts to review,
changes the central service refused, and citizens who left this laptop."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Table, func, select, update

from outreach_app.crypto.errors import IntegrityError
from outreach_app.protocol.messages import Kind
from outreach_app.services.workspace import Workspace
from outreach_app.storage import schema
from outreach_app.storage.codec import open_row, update_sealed
from outreach_app.storage.repository import record_changes
from outreach_app.sync import state as sync_state
from outreach_app.sync.convert import from_wire
from outreach_app.sync.outgoing import TABLES

log = logging.getLogger(__name__)

REFUSED = ("quarantined", "forbidden")


@dataclass(frozen=True, slots=True)
class Overview:
    enrolled: bool
    pending: int
    last_success: datetime | None = None
    last_error: str = ""
    conflicts: int = 0
    refused: int = 0
    notices: int = 0
    days_without_sync: int = 0
    must_sync: bool = False
    offline_days: int = sync_state.DEFAULT_OFFLINE_DAYS


@dataclass(frozen=True, slots=True)
class Conflict:
    id: str
    kind: str
    row_id: str
    citizen_id: str | None
    field: str
    service_value: Any
    device_value: Any
    found_at: datetime


@dataclass(frozen=True, slots=True)
class Refused:
    kind: str
    outcome: str
    reason: str
    at: datetime


@dataclass(frozen=True, slots=True)
class Departure:
    kind: str  # left_scope or merged
    label: str
    at: datetime
    done: bool


def overview(ws: Workspace) -> Overview:
    now = ws.clock.now()
    pending = ws.pending_changes()
    with ws.vault.read() as connection:
        state = sync_state.read(connection, ws.vault)
        if state is None:
            return Overview(enrolled=False, pending=pending)
        return Overview(
            enrolled=True,
            pending=pending,
            last_success=state.last_success,
            last_error=state.last_error,
            conflicts=_count(
                connection, schema.sync_conflicts, schema.sync_conflicts.c.resolved_at.is_(None)
            ),
            refused=_count(connection, schema.outbox, schema.outbox.c.outcome.in_(REFUSED)),
            notices=_count(
                connection, schema.sync_notices, schema.sync_notices.c.seen_at.is_(None)
            ),
            days_without_sync=state.days_without_sync(now),
            must_sync=state.must_sync(now),
            offline_days=state.offline_days,
        )


def _count(connection: Connection, table: Table, condition: ColumnElement[bool]) -> int:
    query = select(func.count()).select_from(table).where(condition)
    return int(connection.execute(query).scalar_one())


def conflicts(ws: Workspace) -> list[Conflict]:
    table = schema.sync_conflicts
    query = select(table).where(table.c.resolved_at.is_(None)).order_by(table.c.found_at)
    found = []
    with ws.vault.read() as connection:
        for row in connection.execute(query):
            try:
                opened = open_row(ws.vault.codec, table, row._mapping)
            except IntegrityError:
                log.error("a stored conflict is damaged")
                continue
            found.append(
                Conflict(
                    id=row.id,
                    kind=row.table_name,
                    row_id=row.row_id,
                    citizen_id=row.citizen_id,
                    field=row.field,
                    service_value=opened["service_value"],
                    device_value=opened["device_value"],
                    found_at=row.found_at,
                )
            )
    return found


def resolve(ws: Workspace, conflict_id: str, *, keep_mine: bool) -> None:
    """Settle a conflict: keep the service's value (already shown here), or put the
    consultant's value back and send it as a new change."""
    table = schema.sync_conflicts
    now = ws.clock.now()
    with ws.vault.write() as connection:
        row = connection.execute(select(table).where(table.c.id == conflict_id)).one()
        if keep_mine:
            opened = open_row(ws.vault.codec, table, row._mapping)
            target = (Kind(row.table_name), row.row_id, row.field)
            _write_field(ws, connection, target, opened["device_value"])
        connection.execute(
            update(table)
            .where(table.c.id == conflict_id)
            .values(resolved_at=now, resolution="device" if keep_mine else "service")
        )


def _write_field(
    ws: Workspace, connection: Connection, where: tuple[Kind, str, str], wire_value: Any
) -> None:
    kind, row_id, field = where
    target = TABLES[kind]
    value = from_wire(kind, field, wire_value)
    now = ws.clock.now()
    update_sealed(connection, ws.vault.codec, target, row_id, {field: value, "updated_at": now})
    record_changes(connection, target.name, [row_id], [field], now)


def refused(ws: Workspace) -> list[Refused]:
    outbox = schema.outbox
    query = (
        select(outbox.c.table_name, outbox.c.outcome, outbox.c.reason, outbox.c.sent_at)
        .where(outbox.c.outcome.in_(REFUSED))
        .order_by(outbox.c.sent_at.desc())
        .limit(200)
    )
    with ws.vault.read() as connection:
        return [
            Refused(r.table_name, r.outcome, r.reason or "", r.sent_at)
            for r in connection.execute(query)
        ]


def departures(ws: Workspace) -> list[Departure]:
    table = schema.sync_notices
    query = select(table).order_by(table.c.received_at.desc()).limit(200)
    found = []
    with ws.vault.read() as connection:
        for row in connection.execute(query):
            try:
                label = ws.vault.codec.open(
                    row.label, table=table.name, column="label", row_id=row.id
                )
            except IntegrityError:
                label = ""
            found.append(Departure(row.kind, str(label or ""), row.received_at, bool(row.done_at)))
    return found


def mark_seen(ws: Workspace) -> None:
    table = schema.sync_notices
    with ws.vault.write() as connection:
        connection.execute(
            update(table).where(table.c.seen_at.is_(None)).values(seen_at=ws.clock.now())
        )
