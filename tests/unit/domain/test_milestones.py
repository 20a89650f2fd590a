"""Milestones over reporting periods, and progression scores from 1 to 10."""

from __future__ import annotations

from datetime import date

import pytest

from outreach_app.domain.errors import ValidationError
from outreach_app.domain.ids import CitizenId, ConsultantId, MilestoneId, ScoreId, new_id
from outreach_app.domain.milestones import Milestone, MilestoneKind
from outreach_app.domain.progression import LifeArea, ProgressionScore

CITIZEN = CitizenId(new_id())
KARIN = ConsultantId(new_id())
#: An internship in March 2026.
STARTS = date(2026, 3, 1)
ENDS = date(2026, 3, 31)


def _milestone(ends_on: date | None = ENDS) -> Milestone:
    return Milestone(
        id=MilestoneId(new_id()),
        citizen_id=CITIZEN,
        kind=MilestoneKind.VIRKSOMHEDSPRAKTIK,
        starts_on=STARTS,
        ends_on=ends_on,
    )


def _score(value: object) -> ProgressionScore:
    return ProgressionScore(
        id=ScoreId(new_id()),
        citizen_id=CITIZEN,
        consultant_id=KARIN,
        area=LifeArea.LANGUAGE,
        score=value,  # type: ignore[arg-type]
        scored_on=STARTS,
    )


# ---------------------------------------------------------------- milestones


@pytest.mark.parametrize(
    ("first", "last", "active"),
    [
        (date(2026, 2, 1), date(2026, 2, 28), False),  # the month before
        (date(2026, 2, 1), date(2026, 3, 1), True),  # period ends on the start day
        (date(2026, 3, 1), date(2026, 3, 1), True),  # the start day alone
        (date(2026, 3, 10), date(2026, 3, 20), True),  # inside
        (date(2026, 2, 1), date(2026, 4, 30), True),  # around
        (date(2026, 3, 31), date(2026, 3, 31), True),  # the end day alone
        (date(2026, 3, 31), date(2026, 4, 30), True),  # period starts on the end day
        (date(2026, 4, 1), date(2026, 4, 30), False),  # the month after
    ],
)
def test_active_during_counts_both_boundary_days(first: date, last: date, active: bool) -> None:
    """A milestone counts in a reporting period when they share at least one day,
    the first and last days of both included."""
    assert _milestone().active_during(first, last) is active


def test_an_ongoing_milestone_is_active_in_every_later_period() -> None:
    """A milestone without an end date counts from its start onwards."""
    ongoing = _milestone(ends_on=None)
    assert ongoing.active_during(date(2030, 1, 1), date(2030, 1, 31))
    assert ongoing.active_during(date(2026, 2, 1), STARTS)
    assert not ongoing.active_during(date(2026, 2, 1), date(2026, 2, 28))


def test_a_one_day_milestone_is_active_on_that_day() -> None:
    """Start and end on the same day is allowed and counts on that day."""
    one_day = _milestone(ends_on=STARTS)
    assert one_day.active_during(STARTS, STARTS)


def test_a_milestone_cannot_end_before_it_starts() -> None:
    """An end date before the start date is refused."""
    with pytest.raises(ValidationError):
        _milestone(ends_on=date(2026, 2, 28))


def test_a_milestone_kind_given_as_text_becomes_a_kind() -> None:
    """Kinds read back as text become MilestoneKind; unknown kinds are refused."""
    milestone = Milestone(
        id=MilestoneId(new_id()),
        citizen_id=CITIZEN,
        kind="loentilskud",  # type: ignore[arg-type]
        starts_on=STARTS,
    )
    assert milestone.kind is MilestoneKind.LOENTILSKUD
    with pytest.raises(ValidationError, match="praktikplads"):
        Milestone(
            id=MilestoneId(new_id()),
            citizen_id=CITIZEN,
            kind="praktikplads",  # type: ignore[arg-type]
            starts_on=STARTS,
        )


# ---------------------------------------------------------------- progression scores


@pytest.mark.parametrize("value", [1, 2, 5, 9, 10])
def test_scores_from_1_to_10_are_accepted(value: int) -> None:
    """A progression score is a whole number on the scale 1..10."""
    assert _score(value).score == value


@pytest.mark.parametrize("value", [0, 11, -1, 100, True, False, 5.0, 5.5, "5", None])
def test_scores_outside_the_scale_or_not_whole_numbers_are_refused(value: object) -> None:
    """0, 11, booleans (True would pass as 1), floats and text are refused, so the
    progression chart only ever shows points of the scale."""
    with pytest.raises(ValidationError) as caught:
        _score(value)
    assert caught.value.field == "score"


def test_a_life_area_given_as_text_becomes_a_life_area() -> None:
    """Areas read back as text become LifeArea members."""
    score = ProgressionScore(
        id=ScoreId(new_id()),
        citizen_id=CITIZEN,
        consultant_id=KARIN,
        area="housing",  # type: ignore[arg-type]
        score=4,
        scored_on=STARTS,
    )
    assert score.area is LifeArea.HOUSING
