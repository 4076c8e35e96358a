"""The demo's preparation: the registry, step 1, the committee, planning, logistics, step 2."""

from __future__ import annotations

import random
import uuid
from datetime import date

from vitalite_tui.demo import data as data
from vitalite_tui.demo.context import DemoContext, DemoSpec, Person, agree, of_commune
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.steps import Decision, StepStatus
from vitalite_tui.store.bulk import CommitteeMemberRow, ParticipantRow
from vitalite_tui.store.preparation.demarche_records import Step1Record
from vitalite_tui.store.preparation.records import WorkshopPlan


def set_step_dates(
    context: DemoContext, number: int, started: date, done: date | None, comment: str | None = None
) -> None:
    """Fixed calendar dates instead of today's, so the demo tells a plausible story."""
    context.store.bulk.date_step(context.demarche_id, number, started, done, comment)


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


def fill_participants(context: DemoContext) -> None:
    """The registry: people in thirds by collège, in the order they signed up."""
    rng = context.rng
    context.people = make_people(context.spec, rng)
    everyone = [person for people in context.people.values() for person in people]
    rng.shuffle(everyone)
    context.participant_ids = {person: uuid.uuid4() for person in everyone}
    boxes = [consents(rng) for _ in everyone]
    context.store.bulk.insert(
        [
            ParticipantRow(
                id=context.participant_ids[person],
                demarche=context.demarche,
                number=number,
                display_name=person.name,
                college=person.college.value,
                commune=person.commune,
                organisation=person.organisation,
                consent_data=data_kept,
                consent_contact=contact,
                consent_named=named,
            )
            for (number, person), (data_kept, contact, named) in zip(
                enumerate(everyone, start=1), boxes, strict=True
            )
        ]
    )


def consents(rng: random.Random) -> tuple[bool, bool, bool]:
    """The three boxes as people tick them; nobody is named whose data are not kept."""
    kept = rng.random() < data.CONSENT_DATA_RATE
    contact = rng.random() < data.CONSENT_CONTACT_RATE
    # Drawn even when the data are not kept: the draws after it, and so the demo, stay as
    # they were.
    named = rng.random() < data.CONSENT_NAMED_RATE
    return kept, contact, kept and named


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
    set_step_dates(context, 1, data.PRESENTATION_DATE, data.DELIBERATION_DATE)


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
    context.store.bulk.insert(
        [
            CommitteeMemberRow(
                demarche=context.demarche,
                participant=participant,
                name=name,
                role=role,
                organisation=organisation,
                position=position,
            )
            for position, (name, role, organisation, participant) in enumerate(members)
        ]
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
    set_step_dates(context, 2, data.COPIL_DATE, data.STEP2_DONE, data.STEP2_COMMENT)
    steps.set_status(context.demarche_id, 3, StepStatus.IN_PROGRESS)
    set_step_dates(context, 3, data.STEP3_START, None)
