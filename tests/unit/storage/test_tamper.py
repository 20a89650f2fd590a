"""Tampering with a closed vault file: every altered, moved or swapped value is caught,
named (table, column, record) and contained, so the rest of the vault stays usable.

One vault with records in every record table is made once per module; each example
works on a fresh copy of that file, changed with plain ``sqlite3`` as an attacker or
a broken disk would change it, and then opened with the program.
"""

from __future__ import annotations

import contextlib
import random
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_app.crypto.errors import IntegrityError
from outreach_app.domain.clock import ManualClock
from outreach_app.domain.ids import CitizenId, NoteId
from outreach_app.services.check import check_vault
from outreach_app.services.workspace import Workspace
from outreach_app.storage import schema
from outreach_app.storage.profile import VAULT_FILE, Profile
from outreach_app.storage.repos import Repositories
from outreach_app.storage.repository import Repository
from tests.conftest import PASSPHRASE, START
from tests.unit.storage.vaults import (
    Values,
    new_workspace,
    populate,
    raw,
    record_tables,
    triggers_dropped,
)

EXAMPLES = settings(max_examples=50, deadline=None, database=None)
FEWER_EXAMPLES = settings(max_examples=25, deadline=None, database=None)
TABLES = {t.name: t for t in schema.RECORD_TABLES}
SEALED = [t for t in record_tables() if schema.encrypted_columns(TABLES[t])]
Place = tuple[str, str, str]  # table, column, row id


@dataclass(frozen=True, slots=True)
class Template:
    """A closed vault with records in every record table, and what they read as."""

    vault_file: Path
    scratch: Path
    expected: dict[str, dict[str, Any]]  # table -> row id -> entity
    citizens: list[CitizenId]
    cprs: dict[CitizenId, str]
    tombstones: set[str]  # ids of deleted records (``get`` does not return them)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    root = tmp_path_factory.mktemp("tamper")
    profile = Profile(root / "template")
    values = Values(random.Random(20260302))
    ws = new_workspace(profile, ManualClock(START), values, recovery=None)
    try:
        made = populate(ws, values)
        with ws.vault.read() as connection:
            expected = {
                name: {r.id: r for r in _repo(ws, name).find(connection, include_deleted=True)}
                for name in record_tables()
            }
    finally:
        ws.close()
    assert not Path(f"{profile.vault_file}-wal").exists(), "the template is one closed file"
    assert all(len(rows) >= 2 for rows in expected.values()), "two records in every table"
    cprs = {c: values.markers[f"citizen{n}.cpr"] for n, c in enumerate(made.citizens[:2])}
    with raw(profile.vault_file) as db:
        tombstones = {
            r[0]
            for name in record_tables()
            for r in db.execute(f'SELECT id FROM "{name}" WHERE deleted_at IS NOT NULL')
        }
    assert tombstones, "the template has deleted records too"
    return Template(profile.vault_file, root, expected, made.citizens, cprs, tombstones)


def _repo(ws: Workspace, table: str) -> Repository[Any]:
    repo: Repository[Any] = getattr(ws.repos, table)
    assert repo.table.name == table
    return repo


@contextlib.contextmanager
def copy_of(template: Template) -> Iterator[Profile]:
    root = Path(tempfile.mkdtemp(dir=template.scratch))
    shutil.copy(template.vault_file, root / VAULT_FILE)
    try:
        yield Profile(root)
    finally:
        shutil.rmtree(root)


@contextlib.contextmanager
def opened(profile: Profile) -> Iterator[Workspace]:
    ws = Workspace.open(profile, PASSPHRASE, clock=ManualClock(START))
    try:
        yield ws
    finally:
        ws.close()


def _read(profile: Profile, table: str, column: str, row_id: str) -> bytes:
    with raw(profile.vault_file) as db:
        row = db.execute(f'SELECT "{column}" FROM "{table}" WHERE id = ?', (row_id,)).fetchone()
    return bytes(row[0])


def _write(profile: Profile, table: str, column: str, row_id: str, value: bytes | None) -> None:
    with raw(profile.vault_file) as db, triggers_dropped(db, table):
        db.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE id = ?', (value, row_id))


def _damaged(ws: Workspace) -> set[Place]:
    return {(d.table, d.column, d.row_id) for d in ws.damaged}


def assert_only_damage(ws: Workspace, template: Template, place: Place) -> None:
    """``place`` is unreadable and named as such everywhere; everything else reads as
    it was written."""
    table, _, row_id = place
    strict = Repositories(ws.vault)  # no damage handler: every read raises
    with ws.vault.read() as connection, pytest.raises(IntegrityError) as caught:
        if row_id in template.tombstones:
            by_id = TABLES[table].c.id == row_id
            getattr(strict, table).find(connection, by_id, include_deleted=True)
        else:
            _repo(ws, table).get(connection, row_id)
    assert (caught.value.table, caught.value.column, caught.value.row_id) == place

    report = check_vault(ws.vault)
    assert not report.ok
    assert report.sqlite == "ok"
    assert [(d.table, d.column, d.record) for d in report.damaged] == [place]

    with ws.vault.read() as connection:
        for name, rows in template.expected.items():
            listed = _repo(ws, name).find(connection, include_deleted=True)
            assert {r.id for r in listed} == set(rows) - {row_id}, f"list of {name}"
            for record in listed:
                assert record == rows[record.id]
            for other_id, record in rows.items():
                if (name, other_id) != (table, row_id) and other_id not in template.tombstones:
                    assert _repo(ws, name).get(connection, other_id) == record
    assert _damaged(ws) == {place}, "the list reported the damaged record"


@given(data=st.data())
@EXAMPLES
def test_a_flipped_byte_in_any_encrypted_field_is_caught_and_named(
    template: Template, data: st.DataObject
) -> None:
    """Flipping any byte(s) of any encrypted field of any record - version byte, key
    version, nonce, ciphertext or tag - makes exactly that field fail, by name."""
    table = data.draw(st.sampled_from(SEALED), label="table")
    column = data.draw(st.sampled_from(schema.encrypted_columns(TABLES[table])), label="column")
    row_id = data.draw(st.sampled_from(sorted(template.expected[table])), label="record")
    flips = data.draw(
        st.dictionaries(st.integers(0, 4095), st.integers(1, 255), min_size=1, max_size=4),
        label="flips (position: xor mask)",
    )
    with copy_of(template) as profile:
        blob = bytearray(_read(profile, table, column, row_id))
        for position, mask in {p % len(blob): m for p, m in flips.items()}.items():
            blob[position] ^= mask
        _write(profile, table, column, row_id, bytes(blob))
        with opened(profile) as ws:
            assert_only_damage(ws, template, (table, column, row_id))


@given(data=st.data())
@FEWER_EXAMPLES
def test_a_ciphertext_copied_to_another_record_fails(
    template: Template, data: st.DataObject
) -> None:
    """A valid ciphertext moved to the same column of another record does not open
    there (the record id is bound into it), and the original still opens."""
    table = data.draw(st.sampled_from(SEALED), label="table")
    column = data.draw(st.sampled_from(schema.encrypted_columns(TABLES[table])), label="column")
    source, target = data.draw(
        st.lists(
            st.sampled_from(sorted(template.expected[table])), min_size=2, max_size=2, unique=True
        ),
        label="from, to",
    )
    with copy_of(template) as profile:
        _write(profile, table, column, target, _read(profile, table, column, source))
        with opened(profile) as ws:
            assert_only_damage(ws, template, (table, column, target))


@given(data=st.data())
@FEWER_EXAMPLES
def test_a_ciphertext_copied_to_another_column_fails(
    template: Template, data: st.DataObject
) -> None:
    """A valid ciphertext moved to another column of the same record does not open
    there (the column is bound into it)."""
    several = [t for t in SEALED if len(schema.encrypted_columns(TABLES[t])) > 1]
    table = data.draw(st.sampled_from(several), label="table")
    source, target = data.draw(
        st.lists(
            st.sampled_from(schema.encrypted_columns(TABLES[table])),
            min_size=2,
            max_size=2,
            unique=True,
        ),
        label="from, to",
    )
    row_id = data.draw(st.sampled_from(sorted(template.expected[table])), label="record")
    with copy_of(template) as profile:
        _write(profile, table, target, row_id, _read(profile, table, source, row_id))
        with opened(profile) as ws:
            assert_only_damage(ws, template, (table, target, row_id))


def test_a_bit_flipped_on_disk_is_caught_though_sqlite_sees_nothing(template: Template) -> None:
    """A single bit flipped in the file itself, as a failing disk would: SQLite's own
    integrity check passes (it has no checksums of content), the field check names the
    note's text, and the citizen's other notes are still listed."""
    note_id = next(n for n in sorted(template.expected["notes"]) if n not in template.tombstones)
    with copy_of(template) as profile:
        stored = _read(profile, "notes", "text", note_id)
        image = bytearray(profile.vault_file.read_bytes())
        at = image.find(stored)
        assert at > 0 and image.find(stored, at + 1) == -1, "the ciphertext is in the file once"
        image[at + len(stored) - 1] ^= 0x01
        profile.vault_file.write_bytes(bytes(image))
        with opened(profile) as ws:
            assert_only_damage(ws, template, ("notes", "text", note_id))
            with pytest.raises(IntegrityError, match=f"notes.text of record {note_id}"):
                ws.notes.get(NoteId(note_id))
            citizen = template.expected["notes"][note_id].citizen_id
            listed = ws.notes.for_citizen(citizen)
            assert note_id not in {n.id for n in listed}
            assert {n.id for n in listed} == {
                n.id
                for n in template.expected["notes"].values()
                if n.citizen_id == citizen and n.id != note_id
            } - template.tombstones


@pytest.mark.parametrize("column", ["cpr_bidx", "phone_bidx"])
def test_swapped_blind_indexes_are_reported_by_check(template: Template, column: str) -> None:
    """Two citizens' blind indexes swapped (each a valid digest, so only the check can
    tell): ``check`` names both records and the index column."""
    first, second = template.citizens[:2]
    with copy_of(template) as profile:
        one = _read(profile, "citizens", column, first)
        two = _read(profile, "citizens", column, second)
        _write(profile, "citizens", column, first, None)  # the CPR index is unique
        _write(profile, "citizens", column, second, one)
        _write(profile, "citizens", column, first, two)
        with opened(profile) as ws:
            report = check_vault(ws.vault)
    assert not report.ok
    assert sorted((d.table, d.record, d.column) for d in report.damaged) == sorted(
        [("citizens", first, column), ("citizens", second, column)]
    )


def test_a_blind_index_given_to_a_citizen_without_cpr_is_reported(template: Template) -> None:
    """A citizen registered without a CPR number who is given another citizen's CPR
    index (so a CPR search would find them) is named by ``check``."""
    first, without = template.citizens[0], template.citizens[2]
    with copy_of(template) as profile:
        index = _read(profile, "citizens", "cpr_bidx", first)
        _write(profile, "citizens", "cpr_bidx", first, None)
        _write(profile, "citizens", "cpr_bidx", without, index)
        with opened(profile) as ws:
            report = check_vault(ws.vault)
    assert sorted((d.record, d.column) for d in report.damaged) == sorted(
        [(first, "cpr_bidx"), (without, "cpr_bidx")]
    )


def test_the_untouched_template_checks_clean(template: Template) -> None:
    """Control: a copy nobody changed opens, lists everything and checks ok."""
    with copy_of(template) as profile, opened(profile) as ws:
        assert check_vault(ws.vault).ok
        with ws.vault.read() as connection:
            for name, rows in template.expected.items():
                found = _repo(ws, name).find(connection, include_deleted=True)
                assert {r.id: r for r in found} == rows
        assert ws.damaged == []
        cpr = template.cprs[template.citizens[0]]
        hit = ws.citizens.find_by_cpr(cpr)
        assert hit is not None and hit.id == template.citizens[0]


def _log_seqs(profile: Profile) -> list[int]:
    with raw(profile.vault_file) as db:
        return [r[0] for r in db.execute("SELECT seq FROM access_log ORDER BY seq")]


@pytest.mark.parametrize("which", ["first", "middle"])
def test_a_deleted_access_log_entry_is_reported(template: Template, which: str) -> None:
    """An attacker who drops the append-only trigger and deletes an entry is caught by
    the MAC chain: ``verify`` names the entry after the gap, and ``check`` fails."""
    with copy_of(template) as profile:
        seqs = _log_seqs(profile)
        gone = seqs[0] if which == "first" else seqs[len(seqs) // 2]
        with raw(profile.vault_file) as db:
            db.execute("DROP TRIGGER access_log_no_delete")
            db.execute("DELETE FROM access_log WHERE seq = ?", (gone,))
        with opened(profile) as ws:
            problems = ws.audit.verify()
            report = check_vault(ws.vault)
    assert problems, "the deletion is detected"
    assert problems[0].seq == gone + 1
    assert not report.ok
    assert ("access_log", str(gone + 1)) in {(d.table, d.record) for d in report.damaged}


@pytest.mark.parametrize(
    ("column", "value"),
    [("action", "search"), ("citizen_id", None), ("at", "2020-01-01T00:00:00.000000+00:00")],
)
def test_an_altered_access_log_entry_is_reported(
    template: Template, column: str, value: str | None
) -> None:
    """Changing who, what or when of one logged access (trigger dropped first) breaks
    the chain exactly at that entry."""
    with copy_of(template) as profile:
        seqs = _log_seqs(profile)
        target = seqs[len(seqs) // 2]
        with raw(profile.vault_file) as db:
            db.execute("DROP TRIGGER access_log_no_update")
            before = db.execute(
                f'SELECT "{column}" FROM access_log WHERE seq = ?', (target,)
            ).fetchone()[0]
            assert before != value
            db.execute(f'UPDATE access_log SET "{column}" = ? WHERE seq = ?', (value, target))
        with opened(profile) as ws:
            problems = ws.audit.verify()
    assert [(p.seq, p.reason) for p in problems] == [(target, "entry altered or out of order")]


def test_the_access_log_of_an_untouched_vault_verifies(template: Template) -> None:
    """Control: the chain of an unchanged copy has no problems."""
    with copy_of(template) as profile, opened(profile) as ws:
        assert ws.audit.verify() == []
        assert ws.audit.count() == len(_log_seqs(profile))
