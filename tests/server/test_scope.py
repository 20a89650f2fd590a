"""Scope and authorisation across consultants (SPEC §6.3), handover, and merging
citizens by CPR number (§6.4)."""

from __future__ import annotations

from outreach_app.protocol.messages import Kind, NoticeType, Outcome
from tests.server.helpers import (
    Team,
    admin_for,
    change,
    new_assignment,
    new_contact,
    new_note,
    uid,
    walk_in,
)
from tests.support.server import RunningServer


def _audit(server: RunningServer, citizen: str) -> list[dict[str, object]]:
    with admin_for(server) as admin:
        return admin.audit(citizen=citizen)


def test_a_device_cannot_touch_or_see_another_consultants_citizen(
    server: RunningServer, team: Team
) -> None:
    """Omar's laptop may not change Karin's citizen, add records to it or take it; it
    never receives it; each refusal is in the central audit log."""
    karin, omar = team.karin, team.omar
    citizen, changes = walk_in(karin)
    karin.push(*changes, new_note(citizen, karin.consultant_id, "Karins note"))
    attempts = [
        change(Kind.CITIZENS, citizen, phone="12345678"),
        new_contact(citizen, omar.consultant_id),
        new_assignment(citizen, omar.consultant_id),
    ]
    answer = omar.push(*attempts)
    assert [r.outcome for r in answer.results] == [
        Outcome.FORBIDDEN,
        Outcome.FORBIDDEN,
        Outcome.FORBIDDEN,
    ]
    omar.pull()
    assert not any(r.kind not in (Kind.OFFICES, Kind.CONSULTANTS) for r in omar.records.values())
    refused = [e for e in _audit(server, citizen) if e.get("outcome") == "forbidden"]
    assert len(refused) == 3
    assert {e["device_id"] for e in refused} == {omar.id}
    karin.pull()
    assert karin.has(Kind.CITIZENS, citizen)
    assert karin.records[(Kind.CITIZENS.value, citizen)].fields.get("phone") is None


def test_devices_see_their_office_and_may_change_only_their_own_consultant(team: Team) -> None:
    """Office kinds flow to the office's devices; a device changes its own consultant
    record and partners, never the office or a colleague."""
    karin, omar = team.karin, team.omar
    partner = uid()
    karin.pull()
    own = karin.records[(Kind.CONSULTANTS.value, karin.consultant_id)]
    answer = karin.push(
        change(Kind.CONSULTANTS, karin.consultant_id, base_rev=own.rev, phone="70707070"),
        change(Kind.CONSULTANTS, omar.consultant_id, phone="70707070"),
        change(Kind.OFFICES, team.office_id, name="Omdøbt"),
        change(Kind.PARTNERS, partner, name="Café Nabo", kind="employer"),
    )
    assert [r.outcome.value for r in answer.results] == [
        "applied",
        "forbidden",
        "forbidden",
        "applied",
    ]
    omar.pull()
    assert omar.has(Kind.OFFICES, team.office_id)
    assert omar.has(Kind.PARTNERS, partner)
    assert omar.records[(Kind.CONSULTANTS.value, karin.consultant_id)].fields["phone"] == "70707070"


def test_handover_accepts_the_old_owners_pending_push_then_it_leaves(
    server: RunningServer, team: Team
) -> None:
    """SPEC §10 step 4: the main office hands Karin's citizen to Omar; Karin's laptop,
    still at its old cursor, pushes an addendum (accepted), then pulls a left_scope
    notice; Omar pulls every record, re-stamped, addendum included; Karin's next change
    is forbidden."""
    karin, omar = team.karin, team.omar
    citizen, changes = walk_in(karin)
    note = new_note(citizen, karin.consultant_id, "Før overdragelse", status="finished")
    karin.push(*changes, note)
    karin.pull()
    omar.pull()
    with admin_for(server) as admin:
        admin.assign(citizen, omar.consultant_id)
    addendum = new_note(citizen, karin.consultant_id, "Tilføjelse", status="finished")
    assert karin.push(addendum).results[0].outcome is Outcome.APPLIED
    karin.pull()
    assert [(n.type, n.citizen_id) for n in karin.notices] == [(NoticeType.LEFT_SCOPE, citizen)]
    late = karin.push(new_contact(citizen, karin.consultant_id))
    assert late.results[0].outcome is Outcome.FORBIDDEN
    omar.pull()
    assert omar.has(Kind.NOTES, note.id) and omar.has(Kind.NOTES, addendum.id)
    assert omar.has(Kind.CITIZENS, citizen)


def test_a_handover_at_the_counter_moves_the_citizen(team: Team) -> None:
    """Karin's laptop ends her assignment and starts one for Omar in one push; a second
    active assignment is refused by the assignment rule."""
    karin, omar = team.karin, team.omar
    citizen, changes = walk_in(karin)
    first = karin.push(*changes)
    assignment_id, rev = changes[0].id, first.results[0].rev
    twice = karin.push(new_assignment(citizen, omar.consultant_id))
    assert twice.results[0].reason == "assignment_rule"
    ended = change(
        Kind.ASSIGNMENTS, assignment_id, base_rev=rev, ended_at=changes[0].fields["started_at"]
    )
    answer = karin.push(ended, new_assignment(citizen, omar.consultant_id))
    assert [r.outcome for r in answer.results] == [Outcome.APPLIED, Outcome.APPLIED]
    omar.pull()
    assert omar.has(Kind.CITIZENS, citizen)
    karin.pull()
    assert (NoticeType.LEFT_SCOPE, citizen) in [(n.type, n.citizen_id) for n in karin.notices]


def test_a_walk_in_with_a_known_cpr_merges_into_the_existing_citizen(
    server: RunningServer, team: Team
) -> None:
    """Omar registered a citizen with a CPR number; Karin registers a walk-in without
    one, writes a note, and later adds the same CPR number: one citizen remains (Omar's,
    created first), Karin's note is moved to it, and both get a `merged` notice. A note
    Karin wrote before she pulled the merge still reaches the survivor."""
    karin, omar = team.karin, team.omar
    existing, changes = walk_in(omar, cpr="010190-1234")
    omar.push(*changes)
    walk, changes = walk_in(karin)
    note = new_note(walk, karin.consultant_id, "Skrevet ved skranken", status="finished")
    karin.push(*changes, note)
    karin.pull()
    before_merge = karin.cursor
    answer = karin.push(change(Kind.CITIZENS, walk, cpr="0101901234"))
    assert answer.results[0].outcome is Outcome.APPLIED
    omar.pull()
    karin.pull()
    merged = [(n.from_citizen, n.into_citizen) for n in omar.notices if n.type is NoticeType.MERGED]
    assert merged == [(walk, existing)]
    assert (walk, existing) in [
        (n.from_citizen, n.into_citizen) for n in karin.notices if n.type is NoticeType.MERGED
    ]
    moved = omar.records[(Kind.NOTES.value, note.id)]
    assert moved.fields["citizen_id"] == existing
    assert moved.fields["text"] == "Skrevet ved skranken"
    pending = new_note(walk, karin.consultant_id, "Sent", status="finished")
    later = karin.push(pending, cursor=before_merge)
    assert later.results[0].outcome is Outcome.APPLIED
    assert karin.push(new_contact(walk, karin.consultant_id)).results[0].outcome is (
        Outcome.FORBIDDEN
    )
    omar.pull()
    notes = [r for r in omar.records.values() if r.kind is Kind.NOTES]
    assert {r.fields["citizen_id"] for r in notes} == {existing}
    assert len(notes) == 2
    with admin_for(server) as admin:
        counts = admin.stats()
    omar_counts = next(c for c in counts["consultants"] if c["id"] == omar.consultant_id)
    assert (omar_counts["citizens"], omar_counts["notes"]) == (1, 2)


def test_a_push_is_audited_per_citizen_kind_and_outcome_naming_every_record(
    server: RunningServer, team: Team
) -> None:
    """One audit entry per citizen, kind, operation and outcome of a push, listing
    each record it covers in the order they came; a repeated change writes nothing and
    so adds no entry, and another citizen's records are never in this citizen's
    entries."""
    karin = team.karin
    first, head = walk_in(karin)
    second, other = walk_in(karin)
    contacts = [new_contact(first, karin.consultant_id) for _ in range(3)]
    notes = [new_note(first, karin.consultant_id, f"Samtale {i}") for i in range(2)]
    elsewhere = new_contact(second, karin.consultant_id)
    answer = karin.push(*head, *other, contacts[0], elsewhere, *contacts[1:], *notes, contacts[0])
    assert answer.results[-1].outcome is Outcome.DUPLICATE

    push_entries = [e for e in _audit(server, first) if str(e["action"]).startswith("push.")]
    grouped = {(e["action"], e["outcome"]): e["records"] for e in push_entries}
    assert len(push_entries) == len(grouped) == 4
    assert grouped[("push.contacts.upsert", "applied")] == [c.id for c in contacts]
    assert grouped[("push.notes.upsert", "applied")] == [n.id for n in notes]
    assert grouped[("push.citizens.upsert", "applied")] == [first]
    assert grouped[("push.assignments.upsert", "applied")] == [head[0].id]
    for entry in push_entries:
        records = entry["records"]
        assert isinstance(records, list) and entry["record_id"] == records[0]
        assert entry["device_id"] == karin.id and entry["citizen_id"] == first

    theirs = [e for e in _audit(server, second) if e["action"] == "push.contacts.upsert"]
    assert [e["records"] for e in theirs] == [[elsewhere.id]]
    assert "3 records" in server.admin("audit", "--citizen", first)
