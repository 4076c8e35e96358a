"""The demo démarche: a fictional rural communauté de communes to explore the app.

The demo is built by a sequence of small fill functions (`FILLS`), in one write transaction,
from a fixed random seed: the same demo every time, on every laptop. Later features add
their own fill function at the end of `FILLS`.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import TYPE_CHECKING, Any, Literal, get_args

from vitalite_tui.db.models import CommitteeMember, Demarche, Participant, StepRecord
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.steps import Decision, StepStatus
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store import demo_data as data
from vitalite_tui.store.base import as_uuid, key, writing
from vitalite_tui.store.records import DemoResult, Step1Record, WorkshopPlan

if TYPE_CHECKING:
    from vitalite_tui.store import Store

DemoSize = Literal["small", "large"]
DEMO_SIZES: tuple[DemoSize, ...] = get_args(DemoSize)

#: The seed of every demo: the same people, in the same order, each time.
SEED = 2026

#: Rows per INSERT: well under SQLite's limit on bound variables (32766).
CHUNK = 500


@dataclass(frozen=True)
class DemoSpec:
    """How big a demo is: people per collège (later: notes, sheets, votes…)."""

    colleges: dict[College, int]

    @property
    def participants(self) -> int:
        return sum(self.colleges.values())


SPECS: dict[DemoSize, DemoSpec] = {
    "small": DemoSpec({College.ELU: 15, College.ACTEUR: 15, College.HABITANT: 15}),
    # The size the benchmarks use (DESIGN.md, quality bars): the 50-person cap.
    "large": DemoSpec({College.ELU: 17, College.ACTEUR: 17, College.HABITANT: 16}),
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


def demo_key(size: DemoSize) -> str:
    return f"demo-{size}"


def create_demo(store: Store, size: DemoSize = "small") -> DemoResult:
    """Create the demo démarche of this size, or return the existing one (never duplicated)."""
    if size not in SPECS:
        sizes = ", ".join(DEMO_SIZES)
        raise InvalidInput(f"Taille de démo inconnue : « {size} » (au choix : {sizes}).")
    with writing():
        existing = Demarche.get_or_none(Demarche.demo_key == demo_key(size))
        if existing is not None and existing.deleted_at is None:
            counts = demo_counts(store, key(existing))
            return DemoResult(key(existing), existing.territory, False, counts)
        if existing is not None:
            # The demo was removed: free its key so a fresh one can be made.
            existing.demo_key = f"{demo_key(size)}-removed-{key(existing)}"
            existing.save()
        demarche_id = store.demarches.create(data.TERRITORY, list(data.COMMUNES))
        Demarche.update(demo_key=demo_key(size)).where(
            Demarche.id == as_uuid(demarche_id)
        ).execute()
        context = DemoContext(store, demarche_id, SPECS[size], random.Random(SEED))
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
    }


# ---------------------------------------------------------------- helpers


def chunked(rows: Iterable[dict[str, Any]], size: int = CHUNK) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def insert_rows(model: type[Participant | CommitteeMember], rows: Iterable[dict[str, Any]]) -> int:
    """Bulk insert in chunks (inside the caller's transaction); returns the row count."""
    count = 0
    for chunk in chunked(rows):
        model.insert_many(chunk).execute()
        count += len(chunk)
    return count


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


#: The demo, step by step; a new feature appends its own fill function here.
FILLS: tuple[Callable[[DemoContext], None], ...] = (
    fill_participants,
    fill_step1,
    fill_committee,
    fill_planning,
    fill_logistics,
    fill_questionnaire,
    fill_step2_done,
)
