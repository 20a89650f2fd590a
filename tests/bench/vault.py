"""Benchmark of the encrypted vault against the same store unencrypted.

Both stores hold the same synthetic data (same seed): 10,000 citizens and 100,000
notes, plus one citizen with 500 notes. Every metric runs the same service calls on
both, in the same run, and reports medians and the ratio encrypted / plain.
"""

from __future__ import annotations

import logging
import random
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from outreach_app.crypto.kdf import KdfParams, calibrate, new_salt
from outreach_app.crypto.recovery import RecoveryPrivateKey
from outreach_app.domain.clock import SystemClock
from outreach_app.domain.contacts import ContactKind
from outreach_app.domain.ids import CitizenId, NoteId, new_id
from outreach_app.domain.notes import NoteStatus, SessionNote
from outreach_app.services.demo import populate_demo
from outreach_app.services.workspace import NewProfile, Workspace
from outreach_app.storage.codec import PlainCodec
from outreach_app.storage.profile import Profile
from outreach_app.storage.vault import LockedVault, Vault

log = logging.getLogger(__name__)

PASSPHRASE = "benchmark passphrase"
BIG_CASE_NOTES = 500
TARGETS = {
    "unlock": 700.0,
    "search_keystroke": 10.0,
    "open_case_500_notes": 100.0,
    "durable_note_save": 10.0,
}
RATIO_LIMITS = {"open_case_500_notes": 1.5, "durable_note_save": 1.5}


@dataclass(frozen=True, slots=True)
class Store:
    name: str
    profile: Profile
    big_case: CitizenId
    encrypted: bool


def median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 3)


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return samples


# -- building the two stores --------------------------------------------------------


def build_store(
    root: Path, *, encrypted: bool, citizens: int, notes_per_citizen: float, kdf: KdfParams
) -> Store:
    profile = Profile(root / "profiles" / ("encrypted" if encrypted else "plain"))
    ws = Workspace.create(
        profile,
        PASSPHRASE,
        NewProfile("Bench Konsulent", "Bench"),
        recovery=RecoveryPrivateKey.generate().public,
        kdf=kdf,
    )
    if not encrypted:
        ws.close()
        ws = open_plain(profile)
    try:
        started = time.perf_counter()
        populate_demo(ws, citizens=citizens, seed=7, notes_per_citizen=notes_per_citizen)
        big = add_big_case(ws)
        log.info("%s store built in %.1f s", profile.root.name, time.perf_counter() - started)
    finally:
        ws.close()
    return Store(profile.root.name, profile, big, encrypted)


def add_big_case(ws: Workspace) -> CitizenId:
    """One citizen with 500 finished notes of about 1 KB each."""
    citizen = ws.citizens.register(first_name="Stor", last_name="Sagsmappe")
    now = ws.clock.now()
    notes = [
        SessionNote(
            id=NoteId(new_id()),
            citizen_id=citizen.id,
            consultant_id=ws.me_id,
            kind=ContactKind.FOLLOW_UP,
            occurred_at=now - timedelta(days=i),
            text=f"Opfølgning nr. {i}. " + "Borgeren fortalte om ugen. " * 36,
            agreements="Vi aftalte at mødes igen om to uger.",
            status=NoteStatus.FINISHED,
            finished_at=now,
            created_at=now,
            updated_at=now,
        )
        for i in range(BIG_CASE_NOTES)
    ]
    with ws.vault.write() as connection:
        ws.repos.notes.add_many(connection, notes, now=now)
    return citizen.id


def open_plain(profile: Profile) -> Workspace:
    """The same vault file and services, with fields stored unencrypted (baseline only)."""
    locked = LockedVault(profile, clock=SystemClock())
    vault = locked.unlock(PASSPHRASE)
    plain = Vault(
        vault.profile,
        vault._db,
        vault.header,
        vault.keys,
        clock=vault.clock,
        codec=PlainCodec(),
    )
    return Workspace(plain)


@contextmanager
def opened(store: Store) -> Iterator[Workspace]:
    ws = Workspace.open(store.profile, PASSPHRASE) if store.encrypted else open_plain(store.profile)
    try:
        yield ws
    finally:
        ws.close()


# -- the metrics ------------------------------------------------------------------------


Pair = tuple[list[float], list[float]]


def interleaved(encrypted: Callable[[], object], plain: Callable[[], object], repeat: int) -> Pair:
    """Time both actions alternately (in turn first), so a busy moment of the machine
    falls on both sides alike."""
    samples: Pair = ([], [])
    actions = (encrypted, plain)
    for round_ in range(repeat):
        for which in (0, 1) if round_ % 2 == 0 else (1, 0):
            started = time.perf_counter()
            actions[which]()
            samples[which].append(time.perf_counter() - started)
    return samples


def measure_unlock(enc: Store, plain: Store, repeat: int) -> Pair:
    return interleaved(
        lambda: Workspace.open(enc.profile, PASSPHRASE).close(),
        lambda: open_plain(plain.profile).close(),
        repeat,
    )


def keystrokes(ws: Workspace, count: int) -> list[str]:
    """Queries as typed: every prefix (2+ letters) of real first and last names."""
    chooser = random.Random(3)
    names = [h for h in ws.citizens.mine() if h.last_name]
    typed: list[str] = []
    for hit in chooser.sample(names, count):
        full = f"{hit.first_name} {hit.last_name}"
        typed.extend(full[:n] for n in range(2, len(full) + 1) if not full[:n].endswith(" "))
    return typed


def measure_search(enc: Store, plain: Store, queries: list[str]) -> Pair:
    samples: Pair = ([], [])
    with opened(enc) as ws_enc, opened(plain) as ws_plain:
        for query in queries:
            one = interleaved(
                lambda q=query: ws_enc.citizens.search(q),
                lambda q=query: ws_plain.citizens.search(q),
                1,
            )
            samples[0].extend(one[0])
            samples[1].extend(one[1])
    return samples


def open_case(ws: Workspace, citizen_id: CitizenId) -> None:
    ws.citizens.get(citizen_id)
    ws.plans.get(citizen_id)
    ws.notes.for_citizen(citizen_id)
    ws.milestones.for_citizen(citizen_id)
    ws.progression.history(citizen_id)
    ws.contacts.for_citizen(citizen_id)
    ws.agenda.for_citizen(citizen_id)
    ws.consents.for_citizen(citizen_id)
    ws.referrals.for_citizen(citizen_id)


def measure_open_case(enc: Store, plain: Store, repeat: int) -> Pair:
    with opened(enc) as ws_enc, opened(plain) as ws_plain:
        return interleaved(
            lambda: open_case(ws_enc, enc.big_case),
            lambda: open_case(ws_plain, plain.big_case),
            repeat,
        )


def measure_note_save(enc: Store, plain: Store, repeat: int) -> Pair:
    texts = [f"Udkast {i}: " + "Borgeren kom forbi med et brev. " * 30 for i in range(repeat)]
    with opened(enc) as ws_enc, opened(plain) as ws_plain:
        notes = (ws_enc.notes.start(enc.big_case), ws_plain.notes.start(plain.big_case))
        counters = [iter(texts), iter(texts)]
        return interleaved(
            lambda: ws_enc.notes.save_draft(notes[0].id, text=next(counters[0])),
            lambda: ws_plain.notes.save_draft(notes[1].id, text=next(counters[1])),
            repeat,
        )


def compare(name: str, encrypted: list[float], plain: list[float]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "median_ms": median_ms(encrypted),
        "baseline_ms": median_ms(plain),
        "samples": len(encrypted),
    }
    result["ratio"] = round(result["median_ms"] / max(result["baseline_ms"], 1e-6), 3)
    if name in TARGETS:
        result["target_ms"] = TARGETS[name]
        result["meets_target"] = result["median_ms"] <= TARGETS[name]
    if name in RATIO_LIMITS:
        result["ratio_limit"] = RATIO_LIMITS[name]
        result["meets_ratio"] = result["ratio"] <= RATIO_LIMITS[name]
    return result


def build_stores(
    root: Path, *, citizens: int, notes_per_citizen: float
) -> tuple[Store, Store, KdfParams]:
    """The encrypted store (KDF calibrated here) and its unencrypted twin, same data."""
    kept = _kept(root, citizens)
    if kept is not None:
        return kept
    kdf = calibrate()
    cheap = KdfParams(8 * 1024, 1, 1, new_salt())
    enc = build_store(
        root, encrypted=True, citizens=citizens, notes_per_citizen=notes_per_citizen, kdf=kdf
    )
    plain = build_store(
        root, encrypted=False, citizens=citizens, notes_per_citizen=notes_per_citizen, kdf=cheap
    )
    return enc, plain, kdf


def _kept(root: Path, citizens: int) -> tuple[Store, Store, KdfParams] | None:
    """Stores built by an earlier run with ``--stores`` (same size), if there are."""
    stores = []
    for encrypted in (True, False):
        profile = Profile(root / "profiles" / ("encrypted" if encrypted else "plain"))
        if not profile.exists():
            return None
        with opened(Store("", profile, CitizenId(""), encrypted)) as ws:
            if len(ws.citizens.mine()) != citizens + 1:
                return None
            big = ws.citizens.search("stor sagsmappe")[0].id
            kdf = ws.vault.header.passphrase.params
        stores.append((Store(profile.root.name, profile, big, encrypted), kdf))
    return stores[0][0], stores[1][0], stores[0][1]


def measure(enc: Store, plain: Store, *, quick: bool = False) -> dict[str, Any]:
    """Every vault metric on both stores, as medians and ratios."""
    repeat = 3 if quick else 1
    with opened(enc) as ws:
        queries = keystrokes(ws, 10 if quick else 40)
    return {
        "unlock": compare("unlock", *measure_unlock(enc, plain, 7 // repeat)),
        "search_keystroke": compare("search_keystroke", *measure_search(enc, plain, queries)),
        "open_case_500_notes": compare(
            "open_case_500_notes", *measure_open_case(enc, plain, 21 // repeat)
        ),
        "durable_note_save": compare(
            "durable_note_save", *measure_note_save(enc, plain, 201 // repeat)
        ),
    }
