"""Talking to a real server the way a device does, and building changes."""

from __future__ import annotations

import contextlib
import gzip
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx
import zstandard

from outreach_app.protocol.codes import decode_code
from outreach_app.protocol.messages import (
    Change,
    EnrolResponse,
    Kind,
    LogEntry,
    Notice,
    Op,
    PullResponse,
    PushResponse,
    Record,
)
from outreach_app.server.admin import Admin
from outreach_app.server.settings import load_settings
from tests.support.server import RunningServer

HEADERS = {"Outreach-Protocol": "1"}


def uid() -> str:
    return str(uuid.uuid4())


def now() -> str:
    return datetime.now(UTC).isoformat()


def admin_for(server: RunningServer) -> Admin:
    """Administration in this process on the server's database (faster than the CLI)."""
    return Admin(load_settings(server.data, database_url=server.database_url))


def http(server: RunningServer) -> httpx.Client:
    return httpx.Client(base_url=server.url, verify=server.ssl_context(), timeout=60.0)


@dataclass
class Device:
    """An enrolled device: its credential, cursor and what it has pulled."""

    server: RunningServer
    client: httpx.Client
    enrolment: EnrolResponse
    cursor: int = 0
    records: dict[tuple[str, str], Record] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.enrolment.device_id

    @property
    def consultant_id(self) -> str:
        return self.enrolment.consultant_id

    def headers(self) -> dict[str, str]:
        token = f"{self.enrolment.device_id}.{self.enrolment.credential}"
        return {**HEADERS, "Authorization": f"Bearer {token}"}

    def post(
        self, path: str, body: Any, *, coding: str | None = None, accept: str | None = None
    ) -> httpx.Response:
        """POST ``body`` as JSON, compressed with ``coding`` (gzip or zstd) if given,
        accepting the answer's codings of ``accept`` if given (else httpx's own)."""
        raw = json.dumps(body).encode()
        headers = {**self.headers(), "Content-Type": "application/json"}
        if coding is not None:
            raw = gzip.compress(raw) if coding == "gzip" else zstandard.compress(raw)
            headers["Content-Encoding"] = coding
        if accept is not None:
            headers["Accept-Encoding"] = accept
        return self.client.post(path, content=raw, headers=headers)

    def push_raw(
        self, changes: list[Change], *, cursor: int | None = None, log: list[LogEntry] | None = None
    ) -> httpx.Response:
        body = {
            "cursor": self.cursor if cursor is None else cursor,
            "changes": [c.model_dump(mode="json") for c in changes],
            "access_log": [e.model_dump(mode="json") for e in log or []],
        }
        return self.post("/v1/push", body)

    def push(self, *changes: Change, cursor: int | None = None) -> PushResponse:
        response = self.push_raw(list(changes), cursor=cursor)
        assert response.status_code == 200, response.text
        return PushResponse.model_validate(response.json())

    def pull_once(self, *, limit: int = 1000) -> PullResponse:
        response = self.post("/v1/pull", {"cursor": self.cursor, "limit": limit})
        assert response.status_code == 200, response.text
        answer = PullResponse.model_validate(response.json())
        for record in answer.records:
            self.records[(record.kind.value, record.id)] = record
        self.notices.extend(answer.notices)
        self.cursor = answer.cursor
        return answer

    def pull(self, *, limit: int = 1000) -> list[PullResponse]:
        pages = [self.pull_once(limit=limit)]
        while pages[-1].more:
            pages.append(self.pull_once(limit=limit))
        return pages

    def status(self) -> httpx.Response:
        return self.client.get("/v1/status", headers=self.headers())

    def has(self, kind: Kind, record_id: str) -> bool:
        return (kind.value, record_id) in self.records


def enrol(server: RunningServer, client: httpx.Client, consultant_id: str) -> Device:
    with admin_for(server) as admin:
        code = decode_code(admin.enrolment_code(consultant_id).code)
    response = client.post(
        "/v1/enrol",
        json={"secret": code.secret, "device_name": "Bærbar 3", "protocol": 1},
        headers=HEADERS,
    )
    assert response.status_code == 201, response.text
    return Device(server, client, EnrolResponse.model_validate(response.json()))


@dataclass
class Team:
    server: RunningServer
    office_id: str
    karin: Device
    omar: Device


@contextlib.contextmanager
def make_team(server: RunningServer) -> Iterator[Team]:
    with admin_for(server) as admin:
        office = admin.add_office("Gellerup")
        karin_id = admin.add_consultant(office_id=office, name="Karin Holm")
        omar_id = admin.add_consultant(office_id=office, name="Omar Said")
    with http(server) as client:
        yield Team(server, office, enrol(server, client, karin_id), enrol(server, client, omar_id))


# -- changes --------------------------------------------------------------------------------


def change(kind: Kind, record_id: str, /, *, base_rev: int | None = None, **fields: Any) -> Change:
    return Change(change_id=uid(), kind=kind, id=record_id, base_rev=base_rev, fields=fields)


def delete(kind: Kind, record_id: str, *, base_rev: int | None = None) -> Change:
    return Change(change_id=uid(), kind=kind, id=record_id, op=Op.DELETE, base_rev=base_rev)


def stamps() -> dict[str, Any]:
    at = now()
    return {"created_at": at, "updated_at": at, "deleted_at": None}


def new_citizen(citizen_id: str, **fields: Any) -> Change:
    values = {"first_name": "Test", "last_name": "Borger", "status": "active", **stamps()}
    return change(Kind.CITIZENS, citizen_id, **{**values, **fields})


def new_assignment(citizen_id: str, consultant_id: str, assignment_id: str | None = None) -> Change:
    return change(
        Kind.ASSIGNMENTS,
        assignment_id or uid(),
        citizen_id=citizen_id,
        consultant_id=consultant_id,
        started_at=now(),
        ended_at=None,
        reason=None,
        **stamps(),
    )


def new_note(
    citizen_id: str, consultant_id: str, text: str, *, status: str = "draft", note_id: str = ""
) -> Change:
    return change(
        Kind.NOTES,
        note_id or uid(),
        citizen_id=citizen_id,
        consultant_id=consultant_id,
        kind="drop_in",
        occurred_at=now(),
        text=text,
        status=status,
        **stamps(),
    )


def new_contact(citizen_id: str, consultant_id: str) -> Change:
    return change(
        Kind.CONTACTS,
        uid(),
        citizen_id=citizen_id,
        consultant_id=consultant_id,
        kind="drop_in",
        occurred_at=now(),
        **stamps(),
    )


def walk_in(device: Device, **fields: Any) -> tuple[str, list[Change]]:
    """A new citizen registered on ``device``: assignment first, as in SPEC §10."""
    citizen = uid()
    return citizen, [new_assignment(citizen, device.consultant_id), new_citizen(citizen, **fields)]


def log_entry(seq: int, citizen_id: str | None = None, detail: str = "") -> LogEntry:
    return LogEntry(
        seq=seq,
        id=uid(),
        at=datetime.now(UTC),
        action="notes.read",
        citizen_id=citizen_id,
        detail=detail,
    )
