"""A first walk through the Workspace: register, note, reopen."""

from __future__ import annotations

from outreach_app.services.workspace import Workspace
from outreach_app.storage.profile import Profile
from tests.conftest import PASSPHRASE


def test_a_finished_note_survives_closing_and_reopening(
    workspace: Workspace, profile: Profile
) -> None:
    """What is written and finished is there, exactly, after the vault is reopened."""
    citizen = workspace.citizens.register(
        first_name="Ahmed", last_name="Hassan", phone="12 34 56 78"
    )
    note = workspace.notes.start(citizen.id, text="Talte om brev fra Udbetaling Danmark.")
    workspace.notes.finish(note.id)
    clock = workspace.clock
    workspace.close()

    reopened = Workspace.open(profile, PASSPHRASE, clock=clock)
    try:
        assert [h.id for h in reopened.citizens.search("ahm")] == [citizen.id]
        notes = reopened.notes.for_citizen(citizen.id)
        assert [n.text for n in notes] == ["Talte om brev fra Udbetaling Danmark."]
        assert notes[0].finished
    finally:
        reopened.close()
