"""The serving processes copy SQLite's log into the database file in a thread of their
own: the commits go on without a checkpoint of their own, the log still reaches the
database file (after enough rows, at a pause, or after the longest wait), and a failed
checkpoint is logged and tried again."""

from __future__ import annotations

import contextlib
import logging
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert

from outreach_app.server import checkpoint, db
from outreach_app.server import tables as t
from outreach_app.server.checkpoint import Checkpointer
from outreach_app.server.db import make_engine, migrate, writing


def _wait_for(condition: Callable[[], bool], what: str, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still waiting for {what}")
        time.sleep(0.02)


def _audit_rows(engine: Engine, count: int) -> None:
    """``count`` write transactions of one audit row each."""
    for _ in range(count):
        with writing(engine) as (conn, _seqs):
            row = {"at": "2026-12-05T00:00:00+00:00", "actor": "test", "action": "x"}
            conn.execute(insert(t.audit).values(**row, outcome="applied"))


def _rows_in_file_alone(path: Path, scratch: Path) -> int:
    """The audit rows the database file holds by itself, without its log."""
    copy = scratch / "alone.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(path, copy)
    connection = sqlite3.connect(copy)
    try:
        return int(connection.execute("SELECT count(*) FROM audit").fetchone()[0])
    except sqlite3.OperationalError:  # not even the table has reached the file
        return -1
    finally:
        connection.close()


@pytest.fixture
def serving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    monkeypatch.setattr(checkpoint, "IDLE_SECONDS", 30.0)
    monkeypatch.setattr(checkpoint, "ROWS_PER_CHECKPOINT", 5)
    engine = make_engine(f"sqlite:///{tmp_path / 'server.sqlite3'}", background_checkpoints=True)
    migrate(engine, data=tmp_path)
    yield engine
    engine.dispose()


def test_the_log_reaches_the_database_file_in_the_background(
    serving: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "server.sqlite3"
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    checkpointer = db.CHECKPOINTERS[serving]
    with serving.connect() as conn:
        threshold = conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar()
    assert threshold == checkpoint.BACKSTOP_PAGES  # the writers no longer copy the log
    before = checkpointer.done
    _audit_rows(serving, 12)  # one row each: every five rows written wake the thread
    _wait_for(lambda: checkpointer.done > before, "a checkpoint")
    _wait_for(lambda: _rows_in_file_alone(path, scratch) >= 5, "the rows counted in the file")
    _audit_rows(serving, 3)  # 5 rows since the last checkpoint began: another one
    _wait_for(lambda: _rows_in_file_alone(path, scratch) >= 10, "more rows in the file")
    assert checkpointer.failed == 0


def test_disposing_the_engine_stops_the_thread(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'server.sqlite3'}", background_checkpoints=True)
    migrate(engine, data=tmp_path)
    checkpointer = db.CHECKPOINTERS[engine]
    assert checkpointer.running
    engine.dispose()
    assert not checkpointer.running


def test_other_engines_checkpoint_as_they_commit(tmp_path: Path) -> None:
    """The administration commands keep SQLite's own checkpoints: no thread."""
    engine = make_engine(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    try:
        migrate(engine, data=tmp_path)
        assert engine not in db.CHECKPOINTERS
        with engine.connect() as conn:
            threshold = conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar()
        assert threshold == db.WAL_CHECKPOINT_PAGES
    finally:
        engine.dispose()


def test_a_failed_checkpoint_is_logged_and_the_next_one_runs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = _plain_database(tmp_path)
    attempts: list[int] = []

    def connect() -> sqlite3.Connection:
        attempts.append(1)
        if len(attempts) == 1:
            raise sqlite3.OperationalError("unable to open database file")
        return sqlite3.connect(path, isolation_level=None)

    caplog.set_level(logging.WARNING, logger=checkpoint.__name__)
    checkpointer = Checkpointer(connect, every=1, idle_seconds=30, max_wait_seconds=30)
    try:
        checkpointer.written(1)
        _wait_for(lambda: checkpointer.failed == 1, "the failed attempt")
        checkpointer.written(1)
        _wait_for(lambda: checkpointer.done >= 1, "a checkpoint after the failure")
    finally:
        checkpointer.stop()
    assert "cannot open the database for a checkpoint" in caplog.text
    assert not checkpointer.running


def _plain_database(folder: Path) -> Path:
    path = folder / "plain.sqlite3"
    with sqlite3.connect(path) as setup:
        setup.execute("PRAGMA journal_mode=WAL")
        setup.execute("CREATE TABLE IF NOT EXISTS t (x)")
    return path


def _counting(path: Path) -> tuple[Callable[[], sqlite3.Connection], list[int]]:
    opened: list[int] = []

    def connect() -> sqlite3.Connection:
        opened.append(1)
        return sqlite3.connect(path, isolation_level=None)

    return connect, opened


@contextlib.contextmanager
def _thread(
    folder: Path, *, every: int, idle_seconds: float, max_wait_seconds: float
) -> Iterator[tuple[Checkpointer, list[int]]]:
    """A checkpoint thread on a plain database with these rules, and the connections
    it opened; stopped on leaving."""
    connect, opened = _counting(_plain_database(folder))
    checkpointer = Checkpointer(
        connect, every=every, idle_seconds=idle_seconds, max_wait_seconds=max_wait_seconds
    )
    try:
        yield checkpointer, opened
    finally:
        checkpointer.stop()


def test_small_writes_wait_for_a_pause(tmp_path: Path) -> None:
    """A trickle of small writes pays no checkpoint while it lasts; the pause after it
    brings one. Without writes nothing runs."""
    with _thread(tmp_path, every=10_000, idle_seconds=2.0, max_wait_seconds=60) as (
        checkpointer,
        opened,
    ):
        time.sleep(0.3)
        assert checkpointer.done == 0 and not opened
        for _ in range(15):
            checkpointer.written(3)
            time.sleep(0.02)
        assert checkpointer.done == 0
        _wait_for(lambda: checkpointer.done >= 1, "the checkpoint after the pause")


def test_writes_that_never_pause_are_copied_after_the_longest_wait(tmp_path: Path) -> None:
    with _thread(tmp_path, every=10_000, idle_seconds=30, max_wait_seconds=0.3) as (
        checkpointer,
        _opened,
    ):
        deadline = time.monotonic() + 20
        while checkpointer.done == 0 and time.monotonic() < deadline:
            checkpointer.written(1)
            time.sleep(0.02)
        assert checkpointer.done >= 1


def test_enough_rows_wake_the_thread_at_once(tmp_path: Path) -> None:
    with _thread(tmp_path, every=100, idle_seconds=30, max_wait_seconds=30) as (
        checkpointer,
        _opened,
    ):
        checkpointer.written(60)
        time.sleep(0.2)
        assert checkpointer.done == 0
        checkpointer.written(40)
        _wait_for(lambda: checkpointer.done >= 1, "the checkpoint 100 rows bring", seconds=10)
