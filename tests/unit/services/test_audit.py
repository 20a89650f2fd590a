"""The access log's chain and head: an entry removed anywhere, even the newest, shows."""

from __future__ import annotations

import sqlite3

from outreach_app.services.workspace import Workspace
from outreach_app.storage.profile import Profile
from tests.conftest import PASSPHRASE


def _raw_delete_newest(profile: Profile) -> None:
    """What someone with the file but without the key could do."""
    connection = sqlite3.connect(profile.vault_file)
    connection.execute("DROP TRIGGER access_log_no_delete")
    connection.execute("DELETE FROM access_log WHERE seq = (SELECT max(seq) FROM access_log)")
    connection.commit()
    connection.close()


def test_removing_the_newest_entries_is_detected(workspace: Workspace, profile: Profile) -> None:
    citizen = workspace.citizens.register(first_name="Amina")
    workspace.citizens.get(citizen.id)
    assert workspace.audit.verify() == []
    clock = workspace.clock
    workspace.close()
    _raw_delete_newest(profile)
    reopened = Workspace.open(profile, PASSPHRASE, clock=clock)
    try:
        problems = reopened.audit.verify()
        assert [p.reason for p in problems] == ["the newest entries were removed"]
    finally:
        reopened.close()


def test_an_intact_log_after_many_writes_verifies(workspace: Workspace) -> None:
    for name in ("Amina", "Bo", "Cem"):
        workspace.citizens.get(workspace.citizens.register(first_name=name).id)
    assert workspace.audit.verify() == []
    assert workspace.audit.count() == 6
