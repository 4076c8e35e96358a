"""The demo's workshops already held: attendance, sub-groups, speaking rounds and notes."""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import TypeVar
from uuid import UUID

from vitalite_tui.demo import data as data
from vitalite_tui.demo.context import (
    SEED,
    DemoContext,
    Person,
    WorkshopSpec,
    agree,
    at_commune,
    of_commune,
    paris_to_utc,
)
from vitalite_tui.demo.preparation import set_step_dates
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.domain.steps import StepStatus
from vitalite_tui.domain.subgroups import Person as GroupPerson
from vitalite_tui.domain.subgroups import form_subgroups
from vitalite_tui.domain.workshops import DEFAULT_AGENDA, workshop_step
from vitalite_tui.store.bulk import (
    AttendanceRow,
    NoteRevisionRow,
    NoteRow,
    RoundRow,
    Row,
    SubGroupMemberRow,
    SubGroupRow,
    TurnRow,
)
from vitalite_tui.store.workshops.records import WorkshopRecord
from vitalite_tui.store.workshops.subgroups import default_settings

R = TypeVar("R", bound=Row)

#: Minutes of a round by the number of rounds a sub-group holds in its hour.
TIMEBOX: dict[int, int] = {1: 45, 2: 25, 3: 20}
#: Sub-group work starts after the plenary sequences that open the evening (18:55).
WORK_START = timedelta(minutes=sum(i.minutes for i in DEFAULT_AGENDA[:2]))
#: Days from a workshop to its debrief (the next morning for workshops 1 and 2); workshop 4
#: leaves its step open: the charter is signed later, at the conseil communautaire.
DEBRIEF_DAYS: dict[int, int] = {1: 1, 2: 1, 3: 0}

#: How a sub-group talks: someone passes their first turn, asks to stay anonymous, speaks
#: again in a later tour; how many notes one turn gives.
PASS_RATE = 0.08
ANONYMOUS_RATE = 0.06
REBOUND_RATE = 0.5
NOTES_PER_TURN: tuple[int, ...] = (1, 1, 1, 2, 2, 3)
#: How a note is worded and tagged.
COLLEGE_OPENING_RATE = 0.35
TAIL_RATE = 0.3
GENERAL_RATE = 0.04
POLE_LEAN = 0.75
UNTAGGED_RATE = 0.05
NO_POLE_RATE = 0.08

_ELISION = re.compile(r"\bque (?=[aeiouyàâéèêîôAEIOUYÀÂÉÈÊÎÔ])")


def split(total: int, parts: int) -> list[int]:
    """`total` shared as evenly as possible, the first parts getting the remainder."""
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def first_words(text: str) -> str:
    """The first half of a note's words: what was typed before Enter came too early."""
    words = text.split()
    return " ".join(words[: max(2, len(words) // 2)])


def word(text: str, commune: str) -> str:
    """A saying made into a note: villages put in, « que il » elided, a capital first."""
    text = (
        text.replace("{at_commune}", at_commune(commune))
        .replace("{of_commune}", of_commune(commune))
        .replace("{commune}", commune)
    )
    text = _ELISION.sub("qu'", text)
    return text[:1].upper() + text[1:]


def pick_balanced(pool: Sequence[Person], count: int, rng: random.Random) -> set[Person]:
    """`count` people of `pool`, taken from each collège in turn."""
    by_college = {college: [p for p in pool if p.college is college] for college in College}
    for people in by_college.values():
        rng.shuffle(people)
    order = list(College)
    rng.shuffle(order)
    chosen: set[Person] = set()
    while len(chosen) < min(count, len(pool)):
        for college in order:
            if by_college[college] and len(chosen) < count:
                chosen.add(by_college[college].pop())
    return chosen


@dataclass
class TurnPlan:
    """A turn in a round before it gets its rows: who (None: anonymous), passed, notes."""

    speaker: Person | None
    passed: bool
    notes: int


def plan_turns(members: Sequence[Person], budget: int, rng: random.Random) -> list[TurnPlan]:
    """Tours of the sub-group in speaking order until `budget` notes are said.

    In the first tour everyone speaks or passes; later tours are rebounds. Consecutive notes
    of one speaker share a turn, as `Capture.save_note` does.
    """
    turns: list[TurnPlan] = []
    remaining = budget
    first = True
    while remaining > 0 and members:
        for person in members:
            if remaining == 0:
                break
            if first and rng.random() < PASS_RATE:
                turns.append(TurnPlan(person, True, 0))
                continue
            if not first and rng.random() >= REBOUND_RATE:
                continue
            speaker = None if rng.random() < ANONYMOUS_RATE else person
            count = 1 if speaker is None else min(remaining, rng.choice(NOTES_PER_TURN))
            last = turns[-1] if turns else None
            if last is not None and not last.passed and last.speaker == speaker:
                last.notes += count
            else:
                turns.append(TurnPlan(speaker, False, count))
            remaining -= count
        first = False
    return turns


#: The order rows go in: parents before children.
ORDER: tuple[type[Row], ...] = (
    AttendanceRow,
    SubGroupRow,
    SubGroupMemberRow,
    RoundRow,
    TurnRow,
    NoteRow,
    NoteRevisionRow,
)


class Batch:
    """Rows gathered per kind, then inserted through the store in bulk, parents first."""

    def __init__(self) -> None:
        self.rows: dict[type[Row], list[Row]] = {}

    def add(self, row: R) -> R:
        self.rows.setdefault(type(row), []).append(row)
        return row

    def rounds(self) -> list[RoundRow]:
        return [row for row in self.rows.get(RoundRow, []) if isinstance(row, RoundRow)]

    def insert(self, context: DemoContext) -> None:
        for kind in ORDER:
            context.store.bulk.insert(self.rows.get(kind, []))


@dataclass
class HeldWorkshop:
    """Writes the rows of one workshop evening as the store would have, one note at a time."""

    context: DemoContext
    batch: Batch
    row: WorkshopRecord
    spec: WorkshopSpec
    script: data.WorkshopScript
    #: The evening's start (18:30 in Paris) in naive UTC.
    start: datetime
    #: Notes of each named turn, to pick the one undone and the ones edited afterwards.
    turns: list[list[NoteRow]] = field(default_factory=list)
    #: How often each saying was used: the next note prefers one said least so far.
    used: Counter[data.Saying] = field(default_factory=Counter)

    @property
    def rng(self) -> random.Random:
        return self.context.rng

    @property
    def workshop(self) -> UUID:
        return UUID(self.row.id)

    def write(self, came_before: set[Person]) -> list[Person]:
        """Attendance, sub-groups, rounds and notes; returns who was present."""
        present = self.attend(came_before)
        for position, members in enumerate(self.form(present)):
            self.subgroup(position, members)
        self.undo_one()
        self.edit_two()
        return present

    def attend(self, came_before: set[Person]) -> list[Person]:
        """The people ticked present: some of the regulars, and the newcomers."""
        registry = list(self.context.participant_ids)
        known = [p for p in registry if p in came_before]
        never = [p for p in registry if p not in came_before]
        if not came_before:
            regulars, newcomers = registry, []
        else:
            regulars = known
            newcomers = self.rng.sample(never, min(self.spec.newcomers, len(never)))
        away = pick_balanced(
            regulars, len(regulars) - (self.spec.present - len(newcomers)), self.rng
        )
        present = [p for p in registry if (p in regulars and p not in away) or p in newcomers]
        arrivals = present[:]
        self.rng.shuffle(arrivals)
        for i, person in enumerate(arrivals):
            self.batch.add(
                AttendanceRow(
                    created_at=self.start + timedelta(seconds=20 * i),
                    workshop=self.workshop,
                    participant=self.context.participant_ids[person],
                    newcomer=self.row.number > 1 and person not in came_before,
                )
            )
        return present

    def form(self, present: list[Person]) -> list[list[Person]]:
        """Balanced sub-groups by `domain.subgroups`, keyed by registry number (reproducible)."""
        numbers = {p: f"{n:03d}" for n, p in enumerate(self.context.participant_ids, start=1)}
        by_number = {numbers[p]: p for p in present}
        people = [GroupPerson(numbers[p], p.college, p.commune) for p in present]
        drawn = form_subgroups(people, len(self.spec.rounds), SEED + self.row.number)
        return [[by_number[n] for n in group] for group in drawn]

    def subgroup(self, position: int, members: list[Person]) -> None:
        """One sub-group: its row, its members in speaking order, its rounds one after another."""
        script = self.script.groups[position % len(self.script.groups)]
        formed = self.start + timedelta(minutes=20, seconds=position)
        animateurs = data.ANIMATEURS
        group = self.batch.add(
            SubGroupRow(
                created_at=formed,
                workshop=self.workshop,
                position=position,
                name=str(default_settings(self.row.number, position)["name"]),
                theme=script.theme,
                indicator=script.indicator,
                animateur=animateurs[(position + self.row.number - 1) % len(animateurs)],
            )
        )
        for order, person in enumerate(members):
            self.batch.add(
                SubGroupMemberRow(
                    created_at=formed,
                    subgroup=group.id,
                    participant=self.context.participant_ids[person],
                    position=order,
                )
            )
        count = self.spec.rounds[position]
        questions = self.script.two_rounds if count == 2 else tuple(range(count))
        budgets = split(split(self.spec.notes, len(self.spec.rounds))[position], count)
        # Each sub-group's times carry their own microseconds: no two notes of a workshop
        # share a created_at, so "oldest first" is one order on every laptop.
        clock = self.start + WORK_START
        clock += timedelta(minutes=self.rng.randint(0, 2), microseconds=1000 * (position + 1))
        for number, (question, budget) in enumerate(zip(questions, budgets, strict=True)):
            end = clock + timedelta(minutes=TIMEBOX[count] + self.rng.randint(-3, 2))
            rnd = self.batch.add(
                RoundRow(
                    created_at=clock,
                    updated_at=end,
                    subgroup=group.id,
                    position=number,
                    question=script.rounds[question].question,
                    timebox_minutes=TIMEBOX[count],
                    trend=None,
                    started_at=clock,
                    ended_at=end,
                )
            )
            self.talk(rnd, members, script, script.rounds[question], budget)
            clock = end + timedelta(minutes=self.rng.randint(1, 2))

    def talk(
        self,
        rnd: RoundRow,
        members: list[Person],
        script: data.GroupScript,
        question: data.RoundScript,
        budget: int,
    ) -> None:
        """The round's turns and notes, at times spread over the round (one second apart)."""
        turns = plan_turns(members, budget, self.rng)
        start, end = rnd.started_at, rnd.ended_at
        assert start is not None
        assert end is not None
        seconds = int((end - start).total_seconds())
        events = sum(max(1, plan.notes) for plan in turns)
        times = iter(sorted(self.rng.sample(range(1, seconds), events)))
        for position, plan in enumerate(turns):
            first = start + timedelta(seconds=next(times))
            speaker = self.context.participant_ids[plan.speaker] if plan.speaker else None
            turn = self.batch.add(
                TurnRow(
                    created_at=first,
                    round=rnd.id,
                    participant=speaker,
                    position=position,
                    passed=plan.passed,
                )
            )
            notes = []
            for i in range(plan.notes):
                when = first if i == 0 else start + timedelta(seconds=next(times))
                saying, indicator, pole = self.choose(script, question)
                commune = plan.speaker.commune if plan.speaker else self.rng.choice(data.COMMUNES)
                notes.append(
                    self.batch.add(
                        NoteRow(
                            created_at=when,
                            workshop=self.workshop,
                            subgroup=rnd.subgroup,
                            round=rnd.id,
                            turn=turn.id,
                            speaker=speaker,
                            text=word(self.phrase(saying, plan.speaker), commune),
                            kind=saying.kind.value,
                            indicator=indicator,
                            pole=pole.value if pole is not None else None,
                            trend=None,
                            axis=None,
                        )
                    )
                )
            if plan.speaker is not None and notes:
                self.turns.append(notes)

    def choose(
        self, script: data.GroupScript, question: data.RoundScript
    ) -> tuple[data.Saying, int | None, Pole | None]:
        """What is said next, and its tags: the kind the question calls for, the pole it
        leans to, sometimes another sub-group's theme, sometimes no tag at all."""
        rng = self.rng
        offered = {saying.kind for saying in script.sayings}
        kinds = [(kind, weight) for kind, weight in question.kinds if kind in offered]
        kind = rng.choices([k for k, _ in kinds], [w for _, w in kinds])[0]
        if kind is NoteKind.CONSTAT and rng.random() < GENERAL_RATE:
            remark = data.Saying(rng.choice(data.GENERAL_REMARKS), kind, plain=True)
            return remark, None, None
        source = script
        if rng.random() < self.script.wander:
            source = rng.choice([g for g in self.script.groups if g is not script])
        pool = [s for s in source.sayings if s.kind is kind] or [
            s for s in script.sayings if s.kind is kind
        ]
        if question.pole is not None:
            lean = rng.random() < POLE_LEAN
            pool = [s for s in pool if (s.pole is question.pole) is lean] or pool
        fewest = min(self.used[s] for s in pool)
        saying = rng.choice([s for s in pool if self.used[s] == fewest])
        self.used[saying] += 1
        indicator, pole = saying.indicator, saying.pole
        if rng.random() < UNTAGGED_RATE:
            return saying, None, None
        if pole is not None and rng.random() < NO_POLE_RATE:
            pole = None
        return saying, indicator, pole

    def phrase(self, saying: data.Saying, speaker: Person | None) -> str:
        """An opening (the speaker's collège's, or the workshop's), the saying, maybe a tail."""
        if saying.plain:
            return saying.text
        rng = self.rng
        script = self.script
        if (
            speaker is not None
            and saying.kind in script.personal
            and rng.random() < COLLEGE_OPENING_RATE
        ):
            opening = agree(speaker.gender, rng.choice(data.COLLEGE_OPENINGS[speaker.college]))
        else:
            opening = rng.choice(script.openings.get(saying.kind, ("",)))
        tails = script.tails.get((saying.kind, saying.pole)) or script.tails.get(
            (saying.kind, None), ()
        )
        tail = rng.choice(tails) if tails and rng.random() < TAIL_RATE else ""
        return opening + saying.text + tail

    def undo_one(self) -> None:
        """Enter came too early once: that note was undone (soft-deleted), then typed whole."""
        longer = [notes for notes in self.turns if len(notes) >= 2]
        if not longer:
            return
        before, after = self.rng.choice(longer)[:2]
        assert before.created_at is not None
        assert after.created_at is not None
        gap = after.created_at - before.created_at
        removed = before.created_at + gap * 2 / 3
        self.batch.add(
            NoteRow(
                created_at=before.created_at + gap / 3,
                updated_at=removed,
                deleted_at=removed,
                workshop=after.workshop,
                subgroup=after.subgroup,
                round=after.round,
                turn=after.turn,
                speaker=after.speaker,
                kind=after.kind,
                text=first_words(after.text),
                indicator=None,
                pole=None,
                trend=None,
                axis=None,
            )
        )

    def edit_two(self) -> None:
        """Two notes edited later in the round: one completed, one tagged afterwards.

        As `Capture.edit_note` does, the earlier state is kept as a `NoteRevision`.
        """
        notes = [note for turn in self.turns for note in turn]
        completed = self.rng.choice([n for n in notes if len(n.text.split()) >= 8])
        tagged = self.rng.choice([n for n in notes if n.indicator and n is not completed])
        ends = {r.id: r.ended_at for r in self.batch.rounds()}
        for note, text, indicator, pole in (
            (completed, first_words(completed.text), completed.indicator, completed.pole),
            (tagged, tagged.text, None, None),
        ):
            assert note.created_at is not None
            assert note.round is not None
            later = note.created_at + timedelta(seconds=self.rng.randint(30, 240))
            end = ends[note.round]
            edited = min(later, end) if end is not None else later
            self.batch.add(
                NoteRevisionRow(
                    created_at=edited,
                    note=note.id,
                    text=text,
                    kind=note.kind,
                    indicator=indicator,
                    pole=pole,
                )
            )
            note.updated_at = edited


def fill_workshops(context: DemoContext) -> None:
    """The workshops already held: attendance, sub-groups, speaking rounds and notes."""
    if not context.spec.workshops:
        return
    workshops = context.store.workshops
    batch = Batch()
    came_before: set[Person] = set()
    for number, spec in enumerate(context.spec.workshops, start=1):
        row = workshops.get(context.demarche_id, number)
        day = row.date or data.WORKSHOPS[number - 1][0]
        start = paris_to_utc(day, row.start_time or data.WORKSHOP_START)
        script = data.WORKSHOP_SCRIPTS[number - 1]
        held = HeldWorkshop(context, batch, row, spec, script, start)
        came_before.update(held.write(came_before))
    batch.insert(context)


def fill_workshop_steps(context: DemoContext) -> None:
    """Steps of the workshops held: done after their debrief; what each one kept, for the
    recap of the next. The questionnaire (step 3) closed before workshop 1."""
    held = len(context.spec.workshops)
    if not held:
        return
    demarche_id = context.demarche_id
    steps = context.store.steps
    steps.set_status(demarche_id, 3, StepStatus.DONE)
    set_step_dates(context, 3, data.STEP3_START, data.STEP3_DONE)
    workshop_ids = context.store.bulk.workshop_ids(demarche_id)
    for number in range(1, held + 1):
        day = data.WORKSHOPS[number - 1][0]
        step = workshop_step(number)
        debrief = DEBRIEF_DAYS.get(number)
        done = day + timedelta(days=debrief) if debrief is not None else None
        steps.set_status(demarche_id, step, StepStatus.DONE if done else StepStatus.IN_PROGRESS)
        set_step_dates(context, step, day, done)
        # What was kept is written up the next morning.
        written = paris_to_utc(day + timedelta(days=1), time(10, 0))
        context.store.bulk.recap(workshop_ids[number], data.RECAPS[number], written)
