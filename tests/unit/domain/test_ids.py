"""Identifiers: record ids are random; change ids ascend within a run, carry no time,
and a forked process makes its own."""

from __future__ import annotations

import os
import uuid

import pytest

from outreach_app.domain import ids


def test_change_ids_are_canonical_version_8_uuids_that_ascend() -> None:
    made = [ids.new_change_id() for _ in range(1000)]
    assert all(ids.is_id(value) for value in made)
    assert {uuid.UUID(value).version for value in made} == {8}
    assert {uuid.UUID(value).variant for value in made} == {uuid.RFC_4122}
    assert made == sorted(made)
    assert len(set(made)) == len(made)


def test_change_ids_hold_no_time_only_the_runs_bits_and_a_count() -> None:
    first, second = ids.new_change_id(), ids.new_change_id()
    a, b = uuid.UUID(first).int, uuid.UUID(second).int
    assert a >> 62 == b >> 62  # the same run: random bits, version, variant
    assert (b & ((1 << 62) - 1)) - (a & ((1 << 62) - 1)) == 1


def test_a_new_run_starts_elsewhere() -> None:
    before = ids.new_change_id()
    ids._CHANGE_IDS.reseed()
    after = ids.new_change_id()
    assert uuid.UUID(before).int >> 62 != uuid.UUID(after).int >> 62
    assert uuid.UUID(after).int & ((1 << 62) - 1) == 0


def test_a_counter_that_runs_out_starts_a_new_run(monkeypatch: pytest.MonkeyPatch) -> None:
    source = ids._ChangeIds()
    run = uuid.UUID(source.next()).int >> 62
    monkeypatch.setattr(source, "_counter", iter([1 << 62, 0, 1]))
    value = uuid.UUID(source.next()).int
    assert value >> 62 != run
    assert value & ((1 << 62) - 1) == 0


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_child_makes_other_ids_than_its_parent() -> None:
    ids.new_change_id()
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(reader)
        os.write(writer, ids.new_change_id().encode())
        os._exit(0)
    os.close(writer)
    child = os.read(reader, 64).decode()
    os.close(reader)
    os.waitpid(pid, 0)
    parent = ids.new_change_id()
    assert child != parent
    assert uuid.UUID(child).int >> 62 != uuid.UUID(parent).int >> 62


def test_record_ids_stay_random_version_4() -> None:
    assert uuid.UUID(ids.new_id()).version == 4
