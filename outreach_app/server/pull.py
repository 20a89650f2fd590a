"""A device's feed (SPEC §7): records in its scope and its consultant's notices after
its cursor, in seq order, read from one snapshot."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, and_, or_, select, update

from outreach_app.protocol.messages import (
    MAX_PULL,
    Kind,
    Notice,
    NoticeType,
    PullRequest,
    PullResponse,
    Record,
)
from outreach_app.server import tables as t
from outreach_app.server.db import current_seq, reading
from outreach_app.server.keys import ServerKeys
from outreach_app.server.push import Device
from outreach_app.server.store import owners_among, utc_now

log = logging.getLogger(__name__)

Entry = tuple[int, Record | Notice]
#: A device at most this many records behind the top of the feed is served from the
#: records changed since its cursor rather than from its whole scope.
NEAR = 5000


def scope_clause(device: Device) -> ColumnElement[bool]:
    """Records the device may see: its office's office kinds and its consultant's
    citizens."""
    r = t.records
    assigned = (
        select(r.c.citizen_id)
        .where(
            r.c.kind == t.ASSIGNMENT_KIND,
            r.c.consultant_id == device.consultant_id,
            r.c.active.is_(True),
        )
        .scalar_subquery()
    )
    office_kinds = (Kind.OFFICES.value, Kind.CONSULTANTS.value, Kind.PARTNERS.value)
    return or_(
        and_(r.c.kind == Kind.OFFICES.value, r.c.id == device.office_id),
        and_(
            r.c.kind.in_((Kind.CONSULTANTS.value, Kind.PARTNERS.value)),
            r.c.office_id == device.office_id,
        ),
        and_(r.c.kind.not_in(office_kinds), r.c.citizen_id.in_(assigned)),
    )


def pull(engine: Engine, keys: ServerKeys, device: Device, request: PullRequest) -> PullResponse:
    limit = min(request.limit, MAX_PULL)
    with reading(engine) as conn:
        top = current_seq(conn)
        entries: list[Entry] = []
        if request.cursor < top:  # every rev and notice seq is at most ``top``
            entries += _records(conn, keys, device, request.cursor, limit)
            entries += _notices(conn, keys, device, request.cursor, limit)
    entries.sort(key=lambda entry: entry[0])
    more = len(entries) > limit
    entries = entries[:limit]
    cursor = entries[-1][0] if more else max(request.cursor, top)
    records = [e for _, e in entries if isinstance(e, Record)]
    notices = [e for _, e in entries if isinstance(e, Notice)]
    _log_reads(engine, device, records)
    return PullResponse(records=records, notices=notices, cursor=cursor, more=more)


def _records(
    conn: Connection, keys: ServerKeys, device: Device, cursor: int, limit: int
) -> list[Entry]:
    """The next records of the feed. A device near the top of the feed gets them from
    the few records changed since its cursor (read by rev, checked against its scope
    here), so a sync with little to do costs little however many records there are;
    a device far behind gets them from its scope, read by citizen and office."""
    r = t.records
    columns = (r.c.kind, r.c.id, r.c.rev, r.c.deleted, r.c.sealed)
    recent = conn.execute(
        select(*columns, r.c.citizen_id, r.c.office_id)
        .where(r.c.rev > cursor)
        .order_by(r.c.rev)
        .limit(NEAR + 1)
    ).all()
    if len(recent) <= NEAR:
        found: Any = [row[:5] for row in _in_scope(conn, device, recent)][: limit + 1]
    else:
        found = conn.execute(
            select(*columns)
            .where(r.c.rev > cursor, scope_clause(device))
            .order_by(r.c.rev)
            .limit(limit + 1)
        )
    entries: list[Entry] = []
    for kind, record_id, rev, deleted, sealed in found:
        fields = keys.unseal(sealed, table="records", column=kind, row_id=record_id)
        record = Record(
            kind=Kind(kind), id=record_id, rev=rev, deleted=bool(deleted), fields=fields
        )
        entries.append((rev, record))
    return entries


def _in_scope(conn: Connection, device: Device, rows: Sequence[Any]) -> list[Any]:
    """The rows ``scope_clause`` would let the device see, in their order."""
    office_kinds = {Kind.OFFICES.value, Kind.CONSULTANTS.value, Kind.PARTNERS.value}
    named = sorted({row.citizen_id for row in rows if row.kind not in office_kinds})
    owners = owners_among(conn, [c for c in named if c is not None])
    mine = {c for c, consultant in owners.items() if consultant == device.consultant_id}

    def visible(row: Any) -> bool:
        if row.kind == Kind.OFFICES.value:
            return bool(row.id == device.office_id)
        if row.kind in office_kinds:
            return bool(row.office_id == device.office_id)
        return row.citizen_id in mine

    return [row for row in rows if visible(row)]


def _notices(
    conn: Connection, keys: ServerKeys, device: Device, cursor: int, limit: int
) -> list[Entry]:
    n = t.notices
    found = conn.execute(
        select(n.c.seq, n.c.type, n.c.citizen_id, n.c.sealed)
        .where(n.c.consultant_id == device.consultant_id, n.c.seq > cursor)
        .order_by(n.c.seq)
        .limit(limit + 1)
    )
    entries: list[Entry] = []
    for seq, kind, citizen, sealed in found:
        payload: dict[str, Any] = keys.unseal(
            sealed, table="notices", column="payload", row_id=str(seq)
        )
        notice = Notice(seq=seq, type=NoticeType(kind), citizen_id=citizen, **payload)
        entries.append((seq, notice))
    return entries


def _log_reads(engine: Engine, device: Device, records: list[Record]) -> None:
    """One audit row per citizen read, and the device's last contact."""
    citizens = sorted({c for c in map(_citizen, records) if c is not None})
    now = utc_now()
    with engine.begin() as conn:
        rows = [
            {
                "at": now,
                "actor": "device",
                "device_id": device.id,
                "consultant_id": device.consultant_id,
                "action": "pull.read",
                "citizen_id": citizen,
                "outcome": "applied",
            }
            for citizen in citizens
        ]
        if rows:
            conn.execute(t.audit.insert(), rows)
        conn.execute(
            update(t.devices)
            .where(t.devices.c.id == device.id)
            .values(last_seen_at=now, last_sync_at=now)
        )
    log.info("device %s pulled %d records of %d citizens", device.id, len(records), len(citizens))


def _citizen(record: Record) -> str | None:
    if record.kind is Kind.CITIZENS:
        return record.id
    value = record.fields.get("citizen_id")
    return value if isinstance(value, str) else None
