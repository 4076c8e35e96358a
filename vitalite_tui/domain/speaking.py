"""Speaking balance: turns, notes and passes per person and per collège, and who is silent."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, NamedTuple, get_args

from vitalite_tui.domain.colleges import College

SpeakingKind = Literal["note", "pass", "turn"]
SPEAKING_KINDS: tuple[SpeakingKind, ...] = get_args(SpeakingKind)


class SpeakingEvent(NamedTuple):
    """One thing that happened in a round: a turn taken, a note written, a pass.

    `participant_id` is None for an anonymous note; `college` is None when unknown.
    """

    participant_id: str | None
    college: College | None
    kind: SpeakingKind


@dataclass(frozen=True)
class Tally:
    """Turns taken, notes written and passes recorded."""

    turns: int = 0
    notes: int = 0
    passes: int = 0

    def add(self, kind: SpeakingKind) -> Tally:
        if kind == "turn":
            return replace(self, turns=self.turns + 1)
        if kind == "note":
            return replace(self, notes=self.notes + 1)
        if kind == "pass":
            return replace(self, passes=self.passes + 1)
        raise ValueError(f"unknown speaking event: {kind!r}")

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.turns + other.turns, self.notes + other.notes, self.passes + other.passes)

    @property
    def has_spoken(self) -> bool:
        return self.turns > 0 or self.notes > 0


@dataclass(frozen=True)
class PersonBalance:
    participant_id: str
    college: College | None
    tally: Tally = field(default_factory=Tally)

    @property
    def turns(self) -> int:
        return self.tally.turns

    @property
    def notes(self) -> int:
        return self.tally.notes

    @property
    def passes(self) -> int:
        return self.tally.passes

    @property
    def has_spoken(self) -> bool:
        return self.tally.has_spoken


@dataclass(frozen=True)
class SpeakingBalance:
    """The balance of a round, a sub-group or a workshop.

    `people` lists the expected members first (in the order given, e.g. speaking order),
    then anyone else who spoke, in order of appearance.
    """

    people: tuple[PersonBalance, ...]
    colleges: dict[College, Tally]
    anonymous: Tally

    def person(self, participant_id: str) -> PersonBalance:
        for balance in self.people:
            if balance.participant_id == participant_id:
                return balance
        return PersonBalance(participant_id, None)

    @property
    def total(self) -> Tally:
        total = self.anonymous
        for balance in self.people:
            total = total + balance.tally
        return total

    @property
    def not_spoken(self) -> tuple[str, ...]:
        """People with neither a turn nor a note (those who passed included)."""
        return tuple(p.participant_id for p in self.people if not p.has_spoken)

    @property
    def not_asked(self) -> tuple[str, ...]:
        """People who have neither spoken nor passed: the floor has not reached them yet."""
        return tuple(p.participant_id for p in self.people if not p.has_spoken and not p.passes)

    def summary(self) -> str:
        """French one-liner of turns by collège: « élus 3 · acteurs 4 · habitants 5 »."""
        return " · ".join(f"{c.plural} {self.colleges[c].turns}" for c in College)


def speaking_balance(
    events: Iterable[tuple[str | None, College | None, str]],
    members: Sequence[tuple[str, College]] = (),
) -> SpeakingBalance:
    """Count `events` (`SpeakingEvent`s or plain tuples).

    `members` (id, collège) are the people expected to speak: listed first, even when silent,
    and their collège wins over the one an event carries.
    """
    tallies: dict[str, Tally] = {participant_id: Tally() for participant_id, _ in members}
    colleges_of: dict[str, College | None] = dict(members)
    by_college = {college: Tally() for college in College}
    anonymous = Tally()
    for participant_id, college, kind in events:
        if kind not in SPEAKING_KINDS:
            raise ValueError(f"unknown speaking event: {kind!r}")
        if participant_id is None:
            anonymous = anonymous.add(kind)
        else:
            tallies[participant_id] = tallies.get(participant_id, Tally()).add(kind)
            if colleges_of.get(participant_id) is None:
                colleges_of[participant_id] = college
            college = colleges_of[participant_id]
        if college is not None:
            college = College(college)
            by_college[college] = by_college[college].add(kind)
    people = tuple(
        PersonBalance(pid, colleges_of.get(pid), tally) for pid, tally in tallies.items()
    )
    return SpeakingBalance(people=people, colleges=by_college, anonymous=anonymous)


def next_speaker(order: Sequence[str], current: str | None, skip: Iterable[str] = ()) -> str | None:
    """The person after `current` in speaking order, going round, skipping `skip`.

    The first person when `current` is None or not in the order; None when nobody is left.
    """
    skipped = set(skip)
    if not order:
        return None
    start = order.index(current) + 1 if current in order else 0
    for offset in range(len(order)):
        candidate = order[(start + offset) % len(order)]
        if candidate not in skipped:
            return candidate
    return None


# ---------------------------------------------------------------- turn rules

#: The round's latest live turn as the turn rules see it: (speaker id or None, passed).
LastTurn = tuple[str | None, bool]


def joins_last_turn(last: LastTurn | None, speaker_id: str | None) -> bool:
    """A note joins the round's latest turn when the same person goes on, not after a pass."""
    return last is not None and not last[1] and last[0] == speaker_id


def repeats_pass(last: LastTurn | None, participant_id: str) -> bool:
    """A pass right after the same person's pass is not recorded again."""
    return last is not None and last[1] and last[0] == participant_id
