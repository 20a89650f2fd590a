"""The injected clock and the rule that every stored moment is timezone-aware."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from outreach_app.domain.clock import (
    DANISH_TIME,
    ManualClock,
    SystemClock,
    local_today,
    require_aware,
)

START = datetime(2026, 3, 2, 9, 0, tzinfo=DANISH_TIME)


def test_manual_clock_reports_its_start_in_utc() -> None:
    """The clock stands still at its start and speaks UTC, whatever zone it was given."""
    clock = ManualClock(START)
    assert clock.now() == START
    assert clock.now().utcoffset() == timedelta(0)
    assert clock.now() == clock.now()


def test_manual_clock_moves_only_when_told() -> None:
    """advance() moves it by the delta; set() puts it at a given moment."""
    clock = ManualClock(START)
    clock.advance(timedelta(minutes=90))
    assert clock.now() == START + timedelta(minutes=90)
    target = datetime(2026, 12, 24, 18, 0, tzinfo=DANISH_TIME)
    clock.set(target)
    assert clock.now() == target
    assert clock.now().tzinfo is UTC


def test_manual_clock_refuses_a_naive_start() -> None:
    """A naive time would mean whatever zone the test machine happens to be in."""
    with pytest.raises(ValueError, match="aware"):
        ManualClock(datetime(2026, 3, 2, 9, 0))


def test_manual_clock_refuses_to_be_set_to_a_naive_time() -> None:
    """set() follows the same rule as the start: a naive time is refused rather than
    read silently in the machine's local zone."""
    clock = ManualClock(START)
    with pytest.raises(ValueError, match="aware"):
        clock.set(datetime(2026, 3, 2, 12, 0))
    assert clock.now() == START


def test_system_clock_is_aware_utc() -> None:
    """The real clock also speaks UTC."""
    assert SystemClock().now().utcoffset() == timedelta(0)


def test_local_today_is_the_danish_date() -> None:
    """Shortly before midnight UTC it is already tomorrow in Denmark; 'today' is the
    consultant's date, not UTC's."""
    clock = ManualClock(datetime(2026, 3, 2, 23, 30, tzinfo=UTC))
    assert local_today(clock) == date(2026, 3, 3)
    summer = ManualClock(datetime(2026, 7, 1, 21, 59, tzinfo=UTC))
    assert local_today(summer) == date(2026, 7, 1)
    summer.advance(timedelta(minutes=1))
    assert local_today(summer) == date(2026, 7, 2)


def test_require_aware_normalises_to_utc() -> None:
    """Aware moments in any zone come back as the same instant in UTC."""
    moment = datetime(2026, 3, 2, 10, 0, tzinfo=timezone(timedelta(hours=3)))
    normalised = require_aware(moment, "occurred_at")
    assert normalised == moment
    assert normalised.tzinfo is UTC
    assert normalised.hour == 7


def test_require_aware_refuses_a_naive_moment_naming_the_field() -> None:
    """A naive datetime is a programming error; the message names the field."""
    with pytest.raises(ValueError, match="starts_at must be timezone-aware"):
        require_aware(datetime(2026, 3, 2, 9, 0), "starts_at")
