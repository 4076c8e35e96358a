"""The demo démarche: a fictional rural communauté de communes to explore the app.

The demo is built by a sequence of small fill functions (`FILLS`), in one write transaction,
from a fixed random seed: the same demo every time, on every laptop. Later features add
their own fill function at the end of `FILLS`.
"""

from __future__ import annotations

import random
import re
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any, Literal, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from vitalite_tui.db.models import (
    Attendance,
    BaseModel,
    CommitteeMember,
    Demarche,
    Note,
    NoteRevision,
    Participant,
    Round,
    StepRecord,
    SubGroup,
    SubGroupMember,
    Turn,
    Workshop,
)
from vitalite_tui.demo import data as data
from vitalite_tui.demo.axes import fill_axes
from vitalite_tui.demo.charter import fill_action_sheets, fill_charter
from vitalite_tui.demo.felt import fill_felt, fill_images
from vitalite_tui.demo.questionnaires import fill_questionnaire_sheets
from vitalite_tui.demo.rows import insert_rows, new_row
from vitalite_tui.demo.votes import fill_votes
from vitalite_tui.demo.workshop2 import fill_workshop2
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.domain.steps import Decision, StepStatus
from vitalite_tui.domain.subgroups import Person as GroupPerson
from vitalite_tui.domain.subgroups import form_subgroups
from vitalite_tui.domain.workshops import DEFAULT_AGENDA, WORKSHOP_NUMBERS, workshop_step
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store.base import as_uuid, key, writing
from vitalite_tui.store.preparation.records import DemoResult, Step1Record, WorkshopPlan
from vitalite_tui.store.workshops.subgroups import default_settings

if TYPE_CHECKING:
    from vitalite_tui.store import Store

DemoSize = Literal["small", "large"]
DEMO_SIZES: tuple[DemoSize, ...] = get_args(DemoSize)

#: The seed of every demo: the same people, in the same order, each time.
SEED = 2026


@dataclass(frozen=True)
class WorkshopSpec:
    """One workshop already held: who came, how much was said, in how many rounds."""

    present: int
    #: Of those present, how many come for the first time (workshops 2–4).
    newcomers: int
    #: Live notes of the whole workshop, shared evenly between sub-groups and rounds.
    notes: int
    #: Rounds of each sub-group (its length is the number of sub-groups).
    rounds: tuple[int, ...]


@dataclass(frozen=True)
class DemoSpec:
    """How big a demo is: people per collège, workshops held (later: sheets, votes…)."""

    colleges: dict[College, int]
    #: The workshops already held, from workshop 1 on.
    workshops: tuple[WorkshopSpec, ...] = ()
    #: Questionnaire sheets collected before workshop 1.
    sheets: int = 0
    #: Intentions written at workshop 2's debrief: one per intention note said, up to this
    #: many; None for three per trend, worded from what each sub-group said (small demo).
    intentions: int | None = None
    #: How many times the size's notes, sheets and intentions (benchmarks at ten times).
    scale: int = 1

    @property
    def participants(self) -> int:
        return sum(self.colleges.values())


SPECS: dict[DemoSize, DemoSpec] = {
    # The four workshops are held, so the whole démarche can be walked through (felt
    # barometer, axes, trends, intentions, the vote, action sheets, the charter) and exported.
    "small": DemoSpec(
        {College.ELU: 15, College.ACTEUR: 15, College.HABITANT: 15},
        workshops=(
            WorkshopSpec(present=38, newcomers=0, notes=280, rounds=(2, 2, 2, 2)),
            WorkshopSpec(present=36, newcomers=2, notes=120, rounds=(2, 2, 1, 1)),
            WorkshopSpec(present=34, newcomers=1, notes=60, rounds=(1, 1, 1, 1)),
            WorkshopSpec(present=40, newcomers=3, notes=40, rounds=(1, 1, 1, 1)),
        ),
        sheets=80,
    ),
    # The size the benchmarks use (DESIGN.md, quality bars): the 50-person cap, the four
    # workshops held, 2,000 notes.
    "large": DemoSpec(
        {College.ELU: 17, College.ACTEUR: 17, College.HABITANT: 16},
        workshops=(
            WorkshopSpec(present=42, newcomers=0, notes=500, rounds=(3, 2, 3, 2)),
            WorkshopSpec(present=44, newcomers=3, notes=500, rounds=(2, 3, 3, 2)),
            WorkshopSpec(present=43, newcomers=3, notes=500, rounds=(3, 3, 2, 2)),
            WorkshopSpec(present=46, newcomers=2, notes=500, rounds=(2, 3, 2, 3)),
        ),
        sheets=300,
        intentions=150,
    ),
}


@dataclass(frozen=True)
class Person:
    """A made-up participant before insertion."""

    name: str
    gender: str  # "f" or "m", to agree role titles
    college: College
    commune: str
    organisation: str = ""


@dataclass
class DemoContext:
    """What the fill functions share while the demo is being written."""

    store: Store
    demarche_id: str
    spec: DemoSpec
    rng: random.Random
    #: The made-up people per collège, and their row ids; set by `fill_participants`.
    people: dict[College, list[Person]] = field(default_factory=dict)
    participant_ids: dict[Person, uuid.UUID] = field(default_factory=dict)


def scaled(spec: DemoSpec, scale: int) -> DemoSpec:
    """`spec` with `scale` times its notes, sheets and intentions (the same people)."""
    if scale == 1:
        return spec
    return replace(
        spec,
        workshops=tuple(replace(w, notes=w.notes * scale) for w in spec.workshops),
        sheets=spec.sheets * scale,
        intentions=spec.intentions * scale if spec.intentions is not None else None,
        scale=scale,
    )


def demo_key(size: DemoSize, scale: int = 1) -> str:
    return f"demo-{size}" if scale == 1 else f"demo-{size}-x{scale}"


def create_demo(store: Store, size: DemoSize = "small", scale: int = 1) -> DemoResult:
    """Create the demo démarche of this size, or return the existing one (never duplicated).

    `scale` multiplies its notes, sheets and intentions, for benchmarks: a scaled demo is
    a démarche of its own, built once like the others.
    """
    if size not in SPECS:
        sizes = ", ".join(DEMO_SIZES)
        raise InvalidInput(f"Taille de démo inconnue : « {size} » (au choix : {sizes}).")
    if scale < 1:
        raise InvalidInput(f"Échelle de démo invalide : {scale} (au moins 1).")
    with writing():
        existing = Demarche.get_or_none(Demarche.demo_key == demo_key(size, scale))
        if existing is not None and existing.deleted_at is None:
            counts = demo_counts(store, key(existing))
            return DemoResult(key(existing), existing.territory, False, counts)
        if existing is not None:
            # The demo was removed: free its key so a fresh one can be made.
            existing.demo_key = f"{demo_key(size, scale)}-removed-{key(existing)}"
            existing.save()
        demarche_id = store.demarches.create(data.TERRITORY, list(data.COMMUNES))
        Demarche.update(demo_key=demo_key(size, scale)).where(
            Demarche.id == as_uuid(demarche_id)
        ).execute()
        spec = scaled(SPECS[size], scale)
        context = DemoContext(store, demarche_id, spec, random.Random(SEED))
        for fill in FILLS:
            fill(context)
        counts = demo_counts(store, demarche_id)
    return DemoResult(demarche_id, data.TERRITORY, True, counts)


def demo_counts(store: Store, demarche_id: str) -> dict[str, int]:
    """What a demo holds, for the message shown once it is ready."""
    colleges = store.participants.counts(demarche_id)
    plans = store.planning.all(demarche_id)
    return {
        "communes": len(store.demarches.get(demarche_id).communes),
        "participants": colleges.total,
        **{college.value: colleges[college] for college in College},
        "committee": len(store.committee.all(demarche_id)),
        "workshops_planned": sum(1 for plan in plans if plan.date is not None),
        "logistics_done": sum(1 for item in store.logistics.all(demarche_id) if item.done),
        "questionnaire": int(store.questionnaires.chosen(demarche_id) is not None),
        "workshops_held": sum(
            1
            for number in WORKSHOP_NUMBERS
            if store.workshops.attendance_counts(demarche_id, number).total
        ),
        "notes": Note.select()
        .join(Workshop)
        .where((Workshop.demarche == as_uuid(demarche_id)) & Note.deleted_at.is_null())
        .count(),
    }


# ---------------------------------------------------------------- helpers


def set_step_dates(demarche_id: str, number: int, started: date, done: date | None) -> None:
    """Fixed calendar dates instead of today's, so the demo tells a plausible story."""
    StepRecord.update(started_on=started, done_on=done).where(
        (StepRecord.demarche == demarche_id) & (StepRecord.number == number)
    ).execute()


def agree(gender: str, titles: tuple[str, str]) -> str:
    """The feminine or masculine form of a title given as (feminine, masculine)."""
    return titles[0] if gender == "f" else titles[1]


def of_commune(commune: str) -> str:
    """« de Fontclaire », « du Mas-d'Aiguilhe », « des Issarts »: French contracts de + article."""
    for article, contracted in (("Le ", "du "), ("Les ", "des ")):
        if commune.startswith(article):
            return contracted + commune[len(article) :]
    return f"de {commune}"


def at_commune(commune: str) -> str:
    """« à Fontclaire », « au Mas-d'Aiguilhe », « aux Issarts »: French contracts à + article."""
    for article, contracted in (("Le ", "au "), ("Les ", "aux ")):
        if commune.startswith(article):
            return contracted + commune[len(article) :]
    return f"à {commune}"


def make_people(spec: DemoSpec, rng: random.Random) -> dict[College, list[Person]]:
    """Names, communes and organisations for every collège, drawn from the seeded `rng`."""
    first_names = rng.sample(data.FIRST_NAMES, len(data.FIRST_NAMES))
    surnames = rng.sample(data.SURNAMES, len(data.SURNAMES))
    # Each person gets a different first name, so names never repeat.
    names = iter(
        (f"{first} {surnames[i % len(surnames)]}", gender)
        for i, (first, gender) in enumerate(first_names)
    )
    communes = data.COMMUNES

    elus = []
    for i in range(spec.colleges[College.ELU]):
        name, gender = next(names)
        if i < data.MAYORS:
            commune = communes[i]
            role = f"maire {of_commune(commune)}"
        else:
            commune = rng.choice(communes)
            # The first role (vice-president) is held once; the others go round.
            rest = i - data.MAYORS
            titles = data.ELU_ROLES[1 + (rest - 1) % (len(data.ELU_ROLES) - 1) if rest else 0]
            role = agree(gender, titles).format(of_commune=of_commune(commune))
        elus.append(Person(name, gender, College.ELU, commune, role))

    acteurs = []
    organisations = rng.sample(data.ORGANISATIONS, spec.colleges[College.ACTEUR])
    for template in organisations:
        name, gender = next(names)
        commune = rng.choice(communes)
        acteurs.append(
            Person(
                name,
                gender,
                College.ACTEUR,
                commune,
                template.format(of_commune=of_commune(commune)),
            )
        )

    habitants = []
    for i in range(spec.colleges[College.HABITANT]):
        name, gender = next(names)
        groups = data.HABITANT_ORGANISATIONS
        organisation = groups[i // 5] if i % 5 == 4 and i // 5 < len(groups) else ""
        habitants.append(Person(name, gender, College.HABITANT, rng.choice(communes), organisation))
    return {College.ELU: elus, College.ACTEUR: acteurs, College.HABITANT: habitants}


# ---------------------------------------------------------------- fill functions


def fill_participants(context: DemoContext) -> None:
    """The registry: people in thirds by collège, in the order they signed up."""
    rng = context.rng
    context.people = make_people(context.spec, rng)
    everyone = [person for people in context.people.values() for person in people]
    rng.shuffle(everyone)
    context.participant_ids = {person: uuid.uuid4() for person in everyone}
    insert_rows(
        Participant,
        (
            {
                "id": context.participant_ids[person],
                "demarche": context.demarche_id,
                "number": number,
                "display_name": person.name,
                "college": person.college.value,
                "commune": person.commune,
                "organisation": person.organisation,
                "consent_data": rng.random() < data.CONSENT_DATA_RATE,
                "consent_contact": rng.random() < data.CONSENT_CONTACT_RATE,
                "consent_named": rng.random() < data.CONSENT_NAMED_RATE,
            }
            for number, person in enumerate(everyone, start=1)
        ),
    )


def fill_step1(context: DemoContext) -> None:
    """Presented to the élus, then adopted by the conseil communautaire."""
    steps = context.store.steps
    steps.save_step1(
        context.demarche_id,
        Step1Record(
            presentation_date=data.PRESENTATION_DATE,
            deliberation_date=data.DELIBERATION_DATE,
            deliberation_ref=data.DELIBERATION_REF,
            decision=Decision.ADOPTED,
            comment=data.STEP1_COMMENT,
        ),
    )
    steps.set_status(context.demarche_id, 1, StepStatus.DONE)
    set_step_dates(context.demarche_id, 1, data.PRESENTATION_DATE, data.DELIBERATION_DATE)


def fill_committee(context: DemoContext) -> None:
    """The comité de pilotage: three élus (one presiding) and the staff who run the method."""
    elus = context.people[College.ELU]
    # The vice-president for social cohesion presides; the bourg-centre's mayor and one more
    # élu are referents.
    chosen = [elus[min(data.MAYORS, len(elus) - 1)], elus[0], elus[-1]]
    members: list[tuple[str, str, str, uuid.UUID | None]] = [
        (
            person.name,
            agree(person.gender, titles),
            person.organisation,
            context.participant_ids[person],
        )
        for person, titles in zip(chosen, data.COMMITTEE_ELU_ROLES, strict=True)
    ]
    members += [
        (name, role, organisation, None) for name, role, organisation in data.COMMITTEE_STAFF
    ]
    insert_rows(
        CommitteeMember,
        (
            {
                "demarche": context.demarche_id,
                "participant": participant,
                "name": name,
                "role": role,
                "organisation": organisation,
                "position": position,
            }
            for position, (name, role, organisation, participant) in enumerate(members)
        ),
    )


def fill_planning(context: DemoContext) -> None:
    """Four Thursday evenings in autumn, each in a village hall."""
    for number, (day, place) in enumerate(data.WORKSHOPS, start=1):
        context.store.planning.save(
            context.demarche_id,
            WorkshopPlan(number, day, data.WORKSHOP_START, data.WORKSHOP_END, place),
        )


def fill_logistics(context: DemoContext) -> None:
    """Most of the checklist is ticked; what belongs to later steps is still open."""
    for item in context.store.logistics.all(context.demarche_id):
        if item.label not in data.LOGISTICS_LEFT_OPEN:
            context.store.logistics.toggle(item.id)


def fill_questionnaire(context: DemoContext) -> None:
    """The default questionnaire de sociabilité, when the program ships one."""
    questionnaires = context.store.questionnaires
    choices = questionnaires.available()
    if choices:
        questionnaires.choose(context.demarche_id, choices[0].code, choices[0].version)


def fill_step2_done(context: DemoContext) -> None:
    """Step 2 closes at the second COPIL; the questionnaire (step 3) is under way."""
    steps = context.store.steps
    steps.set_status(context.demarche_id, 2, StepStatus.DONE)
    StepRecord.update(comment=data.STEP2_COMMENT).where(
        (StepRecord.demarche == context.demarche_id) & (StepRecord.number == 2)
    ).execute()
    set_step_dates(context.demarche_id, 2, data.COPIL_DATE, data.STEP2_DONE)
    steps.set_status(context.demarche_id, 3, StepStatus.IN_PROGRESS)
    set_step_dates(context.demarche_id, 3, data.STEP3_START, None)


# ---------------------------------------------------------------- workshops held

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


def _paris() -> tzinfo | None:
    """Paris time, when the tz database is there (Windows without `tzdata` lacks it)."""
    try:
        return ZoneInfo("Europe/Paris")
    except (ZoneInfoNotFoundError, ValueError):
        return None


PARIS = _paris()


def last_sunday(year: int, month: int) -> date:
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() + 1) % 7)


def paris_to_utc(day: date, clock: time, zone: tzinfo | None = PARIS) -> datetime:
    """Naive UTC of a Paris wall-clock time (the database keeps naive UTC).

    Without a tz database, the EU rule: summer time (UTC+2) from the last Sunday of March
    to the last Sunday of October, winter time (UTC+1) otherwise; exact for evenings.
    """
    local = datetime.combine(day, clock)
    offset = local.replace(tzinfo=zone).utcoffset() if zone is not None else None
    if offset is None:
        summer = last_sunday(day.year, 3) <= day < last_sunday(day.year, 10)
        offset = timedelta(hours=2 if summer else 1)
    return local - offset


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


class Batch:
    """Rows gathered per model, then inserted in chunks, parents before children."""

    def __init__(self) -> None:
        self.rows: dict[type[BaseModel], list[dict[str, Any]]] = {}

    def add(self, model: type[BaseModel], when: datetime, **values: Any) -> dict[str, Any]:
        row = new_row(when, **values)
        self.rows.setdefault(model, []).append(row)
        return row

    def insert(self) -> None:
        for model in (Attendance, SubGroup, SubGroupMember, Round, Turn, Note, NoteRevision):
            insert_rows(model, self.rows.get(model, []))


@dataclass
class HeldWorkshop:
    """Writes the rows of one workshop evening as the store would have, one note at a time."""

    context: DemoContext
    batch: Batch
    row: Workshop
    spec: WorkshopSpec
    script: data.WorkshopScript
    #: The evening's start (18:30 in Paris) in naive UTC.
    start: datetime
    #: Notes of each named turn, to pick the one undone and the ones edited afterwards.
    turns: list[list[dict[str, Any]]] = field(default_factory=list)
    #: How often each saying was used: the next note prefers one said least so far.
    used: Counter[data.Saying] = field(default_factory=Counter)

    @property
    def rng(self) -> random.Random:
        return self.context.rng

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
                Attendance,
                self.start + timedelta(seconds=20 * i),
                workshop=self.row.id,
                participant=self.context.participant_ids[person],
                newcomer=self.row.number > 1 and person not in came_before,
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
            SubGroup,
            formed,
            workshop=self.row.id,
            position=position,
            name=default_settings(self.row.number, position)["name"],
            theme=script.theme,
            indicator=script.indicator,
            animateur=animateurs[(position + self.row.number - 1) % len(animateurs)],
        )
        for order, person in enumerate(members):
            self.batch.add(
                SubGroupMember,
                formed,
                subgroup=group["id"],
                participant=self.context.participant_ids[person],
                position=order,
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
                Round,
                clock,
                subgroup=group["id"],
                position=number,
                question=script.rounds[question].question,
                timebox_minutes=TIMEBOX[count],
                trend=None,
                started_at=clock,
                ended_at=end,
            )
            rnd["updated_at"] = end
            self.talk(rnd, members, script, script.rounds[question], budget)
            clock = end + timedelta(minutes=self.rng.randint(1, 2))

    def talk(
        self,
        rnd: dict[str, Any],
        members: list[Person],
        script: data.GroupScript,
        question: data.RoundScript,
        budget: int,
    ) -> None:
        """The round's turns and notes, at times spread over the round (one second apart)."""
        turns = plan_turns(members, budget, self.rng)
        start, end = rnd["started_at"], rnd["ended_at"]
        seconds = int((end - start).total_seconds())
        events = sum(max(1, plan.notes) for plan in turns)
        times = iter(sorted(self.rng.sample(range(1, seconds), events)))
        for position, plan in enumerate(turns):
            first = start + timedelta(seconds=next(times))
            speaker = self.context.participant_ids[plan.speaker] if plan.speaker else None
            turn = self.batch.add(
                Turn,
                first,
                round=rnd["id"],
                participant=speaker,
                position=position,
                passed=plan.passed,
            )
            notes = []
            for i in range(plan.notes):
                when = first if i == 0 else start + timedelta(seconds=next(times))
                saying, indicator, pole = self.choose(script, question)
                commune = plan.speaker.commune if plan.speaker else self.rng.choice(data.COMMUNES)
                notes.append(
                    self.batch.add(
                        Note,
                        when,
                        workshop=self.row.id,
                        subgroup=rnd["subgroup"],
                        round=rnd["id"],
                        turn=turn["id"],
                        speaker=speaker,
                        text=word(self.phrase(saying, plan.speaker), commune),
                        kind=saying.kind.value,
                        indicator=indicator,
                        pole=pole.value if pole is not None else None,
                        trend=None,
                        axis=None,
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
        gap = after["created_at"] - before["created_at"]
        undone = self.batch.add(
            Note,
            before["created_at"] + gap / 3,
            **{
                name: after[name]
                for name in ("workshop", "subgroup", "round", "turn", "speaker", "kind")
            },
            text=first_words(after["text"]),
            indicator=None,
            pole=None,
            trend=None,
            axis=None,
        )
        undone["deleted_at"] = undone["updated_at"] = before["created_at"] + gap * 2 / 3

    def edit_two(self) -> None:
        """Two notes edited later in the round: one completed, one tagged afterwards.

        As `Capture.edit_note` does, the earlier state is kept as a `NoteRevision`.
        """
        notes = [note for turn in self.turns for note in turn]
        completed = self.rng.choice([n for n in notes if len(n["text"].split()) >= 8])
        tagged = self.rng.choice([n for n in notes if n["indicator"] and n is not completed])
        ends = {r["id"]: r["ended_at"] for r in self.batch.rows[Round]}
        for note, text, indicator, pole in (
            (completed, first_words(completed["text"]), completed["indicator"], completed["pole"]),
            (tagged, tagged["text"], None, None),
        ):
            later = note["created_at"] + timedelta(seconds=self.rng.randint(30, 240))
            edited = min(later, ends[note["round"]])
            self.batch.add(
                NoteRevision,
                edited,
                note=note["id"],
                text=text,
                kind=note["kind"],
                indicator=indicator,
                pole=pole,
            )
            note["updated_at"] = edited


def fill_workshops(context: DemoContext) -> None:
    """The workshops already held: attendance, sub-groups, speaking rounds and notes."""
    if not context.spec.workshops:
        return
    rows = {
        row.number: row
        for row in Workshop.select().where(Workshop.demarche == as_uuid(context.demarche_id))
    }
    batch = Batch()
    came_before: set[Person] = set()
    for number, spec in enumerate(context.spec.workshops, start=1):
        row = rows[number]
        day = row.date or data.WORKSHOPS[number - 1][0]
        start = paris_to_utc(day, row.start_time or data.WORKSHOP_START)
        script = data.WORKSHOP_SCRIPTS[number - 1]
        held = HeldWorkshop(context, batch, row, spec, script, start)
        came_before.update(held.write(came_before))
    batch.insert()


def fill_workshop_steps(context: DemoContext) -> None:
    """Steps of the workshops held: done after their debrief; what each one kept, for the
    recap of the next. The questionnaire (step 3) closed before workshop 1."""
    held = len(context.spec.workshops)
    if not held:
        return
    demarche_id = context.demarche_id
    steps = context.store.steps
    steps.set_status(demarche_id, 3, StepStatus.DONE)
    set_step_dates(demarche_id, 3, data.STEP3_START, data.STEP3_DONE)
    for number in range(1, held + 1):
        day = data.WORKSHOPS[number - 1][0]
        step = workshop_step(number)
        debrief = DEBRIEF_DAYS.get(number)
        done = day + timedelta(days=debrief) if debrief is not None else None
        steps.set_status(demarche_id, step, StepStatus.DONE if done else StepStatus.IN_PROGRESS)
        set_step_dates(demarche_id, step, day, done)
        # What was kept is written up the next morning.
        written = paris_to_utc(day + timedelta(days=1), time(10, 0))
        Workshop.update(recap=data.RECAPS[number], updated_at=written).where(
            (Workshop.demarche == as_uuid(demarche_id)) & (Workshop.number == number)
        ).execute()


#: The demo, step by step; a new feature appends its own fill function here.
FILLS: tuple[Callable[[DemoContext], None], ...] = (
    fill_participants,
    fill_step1,
    fill_committee,
    fill_planning,
    fill_logistics,
    fill_questionnaire,
    fill_step2_done,
    fill_workshops,
    fill_workshop_steps,
    fill_questionnaire_sheets,
    # -- workshop 1 contents: felt barometer, images, then axes (in that order)
    fill_felt,
    fill_images,
    fill_axes,
    # -- workshop 2 contents: trends, risks and opportunities, intentions, scenario
    fill_workshop2,
    # -- workshop 3 contents: candidates and the vote, then action sheets
    fill_votes,
    # -- workshop 4 contents: the charter and its signatories
    fill_action_sheets,
    fill_charter,
)
