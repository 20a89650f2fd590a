"""The in-memory name index, built after unlock and kept only while unlocked.

Names are folded (case, accents, æ/ø/å) so 'soren' finds Søren and 'muller' finds
Müller. A query matches when each of its words starts a word of the name.
Narrowing a query (typing one more letter) searches only the previous hits.

The index can be written out as plain rows (``rows``) and read back (``restore``);
``encode_rows`` and ``decode_rows`` turn such rows into bytes and back (JSON), for the
sealed snapshot the workspace keeps in the vault.
"""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from collections.abc import Callable, Iterable
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
#: One citizen as the snapshot holds them: id, first name, last name, masked CPR, status.
IndexRow = tuple[str, str, str, str, str]
SNAPSHOT_FORMAT = 1
#: What the index's snapshot is, in the associated data it is sealed with.
INDEX_SNAPSHOT = "name-index"
_STATUSES = {status.value: status for status in CitizenStatus}


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

    def rows(self) -> list[IndexRow]:
        """Every citizen as plain values; CPR numbers still sealed are opened now."""
        shown = (self._shown(entry) for entry in self._entries.values())
        return [(h.id, h.first_name, h.last_name, h.masked_cpr, h.status.value) for h in shown]

    def restore(self, rows: Iterable[IndexRow]) -> None:
        """Replace every entry with ``rows`` (as ``rows()`` gave them). Names are folded
        here, not stored folded, so a snapshot never carries an older folding."""
        folded: dict[str, str] = {}  # names repeat a lot; fold each spelling once
        entries: dict[CitizenId, _Entry] = {}
        for row_id, first, last, masked, status in rows:
            citizen_id = CitizenId(row_id)
            order = (_fold_once(folded, first), _fold_once(folded, last))
            words = f"{order[0]} {order[1]}".replace("-", " ").split()
            hit = CitizenHit(citizen_id, first, last, masked, _STATUSES[status])
            entries[citizen_id] = _Entry(hit, " " + " ".join(words), order)
        self._entries = entries
        self._forget_last()


def _order(entry: _Entry) -> tuple[str, str]:
    return entry.order


def _fold_once(cache: dict[str, str], text: str) -> str:
    folded = cache.get(text)
    if folded is None:
        folded = cache[text] = fold(text)
    return folded


def encode_rows(rows: list[IndexRow]) -> bytes:
    """The rows as compact JSON (UTF-8), with the format they are written in."""
    document = {"format": SNAPSHOT_FORMAT, "citizens": rows}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode_rows(raw: bytes) -> list[IndexRow]:
    """The rows ``encode_rows`` wrote, or ValueError when ``raw`` is anything else
    (another format, another shape, a value of the wrong type or an unknown status)."""
    try:
        document = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError("not an index snapshot") from exc
    if not isinstance(document, dict) or document.get("format") != SNAPSHOT_FORMAT:
        raise ValueError("not an index snapshot of this format")
    rows = document.get("citizens")
    if not isinstance(rows, list):
        raise ValueError("an index snapshot without citizens")
    return [_row(value) for value in rows]


def _row(value: object) -> IndexRow:
    if type(value) is not list or len(value) != 5:
        raise ValueError("an index snapshot row is malformed")
    row_id, first, last, masked, status = value
    if not (
        type(row_id) is str
        and type(first) is str
        and type(last) is str
        and type(masked) is str
        and status in _STATUSES
    ):
        raise ValueError("an index snapshot row is malformed")
    return row_id, first, last, masked, status
