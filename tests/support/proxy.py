"""A TCP proxy on 127.0.0.1 that cuts connections at chosen byte offsets.

Each new connection takes the next plan from the queue (pass-through when the
queue is empty): cut the request after N bytes from the client, or the response
after N bytes from the server. TLS runs through it untouched, so the client still
checks the service's real certificate.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections import deque
from dataclasses import dataclass
from types import TracebackType


@dataclass(frozen=True)
class Cut:
    upstream: int | None = None  # bytes of the request let through before the cut
    downstream: int | None = None  # bytes of the response let through before the cut


class FaultProxy:
    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self._plans: deque[Cut] = deque()
        self._lock = threading.Lock()
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self.connections = 0
        self.cuts = 0
        self._open: list[socket.socket] = []
        self._stopping = False
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def plan(self, *cuts: Cut) -> None:
        with self._lock:
            self._plans.extend(cuts)

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._stopping = True
        with contextlib.suppress(OSError):
            self._server.close()
        with self._lock:
            for sock in self._open:
                with contextlib.suppress(OSError):
                    sock.close()
        self._thread.join(timeout=5)

    def _accept(self) -> None:
        while not self._stopping:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            with self._lock:
                cut = self._plans.popleft() if self._plans else Cut()
                self.connections += 1
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=10)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self._open += [client, upstream]
            pair = (client, upstream)
            threading.Thread(
                target=self._pump, args=(client, upstream, cut.upstream, pair), daemon=True
            ).start()
            threading.Thread(
                target=self._pump, args=(upstream, client, cut.downstream, pair), daemon=True
            ).start()

    def _pump(
        self,
        source: socket.socket,
        sink: socket.socket,
        limit: int | None,
        pair: tuple[socket.socket, socket.socket],
    ) -> None:
        passed = 0
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    with contextlib.suppress(OSError):
                        sink.shutdown(socket.SHUT_WR)
                    return
                if limit is not None and passed + len(data) >= limit:
                    sink.sendall(data[: max(0, limit - passed)])
                    self._cut(pair)
                    return
                sink.sendall(data)
                passed += len(data)
        except OSError:
            self._cut(pair)

    def _cut(self, pair: tuple[socket.socket, socket.socket]) -> None:
        with self._lock:
            self.cuts += 1
        for sock in pair:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                sock.close()
