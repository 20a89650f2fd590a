"""What the device puts on the wire: a push written by orjson says exactly what
pydantic would write, and the body's coding follows what the service announces."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime
from typing import Any

import pytest
import zstandard

from outreach_app.domain.ids import new_id
from outreach_app.protocol.messages import Change, Kind, LogEntry, Op, PushRequest
from outreach_app.services.demo import populate_demo
from outreach_app.services.workspace import Workspace
from outreach_app.sync import outgoing
from outreach_app.sync.transport import Transport, body_coding, encode, to_json
from tests.sync.conftest import Office


def _change(fields: dict[str, Any], *, op: Op = Op.UPSERT, base_rev: int | None = None) -> Change:
    return Change(
        change_id=new_id(), kind=Kind.NOTES, id=new_id(), op=op, base_rev=base_rev, fields=fields
    )


def _same_as_pydantic(request: PushRequest) -> None:
    written = to_json(request)
    assert json.loads(written) == json.loads(request.model_dump_json())
    assert PushRequest.model_validate_json(written) == request


def test_a_push_of_the_demos_changes_is_written_as_pydantic_writes_it(
    workspace: Workspace,
) -> None:
    populate_demo(workspace, citizens=12, seed=7)
    with workspace.vault.read() as connection:
        entries = outgoing.pending(connection)
        batch = outgoing.make_batch(connection, workspace.vault.codec, entries, skip=set())
    assert batch.changes
    log = [
        LogEntry(
            seq=1,
            id=new_id(),
            at=datetime(2026, 11, 23, 9, 30, tzinfo=UTC),
            action="view",
            citizen_id=new_id(),
            detail="Åbnede journalen",
        )
    ]
    _same_as_pydantic(PushRequest(cursor=41, changes=batch.changes, access_log=log))


@pytest.mark.parametrize(
    "fields",
    [
        {"text": 'Aftalt: CV til fredag. 🙂 مرحبا "citat" \\ \n\t\u2028', "score": 3.25},
        {"flags": [1, None, True, "x"], "nested": {"a": [{"b": -(2**63)}]}, "empty": ""},
        {"deleted_at": "2026-11-23T09:30:00.123456+00:00"},
        {},
    ],
)
def test_every_kind_of_value_is_written_as_pydantic_writes_it(fields: dict[str, Any]) -> None:
    _same_as_pydantic(PushRequest(cursor=0, changes=[_change(fields, op=Op.DELETE, base_rev=7)]))


def test_a_value_orjson_cannot_write_is_left_to_pydantic() -> None:
    """An integer beyond 64 bits is still sent (the service decides what it makes of it)."""
    request = PushRequest(cursor=0, changes=[_change({"count": 2**70})])
    assert json.loads(to_json(request))["changes"][0]["fields"]["count"] == 2**70


@pytest.mark.parametrize(
    ("announced", "coding"),
    [
        (None, "gzip"),  # a service from before the codings were announced
        (["gzip"], "gzip"),
        (["zstd", "gzip"], "zstd"),
        (["gzip", "zstd"], "zstd"),
        (["br"], "identity"),
        ([], "identity"),
    ],
)
def test_the_body_coding_follows_the_service(announced: list[str] | None, coding: str) -> None:
    assert body_coding(announced) == coding


def test_bodies_are_compressed_above_one_kib_in_the_coding_asked() -> None:
    small = PushRequest(cursor=0, changes=[])
    large = PushRequest(cursor=0, changes=[_change({"text": "Samtale om praktik. " * 200})])
    assert "Content-Encoding" not in encode(small, "zstd").headers
    plain = to_json(large)
    zstd = encode(large, "zstd")
    assert zstd.headers["Content-Encoding"] == "zstd"
    assert zstandard.ZstdDecompressor().decompress(zstd.content) == plain
    assert zstandard.frame_content_size(zstd.content) == len(plain)  # checkable before unpacking
    zipped = encode(large, "gzip")
    assert gzip.decompress(zipped.content) == plain
    assert encode(large, "identity").content == plain


def test_a_device_sends_zstd_to_a_service_that_reads_it(office: Office, devices: Any) -> None:
    """After the status the conversation's bodies go as zstd, and the service reads
    them (the three copies of one change have one outcome each)."""
    karin = devices(office, "Karin")
    state = karin.state
    with Transport(
        state.url, state.certificate, device_id=state.device_id, credential=state.credential
    ) as transport:
        assert transport.coding == "gzip"
        transport.status()
        assert transport.coding == "zstd"
        request = PushRequest(cursor=0, changes=[_change({"text": "x" * 2000})] * 3)
        assert transport.encode(request).headers["Content-Encoding"] == "zstd"
        answer = transport.push(request)
    assert len(answer.results) == 3
