"""``outreach-app check``: is every byte of the vault intact?

SQLite's own integrity check, then every encrypted field of every record opened
with its key and associated data, every blind index compared with the value it
stands for, the access log's MAC chain verified, and the name index's snapshot (if
it is the current one) opened and compared with the citizens' records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, select

from outreach_app.crypto.errors import IntegrityError, SnapshotError
from outreach_app.domain.cpr import mask_cpr
from outreach_app.domain.ids import ConsultantId
from outreach_app.domain.phone import normalise_phone
from outreach_app.services.audit import AccessLog
from outreach_app.services.search import INDEX_SNAPSHOT, IndexRow, decode_rows
from outreach_app.storage import index_state, schema
from outreach_app.storage.codec import FieldCodec
from outreach_app.storage.repos import CPR_INDEX, PHONE_INDEX
from outreach_app.storage.vault import Vault

_DAMAGED = object()


@dataclass(frozen=True, slots=True)
class Damage:
    table: str
    record: str
    column: str
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {
            "table": self.table,
            "record": self.record,
            "column": self.column,
            "reason": self.reason,
        }


@dataclass(slots=True)
class CheckReport:
    sqlite: str = "ok"
    counts: dict[str, int] = field(default_factory=dict)
    damaged: list[Damage] = field(default_factory=list)
    access_log_entries: int = 0

    @property
    def ok(self) -> bool:
        return self.sqlite == "ok" and not self.damaged

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "sqlite_integrity": self.sqlite,
            "counts": self.counts,
            "damaged": [d.as_dict() for d in self.damaged],
            "access_log_entries": self.access_log_entries,
        }


def check_vault(vault: Vault) -> CheckReport:
    report = CheckReport()
    with vault.read() as connection:
        result = connection.exec_driver_sql("PRAGMA integrity_check").scalars().all()
    report.sqlite = "ok" if result == ["ok"] else "; ".join(str(r) for r in result[:10])
    indexed: dict[str, IndexRow] = {}
    for table in (*schema.RECORD_TABLES, schema.access_log):
        report.counts[table.name] = _check_table(vault, table, report.damaged, indexed)
    _check_index_snapshot(vault, indexed, report.damaged)
    audit = AccessLog(vault, actor=ConsultantId(vault.header.owner_id))
    for problem in audit.verify():
        report.damaged.append(Damage("access_log", str(problem.seq), "mac", problem.reason))
    report.access_log_entries = report.counts.get("access_log", 0)
    return report


def _check_table(
    vault: Vault, table: Table, damaged: list[Damage], indexed: dict[str, IndexRow]
) -> int:
    columns = schema.encrypted_columns(table)
    codec = vault.codec
    count = 0
    with vault.read() as connection:
        for row in connection.execute(select(table)):
            count += 1
            values = row._mapping
            record = str(values["id"])
            opened = {c: _open(codec, table, c, values, damaged) for c in columns}
            if table is schema.citizens:
                _check_indexes(vault, record, opened, values, damaged)
                _remember_indexed(record, opened, values, indexed)
    return count


def _open(codec: FieldCodec, table: Table, column: str, values: Any, damaged: list[Damage]) -> Any:
    try:
        return codec.open(values[column], table=table.name, column=column, row_id=str(values["id"]))
    except IntegrityError as error:
        damaged.append(Damage(table.name, str(values["id"]), column, error.reason))
        return _DAMAGED


def _check_indexes(
    vault: Vault, record: str, opened: dict[str, Any], values: Any, damaged: list[Damage]
) -> None:
    """A blind index must be the digest of the value it stands for (or empty with it)."""
    blind = vault.keys.blind
    cpr, phone = opened["cpr"], opened["phone"]
    if cpr is not _DAMAGED:
        expected = blind.digest(CPR_INDEX, cpr) if cpr else None
        if values["cpr_bidx"] != expected:
            damaged.append(Damage("citizens", record, "cpr_bidx", "does not match the CPR"))
    if phone is not _DAMAGED:
        expected = blind.digest(PHONE_INDEX, normalise_phone(phone)) if phone else None
        if values["phone_bidx"] != expected:
            damaged.append(Damage("citizens", record, "phone_bidx", "does not match the phone"))


def _remember_indexed(
    record: str, opened: dict[str, Any], values: Any, indexed: dict[str, IndexRow]
) -> None:
    """The citizen as the name index holds them (a live, intact record only)."""
    first, last, cpr = opened["first_name"], opened["last_name"], opened["cpr"]
    if values["deleted_at"] is not None or _DAMAGED in (first, last, cpr):
        return
    indexed[record] = (record, first, last, mask_cpr(cpr) if cpr else "", values["status"])


def _check_index_snapshot(
    vault: Vault, indexed: dict[str, IndexRow], damaged: list[Damage]
) -> None:
    """The current snapshot must open and list exactly the live citizens as they are
    (a record damaged on its own is named already and not compared again)."""
    with vault.read() as connection:
        state = index_state.read_state(connection)
    if state is None or state.sealed is None or not state.snapshot_is_current:
        return  # none, or out of date: not used, so nothing to check
    try:
        raw = vault.keys.snapshots.open(state.sealed, kind=INDEX_SNAPSHOT, counter=state.counter)
        rows = {row[0]: row for row in decode_rows(raw)}
    except (SnapshotError, ValueError) as error:
        damaged.append(Damage("index_state", "citizens", "snapshot", str(error)))
        return
    damaged_ids = {d.record for d in damaged if d.table == "citizens"}
    differing = [
        record
        for record in rows.keys() | indexed.keys()
        if record not in damaged_ids and rows.get(record) != indexed.get(record)
    ]
    if differing:
        reason = f"does not match {len(differing)} citizen record(s)"
        damaged.append(Damage("index_state", "citizens", "snapshot", reason))
