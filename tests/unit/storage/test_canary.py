"""Canary scans: personal data never reaches a file in the clear.

Every personal or free-text field gets a unique random marker; then every byte of
every file the program could have written (the vault, its WAL and shared memory
while open, migration backups, the debug log, the console, HOME, TMPDIR and the
working directory) is searched for every marker in UTF-8, UTF-16-LE and UTF-16-BE.
The vault holds the name index's snapshot too (stored on closing; checked to contain
the names, so its scan means something).
Control tests show that the same scan does find a marker that is stored in the clear.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from outreach_app import logsetup
from outreach_app.crypto.recovery import RecoveryPrivateKey
from outreach_app.domain.clock import ManualClock
from outreach_app.domain.ids import CitizenId
from outreach_app.services.workspace import INDEX_SNAPSHOT, Workspace
from outreach_app.storage import index_state, migrate, schema
from outreach_app.storage.profile import Profile
from tests.conftest import PASSPHRASE
from tests.unit.storage.vaults import (
    ENCODINGS,
    Values,
    files_under,
    migrations_with_extra_revision,
    new_workspace,
    populate,
    scan,
)

_ISOLATED = ("home", "tmp", "cwd", "xdg-data", "xdg-config", "xdg-cache", "xdg-state", "outreach")


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """HOME, the XDG folders, TMPDIR, OUTREACH_HOME and the working directory, all in
    one empty folder beside the profile, so anything written there can be found."""
    outside = tmp_path / "elsewhere"
    for name in _ISOLATED:
        (outside / name).mkdir(parents=True)
    monkeypatch.setenv("HOME", str(outside / "home"))
    monkeypatch.setenv("TMPDIR", str(outside / "tmp"))
    monkeypatch.setenv("OUTREACH_HOME", str(outside / "outreach"))
    for xdg in ("data", "config", "cache", "state"):
        monkeypatch.setenv(f"XDG_{xdg.upper()}_HOME", str(outside / f"xdg-{xdg}"))
    monkeypatch.setattr(tempfile, "tempdir", str(outside / "tmp"))
    monkeypatch.chdir(outside / "cwd")
    monkeypatch.setattr(sys, "dont_write_bytecode", True)  # the test's own migration copy
    return outside


@contextlib.contextmanager
def debug_log(profile: Profile) -> Iterator[Path]:
    """The desktop program's logging in verbose mode, writing into the profile's
    ``logs/`` folder and to the console; removed again afterwards. (Entered in the
    test's body, so the console handler writes to the test's captured stderr.)"""
    root = logging.getLogger()
    before = list(root.handlers)
    levels = {name: logging.getLogger(name).level for name in ("", "alembic", "sqlalchemy")}
    log_dir = profile.root / "logs"
    logsetup.configure(verbose=True, log_dir=log_dir)
    added = [h for h in root.handlers if h not in before]
    try:
        yield log_dir
    finally:
        for handler in added:
            root.removeHandler(handler)
            handler.close()
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


def _stored_text_of_note(ws: Workspace, citizen_id: CitizenId) -> bytes:
    """The ciphertext of one note's text, as the vault holds it."""
    table = schema.notes
    query = select(table.c.text).where(table.c.citizen_id == citizen_id).limit(1)
    with ws.vault.read() as connection:
        return bytes(connection.execute(query).scalar_one())


def _index_snapshot(ws: Workspace) -> str:
    """The stored name index snapshot, opened with the vault's key (control: it holds
    the names, so the scans below would find them if it were stored in the clear)."""
    with ws.vault.read() as connection:
        state = index_state.read_state(connection)
    assert state is not None and state.sealed is not None and state.snapshot_is_current
    raw = ws.vault.keys.snapshots.open(state.sealed, kind=INDEX_SNAPSHOT, counter=state.counter)
    return raw.decode("utf-8")


def _assert_clean(root: Path, values: Values) -> None:
    hits = sorted(
        {f"{h.label} in {h.path.name} ({h.encoding})" for h in scan(root, values.markers)}
    )
    assert hits == [], "personal data in the clear"


def _assert_open_files_scanned(profile: Profile) -> None:
    wal = Path(f"{profile.vault_file}-wal")
    shm = Path(f"{profile.vault_file}-shm")
    assert wal.is_file() and wal.stat().st_size > 0, "the scan must cover a live WAL"
    assert shm.is_file(), "the scan must cover the shared-memory file"


def test_no_personal_field_reaches_any_file_in_the_clear(
    tmp_path: Path,
    profile: Profile,
    clock: ManualClock,
    recovery_key: RecoveryPrivateKey,
    elsewhere: Path,
    capfd: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Write every kind of record with markers, reopen through a schema migration (so
    a backup is taken), write more, take another backup while open; at every stage no
    marker is in any file of the profile, the log, the console or anywhere else."""
    values = Values()
    with debug_log(profile) as log_dir:
        ws = new_workspace(profile, clock, values, recovery=recovery_key.public)
        try:
            made = populate(ws, values)
            ciphertext = _stored_text_of_note(ws, made.citizens[0])
            _assert_open_files_scanned(profile)
            _assert_clean(profile.root, values)
            assert any(ciphertext in p.read_bytes() for p in files_under(profile.root)), (
                "the scanned files hold the records' ciphertexts"
            )
        finally:
            ws.close()  # stores the name index snapshot
        _assert_clean(profile.root, values)
        assert ciphertext in profile.vault_file.read_bytes()

        program, revision = migrations_with_extra_revision(tmp_path / "program")
        monkeypatch.setattr(migrate, "migrations_dir", lambda: program)
        ws = Workspace.open(profile, PASSPHRASE, clock=clock)
        try:
            assert migrate.head_revision() == revision
            snapshot = _index_snapshot(ws)
            for n in range(len(made.citizens)):
                for part in ("first_name", "last_name"):
                    assert values.markers[f"citizen{n}.{part}"] in snapshot, "names in it"
            assert len(list(profile.backups.iterdir())) == 1, "a backup before the migration"
            note = ws.notes.start(made.citizens[1], text=values.text("late_note.text"))
            ws.notes.finish(note.id, agreements=values.text("late_note.agreements"))
            ws.citizens.search(values.text("late_search.query"))
            migrate.backup_copy(
                profile.vault_file, profile.backups, revision=revision, stamp="open"
            )
            _assert_open_files_scanned(profile)
            _assert_clean(profile.root, values)
        finally:
            ws.close()
        _assert_clean(profile.root, values)

    log_text = (log_dir / "outreach.log").read_text(encoding="utf-8")
    assert "vault schema migrated" in log_text, "the log file records the program's work"
    console = capfd.readouterr()
    assert "vault schema migrated" in console.err, "the console log was captured"
    for label, marker in values.markers.items():
        assert marker not in console.out + console.err, f"{label} on the console"
    assert files_under(elsewhere) == set(), "nothing is written outside the profile folder"
    _assert_clean(tmp_path, values)


def test_the_scan_finds_a_marker_stored_in_a_plaintext_column(
    profile: Profile, clock: ManualClock
) -> None:
    """Control: the profile label is plaintext by design; a marker put there is found,
    first in the live WAL and after closing in the vault file itself."""
    values = Values()
    ws = new_workspace(profile, clock, values, recovery=None)
    marker = {"label": values.text("label")}
    try:
        ws.vault.set_meta(marker)
        hits = scan(profile.root, marker)
        assert [(h.path.name, h.encoding) for h in hits] == [("vault.sqlite3-wal", "utf-8")]
    finally:
        ws.close()
    hits = scan(profile.root, marker)
    assert [(h.path.name, h.encoding) for h in hits] == [("vault.sqlite3", "utf-8")]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_the_scan_finds_a_marker_in_each_encoding(tmp_path: Path, encoding: str) -> None:
    """Control: a marker written in UTF-8 or UTF-16 (either byte order) is found,
    also deep in a sub-folder."""
    marker = {"field": Values().text("field")}
    folder = tmp_path / "a" / "b"
    folder.mkdir(parents=True)
    (folder / "other.bin").write_bytes(Values().text("other").encode(encoding))
    assert scan(tmp_path, marker) == []
    (folder / "file.bin").write_bytes(b"\x01\xff" + marker["field"].encode(encoding) + b"\x01")
    assert [h.encoding for h in scan(tmp_path, marker)] == [encoding]


def test_the_debug_log_is_scanned(profile: Profile) -> None:
    """Control: a marker logged at DEBUG level ends up in the log file the canary test
    scans, so a leak through logging would be found."""
    marker = {"logged": Values().text("logged")}
    with debug_log(profile):
        logging.getLogger("outreach_app.storage").debug("leak %s", marker["logged"])
    assert [h.path.name for h in scan(profile.root, marker)] == ["outreach.log"]
