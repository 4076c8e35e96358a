"""Plain records the store hands to screens and commands: no peewee, no widgets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from vitalite_tui.domain.colleges import College, CollegeCounts
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind, indicator_tag
from vitalite_tui.domain.speaking import Tally
from vitalite_tui.domain.steps import Decision, StepStatus


@dataclass(frozen=True)
class DemarcheSummary:
    id: str
    territory: str
    communes: list[str]
    participant_count: int
    steps_done: int
    is_demo: bool
    created_at: datetime


@dataclass(frozen=True)
class StepView:
    """One line of the stepper: status, dates and a one-line summary of what was kept."""

    number: int
    title: str
    status: StepStatus
    started_on: date | None
    done_on: date | None
    detail: str


@dataclass(frozen=True)
class Step1Record:
    presentation_date: date | None = None
    deliberation_date: date | None = None
    deliberation_ref: str = ""
    decision: Decision = Decision.PENDING
    comment: str = ""


@dataclass(frozen=True)
class ParticipantDraft:
    """What a form collects for a participant (already typed, not yet cleaned)."""

    display_name: str
    college: College
    commune: str = ""
    organisation: str = ""
    contact: str = ""
    consent_data: bool = False
    consent_contact: bool = False
    consent_named: bool = False


@dataclass(frozen=True)
class ParticipantRecord:
    id: str
    code: str  # pseudonymous code, P007
    display_name: str
    college: College
    commune: str
    organisation: str
    contact: str
    consent_data: bool
    consent_contact: bool
    consent_named: bool

    def draft(self) -> ParticipantDraft:
        return ParticipantDraft(
            display_name=self.display_name,
            college=self.college,
            commune=self.commune,
            organisation=self.organisation,
            contact=self.contact,
            consent_data=self.consent_data,
            consent_contact=self.consent_contact,
            consent_named=self.consent_named,
        )


@dataclass(frozen=True)
class CommitteeMemberRecord:
    id: str
    name: str
    role: str
    organisation: str


@dataclass(frozen=True)
class LogisticsItemRecord:
    id: str
    label: str
    done: bool


@dataclass(frozen=True)
class WorkshopPlan:
    number: int
    date: date | None = None
    start_time: time | None = None
    end_time: time | None = None
    place: str = ""


@dataclass(frozen=True)
class QuestionnaireChoice:
    code: str
    version: str
    title: str
    item_count: int = 0


@dataclass(frozen=True)
class DemoResult:
    demarche_id: str
    territory: str
    created: bool
    counts: dict[str, int] = field(default_factory=dict)


# ---------------------------------------------------------------- workshops (issue 3)


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

    @property
    def total_minutes(self) -> int:
        return sum(slot.minutes for slot in self.agenda)


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


@dataclass(frozen=True)
class TurnRecord:
    """A turn in a round: someone took the floor (or passed); None for anonymous notes."""

    id: str
    round_id: str
    participant_id: str | None
    position: int
    passed: bool


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
    """The state of a note before one of its edits."""

    id: str
    note_id: str
    text: str
    kind: NoteKind
    indicator: int | None
    pole: Pole | None
    created_at: datetime  # when the edit replaced it (naive UTC)


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
class RecapRecord:
    """What the previous workshop did, for the recap that opens the next one."""

    workshop: WorkshopRecord  # the previous workshop
    present: CollegeCounts
    newcomers: int
    rounds: int
    notes: int
    notes_by_tag: list[TagCount]  # only tags that occur; untagged last
    subgroups: list[SubGroupRecap]

    def count(self, indicator: int | None, pole: Pole | None = None) -> int:
        """Notes with this indicator (and pole, when given)."""
        return sum(
            tag.count
            for tag in self.notes_by_tag
            if tag.indicator == indicator and (pole is None or tag.pole is pole)
        )


# ---------------------------------------------------------------- exports (issue 4)


@dataclass(frozen=True)
class PresenceRecord:
    """Someone ticked present at a workshop, as the workbook lists them."""

    workshop_number: int
    participant_id: str
    newcomer: bool


@dataclass(frozen=True)
class ExportNoteRecord:
    """A live note with where it was said, for the workbook: the speaker by code only."""

    workshop_number: int
    subgroup_name: str  # "" outside a sub-group
    round_number: int | None  # 1, 2, … within the sub-group
    question: str
    speaker_code: str  # P007, "" when anonymous
    speaker_college: College | None
    text: str
    kind: NoteKind
    indicator: int | None
    pole: Pole | None
    created_at: datetime  # naive UTC
    edited: bool  # an earlier text is kept as a revision


@dataclass(frozen=True)
class SubGroupSpeaking:
    """Turns, notes and passes of one sub-group over its rounds, by collège."""

    workshop_number: int
    position: int  # 1, 2, … as shown
    name: str
    rounds: int
    members: CollegeCounts
    colleges: dict[College, Tally]
    anonymous: Tally  # notes nobody was named for


@dataclass(frozen=True)
class PersonSpeaking:
    """One person's turns, notes and passes over a workshop's rounds."""

    workshop_number: int
    participant_id: str
    code: str
    college: College | None
    subgroup_name: str  # the sub-group they belong to, "" if none
    tally: Tally


@dataclass(frozen=True)
class SpeakingRecord:
    """The speaking balance of the workshops exported: per sub-group, and per person."""

    subgroups: list[SubGroupSpeaking]
    people: list[PersonSpeaking]
