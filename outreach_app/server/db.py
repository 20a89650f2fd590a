"""Engines, transactions and migrations.

Writers serialise on one sequence lock held from the start of the transaction until
it commits (SPEC §7.1): ``BEGIN IMMEDIATE`` on SQLite, a row lock on the ``seq``
counter on PostgreSQL. Readers of the feed see one snapshot (WAL on SQLite,
REPEATABLE READ on PostgreSQL), so a pull never passes a seq still to be committed."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import logging
import operator
import sqlite3
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ColumnElement,
    Connection,
    Engine,
    Integer,
    LargeBinary,
    String,
    Table,
    any_,
    bindparam,
    create_engine,
    event,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.pool import QueuePool

from outreach_app.server import jsoncodec
from outreach_app.server import tables as t
from outreach_app.server.checkpoint import BACKSTOP_PAGES, Checkpointer
from outreach_app.server.pgarrays import IdListDumper

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: Pages in SQLite's write-ahead log before a commit copies them into the database.
#: One push of 500 notes writes about 1,500 pages; at SQLite's default of 1,000 every
#: push paid a checkpoint, and a page changed by several pushes was copied each time.
WAL_CHECKPOINT_PAGES = 10_000
#: Page cache per SQLite connection (the default is 2 MiB): a push's index inserts
#: land all over the indexes of a database of hundreds of megabytes.
CACHE_KIB = 16 * 1024
#: A fixed key for PostgreSQL's advisory lock around migrations.
MIGRATION_LOCK_KEY = 0x0EACC5


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def make_engine(url: str, *, background_checkpoints: bool = False) -> Engine:
    """An engine for the database at ``url``. The serving processes ask for
    ``background_checkpoints``: on SQLite the log is then copied into the database by
    a thread of their own (see ``checkpoint``), not by the commit of a push."""
    if is_sqlite(url):
        return _sqlite_engine(url, background_checkpoints=background_checkpoints)
    engine = create_engine(
        url, pool_pre_ping=True, pool_size=5, max_overflow=5, json_serializer=jsoncodec.dumps_text
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.adapters.register_dumper(list, IdListDumper)

    return engine


def _sqlite_engine(url: str, *, background_checkpoints: bool) -> Engine:
    # A small pool per process: opening a connection per request costs the pragmas and,
    # when it was the last one open, a WAL checkpoint on close.
    engine = create_engine(
        url,
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=8,
        connect_args={"timeout": 30, "check_same_thread": False},
        json_serializer=jsoncodec.dumps_text,
    )
    autocheckpoint = WAL_CHECKPOINT_PAGES
    if background_checkpoints and engine.url.database not in (None, "", ":memory:"):
        _checkpoint_in_background(engine, str(engine.url.database))
        autocheckpoint = BACKSTOP_PAGES

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # transactions are begun below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA wal_autocheckpoint={autocheckpoint}")
        cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        writing = conn.get_execution_options().get("outreach_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    return engine


def _checkpoint_in_background(engine: Engine, path: str) -> None:
    """A checkpoint thread for the engine's database, told of every commit and
    stopped when the engine is disposed."""

    def connect() -> sqlite3.Connection:
        connection = sqlite3.connect(path, timeout=30, isolation_level=None)
        connection.execute("PRAGMA synchronous=FULL")
        return connection

    checkpointer = Checkpointer(connect)

    def committing(conn: Connection) -> None:
        checkpointer.written(_rows_written(conn))

    event.listen(engine, "commit", committing)
    event.listen(engine, "engine_disposed", lambda _engine: checkpointer.stop())
    CHECKPOINTERS[engine] = checkpointer


def _rows_written(conn: Connection) -> int:
    """Rows the connection's transaction wrote: the change in SQLite's count of rows
    the connection has written since it opened."""
    record = conn.connection
    total = int(getattr(record.dbapi_connection, "total_changes", 0))
    before = int(record.info.get("rows_written", 0))
    record.info["rows_written"] = total
    return total - before


#: The checkpoint thread of each engine that has one (tests look at its counts).
CHECKPOINTERS: weakref.WeakKeyDictionary[Engine, Checkpointer] = weakref.WeakKeyDictionary()


class Sequence:
    """Seqs of one write transaction, taken from the counter it holds locked."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        locked = select(t.seq.c.value).where(t.seq.c.id == 1)
        if conn.dialect.name != "sqlite":
            locked = locked.with_for_update()
        self.start = int(conn.execute(locked).scalar_one())
        self.value = self.start

    def next(self) -> int:
        self.value += 1
        return self.value

    def flush(self) -> None:
        if self.value != self.start:
            self._conn.execute(update(t.seq).where(t.seq.c.id == 1).values(value=self.value))
            self.start = self.value


@contextlib.contextmanager
def writing(engine: Engine) -> Iterator[tuple[Connection, Sequence]]:
    """A write transaction holding the sequence lock; commits on leaving."""
    with engine.connect() as conn:
        conn.execution_options(outreach_write=True)
        with conn.begin():
            seqs = Sequence(conn)
            yield conn, seqs
            seqs.flush()


@contextlib.contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A read transaction over one snapshot."""
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn


def current_seq(conn: Connection) -> int:
    return int(conn.execute(select(t.seq.c.value).where(t.seq.c.id == 1)).scalar_one())


def migrate(engine: Engine, *, data: Path) -> None:
    """Bring the schema to the newest revision, one process at a time."""
    from alembic import command  # noqa: PLC0415 - only init and serve migrate
    from alembic.config import Config  # noqa: PLC0415

    with _migration_lock(engine, data), engine.begin() as conn:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    log.info("database schema is current")


@contextlib.contextmanager
def _migration_lock(engine: Engine, data: Path) -> Iterator[None]:
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": MIGRATION_LOCK_KEY})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": MIGRATION_LOCK_KEY})
                conn.commit()
        return
    with (data / "migrate.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


#: Values per ``IN (...)`` list or array parameter.
IN_LIST = 500


def in_lists(values: list[str]) -> Iterator[list[str]]:
    """``values`` in lists of at most IN_LIST, for ``among``."""
    for start in range(0, len(values), IN_LIST):
        yield values[start : start + IN_LIST]


def among(conn: Connection, column: ColumnElement[Any], values: list[str]) -> ColumnElement[bool]:
    """``column IN (values)``; on PostgreSQL ``column = ANY(array)``, one parameter
    whatever the count, so the statement is planned once rather than per list."""
    if conn.dialect.name == "postgresql":
        return column == any_(bindparam(None, values, type_=ARRAY(String)))
    return column.in_(values)


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows that all name the same columns (a push writes three per change).

    SQLAlchemy's processing of each row's parameters costs more than the database's
    own insert, so the rows go to the driver directly, as tuples in the order of the
    first row's columns (SQLite binds a tuple faster than it looks names up): on
    SQLite as one prepared statement run for every row, on PostgreSQL as a COPY
    inside the transaction. JSON values are written here as the engine would; other
    values need nothing."""
    if not rows:
        return
    columns = tuple(rows[0])
    as_json = [name for name in columns if isinstance(table.c[name].type, JSON)]
    if as_json:
        rows = [row | {name: jsoncodec.dumps_text(row[name]) for name in as_json} for row in rows]
    in_order = operator.itemgetter(*columns)
    values = (
        [in_order(row) for row in rows] if len(columns) > 1 else [(in_order(row),) for row in rows]
    )
    if conn.dialect.name == "postgresql":
        _copy_rows(conn, table, columns, values)
    else:
        conn.exec_driver_sql(_insert_sql(table.name, columns), values)


def _copy_rows(
    conn: Connection, table: Table, columns: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> None:
    """COPY in PostgreSQL's binary format: sealed bytes go as they are, not as hex
    text for the database to decode again."""
    driver = conn.connection.driver_connection  # psycopg, in the open transaction
    if driver is None:
        raise RuntimeError("the database connection is closed")
    with driver.cursor() as cursor, cursor.copy(_copy_sql(table.name, columns)) as copy:
        copy.set_types([_binary_type(table.c[name].type) for name in columns])
        for row in rows:
            copy.write_row(row)


def _binary_type(column_type: Any) -> str:
    """The type whose binary form psycopg writes for a column. JSON arrives here as
    its text, which is also the binary form of PostgreSQL's json type."""
    if isinstance(column_type, Boolean):
        return "bool"
    if isinstance(column_type, BigInteger):
        return "int8"
    if isinstance(column_type, Integer):
        return "int4"
    if isinstance(column_type, LargeBinary):
        return "bytea"
    if isinstance(column_type, String | JSON):  # Text is a String
        return "text"
    raise TypeError(f"no binary COPY form chosen for {column_type!r}")


def _quoted(columns: tuple[str, ...]) -> str:
    """Column names for a statement; table and column names come from the service's
    own table definitions, never from a request."""
    return ", ".join(f'"{name}"' for name in columns)


@functools.lru_cache(maxsize=32)
def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    marks = ", ".join("?" * len(columns))
    return f'INSERT INTO "{table}" ({_quoted(columns)}) VALUES ({marks})'  # noqa: S608


@functools.lru_cache(maxsize=32)
def _copy_sql(table: str, columns: tuple[str, ...]) -> str:
    return f'COPY "{table}" ({_quoted(columns)}) FROM STDIN (FORMAT BINARY)'
