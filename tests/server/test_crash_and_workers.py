"""The server killed with SIGKILL in the middle of a push, then restarted: the retried
batch applies exactly once. Two workers serving one database assign unique seqs and
lose nothing."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest

from outreach_app.protocol.messages import Change, Kind, Outcome
from tests.server.conftest import database_for
from tests.server.helpers import (
    Device,
    change,
    http,
    make_team,
    new_contact,
    walk_in,
)
from tests.support.postgres import PostgresCluster
from tests.support.server import RunningServer, start_server


class _Blocker:
    """Holds a lock the push will wait on: SQLite's write lock, or on PostgreSQL the
    row of a record the batch changes half-way (so the push is mid-transaction)."""

    def __init__(self, server: RunningServer, request: pytest.FixtureRequest, record: str) -> None:
        self.sqlite: sqlite3.Connection | None = None
        self.pg: psycopg.Connection[tuple[object, ...]] | None = None
        if server.database_url is None:
            self.sqlite = sqlite3.connect(server.data / "server.sqlite3", isolation_level=None)
            self.sqlite.execute("BEGIN IMMEDIATE")
            return
        cluster: PostgresCluster = request.getfixturevalue("postgres")
        self.pg = psycopg.connect(cluster.conninfo(server.database_url.rsplit("/", 1)[-1]))
        self.pg.execute("SELECT id FROM records WHERE id = %s FOR UPDATE", (record,))

    def wait_until_blocking(self) -> None:
        if self.pg is None:
            time.sleep(1.0)  # the push waits on SQLite's busy handler; nothing to observe
            return
        with psycopg.connect(self.pg.info.dsn, autocommit=True) as watcher:
            for _ in range(300):
                waiting = watcher.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                ).fetchone()
                if waiting and waiting[0]:
                    return
                time.sleep(0.05)
        raise AssertionError("the push never waited on the lock")

    def release(self) -> None:
        if self.sqlite is not None:
            self.sqlite.execute("ROLLBACK")
            self.sqlite.close()
        if self.pg is not None:
            self.pg.rollback()
            self.pg.close()


def _push_in_background(device: Device, changes: list[Change]) -> threading.Thread:
    def send() -> None:
        with contextlib.suppress(httpx.TransportError):  # the server died: "not delivered"
            device.push_raw(changes)

    thread = threading.Thread(target=send)
    thread.start()
    return thread


def test_a_push_killed_mid_way_applies_once_after_restart(
    server: RunningServer, request: pytest.FixtureRequest
) -> None:
    """SIGKILL while the push's transaction is open; after a restart the device sends
    the same batch again: every change is applied once, then remembered."""
    with make_team(server) as team:
        karin = team.karin
        citizen, head = walk_in(karin)
        target = new_contact(citizen, karin.consultant_id)
        karin.push(*head, target)
        batch = [new_contact(citizen, karin.consultant_id) for _ in range(20)]
        batch.insert(10, change(Kind.CONTACTS, target.id, duration_min=45))
        blocker = _Blocker(server, request, target.id)
        try:
            thread = _push_in_background(karin, batch)
            blocker.wait_until_blocking()
            server.kill()
        finally:
            blocker.release()
        thread.join(timeout=60)
    server.restart()
    with http(server) as client:
        karin.client = client
        answer = karin.push(*batch)
        assert [r.outcome for r in answer.results] == [Outcome.APPLIED] * 21
        again = karin.push(*batch)
        assert [r.outcome for r in again.results] == [Outcome.DUPLICATE] * 21
        karin.pull()
    contacts = [r for r in karin.records.values() if r.kind is Kind.CONTACTS]
    assert len(contacts) == 21


@pytest.fixture
def two_workers(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[RunningServer]:
    url = database_for(backend, request, "workers")
    with start_server(tmp_path / "server", database_url=url, workers=2) as running:
        yield running


def test_two_workers_on_one_database_lose_nothing(two_workers: RunningServer) -> None:
    """Four devices push concurrently through two workers: every change is applied
    once with its own rev, and each device pulls exactly its own records."""
    with make_team(two_workers) as first, make_team(two_workers) as second:
        devices = [first.karin, first.omar, second.karin, second.omar]
        plans = {d.id: _plan(d) for d in devices}
        revs: list[int] = []
        lock = threading.Lock()

        def work(device: Device) -> None:
            with http(two_workers) as client:
                device.client = client
                for batch in plans[device.id]:
                    answer = device.push(*batch)
                    assert {r.outcome for r in answer.results} == {Outcome.APPLIED}
                    with lock:
                        revs.extend(r.rev for r in answer.results if r.rev is not None)

        threads = [threading.Thread(target=work, args=(d,)) for d in devices]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert len(revs) == len(set(revs)) == 4 * (2 + 4 * 10)
        with http(two_workers) as client:
            for device in devices:
                device.client = client
                device.pull(limit=7)
                own = [r for r in device.records.values() if r.kind is Kind.CONTACTS]
                assert len(own) == 40


def _plan(device: Device) -> list[list[Change]]:
    citizen, head = walk_in(device)
    batches = [[new_contact(citizen, device.consultant_id) for _ in range(10)] for _ in range(4)]
    return [head, *batches]
