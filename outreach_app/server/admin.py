"""The main office's administration, used by the command line (cli.py) and the admin
endpoints: setting up a data folder, offices, consultants, devices, handing citizens
over, reading the audit log and counts. Every command writes its own audit row."""

from __future__ import annotations

import logging
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert, select, update

from outreach_app.domain.ids import is_id, new_id
from outreach_app.protocol.messages import DeviceState, Kind
from outreach_app.server import jsoncodec
from outreach_app.server import tables as t
from outreach_app.server.db import make_engine, migrate, writing
from outreach_app.server.enrol import CODE_HOURS, IssuedCode, issue_code
from outreach_app.server.handover import assign as hand_over
from outreach_app.server.keys import (
    ServerKeys,
    create_admin_credential,
    create_keys,
)
from outreach_app.server.settings import ServerSettings, load_settings, write_config
from outreach_app.server.store import Row, Store, utc_now
from outreach_app.server.tls import create_certificate, fingerprint

log = logging.getLogger(__name__)

ADMIN = "admin"


class AdminError(Exception):
    """A command that cannot be done as asked; the message says why in words."""


@dataclass(frozen=True, slots=True)
class InitResult:
    data: Path
    url: str
    fingerprint: str
    admin_token: str
    recovery_private_key: Path


def init_data(
    data: Path,
    *,
    host: str = "127.0.0.1",
    port: int | None = None,
    url: str | None = None,
    database_url: str | None = None,
) -> InitResult:
    """Set up an empty data folder: config, keys, certificate, admin credential, schema."""
    if data.exists() and any(data.iterdir()):
        raise AdminError(f"{data} is not empty; init sets up a new, empty data folder")
    data.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        settings = ServerSettings(data=data, host=host, url=url, database_url=database_url)
        if port is not None:
            settings = settings.model_copy(update={"port": port})
        config = {"host": settings.host, "port": settings.port, "url": settings.public_url}
        if database_url:
            config["database_url"] = database_url
        write_config(data, config)
        private = create_keys(data)
        pinned = create_certificate(data, host=settings.host)
        token = create_admin_credential(data)
        with Admin(load_settings(data)) as admin:
            migrate(admin.engine, data=data)
            admin.record("service.init")
    except Exception:
        shutil.rmtree(data, ignore_errors=True)
        raise
    log.info("data folder set up")
    return InitResult(data, settings.public_url, pinned, token, private)


def _fields(**values: Any) -> dict[str, Any]:
    now = utc_now()
    return {**values, "created_at": now, "updated_at": now, "deleted_at": None}


class Admin:
    """Administration directly on the database of a data folder."""

    def __init__(self, settings: ServerSettings) -> None:
        self.settings = settings
        self.keys = ServerKeys.load(settings.data)
        self.engine = make_engine(settings.db_url)

    def __enter__(self) -> Admin:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.engine.dispose()

    def migrate(self) -> None:
        migrate(self.engine, data=self.settings.data)

    def record(self, action: str, **about: str | None) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                insert(t.audit).values(
                    at=utc_now(), actor=ADMIN, action=action, outcome="applied", **about
                )
            )

    # -- offices and consultants ----------------------------------------------------------

    def add_office(self, name: str) -> str:
        office_id = new_id()
        self._create(Kind.OFFICES, office_id, _fields(name=name))
        return office_id

    def add_consultant(
        self,
        *,
        office_id: str,
        name: str,
        phone: str | None = None,
        email: str | None = None,
        consultant_id: str | None = None,
    ) -> str:
        consultant_id = consultant_id or new_id()
        if not is_id(consultant_id):
            raise AdminError("a consultant id is a UUID in lower-case text form")
        fields = _fields(office_id=office_id, name=name, phone=phone, email=email)
        self._create(Kind.CONSULTANTS, consultant_id, fields, office_id=office_id)
        return consultant_id

    def _create(
        self, kind: Kind, record_id: str, fields: dict[str, Any], *, office_id: str | None = None
    ) -> None:
        with writing(self.engine) as (conn, seqs):
            store = Store(conn, seqs, self.keys)
            if office_id is not None and not _is_live(store, Kind.OFFICES, office_id):
                raise AdminError("there is no office with that id")
            if store.get_plain(kind, record_id) is not None:
                raise AdminError(f"there is already a record of {kind.value} with that id")
            row = Row(kind=kind, id=record_id, fields={})
            store.set_fields(row, fields, who=ADMIN)
            store.save(row, new=True)
            store.audit(
                actor=ADMIN,
                action=f"{kind.value}.add",
                outcome="applied",
                kind=kind.value,
                record_id=record_id,
            )

    # -- devices ---------------------------------------------------------------------------

    def enrolment_code(
        self, consultant_id: str, *, url: str | None = None, valid_hours: float = CODE_HOURS
    ) -> IssuedCode:
        try:
            return issue_code(
                self.engine,
                self.keys,
                consultant_id=consultant_id,
                url=url or self.settings.public_url,
                fingerprint=fingerprint(self.settings.data),
                valid_hours=valid_hours,
            )
        except ValueError as exc:
            raise AdminError(str(exc)) from None

    def devices(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.devices).order_by(t.devices.c.enrolled_at)).mappings()
            found = [self._device(row) for row in rows]
        self.record("device.list")
        return found

    def _device(self, row: Any) -> dict[str, Any]:
        name = self.keys.unseal(
            row["name_sealed"], table="devices", column="name", row_id=row["id"]
        )
        keep = (
            "id",
            "consultant_id",
            "office_id",
            "state",
            "enrolled_at",
            "revoked_at",
            "last_seen_at",
            "last_sync_at",
        )
        return {"name": name, **{k: row[k] for k in keep}}

    def revoke(self, device_id: str, *, stolen: bool = False) -> None:
        state = DeviceState.STOLEN if stolen else DeviceState.REVOKED
        with self.engine.begin() as conn:
            done = conn.execute(
                update(t.devices)
                .where(t.devices.c.id == device_id)
                .values(state=state.value, revoked_at=utc_now())
            )
            if done.rowcount != 1:
                raise AdminError("there is no device with that id")
        self.record(f"device.{state.value}", device_id=device_id)
        log.info("device %s is now %s", device_id, state.value)

    # -- citizens ------------------------------------------------------------------------------

    def assign(self, citizen_id: str, consultant_id: str) -> str:
        """Hand the citizen to the consultant; returns the new assignment's id."""
        with writing(self.engine) as (conn, seqs):
            store = Store(conn, seqs, self.keys)
            if not _is_live(store, Kind.CITIZENS, citizen_id):
                raise AdminError("there is no citizen with that id")
            if not _is_live(store, Kind.CONSULTANTS, consultant_id):
                raise AdminError("there is no consultant with that id")
            if store.owner(citizen_id) == consultant_id:
                raise AdminError("the citizen is that consultant's already")
            row = hand_over(store, citizen_id, consultant_id, who=ADMIN, reason="main office")
            store.audit(
                actor=ADMIN,
                action="citizens.assign",
                outcome="applied",
                citizen_id=citizen_id,
                consultant_id=consultant_id,
                kind=Kind.ASSIGNMENTS.value,
                record_id=row.id,
            )
        return row.id

    # -- reading ---------------------------------------------------------------------------------

    def audit(
        self, *, citizen: str | None = None, since: str | None = None
    ) -> list[dict[str, Any]]:
        return audit_entries(self.engine, self.keys, citizen=citizen, since=since)

    def stats(self) -> dict[str, Any]:
        return stats(self.engine, self.keys)


def _is_live(store: Store, kind: Kind, record_id: str) -> bool:
    found = store.get_plain(kind, record_id)
    return found is not None and not found.deleted


def audit_entries(
    engine: Engine, keys: ServerKeys, *, citizen: str | None = None, since: str | None = None
) -> list[dict[str, Any]]:
    """The central audit log and the devices' access logs, merged by time."""
    a, d = t.audit, t.device_log
    central = select(a).order_by(a.c.at, a.c.id)
    pushed = select(d).order_by(d.c.at)
    if citizen is not None:
        central, pushed = (
            central.where(a.c.citizen_id == citizen),
            pushed.where(d.c.citizen_id == citizen),
        )
    if since is not None:
        central, pushed = central.where(a.c.at >= since), pushed.where(d.c.at >= since)
    with engine.connect() as conn:
        entries = [_central(row) for row in conn.execute(central).mappings()]
        entries += [_pushed(keys, row) for row in conn.execute(pushed).mappings()]
    entries.sort(key=lambda e: str(e["at"]))
    _admin_read(engine, "audit.read", citizen)
    return entries


def _central(row: Any) -> dict[str, Any]:
    keep = (
        "at",
        "actor",
        "device_id",
        "consultant_id",
        "action",
        "citizen_id",
        "kind",
        "record_id",
        "outcome",
    )
    entry = {"source": "central", **{k: row[k] for k in keep}}
    entry["records"] = _records(row["records"], row["record_id"])
    return entry


def _records(stored: str | None, record_id: str | None) -> list[str]:
    """Every record an entry covers: the list a push's entry keeps, else its one
    record (entries of one record written before migration 0004 have no list)."""
    if stored:
        return [str(r) for r in jsoncodec.loads(stored)]
    return [record_id] if record_id else []


def _pushed(keys: ServerKeys, row: Any) -> dict[str, Any]:
    detail = keys.unseal(
        row["sealed"],
        table="device_log",
        column="detail",
        row_id=f"{row['device_id']}/{row['entry_id']}",
    )
    return {
        "source": "device",
        "at": row["at"],
        "actor": "device",
        "device_id": row["device_id"],
        "action": row["action"],
        "citizen_id": row["citizen_id"],
        "detail": detail,
        "seq": row["seq"],
    }


def _admin_read(engine: Engine, action: str, citizen: str | None = None) -> None:
    with engine.begin() as conn:
        conn.execute(
            insert(t.audit).values(
                at=utc_now(), actor=ADMIN, action=action, outcome="applied", citizen_id=citizen
            )
        )


def stats(engine: Engine, _keys: ServerKeys) -> dict[str, Any]:
    """Citizens, notes and contacts per office and per consultant, by current assignment."""
    r = t.records
    with engine.connect() as conn:
        owners = dict(
            conn.execute(
                select(r.c.citizen_id, r.c.consultant_id).where(
                    r.c.kind == t.ASSIGNMENT_KIND, r.c.active.is_(True)
                )
            ).all()
        )
        offices = dict(
            conn.execute(
                select(r.c.id, r.c.office_id).where(
                    r.c.kind == Kind.CONSULTANTS.value, r.c.deleted.is_(False)
                )
            ).all()
        )
        live = select(r.c.kind, r.c.citizen_id).where(
            r.c.kind.in_((Kind.CITIZENS.value, Kind.NOTES.value, Kind.CONTACTS.value)),
            r.c.deleted.is_(False),
        )
        counted = Counter((kind, citizen) for kind, citizen in conn.execute(live))
    per_consultant: dict[str, Counter[str]] = {c: Counter() for c in offices}
    for (kind, citizen), count in counted.items():
        consultant = owners.get(citizen)
        if consultant is not None:
            per_consultant.setdefault(consultant, Counter())[kind] += count
    per_office: dict[str, Counter[str]] = {}
    for consultant, counts in per_consultant.items():
        per_office.setdefault(offices.get(consultant) or "", Counter()).update(counts)
    _admin_read(engine, "stats.read")
    return {
        "consultants": [
            {"id": c, "office_id": offices.get(c), **_counts(v)} for c, v in per_consultant.items()
        ],
        "offices": [{"id": o or None, **_counts(v)} for o, v in per_office.items()],
        "totals": _counts(sum(per_consultant.values(), Counter())),
        "unassigned_citizens": counted_unassigned(counted, owners),
    }


def _counts(counts: Counter[str]) -> dict[str, int]:
    return {
        "citizens": counts[Kind.CITIZENS.value],
        "notes": counts[Kind.NOTES.value],
        "contacts": counts[Kind.CONTACTS.value],
    }


def counted_unassigned(counted: Counter[tuple[str, str]], owners: dict[str, str]) -> int:
    return sum(
        n
        for (kind, citizen), n in counted.items()
        if kind == Kind.CITIZENS.value and citizen not in owners
    )
