"""Records of workshop 1's felt barometer and associated images, as screens and sheets read them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from vitalite_tui.domain.barometer import IndicatorBarometer
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.felt import FeltIndicator
from vitalite_tui.domain.indicators import INDICATORS, Pole
from vitalite_tui.domain.notes import indicator_tag

#: One value per indicator, I1 … I4 (None: not placed).
FeltValues = tuple[int | None, ...]

NO_VALUES: FeltValues = (None,) * len(INDICATORS)


@dataclass(frozen=True)
class FeltEntry:
    """A person present at workshop 1 and the values they gave (None where none yet)."""

    participant_id: str
    code: str
    name: str
    college: College
    values: FeltValues = NO_VALUES

    @property
    def given(self) -> int:
        return sum(1 for value in self.values if value is not None)


@dataclass(frozen=True)
class FeltSummary:
    """The felt barometer: whole, and by collège (votes without a collège only in the whole)."""

    indicators: list[FeltIndicator]
    colleges: dict[College, list[FeltIndicator]]
    #: People typed in one by one (with at least one value).
    rated: int
    #: People a sticker vote stands for: the most stickers placed on one indicator.
    stickers: int

    @property
    def people(self) -> int:
        """« ressenti : N participants »."""
        return self.rated + self.stickers

    @property
    def empty(self) -> bool:
        return all(result.n == 0 for result in self.indicators)


@dataclass(frozen=True)
class FeltComparison:
    """One indicator, felt (whole and by collège) against measured by the questionnaire."""

    indicator: int
    felt: FeltIndicator
    colleges: dict[College, FeltIndicator]
    #: The questionnaire's barometer: it has no collège (the questionnaire does not ask).
    measured: IndicatorBarometer

    @property
    def measured_position(self) -> float | None:
        return self.measured.position if self.measured.n else None

    def difference(self, felt: FeltIndicator | None = None) -> float | None:
        """Felt minus measured, on 0–100 (positive: felt closer to the vitality pole)."""
        shown = felt if felt is not None else self.felt
        measured = self.measured_position
        if shown.position is None or measured is None:
            return None
        return shown.position - measured


@dataclass(frozen=True)
class ImageDraft:
    """An associated image as typed: who, which card, on which indicator and pole, and why."""

    participant_id: str | None
    card: str
    indicator: int | None = None
    pole: Pole | None = None
    why: str = ""


@dataclass(frozen=True)
class ImageRecord:
    """A photo-language card chosen at workshop 1, with its note in the notes."""

    id: str
    participant_id: str | None
    code: str  # P007, "" when anonymous
    name: str  # "" when anonymous
    college: College | None
    card: str
    indicator: int | None
    pole: Pole | None
    why: str
    note_id: str | None
    created_at: datetime  # naive UTC
    deleted: bool = False

    @property
    def tag(self) -> str:
        """« I1+ » and the like."""
        return indicator_tag(self.indicator, self.pole)

    @property
    def draft(self) -> ImageDraft:
        return ImageDraft(self.participant_id, self.card, self.indicator, self.pole, self.why)
