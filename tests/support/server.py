"""A real ``outreach-server`` for tests: ``init`` (if the data folder is empty), then
``serve`` as a subprocess over TLS on 127.0.0.1 at a free port, waited for until
``/v1/health`` answers.

    with start_server(tmp_path / "server") as server:
        office = server.admin("office", "add", "--name", "Gellerup").strip()
        counts = server.admin_json("stats", "--json")
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import ssl
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import httpx

from tests.support.postgres import free_port

STARTUP_SECONDS = 30.0
CERT_FILE = "tls-cert.pem"


def certificate_fingerprint(cert: Path) -> str:
    """``sha256:<hex>`` over the DER certificate: what devices pin."""
    der = ssl.PEM_cert_to_DER_cert(cert.read_text(encoding="ascii"))
    return "sha256:" + hashlib.sha256(der).hexdigest()


def _server_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "outreach_app.server.cli", *args]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OUTREACH_SERVER_")}
    env["PYTHONUNBUFFERED"] = "1"
    return env


def _run(args: list[str]) -> str:
    done = subprocess.run(args, capture_output=True, text=True, env=_env(), check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args[3:5])} failed ({done.returncode}): {done.stderr}")
    return done.stdout


@dataclass
class RunningServer:
    """An ``outreach-server serve`` subprocess and its data folder."""

    data: Path
    url: str
    port: int
    fingerprint: str
    database_url: str | None
    workers: int = 1
    admin_token: str | None = None
    process: subprocess.Popen[bytes] | None = None
    _stderr: IO[bytes] | None = field(default=None, repr=False)

    # -- administration -------------------------------------------------------------------

    def _common(self) -> list[str]:
        common = ["--data", str(self.data)]
        if self.database_url:
            common += ["--database-url", self.database_url]
        return common

    def admin(self, *args: str) -> str:
        """Run an admin subcommand (``--data`` and ``--database-url`` added); its stdout.
        Options after the subcommand's words: ``admin("device", "list", "--json")``."""
        words = [a for a in args if not a.startswith("-")]
        depth = 2 if words and words[0] in {"office", "consultant", "device"} else 1
        cmd = [*args[:depth], *self._common(), *args[depth:]]
        return _run(_server_cmd(*cmd))

    def admin_json(self, *args: str) -> Any:
        """An admin subcommand's JSON answer (``--json`` is added if missing)."""
        extra = () if "--json" in args else ("--json",)
        return json.loads(self.admin(*args, *extra))

    @property
    def cert_path(self) -> Path:
        return self.data / CERT_FILE

    def ssl_context(self) -> ssl.SSLContext:
        """Trusts exactly this server's self-signed certificate."""
        return ssl.create_default_context(cafile=str(self.cert_path))

    # -- the process ----------------------------------------------------------------------------

    def launch(self) -> None:
        cmd = _server_cmd("serve", *self._common(), "--host", "127.0.0.1", "--port", str(self.port))
        cmd += ["--workers", str(self.workers)]
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=self._stderr, env=_env(), start_new_session=True
        )
        self._wait_healthy()

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        with httpx.Client(verify=self.ssl_context(), timeout=2.0) as client:
            while time.monotonic() < deadline:
                assert self.process is not None
                if self.process.poll() is not None:
                    break
                try:
                    if client.get(f"{self.url}/v1/health").status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                time.sleep(0.1)
        error = self.stderr_text()
        self.kill()
        raise RuntimeError(f"outreach-server did not answer /v1/health:\n{error}")

    def stderr_text(self) -> str:
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        return self._stderr.read().decode(errors="replace")

    def _signal_group(self, signum: int) -> None:
        assert self.process is not None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signum)

    def stop(self) -> None:
        """Terminate the server (and its workers) and wait."""
        if self.process is not None and self.process.poll() is None:
            self._signal_group(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self._signal_group(signal.SIGKILL)
                self.process.wait()
        self._close()

    def kill(self) -> None:
        """SIGKILL the server and its workers at once."""
        if self.process is not None and self.process.poll() is None:
            self._signal_group(signal.SIGKILL)
            self.process.wait()
        if self.process is not None:
            self._signal_group(signal.SIGKILL)  # workers left behind by the parent
        self._close()

    def _close(self) -> None:
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    def restart(self) -> None:
        """Stop (if running) and serve again on the same port and data."""
        self.stop()
        self.launch()

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(
        self, _t: type[BaseException] | None, _e: BaseException | None, _tb: TracebackType | None
    ) -> None:
        self.stop()


def start_server(data: Path, *, database_url: str | None = None, workers: int = 1) -> RunningServer:
    """Set up ``data`` if it is empty or missing, and serve it on a free port."""
    token: str | None = None
    if not data.exists() or not any(data.iterdir()):
        port = free_port()
        cmd = ["init", "--data", str(data), "--port", str(port), "--json"]
        if database_url:
            cmd += ["--database-url", database_url]
        token = json.loads(_run(_server_cmd(*cmd)))["admin_token"]
    config = json.loads((data / "server.json").read_text())
    port = int(config["port"])
    database_url = database_url or config.get("database_url")
    fingerprint = certificate_fingerprint(data / CERT_FILE)
    server = RunningServer(
        data=data,
        url=f"https://127.0.0.1:{port}",
        port=port,
        fingerprint=fingerprint,
        database_url=database_url,
        workers=workers,
        admin_token=token,
    )
    server.launch()
    return server
