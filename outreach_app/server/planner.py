"""Keeping PostgreSQL's query plans for a push on its keys.

A push looks up every change's outcome and record by key, a few hundred keys per
statement. PostgreSQL picks the plan from its statistics, and autovacuum renews those
only some time after a table has grown. A device's first push is a bulk load: until
then the tables look small or empty to the planner, and it scans a table where it
should look keys up. Two measures keep the lookups on the indexes:

- inside a push, sequential scans are priced out (``SET LOCAL enable_seqscan``), so
  a key lookup takes its index whatever the statistics say; a statement with no
  index to take still scans;
- each worker counts the changes it has applied, and once they reach both
  ``ANALYZE_AFTER`` and the tables' size at the last analysis it analyses them
  itself (after the push has committed, so no lock is held): a table that grows
  from nothing is analysed about once per doubling, as advised after a bulk load.

SQLite plans from the schema and needs neither."""

from __future__ import annotations

import logging
import threading

from sqlalchemy import Connection, Engine, bindparam, text
from sqlalchemy.exc import SQLAlchemyError

log = logging.getLogger(__name__)

#: The tables a push fills and looks keys up in.
PUSHED = ("records", "applied_changes", "audit")
#: Changes a worker applies before it first analyses the tables itself.
ANALYZE_AFTER = 5_000
#: Statistics target of these analyses (PostgreSQL samples 300 rows per unit).
SAMPLE_TARGET = 10


def keyed_lookups(conn: Connection) -> None:
    """Price sequential scans out for the rest of this transaction (PostgreSQL)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")


class Statistics:
    """Analyses the pushed tables after they have grown much (PostgreSQL only)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._active = engine.dialect.name == "postgresql"
        self._lock = threading.Lock()
        self._applied = 0
        self._size: int | None = None  # rows at the last analysis, None until read

    def grew(self, changes: int) -> bool:
        """Count ``changes`` just committed; analyse if due. True if it analysed.
        A failure is logged: the push it follows has committed and stands."""
        if not self._active or changes <= 0:
            return False
        try:
            if self._size is None:
                self._size = self._rows()
            with self._lock:
                self._applied += changes
                if self._applied < max(ANALYZE_AFTER, self._size):
                    return False
                counted, self._applied = self._applied, 0
            self._analyse(counted)
            self._size = self._rows()
        except SQLAlchemyError as exc:
            log.warning("could not renew the planner's statistics: %s", type(exc).__name__)
            return False
        return True

    def _rows(self) -> int:
        """The rows of the largest pushed table as of its last analysis."""
        query = text("SELECT max(reltuples) FROM pg_class WHERE relname IN :names")
        query = query.bindparams(bindparam("names", expanding=True))
        with self._engine.connect() as conn:
            found = conn.execute(query, {"names": list(PUSHED)}).scalar()
        return max(0, int(found or 0))

    def _analyse(self, changes: int) -> None:
        with self._engine.connect() as conn, conn.begin():
            # a small sample is enough to tell a key lookup from a scan; autovacuum's
            # own analyses later take the configured one
            conn.exec_driver_sql(f"SET LOCAL default_statistics_target = {SAMPLE_TARGET}")
            conn.exec_driver_sql(f"ANALYZE {', '.join(PUSHED)}")
        log.info("analysed the pushed tables after %d changes", changes)
