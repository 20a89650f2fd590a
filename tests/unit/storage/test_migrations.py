"""Schema migrations: the migrated schema is the declared one, the database itself
guards finished notes and the access log, every step between known revisions
works, a vault is backed up before it is migrated, a failed migration changes
nothing, and a vault from a newer program is refused without being touched."""

from __future__ import annotations

import hashlib
import itertools
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Column, Engine, Integer, MetaData

from outreach_app.crypto.recovery import RecoveryPrivateKey
from outreach_app.domain.clock import ManualClock
from outreach_app.domain.ids import NoteId
from outreach_app.services.check import check_vault
from outreach_app.services.workspace import Workspace
from outreach_app.storage import index_state, migrate, schema
from outreach_app.storage.engine import open_engine
from outreach_app.storage.errors import VaultFromNewerVersion
from outreach_app.storage.profile import VAULT_FILE, Profile
from outreach_app.storage.vault import LockedVault
from tests.conftest import PASSPHRASE
from tests.unit.storage.vaults import (
    Values,
    files_under,
    migrations_with_extra_revision,
    new_workspace,
    populate,
    raw,
)

TRIGGERS = {
    "notes_finished_immutable",
    "access_log_no_update",
    "access_log_no_delete",
    *index_state.COUNTER_TRIGGERS,
}


@pytest.fixture
def empty_engine(tmp_path: Path) -> Iterator[Engine]:
    """The vault's engine on an empty database file."""
    path = tmp_path / "empty.sqlite3"
    path.touch()
    engine = open_engine(path)
    yield engine
    engine.dispose()


def _revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return migrate.current_revision(connection)


def _differences(engine: Engine, metadata: MetaData) -> list[object]:
    with engine.connect() as connection:
        return list(compare_metadata(MigrationContext.configure(connection), metadata))


def test_an_empty_file_is_migrated_to_the_head(empty_engine: Engine) -> None:
    """From nothing, ``upgrade`` reaches the newest revision this program knows."""
    assert _revision(empty_engine) is None
    migrate.upgrade(empty_engine)
    assert _revision(empty_engine) == migrate.head_revision()
    assert not migrate.needs_upgrade(_revision(empty_engine))


def test_the_migrated_schema_is_the_declared_schema(empty_engine: Engine) -> None:
    """Alembic finds no difference between the migrated database and ``schema.metadata``
    (tables, columns, types, nullability, indexes, constraints)."""
    migrate.upgrade(empty_engine)
    assert _differences(empty_engine, schema.metadata) == []


def test_the_schema_comparison_would_see_a_difference(empty_engine: Engine) -> None:
    """Control: a declared column the migrations do not make is reported."""
    migrate.upgrade(empty_engine)
    declared = MetaData()
    for table in schema.metadata.tables.values():
        table.to_metadata(declared)
    declared.tables["notes"].append_column(Column("mood", Integer, nullable=True))
    differences = _differences(empty_engine, declared)
    assert [d[0] for d in differences] == ["add_column"]  # type: ignore[index]


def test_partial_indexes_keep_their_conditions(empty_engine: Engine) -> None:
    """The indexes that cover only some rows (unique for live rows: one CPR, one active
    consultant, one pending outbox entry per row; and the pending outbox, the reminders'
    drafts and open information) are partial in the database too; Alembic's comparison
    does not look at the WHERE clause, so this does."""
    migrate.upgrade(empty_engine)
    with empty_engine.connect() as connection:
        made: dict[str, str] = dict(
            connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            ).all()
        )
    partial = {
        index.name: str(index.dialect_options["sqlite"]["where"])
        for table in schema.metadata.tables.values()
        for index in table.indexes
        if index.dialect_options["sqlite"]["where"] is not None
    }
    assert len(partial) == 6
    for name, where in partial.items():
        assert name in made, name
        assert made[name].endswith(f"WHERE {where}"), made[name]
        assert ("UNIQUE" in made[name]) == name.startswith("ux_"), made[name]


@pytest.mark.parametrize(
    ("earlier", "later"),
    list(itertools.pairwise((None, *migrate.known_revisions()))),
    ids=lambda r: r or "empty",
)
def test_each_revision_upgrades_to_the_next(
    empty_engine: Engine, earlier: str | None, later: str
) -> None:
    """A database at each known revision (or empty) upgrades to the following one."""
    if earlier is not None:
        migrate.upgrade(empty_engine, to=earlier)
    assert _revision(empty_engine) == earlier
    migrate.upgrade(empty_engine, to=later)
    assert _revision(empty_engine) == later


def test_the_triggers_exist(empty_engine: Engine) -> None:
    migrate.upgrade(empty_engine)
    with empty_engine.connect() as connection:
        names = set(
            connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            .scalars()
            .all()
        )
    assert names == TRIGGERS


def test_the_index_counter_triggers_are_the_ones_the_program_trusts(
    empty_engine: Engine,
) -> None:
    """The counter triggers are made exactly as ``index_state`` expects them (otherwise
    no snapshot would ever be used), and they count every insert, update and delete
    of a citizen row, also one written with plain SQL."""
    migrate.upgrade(empty_engine)
    with empty_engine.begin() as connection:
        assert index_state.read_counter(connection) == 0
        stamp = "'2026-03-02T08:00:00.000000+00:00'"
        connection.exec_driver_sql(
            "INSERT INTO citizens (id, first_name, last_name, cpr, phone, email, address,"
            " target_group, language, status, created_at, updated_at) VALUES"
            f" ('c1', x'00', x'00', x'00', x'00', x'00', x'00', x'00', x'00', 'active',"
            f" {stamp}, {stamp})"
        )
        connection.exec_driver_sql("UPDATE citizens SET status = 'closed' WHERE id = 'c1'")
        connection.exec_driver_sql("DELETE FROM citizens WHERE id = 'c1'")
        assert index_state.read_counter(connection) == 3
        connection.exec_driver_sql("DROP TRIGGER citizens_index_update")
        assert index_state.read_counter(connection) is None, "no counter without its triggers"


@pytest.fixture
def noted(workspace: Workspace, profile: Profile) -> tuple[NoteId, NoteId]:
    """A closed vault with one finished note and one draft; their ids."""
    citizen = workspace.citizens.register(first_name="Ahmed", last_name="Hassan")
    finished = workspace.notes.start(citizen.id, text="Talte om brev fra kommunen.")
    workspace.notes.finish(finished.id)
    draft = workspace.notes.start(citizen.id, text="Udkast")
    workspace.close()
    return finished.id, draft.id


def test_the_database_refuses_to_change_a_finished_note(
    noted: tuple[NoteId, NoteId], profile: Profile
) -> None:
    """Plain SQL cannot update a finished note (the trigger refuses), while a draft
    can be updated: the guard is in the database, not only in the program."""
    finished, draft = noted
    with (
        raw(profile.vault_file) as db,
        pytest.raises(sqlite3.IntegrityError, match="finished note is immutable"),
    ):
        db.execute("UPDATE notes SET text = x'00' WHERE id = ?", (finished,))
    with raw(profile.vault_file) as db:
        db.execute("UPDATE notes SET duration_min = 5 WHERE id = ?", (draft,))
        changed = db.execute("SELECT duration_min FROM notes WHERE id = ?", (draft,)).fetchone()
    assert changed == (5,)


@pytest.mark.parametrize(
    "statement",
    ["UPDATE access_log SET action = 'search' WHERE seq = 1", "DELETE FROM access_log"],
)
def test_the_database_refuses_to_change_the_access_log(
    noted: tuple[NoteId, NoteId], profile: Profile, statement: str
) -> None:
    """Plain SQL can neither alter nor delete access-log entries."""
    with (
        raw(profile.vault_file) as db,
        pytest.raises(sqlite3.IntegrityError, match="append-only"),
    ):
        db.execute(statement)
    with raw(profile.vault_file) as db:
        assert db.execute("SELECT count(*) FROM access_log").fetchone()[0] > 0


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(files_under(folder))
    }


def test_a_vault_from_a_newer_program_is_refused_untouched(
    noted: tuple[NoteId, NoteId], profile: Profile, clock: ManualClock
) -> None:
    """A vault stamped with a revision this program does not know is refused with a
    message saying what to do, before the passphrase is even tried, and not one byte
    of the profile folder changes (no migration, no failure counter, no backup)."""
    with raw(profile.vault_file) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    before = _fingerprint(profile.root)
    with pytest.raises(VaultFromNewerVersion) as refused:
        Workspace.open(profile, "not even the right passphrase", clock=clock)
    assert refused.value.revision == "9999"
    assert "newer version" in str(refused.value)
    assert "install the newer version" in str(refused.value)
    with pytest.raises(VaultFromNewerVersion):
        LockedVault(profile, clock=clock)
    assert _fingerprint(profile.root) == before


def test_a_vault_at_an_older_revision_is_backed_up_then_migrated(
    tmp_path: Path,
    profile: Profile,
    clock: ManualClock,
    recovery_key: RecoveryPrivateKey,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A program that knows one more revision opens today's vault: it copies the vault
    into ``backups/`` first, then migrates; the records are intact, and the backup is a
    complete vault that today's program opens with the same passphrase."""
    values = Values()
    ws = new_workspace(profile, clock, values, recovery=recovery_key.public)
    try:
        populate(ws, values)
        before = _every_record(ws)
    finally:
        ws.close()
    today = migrate.head_revision()
    program, newer = migrations_with_extra_revision(tmp_path / "program")

    with monkeypatch.context() as patched:
        patched.setattr(migrate, "migrations_dir", lambda: program)
        ws = Workspace.open(profile, PASSPHRASE, clock=clock)
        try:
            assert _every_record(ws) == before
            assert check_vault(ws.vault).ok
        finally:
            ws.close()
    with raw(profile.vault_file) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == (newer,)
        assert db.execute("SELECT name FROM sqlite_master WHERE name = 'test_extra'").fetchone()

    backups = sorted(profile.backups.iterdir())
    assert [b.name for b in backups] == [
        f"vault-before-migration-from-{today}-20260302T080000Z.sqlite3"
    ]
    assert backups[0].stat().st_mode & 0o077 == 0, "the backup is readable by its owner only"
    restored = Profile(tmp_path / "restored")
    restored.make_folder()
    backups[0].replace(restored.root / VAULT_FILE)
    ws = Workspace.open(restored, PASSPHRASE, clock=clock)
    try:
        assert _every_record(ws) == before
        assert check_vault(ws.vault).ok
    finally:
        ws.close()


def test_a_failed_migration_leaves_the_vault_as_it_was(
    tmp_path: Path,
    noted: tuple[NoteId, NoteId],
    profile: Profile,
    clock: ManualClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A migration that fails half-way (after creating a table) is rolled back: the
    vault keeps its revision and schema, opens with today's program, and the backup
    taken before is there too."""
    today = migrate.head_revision()
    program, _ = migrations_with_extra_revision(tmp_path / "program", fail=True)
    with monkeypatch.context() as patched:
        patched.setattr(migrate, "migrations_dir", lambda: program)
        with pytest.raises(RuntimeError, match="fails half-way"):
            Workspace.open(profile, PASSPHRASE, clock=clock)
    with raw(profile.vault_file) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == (today,)
        assert (
            db.execute("SELECT name FROM sqlite_master WHERE name = 'test_extra'").fetchone()
            is None
        )
    assert len(list(profile.backups.iterdir())) == 1
    ws = Workspace.open(profile, PASSPHRASE, clock=clock)
    try:
        finished, _ = noted
        assert ws.notes.get(finished).text == "Talte om brev fra kommunen."
        assert check_vault(ws.vault).ok
    finally:
        ws.close()


def test_backup_copy_of_an_open_vault_includes_the_wal(
    tmp_path: Path, workspace: Workspace, clock: ManualClock
) -> None:
    """``backup_copy`` taken while the vault is open and its latest commits are still
    in the WAL is a complete, consistent vault that opens and unlocks on its own."""
    citizen = workspace.citizens.register(first_name="Faadumo", last_name="Cabdi")
    note = workspace.notes.start(citizen.id, text="Sidste ændring, kun i WAL'en endnu.")
    workspace.notes.finish(note.id)
    wal = Path(f"{workspace.vault.profile.vault_file}-wal")
    assert wal.stat().st_size > 0
    copy = migrate.backup_copy(
        workspace.vault.profile.vault_file, tmp_path / "copies", revision="0001", stamp="now"
    )
    assert copy.name == "vault-before-migration-from-0001-now.sqlite3"
    elsewhere = Profile(tmp_path / "elsewhere")
    elsewhere.make_folder()
    copy.replace(elsewhere.vault_file)
    restored = Workspace.open(elsewhere, PASSPHRASE, clock=clock)
    try:
        assert restored.notes.get(note.id).text == "Sidste ændring, kun i WAL'en endnu."
        assert check_vault(restored.vault).ok
    finally:
        restored.close()


def _every_record(ws: Workspace) -> dict[str, dict[str, object]]:
    with ws.vault.read() as connection:
        return {
            table.name: {
                r.id: r
                for r in getattr(ws.repos, table.name).find(connection, include_deleted=True)
            }
            for table in schema.RECORD_TABLES
        }
