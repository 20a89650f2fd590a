"""The session: the open Workspace, the background operations on it, and the lock.

Every call into the Workspace runs as a small operation on one worker thread (so
the screen never waits on the disk and operations never race each other); its
result comes back to the GUI thread through one queued signal. The worker is a
plain Python thread and no Qt object is made per operation, so nothing of Qt's is
ever released on the worker thread. After a mutation the session
emits ``changed`` once with what changed, and every view refreshes from that one
signal. Locking drops the Workspace (and with it the keys) after the pending
operations, including a last autosave, have run. Background operations (the status
bar's) wait until no other operation is waiting, so they never hold up a page.
"""

from __future__ import annotations

import concurrent.futures
import itertools
import logging
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from outreach_app.storage.profile import Profile

log = logging.getLogger(__name__)

Work = Callable[[Any], Any]
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Relay(QObject):
    """Carries outcomes from the worker thread to the GUI thread (a queued signal)."""

    finished = Signal(int, object, object)  # token, result, error


@dataclass(frozen=True, slots=True)
class _Pending:
    key: str | None
    generation: int
    done: Done | None
    error: Failed | None
    changes: str | None
    background: bool = False


def _detached(error: BaseException) -> BaseException:
    """The error without its tracebacks: they hold this thread's frames (and whatever
    the work touched), and must not be released on another thread later."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.__traceback__ = None
        current = current.__cause__ or current.__context__
    return error


class Session(QObject):
    """One consultant's open profile in the desktop program."""

    changed = Signal(str)  # "citizens", "notes", "agenda", "queue", "partners", "all"
    failed = Signal(object)  # an error no caller handled
    settled = Signal()  # no operation pending
    about_to_lock = Signal()
    locked = Signal()
    unlocked = Signal()
    discreet_changed = Signal(bool)

    def __init__(self, profile: Profile, workspace: Any = None, *, clock: Any = None) -> None:
        super().__init__()
        self.profile = profile
        self.workspace = workspace
        self.clock = clock  # None: the computer's clock
        self.discreet = False
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vault")
        self._futures: list[Future[None]] = []
        # what the worker runs next: the oldest operation, background ones last
        self._queue_lock = threading.Lock()
        self._foreground: deque[tuple[int, Callable[[], Any]]] = deque()
        self._background: deque[tuple[int, str | None, Callable[[], Any]]] = deque()
        self._background_keys: set[str] = set()  # of background operations not started
        self._background_tasks = 0  # background operations not yet handed to the worker
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self._waiting: dict[int, _Pending] = {}
        self._tokens = itertools.count(1)
        self._generations: dict[str, int] = {}
        #: Run on the worker before the vault closes (e.g. let a sync finish first).
        self.close_guards: list[Callable[[], None]] = []

    # -- operations ------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self.workspace is None

    @property
    def busy(self) -> bool:
        return bool(self._waiting)

    def run(
        self,
        work: Work,
        *,
        done: Done | None = None,
        error: Failed | None = None,
        changes: str | None = None,
        key: str | None = None,
        background: bool = False,
    ) -> None:
        """Run ``work(workspace)`` off the GUI thread.

        ``done(result)`` and ``error(exception)`` run on the GUI thread. ``changes``
        names what the work changed, for the ``changed`` signal. Of several operations
        with the same ``key``, only the newest one's result is delivered (a search
        typed on is not overtaken by an older one). ``background`` work runs when no
        other operation waits, and is not queued again while one with its ``key`` has
        not started yet (that one will read what is there when it starts)."""
        workspace = self.workspace
        if workspace is None:
            return
        self.submit(
            lambda: work(workspace),
            done=done,
            error=error,
            changes=changes,
            key=key,
            background=background,
        )

    def submit(
        self,
        work: Callable[[], Any],
        *,
        done: Done | None = None,
        error: Failed | None = None,
        changes: str | None = None,
        key: str | None = None,
        background: bool = False,
    ) -> None:
        """Run ``work()`` on the worker thread (``run`` without the workspace)."""
        with self._queue_lock:
            if background and key is not None and key in self._background_keys:
                return
            token = next(self._tokens)
            generation = self._next_generation(key)
            self._waiting[token] = _Pending(key, generation, done, error, changes, background)
            if background:
                self._background.append((token, key, work))
                if key is not None:
                    self._background_keys.add(key)
            else:
                self._foreground.append((token, work))
        if not background:
            self._hand_over(1)
            return
        self._background_tasks += 1
        if self._background_tasks == 1:
            QTimer.singleShot(0, self._hand_over_background)

    def _hand_over_background(self) -> None:
        """Background work goes to the worker when no other operation is waiting or
        being shown: at the next turn of the event loop, so that what the present call
        chain queues (the page being shown, loading) goes first even on an idle worker,
        and else after the last result has been shown (``_finish``)."""
        if self._background_tasks and not self._foreground_waiting():
            count, self._background_tasks = self._background_tasks, 0
            self._hand_over(count)

    def _foreground_waiting(self) -> bool:
        return any(not pending.background for pending in self._waiting.values())

    def _hand_over(self, count: int) -> None:
        """Give the worker ``count`` turns, one for each operation queued."""
        self._futures = [f for f in self._futures if not f.done()]
        self._futures.extend(self._worker.submit(self._run_next) for _ in range(count))

    def _run_next(self) -> None:
        """On the worker thread: the operation that is next (one per submit; none if
        it was background work dropped by locking)."""
        with self._queue_lock:
            if self._foreground:
                token, work = self._foreground.popleft()
            elif self._background:
                token, key, work = self._background.popleft()
                self._background_keys.discard(key or "")
            else:
                return
        self._execute(token, work)

    def _drop_background(self) -> None:
        """Background work not started yet was for the workspace now being closed."""
        with self._queue_lock:
            while self._background:
                token, _key, _work = self._background.popleft()
                self._waiting.pop(token, None)
            self._background_keys.clear()
        self._background_tasks = 0

    def _execute(self, token: int, work: Callable[[], Any]) -> None:
        """On the worker thread: run, then hand the outcome to the GUI thread."""
        try:
            result = work()
        except Exception as error:
            self._relay.finished.emit(token, None, _detached(error))
        else:
            self._relay.finished.emit(token, result, None)

    def _next_generation(self, key: str | None) -> int:
        if key is None:
            return 0
        self._generations[key] = self._generations.get(key, 0) + 1
        return self._generations[key]

    @Slot(int, object, object)
    def _finish(self, token: int, result: Any, failure: BaseException | None) -> None:
        pending = self._waiting.pop(token)
        if self._background_tasks and not self._foreground_waiting():
            QTimer.singleShot(0, self._hand_over_background)  # after what this result draws
        stale = pending.key is not None and self._generations.get(pending.key) != pending.generation
        if failure is not None:
            self._report(failure, pending.error)
        elif not stale:
            if pending.done is not None:
                pending.done(result)
            if pending.changes:
                self.changed.emit(pending.changes)
        if not self._waiting:
            self.settled.emit()

    def _report(self, failure: BaseException, error: Failed | None) -> None:
        log.warning("operation failed: %s", type(failure).__name__)
        if error is not None:
            error(failure)
        else:
            self.failed.emit(failure)

    def wait(self) -> None:
        """Block until every operation has run on the worker (tests and shutdown only);
        their results reach the screen with the next turn of the event loop."""
        count, self._background_tasks = self._background_tasks, 0
        self._hand_over(count)
        futures, self._futures = self._futures, []
        concurrent.futures.wait(futures)

    # -- discreet mode -----------------------------------------------------------------

    @Slot(bool)
    def set_discreet(self, on: bool) -> None:
        if on != self.discreet:
            self.discreet = on
            self.discreet_changed.emit(on)

    def name(self, first: str, last: str, initials: str) -> str:
        """A citizen's name as this screen may show it now."""
        return initials if self.discreet else f"{first} {last}".strip()

    # -- lock ---------------------------------------------------------------------------

    @Slot()
    def lock(self) -> None:
        """Save what is being typed, then drop the keys and clear every view."""
        if self.workspace is None:
            return
        self.about_to_lock.emit()  # editors queue their last autosave now
        workspace = self.workspace
        guards = list(self.close_guards)

        def close(ws: Any) -> None:
            for guard in guards:
                guard()
            if ws.is_open:  # a withdrawn device's vault is closed (and gone) already
                ws.close()

        self._drop_background()
        self.run(close, done=lambda _: None)
        self.workspace = None
        self._generations.clear()
        self.locked.emit()
        log.info("session locked")
        del workspace

    def unlock(self, passphrase: str, *, done: Callable[[], None], error: Failed) -> None:
        """Open the vault with ``passphrase`` off the GUI thread (the KDF takes ~0.4 s)."""
        profile, clock = self.profile, self.clock

        def open_workspace() -> Any:
            from outreach_app.services.workspace import Workspace  # noqa: PLC0415 - heavy

            return Workspace.open(profile, passphrase, clock=clock)

        def opened(workspace: Any) -> None:
            self.resume(workspace)
            done()

        self.submit(open_workspace, done=opened, error=error)

    def resume(self, workspace: Any) -> None:
        """The vault is open (again): views fill from ``changed("all")``."""
        self.workspace = workspace
        self.unlocked.emit()
        self.changed.emit("all")

    def close(self) -> None:
        """On quitting: save, close the vault, wait for it."""
        self.lock()
        self.wait()
