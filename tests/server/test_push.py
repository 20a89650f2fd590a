"""Push semantics (SPEC §6): idempotency, per-field merge and conflicts, finished notes,
quarantine; and pull pagination (§7)."""

from __future__ import annotations

import random

from outreach_app.protocol.messages import MAX_RECORD_BYTES, Kind, NoticeType, Outcome
from tests.server.helpers import (
    Team,
    change,
    delete,
    enrol,
    http,
    log_entry,
    new_contact,
    new_note,
    uid,
    walk_in,
)
from tests.support.server import RunningServer


def _outcomes(answer: object) -> list[str]:
    return [r.outcome.value for r in answer.results]  # type: ignore[attr-defined]


def test_the_same_batch_five_times_applies_once(team: Team) -> None:
    """A retried batch gets `duplicate` with the revs of the first answer and changes
    nothing: the service's seq stays where it was."""
    karin = team.karin
    citizen, changes = walk_in(karin)
    changes += [new_contact(citizen, karin.consultant_id) for _ in range(3)]
    first = karin.push(*changes)
    assert _outcomes(first) == ["applied"] * 5
    for _ in range(4):
        again = karin.push(*changes)
        assert _outcomes(again) == ["duplicate"] * 5
        assert [r.rev for r in again.results] == [r.rev for r in first.results]
        assert again.server_seq == first.server_seq or again.server_seq > first.server_seq
    karin.pull()
    contacts = [k for k in karin.records if k[0] == Kind.CONTACTS.value]
    assert len(contacts) == 3


def test_reordered_and_half_batches_apply_each_change_once(team: Team) -> None:
    """Half a batch, then the whole batch reversed, then the rest: every change is
    applied exactly once, and each change id keeps its first rev."""
    karin = team.karin
    citizen, head = walk_in(karin)
    karin.push(*head)
    changes = [new_contact(citizen, karin.consultant_id) for _ in range(8)]
    first = karin.push(*changes[:4])
    shuffled = list(reversed(changes))
    random.Random(7).shuffle(shuffled)
    second = karin.push(*shuffled)
    revs = {r.change_id: r.rev for r in (*first.results, *second.results) if r.rev}
    applied = [r for r in second.results if r.outcome is Outcome.APPLIED]
    assert len(applied) == 4
    assert len(set(revs.values())) == 8
    karin.pull()
    assert sum(1 for k in karin.records if k[0] == Kind.CONTACTS.value) == 8


def test_fields_merge_one_by_one_and_real_conflicts_are_kept(
    server: RunningServer, team: Team
) -> None:
    """Two laptops of one consultant edit the same citizen from the same base rev:
    different fields both apply; the same field with different values is a conflict
    that keeps the service's value and reaches the consultant as a notice."""
    karin = team.karin
    with http(server) as client:
        second = enrol(server, client, karin.consultant_id)
        citizen, changes = walk_in(karin, phone="11111111", email=None)
        base = karin.push(*changes).results[1].rev
        one = karin.push(change(Kind.CITIZENS, citizen, base_rev=base, phone="22222222"))
        assert _outcomes(one) == ["applied"]
        other = second.push(
            change(Kind.CITIZENS, citizen, base_rev=base, phone="33333333", email="a@b.dk")
        )
        result = other.results[0]
        assert result.outcome is Outcome.CONFLICT
        assert [(c.field, c.service_value, c.device_value) for c in result.conflicts] == [
            ("phone", "22222222", "33333333")
        ]
        second.pull()
        record = second.records[(Kind.CITIZENS.value, citizen)]
        assert record.fields["phone"] == "22222222"
        assert record.fields["email"] == "a@b.dk"
        notices = [n for n in second.notices if n.type is NoticeType.CONFLICT]
        assert [(n.id, n.field, n.device_value) for n in notices] == [
            (citizen, "phone", "33333333")
        ]
        same = second.push(change(Kind.CITIZENS, citizen, base_rev=base, phone="22222222"))
        assert _outcomes(same) == ["applied"]


def test_a_finished_note_never_changes_and_addenda_are_new_notes(team: Team) -> None:
    """A change to a finished note is quarantined (note_finished) unless it is an exact
    replay; a delete too. A correction is an addendum with corrects_id."""
    karin = team.karin
    citizen, changes = walk_in(karin)
    note_id = uid()
    draft = new_note(citizen, karin.consultant_id, "Første udkast", note_id=note_id)
    finished = new_note(
        citizen, karin.consultant_id, "Endelig tekst", status="finished", note_id=note_id
    )
    answer = karin.push(*changes, draft, finished)
    assert _outcomes(answer) == ["applied"] * 4
    rev = answer.results[-1].rev
    edit = change(Kind.NOTES, note_id, base_rev=rev, text="Ændret bagefter")
    replay = change(Kind.NOTES, note_id, base_rev=rev, text="Endelig tekst", status="finished")
    addendum = change(
        Kind.NOTES,
        uid(),
        citizen_id=citizen,
        consultant_id=karin.consultant_id,
        kind="drop_in",
        occurred_at=finished.fields["occurred_at"],
        text="Tilføjelse",
        status="finished",
        corrects_id=note_id,
    )
    answer = karin.push(edit, replay, delete(Kind.NOTES, note_id, base_rev=rev), addendum)
    assert _outcomes(answer) == ["quarantined", "applied", "quarantined", "applied"]
    assert answer.results[0].reason == "note_finished"
    assert answer.results[1].rev == rev
    karin.pull()
    assert karin.records[(Kind.NOTES.value, note_id)].fields["text"] == "Endelig tekst"


def test_finishing_a_draft_applies_the_whole_note(server: RunningServer, team: Team) -> None:
    """A draft edited elsewhere is finished as the finishing laptop wrote it."""
    karin = team.karin
    with http(server) as client:
        second = enrol(server, client, karin.consultant_id)
        citizen, changes = walk_in(karin)
        note_id = uid()
        answer = karin.push(*changes, new_note(citizen, karin.consultant_id, "v1", note_id=note_id))
        base = answer.results[-1].rev
        karin.push(change(Kind.NOTES, note_id, base_rev=base, text="v2 fra første"))
        done = second.push(
            change(Kind.NOTES, note_id, base_rev=base, text="v3 færdig", status="finished")
        )
        assert _outcomes(done) == ["applied"]
        karin.pull()
        assert karin.records[(Kind.NOTES.value, note_id)].fields["text"] == "v3 færdig"


def test_bad_changes_are_quarantined_without_blocking_the_rest(team: Team) -> None:
    """A wrong type, an unknown field, an unknown citizen and a bad CPR are quarantined
    with reasons; the changes after each are applied."""
    karin = team.karin
    citizen, changes = walk_in(karin)
    bad_type = change(
        Kind.CONTACTS,
        uid(),
        citizen_id=citizen,
        consultant_id=karin.consultant_id,
        kind="drop_in",
        occurred_at="not a time",
    )
    unknown_field = change(Kind.CITIZENS, citizen, favourite_colour="blå")
    orphan = new_contact(uid(), karin.consultant_id)
    bad_cpr = change(Kind.CITIZENS, citizen, cpr="991399-1234")
    good = new_contact(citizen, karin.consultant_id)
    answer = karin.push(*changes, bad_type, unknown_field, orphan, bad_cpr, good)
    assert _outcomes(answer) == ["applied", "applied", *["quarantined"] * 4, "applied"]
    reasons = [r.reason for r in answer.results[2:6]]
    assert all(reasons), reasons
    assert "unknown citizen" in reasons[2]
    assert "991399" not in " ".join(reasons)


def test_deleting_makes_a_tombstone_unless_changed_by_another(
    server: RunningServer, team: Team
) -> None:
    """A delete from an up-to-date base tombstones the record; a delete of a record
    another laptop changed since is a conflict and the record stays."""
    karin = team.karin
    with http(server) as client:
        second = enrol(server, client, karin.consultant_id)
        citizen, changes = walk_in(karin)
        first, other = (
            new_contact(citizen, karin.consultant_id),
            new_contact(citizen, karin.consultant_id),
        )
        answer = karin.push(*changes, first, other)
        rev_first, rev_other = answer.results[2].rev, answer.results[3].rev
        gone = karin.push(delete(Kind.CONTACTS, first.id, base_rev=rev_first))
        assert _outcomes(gone) == ["applied"]
        second.push(change(Kind.CONTACTS, other.id, base_rev=rev_other, duration_min=30))
        kept = karin.push(delete(Kind.CONTACTS, other.id, base_rev=rev_other))
        assert _outcomes(kept) == ["conflict"]
        karin.pull()
        assert karin.records[(Kind.CONTACTS.value, first.id)].deleted
        assert not karin.records[(Kind.CONTACTS.value, other.id)].deleted


def test_pull_pages_resume_from_the_cursor(server: RunningServer, team: Team) -> None:
    """Small pages return every record once, in seq order, with `more` until the end;
    a repeated page from an old cursor is the same page."""
    karin = team.karin
    citizen, changes = walk_in(karin)
    changes += [new_contact(citizen, karin.consultant_id) for _ in range(9)]
    karin.push(*changes)
    with http(server) as client:
        fresh = enrol(server, client, karin.consultant_id)
        first = fresh.pull_once(limit=4)
        assert first.more and len(first.records) + len(first.notices) == 4
        repeat = fresh.post("/v1/pull", {"cursor": 0, "limit": 4}).json()
        assert [r["id"] for r in repeat["records"]] == [r.id for r in first.records]
        pages = [first, *fresh.pull(limit=4)]
    revs = [r.rev for page in pages for r in page.records]
    assert revs == sorted(revs) and len(revs) == len(set(revs))
    assert not pages[-1].more
    assert sum(1 for k in fresh.records if k[0] == Kind.CONTACTS.value) == 10 - 1


def test_access_log_entries_are_stored_once(team: Team) -> None:
    """Entries are idempotent by id; the answer says through which seq they are kept."""
    karin = team.karin
    citizen, changes = walk_in(karin)
    entries = [log_entry(seq, citizen) for seq in (1, 2, 3)]
    first = karin.push_raw(changes, log=entries).json()
    assert first["access_log_through"] == 3
    again = karin.push_raw([], log=[*entries, log_entry(4, citizen)]).json()
    assert again["access_log_through"] == 4


def test_a_record_over_the_size_limit_is_quarantined_and_the_next_applied(team: Team) -> None:
    """A note just over 2 MiB of JSON (non-ASCII text, which JSON may escape) is
    quarantined with the reason; one just under it and the change after are applied."""
    karin = team.karin
    citizen, changes = walk_in(karin)
    limit = MAX_RECORD_BYTES
    over = new_note(citizen, karin.consultant_id, "æ" * (limit // 6 + 10))
    under = new_note(citizen, karin.consultant_id, "a" * (limit - 4096))
    answer = karin.push(*changes, over, under, new_contact(citizen, karin.consultant_id))
    assert _outcomes(answer) == ["applied", "applied", "quarantined", "applied", "applied"]
    assert "2 MiB" in answer.results[2].reason
