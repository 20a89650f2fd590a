"""Two laptops and the central service, end to end."""

from __future__ import annotations

from typing import Any

import pytest

from outreach_app.domain.contacts import ContactKind
from outreach_app.protocol.messages import Change, Kind, Outcome, PushRequest
from outreach_app.sync.errors import CertificateMismatch
from outreach_app.sync.transport import Transport
from tests.sync.conftest import Device, Office


def walk_in(
    device: Device, first: str, *, cpr: str | None = None, text: str = ""
) -> tuple[str, str]:
    citizen = device.ws.citizens.register(first_name=first, phone="20304050", cpr=cpr)
    note = device.ws.notes.start(citizen.id, kind=ContactKind.DROP_IN)
    device.ws.notes.finish(note.id, text=text or f"Samtale med {first} om praktik.")
    return citizen.id, note.id


def test_a_walk_in_written_offline_reaches_the_service_and_a_second_laptop(
    office: Office, devices: Any
) -> None:
    karin = devices(office, "Karin")
    citizen_id, note_id = walk_in(karin, "Ayaan", text="Aftalt: CV til fredag. 🙂 مرحبا")
    first = karin.sync()
    assert first.applied == first.pushed > 0 and first.quarantined == first.forbidden == 0
    assert karin.ws.pending_changes() == 0

    spare = devices(office, "Karin")  # the same consultant's second laptop
    spare.sync()
    assert spare.notes() == karin.notes()
    assert spare.notes()[note_id][2] == "Aftalt: CV til fredag. 🙂 مرحبا"
    assert spare.ws.citizens.hit(citizen_id) is not None  # type: ignore[arg-type]

    again = karin.sync()
    assert again.pushed == again.pulled == 0  # nothing new on either side


def test_a_laptop_sees_and_changes_only_its_consultants_citizens(
    office: Office, devices: Any
) -> None:
    karin, omar = devices(office, "Karin"), devices(office, "Omar")
    karins_citizen, _ = walk_in(karin, "Hodan")
    omars_citizen, _ = walk_in(omar, "Bilal")
    karin.sync()
    omar.sync()
    karin.sync()
    assert karin.ws.citizens.hit(omars_citizen) is None
    assert omar.ws.citizens.hit(karins_citizen) is None

    # Karin's laptop tries to change Omar's citizen directly: refused, and logged.
    state = karin.state
    change = Change(
        change_id="0" * 8 + "-0000-4000-8000-" + "0" * 12,
        kind=Kind.CITIZENS,
        id=omars_citizen,
        base_rev=None,
        fields={"first_name": "Indtrænger"},
    )
    with Transport(
        state.url, state.certificate, device_id=state.device_id, credential=state.credential
    ) as transport:
        answer = transport.push(PushRequest(cursor=0, changes=[change]))
    assert answer.results[0].outcome is Outcome.FORBIDDEN
    omar.sync()
    assert omar.ws.citizens.get(omars_citizen).first_name == "Bilal"  # type: ignore[arg-type]
    audit = office.server.admin("audit", "--citizen", omars_citizen)
    assert "forbidden" in audit.lower()


def test_a_handover_keeps_the_old_owners_last_changes_then_moves_the_citizen(
    office: Office, devices: Any
) -> None:
    karin, omar = devices(office, "Karin"), devices(office, "Omar")
    citizen_id, note_id = walk_in(karin, "Sahra")
    karin.sync()
    office.server.admin("assign", citizen_id, "--to", office.consultant("Omar"))

    addendum = karin.ws.notes.addendum(note_id, "Tilføjet efter overdragelsen.")  # offline
    report = karin.sync()
    assert report.applied >= 1 and report.forbidden == 0
    assert report.removed == 1
    assert karin.ws.citizens.hit(citizen_id) is None

    omar.sync()
    notes = omar.notes()
    assert notes[addendum.id][2] == "Tilføjet efter overdragelsen."
    assert note_id in notes


def test_a_walk_in_given_a_known_cpr_is_merged_and_both_are_told(
    office: Office, devices: Any
) -> None:
    karin, omar = devices(office, "Karin"), devices(office, "Omar")
    omars_citizen, _ = walk_in(omar, "Farah", cpr="0101901234")
    omar.sync()
    walkin, walkin_note = walk_in(karin, "Farah")  # no CPR at the counter
    karin.sync()
    karin.ws.citizens.update(walkin, cpr="010190-1234")  # type: ignore[arg-type]
    report = karin.sync()
    assert report.merged == 1
    assert karin.ws.citizens.hit(walkin) is None  # type: ignore[arg-type]

    omar_report = omar.sync()
    assert omar_report.merged == 1
    notes = omar.notes()
    assert notes[walkin_note][0] == omars_citizen  # the note moved, never dropped


def test_a_server_with_another_certificate_is_refused_before_anything_is_sent(
    office: Office, devices: Any, tmp_path: Any
) -> None:
    from tests.support.server import start_server

    karin = devices(office, "Karin")
    walk_in(karin, "Idil")
    with start_server(tmp_path / "impostor") as impostor:
        karin.point_at(impostor.url)
        with pytest.raises(CertificateMismatch):
            karin.sync()
    assert karin.ws.pending_changes() > 0


def test_an_outbox_spanning_many_pushes_is_accepted_whole(
    office: Office, devices: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from outreach_app.services.demo import populate_demo
    from outreach_app.sync import outgoing

    karin = devices(office, "Karin")
    populate_demo(karin.ws, citizens=12, seed=8)
    pending = karin.ws.pending_changes()
    monkeypatch.setattr(outgoing, "MAX_CHANGES", 7)  # pushes end anywhere in a citizen
    report = karin.sync()
    assert report.pushed == pending
    assert report.quarantined == report.forbidden == 0
    assert report.applied == pending
