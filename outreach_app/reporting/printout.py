"""The citizen's printout, "Det aftalte": one page in plain words, large type.

It holds what was agreed (the goal and the agreements of the plan), the
activities, the next meeting's time and place, and the consultant's name and phone.
Nothing else about the citizen: no name, no CPR number, no address, no phone of
theirs, no notes. ``PrintoutData`` has no field that could carry them, so nothing
else can be printed by mistake.

    data = PrintoutData(language="da", agreements=(...), consultant_name="Karin Holm", ...)
    write_printout_pdf(data, path)            # save as PDF
    png = printout_png(data, dpi=200)         # what the desktop paints on a printer
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from outreach_app.domain.clock import DANISH_TIME
from outreach_app.domain.contacts import ContactKind, Initiator
from outreach_app.domain.plan import ActivityStatus
from outreach_app.reporting import labels

A4 = (8.27, 11.69)
LEFT = 0.09
TOP = 0.93
BOTTOM = 0.06
BODY = 15.0  # points: large, readable type
SMALLEST = 12.0


@dataclass(frozen=True, slots=True)
class PrintoutActivity:
    title: str
    starts_on: date | None = None
    ends_on: date | None = None
    status: ActivityStatus = ActivityStatus.PLANNED


@dataclass(frozen=True, slots=True)
class PrintoutMeeting:
    """The next meeting (a booked appointment), or the next contact the plan names."""

    at: datetime
    kind: ContactKind
    place: str = ""
    initiator: Initiator = Initiator.CONSULTANT
    booked: bool = True


@dataclass(frozen=True, slots=True)
class PrintoutData:
    language: str
    printed_on: date
    consultant_name: str
    consultant_phone: str = ""
    office_name: str = ""
    goal: str = ""
    agreements: tuple[str, ...] = ()
    activities: tuple[PrintoutActivity, ...] = ()
    next_meeting: PrintoutMeeting | None = None


_WORDS = {
    "da": {
        "title": "Det aftalte",
        "printed": "Udskrevet",
        "goal": "Dit mål",
        "agreed": "Det har vi aftalt",
        "nothing_agreed": "Vi har ikke skrevet nogen aftaler ned endnu.",
        "activities": "Dine aktiviteter",
        "no_activities": "Ingen aktiviteter lige nu.",
        "next": "Næste møde",
        "no_next": "Vi har ikke aftalt et nyt møde endnu. Ring, hvis du har brug for os.",
        "where": "Sted",
        "you_call": "Du ringer til os",
        "we_call": "Vi ringer til dig",
        "consultant": "Din jobkonsulent",
        "phone": "Telefon",
        "from": "fra",
        "to": "til",
        "more": "(Se resten i Min Plan, eller spørg din jobkonsulent.)",
        "bring": "Ring, hvis du ikke kan komme.",
    },
    "en": {
        "title": "What we agreed",
        "printed": "Printed",
        "goal": "Your goal",
        "agreed": "What we agreed",
        "nothing_agreed": "We have not written down any agreements yet.",
        "activities": "Your activities",
        "no_activities": "No activities right now.",
        "next": "Next meeting",
        "no_next": "We have not agreed on a new meeting yet. Call us if you need us.",
        "where": "Place",
        "you_call": "You call us",
        "we_call": "We call you",
        "consultant": "Your job consultant",
        "phone": "Phone",
        "from": "from",
        "to": "to",
        "more": "(See the rest in Min Plan, or ask your job consultant.)",
        "bring": "Please call if you cannot come.",
    },
}


def word(key: str, language: str) -> str:
    return _WORDS[labels.language_of(language)][key]


# -- the lines of the page -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    size: float  # relative to the body size
    bold: bool = False
    gap: float = 0.0  # extra space before, in lines
    indent: float = 0.0  # in figure width


def printout_lines(data: PrintoutData) -> list[Line]:
    """What the page says, in order, before it is wrapped to the page's width."""
    lang = data.language

    def w(key: str) -> str:
        return word(key, lang)

    lines = [Line(w("title"), 1.9, bold=True)]
    lines.append(Line(f"{w('printed')} {labels.long_day(data.printed_on, lang)}", 0.75))
    if data.goal.strip():
        lines += [Line(w("goal"), 1.25, bold=True, gap=0.9), Line(data.goal.strip(), 1.0)]
    lines.append(Line(w("agreed"), 1.25, bold=True, gap=0.9))
    agreed = [a.strip() for a in data.agreements if a.strip()]
    lines += [Line(f"•  {a}", 1.0, indent=0.02) for a in agreed] or [Line(w("nothing_agreed"), 1.0)]
    lines.append(Line(w("activities"), 1.25, bold=True, gap=0.9))
    lines += [Line(f"•  {_activity(a, lang)}", 1.0, indent=0.02) for a in data.activities] or [
        Line(w("no_activities"), 1.0)
    ]
    lines.append(Line(w("next"), 1.25, bold=True, gap=0.9))
    lines += _meeting(data.next_meeting, lang)
    lines.append(Line(w("consultant"), 1.25, bold=True, gap=0.9))
    who = data.consultant_name + (f", {data.office_name}" if data.office_name else "")
    lines.append(Line(who, 1.0))
    if data.consultant_phone:
        lines.append(Line(f"{w('phone')}: {_phone(data.consultant_phone)}", 1.15, bold=True))
    return lines


def _activity(activity: PrintoutActivity, language: str) -> str:
    status = labels.ACTIVITY_STATUSES[labels.language_of(language)][activity.status]
    when = ""
    if activity.starts_on is not None:
        when = f", {word('from', language)} {labels.short_day(activity.starts_on, language)}"
        if activity.ends_on is not None:
            when += f" {word('to', language)} {labels.short_day(activity.ends_on, language)}"
    return f"{activity.title}{when} ({status})"


def _meeting(meeting: PrintoutMeeting | None, language: str) -> list[Line]:
    if meeting is None:
        return [Line(word("no_next", language), 1.0)]
    day = labels.long_day(meeting.at.astimezone(DANISH_TIME).date(), language)
    when = f"{day[0].upper()}{day[1:]}, {labels.clock_time(meeting.at, language)}"
    kind = labels.CONTACT_KINDS[labels.language_of(language)][meeting.kind]
    lines = [Line(when, 1.15, bold=True), Line(kind[0].upper() + kind[1:], 1.0)]
    if meeting.place.strip():
        lines.append(Line(f"{word('where', language)}: {meeting.place.strip()}", 1.0))
    if not meeting.booked:
        who = "you_call" if meeting.initiator is Initiator.CITIZEN else "we_call"
        lines.append(Line(word(who, language) + ".", 1.0))
    else:
        lines.append(Line(word("bring", language), 0.85))
    return lines


def _phone(phone: str) -> str:
    digits = phone.replace(" ", "")
    if len(digits) == 8 and digits.isdigit():
        return " ".join(digits[i : i + 2] for i in range(0, 8, 2))
    return phone


# -- laying out one page ---------------------------------------------------------------------


def _wrapped(lines: list[Line], body: float) -> list[tuple[Line, str, float]]:
    """(line, text of one printed row, height in points) for every row."""
    rows: list[tuple[Line, str, float]] = []
    width_points = (1 - 2 * LEFT) * A4[0] * 72
    for line in lines:
        size = body * line.size
        chars = max(10, int((width_points - line.indent * A4[0] * 72) / (size * 0.55)))
        parts = textwrap.wrap(line.text, chars, subsequent_indent="   " if line.indent else "")
        for index, part in enumerate(parts or [""]):
            gap = line.gap if index == 0 else 0.0
            rows.append((line, part, size * (1.35 + gap)))
    return rows


def _layout(data: PrintoutData) -> tuple[list[tuple[Line, str, float]], float]:
    """Rows that fit one page: the body type shrinks to 12 pt if it must; after that
    the last rows give way to a note pointing to Min Plan."""
    lines = printout_lines(data)
    room = (TOP - BOTTOM) * A4[1] * 72
    body = BODY
    while True:
        rows = _wrapped(lines, body)
        if sum(r[2] for r in rows) <= room or body <= SMALLEST:
            break
        body -= 0.5
    if sum(r[2] for r in rows) > room:
        rows = _cut(rows, room, data.language, body)
    return rows, body


def _cut(
    rows: list[tuple[Line, str, float]], room: float, language: str, body: float
) -> list[tuple[Line, str, float]]:
    """Keep the consultant's name and phone (the last rows) and as much before as fits."""
    tail_start = max(i for i, (line, _, _) in enumerate(rows) if line.bold and line.size == 1.25)
    tail = rows[tail_start:]
    more = Line(word("more", language), 0.85)
    note = (more, more.text, body * 0.85 * 1.35)
    used = sum(r[2] for r in tail) + note[2]
    head: list[tuple[Line, str, float]] = []
    for row in rows[:tail_start]:
        if used + row[2] > room:
            break
        head.append(row)
        used += row[2]
    return [*head, note, *tail]


def printout_figure(data: PrintoutData) -> Any:
    """The page as a matplotlib Figure (A4 portrait)."""
    from matplotlib.figure import Figure  # noqa: PLC0415 - only when printing

    figure = Figure(figsize=A4)
    rows, body = _layout(data)
    y = TOP * A4[1] * 72
    for line, text, height in rows:
        y -= height
        figure.text(
            LEFT,
            y / (A4[1] * 72),
            text,
            fontsize=body * line.size,
            weight="bold" if line.bold else "normal",
            color="#111111",
        )
    return figure


def write_printout_pdf(data: PrintoutData, path: Path) -> None:
    """Save the page as a one-page PDF (fonts embedded, text searchable)."""
    from matplotlib import rc_context  # noqa: PLC0415

    with rc_context(PRINT_STYLE):
        figure = printout_figure(data)
        figure.savefig(path, format="pdf", metadata={"Title": word("title", data.language)})


def printout_png(data: PrintoutData, *, dpi: int = 150) -> bytes:
    """The page as a PNG image (for the desktop's preview and for printing)."""
    from matplotlib import rc_context  # noqa: PLC0415

    buffer = io.BytesIO()
    with rc_context(PRINT_STYLE):
        printout_figure(data).savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()


PRINT_STYLE: Any = {"pdf.fonttype": 42, "font.family": "DejaVu Sans"}
