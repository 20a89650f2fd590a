"""Crash safety: a process killed with SIGKILL at a random moment loses nothing it
had acknowledged, tears nothing, and leaves a vault that opens.

The children are forked from a forkserver that has the storage stack imported
already (``crash_child``), so a kill-and-reopen round costs tens of milliseconds;
two vaults are worked on side by side, each by its own thread.
A child acknowledges through a pipe after each call has returned; the parent kills
it at a random moment - during start-up, inside a commit or between commits -
then reopens the vault itself (recovering the WAL) and checks every promise.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from outreach_app.crypto.errors import WrongPassphrase
from outreach_app.crypto.kdf import KdfParams, new_salt
from outreach_app.crypto.wrap import unwrap_with_passphrase
from outreach_app.domain.clock import ManualClock
from outreach_app.domain.ids import CitizenId
from outreach_app.domain.notes import SessionNote
from outreach_app.services.check import check_vault
from outreach_app.services.workspace import NewProfile, Workspace
from outreach_app.storage.profile import Profile
from outreach_app.storage.vault import LockedVault
from tests.conftest import PASSPHRASE, START
from tests.unit.storage import crash_child
from tests.unit.storage.crash_child import ACK, ERROR, READY

CONTEXT = multiprocessing.get_context("forkserver")
CONTEXT.set_forkserver_preload([crash_child.__name__])
#: Share of rounds killed before the child has even opened the vault.
EARLY = 0.1
#: How long a child may take to open the vault (and acknowledge) before the test gives up.
START_TIMEOUT = 30.0
CYCLE = ("first passphrase, A", "second passphrase, B", "third passphrase, C")
#: Independent vaults killed side by side (a round is mostly waiting, for the child to
#: start and for the random moment), each with its own share of the kills.
LANES = 2
#: multiprocessing's Process objects are not thread-safe: ``start`` polls every other
#: child (``_cleanup``) and two concurrent polls of one child can lose its exit status.
PROCESS_API = threading.Lock()


def crash_kdf() -> KdfParams:
    """Argon2id at 1 MiB, one pass: cheaper still than ``fast_kdf`` (8 MiB), because a
    round here derives the key up to five times and the KDF's cost is not what these
    tests are about (a passphrase change is one transaction whatever the parameters)."""
    return KdfParams(memory_kib=1024, iterations=1, lanes=1, salt=new_salt())


@pytest.fixture
def crash_dir(tmp_path: Path) -> Iterator[Path]:
    """Where the vaults live: in memory (tmpfs) when the machine has it, else tmp_path.

    A SIGKILL takes the process, not the kernel: what a killed process had written is
    in the page cache either way, so fsync (which tmpfs skips) plays no part in what is
    tested here - only in surviving a power cut, which no test in a process can do.
    On a disk every commit's fsync would make a round several times slower."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="outreach-crash-", dir=shm))
    try:
        yield folder
    finally:
        shutil.rmtree(folder)


class ChildFailed(AssertionError):
    """The child stopped by itself, with an error, instead of being killed."""


@dataclass(slots=True)
class Round:
    """One child's life: what it acknowledged before it was killed."""

    acks: list[tuple[Any, ...]] = field(default_factory=list)
    ready: bool = False


def _take(message: tuple[Any, ...], round_: Round) -> None:
    if message[0] == ERROR:
        raise ChildFailed(message[1])
    if message[0] == READY:
        round_.ready = True
    else:
        assert message[0] == ACK
        round_.acks.append(message[1:])


def _gather(
    reader: Any, round_: Round, until: float, stop: Callable[[Round], bool] | None = None
) -> None:
    """Take messages until ``until`` (monotonic seconds), the pipe's end, or ``stop``."""
    while (left := until - time.monotonic()) > 0 and reader.poll(left):
        try:
            _take(reader.recv(), round_)
        except (EOFError, OSError):
            # the pipe's end, or a message the kill cut short (an acknowledgement that
            # never arrived whole was not given)
            return
        if stop is not None and stop(round_):
            return


def kill_at_random(
    target: Callable[..., None],
    args: tuple[Any, ...],
    rng: random.Random,
    *,
    most_acks: int,
    window: float,
) -> Round:
    """Run ``target(pipe, *args)`` in a child and SIGKILL it at a random moment: after
    a random number (0 to ``most_acks``) of acknowledgements and then a random
    ``uniform(0, window)`` seconds more - or, now and then, while it is starting.
    Counting acknowledgements, not only time, keeps the kills spread over the work
    however fast or loaded the machine is."""
    reader, writer = CONTEXT.Pipe(duplex=False)
    process = CONTEXT.Process(target=target, args=(writer, *args), daemon=True)
    round_ = Round()
    try:
        with PROCESS_API:
            process.start()
        writer.close()
        try:
            if rng.random() < EARLY:
                _gather(reader, round_, time.monotonic() + rng.uniform(0, 0.03))
            else:
                acks = rng.randint(0, most_acks)
                deadline = time.monotonic() + START_TIMEOUT
                _gather(reader, round_, deadline, lambda r: r.ready and len(r.acks) >= acks)
                assert round_.ready, "the child did not open the vault"
                assert len(round_.acks) >= acks, "the child stopped acknowledging"
                _gather(reader, round_, time.monotonic() + rng.uniform(0, window))
        finally:
            with PROCESS_API:
                process.kill()
                process.join()
                exitcode = process.exitcode
                process.close()
        _gather(reader, round_, time.monotonic() + 5)  # acks sent just before the kill
    finally:
        writer.close()
        reader.close()
    assert exitcode == -signal.SIGKILL, f"the child ended by itself ({exitcode})"
    return round_


def _integrity(ws: Workspace) -> list[str]:
    with ws.vault.read() as connection:
        return [str(r) for r in connection.exec_driver_sql("PRAGMA integrity_check").scalars()]


# -- notes --------------------------------------------------------------------------


def _new_vault(root: Path, passphrase: str) -> tuple[Profile, CitizenId]:
    profile = Profile(root)
    ws = Workspace.create(
        profile,
        passphrase,
        NewProfile("Karin Holm", "Gellerup"),
        recovery=None,
        clock=ManualClock(START),
        kdf=crash_kdf(),
    )
    try:
        citizen = ws.citizens.register(first_name="Ahmed", last_name="Hassan")
    finally:
        ws.close()
    return profile, citizen.id


#: note id -> (text, step) of the note's last acknowledged commit
Acknowledged = dict[str, tuple[str, int]]


def _verify_notes(
    profile: Profile, acknowledged: Acknowledged, *, full_check: bool, where: str
) -> int:
    """Every acknowledged commit is there: a note's text is byte for byte the one last
    acknowledged, or the one of its next commit (made, but killed before the
    acknowledgement arrived) - never an older one; a finished note is exactly what was
    acknowledged. No note holds a torn text, only a finishing text is finished, and
    SQLite finds the file intact. Returns how many notes are drafts (kills that fell
    inside a note's life)."""
    ws = Workspace.open(profile, PASSPHRASE, clock=ManualClock(START))
    try:
        assert _integrity(ws) == ["ok"], where
        with ws.vault.read() as connection:
            found = ws.repos.notes.find(connection, include_deleted=True)
        notes: dict[str, SessionNote] = {n.id: n for n in found}
        assert ws.damaged == [], where
        for note_id, (text, step) in acknowledged.items():
            note = notes.get(note_id)
            assert note is not None, f"acknowledged note lost ({where})"
            stored = crash_child.step_of(note.text)
            if stored == step:
                assert note.text.encode("utf-8") == text.encode("utf-8"), where
            else:
                assert stored == step + 1, f"acknowledged {step}, stored {stored} ({where})"
        for note in notes.values():
            assert crash_child.is_whole(note.text), f"torn note text ({where})"
            finishing = crash_child.step_of(note.text) == crash_child.FINISH_STEP
            assert note.finished == finishing == (note.finished_at is not None), where
        if full_check:
            report = check_vault(ws.vault)
            assert report.ok, f"{report.as_dict()} ({where})"
    finally:
        ws.close()
    return sum(not n.finished for n in notes.values())


def kill_note_writers(vault: tuple[Profile, CitizenId], *, kills: int, seed: int) -> None:
    profile, citizen = vault
    rng = random.Random(seed)
    acknowledged: Acknowledged = {}
    inside_a_note = 0
    for n in range(kills):
        args = (str(profile.root), PASSPHRASE, citizen, rng.randrange(2**32))
        round_ = kill_at_random(crash_child.write_notes, args, rng, most_acks=5, window=0.04)
        acknowledged.update((note_id, (text, step)) for note_id, text, step in round_.acks)
        where = f"seed {seed}, kill {n + 1}"
        full = n % 25 == 0 or n == kills - 1
        inside_a_note += _verify_notes(profile, acknowledged, full_check=full, where=where)
    finished = sum(step == crash_child.FINISH_STEP for _, step in acknowledged.values())
    assert finished >= kills // 4, "the kills fell while notes were being written"
    assert inside_a_note > 0, "some kills fell inside a note's life"


def in_lanes(
    run: Callable[..., None], tmp_path: Path, *, kills: int, passphrase: str = PASSPHRASE
) -> None:
    """``run`` on ``LANES`` vaults at once, ``kills`` in all; a failure in any lane fails.
    (The vaults are made one after the other: Alembic's ``op`` is process-global.)"""
    seed = random.randrange(2**32)
    vaults = [_new_vault(tmp_path / f"lane{n}", passphrase) for n in range(LANES)]
    with ThreadPoolExecutor(LANES) as pool:
        lanes = [
            pool.submit(run, vault, kills=kills // LANES, seed=seed + n)
            for n, vault in enumerate(vaults)
        ]
        for lane in lanes:
            lane.result()


def test_killed_note_writers_lose_no_acknowledged_note(crash_dir: Path) -> None:
    """200 children killed at random moments while writing notes: after each kill every
    acknowledged commit is there (a finished note byte for byte, a draft with its
    acknowledged text or its next one), no text is torn, and SQLite's integrity check
    passes (the full vault check, access-log chain included, every 25 kills)."""
    in_lanes(kill_note_writers, crash_dir, kills=200)


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_a_thousand_killed_note_writers_lose_no_acknowledged_note(crash_dir: Path) -> None:
    """The same with 1,000 kills."""
    in_lanes(kill_note_writers, crash_dir, kills=1_000)


# -- passphrase changes ---------------------------------------------------------------


def _working_passphrases(profile: Profile) -> list[int]:
    """Which passphrases of the cycle unwrap the vault's data key (read-only: a wrong
    one is not counted as a failed attempt)."""
    locked = LockedVault(profile, clock=ManualClock(START))
    try:
        header = locked.header
    finally:
        locked.close()
    working = []
    for index, passphrase in enumerate(CYCLE):
        try:
            unwrap_with_passphrase(header.passphrase, passphrase, vault_id=header.vault_id)
        except WrongPassphrase:
            continue
        working.append(index)
    return working


def kill_passphrase_changers(vault: tuple[Profile, CitizenId], *, kills: int, seed: int) -> None:
    profile, citizen = vault
    rng = random.Random(seed)
    current, changes = 0, 0
    for n in range(kills):
        args = (str(profile.root), CYCLE, current)
        round_ = kill_at_random(crash_child.change_passphrases, args, rng, most_acks=3, window=0.04)
        last = round_.acks[-1][0] if round_.acks else current
        changes += len(round_.acks)
        where = f"seed {seed}, kill {n + 1}, last acknowledged {last}"
        working = _working_passphrases(profile)
        assert len(working) == 1, f"exactly one passphrase opens the vault ({where})"
        assert working[0] in (last, (last + 1) % len(CYCLE)), where
        current = working[0]
        ws = Workspace.open(profile, CYCLE[current], clock=ManualClock(START))
        try:
            assert _integrity(ws) == ["ok"], where
            assert ws.citizens.hit(citizen) is not None, where
        finally:
            ws.close()
    assert changes >= kills // 4, "the kills fell while the passphrase was being changed"


def test_killed_passphrase_changes_leave_exactly_one_passphrase(crash_dir: Path) -> None:
    """200 children killed while changing the passphrase round a cycle A -> B -> C -> A:
    after each kill exactly one of the three opens the vault, and it is the last one
    acknowledged or the one being set. (A cycle of three, not two, so that 'the last
    or the next' is a real constraint.)"""
    in_lanes(kill_passphrase_changers, crash_dir, kills=200, passphrase=CYCLE[0])


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_a_thousand_killed_passphrase_changes_leave_exactly_one(crash_dir: Path) -> None:
    """The same with 1,000 kills."""
    in_lanes(kill_passphrase_changers, crash_dir, kills=1_000, passphrase=CYCLE[0])
