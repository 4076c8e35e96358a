"""Records of the workshops: agenda, attendance, sub-groups, rounds, notes, recap."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from vitalite_tui.domain.colleges import College, CollegeCounts
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind, indicator_tag
from vitalite_tui.domain.workshops import Evening, session_label
from vitalite_tui.store.preparation.records import ParticipantRecord


@dataclass(frozen=True)
class AgendaSlot:
    """One timed sequence of a workshop; clock times are None while the start is unknown."""

    label: str
    minutes: int
    plenary: bool
    start: time | None = None
    end: time | None = None


@dataclass(frozen=True)
class WorkshopRecord:
    """One workshop evening: when, where, its agenda and what was kept for the next recap."""

    id: str
    demarche_id: str
    number: int
    title: str
    date: date | None
    start_time: time | None
    end_time: time | None
    place: str
    agenda: list[AgendaSlot]
    #: What was kept from this evening, shown in the recap that opens the next one.
    recap: str
    #: 1 for the planned evening, 2–3 for the workshop's extra evenings (« bis », « ter »).
    session: int = 1

    @property
    def total_minutes(self) -> int:
        return sum(slot.minutes for slot in self.agenda)

    @property
    def evening(self) -> Evening:
        return (self.number, self.session)

    @property
    def label(self) -> str:
        """« Atelier 2 », « Atelier 2 bis »."""
        return session_label(self.number, self.session)


@dataclass(frozen=True)
class AttendanceEntry:
    """A registered participant and whether they are at this workshop (and new to it)."""

    participant: ParticipantRecord
    present: bool
    newcomer: bool


@dataclass(frozen=True)
class SubGroupRecord:
    """A sub-group with its members in speaking order."""

    id: str
    workshop_id: str
    workshop_number: int
    position: int  # 1, 2, … as shown
    name: str
    theme: str
    indicator: int | None
    animateur: str
    members: list[ParticipantRecord]


@dataclass(frozen=True)
class RoundRecord:
    """A tour d'expression of a sub-group."""

    id: str
    subgroup_id: str
    number: int  # 1, 2, … within the sub-group
    question: str
    timebox_minutes: int
    started_at: datetime | None  # naive UTC
    ended_at: datetime | None
    note_count: int
    #: The title of the trend the round is about (workshop 2), "" for none.
    trend: str = ""


@dataclass(frozen=True)
class TurnRecord:
    """A turn in a round: someone took the floor (or passed); None for anonymous notes."""

    id: str
    round_id: str
    participant_id: str | None
    position: int
    passed: bool


@dataclass(frozen=True)
class WallNote:
    """A note as the plenary wall shows it: no speaker, only its sub-group, tags and text."""

    subgroup_id: str | None
    indicator: int | None
    pole: Pole | None
    text: str


@dataclass(frozen=True)
class NoteRecord:
    """One note as the capture list shows it: text, speaker (or anonymous) and tags."""

    id: str
    workshop_id: str
    subgroup_id: str | None
    round_id: str | None
    speaker_id: str | None
    speaker_name: str  # "" when anonymous
    speaker_code: str  # P007, "" when anonymous
    speaker_college: College | None
    text: str
    kind: NoteKind
    indicator: int | None
    pole: Pole | None
    created_at: datetime  # naive UTC
    updated_at: datetime
    deleted: bool = False

    @property
    def tag(self) -> str:
        """« I1+ » and the like (see `domain.notes.indicator_tag`)."""
        return indicator_tag(self.indicator, self.pole)

    @property
    def speaker_label(self) -> str:
        return self.speaker_name or "anonyme"


@dataclass(frozen=True)
class NoteRevisionRecord:
    """The state of a note before one of its edits, its speaker then included."""

    id: str
    note_id: str
    text: str
    kind: NoteKind
    indicator: int | None
    pole: Pole | None
    created_at: datetime  # when the edit replaced it (naive UTC)
    speaker_id: str | None = None  # None: anonymous
    speaker_name: str = ""  # "" when anonymous
    speaker_code: str = ""  # P007, "" when anonymous

    @property
    def speaker_label(self) -> str:
        return self.speaker_name or "anonyme"

    @property
    def tag(self) -> str:
        return indicator_tag(self.indicator, self.pole)


@dataclass(frozen=True)
class RevisionExport:
    """An earlier state of a note for the workbook: where the note was said, then and now."""

    workshop_number: int
    subgroup_name: str
    round_number: int | None
    note_id: str
    text_now: str
    code_now: str  # "" when anonymous
    revision: NoteRevisionRecord


@dataclass(frozen=True)
class TagCount:
    """How many notes carry one indicator and pole (either may be None: not tagged)."""

    indicator: int | None
    pole: Pole | None
    count: int


@dataclass(frozen=True)
class RecapNote:
    """A note as a recap shows it: no speaker, as it may be projected."""

    text: str
    kind: NoteKind
    indicator: int | None
    pole: Pole | None

    @property
    def tag(self) -> str:
        return indicator_tag(self.indicator, self.pole)


@dataclass(frozen=True)
class SubGroupRecap:
    id: str
    name: str
    theme: str
    indicator: int | None
    members: int
    rounds: int
    notes: int
    first_notes: list[RecapNote]


@dataclass(frozen=True)
class RecapAxis:
    title: str
    indicator: int | None
    notes: int


@dataclass(frozen=True)
class RecapIntention:
    title: str
    axis: str  # "" when the intention has no axis
    trend: str  # "" when it answers no trend


@dataclass(frozen=True)
class RecapContents:
    """The contents of the previous workshop that the recap shows (empty lists when none)."""

    axes: list[RecapAxis] = field(default_factory=list)
    intentions: list[RecapIntention] = field(default_factory=list)
    #: Indicator number → the scenario sketch's text for it (only texts written).
    scenario: dict[int, str] = field(default_factory=dict)
    kept_actions: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RecapRecord:
    """What the previous workshop did, for the recap that opens the next one."""

    workshop: WorkshopRecord  # the previous workshop
    present: CollegeCounts
    newcomers: int
    rounds: int
    notes: int
    notes_by_tag: list[TagCount]  # only tags that occur; untagged last
    subgroups: list[SubGroupRecap]
    #: Axes, intentions, scenario or kept actions, depending on the previous workshop.
    contents: RecapContents = field(default_factory=RecapContents)

    def count(self, indicator: int | None, pole: Pole | None = None) -> int:
        """Notes with this indicator (and pole, when given)."""
        return sum(
            tag.count
            for tag in self.notes_by_tag
            if tag.indicator == indicator and (pole is None or tag.pole is pole)
        )
