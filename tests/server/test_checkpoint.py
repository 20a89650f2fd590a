"""The serving processes copy SQLite's log into the database file in a thread of their
own: the commits go on without a checkpoint of their own, the log still reaches the
database file, and a failed checkpoint is logged and tried again."""

from __future__ import annotations

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
            conn.execute(
                insert(t.audit)
                .values(at="2026-12-05T00:00:00+00:00", actor="test", action="x")
                .values(outcome="applied")
            )


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
    monkeypatch.setattr(checkpoint, "IDLE_SECONDS", 0.2)
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
    _audit_rows(serving, 3 * checkpoint.COMMITS_PER_CHECKPOINT)
    _wait_for(lambda: checkpointer.done > before, "a checkpoint")
    # the commit that woke the thread may have been copied later, when writes paused
    expected = 3 * checkpoint.COMMITS_PER_CHECKPOINT
    _wait_for(lambda: _rows_in_file_alone(path, scratch) == expected, "every row in the file")
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
    path = tmp_path / "plain.sqlite3"
    with sqlite3.connect(path) as setup:
        setup.execute("PRAGMA journal_mode=WAL")
        setup.execute("CREATE TABLE t (x)")
    attempts: list[int] = []

    def connect() -> sqlite3.Connection:
        attempts.append(1)
        if len(attempts) == 1:
            raise sqlite3.OperationalError("unable to open database file")
        return sqlite3.connect(path, isolation_level=None)

    caplog.set_level(logging.WARNING, logger=checkpoint.__name__)
    checkpointer = Checkpointer(connect, every=1, idle_seconds=0.1)
    try:
        checkpointer.committed()
        _wait_for(lambda: checkpointer.failed == 1, "the failed attempt")
        checkpointer.committed()
        _wait_for(lambda: checkpointer.done >= 1, "a checkpoint after the failure")
    finally:
        checkpointer.stop()
    assert "cannot open the database for a checkpoint" in caplog.text
    assert not checkpointer.running


def test_without_commits_nothing_runs(tmp_path: Path) -> None:
    opened: list[int] = []

    def connect() -> sqlite3.Connection:
        opened.append(1)
        return sqlite3.connect(tmp_path / "idle.sqlite3", isolation_level=None)

    checkpointer = Checkpointer(connect, every=4, idle_seconds=0.05)
    try:
        time.sleep(0.3)
        assert checkpointer.done == 0 and not opened
        checkpointer.committed()  # one commit: no wake, but the pause brings a checkpoint
        _wait_for(lambda: checkpointer.done >= 1, "the checkpoint after a pause")
    finally:
        checkpointer.stop()
