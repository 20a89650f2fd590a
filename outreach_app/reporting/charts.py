"""The report's charts, drawn on a matplotlib Axes.

The same functions draw on the desktop's Qt canvas and on the pages of the PDF, so
what the consultant sees is what is printed. Only ``matplotlib.figure`` objects are
used, never ``pyplot``: no global state, safe on a worker thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from outreach_app.domain.contacts import ContactKind
from outreach_app.domain.progression import LifeArea, ProgressionScore
from outreach_app.reporting import labels
from outreach_app.reporting.indicators import Report

#: Calm colours that stay apart in greyscale print too, one per contact kind.
KIND_COLOURS = {
    ContactKind.DROP_IN: "#1f5f7a",
    ContactKind.FOLLOW_UP: "#f2c14e",
    ContactKind.PHONE: "#7fb3c8",
    ContactKind.HOME_VISIT: "#a4161a",
    ContactKind.NETWORK_MEETING: "#5c6770",
}
ACCENT = "#1f5f7a"
GOOD = "#2e7d32"
BAD = "#a4161a"
AREA_COLOURS = (
    "#1f5f7a",
    "#f2a33a",
    "#2e7d32",
    "#a4161a",
    "#6a4c93",
    "#5c6770",
    "#c45ab3",
    "#7fb3c8",
    "#8c6d31",
)

_TEXT = {
    "da": {
        "contacts": "Kontakter pr. uge",
        "week": "uge",
        "count": "antal",
        "none": "Ingen data i perioden",
        "milestones": "Borgere med milepæl i perioden",
        "share": "andel af borgerne",
        "progression": "Gennemsnitlig ændring pr. livsområde",
        "change": "ændring i score (første → seneste)",
        "scores": "Scorer over tid",
        "score": "score (1–10)",
    },
    "en": {
        "contacts": "Contacts per week",
        "week": "week",
        "count": "number",
        "none": "No data in the period",
        "milestones": "Citizens with a milestone in the period",
        "share": "share of the citizens",
        "progression": "Mean change per life area",
        "change": "change in score (first → latest)",
        "scores": "Scores over time",
        "score": "score (1–10)",
    },
}


def text(key: str, language: str) -> str:
    return _TEXT[labels.language_of(language)][key]


def _tidy(ax: Any) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=8)


def _empty(ax: Any, language: str) -> None:
    ax.text(0.5, 0.5, text("none", language), ha="center", va="center", color="#5c6770")
    ax.set_xticks([])
    ax.set_yticks([])


def contacts_per_week(ax: Any, report: Report, language: str) -> None:
    """Stacked bars: contacts per ISO week, by kind."""
    weeks = report.contacts.weeks
    ax.set_title(text("contacts", language), fontsize=11, loc="left", pad=24)
    _tidy(ax)
    if not weeks or report.contacts.total == 0:
        _empty(ax, language)
        return
    positions = list(range(len(weeks)))
    bottom = [0] * len(weeks)
    names = labels.CONTACT_KINDS[labels.language_of(language)]
    for kind in ContactKind:
        values = [w.by_kind.get(kind, 0) for w in weeks]
        if not any(values):
            continue
        ax.bar(positions, values, bottom=bottom, color=KIND_COLOURS[kind], label=names[kind])
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    step = max(1, len(weeks) // 13)
    ax.set_xticks(positions[::step])
    ax.set_xticklabels([str(w.week) for w in weeks[::step]])
    ax.set_xlabel(text("week", language), fontsize=8)
    ax.set_ylabel(text("count", language), fontsize=8)
    ax.legend(fontsize=7, frameon=False, loc="lower left", bbox_to_anchor=(0, 1.0), ncols=5)
    _whole_numbers(ax.yaxis)


def milestones(ax: Any, report: Report, language: str) -> None:
    """Horizontal bars: share of the citizens with each milestone active."""
    rows = list(reversed(report.milestones))
    ax.set_title(text("milestones", language), fontsize=11, loc="left")
    _tidy(ax)
    if not rows or report.citizens.population == 0:
        _empty(ax, language)
        return
    names = labels.MILESTONES[labels.language_of(language)]
    shares = [r.share * 100 for r in rows]
    ax.barh(range(len(rows)), shares, color=ACCENT)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([names[r.kind] for r in rows])
    for y, row in enumerate(rows):
        ax.text(
            row.share * 100,
            y,
            f" {labels.number(row.share * 100, language)} % ({row.active})",
            va="center",
            fontsize=7,
        )
    ax.set_xlabel(text("share", language) + " (%)", fontsize=8)
    ax.set_xlim(0, max(max(shares) * 1.35, 5))


def progression(ax: Any, report: Report, language: str) -> None:
    """Horizontal bars: mean change per life area (areas without data left out)."""
    rows = [a for a in report.progression if a.mean_change is not None]
    ax.set_title(text("progression", language), fontsize=11, loc="left")
    _tidy(ax)
    if not rows:
        _empty(ax, language)
        return
    rows.reverse()
    names = labels.AREAS[labels.language_of(language)]
    means = [r.mean_change or 0.0 for r in rows]
    ax.barh(range(len(rows)), means, height=0.6, color=[GOOD if m >= 0 else BAD for m in means])
    ax.set_ylim(-0.8, max(len(rows), 4) - 0.2)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([f"{names[r.area]} (n={r.citizens})" for r in rows])
    ax.axvline(0, color="#5c6770", linewidth=0.8)
    for y, mean in enumerate(means):
        ax.text(
            mean,
            y,
            f" {labels.signed(mean, language)} ",
            va="center",
            ha="left" if mean >= 0 else "right",
            fontsize=7,
        )
    widest = max(abs(m) for m in means)
    ax.set_xlim(min(-0.5, -widest * 1.4), max(0.5, widest * 1.4))
    ax.set_xlabel(text("change", language), fontsize=8)


def score_history(
    ax: Any, scores: Sequence[ProgressionScore], language: str, *, title: bool = True
) -> None:
    """One line per life area: the citizen's scores over time (the case view's chart)."""
    if title:
        ax.set_title(text("scores", language), fontsize=10, loc="left")
    _tidy(ax)
    series: dict[LifeArea, dict[date, int]] = {}
    for entry in scores:  # oldest first: a later score the same day wins
        series.setdefault(entry.area, {})[entry.scored_on] = entry.score
    if not series:
        _empty(ax, language)
        return
    names = labels.AREAS[labels.language_of(language)]
    for index, area in enumerate(a for a in LifeArea if a in series):
        days = sorted(series[area])
        ax.plot(
            days,
            [series[area][d] for d in days],
            marker="o",
            markersize=4,
            linewidth=1.6,
            color=AREA_COLOURS[index % len(AREA_COLOURS)],
            label=names[area],
        )
    ax.set_ylim(0.5, 10.5)
    ax.set_yticks([1, 4, 7, 10])
    ax.set_ylabel(text("score", language), fontsize=8)
    ax.grid(axis="y", color="#e3eef3")
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    _date_axis(ax, language)


def _whole_numbers(axis: Any) -> None:
    from matplotlib.ticker import MaxNLocator  # noqa: PLC0415

    axis.set_major_locator(MaxNLocator(integer=True))


def _date_axis(ax: Any, language: str) -> None:
    from matplotlib.dates import AutoDateLocator, DateFormatter  # noqa: PLC0415

    locator = AutoDateLocator(minticks=3, maxticks=6)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    pattern = "%d.%m.%y" if labels.language_of(language) == "da" else "%d %b %y"
    ax.xaxis.set_major_formatter(DateFormatter(pattern))  # type: ignore[no-untyped-call]
