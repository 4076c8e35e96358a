"""Records of the restitution walk (see store/restitution.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from vitalite_tui.store.workshops.records import RecapAxis, RecapIntention


@dataclass(frozen=True)
class BarometerLine:
    """One indicator, measured (questionnaire) and felt (workshop 1), positions 0–100."""

    indicator: int
    measured: float | None
    measured_n: int
    felt: float | None = None
    felt_n: int = 0


@dataclass(frozen=True)
class KeptAction:
    title: str
    dots: int | None = None  # None when the vote is not recorded
    rank: int | None = None


@dataclass(frozen=True)
class ArticleLine:
    number: int
    title: str
    text: str


@dataclass(frozen=True)
class RestitutionRecord:
    territory: str
    barometer: list[BarometerLine]
    axes: list[RecapAxis] = field(default_factory=list)
    intentions: list[RecapIntention] = field(default_factory=list)
    scenario: dict[int, str] = field(default_factory=dict)
    kept_actions: list[KeptAction] = field(default_factory=list)
    articles: list[ArticleLine] = field(default_factory=list)
