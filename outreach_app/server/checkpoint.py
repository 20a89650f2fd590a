"""Copying SQLite's write-ahead log into the database file, away from the pushes.

In WAL mode a commit appends the changed pages to the log; a checkpoint later copies
them into the database file. By default the connection whose commit takes the log
past a threshold does that copy itself, before its commit returns: every few pushes
one device waited for the copy of the pages of all of them (at 20 pushes of 500
notes, 2 checkpoints took 55 and 71 ms against about 8 ms for an ordinary commit).

The serving processes instead run passive checkpoints in a thread of their own, with
a connection of their own, after every few commits and when writes pause. A passive
checkpoint never waits for a lock: it copies what no reader still needs and leaves
the rest for the next one. The writers' own threshold stays, set higher, as a
backstop should this thread fall behind or stop.

Nothing about durability changes: a commit is in the log, synced, before it returns
(``synchronous=FULL``); the checkpoint syncs the database file after copying.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

#: Commits between two checkpoints. A push of 500 notes writes about 600 pages to the
#: log; pages changed by several pushes are copied once per checkpoint.
COMMITS_PER_CHECKPOINT = 8
#: A checkpoint also follows this many seconds without a further commit.
IDLE_SECONDS = 2.0
#: Log pages at which a writer checkpoints itself (the backstop): 160 MiB of 4 KiB pages.
BACKSTOP_PAGES = 40_000


class Checkpointer:
    """A thread running passive checkpoints of one SQLite database."""

    def __init__(
        self,
        connect: Callable[[], sqlite3.Connection],
        *,
        every: int | None = None,
        idle_seconds: float | None = None,
    ) -> None:
        self._connect = connect
        self._every = every or COMMITS_PER_CHECKPOINT
        self._idle = idle_seconds or IDLE_SECONDS
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = False
        self._since = 0  # commits counted since the last checkpoint began
        #: Checkpoints run, and attempts that failed (for tests and the log).
        self.done = 0
        self.failed = 0
        self._thread = threading.Thread(target=self._run, name="sqlite-checkpoint", daemon=True)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def committed(self) -> None:
        """Count a commit; every ``every``-th wakes the thread."""
        with self._lock:
            self._since += 1
            due = self._since >= self._every
        if due:
            self._wake.set()

    def stop(self) -> None:
        """Stop the thread after the checkpoint it may be running (idempotent)."""
        self._stopping = True
        self._wake.set()
        if self._thread is not threading.current_thread():
            self._thread.join()

    def _run(self) -> None:
        connection: sqlite3.Connection | None = None
        # A commit is counted just before it writes; a checkpoint it woke may miss it.
        # So after a checkpoint that followed commits, one more runs when writes pause.
        look_again = False
        try:
            while True:
                woken = self._wake.wait(self._idle)
                self._wake.clear()
                if self._stopping:
                    break
                with self._lock:
                    commits, self._since = self._since, 0
                if not (woken or commits or look_again):
                    continue
                look_again = commits > 0
                connection = connection or self._open()
                if connection is not None:
                    connection = self._checkpoint(connection)
        finally:
            if connection is not None:
                connection.close()

    def _open(self) -> sqlite3.Connection | None:
        try:
            return self._connect()
        except sqlite3.Error as error:
            self.failed += 1
            log.warning("cannot open the database for a checkpoint: %s", error)
            return None

    def _checkpoint(self, connection: sqlite3.Connection) -> sqlite3.Connection | None:
        """One passive checkpoint; the connection to keep (None after a failure, so
        the next attempt opens a new one)."""
        try:
            busy, logged, copied = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error as error:
            self.failed += 1
            log.warning("a background checkpoint failed: %s", error)
            connection.close()
            return None
        self.done += 1
        log.debug("checkpoint: %d of %d log pages copied (busy=%d)", copied, logged, busy)
        return connection
