"""What the capture screen knows and decides, without a widget: rounds, speakers, tags, undo."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind, default_kind, kind_keys
from vitalite_tui.domain.speaking import (
    LastTurn,
    PersonBalance,
    SpeakingBalance,
    SpeakingEvent,
    SpeakingKind,
    Tally,
    joins_last_turn,
    next_speaker,
    repeats_pass,
)
from vitalite_tui.store.preparation.records import ParticipantRecord
from vitalite_tui.store.workshops.records import NoteRecord, RoundRecord, TurnRecord

#: F8 goes round these, starting from « no pole ».
POLES: tuple[Pole | None, ...] = (None, Pole.VITALITY, Pole.DEPRESSION)

#: Where ↑/↓ lead while correcting: another note (its index), or back to typing new notes.
EditMove = int | Literal["end"] | None


@dataclass(frozen=True)
class Tags:
    """Kind, indicator and pole given to the next notes: they stay on until changed."""

    kind: NoteKind
    indicator: int | None = None
    pole: Pole | None = None

    def with_indicator(self, number: int | None) -> Tags:
        """The indicator of the notes that follow; the current one pressed again stays on."""
        return replace(self, indicator=number)

    def with_kind(self, kind: NoteKind) -> Tags:
        return replace(self, kind=kind)

    def next_pole(self) -> Tags:
        return replace(self, pole=POLES[(POLES.index(self.pole) + 1) % len(POLES)])

    @classmethod
    def of(cls, note: NoteRecord) -> Tags:
        return cls(note.kind, note.indicator, note.pole)


def with_events(balance: SpeakingBalance, events: list[SpeakingEvent]) -> SpeakingBalance:
    """`balance` with a few more events counted, as `speaking_balance` would count them."""
    people = {p.participant_id: p for p in balance.people}
    colleges = dict(balance.colleges)
    anonymous = balance.anonymous
    for participant_id, college, kind in events:
        if participant_id is None:
            anonymous = anonymous.add(kind)
        else:
            person = people.get(participant_id, PersonBalance(participant_id, college))
            # The collège known first wins (a member's, from the sub-group).
            known = person.college if person.college is not None else college
            people[participant_id] = PersonBalance(participant_id, known, person.tally.add(kind))
            college = known
        if college is not None:
            colleges[college] = colleges.get(college, Tally()).add(kind)
    return SpeakingBalance(tuple(people.values()), colleges, anonymous)


@dataclass
class CaptureState:
    """A sub-group's capture: the round on screen, who has the floor, tags, corrections, undo.

    The screen reads the store and shows; this object holds what it read and what the keys
    changed, and answers what a key may do now. It never reads the store itself.
    """

    members: list[ParticipantRecord] = field(default_factory=list)
    workshop_number: int | None = None
    rounds: list[RoundRecord] = field(default_factory=list)
    #: Index in `rounds` of the round on screen; the last one is the round in progress.
    shown: int = -1
    #: Notes of the round on screen, oldest first, as the list shows them.
    notes: list[NoteRecord] = field(default_factory=list)
    balance: SpeakingBalance | None = None
    #: The latest live turn of the round on screen, to count a new note's turn like the store.
    last_turn: LastTurn | None = None
    #: Who has the floor in the round in progress (None: no member, notes anonymous).
    current_id: str | None = None
    anonymous_next: bool = False
    tags: Tags = field(default_factory=lambda: Tags(NoteKind.CONSTAT))
    #: The note whose text is in the input line, being corrected.
    editing: NoteRecord | None = None
    #: Who said the note being corrected, as Tab may have changed it (None: anonymous).
    editing_speaker: str | None = None
    #: What was in the input line, and the sticky tags, before a correction began.
    set_aside: tuple[str, Tags] = ("", Tags(NoteKind.CONSTAT))
    #: Notes removed here, last one last: Ctrl+Y brings them back.
    removed: list[NoteRecord] = field(default_factory=list)
    #: A note's text as the one-line input shows it (the screen passes its input's rule).
    as_line: Callable[[str], str] = str

    # --- opening -----------------------------------------------------------------------

    def open(
        self,
        members: list[ParticipantRecord],
        workshop_number: int,
        indicator: int | None,
        rounds: list[RoundRecord],
    ) -> None:
        """The sub-group is read: its theme's indicator is the first tag."""
        self.members = list(members)
        self.workshop_number = workshop_number
        self.rounds = list(rounds)
        self.tags = Tags(default_kind(workshop_number), indicator)
        self.set_aside = ("", self.tags)

    # --- reading -----------------------------------------------------------------------

    @property
    def opened(self) -> bool:
        return self.workshop_number is not None

    @property
    def live_round(self) -> RoundRecord | None:
        """The round in progress: the sub-group's latest."""
        return self.rounds[-1] if self.rounds else None

    @property
    def shown_round(self) -> RoundRecord | None:
        return self.rounds[self.shown] if 0 <= self.shown < len(self.rounds) else None

    @property
    def browsing(self) -> bool:
        """An earlier round is on screen, not the one in progress."""
        return 0 <= self.shown < len(self.rounds) - 1

    @property
    def order(self) -> list[str]:
        return [m.id for m in self.members]

    @property
    def usual_kind(self) -> NoteKind | None:
        return default_kind(self.workshop_number) if self.workshop_number is not None else None

    def member_name(self, participant_id: str | None) -> str:
        for member in self.members:
            if member.id == participant_id:
                return member.display_name
        return "anonyme"

    @property
    def next_note_speaker(self) -> str | None:
        """Whom the next note is said by (None: anonymous)."""
        return None if self.anonymous_next else self.current_id

    def round_number(self, round_id: str | None) -> int | None:
        return next((r.number for r in self.rounds if r.id == round_id), None)

    # --- speakers ----------------------------------------------------------------------

    def first_speaker(self) -> str | None:
        return self.order[0] if self.order else None

    def resume_speaker(self, turns: list[TurnRecord]) -> None:
        """Coming back to a round: whoever spoke last goes on; after a pass, the next one."""
        for turn in reversed(turns):
            if turn.participant_id is None or turn.participant_id not in self.order:
                continue
            if turn.passed:
                self.current_id = next_speaker(self.order, turn.participant_id)
            else:
                self.current_id = turn.participant_id
            return
        self.current_id = self.first_speaker()

    def next_speaker(self) -> None:
        self.current_id = next_speaker(self.order, self.current_id)

    def previous_speaker(self) -> None:
        self.current_id = next_speaker(self.order[::-1], self.current_id)

    def toggle_anonymous(self) -> None:
        self.anonymous_next = not self.anonymous_next

    # --- tags --------------------------------------------------------------------------

    def set_indicator(self, number: int | None) -> None:
        self.tags = self.tags.with_indicator(number)

    def clear_indicator(self) -> None:
        """No indicator, hence no pole, on the notes that follow."""
        self.tags = replace(self.tags, indicator=None, pole=None)

    @property
    def kind_keys(self) -> dict[str, NoteKind]:
        """After F9, the letter that chooses each kind offered here."""
        return kind_keys(self.workshop_number) if self.workshop_number is not None else {}

    def choose_kind(self, key: str) -> bool:
        """F9 then `key`: the kind it names (True), or nothing changes (False)."""
        kind = self.kind_keys.get(key.lower())
        if kind is None:
            return False
        self.tags = self.tags.with_kind(kind)
        return True

    def next_pole(self) -> None:
        self.tags = self.tags.next_pole()

    # --- rounds ------------------------------------------------------------------------

    def show(
        self,
        index: int,
        notes: list[NoteRecord],
        balance: SpeakingBalance | None,
        turns: list[TurnRecord],
    ) -> None:
        """A round put on screen (-1: none yet), with what the store holds of it."""
        self.shown = index
        self.notes = list(notes)
        self.balance = balance
        self.last_turn = (turns[-1].participant_id, turns[-1].passed) if turns else None

    def rounds_read(self, rounds: list[RoundRecord]) -> bool:
        """The rounds read again; True when one was started since (from the first speaker)."""
        if [r.id for r in rounds] == [r.id for r in self.rounds]:
            return False
        self.rounds = list(rounds)
        self.current_id = self.first_speaker()
        return True

    def can_show_round(self, step: int) -> bool:
        return 0 <= self.shown + step < len(self.rounds)

    # --- saving ------------------------------------------------------------------------

    def note_saved(self, note: NoteRecord) -> None:
        """A note committed in the round on screen: listed and counted, without a re-read."""
        events = []
        if not joins_last_turn(self.last_turn, note.speaker_id):
            events.append(self._event(note.speaker_id, "turn", note))
        events.append(self._event(note.speaker_id, "note", note))
        self.last_turn = (note.speaker_id, False)
        self.notes.append(note)
        self.anonymous_next = False
        if self.balance is not None:
            self.balance = with_events(self.balance, events)

    def pass_recorded(self, participant_id: str) -> None:
        """The person with the floor passed (counted once in a row); the next one has it."""
        if not repeats_pass(self.last_turn, participant_id) and self.balance is not None:
            self.balance = with_events(self.balance, [self._event(participant_id, "pass")])
        self.last_turn = (participant_id, True)
        self.current_id = next_speaker(self.order, participant_id)

    def _event(
        self, participant_id: str | None, kind: SpeakingKind, note: NoteRecord | None = None
    ) -> SpeakingEvent:
        college = note.speaker_college if note is not None else None
        for member in self.members:
            if member.id == participant_id:
                college = member.college
        return SpeakingEvent(participant_id, college, kind)

    # --- undo and restore --------------------------------------------------------------

    def note_removed(self, note: NoteRecord) -> None:
        self.removed.append(note)

    def note_restored(self) -> NoteRecord:
        return self.removed.pop()

    # --- corrections -------------------------------------------------------------------

    def edit_last(self, line: str) -> NoteRecord | None:
        """F11: the last note taken back (what was typed set aside); None without notes."""
        if not self.notes:
            return None
        if self.editing is None:
            self.set_aside = (line, self.tags)
        return self.begin_correction(len(self.notes) - 1)

    def editing_index(self) -> int:
        ids = [n.id for n in self.notes]
        return ids.index(self.editing.id) if self.editing is not None else -1

    def edit_move(self, step: int) -> EditMove:
        """↑/↓ while correcting: the index of the note to take instead, or "end", or None."""
        index = self.editing_index() + step
        if index >= len(self.notes):
            return "end"
        return index if index >= 0 else None

    def correction_untouched(self, line: str) -> bool:
        editing = self.editing
        return (
            editing is not None
            and line == self.as_line(editing.text)
            and self.tags == Tags.of(editing)
            and self.editing_speaker == editing.speaker_id
        )

    @property
    def speaker_changed(self) -> bool:
        """The note being corrected is given to someone else."""
        return self.editing is not None and self.editing_speaker != self.editing.speaker_id

    def begin_correction(self, index: int) -> NoteRecord:
        note = self.notes[index]
        self.editing = note
        self.editing_speaker = note.speaker_id
        self.tags = Tags.of(note)
        return note

    def change_editing_speaker(self, step: int) -> None:
        """Tab/Maj+Tab while correcting: the note goes to the next (previous) member in
        speaking order, then « anonymous », going round; the floor does not move."""
        choices: list[str | None] = [*self.order, None]
        if self.editing_speaker in choices:
            index = choices.index(self.editing_speaker) + step
        else:
            index = 0 if step > 0 else -1
        self.editing_speaker = choices[index % len(choices)]

    def end_correction(self) -> str:
        """Back to typing new notes: the text set aside when the correction began."""
        self.editing = None
        text, self.tags = self.set_aside
        self.set_aside = ("", self.tags)
        return text

    def correction_saved(self, note: NoteRecord) -> str:
        self.notes[self.editing_index()] = note
        return self.end_correction()

    # --- what keys may do now ----------------------------------------------------------

    def check(self, action: str, parameters: tuple[object, ...], line: str) -> bool | None:
        """The screen's `check_action`: False hides a key, None shows it greyed."""
        correcting = self.editing is not None
        if action in ("next_speaker", "previous_speaker"):
            return bool(self.order)
        if action == "pass_turn":
            return False if correcting else self.current_id is not None and bool(self.rounds)
        if action == "anonymous":
            return not correcting
        if action == "undo":
            return False if correcting else None if not self.notes else True
        if action == "restore":
            return bool(self.removed) and not correcting
        if action == "edit_last":
            return bool(self.notes)
        if action == "edit_step":
            if correcting:
                return self.correction_untouched(line)
            return bool(self.notes) and not line and parameters == (-1,)
        if action == "new_round":
            return not correcting and self.opened
        if action == "show_round":
            if not parameters:
                return False
            return not correcting and self.can_show_round(int(str(parameters[0])))
        if action in ("balance", "plenary"):
            return self.opened
        if action == "image":
            return not correcting and self.workshop_number == 1
        return True
