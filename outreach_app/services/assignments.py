"""One consultant per citizen: the assignment history and handovers."""

from __future__ import annotations

import json

from outreach_app.domain.audit import AccessAction
from outreach_app.domain.ids import CitizenId, ConsultantId
from outreach_app.domain.people import Assignment, Consultant, active_assignment, hand_over
from outreach_app.services.context import Context
from outreach_app.storage import schema


class AssignmentService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def history(self, citizen_id: CitizenId) -> list[Assignment]:
        table = schema.assignments
        with self._ctx.read() as connection:
            return self._ctx.repos.assignments.find(
                connection, table.c.citizen_id == citizen_id, order_by=(table.c.started_at,)
            )

    def current(self, citizen_id: CitizenId) -> Assignment | None:
        return active_assignment(self.history(citizen_id))

    def hand_over(self, citizen_id: CitizenId, to: ConsultantId, *, reason: str) -> Assignment:
        """Make ``to`` the citizen's consultant; the history keeps who had them and why.
        The records stay on this laptop until the handover has been synchronised."""
        now = self._ctx.now()
        with self._ctx.write(
            AccessAction.ASSIGNMENT_CHANGE, citizen_id, detail=json.dumps({"to": to})
        ) as connection:
            history = self._ctx.repos.assignments.find(
                connection, schema.assignments.c.citizen_id == citizen_id
            )
            ended, started = hand_over(history, citizen_id=citizen_id, to=to, at=now, reason=reason)
            if ended is not None:
                before = next(a for a in history if a.id == ended.id)
                self._ctx.repos.assignments.save(connection, before, ended, now=now)
            self._ctx.repos.assignments.add(connection, started, now=now)
        return started

    def consultant(self, consultant_id: ConsultantId) -> Consultant | None:
        with self._ctx.read() as connection:
            return self._ctx.repos.consultants.get(connection, consultant_id)
