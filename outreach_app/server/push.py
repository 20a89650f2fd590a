"""Applying a device's push (SPEC §6): in order, each change on its own, all in one
transaction, every outcome remembered by (device, change id)."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, update

from outreach_app.domain.cpr import parse_cpr
from outreach_app.domain.errors import InvalidCpr
from outreach_app.domain.ids import is_id
from outreach_app.protocol.kinds import STAMPS, record_problem
from outreach_app.protocol.messages import (
    MAX_RECORD_BYTES,
    OFFICE_KINDS,
    Change,
    ChangeResult,
    DeviceState,
    FieldConflict,
    Kind,
    LogEntry,
    NoticeType,
    Op,
    Outcome,
    PushRequest,
    PushResponse,
)
from outreach_app.server import jsoncodec
from outreach_app.server import tables as t
from outreach_app.server.db import among, in_lists, insert_rows, writing
from outreach_app.server.handover import after_assignment
from outreach_app.server.keys import ServerKeys
from outreach_app.server.merge import merge_citizens
from outreach_app.server.planner import keyed_lookups
from outreach_app.server.store import Row, Store

log = logging.getLogger(__name__)

NOTE_FINISHED = "note_finished"
ASSIGNMENT_RULE = "assignment_rule"
_UNSET: Any = object()


@dataclass(frozen=True, slots=True)
class Device:
    """The authenticated device a request comes from."""

    id: str
    consultant_id: str
    office_id: str
    state: DeviceState
    farewell_done: bool


class Refusal(Exception):
    """A change that is not applied: quarantined or forbidden, with a reason in words."""

    def __init__(self, outcome: Outcome, reason: str) -> None:
        super().__init__(reason)
        self.outcome = outcome
        self.reason = reason


def forbidden(reason: str) -> Refusal:
    return Refusal(Outcome.FORBIDDEN, reason)


def quarantined(reason: str) -> Refusal:
    return Refusal(Outcome.QUARANTINED, reason)


def push(engine: Engine, keys: ServerKeys, device: Device, request: PushRequest) -> PushResponse:
    with writing(engine) as (conn, seqs):
        keyed_lookups(conn)
        store = Store(conn, seqs, keys)
        store.buffer_audit = store.write_behind = True
        batch = Batch(store, device, request.cursor, request.changes)
        batch.prefetch()
        results = [batch.handle(i, change) for i, change in enumerate(request.changes)]
        batch.flush()
        store.flush_writes()
        store.flush_audit()
        through = store_access_log(store, device.id, request.access_log)
        _touch_device(store, device)
        top = seqs.value
    applied = sum(r.outcome in (Outcome.APPLIED, Outcome.CONFLICT) for r in results)
    log.info("device %s pushed %d changes, %d applied", device.id, len(results), applied)
    return PushResponse(results=results, access_log_through=through, server_seq=top)


def _touch_device(store: Store, device: Device) -> None:
    values = {"last_seen_at": store.now, "last_sync_at": store.now}
    if device.state is DeviceState.REVOKED:
        values["farewell_at"] = store.now
    store.conn.execute(update(t.devices).where(t.devices.c.id == device.id).values(**values))


def store_access_log(store: Store, device_id: str, entries: list[LogEntry]) -> int:
    """Store new entries (idempotent by entry id); the highest seq stored."""
    known = _known_entries(store.conn, device_id, [e.id for e in entries])
    for entry in entries:
        if entry.id in known:
            continue
        known.add(entry.id)
        store.conn.execute(
            insert(t.device_log).values(
                device_id=device_id,
                entry_id=entry.id,
                seq=entry.seq,
                at=entry.at.isoformat(),
                action=entry.action,
                citizen_id=entry.citizen_id,
                received_at=store.now,
                sealed=store.keys.seal(
                    entry.detail,
                    table="device_log",
                    column="detail",
                    row_id=f"{device_id}/{entry.id}",
                ),
            )
        )
    top = store.conn.execute(
        select(func.max(t.device_log.c.seq)).where(t.device_log.c.device_id == device_id)
    ).scalar()
    return int(top or 0)


def _known_entries(conn: Connection, device_id: str, ids: list[str]) -> set[str]:
    known: set[str] = set()
    for chunk in in_lists(ids):
        found = conn.execute(
            select(t.device_log.c.entry_id).where(
                t.device_log.c.device_id == device_id, among(conn, t.device_log.c.entry_id, chunk)
            )
        )
        known.update(found.scalars())
    return known


Known = tuple[str, int | None, bytes]


def _known_results(conn: Connection, device_id: str, change_ids: list[str]) -> dict[str, Known]:
    """The outcomes already stored for these changes of the device: outcome, rev and
    the sealed result (empty when outcome and rev are all of it)."""
    found: dict[str, Known] = {}
    ids = sorted(set(change_ids))
    c = t.applied_changes.c
    for chunk in in_lists(ids):
        rows = conn.execute(
            select(c.change_id, c.outcome, c.rev, c.sealed).where(
                c.device_id == device_id, among(conn, c.change_id, chunk)
            )
        )
        found.update({r.change_id: (r.outcome, r.rev, bytes(r.sealed)) for r in rows})
    return found


def size_bound(fields: dict[str, Any]) -> int:
    """At least the size of the fields' JSON as the record limit counts it (see
    ``json_size``), found without writing it. A character of a name or a string takes
    at most twelve bytes (an escaped surrogate pair); a number of up to 64 bits or a
    constant at most 32; a list or an object at most three times its compact UTF-8
    JSON (a character of two to four bytes, six or twelve escaped)."""
    chars = sum(map(len, fields))
    nested = 0
    for value in fields.values():
        kind = type(value)
        if kind is str:
            chars += len(value)
        elif kind is int:
            if value.bit_length() > 64:
                return json_size(fields)
        elif not (value is None or kind is float or kind is bool):
            try:
                nested += len(jsoncodec.dumps(value))
            except ValueError:  # a number too long to write
                return json_size(fields)
    return 12 * chars + 3 * nested + 40 * len(fields) + 2


def json_size(value: Any) -> int:
    """The size of the value's JSON as the limit counts it: compact and ASCII, with
    any other character escaped. A number too long to write counts as too large."""
    try:
        return len(json.dumps(value, separators=(",", ":")))
    except ValueError:
        return MAX_RECORD_BYTES + 1


class Batch:
    """One push's changes, applied one by one."""

    def __init__(self, store: Store, device: Device, cursor: int, changes: list[Change]) -> None:
        self.store = store
        self.device = device
        self.cursor = cursor
        self.changes = changes
        self.created: set[str] = set()
        #: outcomes decided in this push, written in one statement at its end
        self.decided: dict[str, ChangeResult] = {}
        self._remembered_rows: list[dict[str, Any]] = []
        #: The push's audit: one entry per citizen, kind, operation and outcome, naming
        #: the records in the order they came.
        self.audit_groups: dict[tuple[str | None, Kind, Op, Outcome], list[str]] = {}
        #: outcomes of earlier pushes of these changes, by change id
        self.known_results = _known_results(store.conn, device.id, [c.change_id for c in changes])
        self.citizen_at: dict[str, int] = {}
        self.assigned_at: dict[str, int] = {}
        for i, change in enumerate(changes):
            if change.op is not Op.UPSERT:
                continue
            if change.kind is Kind.CITIZENS:
                self.citizen_at[change.id] = i
            elif change.kind is Kind.ASSIGNMENTS and self._gives_to_us(change.fields):
                self.assigned_at[str(change.fields.get("citizen_id"))] = i

    def prefetch(self) -> None:
        """Read what the batch will look at (its records, their citizens and owners)
        in a few statements."""
        citizens = {c.id for c in self.changes if c.kind is Kind.CITIZENS}
        for change in self.changes:
            named = change.fields.get("citizen_id")
            if isinstance(named, str):
                citizens.add(named)
        self.store.prefetch(((c.kind, c.id) for c in self.changes), citizens)

    def _gives_to_us(self, fields: dict[str, Any]) -> bool:
        return fields.get("consultant_id") == self.device.consultant_id and (
            fields.get("ended_at") is None
        )

    # -- one change ---------------------------------------------------------------------

    def handle(self, index: int, change: Change) -> ChangeResult:
        remembered = self._remembered(change.change_id)
        if remembered is not None:
            return remembered
        citizen: str | None = None
        try:
            result, citizen = self.apply(index, change)
        except Refusal as refusal:
            result = ChangeResult(
                change_id=change.change_id, outcome=refusal.outcome, reason=refusal.reason
            )
            if refusal.outcome is Outcome.QUARANTINED:
                self.store.quarantine(
                    device_id=self.device.id,
                    change_id=change.change_id,
                    kind=change.kind.value,
                    record_id=change.id,
                    reason=refusal.reason,
                    payload=change.model_dump(mode="json"),
                )
            citizen = _citizen_named(change)
        self._remember(result)
        key = (citizen, change.kind, change.op, result.outcome)
        self.audit_groups.setdefault(key, []).append(change.id)
        return result

    def flush(self) -> None:
        """Write the outcomes decided and the push's audit entries."""
        if self._remembered_rows:
            insert_rows(self.store.conn, t.applied_changes, self._remembered_rows)
            self._remembered_rows = []
        for (citizen, kind, op, outcome), ids in self.audit_groups.items():
            records = list(dict.fromkeys(ids))
            self.store.audit(
                actor="device",
                action=f"push.{kind.value}.{op.value}",
                outcome=outcome.value,
                device_id=self.device.id,
                consultant_id=self.device.consultant_id,
                citizen_id=citizen,
                kind=kind.value,
                record_id=records[0],
                records=records,
            )
        self.audit_groups = {}

    def _remembered(self, change_id: str) -> ChangeResult | None:
        decided = self.decided.get(change_id)
        if decided is not None:  # the same change twice in one push
            if decided.outcome is Outcome.APPLIED:
                return decided.model_copy(update={"outcome": Outcome.DUPLICATE})
            return decided
        known = self.known_results.get(change_id)
        if known is None:
            return None
        outcome, rev, sealed = known
        if sealed:
            stored = self.store.keys.unseal(
                sealed,
                table="applied_changes",
                column="result",
                row_id=f"{self.device.id}/{change_id}",
            )
            result = ChangeResult.model_validate(stored)
        else:
            result = ChangeResult(change_id=change_id, outcome=Outcome(outcome), rev=rev)
        if result.outcome is Outcome.APPLIED:
            return result.model_copy(update={"outcome": Outcome.DUPLICATE})
        return result

    def _remember(self, result: ChangeResult) -> None:
        row_id = f"{self.device.id}/{result.change_id}"
        self.decided[result.change_id] = result
        self._remembered_rows.append(
            {
                "device_id": self.device.id,
                "change_id": result.change_id,
                "outcome": result.outcome.value,
                "rev": result.rev,
                "sealed": self._sealed(result, row_id),
            }
        )

    def _sealed(self, result: ChangeResult, row_id: str) -> bytes:
        """The whole result sealed when it says more than its outcome and rev (a reason,
        conflicting values); otherwise nothing: the columns hold all of it."""
        if not result.reason and not result.conflicts:
            return b""
        return self.store.keys.seal(
            result.model_dump(mode="json"),
            table="applied_changes",
            column="result",
            row_id=row_id,
        )

    def apply(self, index: int, change: Change) -> tuple[ChangeResult, str | None]:
        fields = dict(change.fields)
        if size_bound(fields) > MAX_RECORD_BYTES and json_size(fields) > MAX_RECORD_BYTES:
            raise quarantined("the record's fields are larger than 2 MiB")
        if change.kind in OFFICE_KINDS:
            return self._office_change(change, fields), None
        return self._citizen_change(index, change, fields)

    def _office_change(self, change: Change, fields: dict[str, Any]) -> ChangeResult:
        existing = self.store.get(change.kind, change.id)
        if change.kind is Kind.OFFICES:
            raise forbidden("offices are changed by the main office only")
        if change.kind is Kind.CONSULTANTS:
            if change.id != self.device.consultant_id or existing is None:
                raise forbidden("a device may change only its own consultant's record")
            if fields.get("office_id", existing.office_id) != existing.office_id:
                raise forbidden("a consultant's office is changed by the main office only")
        if existing is not None and existing.office_id != self.device.office_id:
            raise forbidden("the record belongs to another office")
        self._validate(change, fields, existing)
        return self._write(change, existing, fields, change.id)

    def _validate(self, change: Change, fields: dict[str, Any], existing: Row | None) -> None:
        problem = record_problem(
            change.kind, fields, new=existing is None and change.op is Op.UPSERT
        )
        if problem is not None:
            raise quarantined(problem)

    def _citizen_change(
        self, index: int, change: Change, fields: dict[str, Any]
    ) -> tuple[ChangeResult, str | None]:
        kind, store = change.kind, self.store
        record_id = store.resolve(change.id) if kind is Kind.CITIZENS else change.id
        named = change.id if kind is Kind.CITIZENS else fields.get("citizen_id")
        if isinstance(fields.get("citizen_id"), str):
            fields["citizen_id"] = store.resolve(fields["citizen_id"])
        existing = store.get(kind, record_id)
        self._validate(change, fields, existing)
        if existing is None and change.op is Op.DELETE:
            return ChangeResult(change_id=change.change_id, outcome=Outcome.APPLIED), None
        citizen = record_id if kind is Kind.CITIZENS else _citizen_of(existing, fields)
        if existing is not None and fields.get("citizen_id", existing.citizen_id) != citizen:
            raise quarantined("a record cannot move to another citizen")
        if kind not in (Kind.CITIZENS, Kind.ASSIGNMENTS):
            self._check_citizen_known(index, citizen)
        self._check_scope(index, change, citizen, named)
        force = False
        if kind is Kind.NOTES:
            force = self._check_note(change, existing, fields)
        elif kind is Kind.ASSIGNMENTS:
            self._check_assignment(change, existing, fields, citizen)
        digest = self._check_cpr(fields) if kind is Kind.CITIZENS else _UNSET
        return self._write(change, existing, fields, record_id, force=force, digest=digest), citizen

    # -- rules ----------------------------------------------------------------------------

    def _check_citizen_known(self, index: int, citizen: str) -> None:
        """A record of a citizen the service does not have, nor finds later in the batch,
        is quarantined."""
        if not self.store.citizen_known(citizen) and self.citizen_at.get(citizen, -1) <= index:
            raise quarantined("the record refers to an unknown citizen")

    def _check_scope(self, index: int, change: Change, citizen: str, named: Any) -> None:
        store, consultant = self.store, self.device.consultant_id
        owner = store.owner(citizen)
        if owner == consultant or citizen in self.created:
            return
        if owner is None and not store.citizen_known(citizen):
            if change.kind is Kind.ASSIGNMENTS and self._gives_to_us(change.fields):
                return
            if self.assigned_at.get(citizen, -1) > index:
                return
        for candidate in {citizen, named} - {None}:
            if store.held_since(str(candidate), consultant, self.cursor):
                return
        raise forbidden("the citizen is not in this device's scope")

    def _check_note(self, change: Change, existing: Row | None, fields: dict[str, Any]) -> bool:
        """Finished notes never change; finishing a draft applies the whole note."""
        if existing is None:
            return False
        if existing.fields.get("status") == "finished" and not existing.deleted:
            if change.op is Op.DELETE:
                raise quarantined(NOTE_FINISHED)
            if any(existing.fields.get(k, _UNSET) != v for k, v in fields.items()):
                raise quarantined(NOTE_FINISHED)
            return False
        return change.op is Op.UPSERT and fields.get("status") == "finished"

    def _check_assignment(
        self, change: Change, existing: Row | None, fields: dict[str, Any], citizen: str
    ) -> None:
        if existing is not None:
            for name in ("citizen_id", "consultant_id"):
                if fields.get(name, existing.fields.get(name)) != existing.fields.get(name):
                    raise quarantined(ASSIGNMENT_RULE)
            consultant = existing.consultant_id
            ended = fields.get("ended_at", existing.fields.get("ended_at"))
            active_after = change.op is Op.UPSERT and not existing.deleted and ended is None
        else:
            consultant = fields.get("consultant_id")
            active_after = change.op is Op.UPSERT and fields.get("ended_at") is None
        if consultant != self.device.consultant_id and not self._same_office(consultant):
            raise forbidden("an assignment may go only to a consultant of the device's office")
        # a citizen without an owner has no active assignment to collide with
        if active_after and (existing is None or not existing.active) and self.store.owner(citizen):
            others = [a for a in self.store.active_assignments(citizen) if a.id != change.id]
            if others:
                raise quarantined(ASSIGNMENT_RULE)

    def _same_office(self, consultant: Any) -> bool:
        if not isinstance(consultant, str):
            return False
        found = self.store.get_plain(Kind.CONSULTANTS, consultant)
        return found is not None and not found.deleted and found.office_id == self.device.office_id

    def _check_cpr(self, fields: dict[str, Any]) -> Any:
        """The keyed digest of the CPR number the change sets (None to clear it), or
        _UNSET if the change leaves the CPR number alone."""
        if "cpr" not in fields:
            return _UNSET
        value = fields["cpr"]
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise quarantined("citizens.cpr must be text")
        try:
            cpr = parse_cpr(value)
        except InvalidCpr:
            raise quarantined("the CPR number is not valid") from None
        return self.store.keys.cpr_digest(cpr.digits)

    # -- writing -------------------------------------------------------------------------

    def _write(
        self,
        change: Change,
        existing: Row | None,
        fields: dict[str, Any],
        record_id: str,
        *,
        force: bool = False,
        digest: Any = _UNSET,
    ) -> ChangeResult:
        if existing is None:
            row = self._create(change, fields, record_id, digest)
            return ChangeResult(change_id=change.change_id, outcome=Outcome.APPLIED, rev=row.rev)
        if change.op is Op.DELETE:
            return self._delete(change, existing, fields)
        if existing.deleted:
            raise quarantined("the record was deleted on the service")
        taken, conflicts = self._merge_fields(change, existing, fields, force=force)
        if taken or (digest is not _UNSET and digest != existing.cpr_digest):
            was_active = existing.active
            self.store.set_fields(existing, taken, who=self.device.id)
            if digest is not _UNSET:
                existing.cpr_digest = digest
            self.store.save(existing, new=False)
            self._after_write(existing, was_active=was_active)
        self._notify_conflicts(change, record_id, conflicts)
        outcome = Outcome.CONFLICT if conflicts else Outcome.APPLIED
        return ChangeResult(
            change_id=change.change_id, outcome=outcome, rev=existing.rev, conflicts=conflicts
        )

    def _create(self, change: Change, fields: dict[str, Any], record_id: str, digest: Any) -> Row:
        row = Row(kind=change.kind, id=record_id, fields={})
        self.store.set_fields(row, fields, who=self.device.id)
        if change.kind is Kind.PARTNERS:
            row.office_id = self.device.office_id
        if digest is not _UNSET:
            row.cpr_digest = digest
        self.store.save(row, new=True)
        if change.kind is Kind.CITIZENS:
            self.created.add(record_id)
        self._after_write(row, was_active=False)
        return row

    def _delete(self, change: Change, existing: Row, fields: dict[str, Any]) -> ChangeResult:
        if existing.deleted:
            return ChangeResult(
                change_id=change.change_id, outcome=Outcome.APPLIED, rev=existing.rev
            )
        base = -1 if change.base_rev is None else change.base_rev
        changed = sorted(
            name
            for name, (rev, who) in existing.field_revs.items()
            if rev > base and who != self.device.id and name not in STAMPS
        )
        if changed:
            conflicts = [
                FieldConflict(field=name, service_value=existing.fields.get(name))
                for name in changed
            ]
            self._notify_conflicts(change, existing.id, conflicts)
            return ChangeResult(
                change_id=change.change_id,
                outcome=Outcome.CONFLICT,
                rev=existing.rev,
                conflicts=conflicts,
            )
        was_active = existing.active
        taken = {k: v for k, v in fields.items() if existing.fields.get(k, _UNSET) != v}
        self.store.set_fields(existing, taken, who=self.device.id)
        existing.deleted = True
        if existing.kind is Kind.CITIZENS:
            existing.cpr_digest = None
        self.store.save(existing, new=False)
        self._after_write(existing, was_active=was_active)
        return ChangeResult(change_id=change.change_id, outcome=Outcome.APPLIED, rev=existing.rev)

    def _merge_fields(
        self, change: Change, existing: Row, fields: dict[str, Any], *, force: bool
    ) -> tuple[dict[str, Any], list[FieldConflict]]:
        """Per-field merge (SPEC §6.1): the fields taken, and the conflicts."""
        base = -1 if change.base_rev is None else change.base_rev
        taken: dict[str, Any] = {}
        conflicts: list[FieldConflict] = []
        for name, value in fields.items():
            current = existing.fields.get(name, _UNSET)
            if current == value:
                continue
            if name in STAMPS:
                if _stamp_wins(name, None if current is _UNSET else current, value):
                    taken[name] = value
                continue
            rev_who = existing.field_revs.get(name)
            if force or rev_who is None or rev_who[0] <= base or rev_who[1] == self.device.id:
                taken[name] = value
            else:
                conflicts.append(
                    FieldConflict(field=name, service_value=current, device_value=value)
                )
        return taken, conflicts

    def _after_write(self, row: Row, *, was_active: bool) -> None:
        if row.kind is Kind.ASSIGNMENTS:
            after_assignment(self.store, row, was_active=was_active)
        elif row.kind is Kind.CITIZENS and row.cpr_digest is not None and not row.deleted:
            other = self.store.live_citizen_with_cpr(row.cpr_digest, row.id)
            if other is not None:
                merge_citizens(self.store, row, other)

    def _notify_conflicts(
        self, change: Change, record_id: str, conflicts: list[FieldConflict]
    ) -> None:
        for conflict in conflicts:
            self.store.notice(
                self.device.consultant_id,
                NoticeType.CONFLICT.value,
                device_id=self.device.id,
                kind=change.kind.value,
                id=record_id,
                field=conflict.field,
                service_value=conflict.service_value,
                device_value=conflict.device_value,
            )


def _citizen_of(existing: Row | None, fields: dict[str, Any]) -> str:
    if existing is not None and existing.citizen_id is not None:
        return existing.citizen_id
    citizen = fields.get("citizen_id")
    if not isinstance(citizen, str):
        raise quarantined("the record names no citizen")
    return citizen


def _citizen_named(change: Change) -> str | None:
    if change.kind is Kind.CITIZENS:
        return change.id
    named = change.fields.get("citizen_id")
    return named if isinstance(named, str) and is_id(named) else None


def _stamp_wins(name: str, current: Any, value: Any) -> bool:
    """Stamps never conflict: the first creation time and the latest update stay."""
    if current is None:
        return True
    if value is None or name == "created_at":
        return False
    try:
        return datetime.fromisoformat(value) > datetime.fromisoformat(current)
    except (TypeError, ValueError):
        return False
