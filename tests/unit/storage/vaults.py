"""Helpers for the storage tests: values that are easy to find again, a vault with
records in every record table, a scanner that looks for plaintext in files, raw
access to a closed vault file, and a copy of the program's migrations with one more
(test-only) revision."""

from __future__ import annotations

import contextlib
import random
import shutil
import sqlite3
import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from outreach_app.crypto.recovery import RecoveryPublicKey
from outreach_app.domain.clock import Clock
from outreach_app.domain.contacts import ContactKind
from outreach_app.domain.ids import CitizenId, ConsultantId, NoteId, OfficeId, new_id
from outreach_app.domain.information import InformationSource
from outreach_app.domain.milestones import MilestoneKind
from outreach_app.domain.notes import Topic
from outreach_app.domain.partners import PartnerKind, ReferralStatus
from outreach_app.domain.people import Consultant, Office, TargetGroup
from outreach_app.domain.plan import Activity
from outreach_app.domain.progression import LifeArea
from outreach_app.services.workspace import NewProfile, Workspace
from outreach_app.storage import migrate, schema
from outreach_app.storage.profile import Profile
from tests.conftest import PASSPHRASE, fast_kdf

#: The profile label is plaintext on purpose (shown before unlocking); never a marker.
PROFILE_LABEL = "Profil til test"
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")


class Values:
    """Makes a unique, random, easily recognised value for each field it is asked
    for, and remembers which field got which value (``markers``: label -> value, in
    the form the program stores it)."""

    def __init__(self, rng: random.Random | None = None) -> None:
        self._rng = rng or random.Random()
        self.markers: dict[str, str] = {}

    def _remember(self, label: str, value: str) -> str:
        if label in self.markers:
            raise ValueError(f"{label} was asked for twice")
        if value in self.markers.values():
            raise ValueError("two fields got the same value")
        self.markers[label] = value
        return value

    def text(self, label: str) -> str:
        """Letters only, so a search for it is a name search, not a CPR or phone one."""
        letters = "".join(self._rng.choice(string.ascii_lowercase) for _ in range(18))
        return self._remember(label, f"zq{letters}")

    def email(self, label: str) -> str:
        return f"{self.text(label)}@example.org"

    def phone(self, label: str) -> str:
        """A Swedish number: normalised, it keeps every digit and its '+46'."""
        digits = "".join(self._rng.choice(string.digits) for _ in range(10))
        return self._remember(label, f"+46{digits}")

    def cpr(self, label: str) -> str:
        """Ten digits with a real date of birth in the 1900s (seventh digit 0-3)."""
        born = f"{self._rng.randint(1, 28):02d}{self._rng.randint(1, 12):02d}"
        year = f"{self._rng.randint(0, 99):02d}"
        serial = f"{self._rng.randint(0, 3)}{self._rng.randint(0, 999):03d}"
        return self._remember(label, f"{born}{year}{serial}")


def new_workspace(
    profile: Profile,
    clock: Clock,
    values: Values,
    *,
    recovery: RecoveryPublicKey | None,
    passphrase: str = PASSPHRASE,
) -> Workspace:
    """A new profile whose consultant's and office's details are all markers. The label
    is given explicitly: it is plaintext by design (shown before unlocking), and left
    empty the program would put the office's name there."""
    details = NewProfile(
        consultant_name=values.text("consultant.name"),
        office_name=values.text("office.name"),
        label=PROFILE_LABEL,
        consultant_phone=values.phone("consultant.phone"),
        consultant_email=values.email("consultant.email"),
    )
    return Workspace.create(
        profile, passphrase, details, recovery=recovery, clock=clock, kdf=fast_kdf()
    )


@dataclass(slots=True)
class Population:
    """What ``populate`` wrote."""

    citizens: list[CitizenId] = field(default_factory=list)
    finished_notes: list[NoteId] = field(default_factory=list)
    searches: list[str] = field(default_factory=list)


def populate(ws: Workspace, values: Values) -> Population:
    """At least two records in every record table, every free-text or personal
    field filled with a value from ``values`` (the same call sequence every time)."""
    made = Population()
    _second_office(ws, values)
    for n in range(3):
        citizen = ws.citizens.register(
            first_name=values.text(f"citizen{n}.first_name"),
            last_name=values.text(f"citizen{n}.last_name"),
            phone=values.phone(f"citizen{n}.phone") if n < 2 else None,
            cpr=values.cpr(f"citizen{n}.cpr") if n < 2 else None,
            email=values.email(f"citizen{n}.email"),
            address=values.text(f"citizen{n}.address"),
            target_group=TargetGroup.AKTIVITETSPARAT,
        )
        made.citizens.append(citizen.id)
    first = made.citizens[0]
    ws.citizens.update(first, address=values.text("citizen0.new_address"))
    for n, citizen_id in enumerate(made.citizens[:2]):
        made.finished_notes.append(_notes(ws, values, citizen_id, n))
        _casework(ws, values, citizen_id, n)
    _partners(ws, values, made.citizens[:2])
    _searches(ws, values, made)
    return made


def _second_office(ws: Workspace, values: Values) -> None:
    office = Office(id=OfficeId(new_id()), name=values.text("office2.name"))
    colleague = Consultant(
        id=ConsultantId(new_id()),
        office_id=office.id,
        name=values.text("consultant2.name"),
        phone=values.phone("consultant2.phone"),
        email=values.email("consultant2.email"),
    )
    with ws.vault.write() as connection:
        ws.repos.offices.add(connection, office, now=ws.clock.now())
        ws.repos.consultants.add(connection, colleague, now=ws.clock.now())


def _notes(ws: Workspace, values: Values, citizen_id: CitizenId, n: int) -> NoteId:
    note = ws.notes.start(
        citizen_id,
        topics=(Topic.HOUSING, Topic.DEBT),
        text=values.text(f"note{n}.first_draft"),
        agreements=values.text(f"note{n}.agreements"),
    )
    ws.notes.save_draft(note.id, text=values.text(f"note{n}.text"))
    ws.notes.finish(note.id)
    ws.notes.addendum(note.id, text=values.text(f"note{n}.addendum"))
    thrown = ws.notes.start(citizen_id, text=values.text(f"note{n}.discarded"))
    ws.notes.discard(thrown.id)
    ws.contacts.record(citizen_id, kind=ContactKind.PHONE, duration_min=10)
    return note.id


def _casework(ws: Workspace, values: Values, citizen_id: CitizenId, n: int) -> None:
    tomorrow = ws.clock.now() + timedelta(days=1)
    ws.agenda.book(
        citizen_id,
        kind=ContactKind.FOLLOW_UP,
        starts_at=tomorrow,
        place=values.text(f"appointment{n}.place"),
        note=values.text(f"appointment{n}.note"),
    )
    ws.plans.update(
        citizen_id,
        goal=values.text(f"plan{n}.goal"),
        agreements=(values.text(f"plan{n}.agreement"),),
        activities=(Activity(title=values.text(f"plan{n}.activity")),),
    )
    ws.milestones.add(
        citizen_id,
        MilestoneKind.VIRKSOMHEDSPRAKTIK,
        starts_on=date(2026, 3, 9),
        note=values.text(f"milestone{n}.note"),
    )
    ws.progression.score(citizen_id, LifeArea.HOUSING, 4, note=values.text(f"score{n}.note"))
    ws.information.register(
        citizen_id, InformationSource.DOCTOR, summary=values.text(f"information{n}.summary")
    )


def _partners(ws: Workspace, values: Values, citizens: list[CitizenId]) -> None:
    for n, citizen_id in enumerate(citizens):
        partner = ws.partners.add(
            values.text(f"partner{n}.name"),
            PartnerKind.DEBT_COUNSELLING,
            contact_person=values.text(f"partner{n}.contact_person"),
            phone=values.text(f"partner{n}.phone"),
            email=values.email(f"partner{n}.email"),
            address=values.text(f"partner{n}.address"),
            note=values.text(f"partner{n}.note"),
        )
        consent = ws.consents.give(
            citizen_id,
            values.text(f"consent{n}.scope"),
            partner_id=partner.id,
            details=values.text(f"consent{n}.details"),
        )
        referral = ws.referrals.refer(
            citizen_id,
            partner.id,
            purpose=values.text(f"referral{n}.purpose"),
            consent_id=consent.id,
        )
        ws.referrals.move(
            referral.id, ReferralStatus.COMPLETED, outcome=values.text(f"referral{n}.outcome")
        )


def _searches(ws: Workspace, values: Values, made: Population) -> None:
    colleague = _colleague(ws)
    ws.assignments.hand_over(
        made.citizens[2], colleague, reason=values.text("assignment.handover_reason")
    )
    cpr = values.markers["citizen0.cpr"]
    queries = [
        values.text("search.name_query"),
        f"{cpr[:6]}-{cpr[6:]}",
        values.markers["citizen1.phone"],
    ]
    for query in queries:
        ws.citizens.search(query)
    ws.citizens.reveal_cpr(made.citizens[0])
    made.searches.extend(queries)


def _colleague(ws: Workspace) -> ConsultantId:
    with ws.vault.read() as connection:
        everyone = ws.repos.consultants.find(connection)
    return next(c.id for c in everyone if c.id != ws.me_id)


# -- scanning files -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Hit:
    path: Path
    label: str
    encoding: str


def scan(root: Path, markers: Mapping[str, str]) -> list[Hit]:
    """Every (file, marker, encoding) where a marker occurs in a file under ``root``."""
    hits: list[Hit] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        hits.extend(
            Hit(path, label, encoding)
            for label, marker in markers.items()
            for encoding in ENCODINGS
            if marker.encode(encoding) in data
        )
    return hits


def files_under(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


# -- the raw file, as an attacker or a broken disk sees it ---------------------------


@contextlib.contextmanager
def raw(path: Path) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection to a closed vault file, in one transaction."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        yield connection
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    finally:
        connection.close()


@contextlib.contextmanager
def triggers_dropped(connection: sqlite3.Connection, table: str) -> Iterator[None]:
    """Drop the table's triggers (as an attacker with the file would) and put them back."""
    triggers = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='trigger' AND tbl_name=?", (table,)
    ).fetchall()
    for name, _sql in triggers:
        connection.execute(f'DROP TRIGGER "{name}"')
    yield
    for _name, sql in triggers:
        connection.execute(sql)


def record_ids(path: Path, table: str) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [r[0] for r in connection.execute(f"SELECT id FROM {table} ORDER BY id")]
    finally:
        connection.close()


def record_tables() -> list[str]:
    return [t.name for t in schema.RECORD_TABLES]


# -- a program that knows one more schema revision ----------------------------------

_EXTRA_REVISION = '''"""A revision that exists only in the storage tests.

Revision ID: {revision}
Revises: {down}
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("test_extra", sa.Column("id", sa.Integer(), primary_key=True))
    if {fail}:
        raise RuntimeError("this test migration fails half-way")


def downgrade() -> None:
    op.drop_table("test_extra")
'''


def migrations_with_extra_revision(folder: Path, *, fail: bool = False) -> tuple[Path, str]:
    """A copy of the program's migrations plus one revision after the head (which
    creates a table, and then raises if ``fail``). Returns the folder and the new
    revision id. Point ``migrate.migrations_dir`` at the folder to use it."""
    shutil.copytree(migrate.migrations_dir(), folder, ignore=shutil.ignore_patterns("__pycache__"))
    down = migrate.head_revision()
    revision = f"{int(down) + 1:04d}"
    source = _EXTRA_REVISION.format(revision=revision, down=down, fail=fail)
    (folder / "versions" / f"{revision}_test_only.py").write_text(source, encoding="utf-8")
    return folder, revision
