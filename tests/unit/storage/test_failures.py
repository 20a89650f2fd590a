"""Bad input and failures: wrong passphrases and their growing delay, recovery with
the organisation's key, files that are not vaults, a full disk while a draft is
saved, text in any script, and two profiles side by side."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, func, select

from outreach_app.crypto.errors import RecoveryKeyMismatch
from outreach_app.crypto.recovery import RecoveryPrivateKey
from outreach_app.domain.clock import ManualClock
from outreach_app.domain.ids import NoteId
from outreach_app.services.check import check_vault
from outreach_app.services.workspace import NewProfile, Workspace
from outreach_app.storage import schema
from outreach_app.storage.errors import (
    NotAVault,
    NoVault,
    StorageFull,
    UnlockThrottled,
    VaultCorrupt,
    VaultError,
    WeakPassphrase,
    WrongPassphraseError,
)
from outreach_app.storage.profile import Profile, list_profiles
from outreach_app.storage.vault import MAX_DELAY_SECONDS, LockedVault, delay_after
from tests.conftest import PASSPHRASE, fast_kdf
from tests.unit.storage.vaults import raw

WRONG = "forkert hest batteri hæfteklamme"
NEW_PASSPHRASE = "ny passphrase fra hovedkontoret"


def _open(profile: Profile, passphrase: str, clock: ManualClock) -> Workspace:
    return Workspace.open(profile, passphrase, clock=clock)


@pytest.fixture
def closed(workspace: Workspace, profile: Profile) -> Profile:
    """A closed vault with one citizen and one finished note."""
    citizen = workspace.citizens.register(first_name="Ahmed", last_name="Hassan")
    note = workspace.notes.start(citizen.id, text="Talte om brev fra kommunen.")
    workspace.notes.finish(note.id)
    workspace.close()
    return profile


def _text_of_only_note(ws: Workspace) -> str:
    with ws.vault.read() as connection:
        (note,) = ws.repos.notes.find(connection)
    return note.text


# -- wrong passphrases ----------------------------------------------------------------


def test_a_wrong_passphrase_is_refused_in_words(closed: Profile, clock: ManualClock) -> None:
    with pytest.raises(WrongPassphraseError) as wrong:
        _open(closed, WRONG, clock)
    assert (wrong.value.failures, wrong.value.retry_after) == (1, 0)
    assert str(wrong.value) == "the passphrase is wrong"


def _refused(profile: Profile, clock: ManualClock) -> WrongPassphraseError:
    with pytest.raises(WrongPassphraseError) as wrong:
        _open(profile, WRONG, clock)
    return wrong.value


def _throttled(profile: Profile, passphrase: str, clock: ManualClock) -> int:
    with pytest.raises(UnlockThrottled) as throttled:
        _open(profile, passphrase, clock)
    assert f"wait {throttled.value.retry_after} s" in str(throttled.value)
    return throttled.value.retry_after


def test_wrong_passphrases_earn_a_growing_delay_kept_in_the_vault(
    closed: Profile, clock: ManualClock
) -> None:
    """Three free attempts, then 1 s, 2 s, 4 s ... Each attempt opens the vault afresh
    (as after a restart), so the count lives in the file; while the delay runs even
    the right passphrase waits, and waiting does not count as a failure. A success
    resets the count."""
    assert [(e.failures, e.retry_after) for e in (_refused(closed, clock) for _ in range(3))] == [
        (1, 0),
        (2, 0),
        (3, 1),
    ]
    assert _throttled(closed, PASSPHRASE, clock) == 1
    clock.advance(timedelta(seconds=1))
    fourth = _refused(closed, clock)
    assert (fourth.failures, fourth.retry_after) == (4, 2)
    assert _throttled(closed, WRONG, clock) == 2
    clock.advance(timedelta(seconds=1))
    assert _throttled(closed, PASSPHRASE, clock) == 1
    clock.advance(timedelta(seconds=1))
    fifth = _refused(closed, clock)
    assert (fifth.failures, fifth.retry_after) == (5, 4)
    assert "wait 4 s" in str(fifth)
    clock.advance(timedelta(seconds=4))
    ws = _open(closed, PASSPHRASE, clock)
    try:
        assert ws.vault.header.failures == 0
    finally:
        ws.close()
    again = _refused(closed, clock)
    assert (again.failures, again.retry_after) == (1, 0)


@pytest.mark.parametrize(
    ("failures", "seconds"),
    [(0, 0), (1, 0), (2, 0), (3, 1), (4, 2), (5, 4), (6, 8), (9, 64), (10, 120), (10_000, 120)],
)
def test_the_delay_after_failures(failures: int, seconds: int) -> None:
    """0 for three, then doubling from 1 s, never more than two minutes."""
    assert delay_after(failures) == seconds
    assert delay_after(failures) <= MAX_DELAY_SECONDS


# -- recovery -------------------------------------------------------------------------


def test_recovery_with_the_organisation_key_sets_a_new_passphrase(
    closed: Profile, clock: ManualClock, recovery_key: RecoveryPrivateKey
) -> None:
    """The main office's recovery key sets a new passphrase even while the vault is
    throttled; the notes are all there, the forgotten passphrase no longer opens the
    vault, the count of failures is reset, and the recovery slot still works."""
    for _ in range(3):
        _refused(closed, clock)
    assert _throttled(closed, PASSPHRASE, clock) == 1
    vault = LockedVault(closed, clock=clock).recover(recovery_key, NEW_PASSPHRASE, kdf=fast_kdf())
    vault.close()
    with pytest.raises(WrongPassphraseError):
        _open(closed, PASSPHRASE, clock)
    ws = _open(closed, NEW_PASSPHRASE, clock)
    try:
        assert _text_of_only_note(ws) == "Talte om brev fra kommunen."
        assert check_vault(ws.vault).ok
    finally:
        ws.close()
    LockedVault(closed, clock=clock).recover(recovery_key, PASSPHRASE, kdf=fast_kdf()).close()
    _open(closed, PASSPHRASE, clock).close()


def test_recovery_with_another_organisations_key_changes_nothing(
    closed: Profile, clock: ManualClock
) -> None:
    locked = LockedVault(closed, clock=clock)
    try:
        with pytest.raises(RecoveryKeyMismatch):
            locked.recover(RecoveryPrivateKey.generate(), NEW_PASSPHRASE, kdf=fast_kdf())
        with pytest.raises(WeakPassphrase):
            locked.recover(RecoveryPrivateKey.generate(), "short", kdf=fast_kdf())
    finally:
        locked.close()
    _open(closed, PASSPHRASE, clock).close()
    with pytest.raises(WrongPassphraseError):
        _open(closed, NEW_PASSPHRASE, clock)


# -- not a vault ----------------------------------------------------------------------


def _sqlite_without_vault(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE shopping (item TEXT)")
    connection.commit()
    connection.close()


@pytest.mark.parametrize(
    ("content", "error", "words"),
    [
        (b"", NotAVault, "not an Outreach vault"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 8, NotAVault, "not an Outreach vault"),
        (b"SQLite format 3\x00" + random.Random(1).randbytes(8_000), VaultCorrupt, "damaged"),
        (_sqlite_without_vault, NotAVault, "not an Outreach vault"),
    ],
    ids=["empty file", "garbage", "sqlite header on garbage", "another program's database"],
)
def test_a_file_that_is_not_a_vault_is_refused_in_words(
    profile: Profile, clock: ManualClock, content: Any, error: type[VaultError], words: str
) -> None:
    profile.make_folder()
    if callable(content):
        content(profile.vault_file)
    else:
        profile.vault_file.write_bytes(content)
    before = profile.vault_file.read_bytes()
    with pytest.raises(error) as refused:
        _open(profile, PASSPHRASE, clock)
    assert words in str(refused.value)
    assert "Error" not in str(refused.value), "words, not an exception's name"
    if not callable(content):
        assert profile.vault_file.read_bytes() == before


def test_a_truncated_vault_is_reported_as_damaged(closed: Profile, clock: ManualClock) -> None:
    whole = closed.vault_file.read_bytes()
    closed.vault_file.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(VaultCorrupt, match=r"damaged.*restore a backup"):
        _open(closed, PASSPHRASE, clock)


def test_a_damaged_header_is_reported_as_not_a_vault(closed: Profile, clock: ManualClock) -> None:
    with raw(closed.vault_file) as db:
        db.execute("UPDATE key_slots SET params = '{' WHERE slot = 'passphrase'")
    with pytest.raises(NotAVault, match="key slot is damaged"):
        _open(closed, PASSPHRASE, clock)


@pytest.mark.parametrize("exists", [True, False], ids=["empty folder", "no folder"])
def test_no_vault_in_the_folder_is_said_in_words(
    profile: Profile, clock: ManualClock, exists: bool
) -> None:
    if exists:
        profile.make_folder()
    with pytest.raises(NoVault, match="there is no vault in"):
        _open(profile, PASSPHRASE, clock)
    assert not profile.vault_file.exists()


# -- a full disk ----------------------------------------------------------------------


class Disk:
    """A disk of adjustable size for one engine: every connection the engine hands
    out gets ``PRAGMA max_page_count`` set on checkout, so whichever pooled connection
    does the write meets the limit."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._limit: int | None = None
        probe = sqlite3.connect(":memory:")
        self._unlimited = int(probe.execute("PRAGMA max_page_count").fetchone()[0])
        probe.close()
        event.listen(engine, "checkout", self._apply)

    def _apply(self, dbapi_connection: sqlite3.Connection, *_: object) -> None:
        limit = self._unlimited if self._limit is None else self._limit
        dbapi_connection.execute(f"PRAGMA max_page_count = {limit}").close()

    def fill(self) -> None:
        """No room beyond the pages the database has now."""
        with self._engine.connect() as connection:
            self._limit = int(connection.exec_driver_sql("PRAGMA page_count").scalar_one())

    def free(self) -> None:
        self._limit = None

    def remove(self) -> None:
        event.remove(self._engine, "checkout", self._apply)


@pytest.fixture
def draft(workspace: Workspace) -> NoteId:
    citizen = workspace.citizens.register(first_name="Faadumo", last_name="Cabdi")
    note = workspace.notes.start(citizen.id, text="Første udkast")
    workspace.notes.save_draft(note.id, text="Andet udkast, gemt automatisk.")
    return note.id


def _stored(ws: Workspace) -> tuple[int, int, list[str]]:
    """Access-log entries, outbox entries, SQLite's verdict."""
    with ws.vault.read() as connection:
        log = connection.execute(select(func.count()).select_from(schema.access_log)).scalar()
        box = connection.execute(select(func.count()).select_from(schema.outbox)).scalar()
        ok = connection.exec_driver_sql("PRAGMA integrity_check").scalars().all()
    return int(log or 0), int(box or 0), [str(r) for r in ok]


@pytest.fixture
def disk(workspace: Workspace) -> Iterator[Disk]:
    made = Disk(workspace.vault.engine)
    yield made
    made.remove()


def test_a_full_disk_while_saving_a_draft_loses_nothing(
    workspace: Workspace, profile: Profile, clock: ManualClock, draft: NoteId, disk: Disk
) -> None:
    """The disk fills up while a large draft is saved: the save fails with StorageFull
    in words, nothing of it is half-written (text, access log, outbox unchanged), and
    after reopening the previous draft is there exactly."""
    big = "Lang samtale om bolig og gæld. 🙂 " * 10_000
    before = _stored(workspace)
    disk.fill()
    with pytest.raises(StorageFull) as full:
        workspace.notes.save_draft(draft, text=big)
    assert "disk is full" in str(full.value)
    assert "not saved" in str(full.value)
    assert _text_of_only_note(workspace) == "Andet udkast, gemt automatisk."
    assert _stored(workspace) == before
    workspace.close()

    ws = _open(profile, PASSPHRASE, clock)
    try:
        assert _text_of_only_note(ws) == "Andet udkast, gemt automatisk."
        assert check_vault(ws.vault).ok
    finally:
        ws.close()


def test_the_same_save_succeeds_once_space_is_freed(
    workspace: Workspace, profile: Profile, clock: ManualClock, draft: NoteId, disk: Disk
) -> None:
    """After StorageFull the consultant frees space and saves again: the very same
    save goes through and is there after reopening."""
    big = "Lang samtale om bolig og gæld. 🙂 " * 10_000
    disk.fill()
    with pytest.raises(StorageFull):
        workspace.notes.save_draft(draft, text=big)
    disk.free()
    saved = workspace.notes.save_draft(draft, text=big)
    assert saved.text == big
    workspace.close()

    ws = _open(profile, PASSPHRASE, clock)
    try:
        assert _text_of_only_note(ws) == big
        assert check_vault(ws.vault).ok
    finally:
        ws.close()


# -- any script, any length -----------------------------------------------------------

NAMES = [
    ("محمد", "عبد الله"),  # Arabic, right to left
    ("Cabdiraxmaan", "Xasan Maxamed"),  # Somali
    ("Faadumo", "Cabdi Cali"),
    ("Søren", "Ærøskøbing-Åhus"),
    ("Zoë", "Nguyễn Thị"),  # combining-free precomposed Vietnamese
    ("Jose\u0301", "Mu\u0308ller"),  # decomposed (NFD) accents stay decomposed
    ("Amina 👩🏽‍💻", "O'Connor\u200f"),  # emoji with skin tone and ZWJ, a right-to-left mark
]


def _long_text(rng: random.Random) -> str:
    pieces = [
        "Borgeren fortalte om sin hverdag. ",
        "تحدثنا عن السكن والعمل. ",
        "Waxaan ka wada hadalnay shaqada iyo guriga. ",
        "🙂👍🏽👨‍👩‍👧 ",
        "e\u0301\u0301 ",
        "\t\n",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ",  # outside the Basic Multilingual Plane
    ]
    text = ""
    while len(text.encode("utf-8")) < 100_000:
        text += rng.choice(pieces)
    return text


def test_names_and_long_notes_in_any_script_come_back_byte_for_byte(
    workspace: Workspace, profile: Profile, clock: ManualClock
) -> None:
    """Arabic, Somali, Danish, Vietnamese, decomposed accents, emoji sequences and a
    note over 100 kB are stored exactly: the same UTF-8 bytes after reopening, not
    normalised, not trimmed inside."""
    text = _long_text(random.Random(5))
    written = {}
    for first, last in NAMES:
        citizen = workspace.citizens.register(first_name=first, last_name=last)
        note = workspace.notes.start(citizen.id, text=text + first)
        workspace.notes.finish(note.id)
        written[citizen.id] = (first, last, note.id)
    workspace.close()

    ws = _open(profile, PASSPHRASE, clock)
    try:
        for citizen_id, (first, last, note_id) in written.items():
            citizen = ws.citizens.get(citizen_id)
            assert citizen.first_name.encode("utf-8") == first.encode("utf-8")
            assert citizen.last_name.encode("utf-8") == last.encode("utf-8")
            stored = ws.notes.get(note_id).text
            assert len(stored.encode("utf-8")) > 100_000
            assert stored.encode("utf-8") == (text + first).encode("utf-8")
        found = {h.id for h in ws.citizens.search("cabdi")}
        assert found == {c for c, (f, _, _) in written.items() if f in ("Cabdiraxmaan", "Faadumo")}
    finally:
        ws.close()


# -- two profiles ---------------------------------------------------------------------


def _profile(root: Path, passphrase: str, name: str, clock: ManualClock) -> Profile:
    profile = Profile(root)
    ws = Workspace.create(
        profile,
        passphrase,
        NewProfile(name, "Gellerup", label=name),
        recovery=None,
        clock=clock,
        kdf=fast_kdf(),
    )
    try:
        ws.citizens.register(first_name=f"Borger hos {name}")
    finally:
        ws.close()
    return profile


def test_two_profiles_on_one_laptop_are_independent(tmp_path: Path, clock: ManualClock) -> None:
    """Each profile opens only with its own passphrase and shows only its own
    citizens; wrong attempts on one do not throttle the other; and one vault's key
    slot copied into the other does not open it (the slot is bound to its vault)."""
    first_pass, second_pass = "Karins lange passphrase", "Mogens' anden passphrase"
    karin = _profile(tmp_path / "profiles" / "karin", first_pass, "Karin", clock)
    mogens = _profile(tmp_path / "profiles" / "mogens", second_pass, "Mogens", clock)
    assert [(p.profile.root.name, p.label) for p in list_profiles(tmp_path / "profiles")] == [
        ("karin", "Karin"),
        ("mogens", "Mogens"),
    ]
    for profile, other in ((karin, second_pass), (mogens, first_pass)):
        with pytest.raises(WrongPassphraseError):
            _open(profile, other, clock)
    for _ in range(4):
        with pytest.raises((WrongPassphraseError, UnlockThrottled)):
            _open(karin, second_pass, clock)
    ws = _open(mogens, second_pass, clock)
    try:
        assert [h.display_name for h in ws.citizens.mine()] == ["Borger hos Mogens"]
    finally:
        ws.close()

    with raw(karin.vault_file) as db:
        slot = db.execute(
            "SELECT params, wrapped FROM key_slots WHERE slot='passphrase'"
        ).fetchone()
    with raw(mogens.vault_file) as db:
        db.execute("UPDATE key_slots SET params = ?, wrapped = ? WHERE slot='passphrase'", slot)
    with pytest.raises(WrongPassphraseError):
        _open(mogens, first_pass, clock)
