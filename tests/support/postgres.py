"""A throwaway PostgreSQL cluster for tests: ``initdb`` and ``pg_ctl`` (PostgreSQL 15
programs on PATH) in a temporary folder, listening on 127.0.0.1 at a free port and on
a unix socket in that folder. As root the programs run as the ``postgres`` user.

    cluster = PostgresCluster()
    cluster.start()
    url = cluster.fresh_database("push")   # postgresql+psycopg://...
    ...
    cluster.stop()

When ``CI=true`` a missing PostgreSQL fails the tests; otherwise they are skipped.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from types import TracebackType

import psycopg
import pytest

PROGRAMS = ("initdb", "pg_ctl", "postgres")
SUPERUSER = "postgres"


def _run_as_postgres() -> bool:
    return os.geteuid() == 0


def postgres_available() -> bool:
    """Whether the cluster programs are on PATH (and, as root, a postgres user exists)."""
    if any(shutil.which(p) is None for p in PROGRAMS):
        return False
    if _run_as_postgres():
        try:
            pwd.getpwnam(SUPERUSER)
        except KeyError:
            return False
        return shutil.which("runuser") is not None
    return True


def require_postgres() -> None:
    """Skip the calling test without PostgreSQL, or fail it when ``CI=true``."""
    if postgres_available():
        return
    reason = "PostgreSQL 15 programs (initdb, pg_ctl, postgres) are not on PATH"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class PostgresCluster:
    """One PostgreSQL cluster in a temporary folder; ``stop()`` removes it."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="outreach-pg-"))
        self.data = self.root / "data"
        self.socket_dir = self.root / "socket"
        self.log = self.root / "postgres.log"
        self.host = "127.0.0.1"
        self.port = free_port()
        self.user = SUPERUSER
        self.running = False

    def _cmd(self, *args: str) -> list[str]:
        if _run_as_postgres():
            return ["runuser", "-u", SUPERUSER, "--", *args]
        return list(args)

    def _run(self, *args: str) -> None:
        done = subprocess.run(self._cmd(*args), capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {done.stderr.strip()}\n{self._log_tail()}")

    def _log_tail(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-2000:]
        except OSError:
            return ""

    def start(self) -> None:
        self.socket_dir.mkdir()
        self.data.mkdir(mode=0o700)
        if _run_as_postgres():
            owner = pwd.getpwnam(SUPERUSER)
            for path in (self.root, self.data, self.socket_dir):
                os.chown(path, owner.pw_uid, owner.pw_gid)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            self.user,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        )
        options = (
            f"-c listen_addresses={self.host} -p {self.port} -k {self.socket_dir} "
            "-c fsync=off -c full_page_writes=off -c max_connections=100"
        )
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")
        self.running = True

    def stop(self) -> None:
        if self.running:
            with contextlib.suppress(RuntimeError):
                self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
            self.running = False
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> PostgresCluster:
        self.start()
        return self

    def __exit__(
        self, _t: type[BaseException] | None, _e: BaseException | None, _tb: TracebackType | None
    ) -> None:
        self.stop()

    def url(self, database: str = "postgres") -> str:
        """A SQLAlchemy URL (psycopg 3) of a database of this cluster."""
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"

    def conninfo(self, database: str = "postgres") -> str:
        """A libpq connection string (for psycopg.connect, pg_dump)."""
        return f"host={self.host} port={self.port} user={self.user} dbname={database}"

    def fresh_database(self, name: str) -> str:
        """Create a new empty database (a suffix keeps names unique); its URL."""
        base = re.sub(r"[^a-z0-9_]", "_", name.lower())[:40] or "db"
        database = f"{base}_{os.urandom(4).hex()}"
        with psycopg.connect(self.conninfo(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{database}"')
        return self.url(database)

    def checkpoint(self) -> None:
        """A checkpoint now. After it the cluster reuses its earlier log files instead
        of writing 16 MiB of zeros for each new one, as a server that has run for a
        while does."""
        with psycopg.connect(self.conninfo(), autocommit=True) as conn:
            conn.execute("CHECKPOINT")

    def dump(self, url: str) -> bytes | None:
        """``pg_dump`` of the database of ``url`` (None if pg_dump is not installed)."""
        database = url.rsplit("/", 1)[-1]
        program = shutil.which("pg_dump")
        if program is None:
            return None
        done = subprocess.run(
            [program, "-h", self.host, "-p", str(self.port), "-U", self.user, database],
            capture_output=True,
            check=True,
        )
        return done.stdout
