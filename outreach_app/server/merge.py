"""Merging two citizens found to share a CPR number (SPEC §6.4)."""

from __future__ import annotations

import logging
from typing import Any

from outreach_app.protocol.kinds import STAMPS
from outreach_app.protocol.messages import Kind, NoticeType
from outreach_app.server.handover import after_assignment
from outreach_app.server.store import Row, Store

log = logging.getLogger(__name__)

WHO = "merge"


def merge_citizens(store: Store, one: Row, two: Row) -> Row:
    """Merge the later-created citizen into the earlier; returns the survivor."""
    survivor, other = (one, two) if one.first_rev <= two.first_rev else (two, one)
    survivor_owner = store.owner(survivor.id)
    other_owner = store.owner(other.id)
    for row in store.citizen_rows(other.id):
        if row.kind is not Kind.CITIZENS:
            _move(
                store,
                row,
                other_id=other.id,
                survivor_id=survivor.id,
                owned=survivor_owner is not None,
            )
    _fill(store, survivor, other)
    store.set_fields(other, {"merged_into": survivor.id, "updated_at": store.now}, who=WHO)
    other.deleted, other.merged_into, other.cpr_digest = True, survivor.id, None
    store.save(other, new=False)
    for consultant in {c for c in (survivor_owner, other_owner) if c is not None}:
        store.notice(
            consultant, NoticeType.MERGED.value, from_citizen=other.id, into_citizen=survivor.id
        )
    store.audit(
        actor="system",
        action="citizens.merge",
        outcome="applied",
        citizen_id=survivor.id,
        kind=Kind.CITIZENS.value,
        record_id=other.id,
    )
    log.info("citizen %s merged into %s", other.id, survivor.id)
    return survivor


def _move(store: Store, row: Row, *, other_id: str, survivor_id: str, owned: bool) -> None:
    """Rewrite the record's citizen; the other's active assignment ends if the survivor
    has one, and otherwise carries on for the survivor."""
    was_active = row.active
    ending = row.kind is Kind.ASSIGNMENTS and was_active and owned
    changes: dict[str, object] = {"citizen_id": survivor_id}
    if ending:
        changes["ended_at"] = store.now
    store.set_fields(row, changes, who=WHO)
    store.save(row, new=False)
    if row.kind is not Kind.ASSIGNMENTS or not was_active:
        return
    if not ending:
        after_assignment(store, row, was_active=False)
        return
    row.ended_rev = row.rev
    store.save(row, new=False)
    if row.consultant_id and store.owner(survivor_id) != row.consultant_id:
        store.notice(row.consultant_id, NoticeType.LEFT_SCOPE.value, citizen_id=other_id)


def _fill(store: Store, survivor: Row, other: Row) -> None:
    empty: tuple[Any, ...] = (None, "", [], {})
    missing = {
        name: value
        for name, value in other.fields.items()
        if name not in STAMPS
        and name != "merged_into"
        and value not in empty
        and survivor.fields.get(name) in empty
    }
    store.set_fields(survivor, {**missing, "updated_at": store.now}, who=WHO)
    store.save(survivor, new=False)
