"""Profile folders: one per consultant, each with its own vault.

<profile>/vault.sqlite3        the encrypted vault (+ -wal, -shm while open)
<profile>/backups/             copies taken before schema migrations
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import platformdirs

log = logging.getLogger(__name__)

VAULT_FILE = "vault.sqlite3"
APP_NAME = "outreach-app"


@dataclass(frozen=True, slots=True)
class Profile:
    root: Path

    @property
    def vault_file(self) -> Path:
        return self.root / VAULT_FILE

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    def exists(self) -> bool:
        return self.vault_file.is_file()

    def make_folder(self) -> None:
        """Create the folder readable by its owner only."""
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            self.root.chmod(0o700)


@dataclass(frozen=True, slots=True)
class ProfileInfo:
    profile: Profile
    label: str


def data_home() -> Path:
    """Where this user's profiles live; OUTREACH_HOME overrides (tests, portable use)."""
    override = os.environ.get("OUTREACH_HOME")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def profiles_root() -> Path:
    return data_home() / "profiles"


def demo_profile() -> Profile:
    return Profile(profiles_root() / "demo")


def list_profiles(root: Path | None = None) -> list[ProfileInfo]:
    """The vaults under ``root``, with the label each shows before unlocking."""
    root = root or profiles_root()
    if not root.is_dir():
        return []
    found = [Profile(p) for p in sorted(root.iterdir()) if (p / VAULT_FILE).is_file()]
    return [ProfileInfo(p, read_label(p) or p.root.name) for p in found]


def read_label(profile: Profile) -> str | None:
    """The profile's plaintext label, read without unlocking (None if unreadable)."""
    uri = f"file:{profile.vault_file}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            row = connection.execute("SELECT value FROM vault_meta WHERE key='label'").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        log.warning("could not read a profile label")
        return None
    return str(row[0]) if row else None
