"""Shared fixtures: a manual clock, cheap KDF parameters, real vaults in tmp folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from outreach_app.crypto.kdf import KdfParams, new_salt
from outreach_app.crypto.recovery import RecoveryPrivateKey
from outreach_app.domain.clock import DANISH_TIME, ManualClock
from outreach_app.services.workspace import NewProfile, Workspace
from outreach_app.storage.profile import Profile

PASSPHRASE = "korrekt hest batteri hæfteklamme"
#: A Monday morning at the drop-in office.
START = datetime(2026, 3, 2, 9, 0, tzinfo=DANISH_TIME)


def fast_kdf() -> KdfParams:
    """Cheap Argon2id parameters so tests can make many vaults; the production
    minimums are tested on their own (tests/unit/crypto/test_kdf.py)."""
    return KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1, salt=new_salt())


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture(scope="session")
def recovery_key() -> RecoveryPrivateKey:
    return RecoveryPrivateKey.generate()


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    return Profile(tmp_path / "profile")


@pytest.fixture
def workspace(
    profile: Profile, clock: ManualClock, recovery_key: RecoveryPrivateKey
) -> Iterator[Workspace]:
    ws = Workspace.create(
        profile,
        PASSPHRASE,
        NewProfile("Karin Holm", "Gellerup"),
        recovery=recovery_key.public,
        clock=clock,
        kdf=fast_kdf(),
    )
    yield ws
    if ws.is_open:
        ws.close()
