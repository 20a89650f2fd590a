"""The citizen's plan, milestones, progression scores and new information."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

from outreach_app.domain.audit import AccessAction
from outreach_app.domain.errors import ValidationError
from outreach_app.domain.ids import (
    CitizenId,
    InformationId,
    MilestoneId,
    PartnerId,
    PlanId,
    ScoreId,
    new_id,
)
from outreach_app.domain.information import InformationSource, NewInformation
from outreach_app.domain.milestones import Milestone, MilestoneKind
from outreach_app.domain.plan import Plan
from outreach_app.domain.progression import LifeArea, ProgressionScore
from outreach_app.services.context import Context
from outreach_app.storage import schema

PLAN_FIELDS = frozenset({"goal", "agreements", "activities", "next_contact"})


class PlanService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def get(self, citizen_id: CitizenId) -> Plan:
        """The citizen's plan (an empty one if none was written yet); the read is logged."""
        with self._ctx.write(AccessAction.CITIZEN_READ, citizen_id) as connection:
            found = self._ctx.repos.plans.find(connection, schema.plans.c.citizen_id == citizen_id)
        return (
            found[0]
            if found
            else Plan(id=PlanId(new_id()), citizen_id=citizen_id, updated_at=self._ctx.now())
        )

    def update(self, citizen_id: CitizenId, **changes: Any) -> Plan:
        """Change fields of the plan; each field is its own change."""
        unknown = set(changes) - PLAN_FIELDS
        if unknown:
            raise ValidationError(sorted(unknown)[0], "this is not a field of the plan")
        now = self._ctx.now()
        with self._ctx.write(AccessAction.PLAN_WRITE, citizen_id) as connection:
            self._ctx.repos.citizens.require(connection, citizen_id)
            found = self._ctx.repos.plans.find(connection, schema.plans.c.citizen_id == citizen_id)
            if not found:
                plan = Plan(id=PlanId(new_id()), citizen_id=citizen_id, updated_at=now, **changes)
                self._ctx.repos.plans.add(connection, plan, now=now)
                return plan
            after = dataclasses.replace(found[0], updated_at=now, **changes)
            self._ctx.repos.plans.save(connection, found[0], after, now=now)
        return after


class MilestoneService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def add(
        self,
        citizen_id: CitizenId,
        kind: MilestoneKind,
        *,
        starts_on: date,
        ends_on: date | None = None,
        partner_id: PartnerId | None = None,
        note: str = "",
    ) -> Milestone:
        milestone = Milestone(
            id=MilestoneId(new_id()),
            citizen_id=citizen_id,
            kind=kind,
            starts_on=starts_on,
            ends_on=ends_on,
            partner_id=partner_id,
            note=note,
        )
        with self._ctx.write(AccessAction.MILESTONE_WRITE, citizen_id) as connection:
            self._ctx.repos.citizens.require(connection, citizen_id)
            self._ctx.repos.milestones.add(connection, milestone, now=self._ctx.now())
        return milestone

    def end(self, milestone_id: MilestoneId, on: date) -> Milestone:
        with self._ctx.vault.write() as connection:
            before = self._ctx.repos.milestones.require(connection, milestone_id)
            after = dataclasses.replace(before, ends_on=on)
            self._ctx.repos.milestones.save(connection, before, after, now=self._ctx.now())
            self._ctx.audit.record(
                connection, AccessAction.MILESTONE_WRITE, citizen_id=before.citizen_id
            )
        return after

    def for_citizen(self, citizen_id: CitizenId) -> list[Milestone]:
        table = schema.milestones
        with self._ctx.read() as connection:
            return self._ctx.repos.milestones.find(
                connection, table.c.citizen_id == citizen_id, order_by=(table.c.starts_on,)
            )

    def all(self) -> list[Milestone]:
        """Every milestone on this laptop (for reports)."""
        with self._ctx.read() as connection:
            return self._ctx.repos.milestones.find(
                connection, order_by=(schema.milestones.c.starts_on,)
            )


class ProgressionService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def score(
        self,
        citizen_id: CitizenId,
        area: LifeArea,
        score: int,
        *,
        on: date | None = None,
        note: str = "",
    ) -> ProgressionScore:
        entry = ProgressionScore(
            id=ScoreId(new_id()),
            citizen_id=citizen_id,
            consultant_id=self._ctx.me,
            area=area,
            score=score,
            scored_on=on or self._ctx.today(),
            note=note,
        )
        with self._ctx.write(AccessAction.SCORE_WRITE, citizen_id) as connection:
            self._ctx.repos.citizens.require(connection, citizen_id)
            self._ctx.repos.scores.add(connection, entry, now=self._ctx.now())
        return entry

    def history(self, citizen_id: CitizenId) -> list[ProgressionScore]:
        """The citizen's scores, oldest first."""
        table = schema.scores
        with self._ctx.read() as connection:
            return self._ctx.repos.scores.find(
                connection,
                table.c.citizen_id == citizen_id,
                order_by=(table.c.scored_on, table.c.created_at),
            )

    def all(self) -> list[ProgressionScore]:
        table = schema.scores
        with self._ctx.read() as connection:
            return self._ctx.repos.scores.find(connection, order_by=(table.c.scored_on,))


class InformationService:
    """New information from outside; an open item suggests an extra meeting."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def register(
        self,
        citizen_id: CitizenId,
        source: InformationSource,
        *,
        summary: str = "",
        partner_id: PartnerId | None = None,
        received_at: datetime | None = None,
    ) -> NewInformation:
        item = NewInformation(
            id=InformationId(new_id()),
            citizen_id=citizen_id,
            source=source,
            received_at=received_at or self._ctx.now(),
            summary=summary,
            partner_id=partner_id,
        )
        with self._ctx.write(AccessAction.INFORMATION_WRITE, citizen_id) as connection:
            self._ctx.repos.citizens.require(connection, citizen_id)
            self._ctx.repos.information.add(connection, item, now=self._ctx.now())
        return item

    def mark_handled(self, information_id: InformationId) -> NewInformation:
        with self._ctx.vault.write() as connection:
            before = self._ctx.repos.information.require(connection, information_id)
            after = before.handled(self._ctx.now())
            self._ctx.repos.information.save(connection, before, after, now=self._ctx.now())
            self._ctx.audit.record(
                connection, AccessAction.INFORMATION_WRITE, citizen_id=before.citizen_id
            )
        return after

    def open_items(self) -> list[NewInformation]:
        table = schema.information
        with self._ctx.read() as connection:
            return self._ctx.repos.information.find(
                connection, table.c.handled_at.is_(None), order_by=(table.c.received_at,)
            )

    def for_citizen(self, citizen_id: CitizenId) -> list[NewInformation]:
        table = schema.information
        with self._ctx.read() as connection:
            return self._ctx.repos.information.find(
                connection, table.c.citizen_id == citizen_id, order_by=(table.c.received_at.desc(),)
            )
