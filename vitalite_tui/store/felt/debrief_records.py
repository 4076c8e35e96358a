"""Records of the workshop-1 debrief: work axes and the notes grouped into them."""

from __future__ import annotations

from dataclasses import dataclass

from vitalite_tui.domain.debrief import DebriefFilter, keeps
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.store.workshops.records import NoteRecord


@dataclass(frozen=True)
class AxisDraft:
    """What the axis form collects (typed, not yet cleaned)."""

    title: str
    description: str = ""
    indicator: int | None = None


@dataclass(frozen=True)
class AxisRecord:
    """A work axis (« intention pour l'avenir ») named at the debrief of workshop 1."""

    id: str
    demarche_id: str
    #: 1, 2, … in the order shown (the digit that files a note in it); None once removed.
    number: int | None
    title: str
    description: str
    indicator: int | None
    #: Live notes filed in it, and live intentions of workshop 2 that belong to it.
    note_count: int
    intention_count: int
    removed: bool = False

    def draft(self) -> AxisDraft:
        return AxisDraft(self.title, self.description, self.indicator)

    @property
    def label(self) -> str:
        """« 2 Rapprocher l'information » (the number only while the axis is live)."""
        return f"{self.number} {self.title}" if self.number is not None else self.title


@dataclass(frozen=True)
class DebriefNote:
    """A note as the debrief lists it: where it was said, and the axis it is filed in.

    The axis is its live axis: a note whose axis was removed shows as in none (its link is
    kept, and comes back when the axis is restored).
    """

    note: NoteRecord
    subgroup_name: str  # "" outside a sub-group
    subgroup_number: int | None  # 1, 2, … as shown
    axis_id: str | None
    axis_number: int | None
    axis_title: str

    @property
    def id(self) -> str:
        return self.note.id

    @property
    def text(self) -> str:
        return self.note.text

    @property
    def kind(self) -> NoteKind:
        return self.note.kind

    @property
    def indicator(self) -> int | None:
        return self.note.indicator

    @property
    def pole(self) -> Pole | None:
        return self.note.pole

    @property
    def tag(self) -> str:
        return self.note.tag

    @property
    def speaker_code(self) -> str:
        return self.note.speaker_code

    def passes(self, chosen: DebriefFilter) -> bool:
        """Whether the debrief shows this note under these filters."""
        return keeps(
            chosen,
            subgroup=self.note.subgroup_id,
            indicator=self.indicator,
            pole=self.pole,
            kind=self.kind,
            axis=self.axis_id,
            text=self.text,
        )


@dataclass(frozen=True)
class FiledNote:
    """A note filed in a live axis, as the workbook's Axes sheet shows it (no speaker)."""

    axis_number: int | None
    axis_title: str
    subgroup_name: str  # "" outside a sub-group
    kind: NoteKind
    indicator: int | None
    pole: Pole | None
    text: str


@dataclass(frozen=True)
class AxesExport:
    """What the workbook's Axes sheet shows: the live axes, then the notes filed in them."""

    axes: list[AxisRecord]
    notes: list[FiledNote]  # by axis number, then sub-group, then time
