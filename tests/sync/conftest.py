"""Synchronisation against the real central service: uvicorn over TLS on 127.0.0.1,
on SQLite and on PostgreSQL, with real vaults on both laptops."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from outreach_app.crypto.recovery import RecoveryPublicKey
from outreach_app.domain.clock import ManualClock
from outreach_app.domain.ids import ConsultantId, OfficeId
from outreach_app.services.workspace import NewProfile, Workspace
from outreach_app.storage.profile import Profile
from outreach_app.sync import state as sync_state
from outreach_app.sync.engine import SyncEngine, SyncReport
from outreach_app.sync.enrol import enrol_device, remember
from tests.conftest import PASSPHRASE, START, fast_kdf
from tests.support.postgres import PostgresCluster, require_postgres
from tests.support.server import RunningServer, start_server

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
CODE = re.compile(r"OUTREACH1\.[A-Za-z0-9_-]+")


def new_id_from(output: str) -> str:
    found = UUID.findall(output)
    assert found, output
    return found[-1]


@dataclass
class Office:
    server: RunningServer
    office_id: str
    consultants: dict[str, str] = field(default_factory=dict)

    def consultant(self, name: str) -> str:
        if name not in self.consultants:
            out = self.server.admin("consultant", "add", "--office", self.office_id, "--name", name)
            self.consultants[name] = new_id_from(out)
        return self.consultants[name]

    def code(self, consultant: str) -> str:
        out = self.server.admin("device", "enrol", "--consultant", self.consultant(consultant))
        found = CODE.search(out)
        assert found, out
        return found.group(0)


class Device:
    """A consultant's laptop: a real vault, enrolled with the service."""

    def __init__(self, office: Office, consultant: str, root: Path, *, clock_offset: int = 0):
        self.clock = ManualClock(START + timedelta(days=clock_offset))
        enrolment = enrol_device(office.code(consultant), device_name=f"laptop {consultant}")
        answer = enrolment.response
        self.ws = Workspace.create(
            Profile(root),
            PASSPHRASE,
            NewProfile(consultant, "Gellerup"),
            recovery=RecoveryPublicKey.from_pem(answer.recovery_public_key.encode()),
            clock=self.clock,
            kdf=fast_kdf(),
            issued=(ConsultantId(answer.consultant_id), OfficeId(answer.office_id)),
        )
        self.state = remember(self.ws, enrolment)
        self.root = root

    @classmethod
    def reopen(cls, office: Office, root: Path, clock: ManualClock) -> Device:
        """The same laptop's vault opened again (e.g. after a killed process)."""
        device = cls.__new__(cls)
        device.clock = clock
        device.ws = Workspace.open(Profile(root), PASSPHRASE, clock=clock)
        state = sync_state.load(device.ws.vault)
        assert state is not None
        device.state = state
        device.root = root
        return device

    def sync(self) -> SyncReport:
        report = SyncEngine(self.ws).run()
        if report.citizens_changed and self.ws.is_open:
            self.ws.reload_index()
        return report

    def point_at(self, url: str) -> None:
        """Talk to the service through another address (e.g. a fault proxy)."""
        current = sync_state.load(self.ws.vault)
        assert current is not None
        sync_state.store(self.ws.vault, current.with_(url=url))

    def notes(self) -> dict[str, tuple[str, str, str]]:
        """Every note: id -> (citizen, status, text)."""
        found = {}
        for hit in self.ws.citizens.mine():
            for note in self.ws.notes.for_citizen(hit.id):
                found[note.id] = (note.citizen_id, note.status.value, note.text)
        return found

    def close(self) -> None:
        if self.ws.is_open:
            self.ws.close()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PostgresCluster]:
    require_postgres()
    with PostgresCluster() as cluster:
        yield cluster


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningServer]:
    database_url = None
    if request.param == "postgresql":
        cluster: PostgresCluster = request.getfixturevalue("pg_cluster")
        database_url = cluster.fresh_database("sync")
    running = start_server(tmp_path_factory.mktemp("server"), database_url=database_url)
    with running:
        yield running


@pytest.fixture
def office(server: RunningServer) -> Office:
    out = server.admin("office", "add", "--name", "Gellerup")
    return Office(server, new_id_from(out))


@pytest.fixture
def devices(tmp_path: Path) -> Iterator[Any]:
    made: list[Device] = []

    def make(office: Office, consultant: str, *, clock_offset: int = 0) -> Device:
        device = Device(
            office, consultant, tmp_path / f"laptop{len(made)}", clock_offset=clock_offset
        )
        made.append(device)
        return device

    yield make
    for device in made:
        device.close()
