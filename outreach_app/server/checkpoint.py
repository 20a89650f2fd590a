"""Copying SQLite's write-ahead log into the database file, away from the pushes.

In WAL mode a commit appends the changed pages to the log; a checkpoint later copies
them into the database file. By default the connection whose commit takes the log
past a threshold does that copy itself, before its commit returns: every few pushes
one device waited for the copy of the pages of all of them (at 20 pushes of 500
notes, 2 checkpoints took 55 and 71 ms against about 8 ms for an ordinary commit).

The serving processes instead run passive checkpoints in a thread of their own, with
a connection of their own: after every 10,000 rows written (about five pushes of 500
notes), and otherwise once writes have paused for two seconds or a minute has passed
with rows written, so a steady trickle of small syncs neither pays a checkpoint (and
its two syncs to disk) every few requests nor lets the log grow. A passive
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
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

#: Rows written between two checkpoints. A push of 500 notes writes about 2,000 rows
#: and 600 pages of log; pages changed by several pushes are copied once per checkpoint.
ROWS_PER_CHECKPOINT = 10_000
#: Seconds without a write after which what was written is copied.
IDLE_SECONDS = 2.0
#: Seconds after which rows written are copied even if writes never pause.
MAX_WAIT_SECONDS = 60.0
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
        max_wait_seconds: float | None = None,
    ) -> None:
        self._connect = connect
        self._every = every or ROWS_PER_CHECKPOINT
        self._idle = idle_seconds or IDLE_SECONDS
        self._max_wait = max_wait_seconds or MAX_WAIT_SECONDS
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = False
        self._rows = 0  # written since the last checkpoint began
        self._last_write = self._last_checkpoint = time.monotonic()
        #: Checkpoints run, and attempts that failed (for tests and the log).
        self.done = 0
        self.failed = 0
        self._thread = threading.Thread(target=self._run, name="sqlite-checkpoint", daemon=True)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def written(self, rows: int) -> None:
        """Count the rows a commit wrote; enough of them wake the thread."""
        if rows <= 0:
            return
        with self._lock:
            self._rows += rows
            self._last_write = time.monotonic()
            due = self._rows >= self._every
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
        # A commit is counted just before it writes, so a checkpoint may start before
        # its pages are in the log: after a checkpoint that followed writes, one more
        # runs at the next pause (it costs nothing if the log was copied already).
        look_again = False
        try:
            while True:
                self._wake.wait(self._poll())
                self._wake.clear()
                if self._stopping:
                    break
                due, rows = self._due(look_again)
                if not due:
                    continue
                look_again = rows > 0
                connection = connection or self._open()
                if connection is not None:
                    connection = self._checkpoint(connection)
        finally:
            if connection is not None:
                connection.close()

    def _poll(self) -> float:
        """How long to sleep when nothing wakes the thread."""
        return min(self._idle, self._max_wait) / 2

    def _due(self, look_again: bool) -> tuple[bool, int]:
        """Whether to checkpoint now, and the rows written since the last one (taken:
        the count restarts when a checkpoint is due)."""
        now = time.monotonic()
        with self._lock:
            rows = self._rows
            quiet = now - self._last_write >= self._idle
            overdue = rows > 0 and now - self._last_checkpoint >= self._max_wait
            due = rows >= self._every or overdue or (quiet and (rows > 0 or look_again))
            if due:
                self._rows = 0
                self._last_checkpoint = now
        return due, rows

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
