"""The main office's reports: the same indicators the desktop shows, computed from
the service's records of one office (every citizen assigned to one of its consultants
at any time) with the same code (``outreach_app.reporting``)."""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, select

from outreach_app.domain.contacts import AppointmentStatus, Attendance, ContactKind
from outreach_app.domain.ids import ConsultantId, PartnerId
from outreach_app.domain.milestones import MilestoneKind
from outreach_app.domain.partners import ReferralStatus
from outreach_app.domain.progression import LifeArea
from outreach_app.protocol.messages import Kind
from outreach_app.reporting.facts import (
    AppointmentFact,
    AssignmentFact,
    ContactFact,
    MilestoneFact,
    ReferralFact,
    ReportFacts,
    ScoreFact,
    local_day,
)
from outreach_app.reporting.indicators import Period, Report, compute_report
from outreach_app.server import tables as t
from outreach_app.server.keys import ServerKeys

log = logging.getLogger(__name__)

Fields = dict[str, Any]


def office_report(engine: Engine, keys: ServerKeys, *, office_id: str, period: Period) -> Report:
    with engine.connect() as conn:
        facts = office_facts(conn, keys, office_id)
    return compute_report(facts, period)


def office_facts(conn: Connection, keys: ServerKeys, office_id: str) -> ReportFacts:
    consultants = _records(conn, keys, Kind.CONSULTANTS, t.records.c.office_id == office_id)
    ids = {r["id"] for r in consultants}
    assignments = [
        a
        for a in _records(conn, keys, Kind.ASSIGNMENTS, t.records.c.consultant_id.in_(ids))
        if a["consultant_id"] in ids
    ]
    citizens = {a["citizen_id"] for a in assignments}
    mine = t.records.c.citizen_id.in_(citizens)
    partners = _records(conn, keys, Kind.PARTNERS, t.records.c.office_id == office_id)
    return ReportFacts(
        contacts=[_contact(f) for f in _records(conn, keys, Kind.CONTACTS, mine)],
        appointments=[_appointment(f) for f in _records(conn, keys, Kind.APPOINTMENTS, mine)],
        milestones=[_milestone(f) for f in _records(conn, keys, Kind.MILESTONES, mine)],
        scores=[_score(f) for f in _records(conn, keys, Kind.SCORES, mine) if f.get("score")],
        referrals=[_referral(f) for f in _records(conn, keys, Kind.REFERRALS, mine)],
        assignments=[_assignment(a) for a in assignments],
        partners={PartnerId(p["id"]): str(p.get("name") or "") for p in partners},
        consultants={ConsultantId(c["id"]): str(c.get("name") or "") for c in consultants},
    )


def _records(conn: Connection, keys: ServerKeys, kind: Kind, where: Any) -> list[Fields]:
    r = t.records
    query = select(r.c.id, r.c.sealed).where(r.c.kind == kind.value, r.c.deleted.is_(False), where)
    opened = []
    for row in conn.execute(query):
        fields = keys.unseal(row.sealed, table="records", column=kind.value, row_id=row.id)
        opened.append({**fields, "id": row.id})
    return opened


def _time(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _contact(f: Fields) -> ContactFact:
    attendance = f.get("attendance")
    return ContactFact(
        f["citizen_id"],
        ContactKind(f["kind"]),
        local_day(_time(f["occurred_at"])),
        attendance in (None, Attendance.ATTENDED.value),
    )


def _appointment(f: Fields) -> AppointmentFact:
    return AppointmentFact(
        f["citizen_id"],
        ContactKind(f["kind"]),
        local_day(_time(f["starts_at"])),
        AppointmentStatus(f["status"]),
    )


def _milestone(f: Fields) -> MilestoneFact:
    return MilestoneFact(
        f["citizen_id"],
        MilestoneKind(f["kind"]),
        date.fromisoformat(f["starts_on"]),
        _date(f.get("ends_on")),
    )


def _score(f: Fields) -> ScoreFact:
    return ScoreFact(
        f["citizen_id"], LifeArea(f["area"]), date.fromisoformat(f["scored_on"]), int(f["score"])
    )


def _referral(f: Fields) -> ReferralFact:
    return ReferralFact(
        f["citizen_id"],
        f["partner_id"],
        date.fromisoformat(f["referred_on"]),
        ReferralStatus(f["status"]),
    )


def _assignment(f: Fields) -> AssignmentFact:
    ended = f.get("ended_at")
    last = None if not ended else local_day(_time(ended)) - timedelta(days=1)
    return AssignmentFact(
        f["citizen_id"], f["consultant_id"], local_day(_time(f["started_at"])), last
    )
