"""The in-memory name index, built after unlock and kept only while unlocked.

Names are folded (case, accents, æ/ø/å) so 'soren' finds Søren and 'muller' finds
Müller. A query matches when each of its words starts a word of the name.
Narrowing a query (typing one more letter) searches only the previous hits.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from outreach_app.domain.cpr import mask_cpr
from outreach_app.domain.ids import CitizenId
from outreach_app.domain.people import Citizen, CitizenStatus
from outreach_app.domain.rules import Private

_SPECIAL = str.maketrans({"ø": "o", "æ": "ae", "ð": "d", "đ": "d", "þ": "th", "ł": "l", "ı": "i"})


def fold(text: str) -> str:
    """Lower case without accents, for matching only (never stored)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True, slots=True, repr=False)
class CitizenHit(Private):
    """One line of a search result: enough to recognise the citizen, nothing more."""

    id: CitizenId
    first_name: str
    last_name: str
    masked_cpr: str
    status: CitizenStatus

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def initials(self) -> str:
        parts = self.display_name.split()
        letters = [parts[0][0], parts[-1][0]] if len(parts) > 1 else [parts[0][0]]
        return ".".join(letter.upper() for letter in letters) + "."


@dataclass(slots=True)
class _Entry:
    hit: CitizenHit
    haystack: str  # " word word word" folded, with a leading space
    order: tuple[str, str]
    sealed_cpr: bytes | None = None  # decrypted (to DDMMYY-xxxx) when first shown


CprMask = Callable[[CitizenId, bytes], str]


class NameIndex:
    """Every citizen's name, searchable at each keystroke."""

    def __init__(self, cpr_mask: CprMask | None = None) -> None:
        self._cpr_mask = cpr_mask
        self._entries: dict[CitizenId, _Entry] = {}
        self._last_query: list[str] = []
        self._last_hits: list[_Entry] = []

    def __len__(self) -> int:
        return len(self._entries)

    def put(self, citizen: Citizen) -> None:
        hit = CitizenHit(
            citizen.id,
            citizen.first_name,
            citizen.last_name,
            mask_cpr(citizen.cpr) if citizen.cpr else "",
            citizen.status,
        )
        self.put_hit(hit)

    def put_hit(self, hit: CitizenHit, *, sealed_cpr: bytes | None = None) -> None:
        """Index a citizen. A CPR number may be given still sealed: it is opened only
        when the citizen is first shown, which keeps unlocking fast."""
        order = (fold(hit.first_name), fold(hit.last_name))
        words = f"{order[0]} {order[1]}".replace("-", " ").split()
        self._entries[hit.id] = _Entry(hit, " " + " ".join(words), order, sealed_cpr)
        self._forget_last()

    def _shown(self, entry: _Entry) -> CitizenHit:
        if entry.sealed_cpr is not None and self._cpr_mask is not None:
            masked = self._cpr_mask(entry.hit.id, entry.sealed_cpr)
            entry.hit = dataclasses.replace(entry.hit, masked_cpr=masked)
            entry.sealed_cpr = None
        return entry.hit

    def remove(self, citizen_id: CitizenId) -> None:
        self._entries.pop(citizen_id, None)
        self._forget_last()

    def get(self, citizen_id: CitizenId) -> CitizenHit | None:
        entry = self._entries.get(citizen_id)
        return self._shown(entry) if entry else None

    def all(self) -> list[CitizenHit]:
        return [self._shown(e) for e in sorted(self._entries.values(), key=_order)]

    def search(self, query: str, *, limit: int = 200) -> list[CitizenHit]:
        tokens = [" " + t for t in fold(query).replace("-", " ").split()]
        if not tokens:
            return []
        pool = self._pool_for(tokens)
        hits = [e for e in pool if all(t in e.haystack for t in tokens)]
        self._last_query, self._last_hits = tokens, hits
        return [self._shown(e) for e in sorted(hits, key=_order)[:limit]]

    def _pool_for(self, tokens: list[str]) -> list[_Entry]:
        previous = self._last_query
        narrowing = (
            bool(previous)
            and len(tokens) >= len(previous)
            and all(t.startswith(p) for t, p in zip(tokens, previous, strict=False))
        )
        return self._last_hits if narrowing else list(self._entries.values())

    def _forget_last(self) -> None:
        self._last_query, self._last_hits = [], []

    def clear(self) -> None:
        self._entries.clear()
        self._forget_last()


def _order(entry: _Entry) -> tuple[str, str]:
    return entry.order
