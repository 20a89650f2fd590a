"""Content codings of the service's bodies (SPEC §3).

A request body comes plain, gzip or zstd; each is decompressed with a bound on what it
may grow to (8 MiB), so a small body that would unpack to gigabytes costs nothing but
a 413. An answer is compressed with the best coding the request accepts: zstd, which
takes a fifth of gzip's time at either end, else gzip for older programs.
"""

from __future__ import annotations

import io
import logging
import zlib

import zstandard
from starlette.datastructures import Headers
from starlette.middleware.gzip import GZipResponder, IdentityResponder
from starlette.types import ASGIApp, Receive, Scope, Send

from outreach_app.protocol.messages import MAX_BODY_BYTES, ZSTD_MAX_WINDOW
from outreach_app.server.errors import ApiError, too_large

log = logging.getLogger(__name__)

#: The codings a request body may come in.
READ = ("identity", "gzip", "zstd")
#: Answers smaller than this go plain.
COMPRESS_ABOVE = 1024
GZIP_LEVEL = 6
#: Zstandard's own default level.
ZSTD_LEVEL = 3

_FLUSH_BLOCK = zstandard.COMPRESSOBJ_FLUSH_BLOCK
_FINISH = zstandard.COMPRESSOBJ_FLUSH_FINISH


def _zstd_reader() -> zstandard.ZstdDecompressor:
    """A decompressor for one body (they are not to be shared between threads)."""
    return zstandard.ZstdDecompressor(max_window_size=ZSTD_MAX_WINDOW)


def decode(raw: bytes, coding: str) -> bytes:
    """The plain body of a request sent with ``coding`` (one of READ)."""
    if coding == "gzip":
        return gunzip(raw)
    if coding == "zstd":
        return unzstd(raw)
    return raw


def gunzip(raw: bytes) -> bytes:
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        body = inflater.decompress(raw, MAX_BODY_BYTES + 1)
    except zlib.error:
        raise ApiError(400, "bad_request", "the gzip body is damaged") from None
    if len(body) > MAX_BODY_BYTES or inflater.unconsumed_tail:
        raise too_large("the body is larger than 8 MiB uncompressed")
    if not inflater.eof:
        raise ApiError(400, "bad_request", "the gzip body is incomplete")
    return body


def unzstd(raw: bytes) -> bytes:
    """One zstd frame, nothing after it. A frame that names its size is checked against
    the limit before anything is unpacked; one that does not is first read up to the
    limit only."""
    try:
        size = zstandard.frame_content_size(raw)
    except zstandard.ZstdError:
        raise ApiError(400, "bad_request", "the zstd body is damaged") from None
    if size > MAX_BODY_BYTES or (size < 0 and _unpacks_beyond_limit(raw)):
        raise too_large("the body is larger than 8 MiB uncompressed")
    try:
        body = _zstd_reader().decompress(
            raw, max_output_size=MAX_BODY_BYTES, allow_extra_data=False
        )
    except zstandard.ZstdError:
        raise ApiError(400, "bad_request", "the zstd body is damaged or incomplete") from None
    if len(body) > MAX_BODY_BYTES:  # pragma: no cover - the checks above prevent it
        raise too_large("the body is larger than 8 MiB uncompressed")
    return body


def _unpacks_beyond_limit(raw: bytes) -> bool:
    try:
        with _zstd_reader().stream_reader(io.BytesIO(raw), read_across_frames=False) as reader:
            return len(reader.read(MAX_BODY_BYTES + 1)) > MAX_BODY_BYTES
    except zstandard.ZstdError:
        raise ApiError(400, "bad_request", "the zstd body is damaged") from None


def answer_coding(accept_encoding: str) -> str | None:
    """The coding of an answer to a request with this ``Accept-Encoding``: zstd if
    acceptable, else gzip if acceptable, else none (``q=0`` refuses a coding, ``*``
    stands for every coding not named)."""
    weights: dict[str, float] = {}
    for part in accept_encoding.split(","):
        name, _, parameters = part.partition(";")
        weights[name.strip().lower()] = _quality(parameters)
    anything = weights.get("*", 0.0)
    for coding in ("zstd", "gzip"):
        if weights.get(coding, anything) > 0:
            return coding
    return None


def _quality(parameters: str) -> float:
    for parameter in parameters.split(";"):
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "q":
            try:
                return float(value.strip())
            except ValueError:
                return 0.0
    return 1.0


class Compression:
    """ASGI middleware compressing answers with the coding the request accepts."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        coding = answer_coding(Headers(scope=scope).get("accept-encoding", ""))
        responder: IdentityResponder
        if coding == "zstd":
            responder = ZstdResponder(self.app, COMPRESS_ABOVE)
        elif coding == "gzip":
            responder = GZipResponder(self.app, COMPRESS_ABOVE, compresslevel=GZIP_LEVEL)
        else:
            responder = IdentityResponder(self.app, COMPRESS_ABOVE)
        await responder(scope, receive, send)


class ZstdResponder(IdentityResponder):
    """Starlette's compressing responder with zstd: a whole answer becomes one frame
    that names its size; a streamed one a frame flushed block by block."""

    content_encoding = "zstd"

    def __init__(self, app: ASGIApp, minimum_size: int) -> None:
        super().__init__(app, minimum_size)
        self._compressor = zstandard.ZstdCompressor(level=ZSTD_LEVEL)
        self._stream: zstandard.ZstdCompressionObj | None = None

    async def apply_compression(self, body: bytes, *, more_body: bool) -> bytes:
        if self._stream is None:
            if not more_body:
                return self._compressor.compress(body)
            self._stream = self._compressor.compressobj()
        flush = _FLUSH_BLOCK if more_body else _FINISH
        return self._stream.compress(body) + self._stream.flush(flush)
