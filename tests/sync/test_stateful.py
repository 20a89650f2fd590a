"""Two laptops, edits offline, reassignments and merges in any order: after everyone
has synchronised, the model, both vaults and the central service agree."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    rule,
    run_state_machine_as_test,
)

from outreach_app.sync.errors import SyncError
from tests.sync.conftest import Office
from tests.sync.test_end_to_end import walk_in

CONSULTANTS = ("Karin", "Omar")
CPRS = (
    f"{day:02d}0390{serial:04d}"
    for day, serial in zip(itertools.cycle(range(1, 29)), itertools.count(1111))
)


@dataclass
class World:
    owner: dict[str, str] = field(default_factory=dict)  # citizen -> consultant at the service
    notes: dict[str, str] = field(default_factory=dict)  # note -> citizen written for
    merged: dict[str, str] = field(default_factory=dict)  # merged citizen -> survivor
    cpr: dict[str, str] = field(default_factory=dict)
    synced: set[str] = field(default_factory=set)  # citizens the service has
    reassigned: int = 0
    merges: int = 0


def test_two_laptops_converge(office: Office, devices: Any) -> None:
    laptops = {name: devices(office, name) for name in CONSULTANTS}
    cprs = iter(CPRS)
    # The laptops and the service live on from one example to the next, so the model does too.
    world = World()

    class TwoLaptops(RuleBasedStateMachine):
        citizens = Bundle("citizens")

        def __init__(self) -> None:
            super().__init__()
            self.owner = world.owner
            self.notes = world.notes
            self.merged = world.merged
            self.cpr = world.cpr
            self.synced = world.synced

        def live(self, citizen: str) -> str:
            while citizen in self.merged:
                citizen = self.merged[citizen]
            return citizen

        def on(self, name: str, citizen: str) -> bool:
            return laptops[name].ws.citizens.hit(citizen) is not None  # type: ignore[arg-type]

        @rule(target=citizens, name=st.sampled_from(CONSULTANTS), with_cpr=st.booleans())
        def register(self, name: str, with_cpr: bool) -> str:
            cpr = next(cprs) if with_cpr else None
            citizen, note = walk_in(laptops[name], "Borger", cpr=cpr)
            self.owner[citizen] = name
            self.notes[note] = citizen
            if cpr:
                self.cpr[citizen] = cpr
            return citizen

        @rule(citizen=citizens, name=st.sampled_from(CONSULTANTS))
        def write_note(self, citizen: str, name: str) -> None:
            citizen = self.live(citizen)
            if not self.on(name, citizen):
                return
            device = laptops[name]
            note = device.ws.notes.start(citizen)  # type: ignore[arg-type]
            device.ws.notes.finish(note.id, text="Opfølgning.")
            self.notes[note.id] = citizen

        @rule(citizen=citizens)
        def reassign(self, citizen: str) -> None:
            citizen = self.live(citizen)
            current = self.owner[citizen]
            other = next(n for n in CONSULTANTS if n != current)
            if citizen not in self.synced:
                self.sync(current)  # the service must know the citizen first
            office.server.admin("assign", citizen, "--to", office.consultant(other))
            self.owner[citizen] = other
            world.reassigned += 1

        @rule(citizen=consumes(citizens), name=st.sampled_from(CONSULTANTS))
        def walk_in_with_known_cpr(self, citizen: str, name: str) -> None:
            """A walk-in without CPR, later given the CPR of a citizen the service has."""
            citizen = self.live(citizen)
            owner = self.owner[citizen]
            if citizen not in self.cpr:
                if not self.on(owner, citizen):
                    return  # on its way to the other laptop
                self.cpr[citizen] = next(cprs)
                laptops[owner].ws.citizens.update(citizen, cpr=self.cpr[citizen])  # type: ignore[arg-type]
                self.sync(owner)
            if citizen not in self.synced:
                self.sync(owner)
            device = laptops[name]
            device.sync()
            if self.on(name, citizen):
                return  # this laptop has the citizen: its own CPR check offers them instead
            newcomer, note = walk_in(device, "Gæst")
            self.owner[newcomer] = name
            self.notes[note] = newcomer
            device.sync()
            self.synced.add(newcomer)
            device.ws.citizens.update(newcomer, cpr=self.cpr[citizen])  # type: ignore[arg-type]
            self.merged[newcomer] = citizen  # the older citizen survives
            world.merges += 1

        @rule(name=st.sampled_from(CONSULTANTS))
        def sync(self, name: str) -> None:
            laptops[name].sync()
            self.mark_synced(name)

        def mark_synced(self, name: str) -> None:
            for citizen, owner in self.owner.items():
                if owner == name or citizen in self.merged:
                    self.synced.add(citizen)

        @invariant()
        def nothing_lost_locally(self) -> None:
            for name, device in laptops.items():
                assert device.ws.is_open, name

        def teardown(self) -> None:
            for _ in range(3):
                for name in CONSULTANTS:
                    try:
                        laptops[name].sync()
                    except SyncError as error:  # pragma: no cover - shown if it happens
                        raise AssertionError(str(error)) from error
            expected: dict[str, dict[str, str]] = {n: {} for n in CONSULTANTS}
            for note, citizen in self.notes.items():
                survivor = self.live(citizen)
                expected[self.owner[survivor]][note] = survivor
            stats = office.server.admin_json("stats", "--json")
            by_id = {c["id"]: c for c in stats["consultants"]}
            for name, device in laptops.items():
                held = {note: row[0] for note, row in device.notes().items()}
                assert held == expected[name], name
                assert device.ws.pending_changes() == 0
                assert by_id[office.consultant(name)]["notes"] == len(expected[name])

    run_state_machine_as_test(
        TwoLaptops,
        settings=settings(
            max_examples=6,
            stateful_step_count=12,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            phases=[Phase.explicit, Phase.generate],
        ),
    )
    assert world.reassigned and world.merges, "the examples must exercise handovers and merges"
