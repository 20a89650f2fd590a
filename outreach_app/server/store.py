"""Records, notices, audit rows and quarantine inside one write transaction.

A ``Row`` is a record with its fields unsealed. Saving derives the plain columns the
service needs for scope and merging (citizen, consultant, office, active) from the
fields and seals the fields with the record's kind and id as associated data.

A push turns on ``write_behind``: the records a batch names are read with a few
statements up front (``prefetch``), saves collect in memory, and the collected rows are
written with one statement per kind of write before any query that could see them and
when the push ends (``flush_writes``). Within the transaction the result is the same as
writing at once; it saves several statements per change."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, and_, bindparam, insert, select, update

from outreach_app.protocol.messages import Kind
from outreach_app.server import jsoncodec
from outreach_app.server import tables as t
from outreach_app.server.db import Sequence, among, in_lists, insert_rows
from outreach_app.server.keys import ServerKeys

log = logging.getLogger(__name__)

#: field name -> (rev, who) where who is a device id, "admin" or "merge".
FieldRevs = dict[str, tuple[int, str]]


#: The audit columns that say what an action was about (all optional).
_AUDIT_ABOUT = ("device_id", "consultant_id", "citizen_id", "kind", "record_id")
Key = tuple[str, str]


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass(slots=True)
class Row:
    kind: Kind
    id: str
    fields: dict[str, Any]
    field_revs: FieldRevs = field(default_factory=dict)
    rev: int = 0
    first_rev: int = 0
    citizen_id: str | None = None
    office_id: str | None = None
    consultant_id: str | None = None
    active: bool = False
    ended_rev: int | None = None
    deleted: bool = False
    merged_into: str | None = None
    cpr_digest: bytes | None = None

    def derive(self) -> None:
        """Set the plain columns from the fields."""
        if self.kind is Kind.CITIZENS:
            self.citizen_id = self.id
        elif self.kind is Kind.OFFICES:
            self.office_id = self.id
        elif self.kind is Kind.CONSULTANTS:
            self.office_id = self.fields.get("office_id")
        elif self.kind is not Kind.PARTNERS:
            self.citizen_id = self.fields.get("citizen_id")
            self.consultant_id = self.fields.get("consultant_id")
        if self.kind is Kind.ASSIGNMENTS:
            self.active = not self.deleted and self.fields.get("ended_at") is None


class Store:
    """The tables as seen by one write transaction holding the sequence lock."""

    def __init__(self, conn: Connection, seqs: Sequence, keys: ServerKeys) -> None:
        self.conn = conn
        self.seqs = seqs
        self.keys = keys
        self.now = utc_now()
        #: A push buffers its audit rows and writes them with one statement.
        self.buffer_audit = False
        self._audit_rows: list[dict[str, Any]] = []
        # Lookups repeated for every record of a citizen within one transaction; a save
        # of a citizen or an assignment forgets what it may change.
        self._owners: dict[str, str | None] = {}
        self._merged_into: dict[str, str | None] = {}
        self._known: set[str] = set()
        #: Write-behind (a push): rows read or saved in this transaction, by (kind, id);
        #: None for a record known not to exist. Sealed rows read but not yet needed
        #: stay sealed in ``_raw``.
        self.write_behind = False
        self._rows: dict[Key, Row | None] = {}
        self._raw: dict[Key, Any] = {}
        self._inserts: dict[Key, dict[str, Any]] = {}
        self._updates: dict[Key, dict[str, Any]] = {}

    # -- records --------------------------------------------------------------------

    def get(self, kind: Kind, record_id: str) -> Row | None:
        key = (kind.value, record_id)
        if self.write_behind:
            if self._has(key):
                return self._cached(key)
            self.flush_writes()
        found = self.conn.execute(
            select(t.records).where(t.records.c.kind == kind.value, t.records.c.id == record_id)
        ).first()
        row = None if found is None else self._row(found._mapping)
        if self.write_behind:
            self._rows[key] = _copy(row)
        return row

    def _has(self, key: Key) -> bool:
        """Whether this transaction knows the record (or knows it does not exist)."""
        return key in self._rows or key in self._raw

    def _cached(self, key: Key) -> Row | None:
        """A copy of the known row (unsealed on first use), or None if known absent."""
        raw = self._raw.pop(key, None)
        if raw is not None:
            self._rows[key] = self._row(raw)
        return _copy(self._rows[key])

    def prefetch(self, keys: Iterable[tuple[Kind, str]], citizens: Iterable[str]) -> None:
        """Read the named records and the named citizens (with their owners) in a few
        statements, so applying a batch needs no query per change."""
        wanted = {(kind.value, record_id) for kind, record_id in keys}
        wanted |= {(Kind.CITIZENS.value, c) for c in citizens}
        by_kind: dict[str, list[str]] = {}
        for kind, record_id in sorted(wanted):
            by_kind.setdefault(kind, []).append(record_id)
        for kind, ids in by_kind.items():  # (kind, id) is the primary key
            for chunk in in_lists(ids):
                found = self.conn.execute(
                    select(t.records).where(
                        t.records.c.kind == kind, among(self.conn, t.records.c.id, chunk)
                    )
                )
                for m in found.mappings():
                    self._raw[(m["kind"], m["id"])] = m
        for key in wanted:
            if key not in self._raw and key not in self._rows:
                self._rows[key] = None
        self._prefetch_citizens(sorted({c for kind, c in wanted if kind == Kind.CITIZENS.value}))

    def _prefetch_citizens(self, citizens: list[str]) -> None:
        for citizen in citizens:
            raw = self._raw.get((Kind.CITIZENS.value, citizen))
            if raw is not None:
                self._known.add(citizen)
            self._merged_into[citizen] = None if raw is None else raw["merged_into"]
            self._owners[citizen] = None
        self._owners |= owners_among(self.conn, citizens)

    def flush_writes(self) -> None:
        """Write the saves collected so far (write-behind), inserts first."""
        if self._inserts:
            insert_rows(self.conn, t.records, list(self._inserts.values()))
            self._inserts = {}
        if self._updates:
            self.conn.execute(_UPDATE_BY_KEY, list(self._updates.values()))
            self._updates = {}

    def _row(self, m: Any) -> Row:
        kind = Kind(m["kind"])
        fields = self.keys.unseal(m["sealed"], table="records", column=kind.value, row_id=m["id"])
        return Row(
            kind=kind,
            id=m["id"],
            fields=fields,
            field_revs=unpack_revs(m["field_revs"]),
            rev=m["rev"],
            first_rev=m["first_rev"],
            citizen_id=m["citizen_id"],
            office_id=m["office_id"],
            consultant_id=m["consultant_id"],
            active=bool(m["active"]),
            ended_rev=m["ended_rev"],
            deleted=bool(m["deleted"]),
            merged_into=m["merged_into"],
            cpr_digest=m["cpr_digest"],
        )

    def save(self, row: Row, *, new: bool) -> None:
        """Write ``row`` (its rev already taken with ``set_fields``)."""
        before = row.citizen_id
        row.derive()
        if row.kind is Kind.ASSIGNMENTS:
            self._owners.pop(before or "", None)
            self._owners.pop(row.citizen_id or "", None)
            if row.active and row.citizen_id is not None:
                # at most one active assignment per citizen (push and merge keep it so)
                self._owners[row.citizen_id] = row.consultant_id
        elif row.kind is Kind.CITIZENS:
            self._merged_into[row.id] = row.merged_into
            self._known.add(row.id)
        row.first_rev = row.first_rev or row.rev
        values = {
            "rev": row.rev,
            "first_rev": row.first_rev,
            "citizen_id": row.citizen_id,
            "office_id": row.office_id,
            "consultant_id": row.consultant_id,
            "active": row.active,
            "ended_rev": row.ended_rev,
            "deleted": row.deleted,
            "merged_into": row.merged_into,
            "cpr_digest": row.cpr_digest,
            "field_revs": pack_revs(row.field_revs),
            "sealed": self.keys.seal(
                row.fields, table="records", column=row.kind.value, row_id=row.id
            ),
        }
        if self.write_behind:
            self._save_later(row, values, new=new)
        elif new:
            self.conn.execute(insert(t.records).values(kind=row.kind.value, id=row.id, **values))
        else:
            self.conn.execute(
                update(t.records)
                .where(t.records.c.kind == row.kind.value, t.records.c.id == row.id)
                .values(**values)
            )

    def _save_later(self, row: Row, values: dict[str, Any], *, new: bool) -> None:
        key = (row.kind.value, row.id)
        self._rows[key] = _copy(row)
        self._raw.pop(key, None)
        if new or key in self._inserts:
            self._inserts[key] = {"kind": key[0], "id": key[1], **values}
        else:
            self._updates[key] = {"_kind": key[0], "_id": key[1], **values}

    def set_fields(self, row: Row, changes: dict[str, Any], *, who: str) -> int:
        """Give ``row`` a new rev and the changed fields, stamping their field revs."""
        rev = self.seqs.next()
        row.rev = rev
        row.fields.update(changes)
        row.field_revs.update(dict.fromkeys(changes, (rev, who)))
        return rev

    def citizen_rows(self, citizen_id: str) -> list[Row]:
        self.flush_writes()
        found = self.conn.execute(
            select(t.records).where(t.records.c.citizen_id == citizen_id).order_by(t.records.c.rev)
        )
        return [self._row(m) for m in found.mappings()]

    def restamp_citizen(self, citizen_id: str) -> int:
        """A new rev for every record of the citizen, so it enters a feed (SPEC §7).

        Records written in this transaction (possibly still waiting in the write-behind)
        already have revs above every cursor, so only the stored ones are re-stamped."""
        keys = self.conn.execute(
            select(t.records.c.kind, t.records.c.id)
            .where(t.records.c.citizen_id == citizen_id)
            .order_by(t.records.c.rev)
        ).all()
        for kind, record_id in keys:
            self.conn.execute(
                update(t.records)
                .where(t.records.c.kind == kind, t.records.c.id == record_id)
                .values(rev=self.seqs.next())
            )
        self._forget_citizen(citizen_id)
        return len(keys)

    def _forget_citizen(self, citizen_id: str) -> None:
        """Drop cached rows of the citizen (their revs changed in the database), except
        those waiting to be written, whose own revs will stand."""
        stale = [k for k, r in self._rows.items() if r is not None and r.citizen_id == citizen_id]
        stale += [k for k, m in self._raw.items() if m["citizen_id"] == citizen_id]
        for key in stale:
            if key in self._inserts or key in self._updates:
                continue
            self._rows.pop(key, None)
            self._raw.pop(key, None)

    def resolve(self, citizen_id: str) -> str:
        """The citizen a merged citizen now lives on (itself if not merged)."""
        seen = {citizen_id}
        current = citizen_id
        while True:
            target = self._merged_step(current)
            if target is None or target in seen:
                return current
            seen.add(target)
            current = target

    def _merged_step(self, citizen_id: str) -> str | None:
        if citizen_id not in self._merged_into:
            self.flush_writes()
            self._merged_into[citizen_id] = self.conn.execute(
                select(t.records.c.merged_into).where(
                    t.records.c.kind == Kind.CITIZENS.value, t.records.c.id == citizen_id
                )
            ).scalar()
        return self._merged_into[citizen_id]

    def citizen_known(self, citizen_id: str) -> bool:
        if citizen_id in self._known:
            return True  # a citizen once stored stays (at least as a tombstone)
        known = self.get_plain(Kind.CITIZENS, citizen_id) is not None
        if known:
            self._known.add(citizen_id)
        return known

    def get_plain(self, kind: Kind, record_id: str) -> Any:
        """The plain columns of a record, without unsealing its fields."""
        if self.write_behind:
            key = (kind.value, record_id)
            if self._has(key):
                return self._cached(key)
            self.flush_writes()
        return self.conn.execute(
            select(t.records.c.rev, t.records.c.office_id, t.records.c.deleted).where(
                t.records.c.kind == kind.value, t.records.c.id == record_id
            )
        ).first()

    def active_assignments(self, citizen_id: str) -> list[Row]:
        self.flush_writes()
        found = self.conn.execute(
            select(t.records).where(
                t.records.c.kind == Kind.ASSIGNMENTS.value,
                t.records.c.citizen_id == citizen_id,
                t.records.c.active.is_(True),
            )
        )
        return [self._row(m) for m in found.mappings()]

    def owner(self, citizen_id: str) -> str | None:
        """The consultant of the citizen's active assignment, if any."""
        if citizen_id not in self._owners:
            self.flush_writes()
            self._owners[citizen_id] = self.conn.execute(
                select(t.records.c.consultant_id).where(
                    t.records.c.kind == Kind.ASSIGNMENTS.value,
                    t.records.c.citizen_id == citizen_id,
                    t.records.c.active.is_(True),
                )
            ).scalar()
        return self._owners[citizen_id]

    def held_since(self, citizen_id: str, consultant_id: str, cursor: int) -> bool:
        """Whether an assignment of the citizen to the consultant ended after ``cursor``."""
        self.flush_writes()
        found = self.conn.execute(
            select(t.records.c.id).where(
                and_(
                    t.records.c.kind == Kind.ASSIGNMENTS.value,
                    t.records.c.citizen_id == citizen_id,
                    t.records.c.consultant_id == consultant_id,
                    t.records.c.ended_rev > cursor,
                )
            )
        ).first()
        return found is not None

    def live_citizen_with_cpr(self, digest: bytes, other_than: str) -> Row | None:
        """A live citizen other than ``other_than`` with this CPR digest. Citizens
        waiting in the write-behind are looked at in memory, not written first."""
        waiting = {k for k in (*self._inserts, *self._updates) if k[0] == Kind.CITIZENS.value}
        for key in waiting:
            row = self._rows.get(key)
            if row and row.cpr_digest == digest and not row.deleted and row.id != other_than:
                return _copy(row)
        found = self.conn.execute(
            select(t.records).where(
                t.records.c.kind == Kind.CITIZENS.value,
                t.records.c.cpr_digest == digest,
                t.records.c.id != other_than,
                t.records.c.deleted.is_(False),
            )
        )
        for m in found.mappings():
            if (m["kind"], m["id"]) not in waiting:
                return self._row(m)
        return None

    # -- notices, audit, quarantine -------------------------------------------------------

    def notice(self, consultant_id: str, notice_type: str, /, **payload: Any) -> int:
        seq = self.seqs.next()
        citizen = payload.pop("citizen_id", None)
        device = payload.pop("device_id", None)
        self.conn.execute(
            insert(t.notices).values(
                seq=seq,
                consultant_id=consultant_id,
                device_id=device,
                type=notice_type,
                citizen_id=citizen,
                sealed=self.keys.seal(payload, table="notices", column="payload", row_id=str(seq)),
            )
        )
        return seq

    def audit(
        self,
        *,
        actor: str,
        action: str,
        outcome: str,
        records: list[str] | None = None,
        **about: str | None,
    ) -> None:
        """An audit entry. An entry of a push names in ``records`` every record it
        covers; ``record_id`` is the first of them."""
        row: dict[str, Any] = {"at": self.now, "actor": actor, "action": action}
        row["outcome"] = outcome
        row |= {k: about.get(k) or None for k in _AUDIT_ABOUT}
        row["records"] = jsoncodec.dumps_text(records) if records else None
        if self.buffer_audit:
            self._audit_rows.append(row)
        else:
            self.conn.execute(insert(t.audit), [row])

    def flush_audit(self) -> None:
        """Write the buffered audit rows in one statement (inside the transaction)."""
        if self._audit_rows:
            insert_rows(self.conn, t.audit, self._audit_rows)
            self._audit_rows = []

    def quarantine(
        self,
        *,
        device_id: str,
        change_id: str,
        kind: str,
        record_id: str,
        reason: str,
        payload: Any,
    ) -> None:
        row_id = f"{device_id}/{change_id}"
        self.conn.execute(
            insert(t.quarantine).values(
                at=self.now,
                device_id=device_id,
                change_id=change_id,
                kind=kind,
                record_id=record_id,
                reason=reason,
                sealed=self.keys.seal(payload, table="quarantine", column="change", row_id=row_id),
            )
        )


_UPDATE_BY_KEY = update(t.records).where(
    t.records.c.kind == bindparam("_kind"), t.records.c.id == bindparam("_id")
)


def pack_revs(revs: FieldRevs) -> list[list[Any]]:
    """Field revs as stored: fields grouped by the write that last set them,
    ``[[rev, who, [name, ...]], ...]``. A record written once (most are) takes one
    group instead of a rev and a device id per field."""
    values = list(revs.values())
    if values and values.count(values[0]) == len(values):  # one write set them all
        return [[values[0][0], values[0][1], list(revs)]]
    groups: dict[tuple[int, str], list[str]] = {}
    for name, rev_who in revs.items():
        groups.setdefault(rev_who, []).append(name)
    return [[rev, who, names] for (rev, who), names in groups.items()]


def unpack_revs(stored: Any) -> FieldRevs:
    """Field revs from their stored form (a mapping of name to ``[rev, who]`` is the
    form written before the grouping)."""
    if isinstance(stored, dict):
        return {name: (rev, who) for name, (rev, who) in stored.items()}
    return {name: (rev, who) for rev, who, names in stored for name in names}


def owners_among(conn: Connection, citizens: list[str]) -> dict[str, str]:
    """The consultant of each of these citizens' active assignment (citizens without
    one are left out)."""
    owners: dict[str, str] = {}
    for chunk in in_lists(citizens):
        found = conn.execute(
            select(t.records.c.citizen_id, t.records.c.consultant_id).where(
                t.records.c.kind == Kind.ASSIGNMENTS.value,
                t.records.c.active.is_(True),
                among(conn, t.records.c.citizen_id, chunk),
            )
        )
        owners.update({citizen: consultant for citizen, consultant in found})
    return owners


def _copy(row: Row | None) -> Row | None:
    """A row whose field dicts the caller may change without touching the cache."""
    if row is None:
        return None
    # built directly: dataclasses.replace costs several times more, once per change
    return Row(
        kind=row.kind,
        id=row.id,
        fields=dict(row.fields),
        field_revs=dict(row.field_revs),
        rev=row.rev,
        first_rev=row.first_rev,
        citizen_id=row.citizen_id,
        office_id=row.office_id,
        consultant_id=row.consultant_id,
        active=row.active,
        ended_rev=row.ended_rev,
        deleted=row.deleted,
        merged_into=row.merged_into,
        cpr_digest=row.cpr_digest,
    )
