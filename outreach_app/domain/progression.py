"""Progression: a dated score from 1 to 10 per life area."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from outreach_app.domain.ids import CitizenId, ConsultantId, ScoreId
from outreach_app.domain.rules import Private, member, optional_text, score_range


class LifeArea(StrEnum):
    HEALTH = "health"
    MENTAL_HEALTH = "mental_health"
    LANGUAGE = "language"
    NETWORK = "network"
    HOUSING = "housing"
    ECONOMY = "economy"
    FAMILY = "family"
    EVERYDAY_COPING = "everyday_coping"
    JOB_READINESS = "job_readiness"


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class ProgressionScore(Private):
    id: ScoreId
    citizen_id: CitizenId
    consultant_id: ConsultantId
    area: LifeArea
    score: int
    scored_on: date
    note: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "area", member(LifeArea, self.area, "life area"))
        score_range(self.score)
        optional_text("note", self.note)
