"""Records the workbook reads: presences, notes by code, speaking balance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from vitalite_tui.domain.colleges import College, CollegeCounts
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.domain.speaking import Tally


@dataclass(frozen=True)
class PresenceRecord:
    """Someone ticked present at a workshop, as the workbook lists them."""

    workshop_number: int
    participant_id: str
    newcomer: bool
    #: The evening of that workshop: 1 planned, 2–3 extra (« Atelier 2 bis »).
    session: int = 1


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
    session: int = 1  # the workshop's evening: 1 planned, 2–3 extra


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
    session: int = 1  # the workshop's evening the sub-group met at


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
