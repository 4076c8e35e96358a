"""Records of workshop 2's prospective: trends, action intentions and the scenario sketch."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind


@dataclass(frozen=True)
class TrendRecord:
    """A trend of a démarche as the screens show it."""

    id: str
    demarche_id: str
    #: The catalogue's code; None for a trend written locally.
    code: str | None
    title: str
    description: str
    source: str
    #: Presented at workshop 2 (offered to the rounds).
    selected: bool
    position: int
    #: Indicators the catalogue says it touches (none for a local trend).
    indicators: tuple[int, ...]
    risks: int
    opportunities: int
    #: Every live note of the trend's rounds, whatever its kind.
    notes: int
    deleted: bool = False

    @property
    def local(self) -> bool:
        return self.code is None


@dataclass(frozen=True)
class IndicatorCount:
    """Risks and opportunities of one trend on one indicator (None: not tagged)."""

    indicator: int | None
    risks: int
    opportunities: int


@dataclass(frozen=True)
class TrendNoteRecord:
    """A risk or an opportunity, as the workbook lists it: no speaker."""

    kind: NoteKind
    indicator: int | None
    text: str
    subgroup_name: str


@dataclass(frozen=True)
class TrendSheet:
    """A trend (None: notes of rounds without a trend) and its risks and opportunities."""

    trend: TrendRecord | None
    notes: list[TrendNoteRecord]


@dataclass(frozen=True)
class RoundTrendChoice:
    """What the new-round dialog offers: the presented trends (id, title), one suggested."""

    options: tuple[tuple[str, str], ...]
    suggested: str | None

    def __bool__(self) -> bool:
        return bool(self.options)


@dataclass(frozen=True)
class IntentionDraft:
    """What the intention form collects (checked by the store)."""

    title: str
    description: str = ""
    trend_id: str | None = None
    axis_id: str | None = None
    indicators: tuple[int, ...] = ()


@dataclass(frozen=True)
class IntentionRecord:
    """An intention as the list shows it, with its trend, axis and number of origins."""

    id: str
    demarche_id: str
    subgroup_id: str | None
    subgroup_name: str
    trend_id: str | None
    trend_title: str
    #: None when it has no axis (or its axis was removed).
    axis_id: str | None
    axis_title: str
    title: str
    description: str
    indicators: tuple[int, ...]
    status: str
    #: Live notes linked to it.
    origins: int
    created_at: datetime
    deleted: bool = False

    @property
    def draft(self) -> IntentionDraft:
        return IntentionDraft(
            self.title, self.description, self.trend_id, self.axis_id, self.indicators
        )

    @property
    def indicators_label(self) -> str:
        """« I1 I3 », or "" when none."""
        return " ".join(f"I{number}" for number in self.indicators)


@dataclass(frozen=True)
class AxisChoice:
    """A work axis of workshop 1's debrief, as an intention can take it."""

    id: str
    title: str
    indicator: int | None


@dataclass(frozen=True)
class OriginRecord:
    """A note an intention may come from: no speaker, as it may be shown in plenary."""

    id: str
    text: str
    kind: NoteKind
    indicator: int | None
    pole: Pole | None
    trend_id: str | None
    subgroup_id: str | None
    subgroup_name: str
    workshop_number: int
    #: Linked to the intention asked about.
    linked: bool = False


@dataclass(frozen=True)
class IntentionSheetRow:
    """An intention and the texts of its origins, for the workbook."""

    intention: IntentionRecord
    origins: list[OriginRecord]


@dataclass(frozen=True)
class ScenarioText:
    """The sketch's text for one indicator ("" while nothing is written)."""

    indicator: int
    text: str
    updated_at: datetime | None
