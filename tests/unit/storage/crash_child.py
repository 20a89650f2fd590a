"""What the crash tests' child processes do until they are killed.

The functions here run in processes forked from a forkserver that has imported this
module (and with it the whole storage stack) once, so starting a child costs a fork,
not a Python start-up. Each child opens the vault, tells the parent it is ready, and
then works in a loop, sending an acknowledgement through its pipe after every call
that returned, i.e. after every commit the program has promised is durable.

Every note text written is self-checking (``step|payload|digest``), so the parent can
tell a text that was stored whole from one that was stored torn, even for a commit
the child never acknowledged, and which of a note's commits (``step``) it came from.
"""

from __future__ import annotations

import hashlib
import random
import traceback
from multiprocessing.connection import Connection
from pathlib import Path

from outreach_app.domain.clock import SystemClock
from outreach_app.domain.ids import CitizenId
from outreach_app.services.workspace import Workspace
from outreach_app.storage.profile import Profile

#: Characters the note texts are made of: Danish, Arabic, Somali, emoji, a combining mark.
ALPHABET = "abcdefghij klmnopæøåÆØÅ محمد Cabdiraxmaan 🙂👍🏽 e\u0301\n"

#: Messages from a child: ("ready",), ("ack", ...), ("error", traceback text).
READY = "ready"
ACK = "ack"
ERROR = "error"


def digest(payload: str) -> str:
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


#: The commits of one note's life, in order: its start, one autosave, finishing it.
STEPS = ("start", "autosave", "finish")
FINISH_STEP = len(STEPS) - 1


def checked_text(rng: random.Random, step: int) -> str:
    """A text of random length (now and then long enough to need overflow pages) that
    says which step of its note's life wrote it and carries its own checksum."""
    length = rng.choices(
        (rng.randint(1, 300), rng.randint(300, 3_000), rng.randint(5_000, 20_000)),
        weights=(70, 25, 5),
    )[0]
    payload = f"{step}|" + "".join(rng.choices(ALPHABET, k=length))
    return f"{payload}|{digest(payload)}"


def is_whole(text: str) -> bool:
    """Whether ``text`` is a whole checked text."""
    payload, sep, mark = text.rpartition("|")
    return sep == "|" and digest(payload) == mark


def step_of(text: str) -> int:
    return int(text.partition("|")[0])


def write_notes(pipe: Connection, root: str, passphrase: str, citizen_id: str, seed: int) -> None:
    """Write notes for ever - start a draft, autosave it, finish it with its final
    text - acknowledging ``(note id, text, step)`` after each of these commits."""
    try:
        workspace = Workspace.open(Profile(Path(root)), passphrase, clock=SystemClock())
        pipe.send((READY,))
        rng = random.Random(seed)
        citizen = CitizenId(citizen_id)
        while True:
            text = checked_text(rng, 0)
            note = workspace.notes.start(citizen, text=text)
            pipe.send((ACK, note.id, text, 0))
            text = checked_text(rng, 1)
            workspace.notes.save_draft(note.id, text=text)
            pipe.send((ACK, note.id, text, 1))
            text = checked_text(rng, FINISH_STEP)
            workspace.notes.finish(note.id, text=text)
            pipe.send((ACK, note.id, text, FINISH_STEP))
    except BaseException:
        pipe.send((ERROR, traceback.format_exc()))
        raise


def change_passphrases(pipe: Connection, root: str, cycle: tuple[str, ...], start: int) -> None:
    """Change the passphrase for ever along ``cycle`` from ``cycle[start]``, sending
    ``(ack, k)`` after the change to ``cycle[k]`` has returned."""
    try:
        workspace = Workspace.open(Profile(Path(root)), cycle[start], clock=SystemClock())
        pipe.send((READY,))
        current = start
        while True:
            following = (current + 1) % len(cycle)
            workspace.vault.change_passphrase(cycle[current], cycle[following])
            current = following
            pipe.send((ACK, current))
    except BaseException:
        pipe.send((ERROR, traceback.format_exc()))
        raise
