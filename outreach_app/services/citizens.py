"""Finding, registering and updating citizens; one consultant per citizen."""

from __future__ import annotations

import json
import logging
from typing import Any

from sqlalchemy import Connection, select

from outreach_app.domain.audit import AccessAction
from outreach_app.domain.cpr import looks_like_cpr, parse_cpr
from outreach_app.domain.errors import DuplicateCpr, InvalidCpr, ValidationError
from outreach_app.domain.ids import AssignmentId, CitizenId, PlanId, new_id
from outreach_app.domain.people import (
    Assignment,
    Citizen,
    CitizenStatus,
    Language,
    TargetGroup,
)
from outreach_app.domain.phone import looks_like_phone
from outreach_app.domain.plan import Plan
from outreach_app.services.context import Context
from outreach_app.services.search import CitizenHit
from outreach_app.storage import schema

log = logging.getLogger(__name__)

EDITABLE = frozenset(
    {
        "first_name",
        "last_name",
        "cpr",
        "phone",
        "email",
        "address",
        "target_group",
        "language",
        "status",
    }
)


class CitizenService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    # -- finding ---------------------------------------------------------------

    def search(self, query: str, *, limit: int = 200) -> list[CitizenHit]:
        """Citizens matching a name, a CPR number in any common form, or a phone number.
        The search is logged with its criterion (encrypted), not its result."""
        text = query.strip()
        if not text:
            return []
        kind, hits = self._lookup(text, limit)
        with self._ctx.write(AccessAction.SEARCH, detail=json.dumps({"by": kind, "q": text})):
            pass
        return hits

    def _lookup(self, text: str, limit: int) -> tuple[str, list[CitizenHit]]:
        if looks_like_cpr(text):
            try:
                digits = parse_cpr(text).digits
            except InvalidCpr:
                return "cpr", []
            return "cpr", self._by_digest(
                schema.citizens.c.cpr_bidx, self._ctx.repos.cpr_digest(digits)
            )
        if looks_like_phone(text):
            return "phone", self._by_digest(
                schema.citizens.c.phone_bidx, self._ctx.repos.phone_digest(text)
            )
        return "name", self._ctx.index.search(text, limit=limit)

    def _by_digest(self, column: Any, digest: bytes) -> list[CitizenHit]:
        query = select(schema.citizens.c.id).where(
            column == digest, schema.citizens.c.deleted_at.is_(None)
        )
        with self._ctx.read() as connection:
            ids = connection.execute(query).scalars().all()
        return [hit for i in ids if (hit := self._ctx.index.get(CitizenId(i))) is not None]

    def find_by_cpr(self, cpr: str) -> CitizenHit | None:
        """The citizen with this CPR number, if registered (not logged: a check, not a read)."""
        digits = parse_cpr(cpr).digits
        found = self._by_digest(schema.citizens.c.cpr_bidx, self._ctx.repos.cpr_digest(digits))
        return found[0] if found else None

    def mine(self) -> list[CitizenHit]:
        """Every citizen on this laptop, by name (a list, not a read of any record)."""
        return self._ctx.index.all()

    def hit(self, citizen_id: CitizenId) -> CitizenHit | None:
        return self._ctx.index.get(citizen_id)

    # -- reading ---------------------------------------------------------------

    def get(self, citizen_id: CitizenId) -> Citizen:
        """The citizen's record; the read is logged."""
        with self._ctx.write(AccessAction.CITIZEN_READ, citizen_id) as connection:
            return self._ctx.repos.citizens.require(connection, citizen_id)

    def reveal_cpr(self, citizen_id: CitizenId) -> str:
        """The full CPR number (DDMMYY-SSSS); revealing it is logged."""
        with self._ctx.write(AccessAction.CPR_REVEAL, citizen_id) as connection:
            citizen = self._ctx.repos.citizens.require(connection, citizen_id)
        return parse_cpr(citizen.cpr).formatted if citizen.cpr else ""

    # -- writing ---------------------------------------------------------------

    def register(
        self,
        *,
        first_name: str,
        last_name: str = "",
        phone: str | None = None,
        cpr: str | None = None,
        email: str = "",
        address: str = "",
        target_group: TargetGroup | None = None,
        language: Language = Language.DANISH,
    ) -> Citizen:
        """Register a citizen with what is known and assign them to me.

        A CPR number already in the vault raises DuplicateCpr naming the existing
        citizen, so the screen can offer to open them instead."""
        now = self._ctx.now()
        citizen = Citizen(
            id=CitizenId(new_id()),
            first_name=first_name,
            last_name=last_name,
            phone=phone or None,
            cpr=self._checked_cpr(cpr),
            email=email,
            address=address,
            target_group=target_group,
            language=language,
            created_at=now,
            updated_at=now,
        )
        with self._ctx.write(AccessAction.CITIZEN_CREATE, citizen.id) as connection:
            self._refuse_duplicate(connection, citizen)
            self._ctx.repos.citizens.add(connection, citizen, now=now)
            self._ctx.repos.assignments.add(
                connection,
                Assignment(
                    id=AssignmentId(new_id()),
                    citizen_id=citizen.id,
                    consultant_id=self._ctx.me,
                    started_at=now,
                    reason="registered",
                ),
                now=now,
            )
            self._ctx.repos.plans.add(
                connection,
                Plan(id=PlanId(new_id()), citizen_id=citizen.id, updated_at=now),
                now=now,
            )
        self._ctx.index.put(citizen)
        log.info("citizen %s registered", citizen.id)
        return citizen

    def update(self, citizen_id: CitizenId, **changes: Any) -> Citizen:
        """Change the citizen's details; only the given fields change."""
        unknown = set(changes) - EDITABLE
        if unknown:
            raise ValidationError(sorted(unknown)[0], "this field cannot be changed here")
        if "cpr" in changes:
            changes["cpr"] = self._checked_cpr(changes["cpr"])
        if changes.get("phone") == "":
            changes["phone"] = None
        with self._ctx.write(
            AccessAction.CITIZEN_UPDATE, citizen_id, detail=json.dumps(sorted(changes))
        ) as connection:
            before = self._ctx.repos.citizens.require(connection, citizen_id)
            after = before.with_changes(now=self._ctx.now(), **changes)
            if after.cpr != before.cpr:
                self._refuse_duplicate(connection, after)
            self._ctx.repos.citizens.save(connection, before, after, now=self._ctx.now())
        self._ctx.index.put(after)
        return after

    def close_case(self, citizen_id: CitizenId) -> Citizen:
        return self.update(citizen_id, status=CitizenStatus.CLOSED)

    def _checked_cpr(self, cpr: str | None) -> str | None:
        if cpr is None or not cpr.strip():
            return None
        return parse_cpr(cpr, today=self._ctx.today()).digits

    def _refuse_duplicate(self, connection: Connection, citizen: Citizen) -> None:
        if citizen.cpr is None:
            return
        existing = connection.execute(
            select(schema.citizens.c.id).where(
                schema.citizens.c.cpr_bidx == self._ctx.repos.cpr_digest(citizen.cpr),
                schema.citizens.c.deleted_at.is_(None),
                schema.citizens.c.id != citizen.id,
            )
        ).scalar()
        if existing is not None:
            raise DuplicateCpr(existing)
