"""The append-only access log inside the vault.

Each entry is chained to the one before by an HMAC over (previous MAC, entry), so
an entry removed, altered or reordered in the file shows up in ``verify``. The
database refuses UPDATE and DELETE on the table. The detail (e.g. a search
criterion) is encrypted like every other free text; note text is never logged.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, func, insert, select

from outreach_app.crypto.errors import IntegrityError
from outreach_app.domain.audit import AccessAction, AccessEvent
from outreach_app.domain.ids import CitizenId, ConsultantId, new_id
from outreach_app.storage.codec import open_row, seal_row
from outreach_app.storage.schema import access_log, vault_meta
from outreach_app.storage.vault import Vault

log = logging.getLogger(__name__)

GENESIS = b"\x00" * 32
HEAD_KEY = "access_log_head"


@dataclass(frozen=True, slots=True)
class LogProblem:
    seq: int
    reason: str


def _entry_bytes(seq: int, row: dict[str, object], detail: str) -> bytes:
    at = row["at"]
    canonical = [
        seq,
        row["id"],
        at.isoformat() if isinstance(at, datetime) else at,
        row["consultant_id"],
        row["action"],
        row["citizen_id"],
        detail,
    ]
    return json.dumps(canonical, ensure_ascii=False, separators=(",", ":")).encode()


class AccessLog:
    """Who did what to which citizen's record, and when."""

    def __init__(self, vault: Vault, *, actor: ConsultantId) -> None:
        self._vault = vault
        self.actor = actor

    def record(
        self,
        connection: Connection,
        action: AccessAction,
        *,
        citizen_id: CitizenId | None = None,
        detail: str = "",
    ) -> None:
        """Append an entry inside the caller's write transaction."""
        last = connection.execute(
            select(access_log.c.seq, access_log.c.mac).order_by(access_log.c.seq.desc()).limit(1)
        ).first()
        seq = (last.seq + 1) if last else 1
        previous = bytes(last.mac) if last else GENESIS
        row: dict[str, object] = {
            "id": new_id(),
            "at": self._vault.clock.now(),
            "consultant_id": self.actor,
            "action": action.value,
            "citizen_id": citizen_id,
        }
        mac = self._vault.keys.log_mac.next(previous, _entry_bytes(seq, row, detail))
        sealed = seal_row(self._vault.codec, access_log, row | {"detail": detail})
        connection.execute(insert(access_log).values(sealed | {"seq": seq, "mac": mac}))
        self._write_head(connection, seq, mac)

    def _write_head(self, connection: Connection, seq: int, mac: bytes) -> None:
        """Remember the newest entry, MACed, so removing the newest entries shows too."""
        check = self._vault.keys.log_mac.next(b"head", str(seq).encode() + mac)
        head = json.dumps({"seq": seq, "mac": mac.hex(), "check": check.hex()})
        connection.execute(
            insert(vault_meta).prefix_with("OR REPLACE").values(key=HEAD_KEY, value=head)
        )

    def entries(
        self,
        *,
        citizen_id: CitizenId | None = None,
        since: datetime | None = None,
        limit: int | None = None,
    ) -> list[AccessEvent]:
        query = select(access_log).order_by(access_log.c.seq)
        if citizen_id is not None:
            query = query.where(access_log.c.citizen_id == citizen_id)
        if since is not None:
            query = query.where(access_log.c.at >= since)
        if limit is not None:
            query = query.limit(limit)
        with self._vault.read() as connection:
            rows = [
                open_row(self._vault.codec, access_log, r._mapping)
                for r in connection.execute(query)
            ]
        return [
            AccessEvent(
                at=r["at"],
                consultant_id=r["consultant_id"],
                action=AccessAction(r["action"]),
                citizen_id=r["citizen_id"],
                detail=r["detail"],
                seq=r["seq"],
            )
            for r in rows
        ]

    def count(self) -> int:
        with self._vault.read() as connection:
            return int(
                connection.execute(select(func.count()).select_from(access_log)).scalar_one()
            )

    def verify(self) -> list[LogProblem]:
        """Every break in the chain: altered, removed, reordered or undecryptable entries."""
        problems: list[LogProblem] = []
        previous, expected_seq = GENESIS, 1
        with self._vault.read() as connection:
            for stored in connection.execute(select(access_log).order_by(access_log.c.seq)):
                row = dict(stored._mapping)
                if row["seq"] != expected_seq:
                    problems.append(LogProblem(row["seq"], "entries missing before this one"))
                try:
                    detail = open_row(self._vault.codec, access_log, row)["detail"]
                except IntegrityError:
                    problems.append(LogProblem(row["seq"], "detail failed its integrity check"))
                    detail = None
                entry = _entry_bytes(row["seq"], row, str(detail))
                if detail is not None and not self._vault.keys.log_mac.verify(
                    previous, entry, bytes(row["mac"])
                ):
                    problems.append(LogProblem(row["seq"], "entry altered or out of order"))
                previous, expected_seq = bytes(row["mac"]), row["seq"] + 1
            problems += self._head_problems(connection, expected_seq - 1, previous)
        return problems

    def _head_problems(
        self, connection: Connection, last_seq: int, last_mac: bytes
    ) -> list[LogProblem]:
        stored = connection.execute(
            select(vault_meta.c.value).where(vault_meta.c.key == HEAD_KEY)
        ).scalar()
        if stored is None:
            return [LogProblem(last_seq, "the log's head is missing")] if last_seq else []
        head = json.loads(stored)
        seq, mac = int(head["seq"]), bytes.fromhex(head["mac"])
        if not self._vault.keys.log_mac.verify(
            b"head", str(seq).encode() + mac, bytes.fromhex(head["check"])
        ):
            return [LogProblem(seq, "the log's head was altered")]
        if (seq, mac) != (last_seq, last_mac):
            return [LogProblem(seq, "the newest entries were removed")]
        return []
