"""One synchronisation: push what this laptop changed, pull what the service has.

1. Ask the service for this device's state; a withdrawn device sends its last changes
   (unless reported stolen) and then destroys its vault.
2. Push the outbox in batches until nothing is pending. A change leaves the outbox
   only when the service's answer names it.
3. Pull the feed from the cursor, page by page; each page and the new cursor are
   committed together, so an interrupted pull repeats harmlessly.
4. Citizens that left this consultant (handed over or merged) are removed once their
   last changes are pushed.

Everything runs on the calling thread, except that a push request travels on a
second thread while the answer to the one before is recorded and the next slice is
read from the vault. Network waits hold no lock; each write is a short transaction,
so the desktop can run a sync on its own thread while the consultant works. The
in-memory name index is not touched here: when ``citizens_changed`` is set, the
caller reloads it on the thread that owns it.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime

from sqlalchemy import Connection

from outreach_app.protocol.messages import (
    MAX_CHANGES,
    DeviceState,
    LogEntry,
    PullRequest,
    PushRequest,
    PushResponse,
)
from outreach_app.services.workspace import Workspace
from outreach_app.sync import incoming, outgoing
from outreach_app.sync import state as sync_state
from outreach_app.sync.errors import DeviceRevoked, NotEnrolled, SyncError, Unauthorised
from outreach_app.sync.state import SyncState
from outreach_app.sync.transport import Encoded, Transport
from outreach_app.sync.wipe import destroy

log = logging.getLogger(__name__)

Connect = Callable[[SyncState], Transport]
MAX_ROUNDS = 1000  # a guard against a service that keeps saying "more"


@dataclass(frozen=True, slots=True)
class _Flight:
    """A push on its way: the answer to wait for and what was sent."""

    answer: Future[PushResponse]
    batch: outgoing.Batch
    logged: list[LogEntry]


def _send_after(
    previous: Future[PushResponse] | None,
    send: Callable[[Encoded], PushResponse],
    body: Encoded,
) -> PushResponse:
    """Send ``body`` after the push before it. The sender carries one request at a
    time, in order, so that push is done by now: if it failed, this one is not sent
    (the service must never apply a batch whose predecessor it did not)."""
    if previous is not None:
        previous.result()  # its error is this push's error too
    return send(body)


@dataclass(slots=True)
class SyncReport:
    pushed: int = 0
    applied: int = 0
    duplicate: int = 0
    conflicts: int = 0
    quarantined: int = 0
    forbidden: int = 0
    unreadable: int = 0
    pulled: int = 0
    not_applied: int = 0
    removed: int = 0
    merged: int = 0
    log_entries: int = 0
    pending: int = 0
    cursor: int = 0
    revoked: bool = False
    destroyed: bool = False
    citizens_changed: bool = False
    problems: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """A push makes a few hundred thousand short-lived objects; collect young objects
    every 50,000 allocations instead of Python's 700 while it runs."""
    young, middle, old = gc.get_threshold()
    gc.set_threshold(max(young, 50_000), middle, old)
    try:
        yield
    finally:
        gc.set_threshold(young, middle, old)


def connect(state: SyncState) -> Transport:
    return Transport(
        state.url, state.certificate, device_id=state.device_id, credential=state.credential
    )


class SyncEngine:
    def __init__(self, ws: Workspace, *, connector: Connect = connect) -> None:
        self.ws = ws
        self._connect = connector
        #: changes per push, from the service's status (this program's own until then)
        self._limit: int | None = None
        #: whether the entries a push works through are the whole outbox or its head
        self._whole = False

    def state(self) -> SyncState:
        found = sync_state.load(self.ws.vault)
        if found is None:
            raise NotEnrolled()
        return found

    def run(self) -> SyncReport:
        """Synchronise once. Raises a SyncError in words; the last error is kept in
        the vault for the status line, and nothing pending is ever dropped."""
        state = self.state()
        started = self.ws.clock.now()
        report = SyncReport()
        try:
            with self._connect(state) as transport:
                self._run(transport, report, started)
        except DeviceRevoked as revoked:
            if not self.ws.is_open:
                raise
            report.revoked = True
            self._withdrawn(revoked.stolen, report)
            return report
        except SyncError as exc:
            if self.ws.is_open:
                failed = self.state().with_(last_attempt=started, last_error=type(exc).__name__)
                self._save(failed)
            raise
        return report

    # -- the steps ----------------------------------------------------------------------

    def _run(self, transport: Transport, report: SyncReport, started: datetime) -> None:
        status = transport.status()
        self._limit = outgoing.batch_limit(status.max_changes)
        state = self.state()
        if status.consultant_id != state.consultant_id or status.device_id != state.device_id:
            raise Unauthorised()
        if status.offline_lock_days and status.offline_lock_days != state.offline_days:
            self._save(state.with_(offline_days=status.offline_lock_days))
        if status.state is DeviceState.STOLEN:
            raise DeviceRevoked(stolen=True)
        if status.state is DeviceState.REVOKED:
            self._push_all(transport, report)
            raise DeviceRevoked(stolen=False)
        self._push_all(transport, report)
        self._pull_all(transport, report)
        if self._depart(report):
            self._push_all(transport, report)
            self._depart(report)
        with self.ws.vault.write() as connection:
            final = sync_state.read(connection, self.ws.vault) or state
            sync_state.save(
                connection,
                self.ws.vault,
                final.with_(last_attempt=started, last_success=self.ws.clock.now(), last_error=""),
            )
            report.cursor = final.cursor
        report.pending = self.ws.pending_changes()

    def _push_all(self, transport: Transport, report: SyncReport) -> None:
        """Push until nothing is pending. The outbox is read in sending order, then
        sent slice by slice, one request at a time so the service applies them in
        order. The first slice leaves after only the outbox's head was read; the rest
        is read while the service applies it. While the service applies one slice,
        this thread records the answer to the slice before and reads and encodes the
        next one, which waits in the sender's queue and leaves the moment the slice in
        the air is answered, if it was (a second thread carries the requests; the
        vault stays on this one). The outbox is read again at the end for what was
        changed while the pushes were on their way."""
        skip: set[str] = set()
        entries: list[outgoing.Pending] | None = None
        log_sent = 0
        flight: _Flight | None = None
        with (
            _fewer_collections(),
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-push") as sender,
        ):
            for _ in range(MAX_ROUNDS):
                fresh = entries is None
                state, entries, batch, logged = self._prepare(entries, skip, log_sent)
                report.unreadable += batch.unreadable
                body = None
                if batch.changes or logged:
                    # a change the answer does not name stays pending for the next sync
                    skip |= {c.change_id for c in batch.changes}
                    entries = outgoing.unsent(entries, skip)
                    log_sent = logged[-1].seq if logged else log_sent
                    request = PushRequest(
                        cursor=state.cursor, changes=batch.changes, access_log=logged
                    )
                    body = transport.encode(request)
                following = None
                if body is not None:
                    # queued behind the push in the air: it leaves the moment that
                    # push is answered, and only if it was
                    previous = None if flight is None else flight.answer
                    answer = sender.submit(_send_after, previous, transport.send_push, body)
                    following = _Flight(answer, batch, logged)
                landing = None if flight is None else (flight, flight.answer.result())
                flight = following
                if landing is not None:
                    self._land(*landing, report)
                if flight is None:
                    if fresh:
                        return
                    entries = None  # read the outbox again for edits made meanwhile
            if flight is not None:
                self._land(flight, flight.answer.result(), report)
        log.error("push stopped after %d rounds", MAX_ROUNDS)

    def _prepare(
        self, entries: list[outgoing.Pending] | None, skip: set[str], log_sent: int
    ) -> tuple[SyncState, list[outgoing.Pending], outgoing.Batch, list[LogEntry]]:
        """The next slice of the outbox and the access-log entries not yet sent."""
        with self.ws.vault.read() as connection:
            state = sync_state.read(connection, self.ws.vault) or self.state()
            entries = self._outbox(connection, entries, skip)
            batch = outgoing.make_batch(
                connection, self.ws.vault.codec, entries, skip=skip, limit=self._limit
            )
            logged = outgoing.log_entries(
                connection, self.ws.vault.codec, after=max(state.log_through, log_sent)
            )
        return state, entries, batch, logged

    def _outbox(
        self, connection: Connection, entries: list[outgoing.Pending] | None, skip: set[str]
    ) -> list[outgoing.Pending]:
        """The pending entries: as read before, or for a fresh read the head of the
        outbox (one push's worth), or the whole of it once the head has been used."""
        if entries is None:
            head = self._limit or MAX_CHANGES
            entries = outgoing.pending(connection, limit=head)
            self._whole = len(entries) < head
        elif not self._whole:
            entries = outgoing.unsent(outgoing.pending(connection), skip)
            self._whole = True
        return entries

    def _land(self, flight: _Flight, answer: PushResponse, report: SyncReport) -> None:
        """Record a push's answer in the vault."""
        batch, logged = flight.batch, flight.logged
        with self.ws.vault.write() as connection:
            tally = outgoing.record_results(
                connection,
                self.ws.vault.codec,
                batch.changes,
                answer.results,
                now=self.ws.clock.now(),
            )
            through = min(answer.access_log_through, logged[-1].seq if logged else 0)
            current = sync_state.read(connection, self.ws.vault)
            if current is not None and through > current.log_through:
                sync_state.save(connection, self.ws.vault, current.with_(log_through=through))
        self._count(report, tally, len(batch.changes), len(logged))

    @staticmethod
    def _count(report: SyncReport, tally: outgoing.Tally, pushed: int, logged: int) -> None:
        report.pushed += pushed
        report.applied += tally.applied
        report.duplicate += tally.duplicate
        report.conflicts += tally.conflict
        report.quarantined += tally.quarantined
        report.forbidden += tally.forbidden
        report.log_entries += logged

    def _pull_all(self, transport: Transport, report: SyncReport) -> None:
        vault = self.ws.vault
        repos = self.ws.repos
        indexer = incoming.Indexer(cpr=repos.cpr_digest, phone=repos.phone_digest)
        for _ in range(MAX_ROUNDS):
            cursor = self.state().cursor
            page = transport.pull(PullRequest(cursor=cursor))
            if page.cursor < cursor:
                report.problems.append("the central service's feed went backwards")
                return
            if not page.records and not page.notices and page.cursor == cursor:
                return  # nothing new: no write
            applied = incoming.Applied()
            now = self.ws.clock.now()
            with vault.write() as connection:
                incoming.apply_records(
                    connection, vault.codec, indexer, page.records, applied, now=now
                )
                incoming.apply_notices(connection, vault.codec, page.notices, applied, now)
                self._advance(connection, page.cursor)
            report.pulled += applied.records
            report.not_applied += applied.failed
            report.merged += applied.merged
            report.conflicts += applied.conflicts
            report.citizens_changed |= applied.citizens_changed or bool(applied.departures)
            if not page.more:
                return

    def _advance(self, connection: Connection, cursor: int) -> None:
        current = sync_state.read(connection, self.ws.vault)
        if current is not None and cursor > current.cursor:
            sync_state.save(connection, self.ws.vault, current.with_(cursor=cursor))

    def _depart(self, report: SyncReport) -> bool:
        """Remove citizens who left; True if some wait for their changes to be pushed."""
        waiting = False
        with self.ws.vault.read() as connection:
            if not incoming.open_departures(connection):
                return False
        with self.ws.vault.write() as connection:
            for citizen_id in incoming.open_departures(connection):
                if incoming.came_back(connection, citizen_id, self.ws.me_id):
                    incoming.settle_departure(connection, citizen_id, self.ws.clock.now())
                    continue
                if incoming.has_pending(connection, citizen_id):
                    waiting = True
                    continue
                incoming.remove_citizen(connection, citizen_id, self.ws.clock.now())
                report.removed += 1
                report.citizens_changed = True
        return waiting

    def _withdrawn(self, stolen: bool, report: SyncReport) -> None:
        """The device was withdrawn: its changes went in the farewell push (unless
        stolen); now the vault is destroyed."""
        log.warning("device withdrawn (stolen=%s): destroying the vault", stolen)
        destroy(self.ws)
        report.destroyed = True

    def _save(self, state: SyncState) -> None:
        sync_state.store(self.ws.vault, state)
