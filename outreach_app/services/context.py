"""What every service shares: the open vault, its repositories, the access log,
the clock, the consultant who owns the vault, and the name index."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection

from outreach_app.domain.audit import AccessAction
from outreach_app.domain.clock import Clock, local_today
from outreach_app.domain.ids import CitizenId, ConsultantId
from outreach_app.services.audit import AccessLog
from outreach_app.services.search import NameIndex
from outreach_app.storage.repos import Repositories
from outreach_app.storage.vault import Vault


@dataclass(slots=True)
class Context:
    vault: Vault
    repos: Repositories
    audit: AccessLog
    clock: Clock
    me: ConsultantId
    index: NameIndex

    def now(self) -> datetime:
        return self.clock.now()

    def today(self) -> date:
        return local_today(self.clock)

    @contextmanager
    def write(
        self, action: AccessAction, citizen_id: CitizenId | None = None, detail: str = ""
    ) -> Iterator[Connection]:
        """A write transaction that also logs ``action`` (both commit or neither)."""
        with self.vault.write() as connection:
            yield connection
            self.audit.record(connection, action, citizen_id=citizen_id, detail=detail)

    def read(self) -> AbstractContextManager[Connection]:
        """A read transaction that is not logged (lists, counts, reports' inputs)."""
        return self.vault.read()
