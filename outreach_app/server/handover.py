"""What follows an assignment change: a citizen entering a consultant's scope gets
every record re-stamped (so it appears in that consultant's feed), a citizen leaving
it leaves a ``left_scope`` notice for the old consultant (SPEC §6.3, §7)."""

from __future__ import annotations

import logging

from outreach_app.domain.ids import new_id
from outreach_app.protocol.messages import Kind, NoticeType
from outreach_app.server.store import Row, Store

log = logging.getLogger(__name__)


def after_assignment(store: Store, row: Row, *, was_active: bool) -> None:
    """Notices and re-stamping after ``row`` (an assignment) was saved."""
    citizen, consultant = row.citizen_id, row.consultant_id
    if citizen is None or consultant is None:
        return
    if was_active and not row.active:
        row.ended_rev = row.rev
        store.save(row, new=False)
        if store.owner(citizen) != consultant:
            store.notice(consultant, NoticeType.LEFT_SCOPE.value, citizen_id=citizen)
    elif row.active and not was_active:
        count = store.restamp_citizen(citizen)
        log.info("citizen %s entered a consultant's scope; %d records re-stamped", citizen, count)


def end_assignment(store: Store, row: Row, *, who: str) -> None:
    """End an active assignment now."""
    store.set_fields(row, {"ended_at": store.now, "updated_at": store.now}, who=who)
    row.active = False
    store.save(row, new=False)
    after_assignment(store, row, was_active=True)


def assign(store: Store, citizen_id: str, consultant_id: str, *, who: str, reason: str) -> Row:
    """End the citizen's active assignments and give the citizen to ``consultant_id``."""
    for current in store.active_assignments(citizen_id):
        end_assignment(store, current, who=who)
    fields = {
        "citizen_id": citizen_id,
        "consultant_id": consultant_id,
        "started_at": store.now,
        "ended_at": None,
        "reason": reason,
        "created_at": store.now,
        "updated_at": store.now,
        "deleted_at": None,
    }
    row = Row(kind=Kind.ASSIGNMENTS, id=new_id(), fields={})
    store.set_fields(row, fields, who=who)
    store.save(row, new=True)
    after_assignment(store, row, was_active=False)
    return row
