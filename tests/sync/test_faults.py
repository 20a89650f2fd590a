"""Faults on the way: cut connections, replays, killed processes, wrong clocks,
withdrawn laptops. After one clean sync every note exists once on both sides."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from outreach_app.protocol.messages import Outcome, PushRequest
from outreach_app.services.demo import populate_demo
from outreach_app.sync import outgoing
from outreach_app.sync.errors import SyncError, Unreachable
from outreach_app.sync.transport import Transport
from tests.conftest import PASSPHRASE
from tests.support.proxy import Cut, FaultProxy
from tests.sync.conftest import Device, Office
from tests.sync.test_end_to_end import walk_in


def sync_until_clean(device: Device, attempts: int = 40) -> None:
    for _ in range(attempts):
        try:
            device.sync()
        except SyncError as error:
            assert error.transient, error
            continue
        if device.ws.pending_changes() == 0:
            return
    raise AssertionError("no clean sync")


def assert_same_everywhere(office: Office, devices: Any, origin: Device, consultant: str) -> None:
    witness = devices(office, consultant)
    witness.sync()
    assert witness.notes() == origin.notes()
    assert len(origin.notes()) > 0


def transport_of(device: Device) -> Transport:
    state = device.state
    return Transport(
        state.url, state.certificate, device_id=state.device_id, credential=state.credential
    )


def test_connections_cut_at_random_offsets_lose_and_double_nothing(
    office: Office, devices: Any
) -> None:
    karin = devices(office, "Karin")
    populate_demo(karin.ws, citizens=6, seed=5)
    port = int(karin.state.url.rsplit(":", 1)[1])
    chance = random.Random(20261123)
    with FaultProxy(port) as proxy:
        karin.point_at(proxy.url)
        for round_ in range(12):
            where = chance.randrange(40, 6000)
            proxy.plan(Cut(upstream=where) if round_ % 2 else Cut(downstream=where))
            walk_in(karin, f"Borger{round_}")  # something new on the way each time
            try:
                karin.sync()
            except SyncError as error:
                assert error.transient, error
        assert proxy.cuts >= 6
        sync_until_clean(karin)
    karin.point_at(office.server.url)
    assert_same_everywhere(office, devices, karin, "Karin")


def test_a_batch_replayed_five_times_and_reordered_applies_once(
    office: Office, devices: Any
) -> None:
    karin = devices(office, "Karin")
    for name in ("Ayaan", "Hodan", "Sahra"):
        walk_in(karin, name)
    with karin.ws.vault.read() as connection:
        batch = outgoing.make_batch(
            connection, karin.ws.vault.codec, outgoing.pending(connection), skip=set()
        )
    changes = batch.changes
    with transport_of(karin) as transport:
        first = transport.push(PushRequest(cursor=0, changes=changes))
        assert {r.outcome for r in first.results} == {Outcome.APPLIED}
        revs = {r.change_id: r.rev for r in first.results}
        for round_ in range(5):
            shuffled = list(changes)
            random.Random(round_).shuffle(shuffled)
            half = shuffled[: len(shuffled) // 2] if round_ % 2 else shuffled
            again = transport.push(PushRequest(cursor=0, changes=half))
            assert {r.outcome for r in again.results} == {Outcome.DUPLICATE}
            assert {r.change_id: r.rev for r in again.results}.items() <= revs.items()
    sync_until_clean(karin)
    assert_same_everywhere(office, devices, karin, "Karin")


def test_the_service_killed_mid_push_applies_the_retried_batch_once(
    office: Office, devices: Any
) -> None:
    karin = devices(office, "Karin")
    populate_demo(karin.ws, citizens=8, seed=6)
    port = int(karin.state.url.rsplit(":", 1)[1])
    with FaultProxy(port) as proxy:
        karin.point_at(proxy.url)
        started = threading.Event()
        original = proxy._pump

        def pump(source: Any, sink: Any, limit: Any, pair: Any) -> None:
            started.set()
            original(source, sink, limit, pair)

        proxy._pump = pump  # type: ignore[method-assign]
        killer = threading.Thread(target=lambda: (started.wait(30), office.server.kill()))
        killer.start()
        with pytest.raises(SyncError):
            karin.sync()
        killer.join()
        proxy._pump = original  # type: ignore[method-assign]
        office.server.restart()
        proxy.target_port = int(office.server.url.rsplit(":", 1)[1])
        sync_until_clean(karin)
    karin.point_at(office.server.url)
    assert_same_everywhere(office, devices, karin, "Karin")


def test_a_failed_push_stops_the_pushes_queued_behind_it(
    office: Office, devices: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The next batch waits in the sender's queue while one is in the air; when that
    one fails, the next is never sent, so the service never applies a batch whose
    predecessor it did not. A later sync sends everything, once."""
    karin = devices(office, "Karin")
    populate_demo(karin.ws, citizens=6, seed=8)
    monkeypatch.setattr(outgoing, "MAX_CHANGES", 40)  # several batches
    sent: list[int] = []
    original = Transport.send_push

    def second_fails(transport: Transport, body: Any) -> Any:
        sent.append(len(sent) + 1)
        if len(sent) == 2:
            raise Unreachable("cut")
        return original(transport, body)

    monkeypatch.setattr(Transport, "send_push", second_fails)
    pending = karin.ws.pending_changes()
    with pytest.raises(Unreachable):
        karin.sync()
    assert sent == [1, 2]  # the batches queued behind the second were not sent
    assert karin.ws.pending_changes() == pending - 40
    monkeypatch.setattr(Transport, "send_push", original)
    sync_until_clean(karin)
    assert_same_everywhere(office, devices, karin, "Karin")


def test_the_laptop_killed_mid_sync_finishes_on_the_next_run(
    office: Office, devices: Any, tmp_path: Path
) -> None:
    karin = devices(office, "Karin")
    populate_demo(karin.ws, citizens=10, seed=7)
    profile = karin.root
    karin.close()
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE)
    command = [sys.executable, "-m", "outreach_app.cli", "sync", "--profile", str(profile)]
    command += ["--passphrase-file", str(secret)]
    env = {**os.environ, "PYTHONPATH": str(Path.cwd())}
    for delay in (0.3, 0.8, 1.5):
        with subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        ) as process:
            try:
                process.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                process.send_signal(signal.SIGKILL)
                process.wait()
    done = subprocess.run(
        [*command, "--json"], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    reopened = Device.reopen(office, profile, karin.clock)
    try:
        assert reopened.ws.pending_changes() == 0
        assert_same_everywhere(office, devices, reopened, "Karin")
    finally:
        reopened.close()


def test_laptop_clocks_a_day_off_do_not_change_the_order(office: Office, devices: Any) -> None:
    early, late = (
        devices(office, "Karin", clock_offset=-1),
        devices(office, "Karin", clock_offset=1),
    )
    citizen_id, _ = walk_in(late, "Ayaan")
    late.sync()
    early.sync()
    early.ws.citizens.update(citizen_id, phone="11112222")  # later in fact, earlier by clock
    early.sync()
    late.sync()
    assert late.ws.citizens.get(citizen_id).phone == "11112222"  # type: ignore[arg-type]


def test_a_withdrawn_laptop_sends_its_last_changes_then_deletes_its_vault(
    office: Office, devices: Any
) -> None:
    karin = devices(office, "Karin")
    walk_in(karin, "Ayaan")
    karin.sync()
    _, last_note = walk_in(karin, "Hodan")  # written after the last sync
    office.server.admin("device", "revoke", karin.state.device_id)
    report = karin.sync()
    assert report.destroyed and report.applied > 0
    assert not karin.ws.is_open
    assert not (karin.root / "vault.sqlite3").exists()
    witness = devices(office, "Karin")
    witness.sync()
    assert last_note in witness.notes()


def test_a_stolen_laptop_sends_nothing_and_deletes_its_vault(office: Office, devices: Any) -> None:
    karin = devices(office, "Karin")
    walk_in(karin, "Ayaan")
    karin.sync()
    _, unsent = walk_in(karin, "Hodan")
    office.server.admin("device", "revoke", karin.state.device_id, "--stolen")
    report = karin.sync()
    assert report.destroyed and report.pushed == 0
    assert not (karin.root / "vault.sqlite3").exists()
    witness = devices(office, "Karin")
    witness.sync()
    assert unsent not in witness.notes()
