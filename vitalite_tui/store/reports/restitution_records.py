"""Records of the restitution walk (see store/restitution.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import Pole
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
    #: The workshop-3 sub-groups that deepened it (their names).
    deepened_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleLine:
    number: int
    title: str
    text: str


@dataclass(frozen=True)
class TieBreakLine:
    title: str
    dots: int
    kept: bool


@dataclass(frozen=True)
class TieBreakResult:
    """A tie-break round of the vote: for how many places, and who it kept."""

    round_number: int
    places: int
    closed: bool
    lines: list[TieBreakLine]


@dataclass(frozen=True)
class ImageLine:
    """A card chosen at workshop 1 and why: never who chose it (projected)."""

    card: str
    indicator: int | None
    pole: Pole | None
    why: str


@dataclass(frozen=True)
class SignatoryLine:
    """A signatory as projected: the name only when the person agreed to be named."""

    name: str  # "" unless the participant agreed to be named
    organisation: str
    college: College | None  # None: signed without being in the registry


@dataclass(frozen=True)
class RestitutionRecord:
    territory: str
    barometer: list[BarometerLine]
    axes: list[RecapAxis] = field(default_factory=list)
    intentions: list[RecapIntention] = field(default_factory=list)
    scenario: dict[int, str] = field(default_factory=dict)
    kept_actions: list[KeptAction] = field(default_factory=list)
    articles: list[ArticleLine] = field(default_factory=list)
    images: list[ImageLine] = field(default_factory=list)
    tie_breaks: list[TieBreakResult] = field(default_factory=list)
    #: Places still tied after the vote's last closed round (a tie-break is to come).
    tie_pending: int = 0
    signatories: list[SignatoryLine] = field(default_factory=list)
